"""The respite ledger's private index: its entries as integers, append-only, locked.

An :class:`Index` holds what a :class:`~anhorig.respite.ledger.Ledger` is asked about,
converted once when an entry is recorded: bookings as UTC epoch seconds in per-grant,
per-month buckets, nights per short-stay unit, and when each entry was recorded in
epoch microseconds. It only grows. Ledgers that extend each other share one index,
each reading it up to its own length: entries at positions from a ledger's length on
belong to a later ledger and are invisible to it.

Threads: :meth:`Index.append` takes the index's lock, checks that the asking ledger is
the newest on the index, and appends, as one step; a second thread appending to the
same ledger finds it no longer the newest and starts its own index. Readers take no
lock: they never look past their own length, and they copy a dict that may grow
before iterating it.

Also here, used by the ledger and the rules alike: :func:`amount_in`, what one booking
counts inside a window, and :func:`epoch_micros`.
"""

from __future__ import annotations

import math
import threading
from array import array
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any

from anhorig._calendar import (
    DAY_ZERO_ORDINAL,
    DAYS,
    EPOCH_ORDINAL,
    FIRST_YEAR,
    LAST_YEAR,
    day_index,
    day_midnight,
    in_range,
    month_index,
    month_midnight,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.people import Person
from anhorig.respite.model import (
    Booking,
    Cancellation,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    ShortStayUnit,
)
from anhorig.respite.policy import DEFAULT_POLICY, DygnCount, RespitePolicy
from anhorig.time import CEST, CET

__all__ = ["Entries", "Entry", "Index", "amount_in", "checked_midnight", "epoch_micros"]

Entry = Booking | Cancellation
"""A ledger entry: a booking, or a cancellation reversing one."""

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def epoch_micros(moment: datetime) -> int:
    """Microseconds since 1970-01-01T00:00Z, exactly (no float): when an entry was
    recorded, to order entries and cut the ledger "as of" an instant."""
    # datetime's own subtraction: pendulum's would build an Interval.
    return datetime.__sub__(moment, _EPOCH) // _MICROSECOND


def checked_midnight(day: date, path: str = "$") -> int:
    """Epoch seconds of the Stockholm midnight that begins ``day``, which must lie in the
    ledger's calendar (1900-01-01 to 2200-01-01); ``InvalidInput`` if not."""
    index = day.toordinal() - DAY_ZERO_ORDINAL
    if not 0 <= index < DAYS:
        raise InvalidInput.at(
            path,
            sv=f"datumet '{day}' ligger utanför {FIRST_YEAR}–{LAST_YEAR}",
            en=f"the date '{day}' is outside {FIRST_YEAR}–{LAST_YEAR}",
        )
    return day_midnight(index)


def _in_range(stamp: int, path: str) -> Problem | None:
    if in_range(stamp):
        return None
    return Problem.make(
        path,
        sv=f"tidpunkten ligger utanför {FIRST_YEAR}–{LAST_YEAR}",
        en=f"the instant is outside {FIRST_YEAR}–{LAST_YEAR}",
    )


_HOURS = QuotaUnit.HOURS


def amount_in(
    unit: QuotaUnit, count: DygnCount, s: int, e: int, lo: int, hi: int, t: int
) -> tuple[int, int]:
    """The (used, reserved) amount of booking ``[s, e)`` inside window ``[lo, hi)``,
    split at ``t``: seconds for hours, dygn for dygn. Window ends are local midnights."""
    if unit is _HOURS:
        # min/max written out: this runs for every booking a balance or check counts.
        a = s if s > lo else lo
        b = e if e < hi else hi
        if b <= a:
            return 0, 0
        cut = t if t > a else a
        cut = b if cut > b else cut
        return cut - a, b - cut
    # Midnights are counted by day index: day_index(x) + 1 midnights lie at or before x.
    if count is DygnCount.NIGHTS:
        # A night is the local midnight M with s < M < e; it belongs to the evening's
        # date, so it lies in the window when lo < M <= hi.
        start = day_index(max(s, lo)) + 1
        end = day_index(min(e - 1, hi)) + 1
        if end <= start:
            return 0, 0
        middle = min(max(day_index(t - 1) + 1, start), end)
        return middle - start, end - middle
    # Calendar days: every local day [D, D') that meets [s, e), by its start D.
    first_day = day_midnight(max(day_index(s), 0))
    start = day_index(max(first_day, lo) - 1) + 1
    end = day_index(min(e, hi) - 1) + 1
    if end <= start:
        return 0, 0
    middle = min(max(day_index(t - 1) + 1, start), end)
    return middle - start, end - middle


class Entries(tuple[Entry, ...]):
    """A ledger's entries that were recorded in an index: the tuple, and the index that
    holds them (and perhaps later entries), so that a ledger built from them shares it."""

    recorded_in: Index

    @classmethod
    def recorded(cls, index: Index, entries: Iterable[Entry]) -> Entries:
        """``entries``, which are the first entries of ``index``."""
        made = cls(entries)
        made.recorded_in = index
        return made


class Index:
    """The ledger's private, append-only index, shared by ledgers that extend each other.

    Every query is bounded by the asking ledger's length ``n``: entries at ``seq >= n``
    belong to a later ledger and are invisible to it. So a query needs no lock while
    another thread appends, as long as it never iterates a dict that may grow (it
    takes a copy); appending takes ``lock``, and only the ledger whose length is the
    index's may append (:meth:`extended`).
    """

    __slots__ = (
        "booking_seq",
        "by_grant",
        "by_person",
        "by_unit",
        "cancelled",
        "carry",
        "carry_lock",
        "entries",
        "grants",
        "length",
        "lock",
        "policy_of",
        "quota_periods",
        "recorded",
        "sources",
        "spans",
        "touches",
        "units",
    )

    def __init__(
        self,
        policies: Sequence[RespitePolicy],
        grants: Sequence[RespiteGrant],
        units: Sequence[ShortStayUnit],
    ) -> None:
        self.sources = (policies, grants, units)
        self.grants = {g.id: g for g in grants}
        self.units = {u.id: u for u in units}
        self.policy_of: dict[RespiteKind, RespitePolicy] = {}
        for policy in policies:
            for kind in policy.kinds:
                self.policy_of.setdefault(kind, policy)
        self.entries: list[Entry] = []
        self.recorded: list[int] = []  # epoch microseconds, never decreasing
        # Each entry's (start, end) in epoch seconds, two a position ((0, 0) for a
        # cancellation): what the rules ask of a booking, without pendulum again.
        self.spans: array[int] = array("q")
        self.booking_seq: dict[str, int] = {}
        self.cancelled: dict[int, tuple[int, bool]] = {}
        # Per grant and month: (position, start, end) triples of epoch seconds, kept
        # inline in an array, so a query reads one compact block per month.
        self.by_grant: dict[str, dict[int, array[int]]] = {g.id: {} for g in grants}
        self.by_unit: dict[str, dict[int, list[int]]] = {u.id: {} for u in units}
        # Per grant, the entries that change what it counts, in order: their positions,
        # and the booking each adds (its position) or takes out again (its position
        # bit-inverted, ~seq: a cancellation in time; a late one changes nothing). The
        # carry-over snapshots are moved along these.
        self.touches: dict[str, tuple[array[int], array[int]]] = {
            g.id: (array("q"), array("q")) for g in grants
        }
        # Built on the first balance asked (see anhorig.respite._carry): per grant, its
        # periods as integers and the snapshot of the most entries made so far.
        self.quota_periods: dict[str, Any] = {}
        self.carry: dict[str, Any] = {}
        self.carry_lock = threading.Lock()
        self.by_person: dict[Person, list[RespiteGrant]] = {}
        for grant in grants:
            self.by_person.setdefault(grant.cared_for, []).append(grant)
        self.length = 0
        self.lock = threading.Lock()

    def __getstate__(self) -> dict[str, Any]:
        # Locks do not pickle; the carry-over caches are rebuilt on demand.
        skipped = ("lock", "carry_lock", "carry", "quota_periods")
        return {name: getattr(self, name) for name in self.__slots__ if name not in skipped}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, value)
        self.lock = threading.Lock()
        self.carry_lock = threading.Lock()
        self.carry = {}
        self.quota_periods = {}

    @classmethod
    def build(
        cls,
        policies: Sequence[RespitePolicy],
        grants: Sequence[RespiteGrant],
        units: Sequence[ShortStayUnit],
        entries: Iterable[Entry],
    ) -> Index:
        """A new index of ``entries``; ``InvalidInput`` naming the first bad one."""
        index = cls(policies, grants, units)
        problems = index.add(entries, 0)
        if problems:
            raise InvalidInput(problems)
        return index

    @staticmethod
    def shared_by(
        policies: Sequence[RespitePolicy],
        grants: Sequence[RespiteGrant],
        units: Sequence[ShortStayUnit],
        entries: Sequence[Entry],
    ) -> Index | None:
        """The index ``entries`` were recorded in, if it was built from these very
        policies, grants and units (a ledger made by :meth:`extended`); else None."""
        if type(entries) is not Entries:
            return None
        index = entries.recorded_in
        ours = index.sources
        if ours[0] is policies and ours[1] is grants and ours[2] is units:
            return index
        return None

    def extended(self, entries: Sequence[Entry], added: Sequence[Entry]) -> Entries | None:
        """``entries`` and then ``added``, appended here, if ``entries`` are all this
        index holds; None if a later ledger has appended already (start a new index).
        ``InvalidInput`` naming the first refused entry."""
        n = len(entries)
        with self.lock:
            # Checked and appended as one step, or two threads booking on one ledger
            # would both append to the shared index and see each other's entries.
            if self.length != n:
                return None
            problems = self.add(added, n)
        if problems:
            raise InvalidInput(problems)
        return Entries.recorded(self, (*entries, *added))

    def policy(self, kind: RespiteKind) -> RespitePolicy:
        """The policy governing ``kind`` (or the default policy)."""
        return self.policy_of.get(kind, DEFAULT_POLICY)

    def add(self, entries: Iterable[Entry], first: int) -> list[Problem]:  # noqa: PLR0915 (one hot loop, inline for speed)
        """Append ``entries``; stop at the first bad one and return its problems."""
        first_day, last_day = day_midnight(0), day_midnight(DAYS - 1)
        # Local names: looked up once, not per booking (hot loop).
        month_of, month_start, day_of, day_start = (
            month_index,
            month_midnight,
            day_index,
            day_midnight,
        )
        recorded = self.recorded
        booking_seq = self.booking_seq
        by_grant = self.by_grant
        touches = self.touches
        entry_spans = self.spans
        units = self.units
        store = self.entries
        floor = math.floor
        winter, summer = CET, CEST
        epoch_day = EPOCH_ORDINAL
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
                        r = epoch_micros(moment)
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
                entry_spans.append(s)
                entry_spans.append(e)
                seqs, refs = touches[entry.grant_id]
                seqs.append(seq)
                refs.append(seq)
                m = month_of(s)
                while True:
                    bucket = buckets.get(m)
                    if bucket is None:
                        bucket = buckets[m] = array("q")
                    bucket.append(seq)
                    bucket.append(s)
                    bucket.append(e)
                    m += 1
                    if e <= month_start(m):
                        break
                if unit_id is not None:
                    nights = self.by_unit[unit_id]
                    i = day_of(s) + 1
                    while day_start(i) < e:
                        nights.setdefault(i - 1, []).append(seq)
                        i += 1
            elif type(entry) is Cancellation:
                r = epoch_micros(entry.at)
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
                    begins = epoch_micros(booked.interval.start)
                    late = r > begins - policy.late_cancellation_hours * 3_600_000_000
                self.cancelled[target] = (seq, late)
                entry_spans.append(0)
                entry_spans.append(0)
                if not late:
                    seqs, refs = touches[booked.grant_id]
                    seqs.append(seq)
                    refs.append(~target)
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
