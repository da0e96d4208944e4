"""What each quota period of a grant inherits: carry-over kept per grant, not rebuilt.

With carry-over, the balance of a quota period depends on every earlier period of the
grant. Rebuilt on each question that costs every month since the grant began (a query in
the last year of a 30-year grant walked 360 months). Here a grant's periods are turned
into integers once (:class:`Periods`: epoch-second windows and the amount granted in
each), and what the entries count in each period and what each period inherits are kept
in a :class:`Carry`: a snapshot for the first ``applied`` entries touching the grant.

A snapshot never changes once made. Another number of entries is reached from the
nearest snapshot by applying (or taking back) only the entries in between: a booking
adds what it counts in each period it meets, a cancellation in time takes that out again
(a late one changes nothing: it still counts in full). What each period inherits is then
recomputed only from the first period that changed, and only while it differs from
before. So a balance costs what its own period holds, whatever the grant's length, and
a ledger one booking longer costs what that booking touches.

Threads: an :class:`~anhorig.respite._index.Index` keeps, per grant, the snapshot with
the most entries any query has made; publishing one takes the index's ``carry_lock``
and keeps the larger; reading takes no lock (a snapshot is never written after it is
made).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date

from anhorig._calendar import day_midnight
from anhorig.respite._index import amount_in, checked_midnight
from anhorig.respite.model import QuotaPeriod, QuotaUnit, RespiteGrant
from anhorig.respite.policy import CarryOver, DygnCount, Proration, RespitePolicy
from anhorig.time import Period

__all__ = ["Carry", "Periods", "granted_in", "quota_periods"]

_HOURS = QuotaUnit.HOURS
_FIRST_MIDNIGHT = day_midnight(0)


def quota_periods(grant: RespiteGrant) -> tuple[Period, ...]:
    """The quota periods of ``grant`` that meet its validity, in order."""
    validity = grant.validity
    assert validity.end is not None
    per = grant.quota.per
    if per is QuotaPeriod.VALIDITY:
        return (validity,)
    if per is QuotaPeriod.MONTH:
        return tuple(validity.months())
    last = date.fromordinal(validity.end.toordinal() - 1).year
    return tuple(Period.year(year) for year in range(validity.start.year, last + 1))


def granted_in(grant: RespiteGrant, policy: RespitePolicy, period: Period) -> int:
    """What ``grant`` gives in ``period`` under ``policy`` (prorated if the policy says so),
    in seconds for an hours quota and in dygn for a dygn quota."""
    amount = grant.quota.amount * (3600 if grant.quota.unit is QuotaUnit.HOURS else 1)
    inside = period.intersection(grant.validity)
    if inside is None or inside.days == 0:
        return 0
    if policy.proration is Proration.NONE or grant.quota.per is QuotaPeriod.VALIDITY:
        return amount
    covered = inside.days or 0
    total = period.days or 1
    return amount * covered // total


class Periods:
    """A grant's quota periods under its policy, as integers (built once per index).

    ``los[i]``/``his[i]``: the epoch-second window of period ``i`` inside the validity
    (equal when they do not meet); ``granted[i]``: what the period gives; ``cap``: the
    most a period passes on (``None``: no cap); ``carry``: whether periods pass anything
    on at all.
    """

    __slots__ = (
        "cap",
        "carry",
        "count",
        "granted",
        "his",
        "los",
        "periods",
        "starts",
        "unit",
    )

    def __init__(self, grant: RespiteGrant, policy: RespitePolicy) -> None:
        self.unit = grant.quota.unit
        self.count: DygnCount = policy.dygn_count
        self.periods = quota_periods(grant)
        self.starts = [period.start for period in self.periods]
        self.granted = [granted_in(grant, policy, period) for period in self.periods]
        self.los: list[int] = []
        self.his: list[int] = []
        for period in self.periods:
            window = period.intersection(grant.validity)
            if window is None or window.end is None or window.start == window.end:
                lo = hi = self.his[-1] if self.his else checked_midnight(period.start)
            else:
                lo, hi = checked_midnight(window.start), checked_midnight(window.end)
            self.los.append(lo)
            self.his.append(hi)
        self.carry = (
            policy.carry_over is not CarryOver.NONE and grant.quota.per is not QuotaPeriod.VALIDITY
        )
        cap = policy.carry_over_cap or 0
        self.cap = (
            (cap * 3600 if self.unit is QuotaUnit.HOURS else cap)
            if policy.carry_over is CarryOver.CAPPED
            else None
        )

    def before(self, start: date) -> int:
        """How many periods begin before ``start`` (the periods a period beginning
        there inherits from)."""
        return bisect.bisect_left(self.starts, start)

    def own(self, s: int, e: int) -> dict[int, int]:
        """The amount booking ``[s, e)`` counts in each period it meets."""
        los, his = self.los, self.his
        # The windows' ends are midnights: those after ``s`` are those after the
        # midnight that begins its day (that of 1900-01-01 at the earliest).
        first = bisect.bisect_right(his, s if s > _FIRST_MIDNIGHT else _FIRST_MIDNIGHT)
        last = bisect.bisect_left(los, e)
        out = {}
        if self.unit is _HOURS:
            for i in range(first, last):
                lo, hi = los[i], his[i]
                # The seconds of [s, e) inside [lo, hi) (amount_in's, written out).
                amount = (e if e < hi else hi) - (s if s > lo else lo)
                if amount > 0:
                    out[i] = amount
            return out
        for i in range(first, last):
            lo, hi = los[i], his[i]
            if lo == hi:
                continue
            amount = sum(amount_in(self.unit, self.count, s, e, lo, hi, s))
            if amount:
                out[i] = amount
        return out

    def passed_on(self, i: int, carried: int, counted: int) -> int:
        """What period ``i`` passes on, having inherited ``carried`` and counted ``counted``."""
        left = self.granted[i] + carried - counted
        if left <= 0:
            return 0
        cap = self.cap
        return left if cap is None or left < cap else cap


class Carry:
    """One grant's amounts counted per period, and what each period inherits, for the
    first ``applied`` entries touching the grant (an immutable snapshot).

    ``totals[i]``: what the entries count in period ``i``; ``carried[i]``: what period
    ``i`` inherits (``carried[len(periods)]``: what the last one passes on).
    """

    __slots__ = ("applied", "carried", "totals")

    def __init__(self, applied: int, totals: list[int], carried: list[int]) -> None:
        self.applied = applied
        self.totals = totals
        self.carried = carried

    @classmethod
    def empty(cls, periods: Periods) -> Carry:
        """No entries yet: nothing counted, nothing carried."""
        n = len(periods.granted)
        totals = [0] * n
        carried = [0] * (n + 1)
        if periods.carry:
            for i in range(n):
                carried[i + 1] = periods.passed_on(i, carried[i], 0)
        return cls(0, totals, carried)

    def moved(self, periods: Periods, refs: Sequence[int], spans: Sequence[int], to: int) -> Carry:
        """The snapshot for the first ``to`` touches: this one with the touches between
        applied (forwards) or taken back (backwards).

        ``refs`` says for each entry touching the grant which booking it adds (its
        position) or takes out (``~position``: a cancellation in time); ``spans`` holds
        every entry's start and end, two integers a position (the index's).
        """
        if to == self.applied:
            return self
        totals = list(self.totals)
        first = len(totals)
        last = -1
        forward = to > self.applied
        for t in range(self.applied, to) if forward else range(to, self.applied):
            ref = refs[t]
            sign = 1 if ref >= 0 else -1
            if ref < 0:
                ref = ~ref
            s, e = spans[2 * ref], spans[2 * ref + 1]
            if not forward:
                sign = -sign
            for i, amount in periods.own(s, e).items():
                totals[i] += sign * amount
                first = min(first, i)
                last = max(last, i)
        carried = self.carried
        if periods.carry and first < len(totals):
            carried = list(carried)
            before = self.carried
            for i in range(first, len(totals)):
                passed = periods.passed_on(i, carried[i], totals[i])
                if i > last and passed == before[i + 1]:
                    break  # from here on every period inherits what it did before
                carried[i + 1] = passed
        return Carry(to, totals, carried)

    def carried_into(
        self, periods: Periods, target: int, extra: dict[int, int] | None = None
    ) -> int:
        """What period ``target`` inherits (``target`` may be ``len(periods)``), with the
        amounts ``extra`` (per period) counted too."""
        if not periods.carry or target <= 0:
            return 0
        if not extra:
            return self.carried[target]
        start = min(extra)
        if start >= target:
            return self.carried[target]
        carried = self.carried[start]
        for i in range(start, target):
            carried = periods.passed_on(i, carried, self.totals[i] + extra.get(i, 0))
        return carried
