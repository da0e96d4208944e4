"""The consent model's field converters and validators for instants and free text.

Private to the family: :mod:`anhorig.consent.model` declares its fields with them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import attrs
import pendulum

from anhorig import _checks
from anhorig.errors import InvalidInput, Problem
from anhorig.time import as_instant

__all__ = [
    "Refused",
    "for_child_protection",
    "instant",
    "masked_text",
    "optional_instant",
    "recipient_shape",
    "to_instant",
]


def for_child_protection(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Set only on a request for child protection (``Purpose.CHILD_PROTECTION``, whose
    value is compared so that the model need not be imported here)."""
    if value is not None and getattr(instance.purpose, "value", None) != "child_protection":
        _checks.fail(
            attribute.name,
            sv="bara en begäran om skydd av barn (orosanmälan) anger barnet den gäller",
            en="only a request for child protection (a report of concern) names the child "
            "it concerns",
        )


@attrs.frozen
class Refused:
    """An aware datetime that `as_instant` refused (out of the supported years); the
    validator reports why under the field's name."""

    problems: tuple[Problem, ...]


def to_instant(value: object) -> object:
    """Aware datetimes become instants in Europe/Stockholm; anything else is left for
    the validator to name."""
    if isinstance(value, datetime) and value.tzinfo is not None and value.utcoffset() is not None:
        try:
            return as_instant(value)
        except InvalidInput as exc:
            return Refused(exc.problems)
    return value


def instant(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An aware instant (what `to_instant` made of the input), else a problem."""
    if isinstance(value, Refused):
        # A consent's valid_from defaults to its given_at: the same refusal is said once.
        if attribute.name != "valid_from" or value is not getattr(instance, "given_at", None):
            for problem in value.problems:
                _checks.fail(attribute.name, sv=problem.message.sv, en=problem.message.en)
        return
    if not isinstance(value, pendulum.DateTime) or value.tzinfo is None:
        what = type(value).__name__
        if isinstance(value, datetime):
            _checks.fail(
                attribute.name,
                sv="tidpunkten saknar tidszon (naiv tid accepteras inte)",
                en="the datetime has no time zone (naive times are refused)",
            )
        else:
            _checks.fail(
                attribute.name,
                sv=f"väntade en tidpunkt med tidszon, fick {what}",
                en=f"expected an aware datetime, got {what}",
            )


def optional_instant(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """``None`` or an aware instant."""
    if value is not None:
        instant(instance, attribute, value)


_checks.describe(instant, "instant")
_checks.describe(optional_instant, "optional", instant)


def masked_text(value: str) -> str:
    """Free text in a repr: only its length (it may name people)."""
    return "''" if not value else f"<{len(value)} tecken>"


_RECIPIENT_FIELDS = {
    "person": "person",
    "organisation": "organisation",
    "principal": "principal",
    "role": "role",
}
"""Each recipient kind (by value) and the field it must fill."""

_FIELD_WORDS = {
    "person": "person",
    "organisation": "organisation",
    "principal": "huvudman",
    "role": "roll",
}
"""A recipient's fields in Swedish words, for the message that one is missing."""


def recipient_shape(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A recipient fills the field of its kind and no other (a person may have a role
    besides). Kinds are compared by value, so that the model need not be imported."""
    kind = getattr(instance.kind, "value", None)
    if kind not in _RECIPIENT_FIELDS:
        return
    needed = _RECIPIENT_FIELDS[kind]
    present = {
        "person": instance.person,
        "organisation": instance.organisation,
        "principal": instance.principal,
        "role": instance.role,
    }
    if present[needed] is None:
        _checks.fail(
            needed,
            sv=f"en mottagare angiven som {_FIELD_WORDS[needed]} måste ha en {_FIELD_WORDS[needed]}",
            en=f"a recipient of kind {kind!r} needs {needed}",
        )
    for name, val in present.items():
        allowed = name == needed or (kind == "person" and name == "role")
        if val is not None and not allowed:
            _checks.fail(
                name,
                sv=f"en mottagare angiven som {_FIELD_WORDS[needed]} har ingen {_FIELD_WORDS[name]}",
                en=f"a recipient of kind {kind!r} has no {name}",
            )


_ALSO = {"person": "role"}  # a person may be given a role besides
_SHAPES = {  # for the JSON Schema: each kind's field, and the fields it must leave out
    k: ((f,), tuple(n for n in _RECIPIENT_FIELDS.values() if n not in (f, _ALSO.get(k))))
    for k, f in _RECIPIENT_FIELDS.items()
}
_checks.describe(recipient_shape, "cases", "kind", _SHAPES, None)
