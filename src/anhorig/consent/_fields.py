"""The consent model's field converters and validators for instants and free text.

Private to the family: :mod:`anhorig.consent.model` declares its fields with them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import attrs
import pendulum

from anhorig import _checks
from anhorig.errors import InvalidInput, Problem
from anhorig.time import as_instant, is_own_instant, known_day_zone

__all__ = [
    "DEFAULT",
    "OWN_INSTANT",
    "Quick",
    "Refused",
    "exactly_each",
    "for_child_protection",
    "instant",
    "masked_text",
    "optional_instant",
    "quick_init",
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


DEFAULT = "default"
"""A quick test: the field's default itself (``is``)."""

OWN_INSTANT = "own instant"
"""A quick test: `is_own_instant`, with its common case (a day whose zone it knows)
written out in the constructor rather than called (a third of the test's cost)."""

Quick = type | str | Callable[[Any], bool] | tuple["Quick", ...]
"""A quick test: an exact type, `DEFAULT`, `OWN_INSTANT`, a predicate, or a tuple of
them (any)."""


def _quick_test(name: str, test: Quick, scope: dict[str, Any]) -> str:
    """The test as an expression on ``name``, what it needs put in ``scope``."""
    if isinstance(test, tuple):
        parts = [_quick_test(f"{name}", t, scope) for t in test]
        return "(" + " or ".join(parts) + ")"
    key = f"_q{len(scope)}"
    if test == DEFAULT:
        return f"{name} is _d_{name}"
    if test == OWN_INSTANT:
        # The day's zone as is_own_instant would look it up (a sentinel for a day not
        # seen, never a zone); anything else is asked of is_own_instant itself.
        scope.update(_dt=pendulum.DateTime, _day_zone=known_day_zone, _unseen=object())
        scope["_own"] = is_own_instant
        return (
            f"(type({name}) is _dt and (_day_zone({name}.toordinal(), _unseen)"
            f" is {name}.tzinfo or _own({name})))"
        )
    scope[key] = test
    if isinstance(test, type):
        return f"type({name}) is {key}"
    return f"{key}({name})"


def exactly_each(container: type, member: type) -> Callable[[Any], bool]:
    """A quick test: a ``container`` (exactly) of ``member`` s (exactly)."""

    def test(value: Any) -> bool:
        members: Any = value  # not narrowed: type() is compared, not isinstance
        return type(value) is container and all(type(m) is member for m in members)

    return test


def quick_init(cls: type, quick: Mapping[str, Quick]) -> bool:
    """Give the attrs class ``cls`` (made `collecting`) a constructor that, when every
    argument passes its ``quick`` test, stores the arguments without calling the
    fields' converters and validators; any other call goes to the full constructor,
    so every bad field is still named as before. Returns whether it did.

    A quick test accepts only values the field's converter leaves as they are and its
    validators accept whatever the other fields hold (exact types, a default). A class
    with a field that has no quick test keeps its full constructor (a test checks
    that the request has the quick one).
    """
    full = vars(cls)["__init__"]
    fields = attrs.fields(cls)
    names = [f.name for f in fields]
    if set(quick) != set(names):
        return False
    scope: dict[str, Any] = {"_full": full}
    params: list[str] = []
    for f in fields:
        if f.default is attrs.NOTHING:
            params.append(f.name)
        elif isinstance(f.default, attrs.Factory):  # type: ignore[arg-type]
            return False
        else:
            scope[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
    # The frozen class refuses attribute stores (its __setattr__ raises), and storing
    # through each slot's descriptor costs about ten times a plain store. So the new
    # object is made an instance of an open twin (the same slots, the plain
    # __setattr__), stored into, and made the class's own again before it is returned:
    # nothing else can see it meanwhile, and nothing can fail in between.
    opened = type(
        cls.__name__,
        (cls,),
        {
            "__slots__": (),
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": cls.__module__,
            "__qualname__": f"{cls.__qualname__}.<open while built>",
        },
    )
    scope.update(_cls=cls, _opened=opened, _set=object.__setattr__)
    stores = [f"    self.{n} = {n}" for n in names]
    if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
        stores.append("    self._attrs_cached_hash = None")
    tests = " and ".join(_quick_test(n, quick[n], scope) for n in names)
    arguments = ", ".join(f"{n}={n}" for n in names)
    lines = [
        f"def __init__(self, *, {', '.join(params)}):",
        # A subclass's object keeps its class: it is built the full way.
        f"    if not (type(self) is _cls and {tests}):",
        f"        return _full(self, {arguments})",
        '    _set(self, "__class__", _opened)',
        *stores,
        "    self.__class__ = _cls",
    ]
    exec("\n".join(lines), scope)
    init = scope["__init__"]
    init.__doc__ = full.__doc__
    init.__wrapped__ = full
    init.__quick__ = True
    cls.__init__ = init  # type: ignore[misc]
    return True
