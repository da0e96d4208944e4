"""What a consent holds beyond its provisions, and the meanings read from other systems'
FHIR: correction (*rätta*), care in an emergency, business identifiers, grantees and
whom the consent was checked with."""

from __future__ import annotations

import json

import attrs
import pytest
from fhir.resources.auditevent import AuditEvent as FhirR5AuditEvent
from fhir.resources.R4B.auditevent import AuditEvent as FhirR4BAuditEvent

from anhorig.consent import (
    Action,
    AuditRecord,
    Circumstance,
    Consent,
    Evidence,
    EvidenceForm,
    Identifier,
    Outcome,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    evaluate,
)
from anhorig.consent.fhir import audit_event, from_fhir, to_fhir
from anhorig.errors import InvalidInput
from anhorig.serialization import from_json, to_json
from tests.consent.consent_scenario import (
    ANNA,
    DOCUMENTED,
    EVA,
    GIVEN,
    REGION,
    TOWN,
    consent,
    request,
    to_eva,
)

TO_REGION = Recipient.of_organisation(REGION)


def _codes(decision: object) -> set[str]:
    return {b.code for b in decision.basis}  # type: ignore[attr-defined]


# --- correction (rätta) --------------------------------------------------------------


def test_correction_without_a_consent_has_no_basis() -> None:
    """Deny by default: no consent, no basis; an asserted emergency lets health care
    access, never correct."""
    alone = evaluate(request(action=Action.CORRECT), [])
    assert alone.outcome is Outcome.NOT_APPLICABLE
    assert _codes(alone) == {"CONSENT-NO-BASIS"}
    emergency = request(
        action=Action.CORRECT,
        purpose=Purpose.EMERGENCY_CARE,
        circumstances=frozenset({Circumstance.EMERGENCY}),
    )
    assert evaluate(emergency, []).outcome is Outcome.NOT_APPLICABLE


def test_correction_goes_only_where_a_provision_covers_it() -> None:
    """A permit naming correction (or naming no action: any) lets it through; one naming
    only disclosure and access does not."""
    named = consent(
        provision=Provision(decision=ProvisionType.PERMIT, actions=frozenset({Action.CORRECT}))
    )
    assert evaluate(request(action=Action.CORRECT), [named]).outcome is Outcome.PERMIT
    other = consent(
        provision=Provision(
            decision=ProvisionType.PERMIT, actions=frozenset({Action.DISCLOSE, Action.ACCESS})
        )
    )
    assert evaluate(request(action=Action.CORRECT), [other]).outcome is Outcome.NOT_APPLICABLE
    assert evaluate(request(action=Action.CORRECT), [consent()]).outcome is Outcome.PERMIT


def test_a_deny_of_correction_is_held_and_explained() -> None:
    """HL7's notOrg in anhorig's words: permit, except the region may neither access nor
    correct. Disclosure to the region still goes; correction by it is denied, and the
    receipt and the journal line say so in both languages."""
    refused = consent(
        provision=Provision(
            decision=ProvisionType.PERMIT,
            exceptions=(
                Provision(
                    decision=ProvisionType.DENY,
                    actions=frozenset({Action.ACCESS, Action.CORRECT}),
                    recipients=frozenset({TO_REGION}),
                ),
            ),
        )
    )
    assert evaluate(request(), [refused]).outcome is Outcome.PERMIT
    asked = request(action=Action.CORRECT)
    decision = evaluate(asked, [refused])
    assert decision.outcome is Outcome.DENY
    assert _codes(decision) == {"CONSENT-DENY"}
    assert "rätta uppgifterna" in refused.receipt("sv")
    assert "correct the information" in refused.receipt("en")
    record = AuditRecord.of(asked, decision)
    assert "rätta uppgifterna" in record.journal_text("sv")
    assert "correct the information" in record.journal_text("en")
    for version, model in (("R4", FhirR4BAuditEvent), ("R5", FhirR5AuditEvent)):
        event = audit_event(record, version)  # type: ignore[arg-type]
        model.model_validate(event)
        assert event["action"] == "U"  # an update of the record, not an execution


def test_the_holder_correcting_its_own_records_crosses_no_boundary() -> None:
    """Within the authority's own branch no secrecy boundary is crossed (OSL 8:1–2), so
    correction by the holder itself needs no consent."""
    own = request(action=Action.CORRECT, recipient=Recipient.of_organisation(TOWN))
    assert _codes(evaluate(own, [])) == {"CONSENT-WITHIN-AUTHORITY"}


# --- care in an emergency --------------------------------------------------------------


def test_care_in_an_emergency_is_a_purpose_the_emergency_basis_accepts() -> None:
    """Health care's access for care in an emergency, with the emergency asserted, rests
    on the emergency basis and must be recorded; without the assertion there is none."""
    asked = request(
        action=Action.ACCESS,
        category=request().category.root,
        holder=TOWN,
        recipient=TO_REGION,
        purpose=Purpose.EMERGENCY_CARE,
        circumstances=frozenset({Circumstance.EMERGENCY}),
    )
    decision = evaluate(asked, [])
    assert decision.outcome is Outcome.PERMIT
    assert _codes(decision) == {"CONSENT-EMERGENCY"}
    assert evaluate(attrs.evolve(asked, circumstances=frozenset()), []).outcome is (
        Outcome.NOT_APPLICABLE
    )


def test_a_permit_for_emergency_care_does_not_cover_ordinary_care() -> None:
    """EMRGONLY read: a permit of access for care in an emergency does not let ordinary
    care and treatment through."""
    only = consent(
        obtained_by=REGION,
        provision=Provision(
            decision=ProvisionType.PERMIT,
            actions=frozenset({Action.ACCESS}),
            purposes=frozenset({Purpose.EMERGENCY_CARE}),
        ),
    )
    asked = request(action=Action.ACCESS, recipient=TO_REGION, purpose=Purpose.EMERGENCY_CARE)
    assert evaluate(asked, [only]).outcome is Outcome.PERMIT
    ordinary = attrs.evolve(asked, purpose=Purpose.CARE_AND_TREATMENT)
    assert evaluate(ordinary, [only]).outcome is Outcome.NOT_APPLICABLE


# --- grantees ------------------------------------------------------------------------


def test_grantees_narrow_the_permits_never_the_denies() -> None:
    """A consent granted to Eva permits giving to Eva only; its deny still holds for
    everyone it names."""
    granted = attrs.evolve(consent(), grantees=frozenset({to_eva()}))
    assert evaluate(request(recipient=to_eva()), [granted]).outcome is Outcome.PERMIT
    elsewhere = evaluate(request(), [granted])
    assert elsewhere.outcome is Outcome.NOT_APPLICABLE
    (why,) = [r for r in elsewhere.reasons if r.code == "CONSENT-NOT-GRANTEE"]
    assert why.path == f"consents[{granted.id}]"
    assert "ges bara till E. K. (anhörig/närstående); Region Sörmland" in why.message.sv
    assert "is not among them" in why.message.en
    assert (
        "Anna" not in why.message.sv + why.message.en
    )  # the subject's and recipients' names stay masked
    assert "CONSENT-NOT-GRANTEE" not in {
        r.code for r in evaluate(request(recipient=to_eva()), [granted]).reasons
    }
    refusing = attrs.evolve(
        consent(
            provision=Provision(decision=ProvisionType.DENY, recipients=frozenset({TO_REGION}))
        ),
        grantees=frozenset({to_eva()}),
    )
    assert evaluate(request(), [refusing]).outcome is Outcome.DENY
    assert "Samtycket ges bara till: E. K." in granted.receipt("sv")
    assert "The consent is given only to: E. K." in granted.receipt("en")


# --- identifiers and verification ----------------------------------------------------


def _full() -> Consent:
    return attrs.evolve(
        consent(),
        identifiers=(Identifier(system="urn:oid:1.2.752.29.4.19", value="SAMT-2026-0042"),),
        grantees=frozenset({to_eva()}),
        evidence=attrs.evolve(DOCUMENTED, verified_with=EVA),
    )


def test_new_fields_round_trip_through_json_and_fhir() -> None:
    """Identifiers, grantees and whom it was checked with survive JSON and both FHIR
    versions; R5 writes grantee, R4 anhorig's grantees extension."""
    full = _full()
    assert from_json(Consent, to_json(full)) == full
    for version in ("R4", "R5"):
        resource = json.loads(json.dumps(to_fhir(full, version)))
        assert resource["identifier"] == [
            {"system": "urn:oid:1.2.752.29.4.19", "value": "SAMT-2026-0042"}
        ]
        assert ("grantee" in resource) is (version == "R5")
        assert from_fhir(resource) == full


def test_new_fields_are_masked_and_explained() -> None:
    """The person checked with is masked in the repr and the receipt; a personnummer
    used as an identifier value is masked too."""
    full = attrs.evolve(
        _full(), identifiers=(Identifier(system="urn:oid:1.2", value="19391225-0028"),)
    )
    for shown in (repr(full), full.receipt("sv"), full.receipt("en")):
        assert "Eva Karlsson" not in shown
        assert "0028" not in shown
    assert "kontrollerat med E. K." in full.receipt("sv")
    assert "checked with E. K." in full.receipt("en")
    assert "Samtyckets nummer: 19391225-**** (urn:oid:1.2)." in full.receipt("sv")


@pytest.mark.parametrize(
    ("identifier", "paths"),
    [
        ({"system": "urn oid", "value": "1"}, {"$.identifiers[0].system"}),
        ({"system": "urn:oid:1", "value": "  "}, {"$.identifiers[0].value"}),
        ({"system": "urn:oid:1"}, {"$.identifiers[0].value"}),
        ({"system": "urn:oid:1", "value": "1", "use": "official"}, {"$.identifiers[0].use"}),
    ],
)
def test_bad_identifiers_are_refused_with_their_paths(
    identifier: dict[str, object], paths: set[str]
) -> None:
    data = json.loads(to_json(consent()))
    data["identifiers"] = [identifier]
    with pytest.raises(InvalidInput) as err:
        from_json(Consent, json.dumps(data))
    assert {p.path for p in err.value.problems} == paths


def test_identifier_and_verification_read_from_fhir_name_bad_paths() -> None:
    """A FHIR identifier without a system, or with a use anhorig does not hold, and a
    verifiedWith that cannot be resolved are refused at their paths."""
    resource = to_fhir(consent(), "R5")
    resource["identifier"] = [{"value": "1"}, {"system": "urn:oid:1", "value": "2", "use": "old"}]
    resource["verification"] = [
        {
            "verified": True,
            "verifiedBy": {"reference": "Organization/x"},
            "verifiedWith": {"reference": "RelatedPerson/nobody"},
        }
    ]
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    paths = {p.path for p in err.value.problems}
    assert {
        "$.identifier[0].system",
        "$.identifier[1].use",
        "$.verification[0].verifiedWith",
    } <= paths


def test_evidence_checked_with_someone_round_trips_alone() -> None:
    evidence = Evidence(form=EvidenceForm.WRITTEN, verified_with=ANNA, documented_at=GIVEN)
    assert from_json(Evidence, to_json(evidence)) == evidence
    assert "0028" not in repr(evidence)


# --- limits from the category, and contact roles, read from FHIR ---------------------

ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"


def _limited(code: str, provision: Provision) -> Consent:
    resource = to_fhir(consent(provision=provision), "R5")
    resource["category"] = [{"coding": [{"system": ACT_CODE, "code": code}]}]
    return from_fhir(resource)


def test_access_only_narrows_every_permit_to_access() -> None:
    """INFAO: an unscoped permit becomes a permit to access; a deny inside it is kept;
    a permit of disclosure alone is left covering nothing, so it goes."""
    deny_eva = Provision(decision=ProvisionType.DENY, recipients=frozenset({to_eva()}))
    read = _limited("INFAO", Provision(decision=ProvisionType.PERMIT, exceptions=(deny_eva,)))
    assert read.provision.actions == {Action.ACCESS}
    assert read.provision.exceptions == (deny_eva,)
    disclose_only = Provision(
        decision=ProvisionType.DENY,
        exceptions=(
            Provision(decision=ProvisionType.PERMIT, actions=frozenset({Action.DISCLOSE})),
        ),
    )
    assert _limited("INFAO", disclose_only).provision == Provision(decision=ProvisionType.DENY)


def test_emergency_only_turns_care_into_care_in_an_emergency() -> None:
    """EMRGONLY: a permit for care and treatment becomes access for care in an emergency;
    one for informing a relative covers nothing in an emergency only, so it goes."""
    care = Provision(
        decision=ProvisionType.DENY,
        exceptions=(
            Provision(
                decision=ProvisionType.PERMIT,
                purposes=frozenset({Purpose.CARE_AND_TREATMENT, Purpose.INFORMING_RELATIVE}),
            ),
        ),
    )
    (permit,) = _limited("EMRGONLY", care).provision.exceptions
    assert permit.actions == {Action.ACCESS}
    assert permit.purposes == {Purpose.EMERGENCY_CARE}
    relative = attrs.evolve(
        care,
        exceptions=(
            attrs.evolve(care.exceptions[0], purposes=frozenset({Purpose.INFORMING_RELATIVE})),
        ),
    )
    assert _limited("EMRGONLY", relative).provision.exceptions == ()


@pytest.mark.parametrize(
    ("code", "capacity", "outcome"),
    [("C", "emergency_contact", Outcome.NOT_APPLICABLE), ("N", "relative", Outcome.NOT_APPLICABLE)],
)
def test_contact_roles_are_the_grantors_capacity(
    code: str, capacity: str, outcome: Outcome
) -> None:
    """v2-0131 on the grantor's RelatedPerson: C (emergency contact) and N (next of kin)
    are held as the capacity, and neither may waive the person's secrecy."""
    resource = to_fhir(consent(), "R5")
    resource["grantor"] = [{"reference": "#peter"}]
    resource["contained"] = [
        {
            "resourceType": "RelatedPerson",
            "id": "peter",
            "name": [{"text": "Per Öberg"}],
            "relationship": [
                {
                    "coding": [
                        {"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": code}
                    ]
                }
            ],
        }
    ]
    read = from_fhir(resource)
    assert read.grantor.capacity.value == capacity
    decision = evaluate(request(), [read])
    assert decision.outcome is outcome
    assert "CONSENT-NO-AUTHORITY" in {r.code for r in decision.reasons}
