"""The discharge documents: the Stockholm examples, their schema, bad documents refused
with every path, records refused at construction, and personal data masked."""

from __future__ import annotations

import json
from datetime import date, datetime

import attrs
import jsonschema
import pytest

from anhorig.consent import Revocation
from anhorig.discharge import (
    RULES,
    AdmissionNotice,
    Channel,
    Checklist,
    DischargePolicy,
    DischargeProcess,
    RelativeAtDischarge,
    check,
    checklist,
)
from anhorig.errors import InvalidInput
from anhorig.relations import RelationKind
from anhorig.serialization import document_types, from_json, json_schema, to_json
from anhorig.time import local
from tests.discharge.stockholm import BUILDER, EXAMPLES, ON, every_finding, valid

EXPECTED = {
    "stockholm-valid.json": frozenset(),
    "stockholm-every-finding.json": frozenset(rule.code for rule in RULES),
}


def test_every_example_is_listed_and_built_by_the_script() -> None:
    """The JSON examples are exactly what make_stockholm.py writes (no hand edits drift)."""
    assert {p.name for p in EXAMPLES.glob("*.json")} == set(EXPECTED)
    assert (EXAMPLES / "stockholm-valid.json").read_text(encoding="utf-8") == to_json(
        valid(), indent=2
    ) + "\n"
    assert (EXAMPLES / "stockholm-every-finding.json").read_text(encoding="utf-8") == to_json(
        every_finding(), indent=2
    ) + "\n"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_reads_back_and_gives_its_codes(name: str) -> None:
    """Each example reads with from_json(None, ...) and gives exactly its expected codes."""
    process: object = from_json(None, (EXAMPLES / name).read_bytes())
    assert isinstance(process, DischargeProcess)
    assert check(process, on=ON).codes == EXPECTED[name]
    assert from_json(DischargeProcess, to_json(process)) == process


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_matches_its_schema(name: str) -> None:
    """Every example validates against the exported JSON Schema (a real validator)."""
    document = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    jsonschema.validate(document, json_schema(document_types()[document["type"]]))


@pytest.mark.parametrize(
    "thing",
    [
        DischargePolicy(),
        DischargePolicy.example_region_stockholm(),
        checklist(valid(), on=ON),
        checklist(every_finding(), on=ON),
    ],
    ids=["policy", "regional-example", "checklist-valid", "checklist-every-finding"],
)
def test_policies_and_checklists_are_documents(thing: object) -> None:
    """Policies and checklists round-trip and match their schema."""
    text = to_json(thing)
    assert from_json(type(thing), text) == thing
    jsonschema.validate(json.loads(text), json_schema(type(thing)))


def test_every_discharge_type_is_a_document_type() -> None:
    """serialization knows the family's types (from_json(None, ...) reads them)."""
    names = set(document_types())
    assert {"DischargeProcess", "DischargePolicy", "Checklist", "RelativeAtDischarge"} <= names
    assert document_types()["Checklist"] is Checklist


def test_a_bad_document_names_every_bad_path() -> None:
    """A naive time, an unknown channel, an unknown field: every one reported at once."""
    document = json.loads((EXAMPLES / "stockholm-valid.json").read_text(encoding="utf-8"))
    document["admission"]["admitted_at"] = "2026-10-24T10:00:00"
    document["recipients"][0]["channels"] = ["fax"]
    document["relatives"][0]["nickname"] = "B"
    with pytest.raises(InvalidInput) as caught:
        from_json(DischargeProcess, json.dumps(document))
    paths = set(caught.value.paths)
    assert "$.admission.admitted_at" in paths
    assert "$.recipients[0].channels[0]" in paths
    assert "$.relatives[0].nickname" in paths


def test_events_before_the_admission_are_refused() -> None:
    """Structure, checked at construction: nothing happens before the patient is admitted."""
    process = valid()
    early = AdmissionNotice(
        sent_at=local(2026, 10, 23, 9), to=frozenset({"bistand"}), channel=Channel.IT_SYSTEM
    )
    with pytest.raises(InvalidInput) as caught:
        attrs.evolve(process, admission_notices=(early,), discharge_on=date(2026, 10, 1))
    assert set(caught.value.paths) == {"admission_notices[0].sent_at", "discharge_on"}


def test_naive_times_are_refused() -> None:
    """DESIGN decision 5: an instant without a zone is refused, never guessed."""
    with pytest.raises(InvalidInput) as caught:
        AdmissionNotice(
            sent_at=datetime(2026, 10, 25, 8, 30),
            to=frozenset({"bistand"}),
            channel=Channel.IT_SYSTEM,
        )
    assert caught.value.paths == ("sent_at",)
    assert "naiv" in str(caught.value)


def test_the_patient_cannot_be_their_own_relative() -> None:
    """A relative is someone else than the patient."""
    process = valid()
    self_relative = RelativeAtDischarge(id="self", person=process.patient, kind=RelationKind.OTHER)
    with pytest.raises(InvalidInput) as caught:
        attrs.evolve(process, relatives=(*process.relatives, self_relative))
    assert caught.value.paths == ("relatives[2].person",)


def test_records_that_contradict_each_other_are_refused() -> None:
    """A revocation about another person than its consent is not a document to judge."""
    process = valid()
    other = process.relatives[0].person
    wrong = Revocation(consent_id="samtycke-region-1", subject=other, revoked_at=local(2026, 11, 1))
    with pytest.raises(InvalidInput) as caught:
        attrs.evolve(process, records=(*process.records, wrong))
    assert caught.value.paths == (f"records[{len(process.records)}].subject",)


def test_personal_data_stays_masked() -> None:
    """No full personnummer or name in any repr, message, or printed checklist."""
    process = every_finding()
    secrets = ["19400312-2381", "Anna Karlsson", "Bertil", "20110301-2389", "Noor", "Eva Karlsson"]
    sheet = checklist(process, on=ON)
    shown = [
        repr(process),
        sheet.render("sv"),
        sheet.render("en"),
        check(process, on=ON).explain("sv"),
        check(process, on=ON).explain("en"),
    ]
    for text in shown:
        for secret in secrets:
            assert secret not in text
    assert "<" in repr(process.relatives[0].contingency)  # free text masked too


def test_the_builder_script_documents_its_judging_day() -> None:
    """Both examples are judged on the same day, after the discharge."""
    assert BUILDER.ON == ON
    day = valid().discharge_on
    assert day is not None
    assert day < ON
