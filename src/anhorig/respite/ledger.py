"""The respite ledger: an append-only record of bookings and cancellations, and balances.

A :class:`Ledger` (*avlösningsliggare*) holds the policies, the grants, the
short-stay units and, in the order they were recorded, every :class:`Booking` and
:class:`Cancellation`. It never changes: :meth:`Ledger.book` and
:meth:`Ledger.cancel` return a new ledger with one more entry, and a cancellation
reverses a booking from the moment it is recorded, so a balance asked "as of" an
earlier instant comes out as it did then.

:meth:`Ledger.balance` says, for the quota period containing a date, how much
was granted, carried over, used (before that date), reserved (from it on),
remaining and over quota. Amounts are integers: **seconds** for an hours quota,
**dygn** for a dygn quota (:meth:`Balance.show` writes them for people).

How it is computed (DESIGN.md decision 5, DOMAIN.md rules 26–31):

- Hours are elapsed time: a booking is two UTC instants, its length their
  difference, so a night over the spring change is one hour shorter and one over
  the autumn change one hour longer.
- Periods are local: a month starts at local midnight in Europe/Stockholm. A
  booking across a boundary counts in both periods, each with its own part.
- Dygn are nights (a local midnight strictly inside the booking, counted in the
  month of the evening) or calendar days touched, by policy.
- A cancellation later than the policy's cut-off counts as used in full.
- Inside, a booking's start and end are integers of UTC epoch seconds and local
  midnights come from :mod:`anhorig._calendar` (computed a year at a time, when
  first needed), so no pendulum arithmetic runs per booking. When an entry was
  recorded (``made_at``, a cancellation's ``at``) is kept in epoch microseconds and
  compared exactly: the order of entries, "as of" and the late-cancellation cut-off
  are exact to the microsecond, not the second. Each grant keeps its bookings in
  per-month buckets. A balance query costs a binary search plus the bookings of that
  grant in the months asked about, whatever the size of the ledger.
- With carry-over, what a period inherits comes from a per-grant snapshot of every
  period's total (:mod:`anhorig.respite._carry`), kept in the shared index and moved
  along only by the entries since, so a balance costs the same in a grant's first
  month and in the last month of a 30-year grant.
- The index (:mod:`anhorig.respite._index`) is append-only and shared: a ledger
  returned by ``book`` is made by the constructor, which finds its parent's index
  through the entries and reads it up to one more entry, so only the new entry is
  indexed. Appending to an older ledger starts a new index.
- Threads may share ledgers: appending to the shared index takes its lock (two
  threads booking on one ledger get one the shared index, the other a new one), and
  a query reads the index without a lock, only up to its own ledger's length.

>>> from datetime import date
>>> from anhorig.people import Person
>>> from anhorig.time import Interval, Period, local
>>> from anhorig.respite.model import *
>>> grant = RespiteGrant(id="G-1", kind=RespiteKind.IN_HOME, basis=GrantBasis.DECISION,
...     decision_ref="D-1", quota=Quota(amount=10, unit=QuotaUnit.HOURS,
...     per=QuotaPeriod.MONTH), validity=Period(date(2026, 1, 1), date(2027, 1, 1)),
...     cared_for=Person(name="Karin Berg", birth_date=date(1940, 5, 1)))
>>> ledger = Ledger(grants=(grant,))
>>> night = Booking(id="B-1", grant_id="G-1", made_at=local(2026, 3, 1),
...     interval=Interval(local(2026, 3, 28, 20), local(2026, 3, 29, 8)),
...     provider=Provider(name="Hemtjänst Norr", kind=ProviderKind.MUNICIPALITY))
>>> ledger = ledger.book(night)
>>> balance = ledger.balance("G-1", on=date(2026, 3, 1))
>>> balance.show("reserved"), balance.show("remaining")
('11 h', '-1 h')
>>> balance.over_quota // 3600
1
>>> ledger.cancel("B-1", at=local(2026, 3, 2)).balance("G-1", on=date(2026, 3, 1)).show("remaining")
'10 h'
"""

from __future__ import annotations

import bisect
import decimal
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, Literal

import attrs
import pendulum

from anhorig import _checks, bounds
from anhorig._arguments import checked, checked_first
from anhorig._calendar import (
    month_index,
)
from anhorig._checks import collecting, each, instance_of
from anhorig._values import date_text, value_text
from anhorig.errors import InvalidInput
from anhorig.language import Lang
from anhorig.people import Person
from anhorig.respite._carry import Carry, Periods, granted_in, quota_periods
from anhorig.respite._index import Entry, Index, amount_in, checked_midnight, epoch_micros
from anhorig.respite.model import (
    Booking,
    Cancellation,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    ShortStayUnit,
)
from anhorig.respite.policy import (
    DEFAULT_POLICY,
    Overage,
    RespitePolicy,
)
from anhorig.time import Period, as_instant, epoch_seconds

__all__ = [
    "AMOUNT_FIELDS",
    "DEFAULT_POLICY",
    "AmountField",
    "Balance",
    "Entry",
    "Ledger",
    "as_of_instant",
    "format_amount",
    "granted_in",
    "quota_period",
    "quota_periods",
]


@checked_first
def format_amount(amount: int, unit: QuotaUnit, lang: Lang = "sv") -> str:
    """``amount`` for people: ``10 h 30 min`` for seconds of an hours quota, ``3 dygn``."""
    if unit is QuotaUnit.DYGN:
        return f"{amount} dygn"
    sign = "-" if amount < 0 else ""
    minutes = abs(amount) // 60
    hours, rest = divmod(minutes, 60)
    if rest:
        return f"{sign}{hours} h {rest} min"
    return f"{sign}{hours} h"


# --- balance -------------------------------------------------------------------------------

# Computed from the ledger, so bounded only for the readers of its JSON.
_AMOUNT = _checks.and_(
    instance_of(int),
    _checks.ge(0),
    bounds.at_most(
        bounds.INTEROP_INTEGER,
        sv="det största heltal varje JSON-läsare läser exakt",
        en="the largest integer every JSON reader reads exactly",
    ),
)


AmountField = Literal["granted", "carried_over", "used", "reserved", "remaining", "over_quota"]
"""The name of one of a `Balance`'s amounts."""

AMOUNT_FIELDS: tuple[AmountField, ...] = (
    "granted",
    "carried_over",
    "used",
    "reserved",
    "remaining",
    "over_quota",
)
"""A `Balance`'s amounts, in the order they are shown."""

_HUNDREDTH = decimal.Decimal("0.01")


@collecting
@attrs.frozen(kw_only=True, order=False)
class Balance:
    """What is left of a grant in one quota period (*saldo*).

    ``unit`` is the quota's unit; the amounts count in `amount_unit`: **seconds** for
    an hours quota (``granted == 36000`` is 10 hours) and whole **dygn** for a dygn
    quota, so that they add up exactly. `hours` gives an hours quota's amount in
    hours, and `amounts` every amount under a name that says its unit
    (``granted_seconds``, ``granted_hours``, ``granted_dygn``), as ``anhorig respite
    balance --format json`` writes them; its document (``to_json``, ``schema_version``
    2) holds ``granted_seconds`` or ``granted_dygn``, and a version 1 document (the
    amounts under these fields' names) is still read. ``period`` is half-open: ``period.end`` is the
    first day after it, ``period.last`` its last day.

    ``used`` is what lies before the moment asked about (and cancellations too late to
    free their time), ``reserved`` what is booked from it on. ``remaining`` and
    ``over_quota`` are never both above zero, and always::

        remaining - over_quota == granted + carried_over - used - reserved

    ``charged`` says the policy charges what goes over the quota rather than refusing it.

    >>> from anhorig.time import Period
    >>> b = Balance(grant_id="G-1", period=Period.month(2026, 3), unit=QuotaUnit.HOURS,
    ...             granted=36000, carried_over=0, used=37800, reserved=0, remaining=0,
    ...             over_quota=1800, charged=True)
    >>> b.amount_unit, b.hours("granted"), b.hours("used"), b.show("remaining", "en")
    ('seconds', Decimal('10'), Decimal('10.5'), '-0 h 30 min')
    >>> b.amounts()["over_quota_hours"], b.amounts()["over_quota_seconds"]
    (Decimal('0.5'), 1800)
    """

    grant_id: str = attrs.field(validator=_checks.non_empty_text)
    period: Period = attrs.field(validator=instance_of(Period))
    unit: QuotaUnit = attrs.field(validator=instance_of(QuotaUnit))
    granted: int = attrs.field(validator=_AMOUNT)
    carried_over: int = attrs.field(validator=_AMOUNT)
    used: int = attrs.field(validator=_AMOUNT)
    reserved: int = attrs.field(validator=_AMOUNT)
    remaining: int = attrs.field(validator=_AMOUNT)
    over_quota: int = attrs.field(validator=_AMOUNT)
    charged: bool = attrs.field(validator=_checks.a_bool)

    @property
    def net(self) -> int:
        """``granted + carried_over - used - reserved``: negative when over quota."""
        return self.granted + self.carried_over - self.used - self.reserved

    @property
    def amount_unit(self) -> Literal["seconds", "dygn"]:
        """What the amounts count: ``"seconds"`` for an hours quota, ``"dygn"`` for a dygn
        quota."""
        return "dygn" if self.unit is QuotaUnit.DYGN else "seconds"

    def hours(self, field: AmountField) -> decimal.Decimal:
        """An hours quota's amount in hours: ``Decimal('10')``, ``Decimal('10.5')``.

        Exact to the hundredth of an hour (36 seconds); an amount between hundredths is
        rounded half to even, and its exact count stays in seconds. A dygn quota's
        amounts are not hours: ``InvalidInput``.
        """
        if self.unit is QuotaUnit.DYGN:
            raise InvalidInput.at(
                field,
                sv="kvoten räknas i dygn, inte i timmar",
                en="the quota counts dygn, not hours",
            )
        hours = decimal.Decimal(int(getattr(self, field))) / 3600
        return hours.quantize(_HUNDREDTH, decimal.ROUND_HALF_EVEN).normalize() + 0

    def amounts(self) -> dict[str, int | decimal.Decimal]:
        """Every amount under a name that says its unit.

        An hours quota gives ``granted_seconds`` (exact) and ``granted_hours`` (see
        `hours`) for each of `AMOUNT_FIELDS`; a dygn quota gives ``granted_dygn``.
        """
        if self.unit is QuotaUnit.DYGN:
            return {f"{f}_dygn": int(getattr(self, f)) for f in AMOUNT_FIELDS}
        named: dict[str, int | decimal.Decimal] = {}
        for f in AMOUNT_FIELDS:
            named[f"{f}_seconds"] = int(getattr(self, f))
            named[f"{f}_hours"] = self.hours(f)
        return named

    def show(
        self,
        field: AmountField,
        lang: Lang = "sv",
    ) -> str:
        """One amount for people; ``remaining`` is shown negative when over quota."""
        value = self.net if field == "remaining" else int(getattr(self, field))
        return format_amount(value, self.unit, lang)

    def explain(self, lang: Lang = "sv") -> str:
        """One line: the period and every amount."""
        names = (
            ("beviljat", "sparat", "använt", "bokat", "kvar", "över kvoten")
            if lang == "sv"
            else ("granted", "carried over", "used", "reserved", "remaining", "over quota")
        )
        fields = ("granted", "carried_over", "used", "reserved", "remaining", "over_quota")
        parts = [
            f"{label} {format_amount(int(getattr(self, f)), self.unit, lang)}"
            for label, f in zip(names, fields, strict=True)
        ]
        last = self.period.last
        tail = ""
        if self.over_quota and self.charged:
            tail = " (debiteras)" if lang == "sv" else " (charged)"
        span = f"{date_text(self.period.start, lang)}–{value_text(last, lang)}"
        return f"{self.grant_id} {span}: " + ", ".join(parts) + tail


def _unique(name: str, key: str) -> Any:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        each_check = each(
            {"policies": RespitePolicy, "grants": RespiteGrant, "units": ShortStayUnit}[name]
        )
        each_check(instance, attribute, value)
        if not isinstance(value, tuple):
            return
        seen: dict[object, int] = {}
        for index, item in enumerate(value):
            if name == "policies":
                if not isinstance(item, RespitePolicy):
                    continue
                for kind in sorted(item.kinds):
                    if kind in seen:
                        _checks.fail(
                            f"policies[{index}].kinds",
                            sv=f"{kind.label('sv')} styrs redan av policies[{seen[kind]}]",
                            en=f"{kind.label('en')} is already governed by policies[{seen[kind]}]",
                        )
                    seen[kind] = index
                continue
            ident = getattr(item, key, None)
            if ident in seen:
                _checks.fail(
                    f"{name}[{index}].{key}",
                    sv=f"{ident!r} förekommer redan i {name}[{seen[ident]}]",
                    en=f"{ident!r} already occurs in {name}[{seen[ident]}]",
                )
            elif ident is not None:
                seen[ident] = index

    return check


def _entries(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    # Only the container here: building the index checks every member, with its path.
    if not isinstance(value, tuple):
        _checks.fail(
            "entries",
            sv=f"väntade en tupel, fick {type(value).__name__}",
            en=f"expected a tuple, got {type(value).__name__}",
        )


@collecting
@attrs.frozen(kw_only=True, order=False)
class Ledger:
    """The append-only record of a family's (or a unit's) respite (*avlösningsliggare*).

    ``entries`` are bookings and cancellations in the order recorded (by
    ``made_at`` / ``at``, never decreasing). ``policies`` govern the grants by kind;
    a kind no policy governs follows :data:`DEFAULT_POLICY`. The ledger refuses,
    with ``InvalidInput``, an entry for an unknown grant or unit, a duplicate
    booking id, a cancellation of an unknown or already cancelled booking, and an
    entry recorded before the one it follows.
    """

    policies: tuple[RespitePolicy, ...] = attrs.field(
        default=(), validator=_unique("policies", "kinds")
    )
    grants: tuple[RespiteGrant, ...] = attrs.field(default=(), validator=_unique("grants", "id"))
    units: tuple[ShortStayUnit, ...] = attrs.field(default=(), validator=_unique("units", "id"))
    entries: tuple[Entry, ...] = attrs.field(default=(), validator=_entries)
    _index: Index = attrs.field(init=False, eq=False, repr=False, hash=False)

    def __attrs_post_init__(self) -> None:
        # Runs once every field has passed its checks (see ``_checks.collecting``).
        index = Index.shared_by(self.policies, self.grants, self.units, self.entries)
        if index is None:
            index = Index.build(self.policies, self.grants, self.units, self.entries)
        object.__setattr__(self, "_index", index)

    def __len__(self) -> int:
        """How many entries (bookings and cancellations) the ledger holds."""
        return len(self.entries)

    def entry(self, seq: int) -> Entry:
        """The entry at position ``seq``."""
        if not 0 <= seq < len(self.entries):
            raise IndexError(seq)
        return self.entries[seq]

    def __repr__(self) -> str:
        return (
            f"Ledger(policies={len(self.policies)}, grants={len(self.grants)}, "
            f"units={len(self.units)}, entries={len(self.entries)})"
        )

    # --- appending ---------------------------------------------------------------------

    def extend(self, entries: Iterable[Entry]) -> Ledger:
        """A new ledger with ``entries`` appended, in order; ``InvalidInput`` if one is refused.

        Appending to the newest ledger shares its index (only the new entries are
        indexed); appending to an older one starts a new index. The new ledger is made
        by the constructor, which finds the shared index through its entries.
        """
        added = tuple(entries)
        extended = self._index.extended(self.entries, added)
        if extended is None:  # not the newest ledger on its index: start a new one
            index = Index.build(self.policies, self.grants, self.units, self.entries)
            extended = index.extended(self.entries, added)
            assert extended is not None
        return attrs.evolve(self, entries=extended)

    def book(self, booking: Booking) -> Ledger:
        """A new ledger with ``booking`` recorded. It is not judged: see
        :func:`anhorig.respite.rules.check_booking`, or :func:`anhorig.respite.capacity.try_book`,
        which checks and books."""
        if not isinstance(booking, Booking):
            raise InvalidInput.at(
                "booking",
                sv=f"väntade Booking, fick {type(booking).__name__}",
                en=f"expected Booking, got {type(booking).__name__}",
            )
        return self.extend((booking,))

    def cancel(self, booking_id: str, *, at: datetime, reason: str = "") -> Ledger:
        """A new ledger in which ``booking_id`` is cancelled from ``at``."""
        return self.extend((Cancellation(booking_id=booking_id, at=at, reason=reason),))

    def with_grant(self, grant: RespiteGrant) -> Ledger:
        """A new ledger with ``grant`` added (the index is rebuilt)."""
        return attrs.evolve(self, grants=(*self.grants, grant))

    # --- looking up --------------------------------------------------------------------

    def grant(self, grant_id: str) -> RespiteGrant:
        """The grant ``grant_id``; ``InvalidInput`` if the ledger has none."""
        found = self._index.grants.get(grant_id)
        if found is None:
            raise InvalidInput.at(
                "grant_id", sv=f"okänd insats {grant_id!r}", en=f"unknown grant {grant_id!r}"
            )
        return found

    def unit(self, unit_id: str) -> ShortStayUnit:
        """The short-stay unit ``unit_id``; ``InvalidInput`` if the ledger has none."""
        found = self._index.units.get(unit_id)
        if found is None:
            raise InvalidInput.at(
                "unit_id", sv=f"okänd enhet {unit_id!r}", en=f"unknown unit {unit_id!r}"
            )
        return found

    def policy_for(self, kind: RespiteKind) -> RespitePolicy:
        """The policy governing ``kind`` in this ledger (or :data:`DEFAULT_POLICY`)."""
        return self._index.policy(kind)

    def governed(self, kind: RespiteKind) -> bool:
        """Whether a policy of this ledger governs ``kind`` explicitly."""
        return kind in self._index.policy_of

    def forbids(self, kind: RespiteKind, other: RespiteKind) -> bool:
        """Whether a policy of this ledger forbids holding ``kind`` together with ``other``."""
        return (other in self.policy_for(kind).not_combined_with and self.governed(kind)) or (
            kind in self.policy_for(other).not_combined_with and self.governed(other)
        )

    def cutoff(self, as_of: datetime | None = None) -> int:
        """How many entries were recorded by ``as_of`` (all, if ``None``)."""
        n = len(self.entries)
        if as_of is None:
            return n
        stamp = epoch_micros(as_of_instant(as_of))
        return bisect.bisect_right(self._index.recorded, stamp, 0, n)

    def as_of(self, instant: datetime) -> Ledger:
        """The ledger as it stood at ``instant``: the entries recorded by then."""
        k = self.cutoff(instant)
        if k == len(self.entries):
            return self
        return attrs.evolve(self, entries=self.entries[:k])

    def seq_of(self, booking_id: str) -> int | None:
        """Where booking ``booking_id`` lies in ``entries``, if it is there."""
        seq = self._index.booking_seq.get(booking_id)
        return seq if seq is not None and seq < len(self.entries) else None

    def is_active(self, seq: int, k: int | None = None) -> bool:
        """Whether the booking at ``seq`` is recorded and not cancelled among the first ``k``."""
        limit = len(self.entries) if k is None else k
        if seq >= limit:
            return False
        cancelled = self._index.cancelled.get(seq)
        return cancelled is None or cancelled[0] >= limit

    def counts(self, seq: int, k: int | None = None) -> tuple[bool, bool]:
        """(counts, forfeited): whether the booking at ``seq`` consumes quota among the
        first ``k`` entries, and whether only because it was cancelled too late."""
        limit = len(self.entries) if k is None else k
        if seq >= limit:
            return False, False
        cancelled = self._index.cancelled.get(seq)
        if cancelled is None or cancelled[0] >= limit:
            return True, False
        return cancelled[1], cancelled[1]

    def bookings(
        self, grant_id: str | None = None, *, as_of: datetime | None = None
    ) -> tuple[Booking, ...]:
        """The active (not cancelled) bookings, of one grant or all, as of ``as_of``."""
        k = self.cutoff(as_of)
        out = []
        for seq in range(k):
            entry = self._index.entries[seq]
            if (
                isinstance(entry, Booking)
                and (grant_id is None or entry.grant_id == grant_id)
                and self.is_active(seq, k)
            ):
                out.append(entry)
        return tuple(out)

    def seqs_between(self, grant_id: str, lo: int, hi: int, k: int | None = None) -> Iterator[int]:
        """Booking positions of ``grant_id`` meeting epoch window ``[lo, hi)``, among the first ``k``."""
        for seq, _, _ in self._spans_between(grant_id, lo, hi, k):
            yield seq

    def _spans_between(
        self, grant_id: str, lo: int, hi: int, k: int | None = None
    ) -> Iterator[tuple[int, int, int]]:
        limit = len(self.entries) if k is None else k
        buckets = self._index.by_grant.get(grant_id, {})
        m0 = month_index(lo)
        m1 = month_index(hi - 1)
        seen: set[int] = set()
        for m in range(m0, m1 + 1):
            bucket = buckets.get(m)
            if bucket is None:
                continue
            for i in range(0, len(bucket), 3):
                seq = bucket[i]
                if seq >= limit:
                    break  # positions only grow within a bucket
                s, e = bucket[i + 1], bucket[i + 2]
                if s < hi and lo < e and seq not in seen:
                    seen.add(seq)
                    yield seq, s, e

    def grants_for(self, person: Person) -> tuple[RespiteGrant, ...]:
        """The grants whose person cared for is ``person``, in ledger order."""
        return tuple(self._index.by_person.get(person, ()))

    def seqs_of(self, grant_id: str, k: int | None = None) -> list[int]:
        """Every booking position of ``grant_id`` among the first ``k`` entries, in order."""
        limit = len(self.entries) if k is None else k
        found: set[int] = set()
        # A copy (made in one step under the GIL): another thread may be adding a
        # month to the shared index, and iterating a growing dict raises.
        for bucket in tuple(self._index.by_grant.get(grant_id, {}).values()):
            found.update(seq for seq in bucket[::3] if seq < limit)
        return sorted(found)

    def span(self, seq: int) -> tuple[int, int]:
        """The booking at ``seq`` as UTC epoch seconds ``(start, end)``."""
        entry = self.entry(seq)
        if not isinstance(entry, Booking):
            raise InvalidInput.at("seq", sv="ingen bokning", en="not a booking")
        spans = self._index.spans
        return spans[2 * seq], spans[2 * seq + 1]

    def recorded_at(self, seq: int) -> int:
        """When the entry at ``seq`` was recorded, in epoch microseconds."""
        self.entry(seq)  # IndexError beyond this ledger
        return self._index.recorded[seq]

    def timeline(self) -> tuple[Sequence[int], Sequence[int]]:
        """Every entry's start and end (epoch seconds, two a position; ``0, 0`` for a
        cancellation) and when it was recorded (epoch microseconds), as the index keeps
        them (internal, for the whole-ledger check). Shared and growing: read only the
        positions below ``len(self)``."""
        index = self._index
        return index.spans, index.recorded

    def unit_nights(self, unit_id: str) -> dict[int, list[int]]:
        """Booking positions per night (day index) at unit ``unit_id`` (internal).

        Shared with other ledgers and growing: look a night up with ``get``, never
        iterate it, and skip positions not active in this ledger (:meth:`is_active`)."""
        return self._index.by_unit.get(unit_id, {})

    # --- balances ----------------------------------------------------------------------

    def periods(self, grant_id: str) -> tuple[Period, ...]:
        """The quota periods of grant ``grant_id`` that meet its validity, in order."""
        return quota_periods(self.grant(grant_id))

    def balance(
        self,
        grant_id: str,
        on: date | datetime,
        *,
        as_of: datetime | None = None,
        extra: Sequence[tuple[int, int]] = (),
    ) -> Balance:
        """The balance of ``grant_id`` in the quota period containing ``on``.

        ``on`` is a date (meaning its local midnight) or an instant: what lies before
        it is used, what lies after it reserved. ``as_of`` reads the ledger as it was
        at that instant (default: every entry). ``extra`` adds hypothetical bookings
        as epoch-second spans (what :func:`check_booking` asks: "and if this too?").
        """
        grant = self.grant(grant_id)
        moment, day = _moment(on)
        return self.period_balance(
            grant, quota_period(grant, day), moment, self.cutoff(as_of), extra
        )

    def balances(
        self, grant_id: str, on: date | datetime, *, as_of: datetime | None = None
    ) -> tuple[Balance, ...]:
        """The balance of every quota period of ``grant_id``, split at ``on``: periods
        before ``on`` are all used, periods after it all reserved."""
        grant = self.grant(grant_id)
        moment, _ = _moment(on)
        k = self.cutoff(as_of)
        return tuple(
            self.period_balance(grant, period, moment, k, ()) for period in quota_periods(grant)
        )

    def period_balance(
        self,
        grant: RespiteGrant,
        target: Period,
        moment: int,
        k: int,
        extra: Sequence[tuple[int, int]],
    ) -> Balance:
        """The balance of ``grant`` in quota period ``target`` among the first ``k``
        entries, split at epoch second ``moment``, with the hypothetical bookings
        ``extra`` (epoch-second spans) counted too: what :meth:`balance` answers, in
        the integers the rules ask in."""
        policy = self.policy_for(grant.kind)
        periods, carry = self._carry(grant, k)
        # What the target inherits: from the grant's snapshot, which counts every
        # earlier period once (not rebuilt here), with ``extra`` laid on top.
        before = periods.before(target.start)
        added: dict[int, int] = {}
        if extra and periods.carry:
            for s, e in extra:
                for i, amount in periods.own(s, e).items():
                    added[i] = added.get(i, 0) + amount
        carried = carry.carried_into(periods, before, added)
        if before < len(periods.periods) and periods.periods[before] == target:
            granted = periods.granted[before]
            lo, hi = periods.los[before], periods.his[before]
        else:  # not one of the grant's quota periods: its own window
            granted = granted_in(grant, policy, target)
            window = target.intersection(grant.validity)
            if window is None or window.end is None:
                lo = hi = 0
            else:
                lo, hi = checked_midnight(window.start), checked_midnight(window.end)
        used, reserved = self._consumed(grant, policy, lo, hi, k, moment, extra)
        net = granted + carried - used - reserved
        return Balance(
            grant_id=grant.id,
            period=target,
            unit=grant.quota.unit,
            granted=granted,
            carried_over=carried,
            used=used,
            reserved=reserved,
            remaining=max(0, net),
            over_quota=max(0, -net),
            charged=policy.overage is Overage.CHARGE,
        )

    def period_table(self, grant: RespiteGrant) -> Periods:
        """``grant``'s quota periods as integers under its policy (internal; built once
        per index and shared)."""
        index = self._index
        periods: Periods | None = index.quota_periods.get(grant.id)
        if periods is None:
            # Two threads may both build it: equal objects, the first one kept.
            made = Periods(grant, self.policy_for(grant.kind))
            periods = index.quota_periods.setdefault(grant.id, made)
        return periods

    def _carry(self, grant: RespiteGrant, k: int) -> tuple[Periods, Carry]:
        """The grant's periods and its carry-over snapshot for the first ``k`` entries,
        moved from the nearest snapshot kept in the shared index (see ``_carry``)."""
        index = self._index
        periods = self.period_table(grant)
        seqs, refs = index.touches[grant.id]
        to = bisect.bisect_left(seqs, k)
        known: Carry | None = index.carry.get(grant.id)
        if known is not None and known.applied == to:
            return periods, known
        base = known if known is not None and abs(known.applied - to) <= to else None
        made = (base or Carry.empty(periods)).moved(periods, refs, index.spans, to)
        if known is None or made.applied > known.applied:
            with index.carry_lock:  # keep the snapshot of the most entries
                latest = index.carry.get(grant.id)
                if latest is None or made.applied > latest.applied:
                    index.carry[grant.id] = made
        return periods, made

    def _consumed(
        self,
        grant: RespiteGrant,
        policy: RespitePolicy,
        lo: int,
        hi: int,
        k: int,
        moment: int,
        extra: Sequence[tuple[int, int]],
    ) -> tuple[int, int]:
        if lo >= hi:
            return 0, 0
        unit = grant.quota.unit
        count = policy.dygn_count
        used = reserved = 0
        cancelled = self._index.cancelled
        for seq, s, e in self._spans_between(grant.id, lo, hi, k):
            late = False
            mark = cancelled.get(seq)
            if mark is not None and mark[0] < k:
                if not mark[1]:
                    continue
                late = True
            u, r = amount_in(unit, count, s, e, lo, hi, moment)
            if late:
                used += u + r
            else:
                used += u
                reserved += r
        for s, e in extra:
            u, r = amount_in(unit, count, s, e, lo, hi, moment)
            used += u
            reserved += r
        return used, reserved


@checked
def as_of_instant(value: datetime) -> pendulum.DateTime:
    """``value`` as an aware instant (``InvalidInput`` if naive)."""
    return as_instant(value, path="as_of")


def _moment(on: date | datetime) -> tuple[int, date]:
    if isinstance(on, datetime):
        instant = as_instant(on, path="on")
        return epoch_seconds(instant), instant.date()
    if not isinstance(on, date):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return checked_midnight(on), on


@checked
def quota_period(grant: RespiteGrant, day: date) -> Period:
    """The quota period of ``grant`` that holds ``day`` (the validity, for a quota per
    validity)."""
    per = grant.quota.per
    if per is QuotaPeriod.MONTH:
        return Period.month(day.year, day.month)
    if per is QuotaPeriod.YEAR:
        return Period.year(day.year)
    return grant.validity
