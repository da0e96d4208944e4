"""The FHIR mapping on examples: real HL7-shaped resources, and what cannot be mapped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.consent import Consent as FhirR5Consent
from fhir.resources.R4B.consent import Consent as FhirR4BConsent

from anhorig.consent import (
    Action,
    ChildOpinion,
    ChildView,
    Grantor,
    GrantorCapacity,
    Organisation,
    Outcome,
    Principal,
    Provision,
    ProvisionType,
    Recipient,
    Sector,
    evaluate,
)
from anhorig.consent.fhir import EXTENSION, from_fhir, to_fhir
from anhorig.errors import InvalidInput
from tests.consent.consent_scenario import ANNA, GIVEN, LISA, PER, REGION, consent, request

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(
    "name", ["bare-organisation-reference-r4.json", "bare-organisation-reference-r5.json"]
)
def test_bare_organisation_reference_needs_a_resolver_and_reads_with_it(name: str) -> None:
    """A consent shaped like HL7's 'basic' example (written here, not copied) is valid
    FHIR. Its organisation is a bare reference, so without a resolver reading names what
    is missing; with one it reads. HL7's own examples are read in
    test_consent_fhir_examples.py from ANHORIG_FHIR_EXAMPLES."""
    resource = load(name)
    model = FhirR4BConsent if "r4" in name else FhirR5Consent
    model.model_validate(resource)
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    key = "organization" if "r4" in name else "controller"
    assert {f"$.{key}[0].display", f"$.{key}[0]"} <= set(err.value.paths)
    assert "the principal is not known" in err.value.explain("en")
    if "r5" in name:
        return  # the R5 one also holds an "access only" basis and a nested period
    read = from_fhir(resource, resolve={"Organization/f001": REGION}.get)
    assert read.obtained_by == REGION
    assert read.evidence is not None
    assert read.evidence.document_ref == "Samtyckesblankett, undertecknad."


def test_mappable_r4_example_reads_and_is_decided() -> None:
    """An opt-out-except-access R4 consent reads back, round-trips, and being
    undocumented does not permit anything (the decision says why)."""
    resource = load("opt-out-except-region-r4.json")
    FhirR4BConsent.model_validate(resource)
    read = from_fhir(resource)
    assert read.subject == ANNA
    assert read.grantor.capacity is GrantorCapacity.SELF
    assert read.provision.decision is ProvisionType.DENY
    assert read.provision.exceptions[0].actions == frozenset({Action.ACCESS})
    assert read.obtained_by == REGION
    assert from_fhir(to_fhir(read, "R4")) == read
    decision = evaluate(request(action=Action.ACCESS, at=GIVEN.add(days=3)), (read,))
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-UNDOCUMENTED" in {r.code for r in decision.reasons}


def test_custodian_consent_with_childs_view_round_trips() -> None:
    """The grantor's capacity and the child's view travel in extensions, both versions."""
    given = consent(
        subject=LISA,
        grantor=Grantor(
            person=PER,
            capacity=GrantorCapacity.CUSTODIAN,
            child_view=ChildView(opinion=ChildOpinion.OBJECTS, recorded_at=GIVEN, note="vill inte"),
        ),
    )
    for version in ("R4", "R5"):
        assert from_fhir(to_fhir(given, version)) == given


def test_another_principal_round_trips() -> None:
    """Principal.OTHER (new with the core vocabulary) travels like the others: as the
    obtaining organisation's principal and as a recipient 'any other principal'."""
    agency = Organisation(
        id="fk-1", name="Försäkringskassan", principal=Principal.OTHER, sector=Sector.OTHER
    )
    given = consent(
        obtained_by=agency,
        provision=Provision(
            decision=ProvisionType.DENY,
            exceptions=(
                Provision(
                    decision=ProvisionType.PERMIT,
                    recipients=frozenset(
                        {
                            Recipient.any_of_principal(Principal.OTHER),
                            Recipient.of_organisation(agency),
                        }
                    ),
                ),
            ),
        ),
    )
    for version in ("R4", "R5"):
        resource = to_fhir(given, version)
        principal = json.dumps({"url": EXTENSION + "principal", "valueCode": "other"})
        # The obtainer, the same organisation as a recipient, and "any other principal".
        assert json.dumps(resource).count(principal) == 3
        assert from_fhir(resource) == given


def test_what_cannot_be_mapped_is_named() -> None:
    """Unknown elements, codes and statuses are refused with their paths, all at once."""
    resource = to_fhir(consent(), "R4")
    resource["status"] = "inactive"
    resource["verification"] = [{"verified": True}]
    resource["provision"]["action"] = [
        {
            "coding": [
                {"system": "http://terminology.hl7.org/CodeSystem/consentaction", "code": "use"}
            ]
        }
    ]
    resource["provision"]["code"] = [{"text": "lab results"}]
    resource["extension"].append({"url": "http://example.org/other", "valueString": "x"})
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    paths = set(err.value.paths)
    assert {
        "$.status",
        "$.verification[0].verified",
        "$.provision.action[0].coding[0]",
        "$.provision.code[0]",  # text only: what it means cannot be read
        "$.extension[1]",
    } <= paths


def test_nested_provisions_must_alternate() -> None:
    """An R4 exception with the same type as its parent is refused, naming it."""
    resource = to_fhir(consent(), "R4")
    resource["provision"]["provision"] = [{"type": "permit"}]
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    assert "$.provision.provision[0].type" in err.value.paths


def test_scoped_base_in_r5_is_marked() -> None:
    """R5 has no scope on the base decision, so a scoped base is written as its own
    exception and marked; without the mark it would mean something else."""
    given = consent()
    scoped = consent(
        provision=given.provision.__class__(
            decision=ProvisionType.PERMIT, actions=frozenset({Action.DISCLOSE})
        )
    )
    resource = to_fhir(scoped, "R5")
    assert resource["decision"] == "deny"
    assert {"url": EXTENSION + "scoped-base", "valueBoolean": True} in resource["extension"]
    assert from_fhir(resource) == scoped
    assert to_fhir(given, "R5")["decision"] == "permit"


def test_bad_arguments() -> None:
    """to_fhir refuses a non-consent and an unknown version; from_fhir a non-object."""
    with pytest.raises(InvalidInput):
        to_fhir("x")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        to_fhir(consent(), "R6")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        from_fhir([])  # type: ignore[arg-type]
