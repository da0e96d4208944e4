"""Reading FHIR Consent as Swedish systems write it: our own region documents, the
mapping tables row by row, strict and lenient reading, AuditEvent, malformed input."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.auditevent import AuditEvent as FhirR5AuditEvent
from fhir.resources.consent import Consent as FhirR5Consent
from fhir.resources.R4B.auditevent import AuditEvent as FhirR4BAuditEvent
from fhir.resources.R4B.consent import Consent as FhirR4BConsent
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import AuditRecord, InfoCategory, Purpose, Recipient, evaluate
from anhorig.consent.fhir import (
    DEFAULT_CODES,
    SE_PERSONNUMMER,
    CodeRow,
    audit_event,
    from_fhir,
    read_fhir,
    to_fhir,
)
from anhorig.consent.model import (
    GrantorCapacity,
    InformationKind,
    InformationSelector,
    Provision,
    ProvisionType,
    RecipientRole,
    RecordLink,
)
from anhorig.errors import InvalidInput
from anhorig.language import Text
from tests.consent.consent_scenario import ANNA, EVA, GIVEN, REGION, consent, request
from tests.fuzz.mutations import paths

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def test_region_bundle_is_read_decided_and_audited() -> None:
    """Region Sörmland's Bundle (Consent R5, Patient with an HL7 Sweden personnummer,
    RelatedPerson, Organizations) reads strictly; the care plan may go to Eva, and the
    decision's AuditEvent is valid R4B and R5."""
    bundle = load("region-consent-bundle-r5.json")
    (reading,) = read_fhir(bundle)
    read = reading.consent
    assert read is not None
    assert reading.path == "$.entry[0].resource"
    assert read.subject == ANNA
    assert read.grantor.capacity is GrantorCapacity.SELF
    assert read.obtained_by.name == "Region Sörmland"
    assert read.evidence is not None
    assert read.evidence.is_complete
    assert read.evidence.documented_by == "SE2321000032-ssk17"
    assert read.provision.decision is ProvisionType.DENY
    to_eva = Recipient.of_person(EVA, role=RecipientRole.RELATIVE)
    ask = request(
        holder=read.obtained_by,
        recipient=to_eva,
        category=InfoCategory.HEALTH_CARE_PLAN,
        purpose=Purpose.INFORMING_RELATIVE,
        at=GIVEN.add(days=10),
    )
    decision = evaluate(ask, (read,))
    assert decision.permitted, decision.explain("en")
    assert decision.consent_ids == ("sormland-2026-017",)
    record = AuditRecord.of(ask, decision)
    FhirR5AuditEvent.model_validate(audit_event(record, "R5"))
    FhirR4BAuditEvent.model_validate(audit_event(record, "R4", identifiers="hl7se"))
    diagnosis = evaluate(attrs_evolve(ask, category=InfoCategory.HEALTH_DIAGNOSIS), (read,))
    assert not diagnosis.permitted


def attrs_evolve(obj: Any, **changes: Any) -> Any:
    import attrs

    return attrs.evolve(obj, **changes)


def test_contained_resources_and_samordningsnummer_in_hl7_sweden_form() -> None:
    """An R4 Consent carrying its patient and organisation in ``contained``; opt-in with
    the root an exception that denies the finances."""
    read = from_fhir(load("region-consent-contained-r4.json"))
    assert read.subject.id is not None
    assert read.subject.id.is_coordination_number
    assert read.obtained_by.id == "o1"
    assert read.provision.decision is ProvisionType.PERMIT
    (deny,) = read.provision.exceptions
    assert deny.categories == frozenset({InfoCategory.SOCIAL_ECONOMY})
    assert read.evidence is not None
    assert read.evidence.document_ref == "DocumentReference/samtycke-031"


@pytest.mark.parametrize("version", ["R4", "R5"])
def test_hl7_sweden_identifiers_are_written_when_asked_and_read_back(version: str) -> None:
    """``identifiers="hl7se"`` writes HL7 Sweden's personnummer system; it is valid FHIR
    and reads back the same consent."""
    given_consent = consent()
    resource = to_fhir(given_consent, version, identifiers="hl7se")  # type: ignore[arg-type]
    assert SE_PERSONNUMMER in json.dumps(resource)
    model = FhirR4BConsent if version == "R4" else FhirR5Consent
    model.model_validate(resource)
    assert from_fhir(resource) == given_consent


@pytest.mark.parametrize("scope", ["treatment", "research", "adr"])
def test_a_consent_not_about_sharing_is_refused_with_that_reason(scope: str) -> None:
    """A treatment, research or advance-directive consent is refused strictly and gives
    no consent leniently, both saying it is not about sharing information."""
    resource = to_fhir(consent(), "R4")
    resource["scope"]["coding"][0]["code"] = scope
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    assert "not about sharing information" in err.value.explain("en")
    (reading,) = read_fhir(resource, lenient=True)
    assert reading.consent is None
    assert any("not about sharing" in p.message.en for p in reading.set_aside)


def test_category_must_say_something_anhorig_knows() -> None:
    """``"category": 5`` and unknown codes are refused, not accepted whatever they hold."""
    resource = to_fhir(consent(), "R5")
    resource["category"] = 5
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    assert "$.category" in err.value.paths
    resource["category"] = [{"coding": [{"system": "urn:x", "code": "y"}]}]
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    assert "unknown code urn:x#y" in err.value.explain("en")


def test_missing_base_decision_is_named_as_such() -> None:
    """An R4 root without a type and without an opt-in/opt-out policy names the missing
    base decision (not "unknown code 'None'")."""
    resource = to_fhir(consent(), "R4")
    del resource["provision"]["type"]
    del resource["policyRule"]["coding"]
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    assert "the base decision is not stated" in err.value.explain("en")


def test_r4_nested_rule_without_type_denies_under_a_permit_and_is_never_read_as_a_permit() -> None:
    """R4 requires a type on nested rules. Under a permit the rule is an exception and can
    only deny (R4's definition of a nested rule, R5's only reading); under a deny it would
    permit, which is never inferred: refused strictly, set aside leniently."""
    from anhorig.consent.model import Action

    nested = Provision(decision=ProvisionType.DENY, actions=frozenset({Action.ACCESS}))
    permit = to_fhir(
        consent(provision=Provision(decision=ProvisionType.PERMIT, exceptions=(nested,))), "R4"
    )
    typed = from_fhir(permit)
    del permit["provision"]["provision"][0]["type"]
    assert from_fhir(permit) == typed
    inner = Provision(decision=ProvisionType.PERMIT, actions=frozenset({Action.ACCESS}))
    deny = to_fhir(
        consent(provision=Provision(decision=ProvisionType.DENY, exceptions=(inner,))), "R4"
    )
    del deny["provision"]["provision"][0]["type"]
    with pytest.raises(InvalidInput) as err:
        from_fhir(deny)
    (problem,) = err.value.problems
    assert problem.path == "$.provision.provision[0].type"
    assert "a permit is never read in where none is stated" in problem.message.en
    (reading,) = read_fhir(deny, lenient=True)
    assert reading.consent is not None
    assert reading.consent.provision == Provision(decision=ProvisionType.DENY)
    assert [p.path for p in reading.set_aside] == ["$.provision.provision[0].type"]


def test_lenient_reading_never_shares_more() -> None:
    """A deny whose action cannot be held covers every action; a permit that cannot be
    held is not read; a status other than active gives no consent."""
    base = to_fhir(consent(), "R5")
    deny = copy.deepcopy(base)
    deny["provision"] = [
        {
            "action": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/consentaction",
                            "code": "use",
                        }
                    ]
                }
            ]
        }
    ]
    (reading,) = read_fhir(deny, lenient=True)
    assert reading.consent is not None
    assert reading.consent.provision.exceptions[0].actions == frozenset()
    with pytest.raises(InvalidInput):
        read_fhir(deny)
    inactive = copy.deepcopy(base)
    inactive["status"] = "inactive"
    (reading,) = read_fhir(inactive, lenient=True)
    assert reading.consent is None
    assert reading.set_aside[0].path == "$.status"


def test_resolver_and_region_codes() -> None:
    """References are resolved through the caller's resolver; a region's own category
    code is read through tables it extends, while the default tables hold it as a
    security label the permit is narrowed to (issue 13)."""
    resource = load("bare-organisation-reference-r4.json")
    resource["provision"] = {
        "type": "permit",
        "securityLabel": [{"system": "urn:oid:1.2.752.29.99.1", "code": "psyk"}],
    }
    label = from_fhir(resource, resolve={"Organization/f001": REGION}.get)
    assert label.provision.categories == frozenset()
    assert label.provision.information == frozenset(
        {
            InformationSelector(
                kind=InformationKind.SECURITY_LABEL, system="urn:oid:1.2.752.29.99.1", code="psyk"
            )
        }
    )
    mine = DEFAULT_CODES.with_rows(
        CodeRow(
            table="category",
            system="urn:oid:1.2.752.29.99.1",
            code="psyk",
            term=InfoCategory.HEALTH_CARE,
            meaning=Text(sv="psykiatri", en="psychiatry"),
        )
    )
    read = from_fhir(resource, resolve={"Organization/f001": REGION}.get, codes=mine)
    assert read.provision.categories == frozenset({InfoCategory.HEALTH_CARE})


_ELEMENT = {"action": "action", "purpose": "purpose", "category": "securityLabel"}


@pytest.mark.parametrize(
    "row",
    [r for r in DEFAULT_CODES.rows() if r.table in _ELEMENT],
    ids=lambda r: f"{r.table}:{r.code}",
)
def test_each_provision_table_row_reads_as_stated(row: CodeRow) -> None:
    """Every row of the action, purpose and category tables: a permit scoped by that code
    reads to the row's term, or is refused naming the row's meaning."""
    resource = to_fhir(consent(), "R5")
    value: Any = {"system": row.system, "code": row.code}
    if row.table == "action":
        value = {"coding": [value]}
    resource["provision"] = [
        {
            "action": [
                {
                    "coding": [
                        {
                            "system": "http://terminology.hl7.org/CodeSystem/consentaction",
                            "code": "disclose",
                        }
                    ]
                }
            ]
        }
    ]
    resource["decision"] = "deny"
    resource["provision"][0][_ELEMENT[row.table]] = [value]
    if row.table == "action":
        resource["provision"][0]["action"] = [value]
    if row.term is None and row.table == "category":
        # A security label that is no category of anhorig's narrows the rule to
        # information carrying it (issue 13).
        (exception,) = from_fhir(resource).provision.exceptions
        assert exception.categories == frozenset()
        assert exception.information == frozenset(
            {
                InformationSelector(
                    kind=InformationKind.SECURITY_LABEL, system=row.system, code=row.code
                )
            }
        )
        return
    if row.term is None:
        with pytest.raises(InvalidInput) as err:
            from_fhir(resource)
        assert row.meaning.en in err.value.explain("en")
        return
    (exception,) = from_fhir(resource).provision.exceptions
    held = {
        "action": exception.actions,
        "purpose": exception.purposes,
        "category": exception.categories,
    }
    assert held[row.table] == frozenset({row.term})


@pytest.mark.parametrize(
    "row", [r for r in DEFAULT_CODES.rows() if r.table == "kind"], ids=lambda r: r.code
)
def test_each_kind_row_reads_as_stated(row: CodeRow) -> None:
    """Every row of the kind table, as an R5 category: information and general consents
    read; other kinds are refused as not about sharing; the rest name their meaning."""
    resource = to_fhir(consent(), "R5")
    resource["category"] = [{"coding": [{"system": row.system, "code": row.code}]}]
    if row.term is not None and row.term.value in ("information", "general"):
        assert from_fhir(resource) == consent()
        return
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    expected = row.meaning.en if row.term is None else "not about sharing information"
    assert expected in err.value.explain("en")


def test_every_row_has_both_languages_and_a_unique_code() -> None:
    """The tables say what each code means in Swedish and English, once per table."""
    rows = DEFAULT_CODES.rows()
    assert len({(r.table, r.system, r.code) for r in rows}) == len(rows)
    assert all(r.meaning.sv and r.meaning.en for r in rows)


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("provision", 0, "action", 0, "coding"), {"system": "x"}),
        (("provision", 0, "actor", 0, "role", "coding"), "IRCP"),
        (("provision", 0, "actor", 0, "role"), None),
        (("date",), "9999999-01-01"),
        (("period", "start"), 12),
        (("subject",), None),
        (("grantor",), {"reference": 5}),
        (("provision",), {"a": 1}),
    ],
)
def test_malformed_fhir_gives_invalid_input_with_a_path(path: tuple[Any, ...], value: Any) -> None:
    """Wrong types in codings, roles, dates and references give InvalidInput naming a
    path, never another exception."""
    resource: Any = to_fhir(consent(), "R5")
    resource["provision"] = [
        {
            "actor": [{"role": {"coding": []}, "reference": {"display": "x"}}],
            "action": [{"coding": []}],
        }
    ]
    target = resource
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    for lenient in (False, True):
        with pytest.raises(InvalidInput) as err:
            read_fhir(resource, lenient=lenient)
        assert all(p.path.startswith("$") for p in err.value.problems)


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5) | st.floats(allow_nan=False),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["coding", "reference", "system", "code", "start", "type", "x"]),
            inner,
            max_size=3,
        )
    ),
    max_leaves=8,
)


@given(st.data(), st.sampled_from(["R4", "R5"]), st.booleans())
def test_any_value_anywhere_gives_a_consent_or_invalid_input(
    data: st.DataObject, version: str, lenient: bool
) -> None:
    """Replacing any part of a written Consent by any JSON value gives a reading or an
    InvalidInput, never another exception (the fuzz test)."""
    resource: Any = to_fhir(consent(), version)  # type: ignore[arg-type]
    path = data.draw(st.sampled_from(paths(resource)[1:]))
    target = resource
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = data.draw(_json)
    problems: tuple[object, ...] = ("read",)
    try:
        read_fhir(resource, lenient=lenient)
    except InvalidInput as exc:
        problems = exc.problems
    assert problems


def test_worked_example_runs_and_reference_page_lists_every_row() -> None:
    """The worked example gives the output shown; the reference page's marker expands to
    a table holding every row of the default tables."""
    import doctest
    import os
    import sys

    root = Path(__file__).parents[2]
    cwd = os.getcwd()
    os.chdir(root)
    try:
        result = doctest.testfile(
            str(root / "docs" / "consent" / "fhir-worked-example.md"),
            module_relative=False,
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        )
    finally:
        os.chdir(cwd)
    assert result.failed == 0
    assert result.attempted > 10
    sys.path.insert(0, str(root / "docs"))
    try:
        import hooks  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    page = hooks.expand(
        (root / "docs" / "consent" / "fhir.md").read_text(encoding="utf-8"), root=root
    )
    for row in DEFAULT_CODES.rows():
        assert f"`{row.code}`" in page
        assert row.meaning.en in page


@pytest.mark.parametrize("rule", [{"coding": 1}, {"coding": "x"}, {"coding": [1]}, 5, None])
def test_a_policy_rule_of_the_wrong_shape_is_invalid_input_with_its_path(rule: object) -> None:
    """Found by the any-value-anywhere property: ``{"coding": 1}`` raised TypeError."""
    with pytest.raises(InvalidInput) as caught:
        from_fhir({"resourceType": "Consent", "status": "active", "policyRule": rule})
    assert any(path.startswith("$.policyRule") for path in caught.value.paths)


# --- what narrows a provision (issue 13) ------------------------------------------------

_CDA = InformationSelector(
    kind=InformationKind.DOCUMENT_TYPE, system="urn:ietf:bcp:13", code="application/hl7-cda+xml"
)
_NARROWED = consent(
    provision=Provision(
        decision=ProvisionType.PERMIT,
        valid_from=GIVEN,
        valid_until=GIVEN.add(years=1),
        holders=frozenset({REGION}),
        exceptions=(
            Provision(
                decision=ProvisionType.DENY,
                valid_from=GIVEN.add(months=2),
                information=frozenset(
                    {
                        _CDA,
                        InformationSelector.record("Task/example3", RecordLink.RELATED),
                        InformationSelector(
                            kind=InformationKind.RECORD,
                            system="urn:oid:1.2.3",
                            code="lab-7",
                            link=RecordLink.DEPENDENTS,
                        ),
                        InformationSelector(
                            kind=InformationKind.RESOURCE_KIND,
                            system="http://hl7.org/fhir/resource-types",
                            code="MedicationRequest",
                        ),
                        InformationSelector(
                            kind=InformationKind.CODE, system="http://loinc.org", code="34133-9"
                        ),
                        InformationSelector(
                            kind=InformationKind.SECURITY_LABEL,
                            system="http://terminology.hl7.org/CodeSystem/v3-ActCode",
                            code="PSY",
                        ),
                        InformationSelector(
                            kind=InformationKind.AUTHOR, code="Practitioner/xcda-author"
                        ),
                    }
                ),
            ),
        ),
    )
)


@pytest.mark.parametrize("version", ["R4", "R5"])
def test_narrowed_provisions_are_written_and_read_back(version: str) -> None:
    """Time, custodian and every kind of information are written as FHIR says them (R4's
    root period is the consent's, so the root's own is an extension; R4 has no
    documentType, so a document type is a marked ``class``) and read back the same."""
    resource = to_fhir(_NARROWED, version)  # type: ignore[arg-type]
    assert from_fhir(resource) == _NARROWED
    if version == "R4":
        FhirR4BConsent.model_validate(resource)
        root = resource["provision"]
        assert root["extension"][0]["valuePeriod"]["start"] == GIVEN.isoformat()
        inner = root["provision"][0]
        (marked,) = [c for c in inner["class"] if "extension" in c]
        assert marked["code"] == "application/hl7-cda+xml"
    else:
        FhirR5Consent.model_validate(resource)
        root = resource["provision"][0]
        assert root["period"]["start"] == GIVEN.isoformat()
        inner = root["provision"][0]
        assert inner["documentType"] == [
            {"system": "urn:ietf:bcp:13", "code": "application/hl7-cda+xml"}
        ]
    roles = sorted(a["role"]["coding"][0]["code"] for a in root["actor"] + inner["actor"])
    assert roles == ["AUT", "CST"]
    assert {d["meaning"] for d in inner["data"]} == {"related", "dependents"}


def test_a_date_only_end_covers_the_whole_day_for_a_deny_only() -> None:
    """FHIR counts a date-only end's whole day in: a deny is read to the next midnight, a
    permit to that day's midnight (the narrower reading)."""
    resource = to_fhir(consent(), "R5")
    resource["provision"] = [{"period": {"start": "2026-04-01", "end": "2026-04-30"}}]
    (deny,) = from_fhir(resource).provision.exceptions
    assert deny.valid_until is not None
    assert deny.valid_until.date().isoformat() == "2026-05-01"
    resource["decision"] = "deny"
    (permit,) = from_fhir(resource).provision.exceptions
    assert permit.valid_until is not None
    assert permit.valid_until.date().isoformat() == "2026-04-30"


@pytest.mark.parametrize(
    ("element", "value", "path"),
    [
        ("data", [{"meaning": "nearby", "reference": {"reference": "Task/1"}}], "data[0].meaning"),
        ("data", [{"meaning": "instance"}], "data[0].reference"),
        ("data", [{"meaning": "instance", "reference": {"display": "x"}}], "data[0].reference"),
        ("resourceType", [{"code": "Task"}], "resourceType[0]"),
        ("documentType", "x", "documentType"),
        ("period", {"start": "2026-05-01", "end": "2026-04-01"}, "valid_until"),
        (
            "actor",
            [
                {
                    "role": {
                        "coding": [
                            {
                                "system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                "code": "CST",
                            }
                        ]
                    },
                    "reference": 5,
                }
            ],
            "actor[0].reference",
        ),
    ],
)
def test_broken_narrowing_is_refused_with_a_path(element: str, value: Any, path: str) -> None:
    resource = to_fhir(consent(), "R5")
    resource["provision"] = [{element: value}]
    for lenient in (False, True):
        with pytest.raises(InvalidInput) as err:
            read_fhir(resource, lenient=lenient)
        assert any(p.path.endswith(path) for p in err.value.problems), err.value.paths


@pytest.mark.parametrize(
    "row", [r for r in DEFAULT_CODES.rows() if r.table == "sector"], ids=lambda r: r.code
)
def test_each_sector_row_reads_as_stated(row: CodeRow) -> None:
    """Every row of the sector table, as an Organization's type: the consent's
    organisation gets the row's sector, or the refusal says what the type does mean."""
    resource = load("bare-organisation-reference-r4.json")
    organization = {
        "resourceType": "Organization",
        "id": "f001",
        "name": "Region Sörmland",
        "extension": [
            {
                "url": "https://anhorig.invalid/fhir/StructureDefinition/principal",
                "valueCode": "region",
            }
        ],
        "type": [{"coding": [{"system": row.system, "code": row.code}]}],
    }
    if row.term is None:
        with pytest.raises(InvalidInput) as err:
            from_fhir(resource, resolve={"Organization/f001": organization}.get)
        assert f"the type says only: {row.meaning.en}" in err.value.explain("en")
        assert f"typen säger bara: {row.meaning.sv}" in err.value.explain("sv")
        return
    read = from_fhir(resource, resolve={"Organization/f001": organization}.get)
    assert read.obtained_by.sector is row.term


@pytest.mark.parametrize(
    ("coding", "bad"),
    [
        ({"system": "http://terminology.hl7.org/CodeSystem/organization-type", "code": 7}, "code"),
        ({"system": ["x"], "code": "prov"}, "system"),
    ],
)
def test_a_type_code_that_is_not_text_is_named_not_passed_over(
    coding: dict[str, Any], bad: str
) -> None:
    """The extensions give the organisation's principal and sector, so the type is not
    needed; a malformed coding in it is still refused with its path, strict or lenient."""
    resource = load("bare-organisation-reference-r4.json")
    ext = "https://anhorig.invalid/fhir/StructureDefinition/"
    organization = {
        "resourceType": "Organization",
        "id": "f001",
        "name": "Region Sörmland",
        "extension": [
            {"url": ext + "principal", "valueCode": "region"},
            {"url": ext + "sector", "valueCode": "health_care"},
        ],
        "type": [{"coding": [coding]}],
    }
    for lenient in (False, True):
        with pytest.raises(InvalidInput) as err:
            read_fhir(resource, resolve={"Organization/f001": organization}.get, lenient=lenient)
        assert any(p.path.endswith(f"type[0].coding[0].{bad}") for p in err.value.problems), (
            err.value.paths
        )
    organization.pop("type")
    assert read_fhir(resource, resolve={"Organization/f001": organization}.get)
