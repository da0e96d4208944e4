"""Field validators the discharge records share: ids and aware instants.

Instants are converted to Europe/Stockholm when they are aware datetimes; anything
else is left for the validator to name, so a constructor reports every bad field at
once (``anhorig._checks.collecting``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import attrs
import pendulum

from anhorig import _checks
from anhorig.time import as_instant

__all__ = ["an_id", "an_instant", "day_of", "ids", "optional_instant", "to_instant"]

_ID_RE = re.compile(r"[A-Za-z0-9\-.]{1,64}")


def an_id(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An id: 1–64 characters of A–Z, a–z, 0–9, '-' or '.'."""
    if not isinstance(value, str) or not _ID_RE.fullmatch(value):
        _checks.fail(
            attribute.name,
            sv="väntade ett id: 1–64 tecken A–Z, a–z, 0–9, '-' eller '.'",
            en="expected an id: 1–64 characters of A–Z, a–z, 0–9, '-' or '.'",
        )


_checks.describe(an_id, "matches", _ID_RE)


def ids(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A frozenset of ids (possibly empty)."""
    _checks.each(str)(instance, attribute, value)
    if not isinstance(value, frozenset):
        return
    bad = sorted(v for v in value if isinstance(v, str) and not _ID_RE.fullmatch(v))
    if bad:
        _checks.fail(
            attribute.name,
            sv=f"väntade id: 1–64 tecken A–Z, a–z, 0–9, '-' eller '.', fick {bad[:3]!r}",
            en=f"expected ids: 1–64 characters of A–Z, a–z, 0–9, '-' or '.', got {bad[:3]!r}",
        )


_checks.describe(ids, "each_matches", _ID_RE)


def to_instant(value: object) -> object:
    """An aware datetime as an instant in Europe/Stockholm; anything else unchanged."""
    if isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() is not None:
        return as_instant(value)
    return value


def an_instant(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An aware instant; a naive datetime or anything else is refused."""
    if isinstance(value, pendulum.DateTime) and value.tzinfo is not None:
        return
    if isinstance(value, datetime):
        _checks.fail(
            attribute.name,
            sv="tidpunkten saknar tidszon (naiv tid accepteras inte)",
            en="the datetime has no time zone (naive times are refused)",
        )
    else:
        _checks.fail(
            attribute.name,
            sv=f"väntade en tidpunkt med tidszon, fick {type(value).__name__}",
            en=f"expected an aware datetime, got {type(value).__name__}",
        )


def optional_instant(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None`` or an aware instant."""
    if value is not None:
        an_instant(instance, attribute, value)


_checks.describe(an_instant, "instant")
_checks.describe(optional_instant, "optional", an_instant)


def day_of(moment: datetime) -> date:
    """The Stockholm calendar day of an instant, as a plain ``datetime.date`` (pendulum's
    own ``Date`` would travel into records and documents otherwise)."""
    return date(moment.year, moment.month, moment.day)
