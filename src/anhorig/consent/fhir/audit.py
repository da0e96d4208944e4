"""A decision's audit record as a FHIR ``AuditEvent`` (R4/R4B or R5) (*loggpost som FHIR*).

Systems that log disclosures expect an AuditEvent: who (the holder, the observer),
to or from whom (the recipient), about whom (the patient), what (action, category,
purpose), when, the outcome, and the consents the decision rests on.

References:
    - HL7 FHIR AuditEvent R4, https://hl7.org/fhir/R4/auditevent.html
    - HL7 FHIR AuditEvent R5, https://hl7.org/fhir/R5/auditevent.html
    - DICOM audit event IDs 110106 *Export*, 110107 *Import*, 110110 *Patient Record*.
"""

from __future__ import annotations

from typing import Any

from anhorig.consent.audit import AuditRecord
from anhorig.consent.fhir._names import ACTIONS, CODE_SYSTEM, ENUM_SYSTEMS, PARTICIPATION
from anhorig.consent.fhir._write import (
    IDENTIFIER_SYSTEMS,
    FhirVersion,
    IdentifierSystems,
    org_ref,
    person_ref,
)
from anhorig.consent.model import Action, Recipient
from anhorig.errors import InvalidInput

__all__ = ["audit_event"]

DICOM = "http://dicom.nema.org/resources/ontology/DCM"
_EVENT = {
    Action.DISCLOSE: ("110106", "Export"),
    Action.COLLECT: ("110107", "Import"),
    Action.ACCESS: ("110110", "Patient Record"),
    Action.CORRECT: ("110110", "Patient Record"),
}
_ACTION = {Action.CORRECT: "U"}
"""The AuditEvent action of a request: an update for a correction, else execute."""
OUTCOME = "http://terminology.hl7.org/CodeSystem/audit-event-outcome"
OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role"
ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type"


def _recipient_ref(recipient: Recipient, systems: tuple[str, str]) -> dict[str, Any]:
    if recipient.person is not None:
        return person_ref(recipient.person, systems)
    if recipient.organisation is not None:
        return org_ref(recipient.organisation)
    return {"display": recipient.describe("en")}


def audit_event(
    record: AuditRecord,
    version: FhirVersion = "R5",
    *,
    identifiers: IdentifierSystems = "oid",
) -> dict[str, Any]:
    """``record`` (a request and its decision) as a FHIR ``AuditEvent`` of ``version``."""
    if not isinstance(record, AuditRecord):
        raise InvalidInput.at(
            "record",
            sv=f"väntade AuditRecord, fick {type(record).__name__}",
            en=f"expected AuditRecord, got {type(record).__name__}",
        )
    if version not in ("R4", "R5"):
        raise InvalidInput.at(
            "version",
            sv=f"okänd FHIR-version {version!r}; välj 'R4' eller 'R5'",
            en=f"unknown FHIR version {version!r}; choose 'R4' or 'R5'",
        )
    if identifiers not in IDENTIFIER_SYSTEMS:
        raise InvalidInput.at(
            "identifiers",
            sv="välj 'oid' eller 'hl7se'",
            en="choose 'oid' or 'hl7se'",
        )
    systems = IDENTIFIER_SYSTEMS[identifiers]
    request, decision = record.request, record.decision
    code, display = _EVENT[request.action]
    event = {"system": DICOM, "code": code, "display": display}
    subtype = {"system": ACTIONS, "code": request.action.value}
    purpose = {
        "system": CODE_SYSTEM + ENUM_SYSTEMS[type(request.purpose)],
        "code": request.purpose.value,
    }
    category = {
        "system": CODE_SYSTEM + ENUM_SYSTEMS[type(request.category)],
        "code": request.category.value,
    }
    outcome_code = "0" if decision.permitted else "4"
    journal = record.journal_text("en")
    holder = org_ref(request.holder)
    recipient = _recipient_ref(request.recipient, systems)
    recipient_role = {"coding": [{"system": PARTICIPATION, "code": "IRCP"}]}
    patient = person_ref(request.subject, systems)
    consents = [{"what": {"reference": f"Consent/{cid}"}} for cid in decision.consent_ids]
    when = request.at.isoformat()
    resource: dict[str, Any] = {
        "resourceType": "AuditEvent",
        "action": _ACTION.get(request.action, "E"),
        "recorded": when,
    }
    if version == "R4":
        resource["type"] = event
        resource["subtype"] = [subtype]
        resource["outcome"] = outcome_code
        resource["outcomeDesc"] = journal
        resource["purposeOfEvent"] = [{"coding": [purpose]}]
        resource["agent"] = [
            {"who": holder, "requestor": False},
            {"type": recipient_role, "who": recipient, "requestor": True},
        ]
        resource["source"] = {"observer": holder}
        resource["entity"] = [
            {
                "what": patient,
                "type": {"system": ENTITY_TYPE, "code": "1"},
                "role": {"system": OBJECT_ROLE, "code": "1"},
                "securityLabel": [category],
            },
            *({**c, "type": {"system": ENTITY_TYPE, "code": "2"}} for c in consents),
        ]
    else:
        resource["category"] = [{"coding": [event]}]
        resource["code"] = {"coding": [subtype]}
        resource["occurredDateTime"] = when
        resource["outcome"] = {
            "code": {"system": OUTCOME, "code": outcome_code},
            "detail": [{"text": journal}],
        }
        resource["authorization"] = [{"coding": [purpose]}]
        resource["patient"] = patient
        resource["agent"] = [
            {"who": holder, "requestor": False},
            {"role": [recipient_role], "who": recipient, "requestor": True},
        ]
        resource["source"] = {"observer": holder}
        resource["entity"] = [
            {
                "what": patient,
                "role": {"coding": [{"system": OBJECT_ROLE, "code": "1"}]},
                "securityLabel": [{"coding": [category]}],
            },
            *consents,
        ]
    return resource
