"""Field validators that raise ``InvalidInput`` and, inside a constructor, report every bad field.

``@collecting`` on an attrs class makes its validators record problems instead of
raising at the first one; the constructor then raises one ``InvalidInput`` naming
them all. Only local invariants belong here; business rules live in rule modules.
"""

from __future__ import annotations

import contextvars
import functools
import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeVar

import attrs

from anhorig.errors import InvalidInput, Problem

_T = TypeVar("_T")

MIN_YEAR = 1800
"""The first year of a date or instant anhorig reads (re-exported by ``anhorig.time``)."""

MAX_YEAR = 2199
"""The last year of a date or instant anhorig reads (re-exported by ``anhorig.time``)."""

FIRST_DAY = date(MIN_YEAR, 1, 1)
LAST_DAY = date(MAX_YEAR, 12, 31)

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

TYPE_ONLY = "__anhorig_type_only__"
"""Marks a validator that checks nothing but a type: ``("is", types)`` for a value of
one of ``types``, ``("each", types)`` for a tuple or frozenset of them. The compiled
readers (``anhorig._reader``) leave such a validator out when they have checked the
type themselves; every other validator always runs."""


INLINE = "__anhorig_inline__"
"""Marks a validator the compiled readers may write out as a condition:
``(("is", types), template, objects)``, where ``template`` holds for a value of
``types`` exactly when the validator passes it (``{v}`` is the value, and each key
of ``objects`` names an object the condition uses)."""


def _type_only(validator: Validator, kind: str, types: tuple[type, ...]) -> Validator:
    setattr(validator, TYPE_ONLY, (kind, types))
    return validator


def inline_condition(
    validator: Validator,
    types: tuple[type, ...],
    template: str,
    others: dict[str, tuple[type, ...]] | None = None,
    **objects: Any,
) -> None:
    """Mark ``validator`` as ``template``, true exactly when it passes a value of ``types``.

    ``others`` names the other fields the template reads (as ``{o}.name``) and the
    types they must have for it to hold.
    """
    needs = {name: ("is", needed) for name, needed in (others or {}).items()}
    setattr(validator, INLINE, (("is", types), template, objects, needs))


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
    """Make ``cls``'s constructor report every bad field in one ``InvalidInput``.

    The class's ``__attrs_post_init__``, if it has one, runs only when every field has
    passed its checks, so it may rely on whole fields (the respite ledger builds its
    index there); an ``InvalidInput`` it raises is reported like a bad field.
    """
    init = cls.__init__
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:

        @functools.wraps(post_init)
        def __attrs_post_init__(self: Any) -> None:
            if not _collector.get():  # no field has failed its check
                post_init(self)

        cls.__attrs_post_init__ = __attrs_post_init__  # type: ignore[attr-defined]

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


def shown(value: object) -> str:
    """``value`` as a message quotes it: an integer too long to print by its magnitude."""
    if isinstance(value, int) and not isinstance(value, bool) and not -(10**30) < value < 10**30:
        sign = "-" if value < 0 else ""
        return f"{sign}≈1e{int(math.log10(abs(value)))}"
    try:
        return str(value)
    except ValueError:  # a container holding an integer too long to print
        return f"<{type(value).__name__}>"


def years_message(value: object) -> dict[str, str]:
    """The message for a date or instant outside `MIN_YEAR`–`MAX_YEAR`, as ``sv``/``en``."""
    return {
        "sv": f"{value} ligger utanför åren {MIN_YEAR}–{MAX_YEAR} som anhorig läser",
        "en": f"{value} lies outside the years {MIN_YEAR}–{MAX_YEAR} anhorig reads",
    }


def outside_years(path: str, value: object) -> None:
    """Report a date or instant outside `MIN_YEAR`–`MAX_YEAR`."""
    fail(path, **years_message(value))


@functools.cache
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

    return _type_only(check, "is", types)


@functools.cache
def optional(validator: Validator) -> Validator:
    """``None`` or what ``validator`` accepts."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    inner = getattr(validator, TYPE_ONLY, None)
    if inner is not None and inner[0] == "is":
        return _type_only(check, "is", (*inner[1], type(None)))
    condition = getattr(validator, INLINE, None)
    if condition is not None:
        (_, types), template, objects, needs = condition
        others = {name: needed for name, (_, needed) in needs.items()}
        inline_condition(
            check, (*types, type(None)), f"{{v}} is None or ({template})", others, **objects
        )
    return check


@functools.cache
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

    return _type_only(check, "each", types)


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
                sv=f"måste vara >= {bound} (fick {shown(value)})",
                en=f"must be >= {bound} (got {shown(value)})",
            )

    return check


@functools.cache
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

    inline_condition(check, (str,), "{pattern}.fullmatch({v}) is not None", pattern=compiled)
    return check


def non_empty_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A string with at least one non-blank character."""
    if not isinstance(value, str) or not value.strip():
        fail(attribute.name, sv="får inte vara tom text", en="must not be empty text")


inline_condition(non_empty_text, (str,), "{v}.strip()")


_is_str = instance_of(str)
_is_date = instance_of(date)
_is_bool = instance_of(bool)


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """Any string, possibly empty."""
    _is_str(instance, attribute, value)


def a_date(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A calendar date, not a datetime, in the years `MIN_YEAR`–`MAX_YEAR`."""
    _is_date(instance, attribute, value)
    if is_date(value) and not FIRST_DAY <= value <= LAST_DAY:
        outside_years(attribute.name, value)


def a_bool(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """True or False."""
    _is_bool(instance, attribute, value)


_type_only(text, "is", (str,))
_type_only(a_bool, "is", (bool,))
inline_condition(a_date, (date,), "{first} <= {v} <= {last}", first=FIRST_DAY, last=LAST_DAY)


def is_date(value: object) -> bool:
    """Whether ``value`` is a calendar date (and not a datetime)."""
    return isinstance(value, date) and not isinstance(value, datetime)


@functools.cache
def not_before(other: str) -> Validator:
    """A date that is not before the date in field ``other`` (either may be ``None``).

    Only the order is checked: pair it with `a_date` or ``optional(a_date)``. When
    ``other`` holds no date there is nothing to compare (its own validator reports it).
    """
    return _date_order(other, same_day=True)


@functools.cache
def after(other: str) -> Validator:
    """A date strictly after the date in field ``other``; otherwise as `not_before`."""
    return _date_order(other, same_day=False)


def _date_order(other: str, *, same_day: bool) -> Validator:
    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        earlier = getattr(instance, other)
        if not (is_date(value) and is_date(earlier)):
            return
        if value < earlier or (value == earlier and not same_day):
            if same_day:
                sv, en = "får inte vara före", "must not be before"
            else:
                sv, en = "måste vara efter", "must be after"
            fail(
                attribute.name,
                sv=f"{sv} {other} ({earlier}), fick {value}",
                en=f"{en} {other} ({earlier}), got {value}",
            )

    order = ">=" if same_day else ">"
    inline_condition(
        check,
        (date, type(None)),
        f"{{v}} is None or {{o}}.{other} is None or {{v}} {order} {{o}}.{other}",
        {other: (date, type(None))},
    )
    return check


@functools.cache
def and_(*validators: Validator) -> Validator:
    """Every one of ``validators``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        for validator in validators:
            validator(instance, attribute, value)

    check._validators = validators  # type: ignore[attr-defined]  # read as attrs' and_ is
    return check


def not_empty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A collection with at least one member."""
    if hasattr(value, "__len__") and len(value) == 0:
        fail(attribute.name, sv="får inte vara tom", en="must not be empty")
