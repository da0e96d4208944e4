"""The strict converter: lossless round trips, schemas that match, every coercion refused,
and nothing but InvalidInput for any bad input."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import jsonschema
import pytest
from cattrs.errors import ClassValidationError
from hypothesis import given
from hypothesis import strategies as st

from anhorig import (
    InvalidInput,
    Person,
    PersonId,
    Problem,
    RelationKind,
    Relationship,
    from_json,
    to_json,
)
from anhorig.serialization import (
    SCHEMA_VERSION,
    document_types,
    from_document,
    json_schema,
    make_converter,
    to_document,
)

TYPES = sorted(document_types().items())
WIFE = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
FRIEND = Person(name="Maria Ström", birth_date=date(1961, 3, 3))
REL = Relationship(carer=FRIEND, cared_for=WIFE, kind=RelationKind.FRIEND)


@pytest.mark.parametrize(("name", "cls"), TYPES, ids=[name for name, _ in TYPES])
def test_every_document_type_round_trips_and_matches_its_schema(name: str, cls: type) -> None:
    """from_json(to_json(x)) == x for generated x of every public type, and every written
    document validates against the exported JSON Schema with a real validator."""
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    @given(st.from_type(cls))
    def round_trip(value: Any) -> None:
        text = to_json(value)
        assert from_json(cls, text) == value
        assert from_json(None, text) == value
        validator.validate(json.loads(text))

    round_trip()


def _doc(**changes: Any) -> dict[str, Any]:
    document = to_document(REL)
    for key, value in changes.items():
        document[key] = value
    return document


def _problems(document: object, cls: type | None = Relationship) -> dict[str, str]:
    with pytest.raises(InvalidInput) as err:
        from_document(cls, document)
    return {p.path: p.message.en for p in err.value.problems}


def test_documents_carry_type_and_schema_version() -> None:
    """The envelope comes first; everything after it is the object's fields."""
    document = to_document(REL)
    assert list(document)[:2] == ["type", "schema_version"]
    assert document["type"] == "Relationship"
    assert document["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("kind", 5, "unknown value"),
        ("kind", "cousin", "unknown value"),
        ("areas", "abc", "expected a list"),
        ("lives_together", 1, "expected true or false"),
        ("lives_together", "true", "expected true or false"),
        ("areas", ["self_care", "self_care"], "duplicate"),
    ],
)
def test_no_silent_coercion(path: str, value: object, message: str) -> None:
    """cattrs' defaults would coerce each of these; the anhorig converter refuses them."""
    problems = _problems(_doc(**{path: value}))
    assert message in problems[f"$.{path}"]


def test_nested_coercions_and_unknown_keys_are_refused() -> None:
    """A number for a name, text for a date, a naive date-time, an unknown key: all named."""
    document = _doc(extra=1)
    document["carer"] = {"id": None, "name": 5, "birth_date": "1961-03-03T00:00:00"}
    problems = _problems(document)
    assert problems["$.carer.name"] == "expected text, got a number"
    assert "expected a date" in problems["$.carer.birth_date"]
    assert problems["$.extra"] == "unknown field"


def test_every_bad_path_is_reported_at_once() -> None:
    """A document with many faults lists them all, in Swedish and English."""
    document = _doc(kind="cousin", areas="x", lives_together=3)
    del document["cared_for"]
    with pytest.raises(InvalidInput) as err:
        from_document(Relationship, document)
    assert set(err.value.paths) == {"$.kind", "$.areas", "$.lives_together", "$.cared_for"}
    assert "obligatoriskt fält saknas" in str(err.value)
    assert "required field missing" in err.value.explain("en")


def test_personnummer_in_documents_must_be_valid_and_twelve_digits() -> None:
    """A wrong check digit or a 10-digit form (which needs a date to read) is refused."""
    document = _doc()
    document["cared_for"] = {"id": "19391225-0029", "name": "A", "birth_date": "1939-12-25"}
    assert "check digit" in _problems(document)["$.cared_for.id"]
    document["cared_for"] = {"id": "391225-0028", "name": "A", "birth_date": "1939-12-25"}
    assert "10-digit" in _problems(document)["$.cared_for.id"]


def test_construction_errors_get_their_document_path() -> None:
    """A validator failing inside a nested object is reported under that object's path."""
    document = _doc()
    document["cared_for"] = {"id": "19391225-0028", "name": "A", "birth_date": "1939-12-24"}
    assert "does not match" in _problems(document)["$.cared_for.birth_date"]


def test_wrong_or_missing_type_and_version() -> None:
    """The tag must name the requested type; the version must be the current one."""
    assert "expected 'Relationship'" in _problems(_doc(type="Person"))["$.type"]
    assert "unknown document type 'Nope'" in _problems(_doc(type="Nope"), None)["$.type"]
    assert _problems(_doc(type=None), None)["$.type"] == "the document type is missing"
    assert _problems(_doc(type=None))["$.type"] == "expected 'Relationship', got nothing"
    # Numbers quoted back as JSON writes them, not as text.
    assert _problems(_doc(schema_version=2))["$.schema_version"] == "expected 1, got 2"
    assert _problems(_doc(schema_version="1"))["$.schema_version"] == "expected 1, got '1'"
    # Another document altogether gives the one line, not every follow-on field.
    assert list(_problems(_doc(type="Person"))) == ["$.type"]
    assert "$.schema_version" in _problems(_doc(schema_version=True))


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '"x"', "NaN", '{"type": 1}', b"\xff"])
def test_malformed_json_text(text: str | bytes) -> None:
    """Text that is not a JSON object document is InvalidInput at $."""
    with pytest.raises(InvalidInput) as err:
        from_json(None, text)
    assert all(path.startswith("$") for path in err.value.paths)


def test_deeply_nested_json_is_refused_cleanly() -> None:
    """Nesting beyond the parser's limit is InvalidInput, not RecursionError."""
    with pytest.raises(InvalidInput):
        from_json(None, "[" * 100_000 + "]" * 100_000)


def _read_or_refuse(cls: type | None, document: object) -> tuple[Problem, ...] | None:
    """None if the document is read, else the problems of the InvalidInput it raised;
    any other exception fails the test."""
    try:
        from_document(cls, document)
    except InvalidInput as exc:
        return exc.problems
    return None


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(_json, st.sampled_from([None, *(cls for _, cls in TYPES)]))
def test_any_json_value_gives_a_document_or_invalid_input(value: object, cls: type | None) -> None:
    """No input raises anything but InvalidInput."""
    problems = _read_or_refuse(cls, value)
    assert problems is None or problems
    assert problems is None or all(p.path.startswith("$") for p in problems)


def _leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for k, v in node.items() for p in _leaves(v, (*path, k))] or [path]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _leaves(v, (*path, i))] or [path]
    return [path]


@given(st.data())
def test_mutated_documents_are_read_or_refused_with_paths(data: st.DataObject) -> None:
    """Replace any part of a valid document with any JSON: it is read, or InvalidInput
    names paths; never another exception."""
    name, cls = data.draw(st.sampled_from(TYPES))
    document = to_document(data.draw(st.from_type(cls)))
    leaves = [p for p in _leaves(document) if p]
    target = data.draw(st.sampled_from(leaves))
    node: Any = document
    for key in target[:-1]:
        node = node[key]
    if data.draw(st.booleans()) and isinstance(node, dict):
        del node[target[-1]]
    else:
        node[target[-1]] = data.draw(_json)
    problems = _read_or_refuse(cls, document)
    assert problems is None or all(p.path.startswith("$") for p in problems), name


def test_users_can_make_their_own_strict_converter() -> None:
    """make_converter() gives an independent converter with the same strictness."""
    converter = make_converter()
    with pytest.raises(ClassValidationError) as err:
        converter.structure({"name": 5}, Person)
    assert "väntade text" in str(err.value.exceptions[0])
    assert converter.structure({"name": "Anna Karlsson"}, Person) == Person(name="Anna Karlsson")


def test_to_document_refuses_non_documents() -> None:
    """Only anhorig's attrs types are documents."""
    with pytest.raises(InvalidInput):
        to_document({"a": 1})
    with pytest.raises(InvalidInput):
        json_schema(dict)


def test_person_id_documents_wrap_the_value() -> None:
    """A PersonId on its own is written under "value" and read back."""
    pid = PersonId.parse("19391225-0028")
    assert to_document(pid) == {"type": "PersonId", "schema_version": 1, "value": "19391225-0028"}
    assert from_json(PersonId, to_json(pid)) == pid
    assert "$.extra" in _problems({**to_document(pid), "extra": 1}, PersonId)
