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
  midnights come from a precomputed table, so no pendulum arithmetic runs per
  booking. When an entry was recorded (``made_at``, a cancellation's ``at``) is kept
  in epoch microseconds and compared exactly: the order of entries, "as of" and the
  late-cancellation cut-off are exact to the microsecond, not the second. Each
  grant keeps its bookings in per-month buckets. A balance query costs a binary
  search plus the bookings of that grant in the months asked about, whatever the
  size of the ledger.
- The index is append-only and shared: a ledger returned by ``book`` is a view of
  its parent's index up to one more entry (O(1)), and builds its ``entries`` tuple
  only when asked for it. Appending to an older ledger starts a new index.
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
import functools
import math
import threading
import zoneinfo
from array import array
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

import attrs
import pendulum

from anhorig import _checks, bounds
from anhorig._checks import collecting, each, instance_of
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Lang
from anhorig.people import Person
from anhorig.respite.model import (
    Booking,
    Cancellation,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    ShortStayUnit,
)
from anhorig.respite.policy import CarryOver, DygnCount, Overage, Proration, RespitePolicy
from anhorig.time import _EPOCH_ORDINAL, Period, _stockholm_zones, as_instant, epoch_seconds

__all__ = ["DEFAULT_POLICY", "Balance", "Entry", "Ledger", "as_of_instant", "format_amount"]

Entry = Booking | Cancellation
"""A ledger entry: a booking, or a cancellation reversing one."""

DEFAULT_POLICY = RespitePolicy(municipality="anhorig (standard)")
"""The rules used for a kind no policy in the ledger governs: the documented defaults."""

# --- the local calendar as integers --------------------------------------------------------

_FIRST_YEAR = 1900
_LAST_YEAR = 2200
_DAY0 = date(_FIRST_YEAR, 1, 1).toordinal()


@functools.cache
def _tables() -> tuple[list[int], list[int]]:
    """Epoch seconds of every local midnight, and of every first of the month, 1900–2199."""
    zone = zoneinfo.ZoneInfo("Europe/Stockholm")
    days: list[int] = []
    months: list[int] = []
    day = date(_FIRST_YEAR, 1, 1)
    last = date(_LAST_YEAR, 1, 1)
    one = timedelta(days=1)
    while day <= last:
        stamp = int(datetime(day.year, day.month, day.day, tzinfo=zone).timestamp())
        days.append(stamp)
        if day.day == 1:
            months.append(stamp)
        day += one
    return days, months


@functools.cache
def _day_start(day: date) -> int:
    days = _tables()[0]
    index = day.toordinal() - _DAY0
    if not 0 <= index < len(days):
        raise InvalidInput.at(
            "$",
            sv=f"datumet {day} ligger utanför {_FIRST_YEAR}–{_LAST_YEAR - 1}",
            en=f"the date {day} is outside {_FIRST_YEAR}–{_LAST_YEAR - 1}",
        )
    return days[index]


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _epoch_micros(moment: datetime) -> int:
    """Microseconds since 1970-01-01T00:00Z, exactly (no float): when an entry was
    recorded, to order entries and cut the ledger "as of" an instant."""
    # datetime's own subtraction: pendulum's would build an Interval.
    return datetime.__sub__(moment, _EPOCH) // _MICROSECOND


def _month_index(year: int, month: int) -> int:
    return (year - _FIRST_YEAR) * 12 + month - 1


def _in_range(stamp: int, path: str) -> Problem | None:
    days = _tables()[0]
    if days[0] <= stamp < days[-1]:
        return None
    return Problem.make(
        path,
        sv=f"tidpunkten ligger utanför {_FIRST_YEAR}–{_LAST_YEAR - 1}",
        en=f"the instant is outside {_FIRST_YEAR}–{_LAST_YEAR - 1}",
    )


def _units(
    unit: QuotaUnit, count: DygnCount, s: int, e: int, lo: int, hi: int, t: int
) -> tuple[int, int]:
    """The (used, reserved) amount of booking ``[s, e)`` inside window ``[lo, hi)``,
    split at ``t``: seconds for hours, dygn for dygn. Window ends are local midnights."""
    if unit is QuotaUnit.HOURS:
        a = max(s, lo)
        b = min(e, hi)
        if b <= a:
            return 0, 0
        cut = min(max(t, a), b)
        return cut - a, b - cut
    days = _tables()[0]
    if count is DygnCount.NIGHTS:
        # A night is the local midnight M with s < M < e; it belongs to the evening's
        # date, so it lies in the window when lo < M <= hi.
        start = bisect.bisect_right(days, max(s, lo))
        top = min(e - 1, hi)
        end = bisect.bisect_right(days, top)
        if end <= start:
            return 0, 0
        middle = min(max(bisect.bisect_right(days, t - 1), start), end)
        return middle - start, end - middle
    # Calendar days: every local day [D, D') that meets [s, e), by its start D.
    first_day = days[bisect.bisect_right(days, s) - 1]
    start = bisect.bisect_left(days, max(first_day, lo))
    end = bisect.bisect_left(days, min(e, hi))
    if end <= start:
        return 0, 0
    middle = min(max(bisect.bisect_left(days, t), start), end)
    return middle - start, end - middle


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


@collecting
@attrs.frozen(kw_only=True, order=False)
class Balance:
    """What is left of a grant in one quota period (*saldo*).

    Amounts are seconds for an hours quota and dygn for a dygn quota. ``used`` is
    what lies before the moment asked about (and cancellations too late to free
    their time), ``reserved`` what is booked from it on. ``remaining`` and
    ``over_quota`` are never both above zero, and always::

        remaining - over_quota == granted + carried_over - used - reserved

    ``charged`` says the policy charges what goes over the quota rather than refusing it.
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

    def show(
        self,
        field: Literal["granted", "carried_over", "used", "reserved", "remaining", "over_quota"],
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
        return f"{self.grant_id} {self.period.start}–{last}: " + ", ".join(parts) + tail


# --- the index -----------------------------------------------------------------------------


class _Index:
    """The ledger's private, append-only index, shared by ledgers that extend each other.

    Every query is bounded by the asking ledger's length ``n``: entries at ``seq >= n``
    belong to a later ledger and are invisible to it. So a query needs no lock while
    another thread appends, as long as it never iterates a dict that may grow (it
    takes a copy); appending takes ``lock``, and only the ledger whose length is the
    index's may append (see :meth:`Ledger.extend`).
    """

    __slots__ = (
        "booking_seq",
        "by_grant",
        "by_person",
        "by_unit",
        "cancelled",
        "entries",
        "grants",
        "length",
        "lock",
        "policy_of",
        "recorded",
        "units",
    )

    def __init__(
        self,
        policies: Sequence[RespitePolicy],
        grants: Sequence[RespiteGrant],
        units: Sequence[ShortStayUnit],
    ) -> None:
        self.grants = {g.id: g for g in grants}
        self.units = {u.id: u for u in units}
        self.policy_of: dict[RespiteKind, RespitePolicy] = {}
        for policy in policies:
            for kind in policy.kinds:
                self.policy_of.setdefault(kind, policy)
        self.entries: list[Entry] = []
        self.recorded: list[int] = []  # epoch microseconds, never decreasing
        self.booking_seq: dict[str, int] = {}
        self.cancelled: dict[int, tuple[int, bool]] = {}
        # Per grant and month: (position, start, end) triples of epoch seconds, kept
        # inline in an array, so a query reads one compact block per month.
        self.by_grant: dict[str, dict[int, array[int]]] = {g.id: {} for g in grants}
        self.by_unit: dict[str, dict[int, list[int]]] = {u.id: {} for u in units}
        self.by_person: dict[Person, list[RespiteGrant]] = {}
        for grant in grants:
            self.by_person.setdefault(grant.cared_for, []).append(grant)
        self.length = 0
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__ if name != "lock"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self.lock = threading.Lock()

    def policy(self, kind: RespiteKind) -> RespitePolicy:
        return self.policy_of.get(kind, DEFAULT_POLICY)

    def add(self, entries: Iterable[Entry], first: int) -> list[Problem]:  # noqa: PLR0915 (one hot loop, inline for speed)
        """Append ``entries``; stop at the first bad one and return its problems."""
        days, months = _tables()
        first_day, last_day = days[0], days[-1]
        recorded = self.recorded
        booking_seq = self.booking_seq
        by_grant = self.by_grant
        units = self.units
        store = self.entries
        bisect_right = bisect.bisect_right
        floor = math.floor
        winter, summer = _stockholm_zones()
        epoch_day = _EPOCH_ORDINAL
        last = recorded[-1] if recorded else -math.inf
        last_made: datetime | None = None
        last_made_r = 0
        seq = len(store)
        problems: list[Problem] = []
        for offset, entry in enumerate(entries):
            if type(entry) is Booking:
                # Epoch seconds of the three instants from wall time and fixed offset, inlined
                # epoch_seconds (hot loop).
                interval = entry.interval
                moment = interval.start
                tz = moment.tzinfo
                if tz is summer or tz is winter:
                    s = (
                        (moment.toordinal() - epoch_day) * 86400
                        + moment.hour * 3600
                        + moment.minute * 60
                        + moment.second
                        - (7200 if tz is summer else 3600)
                    )
                else:
                    s = floor(moment.timestamp())
                moment = interval.end
                tz = moment.tzinfo
                if tz is summer or tz is winter:
                    e = (
                        (moment.toordinal() - epoch_day) * 86400
                        + moment.hour * 3600
                        + moment.minute * 60
                        + moment.second
                        - (7200 if tz is summer else 3600)
                    )
                else:
                    e = floor(moment.timestamp())
                moment = entry.made_at
                if moment is last_made:
                    r = last_made_r  # a series booked at one moment shares its made_at
                else:
                    # When it was recorded, in epoch microseconds: entries are ordered
                    # exactly, not by the whole second.
                    tz = moment.tzinfo
                    if tz is summer or tz is winter:
                        r = (
                            (moment.toordinal() - epoch_day) * 86400
                            + moment.hour * 3600
                            + moment.minute * 60
                            + moment.second
                            - (7200 if tz is summer else 3600)
                        ) * 1_000_000 + moment.microsecond
                    else:
                        r = _epoch_micros(moment)
                    last_made, last_made_r = moment, r
                buckets = by_grant.get(entry.grant_id)
                unit_id = entry.unit_id
                if (
                    buckets is None
                    or r < last
                    or entry.id in booking_seq
                    or not first_day <= s < e < last_day
                    or (unit_id is not None and unit_id not in units)
                ):
                    problems = self._booking_problems(
                        entry, f"entries[{first + offset}]", r, last, s, e
                    )
                    break
                booking_seq[entry.id] = seq
                m = bisect_right(months, s) - 1
                while True:
                    bucket = buckets.get(m)
                    if bucket is None:
                        bucket = buckets[m] = array("q")
                    bucket.append(seq)
                    bucket.append(s)
                    bucket.append(e)
                    m += 1
                    if e <= months[m]:
                        break
                if unit_id is not None:
                    nights = self.by_unit[unit_id]
                    i = bisect_right(days, s)
                    while days[i] < e:
                        nights.setdefault(i - 1, []).append(seq)
                        i += 1
            elif type(entry) is Cancellation:
                r = _epoch_micros(entry.at)
                target = booking_seq.get(entry.booking_id)
                if target is None or target in self.cancelled or r < last:
                    problems = self._cancellation_problems(
                        entry, f"entries[{first + offset}]", r, last, target
                    )
                    break
                booked = store[target]
                assert isinstance(booked, Booking)
                policy = self.policy(self.grants[booked.grant_id].kind)
                late = False
                if policy.late_cancellation_hours is not None:
                    begins = _epoch_micros(booked.interval.start)
                    late = r > begins - policy.late_cancellation_hours * 3_600_000_000
                self.cancelled[target] = (seq, late)
            else:
                problems = [
                    Problem.make(
                        f"entries[{first + offset}]",
                        sv=f"väntade Booking eller Cancellation, fick {type(entry).__name__}",
                        en=f"expected Booking or Cancellation, got {type(entry).__name__}",
                    )
                ]
                break
            recorded.append(r)
            store.append(entry)
            last = r
            seq += 1
        self.length = len(store)
        return problems

    def _booking_problems(
        self, entry: Booking, path: str, r: int, last: float, s: int, e: int
    ) -> list[Problem]:
        problems = []
        if entry.grant_id not in self.by_grant:
            problems.append(
                Problem.make(
                    f"{path}.grant_id",
                    sv=f"okänd insats {entry.grant_id!r}",
                    en=f"unknown grant {entry.grant_id!r}",
                )
            )
        if entry.id in self.booking_seq:
            problems.append(
                Problem.make(
                    f"{path}.id",
                    sv=f"bokningen {entry.id!r} finns redan",
                    en=f"booking {entry.id!r} already exists",
                )
            )
        if r < last:
            problems.append(_out_of_order(f"{path}.made_at"))
        for problem in (
            _in_range(s, f"{path}.interval.start"),
            _in_range(e, f"{path}.interval.end"),
        ):
            if problem is not None:
                problems.append(problem)
        if entry.unit_id is not None and entry.unit_id not in self.units:
            problems.append(
                Problem.make(
                    f"{path}.unit_id",
                    sv=f"okänd enhet {entry.unit_id!r}",
                    en=f"unknown unit {entry.unit_id!r}",
                )
            )
        return problems

    def _cancellation_problems(
        self, entry: Cancellation, path: str, r: int, last: float, target: int | None
    ) -> list[Problem]:
        problems = []
        if target is None:
            problems.append(
                Problem.make(
                    f"{path}.booking_id",
                    sv=f"ingen tidigare bokning {entry.booking_id!r}",
                    en=f"no earlier booking {entry.booking_id!r}",
                )
            )
        elif target in self.cancelled:
            problems.append(
                Problem.make(
                    f"{path}.booking_id",
                    sv=f"bokningen {entry.booking_id!r} är redan avbokad",
                    en=f"booking {entry.booking_id!r} is already cancelled",
                )
            )
        if r < last:
            problems.append(_out_of_order(f"{path}.at"))
        return problems


def _out_of_order(path: str) -> Problem:
    return Problem.make(
        path,
        sv="posten är äldre än posten före: liggaren förs i tidsordning",
        en="the entry is older than the one before: the ledger is kept in time order",
    )


def _build(ledger: Ledger) -> _Index:
    index = _Index(ledger.policies, ledger.grants, ledger.units)
    problems = index.add(ledger.entries, 0)
    if problems:
        raise InvalidInput(problems)
    return index


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
    _index: _Index = attrs.field(init=False, eq=False, repr=False, hash=False, default=None)
    _length: int = attrs.field(init=False, eq=False, repr=False, hash=False, default=0)

    def __attrs_post_init__(self) -> None:
        if _checks.collected_problems():
            return  # a field is already bad; the constructor will report it
        object.__setattr__(self, "_index", _build(self))
        object.__setattr__(self, "_length", len(self.entries))

    if not TYPE_CHECKING:  # hidden from mypy, which would read every attribute as Any

        def __getattr__(self, name: str) -> Any:
            # A ledger made by ``book``/``extend`` shares its parent's index and builds
            # its ``entries`` tuple only when first asked for it (O(1) appends). Two
            # threads asking first build equal tuples; either may stay.
            if name == "entries":
                index = object.__getattribute__(self, "_index")
                length = object.__getattribute__(self, "_length")
                value = tuple(index.entries[:length])
                object.__setattr__(self, "entries", value)
                return value
            raise AttributeError(name)

    def __len__(self) -> int:
        """How many entries (bookings and cancellations) the ledger holds."""
        return self._length

    def entry(self, seq: int) -> Entry:
        """The entry at position ``seq`` (without building the ``entries`` tuple)."""
        if not 0 <= seq < self._length:
            raise IndexError(seq)
        return self._index.entries[seq]

    def __repr__(self) -> str:
        return (
            f"Ledger(policies={len(self.policies)}, grants={len(self.grants)}, "
            f"units={len(self.units)}, entries={self._length})"
        )

    # --- appending ---------------------------------------------------------------------

    def extend(self, entries: Iterable[Entry]) -> Ledger:
        """A new ledger with ``entries`` appended, in order; ``InvalidInput`` if one is refused.

        Appending to the newest ledger shares its index (no rebuild); appending to
        an older one starts a new index.
        """
        added = tuple(entries)
        index = self._index
        with index.lock:
            # Only the newest ledger on an index appends to it; checked and appended
            # at once, or two threads booking on one ledger would share their entries.
            newest = index.length == self._length
            if newest:
                problems = index.add(added, self._length)
        if not newest:
            index = _build(self)
            problems = index.add(added, self._length)
        if problems:
            raise InvalidInput(problems)
        new = object.__new__(Ledger)
        object.__setattr__(new, "policies", self.policies)
        object.__setattr__(new, "grants", self.grants)
        object.__setattr__(new, "units", self.units)
        object.__setattr__(new, "_index", index)
        object.__setattr__(new, "_length", self._length + len(added))
        return new

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

    def cutoff(self, as_of: datetime | None = None) -> int:
        """How many entries were recorded by ``as_of`` (all, if ``None``)."""
        n = self._length
        if as_of is None:
            return n
        stamp = _epoch_micros(as_of_instant(as_of))
        return bisect.bisect_right(self._index.recorded, stamp, 0, n)

    def as_of(self, instant: datetime) -> Ledger:
        """The ledger as it stood at ``instant``: the entries recorded by then."""
        k = self.cutoff(instant)
        if k == self._length:
            return self
        return attrs.evolve(self, entries=self.entries[:k])

    def seq_of(self, booking_id: str) -> int | None:
        """Where booking ``booking_id`` lies in ``entries``, if it is there."""
        seq = self._index.booking_seq.get(booking_id)
        return seq if seq is not None and seq < self._length else None

    def is_active(self, seq: int, k: int | None = None) -> bool:
        """Whether the booking at ``seq`` is recorded and not cancelled among the first ``k``."""
        limit = self._length if k is None else k
        if seq >= limit:
            return False
        cancelled = self._index.cancelled.get(seq)
        return cancelled is None or cancelled[0] >= limit

    def counts(self, seq: int, k: int | None = None) -> tuple[bool, bool]:
        """(counts, forfeited): whether the booking at ``seq`` consumes quota among the
        first ``k`` entries, and whether only because it was cancelled too late."""
        limit = self._length if k is None else k
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
        limit = self._length if k is None else k
        buckets = self._index.by_grant.get(grant_id, {})
        months = _tables()[1]
        m0 = bisect.bisect_right(months, lo) - 1
        m1 = bisect.bisect_right(months, hi - 1) - 1
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
        limit = self._length if k is None else k
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
        return epoch_seconds(entry.interval.start), epoch_seconds(entry.interval.end)

    def unit_nights(self, unit_id: str) -> dict[int, list[int]]:
        """Booking positions per night (day index) at unit ``unit_id`` (internal).

        Shared with other ledgers and growing: look a night up with ``get``, never
        iterate it, and skip positions not active in this ledger (:meth:`is_active`)."""
        return self._index.by_unit.get(unit_id, {})

    # --- balances ----------------------------------------------------------------------

    def periods(self, grant_id: str) -> tuple[Period, ...]:
        """The quota periods of grant ``grant_id`` that meet its validity, in order."""
        return _periods(self.grant(grant_id))

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
        return self._balance(grant, _period_of(grant, day), moment, self.cutoff(as_of), extra)

    def balances(
        self, grant_id: str, on: date | datetime, *, as_of: datetime | None = None
    ) -> tuple[Balance, ...]:
        """The balance of every quota period of ``grant_id``, split at ``on``: periods
        before ``on`` are all used, periods after it all reserved."""
        grant = self.grant(grant_id)
        moment, _ = _moment(on)
        k = self.cutoff(as_of)
        return tuple(self._balance(grant, period, moment, k, ()) for period in _periods(grant))

    def _balance(
        self,
        grant: RespiteGrant,
        target: Period,
        moment: int,
        k: int,
        extra: Sequence[tuple[int, int]],
    ) -> Balance:
        policy = self.policy_for(grant.kind)
        carried = 0
        if policy.carry_over is not CarryOver.NONE and grant.quota.per is not QuotaPeriod.VALIDITY:
            for period in _periods(grant):
                if period.start >= target.start:
                    break
                granted = _granted(grant, policy, period)
                used, reserved = self._consumed(grant, policy, period, k, moment, extra)
                left = max(0, granted + carried - used - reserved)
                if policy.carry_over is CarryOver.CAPPED:
                    cap = policy.carry_over_cap or 0
                    left = min(left, cap * 3600 if grant.quota.unit is QuotaUnit.HOURS else cap)
                carried = left
        granted = _granted(grant, policy, target)
        used, reserved = self._consumed(grant, policy, target, k, moment, extra)
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

    def _consumed(
        self,
        grant: RespiteGrant,
        policy: RespitePolicy,
        period: Period,
        k: int,
        moment: int,
        extra: Sequence[tuple[int, int]],
    ) -> tuple[int, int]:
        window = period.intersection(grant.validity)
        if window is None or window.end is None or window.start == window.end:
            return 0, 0
        lo = _day_start(window.start)
        hi = _day_start(window.end)
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
            u, r = _units(unit, count, s, e, lo, hi, moment)
            if late:
                used += u + r
            else:
                used += u
                reserved += r
        for s, e in extra:
            u, r = _units(unit, count, s, e, lo, hi, moment)
            used += u
            reserved += r
        return used, reserved


def as_of_instant(value: datetime) -> pendulum.DateTime:
    """``value`` as an aware instant (``InvalidInput`` if naive)."""
    return as_instant(value, path="as_of")


def _moment(on: date | datetime) -> tuple[int, date]:
    if isinstance(on, datetime):
        instant = as_instant(on, path="on")
        return epoch_seconds(instant), instant.date()
    if not isinstance(on, date):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return _day_start(on), on


def _period_of(grant: RespiteGrant, day: date) -> Period:
    per = grant.quota.per
    if per is QuotaPeriod.MONTH:
        return Period.month(day.year, day.month)
    if per is QuotaPeriod.YEAR:
        return Period.year(day.year)
    return grant.validity


def _periods(grant: RespiteGrant) -> tuple[Period, ...]:
    validity = grant.validity
    assert validity.end is not None
    per = grant.quota.per
    if per is QuotaPeriod.VALIDITY:
        return (validity,)
    if per is QuotaPeriod.MONTH:
        return tuple(validity.months())
    return tuple(
        Period.year(year)
        for year in range(validity.start.year, (validity.end - timedelta(days=1)).year + 1)
    )


def _granted(grant: RespiteGrant, policy: RespitePolicy, period: Period) -> int:
    amount = grant.quota.amount * (3600 if grant.quota.unit is QuotaUnit.HOURS else 1)
    inside = period.intersection(grant.validity)
    if inside is None or inside.days == 0:
        return 0
    if policy.proration is Proration.NONE or grant.quota.per is QuotaPeriod.VALIDITY:
        return amount
    covered = inside.days or 0
    total = period.days or 1
    return amount * covered // total
