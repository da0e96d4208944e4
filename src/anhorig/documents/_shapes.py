"""The shapes a document's types take, as the converter and the JSON Schema read them."""

from __future__ import annotations

import enum
import types
import typing
from typing import Any, Literal, get_args, get_origin

import attrs

from anhorig.people import PersonId

__all__ = [
    "SCALAR_DOCUMENTS",
    "SCHEMA_VERSION",
    "is_attrs_union",
    "is_collection",
    "is_enum",
    "is_literal",
    "is_set_type",
    "union_members",
]

SCHEMA_VERSION = 1
"""The version of every document's shape; bumped when a shape changes incompatibly."""

SCALAR_DOCUMENTS: frozenset[type] = frozenset({PersonId})
"""Types whose JSON form is a single value; as documents they hold it under ``"value"``."""


def is_enum(tp: Any) -> bool:
    """Whether ``tp`` is an enum class (read and written as its members' values)."""
    return isinstance(tp, type) and issubclass(tp, enum.Enum)


def is_literal(tp: Any) -> bool:
    """Whether ``tp`` is a ``Literal[...]`` (one of a few given values)."""
    return get_origin(tp) is Literal


def is_collection(tp: Any) -> bool:
    """Whether ``tp`` is read from a JSON list: a list, set, frozenset or ``tuple[X, ...]``."""
    origin = get_origin(tp)
    if origin in (list, frozenset, set):
        return True
    if origin is tuple:
        args = get_args(tp)
        return len(args) == 2 and args[1] is Ellipsis
    return False


def is_set_type(tp: Any) -> bool:
    """Whether ``tp`` is a set or frozenset (written sorted, read without duplicates)."""
    return get_origin(tp) in (frozenset, set)


def union_members(tp: Any) -> tuple[type, ...] | None:
    """The attrs classes of a union of two or more of them (``None`` aside), else ``None``."""
    if get_origin(tp) not in (typing.Union, types.UnionType):
        return None
    members = tuple(a for a in get_args(tp) if a is not type(None))
    if len(members) < 2 or not all(attrs.has(m) for m in members):
        return None
    return members


def is_attrs_union(tp: Any) -> bool:
    """Whether ``tp`` is a union of attrs classes only, told apart by a ``"type"`` tag."""
    members = union_members(tp)
    return members is not None and len(members) == len(get_args(tp))
