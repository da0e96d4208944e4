"""The one converter: strict JSON documents for every public type, and their JSON Schema.

cattrs' default converter coerces quietly (``5`` becomes ``"5"``, ``"abc"`` becomes
``["a", "b", "c"]``). This one refuses: a number where text belongs, text where a
list belongs, ``true`` where a number belongs, an unknown enum value, an unknown
key, a duplicate in a set, a date-time without a UTC offset. A bad document raises
one ``InvalidInput`` naming every bad path (``$.carer.id``); nothing else is raised.

Documents carry ``"type"`` (the class name) and ``"schema_version"`` at the top:

>>> from anhorig.people import Person, PersonId
>>> text = to_json(Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson"))
>>> print(text)
{"type": "Person", "schema_version": 1, "id": "19391225-0028", "name": "Anna Karlsson", "birth_date": "1939-12-25"}
>>> from_json(Person, text).name
'Anna Karlsson'
>>> from_json(None, '{"type": "Person", "schema_version": 1, "name": 5, "nick": "x"}')
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: $.name: väntade text, fick ett tal
$.nick: okänt fält
"""

from __future__ import annotations

import decimal
import enum
import functools
import json
import math
import re
import threading
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar, get_args, get_origin

import attrs

from anhorig import _json
from anhorig._arguments import checked, checked_first
from anhorig._checks import FORMER_VALUES
from anhorig._json import MAX_DEPTH, MAX_DOCUMENT_SIZE, load_json
from anhorig.documents import (
    SCALAR_DOCUMENTS,
    SCHEMA_VERSION,
    document_form,
    is_attrs_union,
    is_collection,
    is_enum,
    is_literal,
    is_set_type,
    json_schema,
    reader,
    schema_version,
    union_members,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.families import checked_document, document_modules, load
from anhorig.language import Lang, quote
from anhorig.people import PersonId, read_canonical

# cattrs, pendulum and the JSON Schema builder are imported when first needed: a
# well-formed document is read by its compiled reader without them, so a command that
# reads one plan, or `from anhorig import *`, does not pay for them (issue 14).
if typing.TYPE_CHECKING:
    import cattrs
    import pendulum

__all__ = [
    "MAX_DEPTH",
    "MAX_DOCUMENT_SIZE",
    "SCHEMA_VERSION",
    "configure_converter",
    "converter",
    "document_type",
    "document_types",
    "from_document",
    "from_json",
    "json_schema",
    "load_json",
    "make_converter",
    "to_document",
    "to_json",
]

_T = TypeVar("_T")

_JSON_NAMES = {
    str: ("text", "text"),
    int: ("ett heltal", "an integer"),
    float: ("ett tal", "a number"),
    bool: ("true eller false", "true or false"),
    list: ("en lista", "a list"),
    dict: ("ett objekt", "an object"),
    type(None): ("null", "null"),
}


def _json_kind(value: object) -> tuple[str, str]:
    if isinstance(value, bool):
        return ("ett sanningsvärde", "a boolean")
    if isinstance(value, int | float):
        return ("ett tal", "a number")
    if isinstance(value, str):
        return ("text", "text")
    if isinstance(value, list | tuple):
        return ("en lista", "a list")
    if isinstance(value, dict):
        return ("ett objekt", "an object")
    if value is None:
        return ("null", "null")
    return (type(value).__name__, type(value).__name__)


def _wrong(expected: tuple[str, str], value: object) -> InvalidInput:
    got = _json_kind(value)
    return InvalidInput.at(
        "", sv=f"väntade {expected[0]}, fick {got[0]}", en=f"expected {expected[1]}, got {got[1]}"
    )


def _structure_str(value: object, tp: object) -> str:
    if tp is not str and is_enum(tp):
        return typing.cast(str, _enum_hook(typing.cast(type[enum.Enum], tp))(value, tp))
    if not isinstance(value, str):
        raise _wrong(_JSON_NAMES[str], value)
    return value


def _structure_int(value: object, tp: object) -> int:
    if tp is not int and is_enum(tp):
        return typing.cast(int, _enum_hook(typing.cast(type[enum.Enum], tp))(value, tp))
    if isinstance(value, bool) or not isinstance(value, int):
        raise _wrong(_JSON_NAMES[int], value)
    return value


def _structure_float(value: object, _: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong(_JSON_NAMES[float], value)
    if not math.isfinite(value):
        raise InvalidInput.at("", sv="talet måste vara ändligt", en="the number must be finite")
    return float(value)


def _structure_bool(value: object, _: object) -> bool:
    if not isinstance(value, bool):
        raise _wrong(_JSON_NAMES[bool], value)
    return value


def _structure_decimal(value: object, _: object) -> decimal.Decimal:
    if isinstance(value, str):
        try:
            result = decimal.Decimal(value)
        except decimal.InvalidOperation:
            result = None
        if result is not None and result.is_finite():
            return result
    elif isinstance(value, int) and not isinstance(value, bool):
        return decimal.Decimal(value)
    raise InvalidInput.at(
        "",
        sv='väntade ett decimaltal som text, t.ex. "1.5"',
        en='expected a decimal as text, e.g. "1.5"',
    )


def _structure_date(value: object, _: object) -> date:
    # fromisoformat alone would also read ISO week dates ("2026-W47-1").
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidInput.at(
        "",
        sv=f"väntade ett datum ÅÅÅÅ-MM-DD, fick {_json_kind(value)[0]} {quote(value, limit=20)}",
        en=f"expected a date YYYY-MM-DD, got {_json_kind(value)[1]} {quote(value, limit=20)}",
    )


def _structure_instant(value: object, _: object) -> pendulum.DateTime:
    from anhorig.time import parse_instant

    if not isinstance(value, str):
        raise _wrong(("en tidpunkt som text", "a date-time as text"), value)
    return parse_instant(value, path="")


def _structure_person_id(value: object, _: object) -> PersonId:
    if not isinstance(value, str):
        raise _wrong(_JSON_NAMES[str], value)
    try:
        # Without a date, parse refuses the 10-digit forms: a document cannot tell the
        # century. It refuses spaces around the number and other digits than 0-9 too.
        return PersonId.parse(value)
    except InvalidInput as exc:
        if _TEN_DIGITS.fullmatch(value):
            # parse's own advice (pass on=) is for Python callers; a sender can only
            # write the number the way documents do.
            raise InvalidInput.at(
                "",
                sv="ett 10-siffrigt nummer säger inte vilket århundrade: "
                "skriv personnumret med 12 siffror, ÅÅÅÅMMDD-NNNN",
                en="a 10-digit number does not tell the century: "
                "write the personnummer with 12 digits, YYYYMMDD-NNNN",
            ) from None
        raise InvalidInput(Problem("", p.message) for p in exc.problems) from None


_TEN_DIGITS = re.compile(r"[0-9]{6}[-+]?[0-9]{4}")
"""The 10-digit forms of a personnummer (``ÅÅMMDD-NNNN``), which documents do not use."""


def _enum_value(member: enum.Enum) -> object:
    return member.value


@functools.cache
def _enum_hook(tp: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    allowed = {member.value: member for member in tp}
    listed = ", ".join(repr(v) for v in allowed)

    def structure(value: object, _: object) -> enum.Enum:
        if isinstance(value, str | int) and not isinstance(value, bool) and value in allowed:
            return allowed[value]
        raise InvalidInput.at(
            "",
            sv=f"okänt värde {quote(value)}; tillåtna: {listed}",
            en=f"unknown value {quote(value)}; allowed: {listed}",
        )

    return structure


def _literal_hook(tp: Any) -> Callable[[object, object], object]:
    allowed = get_args(tp)

    def structure(value: object, _: object) -> object:
        for option in allowed:
            if type(value) is type(option) and value == option:
                return value
        raise InvalidInput.at(
            "",
            sv=f"okänt värde {quote(value)}; tillåtna: {list(allowed)}",
            en=f"unknown value {quote(value)}; allowed: {list(allowed)}",
        )

    return structure


def _collection_hook(c: cattrs.Converter, tp: Any) -> Callable[[object, object], object]:
    from cattrs.errors import IterableValidationError, IterableValidationNote

    origin = get_origin(tp)
    item = get_args(tp)[0]
    is_set = origin in (frozenset, set)

    def structure(value: object, _: object) -> object:
        if not isinstance(value, list):
            raise _wrong(_JSON_NAMES[list], value)
        hook = c.get_structure_hook(item)
        errors: list[Exception] = []
        out: list[Any] = []
        for index, element in enumerate(value):
            try:
                out.append(hook(element, item))
            except Exception as exc:
                exc.__notes__ = [
                    *getattr(exc, "__notes__", []),
                    IterableValidationNote(f"Structuring {tp} @ index {index}", index, item),
                ]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"While structuring {tp!r}", errors, tp)
        if is_set:
            result = frozenset(out)
            if len(result) != len(out):
                raise InvalidInput.at(
                    "", sv="mängden har dubbletter", en="the set has duplicate members"
                )
            return result if origin is frozenset else set(result)
        return tuple(out) if origin is tuple else out

    return structure


def _unstructure_set(c: cattrs.Converter, tp: Any) -> Callable[[Any], list[Any]]:
    def unstructure(value: Any) -> list[Any]:
        items = [c.unstructure(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=str))

    return unstructure


def _union_structure(c: cattrs.Converter, tp: Any) -> Callable[[object, object], object]:
    members = {m.__name__: m for m in union_members(tp) or ()}

    def structure(value: object, _: object) -> object:
        if not isinstance(value, dict):
            raise _wrong(_JSON_NAMES[dict], value)
        tag = value.get("type")
        if tag not in members:
            raise InvalidInput.at(
                "type",
                sv=f"okänd typ {quote(tag)}; tillåtna: {sorted(members)}",
                en=f"unknown type {quote(tag)}; allowed: {sorted(members)}",
            )
        rest = {k: v for k, v in value.items() if k != "type"}
        return c.structure(rest, members[typing.cast(str, tag)])

    return structure


def _union_unstructure(c: cattrs.Converter, tp: Any) -> Callable[[Any], dict[str, Any]]:
    def unstructure(value: Any) -> dict[str, Any]:
        return {"type": type(value).__name__, **c.unstructure(value, type(value))}

    return unstructure


def _reading_former(
    c: cattrs.Converter, former: typing.Mapping[object, object]
) -> Callable[[object, object], object]:
    """A field's hook that reads a value older documents wrote as what it means now."""

    def structure(value: object, tp: Any) -> object:
        if isinstance(value, str) and value in former:
            return former[value]
        return c.structure(value, tp)

    return structure


def _attrs_hook(
    c: cattrs.Converter, cl: type, *, reader_first: bool = False
) -> Callable[[object, object], object]:
    """The strict hook of attrs class ``cl``; with ``reader_first``, a part of a document
    the compiled reader of ``cl`` takes is read by it, and only the rest strictly.

    The same answers either way: a compiled reader takes only what the strict reading
    reads, to the same object (``tests/core/test_reader.py``). So a document the
    reader gave up on is explained strictly only where it is bad, not read strictly
    whole (issue 14: refusing one bad value deep in a plan took 7× pydantic's time).
    """
    from cattrs.gen import make_dict_structure_fn, override

    overrides: dict[str, Any] = {
        field.name: override(struct_hook=_reading_former(c, field.metadata[FORMER_VALUES]))
        for field in attrs.fields(cl)
        if FORMER_VALUES in field.metadata
    }
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(
        cl, c, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=True, **overrides
    )

    def strictly(value: object, _: object) -> object:
        if not isinstance(value, dict):
            raise _wrong(_JSON_NAMES[dict], value)
        return inner(value, cl)

    if not reader_first:
        return strictly

    def structure(value: object, _: object) -> object:
        read = _compiled_reader(cl) if value.__class__ is dict else None
        if read is not None:
            try:
                return read(value)
            except Exception:  # the reader gave up: read strictly, to explain
                pass
        return strictly(value, cl)

    structure.strictly = strictly  # type: ignore[attr-defined]  # for _structure's top level
    return structure


def configure_converter(c: cattrs.Converter) -> None:
    """Make ``c`` as strict as anhorig's own converter (the cattrs *preconf* pattern)."""
    import pendulum

    # cattrs dispatches on the class first, so these hooks also receive str and int
    # subclasses (StrEnum members); they hand enums on to the enum hook.
    c.register_structure_hook(str, _structure_str)
    c.register_structure_hook(int, _structure_int)
    c.register_structure_hook(float, _structure_float)
    c.register_structure_hook(bool, _structure_bool)
    c.register_structure_hook(decimal.Decimal, _structure_decimal)
    c.register_unstructure_hook(decimal.Decimal, str)
    c.register_structure_hook(date, _structure_date)
    c.register_unstructure_hook(date, date.isoformat)
    for instant_type in (pendulum.DateTime, datetime):
        c.register_structure_hook(instant_type, _structure_instant)
        c.register_unstructure_hook(instant_type, lambda d: d.isoformat())
    c.register_structure_hook(PersonId, _structure_person_id)
    c.register_unstructure_hook(PersonId, lambda p: p.value)
    c.register_structure_hook_factory(is_enum, _enum_hook)
    c.register_unstructure_hook_factory(is_enum, lambda tp: lambda v: v.value)
    # A StrEnum is a str, and cattrs dispatches str subclasses to its str hook (identity)
    # before any factory: registered on StrEnum itself, members are written as plain text.
    c.register_unstructure_hook(enum.StrEnum, _enum_value)
    c.register_structure_hook_factory(is_literal, _literal_hook)
    c.register_structure_hook_factory(is_collection, functools.partial(_collection_hook, c))
    c.register_unstructure_hook_factory(is_set_type, functools.partial(_unstructure_set, c))
    c.register_structure_hook_factory(is_attrs_union, functools.partial(_union_structure, c))
    c.register_unstructure_hook_factory(is_attrs_union, functools.partial(_union_unstructure, c))
    c.register_structure_hook_factory(attrs.has, functools.partial(_attrs_hook, c))


def make_converter() -> cattrs.Converter:
    """A new converter configured like anhorig's (for users who need their own)."""
    import cattrs

    c = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(c)
    return c


_MADE: list[cattrs.Converter] = []
_MAKING = threading.Lock()


def _converter() -> cattrs.Converter:
    """The one converter anhorig uses (``converter``), made on first use."""
    if not _MADE:
        with _MAKING:
            if not _MADE:
                made = make_converter()
                made.register_structure_hook_factory(
                    attrs.has, functools.partial(_attrs_hook, made, reader_first=True)
                )
                _MADE.append(made)
    return _MADE[0]


if typing.TYPE_CHECKING:
    converter: cattrs.Converter
    """The one converter anhorig uses. Do not register hooks on it; make your own.

    It reads each object of a document with its compiled reader first and strictly only
    where that reader gives up, to the same answers; `make_converter` makes one that
    reads strictly throughout."""


def __getattr__(name: str) -> Any:
    # The converter is made on first use (PEP 562).
    if name == "converter":
        return _converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def document_types() -> dict[str, type]:
    """Every document type by its ``"type"`` tag (the class name)."""
    found: dict[str, type] = {}
    for module in map(load, document_modules()):
        for public in getattr(module, "__all__", ()):
            obj = getattr(module, public)
            if isinstance(obj, type) and attrs.has(obj):
                other = found.setdefault(obj.__name__, obj)
                if other is not obj:
                    raise RuntimeError(f"two document types named {obj.__name__}")
    return found


@checked_first
def document_type(tag: str) -> type | None:
    """The document type whose ``"type"`` tag is ``tag``, if there is one.

    A document a rule family checks (a ``SupportPlan``) is found through
    :data:`anhorig.families.FAMILIES` in its own module, so reading it imports no other
    family; any other through :func:`document_types`.
    """
    checked = checked_document(tag)
    if checked is not None:
        found: type = load(checked[1])
        return found
    return document_types().get(tag)


def _problems(exc: BaseException, path: str) -> list[Problem]:
    # Only called on what the converter raised: cattrs is imported by then.
    from cattrs.errors import (
        ClassValidationError,
        ForbiddenExtraKeysError,
        IterableValidationError,
        StructureHandlerNotFoundError,
    )

    if isinstance(exc, InvalidInput):
        return [p.under(path) for p in exc.problems]
    if isinstance(exc, ClassValidationError):
        found: list[Problem] = []
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            found.extend(_problems(sub, f"{path}.{note.name}"))
        for sub in without:
            found.extend(_problems(sub, path))
        return found
    if isinstance(exc, IterableValidationError):
        found = []
        iter_notes, iter_without = exc.group_exceptions()
        for sub, inote in iter_notes:
            found.extend(_problems(sub, f"{path}[{inote.index!r}]"))
        for sub in iter_without:
            found.extend(_problems(sub, path))
        return found
    if isinstance(exc, ForbiddenExtraKeysError):
        return [
            Problem.make(f"{path}.{key}", sv="okänt fält", en="unknown field")
            for key in sorted(exc.extra_fields)
        ]
    if isinstance(exc, KeyError):
        return [Problem.make(path, sv="obligatoriskt fält saknas", en="required field missing")]
    if isinstance(exc, RecursionError):
        return [Problem.make(path, sv="för djupt nästlat", en="nested too deeply")]
    if isinstance(exc, StructureHandlerNotFoundError):
        return [Problem.make(path, sv="typen kan inte läsas", en="this type cannot be read")]
    return [
        Problem.make(path, sv=f"ogiltigt värde ({exc})"[:200], en=f"invalid value ({exc})"[:200])
    ]


def _read_person_id(value: object) -> PersonId:
    person = read_canonical(value)
    if person is None:
        raise ValueError("not a canonical personnummer")  # read strictly, and explained, instead
    return person


class _DeferredConverter:
    """What a compiled reader asks of the converter (a type's hook), making it only
    when a reader needs a hook: the readers of most documents need none."""

    def get_structure_hook(self, tp: Any) -> Callable[[Any, Any], Any]:
        return _converter().get_structure_hook(tp)


_compiled_reader = reader(_DeferredConverter(), {PersonId: _read_person_id})


def _structure(data: object, cl: type[_T], path: str) -> _T:
    read = _compiled_reader(cl)
    if read is not None:
        try:
            return typing.cast(_T, read(data))
        except Exception:
            pass
    # A document the reader took is as deep as its type; one it gave up on may be
    # deeper than the strict converter should recurse.
    _json.check_depth(data)
    try:
        hook = _converter().get_structure_hook(cl)
        # The reader of the whole document has just given up: no second try.
        return typing.cast(_T, getattr(hook, "strictly", hook)(data, cl))
    except Exception as exc:  # every failure becomes InvalidInput with its paths
        raise InvalidInput(_problems(exc, path)) from None


def to_document(obj: object) -> dict[str, Any]:
    """``obj`` as a JSON-ready dict with its ``"type"`` tag and ``"schema_version"``."""
    cl = type(obj)
    if not attrs.has(cl):
        raise InvalidInput.at(
            "$",
            sv=f"{cl.__name__} är ingen dokumenttyp",
            en=f"{cl.__name__} is not a document type",
        )
    form = document_form(cl)
    if form is not None:
        written = _converter().unstructure(form.write(obj), form.form)
        body = {k: v for k, v in written.items() if v is not None}
    else:
        body = _converter().unstructure(obj, cl)
    if not isinstance(body, dict):
        # Types written as one JSON value (PersonId as its text) are wrapped in "value".
        body = {"value": body}
    return {"type": cl.__name__, "schema_version": schema_version(cl), **body}


def _shown(value: object, lang: Lang, *, limit: int = 40) -> str:
    """A bad ``type`` or ``schema_version`` quoted back as JSON writes it: text quoted,
    a number as the number (``2``), and a missing value said in words, never ``'None'``."""
    if value is None:
        return "ingenting" if lang == "sv" else "nothing"
    if isinstance(value, str):
        return quote(value, limit=limit)
    if isinstance(value, bool | int) or (isinstance(value, float) and math.isfinite(value)):
        return json.dumps(value)
    kind = _json_kind(value)
    return kind[0] if lang == "sv" else kind[1]


@typing.overload
def from_document(cl: type[_T], data: object) -> _T: ...


@typing.overload
def from_document(cl: None, data: object) -> object: ...


@checked
def from_document(cl: type[_T] | None, data: object) -> _T | object:
    """Read a document (a dict from JSON); ``cl=None`` reads whatever its ``"type"`` names."""
    if not isinstance(data, dict):
        raise InvalidInput.of(_wrong(_JSON_NAMES[dict], data).problems[0].under("$"))
    problems: list[Problem] = []
    tag = data.get("type")
    if cl is None:
        found = document_type(tag) if isinstance(tag, str) else None
        if found is None:
            if tag is None:
                raise InvalidInput.at(
                    "$.type", sv="dokumenttypen saknas", en="the document type is missing"
                )
            raise InvalidInput.at(
                "$.type",
                sv=f"okänd dokumenttyp {_shown(tag, 'sv')}",
                en=f"unknown document type {_shown(tag, 'en')}",
            )
        target: type = found
    else:
        target = cl
        if tag != cl.__name__:
            wrong_type = Problem.make(
                "$.type",
                sv=f"väntade {cl.__name__!r}, fick {_shown(tag, 'sv')}",
                en=f"expected {cl.__name__!r}, got {_shown(tag, 'en')}",
            )
            if isinstance(tag, str) and document_type(tag) is not None:
                # Another document altogether: its fields would only add follow-on lines.
                raise InvalidInput.of(wrong_type)
            problems.append(wrong_type)
    form = document_form(target)
    # The current version first; a former one is read as its documents were written.
    versions = (schema_version(target), *(form.former if form is not None else ()))
    version = data.get("schema_version")
    if type(version) is not int or version not in versions:
        shown = " eller ".join(map(str, versions)), " or ".join(map(str, versions))
        problems.append(
            Problem.make(
                "$.schema_version",
                sv=f"väntade {shown[0]}, fick {_shown(version, 'sv', limit=20)}",
                en=f"expected {shown[1]}, got {_shown(version, 'en', limit=20)}",
            )
        )
    fields = dict(data)  # the same keys in the same order, less the envelope
    fields.pop("type", None)
    fields.pop("schema_version", None)
    body: object = fields
    if target in SCALAR_DOCUMENTS:
        body = _scalar_body(typing.cast(dict[str, object], body), problems)
    try:
        if form is not None and version not in form.former:
            result: object = _read_form(form.read, _structure(body, form.form, "$"))
        else:
            path = "$.value" if target in SCALAR_DOCUMENTS else "$"
            result = _structure(body, target, path)
    except InvalidInput as exc:
        raise InvalidInput([*problems, *exc.problems]) from None
    if problems:
        raise InvalidInput(problems)
    return typing.cast(_T, result)


def _read_form(read: Callable[[Any], object], value: object) -> object:
    try:
        return read(value)
    except InvalidInput as exc:
        raise InvalidInput([p.under("$") for p in exc.problems]) from None


def _scalar_body(body: dict[str, object], problems: list[Problem]) -> object:
    for key in sorted(set(body) - {"value"}):
        problems.append(Problem.make(f"$.{key}", sv="okänt fält", en="unknown field"))
    if "value" not in body:
        problems.append(
            Problem.make("$.value", sv="obligatoriskt fält saknas", en="required field missing")
        )
    return body.get("value")


@checked
def to_json(obj: object, *, indent: int | None = None) -> str:
    """``obj`` as a JSON document (UTF-8 text, Swedish letters kept as they are)."""
    return json.dumps(to_document(obj), ensure_ascii=False, indent=indent, allow_nan=False)


@typing.overload
def from_json(cl: type[_T], text: str | bytes) -> _T: ...


@typing.overload
def from_json(cl: None, text: str | bytes) -> object: ...


@checked
def from_json(cl: type[_T] | None, text: str | bytes) -> _T | object:
    """Read a JSON document; ``InvalidInput`` naming every bad path is the only error raised.

    ``from_json(Type, text)`` reads a document of that type and is typed as returning
    it; ``from_json(None, text)`` reads whatever type the document's ``"type"`` names
    and is typed as returning ``object`` (narrow it with ``isinstance``).

    The text is read as strictly as by `load_json`: repeated keys, lone surrogates,
    invalid UTF-8, ``NaN`` and numbers that overflow are refused.
    """
    return from_document(cl, _json.decode(text))
