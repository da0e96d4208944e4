"""The JSON Schema (draft 2020-12) of documents, for those who read them without Python.

A schema is derived from the classes alone, never written by hand: the fields and their
types from attrs, the descriptions from the docstrings, the enum labels from the enums,
and the constraints from the same validators the reader runs (each says what it checks,
``anhorig._checks.describe``). What a validator checks between fields, or checks without
saying what, cannot be a schema keyword: such rules are listed in the schema's
``x-cross-field-rules`` and, in words, in its top-level description.

Patterns are ASCII and mean the same to every validator (ECMA-262 and Python alike):
``[0-9]`` for a digit, characters listed or written ``\\uXXXX``, never ``\\d``, ``\\s`` or
``\\w``, which match other scripts' digits and spaces in some dialects and not in others.
"""

from __future__ import annotations

import ast
import decimal
import enum
import functools
import inspect
import itertools
import re
import sys
import textwrap
import types
import typing
from datetime import date, datetime
from typing import Any, get_args, get_origin

import attrs
import pendulum

from anhorig import _checks
from anhorig._text import InvalidInput, LabelledEnum
from anhorig.documents._shapes import (
    SCALAR_DOCUMENTS,
    document_form,
    is_attrs_union,
    is_collection,
    is_enum,
    is_literal,
    schema_version,
)
from anhorig.people import PersonId

__all__ = ["PERSON_ID_FORMAT", "SCHEMA_ID", "json_schema", "schema_id"]

PERSON_ID_FORMAT = "personnummer"
"""The JSON Schema ``format`` of a personnummer or samordningsnummer. Validators know no
such format and so ignore it (draft 2020-12: a format is an annotation unless a check is
registered); a vendor registers one (a right Luhn check digit and a birth date that can
exist, a samordningsnummer's day less 60) to refuse what anhorig refuses."""

SCHEMA_ID = "urn:anhorig:schema:{type}:{version}"
"""How a schema names itself (``$id``): a URN, not a web address; nothing is served from
it. ``{type}`` is the document's ``"type"`` tag, ``{version}`` its ``"schema_version"``;
both are in every document, so a vendor can pick the schema from the document."""

_YEAR = "(?:1[89]|2[01])[0-9]{2}"  # MIN_YEAR–MAX_YEAR: 1800–2199
_DATE = f"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
_TIME = "(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]{1,6})?"
_OFFSET = "(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"

assert (_checks.MIN_YEAR, _checks.MAX_YEAR) == (1800, 2199), "update _YEAR"


def _escaped(code: int) -> str:
    return f"\\u{code:04x}"


@functools.cache
def _non_blank() -> str:
    """A pattern for a text with one character that ``str.strip`` keeps (ASCII, escaped)."""
    spaces = [c for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    ranges: list[tuple[int, int]] = []
    for code in spaces:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    listed = "".join(_escaped(a) if a == b else f"{_escaped(a)}-{_escaped(b)}" for a, b in ranges)
    return f"[^{listed}]"


def ascii_pattern(pattern: re.Pattern[str]) -> str:
    """A validator's Python pattern as an anchored JSON Schema pattern that every dialect
    reads alike: ``\\d`` becomes ``[0-9]`` (so it is stricter than Python's, which takes
    any script's digits); other class escapes are refused rather than guessed at."""
    out: list[str] = []
    text = pattern.pattern
    index = 0
    in_class = False
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            escape = text[index : index + 2]
            if escape == "\\d":
                out.append("0-9" if in_class else "[0-9]")
            elif escape[1] in "DsSwWbBAZ":
                raise TypeError(f"no portable JSON Schema for {pattern.pattern!r}")
            else:
                out.append(escape)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    body = "".join(out)
    if not body.isascii():
        raise TypeError(f"pattern {pattern.pattern!r} is not ASCII")
    return f"^(?:{body})$"


_LEAF_SCHEMAS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    decimal.Decimal: {
        "type": "string",
        "pattern": "^-?[0-9]+(?:\\.[0-9]+)?$",
        "description": 'a decimal number as text, e.g. "1.5"',
    },
    date: {
        "type": "string",
        "format": "date",
        "pattern": f"^{_DATE}$",
        "description": f"a date YYYY-MM-DD in the years {_checks.MIN_YEAR}–{_checks.MAX_YEAR}",
    },
    pendulum.DateTime: {
        "type": "string",
        "format": "date-time",
        "pattern": f"^{_DATE}T{_TIME}{_OFFSET}$",
        "description": "an instant, ISO 8601 with its UTC offset (Z or +01:00), "
        "at most 6 decimals on the seconds",
    },
    PersonId: {
        "type": "string",
        "format": PERSON_ID_FORMAT,
        "description": "personnummer or samordningsnummer, 12 digits (YYYYMMDD-NNNN); "
        "a 10-digit number cannot be read, since a document does not say its century. "
        f"Format {PERSON_ID_FORMAT!r}: its check digit (Luhn) is right and its birth date "
        "can exist (a samordningsnummer's day less 60); a validator checks it once the "
        "format is registered with it",
        "pattern": "^(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # year 0001-9999
        "(?:(?:0[13578]|1[02])(?:0[1-9]|[12][0-9]|3[01])"  # personnummer: a day of the month
        "|(?:0[469]|11)(?:0[1-9]|[12][0-9]|30)"
        "|02(?:0[1-9]|1[0-9]|2[0-9])"  # 29 February in every year: leap years are a rule
        "|(?:0[0-9]|1[0-2])(?:6[0-9]|[78][0-9]|9[01]))"  # samordningsnummer: day + 60
        "[-+]?[0-9]{4}$",
    },
    type(None): {"type": "null"},
}
_LEAF_SCHEMAS[datetime] = _LEAF_SCHEMAS[pendulum.DateTime]

_UNITS = {
    "hours": "h",
    "hour": "h",
    "minutes": "min",
    "seconds": "s",
    "days": "d",
    "dygn": "dygn",
    "months": "mo",
    "years": "a",
    "beds": "beds",
}
"""``x-unit`` values: UCUM codes where there is one (h, min, s, d, mo, a); ``dygn`` for
a 24-hour day as respite counts it, ``beds`` for beds, ``hour-of-day`` for a clock hour."""


def _unit_from_text(text: str) -> str | None:
    first = text.split(",", maxsplit=1)[0].split(maxsplit=1)[0].lower() if text.strip() else ""
    return _UNITS.get(first)


def _words(name: str) -> str:
    return name.strip("_").replace("_", " ")


def _first_paragraph(doc: str | None) -> str:
    """A docstring's first paragraph on one line, reST's ````code```` as Markdown's."""
    return " ".join((doc or "").strip().split("\n\n")[0].split()).replace("``", "`")


@functools.cache
def _attribute_docs(cl: type) -> dict[str, str]:
    """Field docstrings: the string after a field in the class body, and the entries of a
    ``Fields:`` section of the class docstring (``a / b: text`` gives both a and b)."""
    found: dict[str, str] = {}
    doc = inspect.cleandoc(cl.__doc__ or "")
    section = re.search(r"^(?:Fields|Attributes):\n((?:(?: {4}.*)?\n?)+)", doc, re.MULTILINE)
    if section:
        entry: list[str] = []
        names: list[str] = []
        for line in [*section.group(1).splitlines(), "    end: "]:
            head = re.match(r" {4}([a-z_][a-z0-9_ /]*):(?: (.*))?$", line)
            if head:
                for name in names:
                    found[name] = " ".join(" ".join(entry).split()).replace("``", "`")
                names = [n.strip() for n in head.group(1).split("/")]
                entry = [head.group(2) or ""]
            elif line.startswith("     "):
                entry.append(line.strip())
    try:
        source = textwrap.dedent(inspect.getsource(cl))
        tree = ast.parse(source).body[0]
    except (OSError, TypeError, SyntaxError, IndexError):
        return found
    body = getattr(tree, "body", [])
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[node.target.id] = _first_paragraph(after.value.value)
    return found


def _mentioned(cl: type, name: str) -> str:
    """The first sentence of the class docstring that names ``name`` as ````name````."""
    for paragraph in inspect.cleandoc(cl.__doc__ or "").split("\n\n"):
        text = " ".join(paragraph.split())
        for sentence in re.split(r"(?<=[.;])\s+(?=[A-Z`])|::\s*", text):
            if f"``{name}``" in sentence:
                return sentence.rstrip(":").replace("``", "`")
    return ""


def _sentence(text: str) -> str:
    """``text`` ending as a sentence does, so that more can follow it."""
    text = text.strip()
    return text if not text or text.endswith((".", "!", "?")) else f"{text}."


def _validator_text(validator: Any) -> str:
    doc = _first_paragraph(getattr(validator, "__doc__", None))
    if doc and not doc.startswith(("Compose", "Validator")):
        return doc
    name = getattr(validator, "__name__", "") or type(validator).__name__
    return f"checked by anhorig's reader ({_words(name)})"


class _SchemaBuilder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.rules: list[dict[str, str]] = []
        self.conditions: list[dict[str, Any]] = []
        """``if``/``then`` pairs of the class being built, from ``cases`` validators."""
        self.defaults: dict[str, Any] = {}
        """The class's fields' defaults as a document writes them, where that is plain."""

    # --- types ---------------------------------------------------------------------------

    def of(self, tp: Any) -> dict[str, Any]:
        if tp in _LEAF_SCHEMAS:
            return dict(_LEAF_SCHEMAS[tp])
        if is_enum(tp):
            return {"$ref": f"#/$defs/{self.enumeration(tp)}"}
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

    def enumeration(self, tp: type[enum.Enum]) -> str:
        name = tp.__name__
        if name in self.defs:
            return name
        values = [member.value for member in tp]
        schema: dict[str, Any] = {"title": name, "enum": values}
        doc = _first_paragraph(tp.__doc__)
        if issubclass(tp, LabelledEnum):
            labels = {m.value: {"sv": m.label("sv"), "en": m.label("en")} for m in tp}
            schema["x-enum-labels"] = labels
            listed = "; ".join(f"{v!r}: {lab['sv']} / {lab['en']}" for v, lab in labels.items())
            doc = f"{doc} Values: {listed}." if doc else f"Values: {listed}."
        if doc:
            schema["description"] = doc
        self.defs[name] = schema
        return name

    def tagged(self, cl: type) -> dict[str, Any]:
        return {"allOf": [{"$ref": f"#/$defs/{self.define(cl, tag=True)}"}]}

    def define(self, cl: type, *, tag: bool = False) -> str:
        name = f"{cl.__name__}Tagged" if tag else cl.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder against recursion
            self.defs[name] = self.body(cl, tagged=tag)
        return name

    # --- classes -------------------------------------------------------------------------

    def body(self, cl: type, *, tagged: bool) -> dict[str, Any]:
        fields = attrs.fields(attrs.resolve_types(cl))
        properties: dict[str, Any] = {}
        required: list[str] = []
        if tagged:
            properties["type"] = {"const": cl.__name__, "description": "the type tag"}
            required.append("type")
        docs = _attribute_docs(cl)
        names = {f.name for f in fields if f.init}
        outer, self.conditions = self.conditions, []
        outer_defaults, self.defaults = self.defaults, _written_defaults(fields)
        for field in (f for f in fields if f.init):  # derived fields are never written
            properties[field.name] = self.field(cl, field, docs, names)
            if field.default is attrs.NOTHING:
                required.append(field.name)
        if hasattr(cl, "__attrs_post_init__") and not tagged:
            post = _first_paragraph(cl.__attrs_post_init__.__doc__)
            self.rule(cl, "*", post or "checked once the whole object is built, between its fields")
        schema: dict[str, Any] = {
            "type": "object",
            "title": cl.__name__,
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }
        if self.conditions:
            schema["allOf"] = self.conditions
        self.conditions = outer
        self.defaults = outer_defaults
        doc = _first_paragraph(cl.__doc__)
        if doc:
            schema["description"] = doc
        return schema

    def cases(
        self, selector: str, table: dict[Any, tuple[tuple[str, ...], tuple[str, ...]]]
    ) -> None:
        """``if`` the selector has a value ``then`` some fields are given, others not."""
        for selected, (needed, absent) in table.items():
            then: dict[str, Any] = {
                "properties": {
                    **{name: {"not": {"type": "null"}} for name in needed},
                    **{name: {"type": "null"} for name in absent},
                }
            }
            if needed:
                then["required"] = list(needed)
            self.conditions.append({"if": self.selected({selector: selected}), "then": then})

    def selected(self, values: dict[str, Any]) -> dict[str, Any]:
        """A schema for "these fields hold these values": a field left out holds its
        default, so it is required only when the default is another value."""
        required = [name for name, v in values.items() if self.defaults.get(name, _NO) != v]
        schema: dict[str, Any] = {"properties": {n: {"const": v} for n, v in values.items()}}
        if required:
            schema["required"] = required
        return schema

    def rule(self, cl: type, field: str, text: str, check: str | None = None) -> None:
        entry = {"type": cl.__name__, "field": field, "rule": text}
        if check is not None:
            entry["check"] = check
        if entry not in self.rules:
            self.rules.append(entry)

    def field(
        self, cl: type, field: attrs.Attribute[Any], docs: dict[str, str], names: set[str]
    ) -> dict[str, Any]:
        tp = field.type
        args = get_args(tp)
        nullable = get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args
        inner = next(a for a in args if a is not type(None)) if nullable and len(args) == 2 else tp
        if inner is tp:
            nullable = False
        value = self.of(inner)
        if inner is PersonId or (is_collection(inner) and get_args(inner)[0] is PersonId):
            self.rule(cl, field.name, _PERSON_ID_RULE)
        leaf = value.pop("description", None) if "$ref" not in value else None
        unit, says = self.constrain(cl, field, value)
        if unit is None and inner is int:
            unit = self.unit_by_name(field.name)
        schema: dict[str, Any] = {"anyOf": [value, {"type": "null"}]} if nullable else value
        words = docs.get(field.name) or _mentioned(cl, field.name)
        if not words:
            words = self.type_words(inner, leaf)
            if says:
                words = f"{_sentence(words)} {' '.join(_sentence(s) for s in says)}"
        text = _sentence(f"{_words(field.name)}: {words}")
        if "'s unit" in words:
            unit = None  # in another record's unit, as the docstring says: no x-unit to guess
        if unit is not None:
            unit_field = f"{field.name}_unit"
            if unit_field in names or unit == "unit":
                shown = unit_field if unit_field in names else "unit"
                schema["x-unit-field"] = shown
                text += f" Unit: as the field {shown} says."
            else:
                schema["x-unit"] = unit
                text += f" Unit: {_UNIT_WORDS[unit]}."
        bounds = [
            f"at least {value['minimum']}" if "minimum" in value else "",
            f"at most {value['maximum']}" if "maximum" in value else "",
        ]
        if any(bounds):
            text += f" ({', '.join(b for b in bounds if b)}.)"
        if nullable:
            text += " May be null."
        schema["description"] = text
        return schema

    def unit_by_name(self, name: str) -> str | None:
        last = name.rsplit("_", 1)[-1]
        if name.endswith(("_hour", "_starts_at", "_ends_at")):
            return "hour-of-day"
        if "age" in name.split("_"):
            return "a"
        return _UNITS.get(last)

    def type_words(self, tp: Any, leaf: str | None) -> str:
        if leaf:
            return leaf
        if is_enum(tp) or attrs.has(tp):
            return _first_paragraph(tp.__doc__).split(". ")[0].rstrip(".") or tp.__name__
        if is_collection(tp):
            item = get_args(tp)[0]
            return (
                f"a list of {self.type_words(item, _LEAF_SCHEMAS.get(item, {}).get('description'))}"
            )
        if is_attrs_union(tp):
            return (
                "one of " + ", ".join(m.__name__ for m in get_args(tp)) + ", told by its type tag"
            )
        return {str: "text", int: "a whole number", bool: "true or false"}.get(tp, str(tp))

    def constrain(
        self, cl: type, field: attrs.Attribute[Any], value: dict[str, Any]
    ) -> tuple[str | None, list[str]]:
        """Add to ``value`` what ``field``'s validators check; return a unit if one says,
        and what the validators that check the value alone say of it in words."""
        if field.validator is None:
            return None, []
        found = _Found()
        work = _flat(field.validator)
        while work:
            validator = work.pop(0)
            described = _checks.described(validator)
            if described is None:
                self.rule(cl, field.name, _validator_text(validator))
                continue
            kind, arguments = described
            if kind in ("matches", "each_matches", "non_empty_text"):
                said = _first_paragraph(validator.__doc__).split(". ")[0]
                if said and said not in found.says:
                    found.says.append(said)
            handler = getattr(self, f"_kind_{kind}", None)
            if handler is not None:
                work[:0] = handler(cl, field.name, value, found, *arguments) or []
        if found.patterns:
            patterns = found.patterns
            if "pattern" in value:
                patterns.insert(0, value.pop("pattern"))
            if len(patterns) == 1:
                value["pattern"] = patterns[0]
            else:
                value["allOf"] = [{"pattern": p} for p in patterns]
        if kind_is_hour(field.validator):
            return "hour-of-day", found.says
        return found.unit, found.says

    # Each ``_kind_<kind>`` writes what a validator of that kind (``_checks.KINDS``) checks;
    # it returns the validators it wraps, to be read in turn. Kinds without one ("is",
    # "each", "a_date", "instant") check nothing a leaf's schema does not already say.

    def _kind_matches(
        self, cl: type, name: str, value: dict[str, Any], found: _Found, pattern: re.Pattern[str]
    ) -> None:
        found.patterns.append(ascii_pattern(pattern))

    def _kind_non_empty_text(
        self, cl: type, name: str, value: dict[str, Any], found: _Found
    ) -> None:
        value["minLength"] = max(value.get("minLength", 0), 1)
        found.patterns.append(_non_blank())

    def _kind_at_least(
        self, cl: type, name: str, value: dict[str, Any], found: _Found, bound: int
    ) -> None:
        value["minimum"] = max(value.get("minimum", bound), bound)

    def _kind_at_most(
        self,
        cl: type,
        name: str,
        value: dict[str, Any],
        found: _Found,
        bound: int,
        sv: str,
        en: str,
    ) -> None:
        value["maximum"] = min(value.get("maximum", bound), bound)
        found.unit = found.unit or _unit_from_text(en)

    def _kind_between(
        self, cl: type, name: str, value: dict[str, Any], found: _Found, low: int, high: int
    ) -> None:
        value["minimum"], value["maximum"] = low, high

    def _kind_not_empty(self, cl: type, name: str, value: dict[str, Any], found: _Found) -> None:
        value["minLength" if value.get("type") == "string" else "minItems"] = 1

    def _kind_each_matches(
        self, cl: type, name: str, value: dict[str, Any], found: _Found, pattern: re.Pattern[str]
    ) -> None:
        value["items"] = {**value.get("items", {}), "pattern": ascii_pattern(pattern)}

    def _kind_each_between(
        self,
        cl: type,
        name: str,
        value: dict[str, Any],
        found: _Found,
        low: int,
        high: int,
        unique: bool,
    ) -> None:
        value["items"] = {**value.get("items", {}), "minimum": low, "maximum": high}
        if unique:
            value["uniqueItems"] = True

    def _kind_each_in(
        self, cl: type, name: str, value: dict[str, Any], found: _Found, values: Any
    ) -> None:
        value["items"] = {**value.get("items", {}), "enum": sorted(values)}

    def _kind_bound_by(
        self,
        cl: type,
        name: str,
        value: dict[str, Any],
        found: _Found,
        selectors: tuple[str, ...],
        table: dict[tuple[Any, ...], int],
    ) -> None:
        value["maximum"] = min(value.get("maximum", max(table.values())), max(table.values()))
        for selected, bound in table.items():
            self.conditions.append(
                {
                    "if": self.selected(dict(zip(selectors, selected, strict=True))),
                    "then": {"properties": {name: {"maximum": bound}}},
                }
            )
        if "unit" in selectors:
            found.unit = "unit"

    def _kind_cases(
        self,
        cl: type,
        name: str,
        value: dict[str, Any],
        found: _Found,
        selector: str,
        table: dict[Any, Any],
        inner: Any,
    ) -> list[Any]:
        self.cases(selector, table)
        return _flat(inner) if inner is not None else []

    def _kind_nested(
        self,
        cl: type,
        name: str,
        value: dict[str, Any],
        found: _Found,
        required: tuple[str, ...],
        rest: str,
        inner: Any,
        check: str | None = None,
    ) -> list[Any]:
        value["required"] = list(required)
        value["properties"] = {field: {"not": {"type": "null"}} for field in required}
        if rest:
            self.rule(cl, name, rest, check)
        return _flat(inner)

    def _kind_rule(
        self,
        cl: type,
        name: str,
        value: dict[str, Any],
        found: _Found,
        inner: Any,
        text: str,
        check: str | None = None,
    ) -> list[Any]:
        self.rule(cl, name, text, check)
        return _flat(inner) if inner is not None else []

    def _kind_alternating(
        self,
        cl: type,
        name: str,
        value: dict[str, Any],
        found: _Found,
        field: str,
        values: tuple[Any, Any],
        rest: str,
    ) -> None:
        for own, other in (values, values[::-1]):
            then = {"properties": {name: {"items": self.selected({field: other})}}}
            self.conditions.append({"if": self.selected({field: own}), "then": then})
        if rest:
            self.rule(cl, name, rest)

    def _kind_order(
        self, cl: type, name: str, value: dict[str, Any], found: _Found, other: str, same_day: bool
    ) -> None:
        order = "on or after" if same_day else "after"
        relation = "<=" if same_day else "<"
        text = f"{name} is {order} {other}, when both are given"
        self.rule(cl, name, text, f"{other} {relation} {name}")

    def _kind_born_on(
        self, cl: type, name: str, value: dict[str, Any], found: _Found, other: str
    ) -> None:
        text = f"{name} agrees with the birth date in {other}, when both are given"
        self.rule(cl, name, text, f"{name} == birth_date({other})")


_NO = object()


def _written_defaults(fields: Any) -> dict[str, Any]:
    """Fields' plain defaults as a document holds them: enum members as their values."""
    found: dict[str, Any] = {}
    for field in fields:
        default = field.default
        if isinstance(default, enum.Enum):
            found[field.name] = default.value
        elif default is None or isinstance(default, str | int | bool):
            found[field.name] = default
    return found


class _Found:
    """What a field's validators said beyond keywords: patterns to combine, a unit."""

    def __init__(self) -> None:
        self.patterns: list[str] = []
        self.unit: str | None = None
        self.says: list[str] = []


def _flat(validator: Any) -> list[Any]:
    """``validator`` as the validators it runs, ``and_`` and ``optional`` opened (a field's
    type says whether ``None`` is allowed, and the schema states that apart)."""
    described = _checks.described(validator)
    if described is not None and described[0] == "optional":
        return _flat(described[1][0])
    if described is not None and described[0] == "all":
        return [v for part in described[1][0] for v in _flat(part)]
    inner = getattr(validator, "_validators", None)  # attrs' own and_, from @field.validator
    if described is None and isinstance(inner, tuple):
        return [v for part in inner for v in _flat(part)]
    return [validator]


def kind_is_hour(validator: Any) -> bool:
    """Whether ``validator`` checks a clock hour (0–23, or 0–24 for a day's end)."""
    for part in _flat(validator):
        described = _checks.described(part)
        if described and described[0] == "between" and described[1] in ((0, 23), (0, 24)):
            return True
    return False


_UNIT_WORDS = {
    "h": "hours (timmar)",
    "min": "minutes (minuter)",
    "s": "seconds (sekunder)",
    "d": "days (dagar)",
    "dygn": "dygn, 24-hour days",
    "mo": "months (månader)",
    "a": "years (år)",
    "beds": "beds (platser)",
    "hour-of-day": "an hour of the day, local time in Stockholm (klockslag)",
}


_PERSON_ID_RULE = (
    "a personnummer or samordningsnummer whose check digit (Luhn) is right, and whose "
    "29 February falls in a leap year; a pattern cannot check either, the format "
    f"{PERSON_ID_FORMAT!r} says both to a validator that has it registered"
)


def schema_id(tag: str, version: int = 1) -> str:
    """The ``$id`` of the schema of documents whose ``"type"`` is ``tag``, of ``version``."""
    return SCHEMA_ID.format(type=tag, version=version)


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
        doc = _first_paragraph(cl.__doc__)
        if doc:
            root["description"] = doc
        builder.rule(cl, "value", _PERSON_ID_RULE)
    else:
        form = document_form(cl)
        root = builder.body(cl if form is None else form.form, tagged=False)
        root["title"] = cl.__name__
    version = schema_version(cl)
    root["properties"] = {
        "type": {"const": cl.__name__, "description": "the document type (its class name)"},
        "schema_version": {
            "const": version,
            "description": "the version of the document's shape",
        },
        **root["properties"],
    }
    root["required"] = ["type", "schema_version", *root["required"]]
    description = root.get("description", cl.__name__)
    if builder.rules:
        listed = "\n".join(
            f"- {r['type']}.{r['field']}: {r['rule']}"
            if r["field"] != "*"
            else f"- {r['type']}: {r['rule']}"
            for r in builder.rules
        )
        description += (
            "\n\nanhorig's reader also checks these rules, which this schema cannot state "
            f"(between fields, or beyond a schema's keywords):\n{listed}"
        )
    root["description"] = description
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(cl.__name__, version),
        **root,
    }
    if builder.rules:
        schema["x-cross-field-rules"] = builder.rules
    schema["$defs"] = builder.defs
    return schema
