"""Time as anhorig understands it: aware instants, Europe/Stockholm, half-open intervals.

Rules (DESIGN.md, decision 5):

- An *instant* is an aware `pendulum.DateTime`; naive input is refused with
  ``InvalidInput``. Instants are kept as Stockholm wall time with the UTC offset in
  force at that instant (``+01:00`` or ``+02:00``), converted, never reinterpreted.
  The offset is fixed on purpose: Python compares two datetimes that share one
  tzinfo object by wall time, ignoring ``fold``, so with a shared Europe/Stockholm
  zone 02:30 (+02:00) and 02:30 (+01:00) on the autumn change day would compare
  equal. With fixed offsets every comparison, ``==`` and ``hash`` is by the instant.
  For calendar arithmetic (the same wall time tomorrow) use dates and `local`.
- Intervals are half-open, ``[start, end)``; so are date periods.
- Hours are elapsed hours: the night of the spring change (last Sunday of March)
  is one hour shorter, the night of the autumn change (last Sunday of October)
  one hour longer.
- A local time in the spring gap (02:00–02:59 on the spring change day) does not
  exist and is refused, never moved as pendulum does by default.
- A local time in the autumn fold (02:00–02:59 on the autumn change day) happens
  twice. anhorig's rule: it means the **first** occurrence, still summer time
  (+02:00), unless ``fold=1`` asks for the second (+01:00). This is the same rule as
  Python's own ``fold=0`` default.
- Working days are Monday to Friday except Swedish public holidays (from the
  ``holidays`` package) and, by default, the three eves that Swedish working life
  treats as holidays (midsommarafton, julafton, nyårsafton).
- Nothing here reads the clock: every function takes the date or instant it judges.
- Dates and instants lie in the years `MIN_YEAR`–`MAX_YEAR` (1800–2199): wide enough
  for the birth date of anyone alive and any plan's horizon, and far from the ends of
  Python's calendar (years 1 and 9999), where date arithmetic overflows. Anything
  outside is refused with ``InvalidInput`` wherever it enters: constructors, documents,
  `parse_instant`, `local` and the command line's ``--on``. The one exception is the
  end of a half-open span: a `Period` may end on 2200-01-01 and an instant may be the
  midnight that begins it, so that the last day of 2199 can be covered.

>>> start = local(2026, 3, 28, 20)
>>> end = local(2026, 3, 29, 8)
>>> Interval(start, end).hours
11.0
>>> local(2026, 3, 29, 2, 30)
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: $: 2026-03-29 02:30 finns inte i Europe/Stockholm (sommartid börjar)
>>> working_days_between(date(2026, 12, 23), date(2026, 12, 28))
1
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

import attrs
import pendulum

from anhorig import _calendar, _checks
from anhorig._arguments import checked
from anhorig._calendar import EPOCH_ORDINAL
from anhorig._calendar import offset_at as _offset_at
from anhorig._calendar import year_offsets as _year_offsets
from anhorig._checks import (
    FIRST_DAY,
    LAST_DAY,
    MAX_YEAR,
    MIN_YEAR,
    collecting,
    fail,
    is_date,
    outside_years,
    years_message,
)
from anhorig._holidays import HOLIDAY_YEARS, eves, first_ordinal, holidays_of, working_before
from anhorig._text import InvalidInput, Problem
from anhorig._values import date_text

__all__ = [
    "CEST",
    "CET",
    "HOLIDAY_YEARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "ZONE",
    "Instant",
    "Interval",
    "Period",
    "add_working_days",
    "as_instant",
    "day_interval",
    "epoch_seconds",
    "is_holiday_eve",
    "is_own_instant",
    "is_working_day",
    "known_day_zone",
    "local",
    "parse_instant",
    "swedish_holidays",
    "working_days_between",
]

ZONE = pendulum.timezone("Europe/Stockholm")
"""Europe/Stockholm, the zone whose wall time and offsets instants are kept in."""

Instant = pendulum.DateTime
"""An aware point in time, kept as Stockholm wall time with a fixed UTC offset."""

_UTC = pendulum.timezone("UTC")
_OFFSETS: dict[int, pendulum.FixedTimezone] = {}


def _offset_zone(seconds: int) -> pendulum.FixedTimezone:
    zone = _OFFSETS.get(seconds)
    if zone is None:
        zone = _OFFSETS.setdefault(seconds, pendulum.FixedTimezone(seconds))
        _OFFSET_PAIRS.append((zone, seconds))
    return zone


_END_DAY = date(MAX_YEAR + 1, 1, 1)
"""The first day after the supported years: a half-open span may end there."""

_OFFSET_PAIRS: list[tuple[pendulum.FixedTimezone, int]] = []
"""(zone, seconds) for the few fixed offsets in use; searched by identity because
pendulum's FixedTimezone hashes in Python."""

CET = _offset_zone(3600)
"""The fixed zone (+01:00) an instant in Stockholm's winter time carries: one object, so
hot loops can tell an instant's offset by identity (``moment.tzinfo is CET``)."""
CEST = _offset_zone(7200)
"""The fixed zone (+02:00) an instant in Stockholm's summer time carries."""


@checked
def epoch_seconds(moment: datetime) -> int:
    """Whole seconds since 1970-01-01T00:00Z, rounded down.

    For anhorig's own instants (fixed offsets) this is integer arithmetic on the wall
    time and the offset, exact on every day including the DST change days; any other
    aware datetime goes through ``timestamp()``.
    """
    offset = _own_offset(moment.tzinfo)
    if offset is None:
        return math.floor(moment.timestamp())
    days = moment.toordinal() - EPOCH_ORDINAL
    return days * 86400 + moment.hour * 3600 + moment.minute * 60 + moment.second - offset


def _own_offset(zone: object) -> int | None:
    """The offset in seconds if ``zone`` is one of anhorig's own fixed zones, else None."""
    for own, offset in _OFFSET_PAIRS:
        if zone is own:
            return offset
    return None


def _stockholm_local(moment: datetime) -> datetime:
    # Plain stdlib arithmetic: pendulum's overrides are several times slower here.
    offset = moment.utcoffset()
    assert offset is not None
    naive_utc = (
        datetime(
            moment.year,
            moment.month,
            moment.day,
            moment.hour,
            moment.minute,
            moment.second,
            moment.microsecond,
        )
        - offset
    )
    return naive_utc.replace(tzinfo=UTC).astimezone(ZONE)


def _stockholm(moment: datetime) -> pendulum.DateTime:
    shown = _stockholm_local(moment)
    offset = shown.utcoffset()
    assert offset is not None
    return pendulum.DateTime(
        shown.year,
        shown.month,
        shown.day,
        shown.hour,
        shown.minute,
        shown.second,
        shown.microsecond,
        tzinfo=_offset_zone(int(offset.total_seconds())),
    )


def as_instant(value: object, *, path: str = "$") -> pendulum.DateTime:
    """``value`` as an instant in Europe/Stockholm; naive or non-datetime input is refused.

    The instant is not changed, only the zone it is shown in.
    """
    if not isinstance(value, datetime):
        raise InvalidInput.at(
            path,
            sv=f"väntade en tidpunkt med tidszon, fick {type(value).__name__}",
            en=f"expected an aware datetime, got {type(value).__name__}",
        )
    if value.tzinfo is None or value.utcoffset() is None:
        raise InvalidInput.at(
            path,
            sv="tidpunkten saknar tidszon (naiv tid accepteras inte)",
            en="the datetime has no time zone (naive times are refused)",
        )
    year = value.year
    # Already ours, unless arithmetic carried it across a DST change or out of range.
    if isinstance(value, pendulum.DateTime) and MIN_YEAR < year < MAX_YEAR:
        offset = _own_offset(value.tzinfo)
        if offset is not None and offset == _offset_at(value.timestamp()):
            return value
    if not MIN_YEAR - 1 <= year <= MAX_YEAR + 1:  # converting could overflow
        raise _outside(path, value)
    return _in_range(_stockholm(value), path, value)


def _outside(path: str, value: object) -> InvalidInput:
    shown = value.isoformat() if isinstance(value, date) else value
    return InvalidInput.at(path, **years_message(shown))


def _in_range(moment: pendulum.DateTime, path: str, given: object) -> pendulum.DateTime:
    """``moment`` if its Stockholm date is in the supported years or it is the midnight
    that ends them."""
    day = moment.date()
    if FIRST_DAY <= day <= LAST_DAY or (day == _END_DAY and moment == _start_of(_END_DAY)):
        return moment
    raise _outside(path, given)


@checked
def local(
    year: int,
    month: int,
    day: int,
    hour: int = 0,
    minute: int = 0,
    second: int = 0,
    *,
    fold: Literal[0, 1] = 0,
    gap: Literal["refuse", "shift"] = "refuse",
) -> pendulum.DateTime:
    """The instant a Stockholm wall clock shows this date and time.

    A time in the autumn fold means its first occurrence (``fold=0``, summer time)
    unless ``fold=1``. A time in the spring gap is refused with ``InvalidInput``; with
    ``gap="shift"`` it is read as RFC 5545 reads a recurring time that falls in a gap:
    with the offset before the gap, so 02:30 on the last Sunday of March is 03:30
    summer time. A schedule that repeats at a clock time wants that reading.
    """
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except (ValueError, TypeError, OverflowError):
        given = ", ".join(_checks.shown(v) for v in (year, month, day, hour, minute, second))
        raise InvalidInput.at(
            "$",
            sv=f"ogiltig lokal tid ({given})",
            en=f"invalid local time ({given})",
        ) from None
    bad: list[tuple[str, str, str, object]] = []
    if type(fold) is not int or fold not in (0, 1):
        bad.append(("fold", "0 eller 1", "0 or 1", fold))
    if type(gap) is not str or gap not in ("refuse", "shift"):
        bad.append(("gap", "'refuse' eller 'shift'", "'refuse' or 'shift'", gap))
    if bad:
        raise InvalidInput(
            Problem.make(
                name,
                sv=f"ska vara {sv} (fick {_checks.shown(v)})",
                en=f"must be {en} (got {_checks.shown(v)})",
            )
            for name, sv, en, v in bad
        )
    if not MIN_YEAR <= year <= MAX_YEAR + 1:
        raise _outside("$", naive)
    return _in_range(_localize(naive, fold, gap == "shift"), "$", naive)


def _localize(naive: datetime, fold: Literal[0, 1], shift: bool = False) -> pendulum.DateTime:
    aware = naive.replace(tzinfo=ZONE, fold=fold)
    back = aware.astimezone(_UTC).astimezone(ZONE)
    if shift and back.replace(tzinfo=None) != naive:
        # zoneinfo gives a gap time with fold=0 the offset before the gap: RFC 5545's reading
        back = naive.replace(tzinfo=ZONE, fold=0).astimezone(_UTC).astimezone(ZONE)
    elif back.replace(tzinfo=None) != naive:
        stamp = naive.strftime("%Y-%m-%d %H:%M")
        raise InvalidInput.at(
            "$",
            sv=f"{stamp} finns inte i Europe/Stockholm (sommartid börjar)",
            en=f"{stamp} does not exist in Europe/Stockholm (summer time begins)",
        )
    return _stockholm(back)


def _start_of(day: date) -> pendulum.DateTime:
    """The Stockholm midnight that begins ``day``, as an instant (from `anhorig._calendar`:
    midnight is never in a DST gap, and in a fold it is the first occurrence)."""
    offset = (day.toordinal() - EPOCH_ORDINAL) * 86400 - _calendar.midnight(day)
    return pendulum.DateTime(day.year, day.month, day.day, tzinfo=_offset_zone(offset))


_FRACTION = re.compile(r"[.,](\d*)")


def _bad_fraction(candidate: str) -> bool:
    """Whether a fraction in ``candidate`` has more digits than a microsecond, or follows
    hours or minutes (which Python would read as a fraction of a second)."""
    if "." not in candidate and "," not in candidate:
        return False
    match = _FRACTION.search(candidate)
    if match is None:
        return False
    clock = candidate[max(candidate.find("T"), candidate.find("t")) + 1 : match.start()]
    return len(match.group(1)) > 6 or len(clock.replace(":", "")) != 6


@checked
def parse_instant(text: str, *, path: str = "$") -> pendulum.DateTime:
    """Parse an ISO 8601 date-time that carries its UTC offset (``Z`` or ``+01:00``).

    Text without an offset is naive and refused; so is anything not ISO 8601. A
    fraction of a second is kept to the microsecond; more digits are refused rather
    than cut off, as is a fraction of an hour or a minute.
    """
    if not isinstance(text, str):
        raise InvalidInput.at(
            path,
            sv=f"väntade en ISO 8601-tidpunkt som text, fick {type(text).__name__}",
            en=f"expected an ISO 8601 date-time string, got {type(text).__name__}",
        )
    candidate = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        parsed = None
    if parsed is None or "T" not in candidate.upper():
        raise InvalidInput.at(
            path,
            sv=f"ogiltig ISO 8601-tidpunkt: {text[:40]!r}",
            en=f"invalid ISO 8601 date-time: {text[:40]!r}",
        )
    if _bad_fraction(candidate):
        raise InvalidInput.at(
            path,
            sv=f"högst 6 decimaler på sekunderna, och bara där (fick {text[:40]!r})",
            en=f"at most 6 decimals, on the seconds only (got {text[:40]!r})",
        )
    return as_instant(parsed, path=path)


def day_interval(day: date) -> Interval:
    """The whole local day ``day`` in Stockholm: 23, 24 or 25 elapsed hours."""
    if not is_date(day) or not FIRST_DAY <= day <= LAST_DAY:
        raise _outside("day", day)
    return Interval(_start_of(day), _start_of(day + timedelta(days=1)))


def _start_instant(value: object) -> pendulum.DateTime:
    return as_instant(value, path="start")


def _end_instant(value: object) -> pendulum.DateTime:
    return as_instant(value, path="end")


def _check_order(instance: Interval, attribute: attrs.Attribute[Any], value: Any) -> None:
    if instance.end < instance.start:
        fail(
            "end",
            # Quoted: the instants as the input spells them, which may lie outside the
            # years anhorig can put in words.
            sv=f"slutet ('{instance.end.isoformat()}') ligger före början "
            f"('{instance.start.isoformat()}')",
            en=f"end ('{instance.end.isoformat()}') is before start ('{instance.start.isoformat()}')",
        )


_checks.describe(_check_order, "rule", None, "end is on or after start", "start <= end")


@collecting
@attrs.frozen(order=False)
class Interval:
    """A half-open span of time ``[start, end)`` (*tidsintervall*), in elapsed time."""

    start: pendulum.DateTime = attrs.field(converter=_start_instant)
    end: pendulum.DateTime = attrs.field(converter=_end_instant, validator=_check_order)

    @property
    def duration(self) -> timedelta:
        """Elapsed time, which is what the clock on the wall does *not* show across DST."""
        # Exact for aware datetimes; the stdlib's subtraction, not pendulum's Interval.
        return datetime.__sub__(self.end, self.start)

    @property
    def seconds(self) -> int:
        """Elapsed whole seconds."""
        return int(self.duration.total_seconds())

    @property
    def hours(self) -> float:
        """Elapsed hours."""
        return self.duration.total_seconds() / 3600

    @property
    def is_empty(self) -> bool:
        """Whether ``start == end``."""
        return self.start == self.end

    def contains(self, instant: datetime) -> bool:
        """Whether ``instant`` lies in ``[start, end)``."""
        moment = as_instant(instant, path="instant")
        return self.start <= moment < self.end

    @checked
    def overlaps(self, other: Interval) -> bool:
        """Whether the two intervals share any instant (touching ends and empty ones do not)."""
        return (
            self.start < other.end
            and other.start < self.end
            and self.start < self.end
            and other.start < other.end
        )

    @checked
    def intersection(self, other: Interval) -> Interval | None:
        """The common part, or ``None`` if the intervals do not overlap."""
        if not self.overlaps(other):
            return None
        return Interval(max(self.start, other.start), min(self.end, other.end))

    def split_at(self, instant: datetime) -> tuple[Interval, Interval]:
        """Two intervals meeting at ``instant``, which must lie inside this one."""
        moment = as_instant(instant, path="instant")
        if not self.start <= moment <= self.end:
            raise InvalidInput.at(
                "instant",
                sv="delningspunkten ligger utanför intervallet",
                en="the split point lies outside the interval",
            )
        return Interval(self.start, moment), Interval(moment, self.end)

    def local_days(self) -> tuple[date, ...]:
        """The Stockholm dates this interval touches (empty for an empty interval)."""
        if self.is_empty:
            return ()
        first = self.start.date()
        last = (self.end - timedelta(microseconds=1)).in_tz(ZONE).date()
        return tuple(first + timedelta(days=i) for i in range((last - first).days + 1))


def _check_date(name: str) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    # A period's end is the first day not covered, so it may be the day after the range.
    last = _END_DAY if name == "end" else LAST_DAY

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is None and name == "end":
            return
        if not is_date(value):
            fail(
                attribute.name,
                sv=f"väntade ett datum, fick {type(value).__name__}",
                en=f"expected a date, got {type(value).__name__}",
            )
        elif not FIRST_DAY <= value <= last:
            outside_years(attribute.name, value)

    return check


def _check_period(instance: Period, attribute: attrs.Attribute[Any], value: Any) -> None:
    _check_date("end")(instance, attribute, value)
    if is_date(instance.start) and is_date(value) and value < instance.start:
        fail(
            "end",
            # Quoted: both are the input's own spelling, as an interval's are.
            sv=f"slutet ('{instance.end}') ligger före början ('{instance.start}')",
            en=f"end ('{instance.end}') is before start ('{instance.start}')",
        )


_checks.describe(
    _check_period, "rule", None, "end is on or after start, when given", "start <= end"
)


@collecting
@attrs.frozen(order=False)
class Period:
    """A half-open span of dates ``[start, end)`` (*period*); ``end=None`` is open-ended.

    ``end`` is the first day **not** covered: the whole of 2026 is
    ``Period(date(2026, 1, 1), date(2027, 1, 1))``, or ``Period.year(2026)``, or
    ``Period.through(date(2026, 1, 1), date(2026, 12, 31))``.
    """

    start: date = attrs.field(validator=_check_date("start"))
    end: date | None = attrs.field(default=None, validator=_check_period)

    @classmethod
    @checked
    def through(cls, first: date, last: date) -> Period:
        """The period from ``first`` to ``last``, both days included."""
        if is_date(last) and last <= LAST_DAY:
            return cls(first, last + timedelta(days=1))
        return cls(first, last)  # the validators name what is wrong with ``last``

    @classmethod
    @checked
    def month(cls, year: int, month: int) -> Period:
        """One calendar month."""
        if _whole(year) and _whole(month) and MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
            start = date(year, month, 1)
            return cls(start, date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1))
        raise InvalidInput.at(
            "$",
            sv=f"ingen månad {_checks.shown(year)}-{_checks.shown(month)} (år {MIN_YEAR}–{MAX_YEAR}, månad 1–12)",
            en=f"no month {_checks.shown(year)}-{_checks.shown(month)} "
            f"(years {MIN_YEAR}–{MAX_YEAR}, months 1–12)",
        )

    @classmethod
    @checked
    def year(cls, year: int) -> Period:
        """One calendar year."""
        if _whole(year) and MIN_YEAR <= year <= MAX_YEAR:
            return cls(date(year, 1, 1), date(year + 1, 1, 1))
        raise InvalidInput.at(
            "$",
            sv=f"året {_checks.shown(year)} ligger utanför {MIN_YEAR}–{MAX_YEAR}",
            en=f"the year {_checks.shown(year)} lies outside {MIN_YEAR}–{MAX_YEAR}",
        )

    @property
    def last(self) -> date | None:
        """The last day covered, or ``None`` if open-ended."""
        return None if self.end is None else self.end - timedelta(days=1)

    @property
    def days(self) -> int | None:
        """How many days the period covers, or ``None`` if open-ended."""
        return None if self.end is None else (self.end - self.start).days

    @checked
    def contains(self, day: date) -> bool:
        """Whether ``day`` is covered."""
        return self.start <= day and (self.end is None or day < self.end)

    @checked
    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share a day."""
        return (other.end is None or self.start < other.end) and (
            self.end is None or other.start < self.end
        )

    @checked
    def intersection(self, other: Period) -> Period | None:
        """The common days, or ``None``."""
        if not self.overlaps(other):
            return None
        ends = [e for e in (self.end, other.end) if e is not None]
        return Period(max(self.start, other.start), min(ends) if ends else None)

    def interval(self) -> Interval:
        """The instants from local midnight at ``start`` to local midnight at ``end``."""
        if self.end is None:
            raise InvalidInput.at(
                "end",
                sv="en öppen period har inget slut i tid",
                en="an open-ended period has no end instant",
            )
        return Interval(_start_of(self.start), _start_of(self.end))

    def months(self) -> Iterator[Period]:
        """The calendar months this period touches, in order (needs an end)."""
        if self.end is None:
            raise InvalidInput.at(
                "end",
                sv="en öppen period kan inte delas i månader",
                en="an open-ended period cannot be split into months",
            )
        year, month = self.start.year, self.start.month
        while date(year, month, 1) < self.end:
            yield Period.month(year, month)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


@checked
def swedish_holidays(year: int, *, eves_off: bool = True) -> frozenset[date]:
    """The Swedish public holidays of ``year`` (*helgdagar*), and by default the three eves.

    Sundays are not listed (every Sunday is a day off anyway).
    """
    return holidays_of(year, eves_off)


@checked
def is_holiday_eve(day: date) -> bool:
    """Whether ``day`` is midsommarafton, julafton or nyårsafton (*helgdagsafton*): a day
    off by custom and agreement, not a public holiday (*helgdag*) in law.

    >>> is_holiday_eve(date(2026, 12, 24)), is_holiday_eve(date(2026, 12, 25))
    (True, False)
    """
    return day in eves(day.year)


@checked
def is_working_day(day: date, *, eves_off: bool = True) -> bool:
    """Whether ``day`` is a working day (*vardag*): Monday–Friday, not a holiday."""
    holidays = holidays_of(day.year, eves_off)
    return day.weekday() < 5 and day not in holidays


@checked
def working_days_between(start: date, end: date, *, eves_off: bool = True) -> int:
    """Working days in ``[start, end)``; negative if ``end`` is before ``start``.

    Notice is counted this way: a booking made on ``start`` for ``end`` has had
    ``working_days_between(start, end)`` working days of notice.
    """
    if start.__class__ is date and end.__class__ is date and start.year == end.year:
        # The common case, one year's table (the loop below, written out for it).
        year = start.year
        counts = working_before(year, eves_off)
        first = first_ordinal(year)
        return counts[end.toordinal() - first] - counts[start.toordinal() - first]
    if end < start:
        return -working_days_between(end, start, eves_off=eves_off)
    # From each year's table of working days before each day: a few lookups, not a
    # walk over the days (check(ledger) counts notice for every booking).
    count = 0
    if isinstance(start, datetime) or isinstance(end, datetime):
        day = start  # instants, not days: stepped a day at a time from ``start``
        while day < end:
            count += is_working_day(day, eves_off=eves_off)
            day += timedelta(days=1)
        return count
    ordinal, stop = start.toordinal(), end.toordinal()
    year = start.year
    while ordinal < stop:
        counts = working_before(year, eves_off)
        year_first = date(year, 1, 1).toordinal()
        upto = min(stop - year_first, len(counts) - 1)
        count += counts[upto] - counts[ordinal - year_first]
        ordinal = year_first + len(counts) - 1
        year += 1
    return count


@checked
def add_working_days(day: date, count: int, *, eves_off: bool = True) -> date:
    """The date ``count`` working days after ``day`` (before it, if negative).

    ``add_working_days(d, n)`` is the earliest date ``e`` with
    ``working_days_between(d, e) == n`` for ``n >= 0``.
    """
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    # Working days are fewer than days: a count beyond the days left cannot stay in range.
    room = (_END_DAY - day).days if step > 0 else (day - FIRST_DAY).days
    if remaining > room:
        raise InvalidInput.at(
            "count",
            sv=f"{count} arbetsdagar från {date_text(day, 'sv')} hamnar utanför åren "
            f"{MIN_YEAR}–{MAX_YEAR}",
            en=f"{count} working days from {date_text(day, 'en')} fall outside the years "
            f"{MIN_YEAR}–{MAX_YEAR}",
        )
    current = day
    while remaining:
        if step < 0:
            current += timedelta(days=-1)
            if is_working_day(current, eves_off=eves_off):
                remaining -= 1
        else:
            if is_working_day(current, eves_off=eves_off):
                remaining -= 1
            current += timedelta(days=1)
    if not FIRST_DAY <= current <= _END_DAY:
        raise _outside("count", current)
    return current


_DAY_ZONE: dict[int, object] = {}
"""By day (ordinal), the own zone every instant of that local day has in Stockholm, for
days without a change of offset; filled as days are seen (at most the supported years)."""


_ZONE_OF_OFFSET = {3600: CET, 7200: CEST}

known_day_zone = _DAY_ZONE.get
"""``known_day_zone(ordinal, default)``: the own zone (`CET` or `CEST`) of every instant
of the local day ``ordinal``, for a day `is_own_instant` has seen without a change of
offset; ``default`` for any other day. An instant of such a day whose zone is this one
is one `is_own_instant` accepts. (A bound ``dict.get``: a quick test in a constructor
reads it without a Python call.)"""


def is_own_instant(value: object) -> bool:
    """Whether ``value`` is an instant `as_instant` would give back unchanged: a
    pendulum date-time in Stockholm's own fixed zone for that instant (`CET`, `CEST`),
    within the years. ``False`` means only "not sure": `as_instant` then decides.

    Constructors ask this first, so an instant made by anhorig is not worked out again
    (a pendulum ``timestamp()`` alone costs about a microsecond).
    """
    if type(value) is not pendulum.DateTime:
        return False
    zone = value.tzinfo
    day = value.toordinal()
    known = _DAY_ZONE.get(day)
    if known is not None:
        return zone is known
    offset = 3600 if zone is CET else 7200 if zone is CEST else None
    if offset is None or not MIN_YEAR < value.year < MAX_YEAR:
        return False
    if (value.month, value.day) in ((1, 1), (12, 31)):
        return False  # the UTC year may be the other one: left to as_instant
    offsets = _year_offsets(value.year)
    if offsets is None:
        return False
    start, end, winter, summer = offsets
    midnight = (day - EPOCH_ORDINAL) * 86400
    t = midnight + value.hour * 3600 + value.minute * 60 + value.second - offset
    if not any(midnight - 7200 <= change <= midnight + 86400 for change in (start, end)):
        # No change of offset that local day: one zone for all of it.
        own = _ZONE_OF_OFFSET.get(summer if start <= midnight < end else winter)
        if own is not None:
            _DAY_ZONE[day] = own
    return offset == (summer if start <= t < end else winter)
