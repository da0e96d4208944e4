"""Field validators that raise ``InvalidInput`` and, inside a constructor, report every bad field.

``@collecting`` on an attrs class makes its validators record problems instead of
raising at the first one; the constructor then raises one ``InvalidInput`` naming
them all. Only local invariants belong here; business rules live in rule modules.
"""

from __future__ import annotations

import contextvars
import functools
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeVar

import attrs

from anhorig.errors import InvalidInput, Problem

_T = TypeVar("_T")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_collector: contextvars.ContextVar[list[Problem] | None] = contextvars.ContextVar(
    "anhorig_problems", default=None
)


def fail(path: str, *, sv: str, en: str) -> None:
    """Report a problem: recorded if a constructor is collecting, raised otherwise."""
    problem = Problem.make(path, sv=sv, en=en)
    problems = _collector.get()
    if problems is None:
        raise InvalidInput.of(problem)
    problems.append(problem)


def collecting(cls: type[_T]) -> type[_T]:
    """Make ``cls``'s constructor report every bad field in one ``InvalidInput``."""
    init = cls.__init__

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if _collector.get() is not None:
            # A nested construction collects its own problems separately.
            token = _collector.set(None)
            try:
                __init__(self, *args, **kwargs)
            finally:
                _collector.reset(token)
            return
        problems: list[Problem] = []
        token = _collector.set(problems)
        try:
            init(self, *args, **kwargs)
        except InvalidInput as exc:
            problems.extend(exc.problems)
        finally:
            _collector.reset(token)
        if problems:
            raise InvalidInput(problems)

    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls


def _type_name(value: object) -> str:
    return type(value).__name__


def instance_of(*types: type) -> Validator:
    """The value is an instance of one of ``types`` (``bool`` is not an ``int`` here)."""
    names = " | ".join(t.__name__ for t in types)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if (isinstance(value, bool) and bool not in types) or (
            isinstance(value, datetime) and date in types and datetime not in types
        ):
            ok = False
        else:
            ok = isinstance(value, types)
        if not ok:
            fail(
                attribute.name,
                sv=f"väntade {names}, fick {_type_name(value)}",
                en=f"expected {names}, got {_type_name(value)}",
            )

    return check


def optional(validator: Validator) -> Validator:
    """``None`` or what ``validator`` accepts."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    return check


def each(*types: type) -> Validator:
    """A tuple or frozenset whose members are instances of ``types``."""
    names = " | ".join(t.__name__ for t in types)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, tuple | frozenset):
            fail(
                attribute.name,
                sv=f"väntade en tupel eller frozenset, fick {_type_name(value)}",
                en=f"expected a tuple or frozenset, got {_type_name(value)}",
            )
            return
        if all(_member_ok(member, types) for member in value):
            return
        # Only on failure: a stable order so a set's bad member gets a stable index.
        members: Iterable[Any] = value if isinstance(value, tuple) else sorted(value, key=repr)
        for index, member in enumerate(members):
            if not _member_ok(member, types):
                fail(
                    f"{attribute.name}[{index}]",
                    sv=f"väntade {names}, fick {_type_name(member)}",
                    en=f"expected {names}, got {_type_name(member)}",
                )

    return check


def _member_ok(member: object, types: tuple[type, ...]) -> bool:
    if isinstance(member, bool) and bool not in types:
        return False
    return isinstance(member, types)


def ge(bound: int | float) -> Validator:
    """A number at least ``bound``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if isinstance(value, int | float) and not isinstance(value, bool) and value < bound:
            fail(
                attribute.name,
                sv=f"måste vara >= {bound} (fick {value})",
                en=f"must be >= {bound} (got {value})",
            )

    return check


def matches(pattern: str, description: str) -> Validator:
    """A string matching ``pattern`` in full; ``description`` says what that means."""
    compiled = re.compile(pattern)

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            fail(
                attribute.name,
                sv=f"väntade {description}",
                en=f"expected {description}",
            )

    return check


def non_empty_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A string with at least one non-blank character."""
    if not isinstance(value, str) or not value.strip():
        fail(attribute.name, sv="får inte vara tom text", en="must not be empty text")


_is_str = instance_of(str)
_is_date = instance_of(date)
_is_bool = instance_of(bool)


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Any string, possibly empty."""
    _is_str(instance, attribute, value)


def a_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A calendar date, not a datetime."""
    _is_date(instance, attribute, value)


def a_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """True or False."""
    _is_bool(instance, attribute, value)


def is_date(value: object) -> bool:
    """Whether ``value`` is a calendar date (and not a datetime)."""
    return isinstance(value, date) and not isinstance(value, datetime)


def and_(*validators: Validator) -> Validator:
    """Every one of ``validators``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        for validator in validators:
            validator(instance, attribute, value)

    return check


def not_empty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A collection with at least one member."""
    if hasattr(value, "__len__") and len(value) == 0:
        fail(attribute.name, sv="får inte vara tom", en="must not be empty")
