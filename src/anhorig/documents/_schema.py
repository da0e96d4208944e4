"""The JSON Schema (draft 2020-12) of documents, for those who read them without Python."""

from __future__ import annotations

import decimal
import types
import typing
from datetime import date, datetime
from typing import Any, get_args, get_origin

import attrs
import pendulum

from anhorig._text import InvalidInput
from anhorig.documents._shapes import (
    SCALAR_DOCUMENTS,
    SCHEMA_VERSION,
    is_attrs_union,
    is_collection,
    is_enum,
    is_literal,
)
from anhorig.people import PersonId

__all__ = ["json_schema"]

_LEAF_SCHEMAS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    decimal.Decimal: {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"},
    date: {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    pendulum.DateTime: {
        "type": "string",
        "format": "date-time",
        "pattern": r"T.*(Z|[+-]\d{2}:\d{2})$",
    },
    datetime: {"type": "string", "format": "date-time", "pattern": r"T.*(Z|[+-]\d{2}:\d{2})$"},
    PersonId: {
        "type": "string",
        "description": "personnummer or samordningsnummer, 12 digits",
        "pattern": r"^[0-9]{8}[-+]?[0-9]{4}$",
    },
    type(None): {"type": "null"},
}


class _SchemaBuilder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def of(self, tp: Any) -> dict[str, Any]:
        if tp in _LEAF_SCHEMAS:
            return dict(_LEAF_SCHEMAS[tp])
        if is_enum(tp):
            return {"enum": [m.value for m in tp], "title": tp.__name__}
        if is_literal(tp):
            return {"enum": list(get_args(tp))}
        if is_collection(tp):
            schema: dict[str, Any] = {"type": "array", "items": self.of(get_args(tp)[0])}
            if get_origin(tp) in (frozenset, set):
                schema["uniqueItems"] = True
            return schema
        if get_origin(tp) in (typing.Union, types.UnionType):
            members = get_args(tp)
            if is_attrs_union(tp):
                return {"oneOf": [self.tagged(m) for m in members]}
            return {"anyOf": [self.of(m) for m in members]}
        if attrs.has(tp):
            return {"$ref": f"#/$defs/{self.define(tp)}"}
        raise TypeError(f"no JSON Schema for {tp!r}")

    def tagged(self, cl: type) -> dict[str, Any]:
        return {
            "allOf": [{"$ref": f"#/$defs/{self.define(cl, tag=True)}"}],
        }

    def body(self, cl: type, *, tagged: bool) -> dict[str, Any]:
        fields = attrs.fields(attrs.resolve_types(cl))
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tagged:
            properties["type"] = {"const": cl.__name__}
            required.append("type")
        for field in (f for f in fields if f.init):  # derived fields are never written
            properties[field.name] = self.of(field.type)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        schema: dict[str, Any] = {
            "type": "object",
            "title": cl.__name__,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        doc = (cl.__doc__ or "").strip().split("\n\n")[0]
        if doc:
            schema["description"] = " ".join(doc.split())
        return schema

    def define(self, cl: type, *, tag: bool = False) -> str:
        name = f"{cl.__name__}Tagged" if tag else cl.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.body(cl, tagged=tag)
        return name


def json_schema(cl: type) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of documents of type ``cl``, for non-Python users."""
    if not attrs.has(cl):
        raise InvalidInput.at(
            "$",
            sv=f"{cl.__name__} är ingen dokumenttyp",
            en=f"{cl.__name__} is not a document type",
        )
    builder = _SchemaBuilder()
    if cl in SCALAR_DOCUMENTS:
        root: dict[str, Any] = {
            "type": "object",
            "title": cl.__name__,
            "properties": {"value": builder.of(cl)},
            "required": ["value"],
            "additionalProperties": False,
        }
    else:
        root = builder.body(cl, tagged=False)
    root["properties"] = {
        "type": {"const": cl.__name__},
        "schema_version": {"const": SCHEMA_VERSION},
        **root["properties"],
    }
    root["required"] = ["type", "schema_version", *root["required"]]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://anhorig.invalid/schemas/{cl.__name__}.json",
        **root,
        "$defs": builder.defs,
    }
