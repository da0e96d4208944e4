"""Field validators that raise ``InvalidInput`` and, inside a constructor, report every bad field.

``@collecting`` on an attrs class makes its validators record problems instead of
raising at the first one; the constructor then raises one ``InvalidInput`` naming
them all (the collector lives in the ground module, ``anhorig._text``). Only local
invariants belong here; business rules live in rule modules.

Each validator says what it checks as data (`describe`, read back with `described`),
so that the compiled readers in `anhorig.documents` can leave out a check they have
already made, or write it out as a condition; the code they generate lives there.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeVar, cast

import attrs

from anhorig._text import collected_problems, collecting, fail

__all__ = [
    "CHECKS",
    "FIRST_DAY",
    "FORMER_VALUES",
    "KINDS",
    "LAST_DAY",
    "MAX_YEAR",
    "MIN_YEAR",
    "Validator",
    "a_bool",
    "a_date",
    "after",
    "an_id",
    "and_",
    "collected_problems",
    "collecting",
    "describe",
    "described",
    "each",
    "fail",
    "ge",
    "instance_of",
    "is_date",
    "matches",
    "month_days",
    "non_empty_text",
    "not_before",
    "not_empty",
    "optional",
    "outside_years",
    "shown",
    "text",
    "trusted",
    "years_message",
]

_T = TypeVar("_T")

MIN_YEAR = 1800
"""The first year of a date or instant anhorig reads (re-exported by ``anhorig.time``)."""

MAX_YEAR = 2199
"""The last year of a date or instant anhorig reads (re-exported by ``anhorig.time``)."""

FIRST_DAY = date(MIN_YEAR, 1, 1)
LAST_DAY = date(MAX_YEAR, 12, 31)

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

FORMER_VALUES = "anhorig.former_values"
"""The key of an attrs field's metadata that maps values older documents wrote to what they
read as now (never written); the converter reads them, the JSON Schema does not list them."""

CHECKS = "__anhorig_checks__"
"""The attribute in which a validator says what it checks: ``(kind, arguments)``."""

KINDS = {
    "is": "(types,): a value of one of ``types``, and nothing else is checked",
    "each": "(types,): a tuple or frozenset of such values, and nothing else is checked",
    "optional": "(validator,): ``None`` or what ``validator`` accepts",
    "all": "(validators,): every one of ``validators``, in order",
    "matches": "(pattern,): a text the compiled ``pattern`` matches in full",
    "non_empty_text": "(): a text with a non-blank character",
    "a_date": "(): a date, not a datetime, in the years `MIN_YEAR`–`MAX_YEAR`",
    "order": "(other, same_day): a date after (or, if ``same_day``, on) the date in "
    "field ``other``, when both are dates",
    "born_on": "(other,): as `a_date`, and a day the ``PersonId`` in field ``other`` "
    "(if any) was born on",
    "at_least": "(bound,): a number at least ``bound``; anything else is left to the "
    "type's own validator",
    "at_most": "(bound, sv, en): a whole number at most ``bound``, which ``sv`` and ``en`` "
    "say what it counts; anything else is left to the type's own validator",
    "between": "(low, high): a whole number from ``low`` to ``high`` (whether ``None`` is "
    "allowed too is the field type's to say)",
    "not_empty": "(): a collection with at least one member",
    "instant": "(): an aware date-time (a ``pendulum.DateTime`` with a time zone)",
    "cases": "(selector, table, inner): by the value of field ``selector``, ``table[value]`` "
    "is ``(required, absent)``: the fields that must not be ``None`` and those that must "
    "be; the value itself is what ``inner`` (a validator or ``None``) accepts",
    "nested": "(required, rest, inner[, check]): what ``inner`` accepts, an object whose fields "
    "``required`` are not ``None``; ``rest`` says in words what else is checked, and "
    "``check``, if given, as a relation a program can test (see ``rule``)",
    "each_between": "(low, high, unique): a tuple of whole numbers from ``low`` to ``high``, "
    "each once if ``unique``",
    "bound_by": "(selectors, table): a whole number at most ``table[values]``, where "
    "``values`` are the values of the fields ``selectors`` (enum values as written)",
    "each_in": "(values,): a tuple or frozenset of members of ``values`` (a live collection: "
    "a source registered later is in it)",
    "rule": "(inner, text[, check]): what ``inner`` accepts (a validator or ``None``), and a "
    "rule between fields that ``text`` says in words and ``check``, if given, as a relation a "
    "program can test: ``a <= b`` or ``a < b`` between two fields (dotted paths from the "
    "object, dates, instants or numbers; true when either is missing or null), or "
    "``a == birth_date(b)``, the birth date the personnummer in ``b`` gives",
    "alternating": "(field, values, rest): a tuple of objects of the same class, each with the "
    "other of the two ``values`` in ``field`` than the object holding it; ``rest`` says in "
    "words what else is checked",
    "each_matches": "(pattern,): a frozenset of texts, each one the compiled ``pattern`` "
    "matches in full",
}
"""The kinds of `described` validators, with their arguments and what they accept."""

_V = TypeVar("_V", bound=Callable[..., None])


def describe(validator: _V, kind: str, *arguments: Any) -> _V:
    """Say, as data, what ``validator`` checks (``kind`` is one of `KINDS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of validator {kind!r}")
    setattr(validator, CHECKS, (kind, arguments))
    return validator


def described(validator: object) -> tuple[str, tuple[Any, ...]] | None:
    """What ``validator`` checks, as `describe` said it, or ``None`` if it did not."""
    found: tuple[str, tuple[Any, ...]] | None = getattr(validator, CHECKS, None)
    return found


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
        # Quoted: the value is the input's own spelling (an ISO instant), not prose.
        "sv": f"'{value}' ligger utanför åren {MIN_YEAR}–{MAX_YEAR} som anhorig läser",
        "en": f"'{value}' lies outside the years {MIN_YEAR}–{MAX_YEAR} anhorig reads",
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

    return describe(check, "is", types)


@functools.cache
def optional(validator: Validator) -> Validator:
    """``None`` or what ``validator`` accepts."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            validator(instance, attribute, value)

    describe(check, "optional", validator)
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

    return describe(check, "each", types)


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

    return describe(check, "at_least", bound)


@functools.cache
def matches(pattern: str, description: str, en: str | None = None) -> Validator:
    """A string matching ``pattern`` in full; ``description`` says what that means, in
    Swedish, and ``en`` in English (the same words when not given)."""
    compiled = re.compile(pattern)
    english = description if en is None else en

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or not compiled.fullmatch(value):
            fail(
                attribute.name,
                sv=f"väntade {description}",
                en=f"expected {english}",
            )

    check.__doc__ = f"Expected {english}."  # what the schema's description says
    describe(check, "matches", compiled)
    return check


def non_empty_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A string with at least one non-blank character."""
    if not isinstance(value, str) or not value.strip():
        fail(attribute.name, sv="får inte vara tom text", en="must not be empty text")


describe(non_empty_text, "non_empty_text")


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


describe(text, "is", (str,))
describe(a_bool, "is", (bool,))
describe(a_date, "a_date")


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def month_days(year: int, month: int) -> int:
    """How many days ``month`` (1–12) of ``year`` (from 1) has: ``calendar.monthrange``'s
    answer without its weekday arithmetic, for the personnummer check and the plans'
    month sums, which run for every number read and every plan checked (issue 14)."""
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        return 29
    return _MONTH_DAYS[month]


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
                # Quoted: both dates are the input's own, spelt as it spelt them.
                sv=f"{sv} {other} ('{earlier}'), fick '{value}'",
                en=f"{en} {other} ('{earlier}'), got '{value}'",
            )

    describe(check, "order", other, same_day)
    return check


@functools.cache
def and_(*validators: Validator) -> Validator:
    """Every one of ``validators``."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        for validator in validators:
            validator(instance, attribute, value)

    return describe(check, "all", validators)


_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")


def an_id(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An id as organisations and consent records use it: 1–64 of A–Z, a–z, 0–9, ``-``, ``.``."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        fail(
            attribute.name,
            sv="väntade ett id: 1–64 tecken A–Z, a–z, 0–9, '-' eller '.'",
            en="expected an id: 1–64 characters of A–Z, a–z, 0–9, '-' or '.'",
        )


describe(an_id, "matches", _ID)


def not_empty(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A collection with at least one member."""
    if hasattr(value, "__len__") and len(value) == 0:
        fail(attribute.name, sv="får inte vara tom", en="must not be empty")


describe(not_empty, "not_empty")


_SETTERS: dict[type, tuple[tuple[str, Any], ...]] = {}


def trusted(cls: type[_T], /, **values: Any) -> _T:
    """An instance of the frozen, slotted attrs class ``cls`` from ``values`` (every
    field, by name) that are already known to pass its converters and validators: for
    objects a library builds from checked parts, where checking again is all the cost.
    Public construction still checks; a test rebuilds such objects through it."""
    setters = _SETTERS.get(cls)
    if setters is None:
        if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
            raise TypeError(f"{cls.__name__} caches its hash: build it with its constructor")
        fields = attrs.fields(cast(Any, cls))
        setters = tuple((f.name, vars(cls)[f.name].__set__) for f in fields)
        _SETTERS[cls] = setters
    if len(values) != len(setters):
        missing = sorted({name for name, _ in setters} ^ set(values))
        raise TypeError(f"{cls.__name__}: fields {missing} missing or unknown")
    made: _T = object.__new__(cls)
    for name, set_ in setters:
        set_(made, values[name])
    return made
