"""Swedish public holidays and working days, a year at a time (*helgdagar*, *arbetsdagar*).

The tables behind `anhorig.time`'s working days: each built the first time a year is
asked for and kept. Floor: beside `anhorig.time`, which re-exports what users call.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta

from anhorig._text import InvalidInput

__all__ = ["HOLIDAY_YEARS", "eves", "first_ordinal", "holidays_of", "working_before"]


def eves(year: int) -> frozenset[date]:
    """Midsommarafton (the Friday of 19–25 June), julafton and nyårsafton of ``year``.

    Computed here rather than taken from the ``holidays`` package's ``de_facto``
    category, which its early releases do not have for Sweden. Like that category, none
    before 1953, when midsommardagen became the Saturday of 20–26 June.
    """
    if year < 1953:
        return frozenset()
    june_19 = date(year, 6, 19)
    midsummer_eve = june_19 + timedelta(days=(4 - june_19.weekday()) % 7)
    return frozenset({midsummer_eve, date(year, 12, 24), date(year, 12, 31)})


HOLIDAY_YEARS = range(1954, 2101)
"""The years whose working days are known (1954–2100): the ``holidays`` package's Swedish
data ends with 2100, and from 1954 every release the library supports gives the same days."""


@functools.lru_cache(maxsize=256)
def holidays_of(year: int, eves_off: bool) -> frozenset[date]:
    """The public holidays of ``year``, and the eves if ``eves_off``."""
    if eves_off.__class__ is not bool:  # once per key: the callers' @checked names it
        raise TypeError("eves_off")
    if year not in HOLIDAY_YEARS:
        raise InvalidInput.at(
            "",
            sv=f"arbetsdagar är kända bara för åren {HOLIDAY_YEARS[0]}–{HOLIDAY_YEARS[-1]}, inte {year}",
            en=f"working days are known only for the years {HOLIDAY_YEARS[0]}–{HOLIDAY_YEARS[-1]}, not {year}",
        )
    from holidays.countries.sweden import Sweden

    # The country class, not ``country_holidays``: before holidays 0.109 the factory
    # does not pass ``include_sundays`` on, and every Sunday would be listed.
    # Early releases list the eves among the public holidays; they are kept apart here.
    days_off = eves(year)
    public = frozenset(Sweden(years=year, include_sundays=False).keys()) - days_off
    return public | days_off if eves_off else public


@functools.lru_cache(maxsize=512)
def first_ordinal(year: int) -> int:
    """The proleptic ordinal of 1 January of ``year``."""
    return date(year, 1, 1).toordinal()


@functools.lru_cache(maxsize=256)
def working_before(year: int, eves_off: bool) -> tuple[int, ...]:
    """For each day of ``year`` (and the day after it), the working days of the year
    before it: built the first time the year is counted, one year at a time."""
    holidays = holidays_of(year, eves_off)  # InvalidInput for a year without known holidays
    first = date(year, 1, 1).toordinal()
    days = date(year + 1, 1, 1).toordinal() - first
    counts = [0] * (days + 1)
    for offset in range(days):
        day = date.fromordinal(first + offset)
        working = day.weekday() < 5 and day not in holidays
        counts[offset + 1] = counts[offset] + working
    return tuple(counts)
