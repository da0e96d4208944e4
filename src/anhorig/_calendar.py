"""Local days and midnights in Europe/Stockholm: the one implementation.

Every module that needs the instant a Stockholm day begins asks here: `time` for its
day intervals, the consent engine for the midnights it compares timestamps with, and
the respite ledger and rules, which count days and months as integers of UTC epoch
seconds. A midnight is the first occurrence of 00:00 on the wall clock (a midnight
never falls in a spring gap; in the autumn fold of 1916 it came twice, and the first,
still summer time, is meant, as `anhorig.time` reads a fold).

Midnights are computed a year at a time, the second time a day of that year is asked
for, and kept: a process pays for the years it uses, never for a table of centuries.
The first ask of a year computes that one midnight alone, so that a constant or two
computed at import (the consent engine's law change points) do not cost a year each.

The *indexed calendar* numbers the days from `DAY_ZERO` (1900-01-01, day 0) to
2200-01-01 (day ``DAYS - 1``, the midnight that ends 2199) and the months from
1900-01 (month 0) to 2200-01 (month ``MONTHS - 1``). The respite ledger keeps its
bookings by these numbers; `day_index` and `month_index` answer as a binary search
over the sorted midnights would, so an instant before the first midnight is day -1
and one from the last midnight on is day ``DAYS - 1``.

`year_offsets` models a year's UTC offsets (one winter offset, at most one summer
period), for `anhorig.time`'s quick paths, or says the year has no such model.

Floor: beside the ground. This module imports only the standard library (not pendulum,
nothing of anhorig), so `anhorig.time` and every family can build on it; what a caller
refuses outside the indexed years it says itself (the respite ledger: `InvalidInput`).
"""

from __future__ import annotations

import functools
import threading
import zoneinfo
from datetime import UTC, date, datetime

__all__ = [
    "DAYS",
    "DAY_ZERO",
    "DAY_ZERO_ORDINAL",
    "EPOCH_ORDINAL",
    "FIRST_YEAR",
    "LAST_YEAR",
    "MONTHS",
    "ZONE",
    "date_at",
    "day_index",
    "day_midnight",
    "in_range",
    "local_date",
    "local_dates",
    "midnight",
    "month_index",
    "month_midnight",
    "offset_at",
    "year_offsets",
]

ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")
"""Europe/Stockholm from the standard library (pendulum's zone of the same name reads the
same data)."""

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
"""The proleptic ordinal of 1970-01-01, the day epoch seconds count from."""

FIRST_YEAR = 1900
"""The first year of the indexed calendar."""
LAST_YEAR = 2199
"""The last whole year of the indexed calendar (its last midnight begins 2200-01-01)."""

DAY_ZERO = date(FIRST_YEAR, 1, 1)
"""Day 0 of the indexed calendar."""
DAY_ZERO_ORDINAL = DAY_ZERO.toordinal()
"""The proleptic ordinal of `DAY_ZERO`: a date's day index is its ordinal less this."""

DAYS = date(LAST_YEAR + 1, 1, 1).toordinal() - DAY_ZERO_ORDINAL + 1
"""How many midnights the indexed calendar holds: 1900-01-01 to 2200-01-01, both included."""
MONTHS = (LAST_YEAR + 1 - FIRST_YEAR) * 12 + 1
"""How many month starts the indexed calendar holds: 1900-01 to 2200-01, both included."""

_WINTER = 3600
"""The smallest UTC offset of the indexed years: a first guess of the local day."""

_years: dict[int, list[int]] = {}
_by_day: dict[int, int] = {}
_month_of_day: dict[int, int] = {}
_by_month: dict[int, int] = {}
_FIRST_GUESS = EPOCH_ORDINAL - DAY_ZERO_ORDINAL
_lock = threading.Lock()


def _year(year: int) -> list[int]:
    """Epoch seconds of the midnight of every day of ``year``, computed once."""
    found = _years.get(year)
    if found is not None:
        return found
    first = date(year, 1, 1).toordinal()
    stamps = []
    for ordinal in range(first, date(year, 12, 31).toordinal() + 1):
        day = date.fromordinal(ordinal)
        stamps.append(int(datetime(day.year, day.month, day.day, tzinfo=ZONE).timestamp()))
    with _lock:  # two threads may compute a year at once; both get the same numbers
        if FIRST_YEAR <= year <= LAST_YEAR + 1:
            base = first - DAY_ZERO_ORDINAL
            months = (year - FIRST_YEAR) * 12 - 1
            for offset, stamp in enumerate(stamps):
                index = base + offset
                if index < DAYS:
                    # The month first, so that a day found in _by_day has its month.
                    _month_of_day.setdefault(index, months + date.fromordinal(first + offset).month)
                    _by_day.setdefault(index, stamp)
        return _years.setdefault(year, stamps)


_asked_once: set[int] = set()
"""Years a midnight was asked of once, computed alone: the next ask computes the year."""


def midnight(day: date) -> int:
    """Epoch seconds of the Stockholm midnight that begins ``day`` (any year Python has)."""
    year = day.year
    found = _years.get(year)
    if found is None:
        if year not in _asked_once:
            _asked_once.add(year)
            # The same arithmetic as _year's, for this one day.
            return int(datetime(year, day.month, day.day, tzinfo=ZONE).timestamp())
        found = _year(year)
    return found[day.toordinal() - date(year, 1, 1).toordinal()]


def day_midnight(index: int) -> int:
    """Epoch seconds of the midnight that begins day ``index`` (0 to ``DAYS - 1``)."""
    stamp = _by_day.get(index)
    if stamp is None:
        if not 0 <= index < DAYS:
            raise IndexError(index)
        _year(date.fromordinal(DAY_ZERO_ORDINAL + index).year)
        stamp = _by_day[index]
    return stamp


def date_at(index: int) -> date:
    """The date of day ``index``."""
    return date.fromordinal(DAY_ZERO_ORDINAL + index)


def in_range(stamp: int) -> bool:
    """Whether the instant ``stamp`` lies on a day of the years 1900–2199."""
    return day_midnight(0) <= stamp < day_midnight(DAYS - 1)


def day_index(stamp: int) -> int:
    """The day whose midnights hold ``stamp``: how many indexed midnights lie at or before
    it, less one (-1 before 1900, ``DAYS - 1`` from 2200-01-01 on)."""
    # The local date under the smaller offset is the date or the one before it.
    index = (stamp + _WINTER) // 86400 + _FIRST_GUESS
    begins = _by_day.get(index)
    if begins is not None and begins <= stamp:  # the common case, without a call
        ends = _by_day.get(index + 1)
        if ends is not None and stamp < ends:
            return index
    if index < 0:
        return -1
    if index >= DAYS - 1:
        return DAYS - 1 if stamp >= day_midnight(DAYS - 1) else _walk(DAYS - 2, stamp)
    return _walk(index, stamp)


def _walk(index: int, stamp: int) -> int:
    while index >= 0 and day_midnight(index) > stamp:
        index -= 1
    while index < DAYS - 1 and day_midnight(index + 1) <= stamp:
        index += 1
    return index


def local_date(stamp: int) -> date:
    """The Stockholm date of the instant ``stamp`` (1899-12-31 before 1900, 2200-01-01
    from its midnight on: the indexed calendar's ends)."""
    return date.fromordinal(DAY_ZERO_ORDINAL + day_index(stamp))


def local_dates(start: int, end: int) -> list[date]:
    """The Stockholm dates that the instants ``[start, end)`` touch, in order."""
    first = DAY_ZERO_ORDINAL + day_index(start)
    return [date.fromordinal(o) for o in range(first, DAY_ZERO_ORDINAL + day_index(end - 1) + 1)]


def month_index(stamp: int) -> int:
    """The month of the indexed calendar holding ``stamp``, counted like `day_index`:
    -1 before 1900, ``MONTHS - 1`` from 2200-01-01 on."""
    index = day_index(stamp)
    if index < 0:
        return -1
    month = _month_of_day.get(index)
    if month is None:
        day_midnight(index)  # computes the day's year, and its months
        month = _month_of_day[index]
    return month


def month_midnight(month: int) -> int:
    """Epoch seconds of the midnight that begins month ``month`` (0 to ``MONTHS - 1``)."""
    stamp = _by_month.get(month)
    if stamp is None:
        if not 0 <= month < MONTHS:
            raise IndexError(month)
        year, rest = divmod(month, 12)
        stamp = _by_month.setdefault(month, midnight(date(FIRST_YEAR + year, rest + 1, 1)))
    return stamp


# --- the offsets of a year, for the quick paths of anhorig.time ---------------------------


def _offset_of(stamp: float, zone: zoneinfo.ZoneInfo) -> int:
    shown = datetime.fromtimestamp(stamp, zone).utcoffset()
    assert shown is not None
    return int(shown.total_seconds())


@functools.lru_cache(maxsize=512)
def year_offsets(year: int, zone: zoneinfo.ZoneInfo = ZONE) -> tuple[float, float, int, int] | None:
    """(summer start, summer end, winter offset, summer offset) of the UTC year ``year``
    in ``zone``, found by bisection in the zone data, so a future change of the rules is
    followed.

    ``None`` when the year is not one offset with at most one summer period inside it:
    the quick paths then leave each instant of the year to the zone. The tzdata package
    (which Python reads where the system has no zone data, as on Windows) makes Stockholm
    a link to Berlin: summer time from April 1940 to November 1942, double summer time
    in 1945 and 1947.
    """
    first = datetime(year, 1, 1, tzinfo=UTC).timestamp()
    middle = datetime(year, 7, 1, tzinfo=UTC).timestamp()
    last = datetime(year + 1, 1, 1, tzinfo=UTC).timestamp()
    winter, summer = _offset_of(first, zone), _offset_of(middle, zone)
    if winter == summer:
        start = end = last
    else:
        start, end = _change(first, middle, zone), _change(middle, last, zone)
    # The model must hold each week and at the year's last second: bisection finds one
    # change in each half-year and cannot see a second (no two lie within a week).
    for stamp in (*range(int(first), int(last), 7 * 86400), last - 1):
        if _offset_of(stamp, zone) != (summer if start <= stamp < end else winter):
            return None
    return (start, end, winter, summer)


def _change(low: float, high: float, zone: zoneinfo.ZoneInfo) -> float:
    """The first whole second in (low, high] whose offset differs from low's (``high``
    if none does)."""
    before = _offset_of(low, zone)
    lo, hi = int(low), int(high)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if _offset_of(mid, zone) == before:
            lo = mid
        else:
            hi = mid
    return float(hi)


def offset_at(stamp: float, zone: zoneinfo.ZoneInfo = ZONE) -> int | None:
    """The UTC offset in seconds of ``zone`` at the instant ``stamp``, as `year_offsets`
    models its year; ``None`` in a year only the zone can tell."""
    offsets = year_offsets(datetime.fromtimestamp(stamp, UTC).year, zone)
    if offsets is None:
        return None
    start, end, winter, summer = offsets
    return summer if start <= stamp < end else winter
