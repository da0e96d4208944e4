"""What the compiled readers make of a field's validators: skip it, write it out, or call it.

The validators in ``anhorig._checks`` say what they check as data (``describe``); this
module turns such a description into what a reader needs: the types a validator
checks and nothing else (`type_only`), so that a reader which has just checked them
leaves the validator out, or a condition in Python (`condition`) that holds exactly
when the validator passes a value of the given types, which a reader writes into its
code and gives up on when false. A validator without a description is called.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from anhorig import _checks
from anhorig.people import PersonId

__all__ = ["Condition", "Returns", "condition", "parts", "satisfies", "type_only"]

Returns = tuple[str, tuple[type, ...]] | None
"""What a reader returns, or what a validator accepts: ``("is", types)`` a value of
exactly one of ``types``; ``("each", types)`` a tuple or frozenset of such values;
``None`` not known."""

Condition = tuple[Returns, str, dict[str, Any], dict[str, Returns]]
"""``(accepts, template, objects, needs)``: ``template`` holds for a value ``accepts``
exactly when the validator passes it. In it ``{v}`` is the value and ``{o}`` the
instance; each key of ``objects`` names an object the condition uses, and ``needs``
maps each other field the template reads (as ``{o}.name``) to the types it must have
for the template to hold."""

_NONE = type(None)


def parts(validator: Any) -> list[Any]:
    """``validator`` as the list of validators it runs in order (``_checks.and_`` is opened)."""
    described = _checks.described(validator)
    if described is not None and described[0] == "all":
        return [v for part in described[1][0] for v in parts(part)]
    return [validator]


def type_only(validator: Any) -> Returns:
    """The types ``validator`` checks when it checks nothing else, else ``None``."""
    described = _checks.described(validator)
    if described is None:
        return None
    kind, arguments = described
    if kind in ("is", "each"):
        return (kind, arguments[0])
    if kind == "optional":
        inner = type_only(arguments[0])
        if inner is not None and inner[0] == "is":
            return ("is", (*inner[1], _NONE))
    return None


def condition(validator: Any) -> Condition | None:
    """``validator`` as a condition a reader writes out, or ``None`` if it must be called."""
    described = _checks.described(validator)
    if described is None:
        return None
    kind, arguments = described
    if kind == "matches":
        return ("is", (str,)), "{pattern}.fullmatch({v}) is not None", {"pattern": arguments[0]}, {}
    if kind == "non_empty_text":
        return ("is", (str,)), "{v}.strip()", {}, {}
    years = {"first": _checks.FIRST_DAY, "last": _checks.LAST_DAY}
    if kind == "a_date":
        return ("is", (date,)), "{first} <= {v} <= {last}", years, {}
    if kind == "order":
        other, same_day = arguments
        order = ">=" if same_day else ">"
        template = f"{{v}} is None or {{o}}.{other} is None or {{v}} {order} {{o}}.{other}"
        return ("is", (date, _NONE)), template, {}, {other: ("is", (date, _NONE))}
    if kind == "born_on":
        (other,) = arguments
        template = (
            f"{{v}} is None or ({{first}} <= {{v}} <= {{last}}"
            f" and ({{o}}.{other} is None or {{o}}.{other}.born_on({{v}})))"
        )
        return ("is", (date, _NONE)), template, years, {other: ("is", (PersonId, _NONE))}
    if kind == "optional":
        inner = condition(arguments[0])
        if inner is None:
            return None
        accepts, template, objects, needs = inner
        if accepts is None:
            return None
        types = (*accepts[1], _NONE)
        return ("is", types), f"{{v}} is None or ({template})", objects, needs
    return None


def satisfies(returns: Returns, accepts: Returns) -> bool:
    """Whether every value a reader ``returns`` is one a validator ``accepts``.

    Types must match exactly: ``instance_of(int)`` refuses a bool, ``a_date`` a datetime.
    """
    if accepts is None or returns is None or accepts[0] != returns[0]:
        return False
    return all(t in accepts[1] for t in returns[1])
