"""Upper bounds on amounts, counts, ages and days (*övre gränser*).

Every whole number a document or constructor takes has a documented largest value,
chosen from the domain: an hour quota per month is at most the hours of the longest
month, an age at most 150 years, a notice at most a year. Beyond it the value is
refused with :class:`~anhorig.errors.InvalidInput` naming the field, never taken as
it is: a 4,000-digit quota is a sender's bug, not a generous municipality. The
bounds are listed, with their reasons, in the reference pages
(``docs/reference/documents.md``).

>>> from anhorig.respite import Quota, QuotaPeriod, QuotaUnit
>>> Quota(amount=HOURS_IN_MONTH, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH).amount
744
>>> Quota(amount=745, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: amount: får vara högst 744 (timmar i en månad, 31 dygn × 24), fick 745
"""

from __future__ import annotations

import functools
from typing import Any

import attrs

from anhorig import _checks
from anhorig.language import Lang

__all__ = [
    "DAYS_IN_MONTH",
    "DAYS_IN_YEAR",
    "HOURS_IN_MONTH",
    "HOURS_IN_YEAR",
    "INTEROP_INTEGER",
    "LIFETIME_YEARS",
    "MAX_AGE",
    "MAX_BEDS",
    "MAX_FOLLOW_UP_MONTHS",
    "MAX_NOTICE_DAYS",
    "at_most",
    "bound_text",
    "number_text",
    "refuse",
]

DAYS_IN_MONTH = 31
"""Days (dygn) in the longest month."""

DAYS_IN_YEAR = 366
"""Days (dygn) in a leap year."""

HOURS_IN_MONTH = DAYS_IN_MONTH * 24
"""744: hours in the longest month, 31 × 24 (on the wall clock; the hour October's
change from summer time adds is not counted)."""

HOURS_IN_YEAR = DAYS_IN_YEAR * 24
"""8,784: hours in a leap year, 366 × 24."""

MAX_AGE = 150
"""Years: longer than anyone has lived, so no age limit in a policy needs more."""

LIFETIME_YEARS = MAX_AGE
"""Years: the longest span a quota over a grant's whole validity is measured against
when the validity is not known (a policy's standard quota)."""

MAX_NOTICE_DAYS = 365
"""Days: the longest notice or time limit in days a policy may set, a year."""

MAX_BEDS = 10_000
"""Beds at one short-stay unit: more than a whole municipality's short-stay places,
so a municipality may model its pool as one unit."""

MAX_FOLLOW_UP_MONTHS = 60
"""Months: the longest interval to a plan's follow-up, five years; a plan followed up
less often than that is not followed up."""

INTEROP_INTEGER = 2**53 - 1
"""The largest whole number every JSON reader keeps exactly (JavaScript's
``Number.MAX_SAFE_INTEGER``): the bound of amounts the library computes itself
(balances, occupancy), which have no smaller bound from the domain."""

_SHOWN_DIGITS = 10**9


def number_text(value: int, lang: Lang) -> str:
    """``value`` as a message quotes it: in full up to nine digits, otherwise only its
    size, so a long number is never quoted whole (nor one shaped like a personnummer)."""
    if -_SHOWN_DIGITS < value < _SHOWN_DIGITS:
        return str(value)
    if lang == "sv":
        return "ett tal med fler än nio siffror"
    return "a number of more than nine digits"


def bound_text(bound: int) -> str:
    """A bound as a message writes it: digits grouped by three from nine digits on
    (``9 007 199 254 740 991``), so that a long bound is read as a number and never taken
    for a personnummer by the masking."""
    return f"{bound:,}".replace(",", " ") if bound >= _SHOWN_DIGITS else str(bound)


def refuse(path: str, bound: int, value: int, *, sv: str, en: str) -> None:
    """Report ``value`` at ``path`` as above ``bound`` (``sv``/``en`` say what it counts)."""
    shown = bound_text(bound)
    _checks.fail(
        path,
        sv=f"får vara högst {shown} ({sv}), fick {number_text(value, 'sv')}",
        en=f"must be at most {shown} ({en}), got {number_text(value, 'en')}",
    )


@functools.cache
def at_most(bound: int, *, sv: str, en: str) -> _checks.Validator:
    """A whole number no larger than ``bound``; ``sv`` and ``en`` say what the bound
    counts (*timmar i en månad* / *hours in a month*). Anything but an ``int`` is left
    to the type's own validator."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, int) and not isinstance(value, bool) and value > bound:
            refuse(attribute.name, bound, value, sv=sv, en=en)

    return _checks.describe(check, "at_most", bound, sv, en)
