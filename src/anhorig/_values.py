"""How a message writes the values it quotes (*värden i text*), in Swedish and English.

One place for every value a message shows: a date (``1 april 2026``), an instant in
Stockholm local time (``1 april 2026 kl. 09.00``), a duration (``2 timmar 30 minuter``),
a number (``2,5``), nothing (``uppgift saknas``), yes or no. `anhorig.language.Text.format`
passes every parameter through `value_text`, so a rule's message template never shows
Python's spelling of a value (``None``, ``2026-04-01T09:00:00+02:00``, ``Decimal('2.5')``).

Nothing here imports anything else of anhorig (the ground floor).

>>> from datetime import date, datetime, timedelta, timezone
>>> value_text(date(2026, 4, 1), "sv"), value_text(date(2026, 4, 1), "en")
('1 april 2026', '1 April 2026')
>>> value_text(datetime(2026, 4, 1, 7, tzinfo=timezone.utc), "sv")
'1 april 2026 kl. 09.00'
>>> value_text(datetime(2026, 4, 1, 7, tzinfo=timezone.utc), "en")
'1 April 2026, 09:00'
>>> value_text(timedelta(hours=2, minutes=30), "sv"), value_text(2.5, "sv"), value_text(None, "sv")
('2 timmar 30 minuter', '2,5', 'uppgift saknas')
"""

from __future__ import annotations

import functools
import math
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

__all__ = [
    "date_text",
    "day_in_words",
    "duration_text",
    "instant_text",
    "number_text",
    "value_text",
]

_Lang = Literal["sv", "en"]

if TYPE_CHECKING:
    import zoneinfo


@functools.cache
def _stockholm() -> zoneinfo.ZoneInfo:
    """The zone every instant is shown in: the reader's clock. Made when an instant is
    first shown: importing zoneinfo costs ~3 ms of a command's start-up (issue 14)."""
    import zoneinfo

    return zoneinfo.ZoneInfo("Europe/Stockholm")


_MONTHS = {
    "sv": (
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}

_UNITS = {
    "sv": (("dag", "dagar"), ("timme", "timmar"), ("minut", "minuter"), ("sekund", "sekunder")),
    "en": (("day", "days"), ("hour", "hours"), ("minute", "minutes"), ("second", "seconds")),
}

_ABSENT = {"sv": "uppgift saknas", "en": "not given"}
_YES_NO = {"sv": ("ja", "nej"), "en": ("yes", "no")}


def _sv(lang: str) -> bool:
    return lang != "en"


def date_text(day: date, lang: _Lang = "sv") -> str:
    """A day as a message shows it: ``1 april 2026``, ``1 April 2026``, as the day of an
    instant is (`instant_text`), so that a message's days and instants read alike.

    ISO (``2026-04-01``) is for what a program reads: JSON output, and a bad value
    quoted back as the input spelt it.
    """
    return day_in_words(day, lang)


def day_in_words(day: date, lang: _Lang = "sv") -> str:
    """A day in words: ``1 april 2026`` (no leading zero, the month's name), ``1 April 2026``."""
    return f"{day.day} {_MONTHS['sv' if _sv(lang) else 'en'][day.month - 1]} {day.year}"


def _clock(moment: datetime | time, lang: str) -> str:
    sep, decimal = (".", ",") if _sv(lang) else (":", ".")
    text = f"{moment.hour:02d}{sep}{moment.minute:02d}"
    if moment.second or moment.microsecond:
        text += f"{sep}{moment.second:02d}"
    if moment.microsecond:
        text += decimal + f"{moment.microsecond:06d}".rstrip("0")
    return text


def _in_fold(local: datetime) -> bool:
    """Whether the Stockholm wall clock shows ``local`` twice (the autumn hour)."""
    naive = local.replace(tzinfo=None)
    zone = _stockholm()
    first = naive.replace(tzinfo=zone, fold=0).utcoffset()
    second = naive.replace(tzinfo=zone, fold=1).utcoffset()
    return first != second


def instant_text(moment: datetime, lang: _Lang = "sv") -> str:
    """An instant on the Stockholm clock: ``1 april 2026 kl. 09.00``, ``1 April 2026,
    09:00``; seconds only when there are any. In the autumn hour the clock shows twice,
    the time is marked *sommartid* or *normaltid*. A time without a zone is taken as
    Stockholm's already.
    """
    local = moment.astimezone(_stockholm()) if moment.tzinfo is not None else moment
    sv = _sv(lang)
    text = f"{day_in_words(local.date(), lang)}{' kl. ' if sv else ', '}{_clock(local, lang)}"
    if moment.tzinfo is not None and _in_fold(local):
        summer = bool(local.dst())
        if sv:
            text += " (sommartid)" if summer else " (normaltid)"
        else:
            text += " (summer time)" if summer else " (standard time)"
    return text


def duration_text(delta: timedelta, lang: _Lang = "sv") -> str:
    """A length of time in words: ``1 dag 2 timmar``, ``30 minutes``; ``0 minuter`` when none."""
    sign = "-" if delta < timedelta(0) else ""
    seconds = abs(delta)
    days, rest = seconds.days, seconds.seconds
    parts_of = (days, rest // 3600, rest % 3600 // 60, rest % 60)
    units = _UNITS["sv" if _sv(lang) else "en"]
    parts = [f"{n} {units[i][n != 1]}" for i, n in enumerate(parts_of) if n]
    if not parts:
        return f"0 {units[2][1]}"
    return sign + " ".join(parts)


def number_text(number: int | float | Decimal | Fraction, lang: _Lang = "sv") -> str:
    """A number as a reader writes it: ``2``, ``2,5`` (a decimal comma in Swedish), at
    most two decimals; a whole number without decimals."""
    if isinstance(number, int):
        return str(number)
    if isinstance(number, float) and not math.isfinite(number):
        return str(number)
    value = Decimal(number) if not isinstance(number, Fraction) else Decimal(float(number))
    if not value.is_finite():
        return str(number)
    shown = format(value.quantize(Decimal("0.01")) if value != value.to_integral() else value, "f")
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    if shown in ("-0", ""):
        shown = "0"
    return shown.replace(".", ",") if _sv(lang) else shown


def value_text(value: object, lang: _Lang = "sv") -> object:
    """``value`` as a message shows it in ``lang``: dates, instants, durations, numbers,
    nothing and yes/no in words; anything else (text, a `Text`'s part, an organisation
    with its own ``str``) unchanged."""
    if value is None:
        return _ABSENT["sv" if _sv(lang) else "en"]
    if isinstance(value, bool):
        yes, no = _YES_NO["sv" if _sv(lang) else "en"]
        return yes if value else no
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return instant_text(value, lang)
    if isinstance(value, date):
        return date_text(value, lang)
    if isinstance(value, time):
        return _clock(value, lang)
    if isinstance(value, timedelta):
        return duration_text(value, lang)
    if isinstance(value, (int, float, Decimal, Fraction)):
        return number_text(value, lang)
    return value
