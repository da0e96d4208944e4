"""The JSON Schemas a vendor uses without anhorig (issue 17), checked with a real validator.

Every schema is a valid draft 2020-12 schema with a URN ``$id``; every property has a
description; enums carry both labels; integers that count something say their unit;
patterns are ASCII. Every example document the reader reads passes its schema, and
documents generated from a schema are read, or refused only at rules the schema lists
(the measurement is ``benchmarks/schema_agreement.py``; here on a modest sample).
"""

from __future__ import annotations

import enum
import importlib.util
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, get_args

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anhorig
from anhorig import _checks
from anhorig._text import LabelledEnum
from anhorig.documents import json_schema
from anhorig.errors import InvalidInput
from anhorig.people import Person, PersonId
from anhorig.serialization import document_types, from_document

ROOT = Path(__file__).resolve().parents[2]
TYPES = sorted(document_types())
FORMATS = jsonschema.Draft202012Validator.FORMAT_CHECKER


def _agreement() -> ModuleType:
    path = ROOT / "benchmarks" / "schema_agreement.py"
    spec = importlib.util.spec_from_file_location("schema_agreement", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["schema_agreement"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def _walk(node: object, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{index}]")


@pytest.mark.parametrize("name", TYPES)
def test_every_schema_is_valid_named_and_described(name: str) -> None:
    schema = json_schema(document_types()[name])
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    version = schema["properties"]["schema_version"]["const"]
    assert version == (2 if name == "Balance" else 1)  # Balance's amounts renamed, issue 17
    assert schema["$id"] == f"urn:anhorig:schema:{name}:{version}"
    assert "anhorig.invalid" not in json.dumps(schema)
    objects = [schema, *schema["$defs"].values()]
    for node in objects:
        for key, prop in node.get("properties", {}).items():
            assert prop.get("description"), f"{node.get('title')}.{key} has no description"


@pytest.mark.parametrize("name", TYPES)
def test_patterns_are_ascii_and_mean_the_same_everywhere(name: str) -> None:
    for path, node in _walk(json_schema(document_types()[name])):
        pattern = node.get("pattern")
        if not isinstance(pattern, str):
            continue
        assert pattern.isascii(), path
        # \d, \s and \w match other scripts' digits and spaces in Python, not in ECMA-262.
        assert not re.search(r"\\[dDsSwW]", pattern), (path, pattern)


def test_a_personnummer_in_other_digits_or_with_a_line_separator_is_refused() -> None:
    validator = jsonschema.Draft202012Validator(json_schema(document_types()["Person"]))
    for bad in ("١٩٣٩١٢٢٥-٠٠٢٨", "19391225-0028\u2028", " 19391225-0028"):
        document = {"type": "Person", "schema_version": 1, "id": bad, "name": "A"}
        assert not validator.is_valid(document), bad


def test_enums_carry_their_swedish_and_english_labels() -> None:
    schema = json_schema(document_types()["RespitePolicy"])
    kinds = schema["$defs"]["RespiteKind"]
    from anhorig.respite import RespiteKind

    assert kinds["enum"] == [kind.value for kind in RespiteKind]
    for kind in RespiteKind:
        assert kinds["x-enum-labels"][kind.value] == {
            "sv": kind.label("sv"),
            "en": kind.label("en"),
        }
        assert kind.label("sv") in kinds["description"]


def _enums(tp: Any, seen: set[Any]) -> Iterator[type[enum.Enum]]:
    """Every enum class a type's documents hold, through attrs fields and type arguments."""
    if tp in seen:
        return
    seen.add(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        yield tp
    elif isinstance(tp, type) and attrs.has(tp):
        for field in attrs.fields(attrs.resolve_types(tp)):
            yield from _enums(field.type, seen)
    for argument in get_args(tp):
        yield from _enums(argument, seen)


@pytest.mark.parametrize("name", TYPES)
def test_every_labelled_enum_has_both_labels_for_every_value(name: str) -> None:
    cls = document_types()[name]
    defs = json_schema(cls)["$defs"]
    for found in _enums(cls, set()):
        node = defs[found.__name__]
        assert node["enum"] == [member.value for member in found]
        if issubclass(found, LabelledEnum):
            assert set(node["x-enum-labels"]) == set(node["enum"])
        else:
            assert "x-enum-labels" not in node  # plain values: nothing to invent


def test_integers_say_their_unit_and_bounds() -> None:
    props = json_schema(document_types()["RespitePolicy"])["properties"]
    assert props["free_hours_without_decision"]["x-unit"] == "h"
    assert props["free_hours_without_decision"]["maximum"] == 744
    assert props["free_hours_without_decision"]["minimum"] == 0
    assert "hours" in props["free_hours_without_decision"]["description"]
    assert props["notice"]["x-unit-field"] == "notice_unit"
    assert props["notice"]["maximum"] == 365
    assert props["day_starts_at"]["x-unit"] == "hour-of-day"
    assert props["min_carer_age"]["x-unit"] == "a"
    ceiling = json_schema(document_types()["AgeCeiling"])["properties"]
    assert ceiling["from_age"]["x-unit"] == "a"
    for name in TYPES:
        for key, prop in json_schema(document_types()[name])["properties"].items():
            counts = key.endswith(("_hours", "_days", "_months", "_dygn", "_age"))
            # A list (RespitePolicy.without_decision_by_age) gives units on its items.
            if counts and prop.get("type") != "array":
                assert "x-unit" in prop or "x-unit-field" in prop, f"{name}.{key}"


def test_rules_a_schema_can_state_are_stated() -> None:
    """Non-empty text, ids, codes, bounds, non-empty lists, a grant's end date and the
    recipient kind's matching field: the schema refuses them before the reader does."""
    recipient = jsonschema.Draft202012Validator(json_schema(document_types()["Recipient"]))
    base = {"type": "Recipient", "schema_version": 1}
    assert not recipient.is_valid({**base, "kind": "person"})
    assert not recipient.is_valid(
        {**base, "kind": "role", "role": "relative", "person": None}
        | {"principal": {"type": "Principal"}}
    )
    assert recipient.is_valid({**base, "kind": "role", "role": "relative"})
    grant = json_schema(document_types()["RespiteGrant"])
    assert grant["properties"]["validity"]["required"] == ["end"]
    person = jsonschema.Draft202012Validator(json_schema(document_types()["Person"]))
    assert not person.is_valid({"type": "Person", "schema_version": 1, "name": " \u2028\u3000"})
    assert person.is_valid({"type": "Person", "schema_version": 1, "name": " A"})
    finding = json_schema(document_types()["Finding"])
    assert "$defs" in finding
    listed = {(r["type"], r["field"]) for r in grant["x-cross-field-rules"]}
    assert ("Period", "end") in listed
    for rule in grant["x-cross-field-rules"]:
        assert rule["rule"] in grant["description"]


def _examples() -> list[Path]:
    found = [*ROOT.joinpath("examples").rglob("*.json")]
    return sorted(p for p in found if "fhir" not in p.name)


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.name)
def test_every_example_the_reader_reads_passes_its_schema(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    documents = document if isinstance(document, list) else [document]
    for one in documents:
        if not (isinstance(one, dict) and "schema_version" in one):
            continue
        cls = document_types()[one["type"]]
        try:
            from_document(cls, one)
        except InvalidInput:
            continue  # an example of a refused document
        jsonschema.Draft202012Validator(json_schema(cls), format_checker=FORMATS).validate(one)


_SAMPLE = 10
"""Documents generated a type: modest, so every profile runs it in about a minute (the
benchmark's 30 a type is the measurement)."""


@pytest.mark.parametrize("name", TYPES)
def test_generated_documents_are_read_or_refused_only_at_listed_rules(name: str) -> None:
    """Every document generated from a schema is read or refused only at a rule the
    schema lists; a type whose schema lists no rule has at least 95 % read."""
    agreement = _agreement()
    row = agreement.measure(name, _SAMPLE)
    assert row.generated > 0
    assert row.unlisted == 0, row.reasons.most_common(3)
    if not json_schema(document_types()[name]).get("x-cross-field-rules"):
        assert row.share >= agreement.GOAL, row.reasons.most_common(3)


def test_the_checks_kinds_are_all_described() -> None:
    assert {"at_least", "at_most", "between", "not_empty", "cases", "nested"} <= set(_checks.KINDS)


def test_the_schema_command_prints_what_a_vendor_validates_with() -> None:
    """``anhorig schema`` run as a vendor runs it (a subprocess): the same schema, which
    accepts the example ledger's policy and refuses it with a blank municipality."""
    env = {**os.environ, "PYTHONPATH": str(Path(anhorig.__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-m", "anhorig", "schema", "RespitePolicy"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    schema = json.loads(done.stdout)
    assert schema == json.loads(json.dumps(json_schema(document_types()["RespitePolicy"])))
    validator = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    policy = {"type": "RespitePolicy", "schema_version": 1, "municipality": "Sunne"}
    assert validator.is_valid(policy)
    assert not validator.is_valid({**policy, "municipality": "\u2028 "})
    assert not validator.is_valid({**policy, "notice": 366})
    assert not validator.is_valid({**policy, "carry_over": "capped"})  # needs its cap
    assert validator.is_valid({**policy, "carry_over": "capped", "carry_over_cap": 10})
    assert not validator.is_valid({**policy, "carry_over_cap": 10})  # default: no carry-over


# --- what a vendor registers and honours (issue 17) -----------------------------------------


def test_the_personnummer_format_registered_as_a_vendor_would_agrees_with_the_reader() -> None:
    """A validator with the format registered (python-stdnum's check, not anhorig's)
    refuses a wrong check digit and an impossible day, as the reader does; one without it
    ignores the format, as draft 2020-12 says."""
    agreement = _agreement()
    schema = json_schema(PersonId)
    assert schema["properties"]["value"]["format"] == "personnummer"
    vendor = jsonschema.Draft202012Validator(schema, format_checker=agreement.FORMATS)
    plain = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    for number, good in [
        ("19391225-0028", True),
        ("19391225-0029", False),  # check digit
        ("19391285-0025", True),  # samordningsnummer: day 25 + 60
        ("19010229-0007", False),  # no 29 February in 1901
    ]:
        document = {"type": "PersonId", "schema_version": 1, "value": number}
        assert vendor.is_valid(document) is good, number
        assert plain.is_valid(document)
        read = True
        try:
            from_document(PersonId, document)
        except InvalidInput:
            read = False
        assert read is good, number


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_every_number_the_vendor_strategy_makes_is_read(data: st.DataObject) -> None:
    """The benchmark's generator for the format makes numbers anhorig reads."""
    number = data.draw(_agreement().person_ids())
    assert PersonId.parse(number).value == number


def test_every_listed_check_names_fields_and_a_relation_a_program_can_test() -> None:
    """Each ``check`` in ``x-cross-field-rules`` is ``a <= b``, ``a < b`` or
    ``a == birth_date(b)``, over fields of the type it is listed for."""
    agreement = _agreement()
    checked = 0
    for name in TYPES:
        schema = json_schema(document_types()[name])
        titled = {d.get("title"): d for d in [schema, *schema["$defs"].values()]}
        for rule in schema.get("x-cross-field-rules", ()):
            if "check" not in rule:
                continue
            checked += 1
            match = agreement._ORDER.fullmatch(rule["check"]) or agreement._BORN.fullmatch(
                rule["check"]
            )
            assert match is not None, rule
            fields = {match[1].split(".")[0], match[match.lastindex].split(".")[0]}
            assert fields <= set(titled[rule["type"]]["properties"]), rule
    assert checked >= 15


def test_a_generator_that_honours_the_checks_mends_what_it_can() -> None:
    """Out of order, swapped; equal where the order is strict, the later moved on; a
    birth date set from the personnummer. The mended documents are read."""
    agreement = _agreement()
    period = {"start": "2026-05-01", "end": "2026-04-01"}
    assert agreement.honour(["start <= end"], period) == {
        "start": "2026-04-01",
        "end": "2026-05-01",
    }
    involvement = {"recorded_on": "2026-04-01", "reconfirm_by": "2026-04-01"}
    assert agreement.honour(["recorded_on < reconfirm_by"], involvement)["reconfirm_by"] == (
        "2026-04-02"
    )
    person = {"id": "19391285-0025", "name": "A", "birth_date": "2000-01-01"}
    mended = agreement.honour(["birth_date == birth_date(id)"], person)
    assert mended["birth_date"] == "1939-12-25"
    from_document(Person, {"type": "Person", "schema_version": 1, **mended})
