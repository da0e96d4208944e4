"""`anhorig._calendar` answers as a binary search over a table of every local midnight
would (the table the respite ledger used to build: 1900-01-01 to 2200-01-01)."""

from __future__ import annotations

import bisect
import zoneinfo
from datetime import date, datetime, timedelta

import pytest

from anhorig import _calendar

ZONE = zoneinfo.ZoneInfo("Europe/Stockholm")


def _midnights(first: date, last: date) -> list[int]:
    out = []
    day = first
    while day <= last:
        out.append(int(datetime(day.year, day.month, day.day, tzinfo=ZONE).timestamp()))
        day += timedelta(days=1)
    return out


@pytest.mark.parametrize("year", [1900, 1916, 1980, 2026, 2100, 2199])
def test_days_and_months_of_a_year_match_the_zone(year: int) -> None:
    """Each midnight and each day's index, around every midnight, as the zone gives them
    (1916 had a summer time ending at midnight; 1980 is the first year of today's rules)."""
    first = date(year, 1, 1)
    table = _midnights(first, date(year + 1, 1, 1))
    base = first.toordinal() - _calendar.DAY_ZERO_ORDINAL
    for offset, stamp in enumerate(table):
        assert _calendar.day_midnight(base + offset) == stamp
        assert _calendar.midnight(first + timedelta(days=offset)) == stamp
        for probe in (stamp - 3601, stamp - 1, stamp, stamp + 1, stamp + 3599, stamp + 3600):
            expected = base + bisect.bisect_right(table, probe) - 1
            if table[0] <= probe < table[-1]:
                assert _calendar.day_index(probe) == expected
    for month in range(12):
        index = (year - _calendar.FIRST_YEAR) * 12 + month
        start = _calendar.month_midnight(index)
        assert start == table[(date(year, month + 1, 1) - first).days]
        assert _calendar.month_index(start) == index
        assert _calendar.month_index(start - 1) == index - 1


def test_the_ends_of_the_indexed_calendar() -> None:
    """Before 1900 is day and month -1; from 2200-01-01 on the last day and month."""
    first = _calendar.day_midnight(0)
    last = _calendar.day_midnight(_calendar.DAYS - 1)
    assert _calendar.day_index(first - 1) == -1
    assert _calendar.month_index(first - 10**9) == -1
    assert _calendar.day_index(last) == _calendar.DAYS - 1
    assert _calendar.day_index(last + 10**9) == _calendar.DAYS - 1
    assert _calendar.month_index(last) == _calendar.MONTHS - 1
    assert _calendar.date_at(_calendar.DAYS - 1) == date(2200, 1, 1)
    assert _calendar.in_range(first)
    assert not _calendar.in_range(last)


def test_the_autumn_fold_of_1916_means_its_first_midnight() -> None:
    """1916-10-01 00:00 came twice; the calendar, like `anhorig.time`, means summer time."""
    assert _calendar.midnight(date(1916, 10, 1)) == int(
        datetime(1916, 9, 30, 22, tzinfo=zoneinfo.ZoneInfo("UTC")).timestamp()
    )
