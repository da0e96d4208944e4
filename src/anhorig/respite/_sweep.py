"""How the respite rules learn what a booking is judged against: two readings, one answer.

A booking is judged against the entries recorded before it that are still active
then. :class:`Lookup` asks the ledger directly, one booking at a time (what
:func:`~anhorig.respite.rules.check_booking` uses, and the reference in the tests);
:class:`Sweep` answers the same questions for a whole ledger, walking its entries in
order and keeping running totals, so :func:`~anhorig.respite.rules.check` of a ledger
costs what each booking touches, not what the ledger holds. The rules ask only the
methods of :class:`Lookup`; both give the same answers (tests/respite/test_check_sweep.py).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta

from anhorig._calendar import (
    day_index,
    day_midnight,
    local_date,
    month_index,
    month_midnight,
)
from anhorig.people import Person
from anhorig.respite._carry import Periods
from anhorig.respite._index import amount_in
from anhorig.respite.ledger import Ledger, quota_period
from anhorig.respite.model import Booking, QuotaPeriod, QuotaUnit, RespiteGrant, RespiteKind
from anhorig.respite.policy import (
    CarryOver,
    DygnCount,
    RespitePolicy,
    notice_between,
    notice_given,
)
from anhorig.time import ZONE, Period, epoch_seconds

__all__ = ["Lookup", "QuotaTrack", "Sweep", "last_local_date"]

# Read for every booking the sweep takes in: an enum member through its class costs a
# lookup each time.
_EMERGENCY = RespiteKind.EMERGENCY
_DYGN = QuotaUnit.DYGN


def last_local_date(end: datetime) -> date:
    """The Stockholm date of the last moment before ``end``: the last day a stay ending
    at ``end`` touches."""
    return local_date(epoch_seconds(end) - (0 if end.microsecond else 1))


class Lookup:
    """What a booking is judged against, asked of the ledger one booking at a time.

    Each answer concerns the entries before position ``k`` that are still active
    there: the straightforward reading of the rules, used for a single booking
    (:func:`check_booking`) and kept as the reference the whole-ledger sweep is
    tested against.
    """

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def span(self, booking: Booking, k: int) -> tuple[int, int]:
        """``booking`` as epoch seconds ``(start, end)``: from the index when it is the
        entry at ``k`` (judged where it stands), else from its instants."""
        ledger = self.ledger
        if k < len(ledger) and ledger.entry(k) is booking:
            return ledger.span(k)
        return epoch_seconds(booking.interval.start), epoch_seconds(booking.interval.end)

    def made(self, booking: Booking, k: int) -> int:
        """When ``booking`` was made, in epoch seconds (from the index at ``k``, as
        :meth:`span`)."""
        ledger = self.ledger
        if k < len(ledger) and ledger.entry(k) is booking:
            return ledger.recorded_at(k) // 1_000_000
        return epoch_seconds(booking.made_at)

    def notice(self, booking: Booking, policy: RespitePolicy, k: int) -> int:
        """`notice_given` for ``booking`` judged at ``k``."""
        return notice_between(self.made(booking, k), self.span(booking, k)[0], policy)

    def _active(self, grant_id: str, k: int, own: str) -> Iterator[Booking]:
        ledger = self.ledger
        for seq in ledger.seqs_of(grant_id, k):
            entry = ledger.entry(seq)
            if isinstance(entry, Booking) and entry.id != own and ledger.is_active(seq, k):
                yield entry

    def short_notice_used(
        self, grant: RespiteGrant, policy: RespitePolicy, year: int, k: int, own: str
    ) -> int:
        """Short-notice bookings of ``grant`` made in ``year``."""
        return sum(
            1
            for entry in self._active(grant.id, k, own)
            if entry.made_at.in_tz(ZONE).year == year
            and notice_given(entry, policy) < policy.notice
        )

    def staff_asked(self, grant: RespiteGrant, booking: Booking, k: int) -> frozenset[str]:
        """Staff the family has asked for in earlier bookings of ``grant``."""
        asked: set[str] = set()
        for entry in self._active(grant.id, k, booking.id):
            asked.update(entry.preferred_staff)
        return frozenset(asked)

    def quota_added(
        self,
        grant: RespiteGrant,
        policy: RespitePolicy,
        booking: Booking,
        s: int,
        e: int,
        k: int,
    ) -> list[tuple[Period, int]]:
        """Each quota period the booking pushes (further) over the quota, and by how much."""
        ledger = self.ledger
        out = []
        day: date = booking.interval.start.in_tz(ZONE).date()
        end_day: date = (booking.interval.end.in_tz(ZONE) - timedelta(microseconds=1)).date()
        validity_last = grant.validity.last
        if policy.carry_over is not CarryOver.NONE and validity_last is not None:
            # With carry-over a booking also shrinks what later periods inherit.
            end_day = max(end_day, validity_last)
        while day <= end_day:
            period = quota_period(grant, day)
            with_it = ledger.period_balance(grant, period, s, k, ((s, e),))
            without = ledger.period_balance(grant, period, s, k, ())
            added = with_it.over_quota - without.over_quota
            if added > 0:
                out.append((period, added))
            if period.end is None or grant.quota.per is QuotaPeriod.VALIDITY:
                break
            day = period.end
        return out

    def overlapping(
        self, grant: RespiteGrant, booking: Booking, s: int, e: int, k: int
    ) -> list[str]:
        """Ids of the person's bookings that overlap ``[s, e)``."""
        ledger = self.ledger
        out = []
        for other_grant in ledger.grants_for(grant.cared_for):
            for seq in ledger.seqs_between(other_grant.id, s, e, k):
                other = ledger.entry(seq)
                if (
                    isinstance(other, Booking)
                    and other.id != booking.id
                    and ledger.is_active(seq, k)
                ):
                    out.append(other.id)
        return out

    def month_dygn(
        self, grant: RespiteGrant, count: DygnCount, booking: Booking, lo: int, hi: int, k: int
    ) -> int:
        """Dygn the person's other bookings (of dygn grants) spend in month ``[lo, hi)``."""
        ledger = self.ledger
        total = 0
        for other_grant in ledger.grants_for(grant.cared_for):
            if other_grant.quota.unit is not QuotaUnit.DYGN:
                continue
            for seq in ledger.seqs_between(other_grant.id, lo, hi, k):
                other = ledger.entry(seq)
                if (
                    isinstance(other, Booking)
                    and other.id != booking.id
                    and ledger.is_active(seq, k)
                ):
                    os, oe = ledger.span(seq)
                    total += sum(amount_in(QuotaUnit.DYGN, count, os, oe, lo, hi, lo))
        return total

    def partners(self, grant: RespiteGrant) -> Sequence[RespiteGrant]:
        """The grants a combination rule may concern: the same person's, in ledger order."""
        return self.ledger.grants_for(grant.cared_for)

    def occupied(self, unit_id: str, night: int, k: int, own: str) -> int:
        """Beds at ``unit_id`` taken on night ``night`` (a day index) by other bookings."""
        ledger = self.ledger
        count = 0
        for seq in ledger.unit_nights(unit_id).get(night, ()):
            if not ledger.is_active(seq, k):
                continue  # not yet recorded in this ledger, or cancelled
            entry = ledger.entry(seq)
            if isinstance(entry, Booking) and entry.id != own:
                count += 1
        return count


class QuotaTrack:
    """One grant's quota periods with the amount counted in each so far (sweep state)."""

    __slots__ = ("cap", "carried", "carry", "granted", "periods", "quota", "totals", "valid")

    def __init__(self, periods: Periods) -> None:
        self.quota = periods
        self.periods = periods.periods
        self.carry = periods.carry
        self.granted = periods.granted
        self.cap = periods.cap
        self.totals = [0] * len(self.periods)
        # carried[i]: what period i inherits, for the totals as they stand; valid up to
        # index ``valid`` (a change to period j's total invalidates what follows it).
        self.carried = [0] * (len(self.periods) + 1)
        self.valid = 0

    def own(self, s: int, e: int) -> dict[int, int]:
        """The amount booking ``[s, e)`` counts in each period it meets."""
        return self.quota.own(s, e)

    def add(self, own: dict[int, int], sign: int) -> None:
        totals = self.totals
        for i, amount in own.items():
            totals[i] += sign * amount
            self.valid = min(self.valid, i)

    def _carried(self, i: int) -> int:
        carried, totals, granted, cap = self.carried, self.totals, self.granted, self.cap
        j = self.valid
        while j < i:
            # Periods.passed_on, written out (as in `added`).
            left = granted[j] + carried[j] - totals[j]
            carried[j + 1] = 0 if left <= 0 else left if cap is None or left < cap else cap
            j += 1
        self.valid = max(self.valid, i)
        return carried[i]

    def added(self, own: dict[int, int]) -> list[tuple[int, int]]:
        """How far ``own`` (a booking's amount per period, as `own` gives it) pushes each
        period over the quota, for the periods it pushes over.

        Without carry-over only the periods the booking counts in can go over; with it,
        also those after them that inherit less for it: from the first period it counts
        in on, until both readings inherit the same again. (The straightforward reading,
        :meth:`Lookup.quota_added`, walks from the period of the booking's first day to
        the last period of the validity, which holds these.)
        """
        out = []
        totals, granted = self.totals, self.granted
        if not self.carry:
            for i, extra in own.items():
                net = granted[i] - totals[i]
                # max(0, extra - net) - max(0, -net), written out
                added = (extra - net if extra > net else 0) - (-net if net < 0 else 0)
                if added > 0:
                    out.append((i, added))
            return out
        if not own:
            return out
        if len(own) == 1:
            (start,) = own
            top = start
        else:
            start, top = min(own), max(own)
        cap = self.cap
        with_it = without = self.carried[start] if start <= self.valid else self._carried(start)
        for i in range(start, len(totals)):
            extra = own.get(i, 0)
            net = granted[i] + without - totals[i]
            net_with = net + with_it - without - extra
            added = (-net_with if net_with < 0 else 0) - (-net if net < 0 else 0)
            if added > 0:
                out.append((i, added))
            # What each reading passes on (Periods.passed_on, written out).
            left = net
            without = 0 if left <= 0 else left if cap is None or left < cap else cap
            left = net_with
            with_it = 0 if left <= 0 else left if cap is None or left < cap else cap
            if i >= top and with_it == without:
                break  # from here on both inherit the same: nothing more to add
        return out


class Sweep(Lookup):
    """The same answers for a whole ledger, kept up to date entry by entry.

    The check walks the entries in order; before it judges the booking at ``k``
    the sweep holds what the entries before ``k`` leave active (running totals
    per grant, person, month and night, and the overlapping pairs found by one
    sort per person), so each answer costs what the booking touches, not what
    the ledger holds.
    """

    def __init__(self, ledger: Ledger) -> None:
        super().__init__(ledger)
        self.entries = ledger.entries
        self.n = len(ledger.entries)
        # Spans (two a position) and recording instants, read from the index as needed.
        self.flat, self.recorded = ledger.timeline()
        self.short: dict[tuple[str, int], int] = {}
        self.short_of: dict[int, tuple[str, int]] = {}
        self.staff: dict[str, dict[str, int]] = {}
        self.asked: dict[str, frozenset[str]] = {}
        self.quota: dict[str, QuotaTrack] = {}
        self.dygn: dict[tuple[Person, int, DygnCount], int] = {}
        self.dygn_of: dict[int, list[tuple[Person, int, DygnCount, int]]] = {}
        self.beds: dict[tuple[str, int], int] = {}
        self.position = {grant.id: index for index, grant in enumerate(ledger.grants)}
        self.earlier = self._overlapping_pairs()
        self.partner_cache: dict[str, list[RespiteGrant]] = {}
        # Worked out while judging the booking at a position, taken in by record().
        self.own_of: dict[int, dict[int, int]] = {}
        self.notice_of: dict[int, int] = {}
        self.made_of: dict[int, int] = {}
        self.grant_of: dict[str, tuple[RespiteGrant, RespitePolicy, QuotaTrack | None]] = {}

    def _overlapping_pairs(self) -> dict[int, list[int]]:
        """For each booking, the earlier-recorded bookings of its person that overlap it:
        one sort by start per person, then a sweep keeping the stays still open."""
        ledger = self.ledger
        per_person: dict[Person, list[tuple[int, int, int]]] = {}
        of_grant: dict[str, list[tuple[int, int, int]]] = {}
        flat = self.flat
        for seq, entry in enumerate(self.entries):
            if isinstance(entry, Booking):
                s, e = flat[2 * seq], flat[2 * seq + 1]
                stays = of_grant.get(entry.grant_id)
                if stays is None:
                    person = ledger.grant(entry.grant_id).cared_for
                    stays = of_grant[entry.grant_id] = per_person.setdefault(person, [])
                stays.append((s, e, seq))
        earlier: dict[int, list[int]] = {}
        for stays in per_person.values():
            stays.sort()
            open_: list[tuple[int, int]] = []  # (end, seq), a heap
            for s, e, seq in stays:
                while open_ and open_[0][0] <= s:
                    heapq.heappop(open_)
                for _, other in open_:
                    first, second = (other, seq) if other < seq else (seq, other)
                    earlier.setdefault(second, []).append(first)
                heapq.heappush(open_, (e, seq))
        return earlier

    # --- answers ------------------------------------------------------------------------

    def span(self, booking: Booking, k: int) -> tuple[int, int]:
        if k < self.n and self.entries[k] is booking:
            return self.flat[2 * k], self.flat[2 * k + 1]  # the index's, as read
        return super().span(booking, k)

    def short_notice_used(
        self, grant: RespiteGrant, policy: RespitePolicy, year: int, k: int, own: str
    ) -> int:
        return self.short.get((grant.id, year), 0)

    def staff_asked(self, grant: RespiteGrant, booking: Booking, k: int) -> frozenset[str]:
        asked = self.asked.get(grant.id)
        if asked is None:  # made again only after the staff asked for changed
            asked = self.asked[grant.id] = frozenset(self.staff.get(grant.id, ()))
        return asked

    def quota_added(
        self,
        grant: RespiteGrant,
        policy: RespitePolicy,
        booking: Booking,
        s: int,
        e: int,
        k: int,
    ) -> list[tuple[Period, int]]:
        track = self.quota.get(grant.id) or self._track(grant, policy)
        own = self.own_of[k] = track.quota.own(s, e)  # what record() takes in next
        added = track.added(own)
        if not added:
            return []
        return [(quota_period(grant, track.quota.starts[i]), amount) for i, amount in added]

    def overlapping(
        self, grant: RespiteGrant, booking: Booking, s: int, e: int, k: int
    ) -> list[str]:
        earlier = self.earlier.get(k)
        if earlier is None:
            return []  # most bookings overlap nothing recorded before them
        ledger = self.ledger
        found = [seq for seq in earlier if ledger.is_active(seq, k)]
        if not found:
            return []
        # The order the per-booking reading finds them in: by grant, then by the first
        # month bucket of the window that holds the stay, then by position.
        m0 = month_index(s)
        others = [(seq, ledger.entry(seq)) for seq in found]
        ordered = sorted(
            (
                self.position[other.grant_id],
                max(m0, month_index(self.flat[2 * seq])),
                seq,
                other.id,
            )
            for seq, other in others
            if isinstance(other, Booking)
        )
        return [key[3] for key in ordered]

    def month_dygn(
        self, grant: RespiteGrant, count: DygnCount, booking: Booking, lo: int, hi: int, k: int
    ) -> int:
        month = month_index(lo)
        return self.dygn.get((grant.cared_for, month, count), 0)

    def partners(self, grant: RespiteGrant) -> Sequence[RespiteGrant]:
        found = self.partner_cache.get(grant.id)
        if found is None:
            ledger = self.ledger
            # Whether a pair is forbidden depends only on the two kinds.
            kinds = {other for other in RespiteKind if ledger.forbids(grant.kind, other)}
            found = [
                other
                for other in ledger.grants_for(grant.cared_for)
                if other.kind in kinds and other.id != grant.id
            ]
            self.partner_cache[grant.id] = found
        return found

    def occupied(self, unit_id: str, night: int, k: int, own: str) -> int:
        return self.beds.get((unit_id, night), 0)

    def made(self, booking: Booking, k: int) -> int:
        made = self.made_of.get(k)
        if made is None:
            if k < self.n and self.entries[k] is booking:
                made = self.recorded[k] // 1_000_000
            else:
                made = super().made(booking, k)
            self.made_of[k] = made
        return made

    def notice(self, booking: Booking, policy: RespitePolicy, k: int) -> int:
        given = self.notice_of.get(k)
        if given is None:
            if k < self.n and self.entries[k] is booking:
                # made() and span(), read here at once: notice is asked of every booking.
                made = self.made_of[k] = self.recorded[k] // 1_000_000
                given = notice_between(made, self.flat[2 * k], policy)
            else:
                given = super().notice(booking, policy, k)
            self.notice_of[k] = given
        return given

    # --- keeping up ---------------------------------------------------------------------

    def _track(self, grant: RespiteGrant, policy: RespitePolicy) -> QuotaTrack:
        track = self.quota.get(grant.id)
        if track is None:
            track = self.quota[grant.id] = QuotaTrack(self.ledger.period_table(grant))
        return track

    def record(self, seq: int, booking: Booking) -> None:
        """Take the booking at ``seq`` into the running state."""
        ledger = self.ledger
        found = self.grant_of.get(booking.grant_id)
        if found is None:
            grant = ledger.grant(booking.grant_id)
            policy = ledger.policy_for(grant.kind)
            track = None if grant.kind is _EMERGENCY else self._track(grant, policy)
            found = self.grant_of[booking.grant_id] = (grant, policy, track)
        grant, policy, track = found
        s, e = self.flat[2 * seq], self.flat[2 * seq + 1]
        given = self.notice_of.pop(seq, None)  # worked out when it was judged
        made = self.made_of.pop(seq, None)
        if policy.notice:
            if given is None:
                given = Lookup.notice(self, booking, policy, seq)
            if given < policy.notice:
                if made is None:
                    made = self.recorded[seq] // 1_000_000
                key = (grant.id, local_date(made).year)
                self.short[key] = self.short.get(key, 0) + 1
                self.short_of[seq] = key
        if booking.preferred_staff:
            staff = self.staff.setdefault(grant.id, {})
            for name in set(booking.preferred_staff):
                staff[name] = staff.get(name, 0) + 1
            self.asked.pop(grant.id, None)
        if track is not None:  # not an emergency place, which counts against no quota
            own = self.own_of.pop(seq, None)
            if own is None:
                own = track.quota.own(s, e)
            track.add(own, 1)
        if grant.quota.unit is _DYGN:
            parts = []
            for m in range(month_index(s), month_index(e - 1) + 1):
                lo, hi = month_midnight(m), month_midnight(m + 1)
                for count in DygnCount:
                    amount = sum(amount_in(QuotaUnit.DYGN, count, s, e, lo, hi, s))
                    if amount:
                        key3 = (grant.cared_for, m, count)
                        self.dygn[key3] = self.dygn.get(key3, 0) + amount
                        parts.append((grant.cared_for, m, count, amount))
            self.dygn_of[seq] = parts
        if booking.unit_id is not None:
            i = day_index(s) + 1
            while day_midnight(i) < e:
                night = (booking.unit_id, i - 1)
                self.beds[night] = self.beds.get(night, 0) + 1
                i += 1

    def cancel(self, seq: int) -> None:
        """Take the booking at ``seq`` out again: it was cancelled."""
        ledger = self.ledger
        booking = ledger.entry(seq)
        assert isinstance(booking, Booking)
        key = self.short_of.pop(seq, None)
        if key is not None:
            self.short[key] -= 1
        if booking.preferred_staff:
            staff = self.staff[booking.grant_id]
            for name in set(booking.preferred_staff):
                staff[name] -= 1
                if not staff[name]:
                    del staff[name]
            self.asked.pop(booking.grant_id, None)
        found = self.grant_of.get(booking.grant_id)
        assert found is not None  # recorded before it was cancelled
        track = found[2]
        s, e = self.flat[2 * seq], self.flat[2 * seq + 1]
        if track is not None and not ledger.counts(seq)[1]:
            # What it counted when recorded, worked out again (the same span, the same
            # periods); a late cancellation still counts in full.
            track.add(track.quota.own(s, e), -1)
        for person, m, count, amount in self.dygn_of.pop(seq, ()):
            self.dygn[(person, m, count)] -= amount
        if booking.unit_id is not None:
            i = day_index(s) + 1
            while day_midnight(i) < e:
                self.beds[(booking.unit_id, i - 1)] -= 1
                i += 1
