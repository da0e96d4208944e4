"""The shapes a document's types take, as the converter and the JSON Schema read them."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, get_args, get_origin

import attrs

from anhorig.people import PersonId

__all__ = [
    "SCALAR_DOCUMENTS",
    "SCHEMA_VERSION",
    "DocumentForm",
    "document_form",
    "is_attrs_union",
    "is_collection",
    "is_enum",
    "is_literal",
    "is_set_type",
    "register_form",
    "schema_version",
    "union_members",
]

SCHEMA_VERSION = 1
"""The version of a document's shape, unless its type's `DocumentForm` says another: a
type's version is bumped when its shape changes incompatibly (`schema_version`)."""

SCALAR_DOCUMENTS: frozenset[type] = frozenset({PersonId})
"""Types whose JSON form is a single value; as documents they hold it under ``"value"``."""


@dataclasses.dataclass(frozen=True)
class DocumentForm:
    """How a type's documents differ from its fields, from ``version`` on.

    A document of ``version`` holds the fields of ``form`` (an attrs class, whose JSON
    Schema is the type's); ``write`` makes a ``form`` from an object and ``read`` the
    object from a ``form``. Fields of ``form`` that are ``None`` are left out of a
    document. A document of a version in ``former`` holds the type's own fields, as
    it did before, and is read as it always was: same fields, same meaning.
    """

    version: int
    form: type
    write: Callable[[Any], Any]
    read: Callable[[Any], Any]
    former: tuple[int, ...] = (SCHEMA_VERSION,)


_FORMS: dict[type, DocumentForm] = {}


def register_form(cl: type, form: DocumentForm) -> None:
    """Give documents of ``cl`` the shape ``form`` (its family registers it on import)."""
    _FORMS[cl] = form


def document_form(cl: type) -> DocumentForm | None:
    """The form ``cl``'s documents take, if it is not its own fields."""
    return _FORMS.get(cl)


def schema_version(cl: type) -> int:
    """The ``"schema_version"`` documents of ``cl`` are written with."""
    form = _FORMS.get(cl)
    return form.version if form is not None else SCHEMA_VERSION


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
