"""Shared synthetic people, organisations and builders for the consent tests."""

from __future__ import annotations

from datetime import date
from typing import Any

import pendulum

from anhorig.consent import (
    Action,
    AuditRecord,
    Consent,
    Decision,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    InfoCategory,
    Organisation,
    Principal,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientRole,
    Sector,
)
from anhorig.people import Person, PersonId
from anhorig.time import local

ANNA = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
"""An adult (synthetic number)."""
EVA = Person(name="Eva Karlsson", birth_date=date(1968, 4, 9))
"""Anna's daughter, known without a personnummer."""
NILS = Person(name="Nils Berg", birth_date=date(1950, 2, 2))
"""A neighbour."""
LISA = Person(id=PersonId.parse("20150310-0008"), name="Lisa Öberg")
"""A child, born 2015-03-10."""
PER = Person(name="Per Öberg", birth_date=date(1982, 7, 1))
"""Lisa's father and custodian."""

TOWN = Organisation(
    id="kommun-0480-son",
    name="Socialnämnden i Nyköping",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)
TOWN_HEALTH = Organisation(
    id="kommun-0480-hsl",
    name="Kommunal hälso- och sjukvård",
    principal=Principal.MUNICIPALITY,
    sector=Sector.HEALTH_CARE,
)
REGION = Organisation(
    id="region-sormland",
    name="Region Sörmland",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
GIVEN = local(2026, 3, 2, 10)
DOCUMENTED = Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17", documented_at=GIVEN)


def consent(
    id: str = "c-1",
    *,
    subject: Person = ANNA,
    grantor: Grantor | None = None,
    obtained_by: Organisation = TOWN,
    provision: Provision | None = None,
    evidence: Evidence | None = DOCUMENTED,
    given_at: pendulum.DateTime = GIVEN,
    valid_until: pendulum.DateTime | None = None,
) -> Consent:
    """A consent with sensible defaults: Anna's own, documented, permitting everything."""
    return Consent(
        id=id,
        subject=subject,
        grantor=grantor or Grantor(person=subject, capacity=GrantorCapacity.SELF),
        obtained_by=obtained_by,
        given_at=given_at,
        evidence=evidence,
        provision=provision or Provision(decision=ProvisionType.PERMIT),
        valid_until=valid_until,
    )


def request(**changes: Any) -> DisclosureRequest:
    """The municipality disclosing Anna's home care to the region for a SIP, in May 2026."""
    fields: dict[str, Any] = {
        "subject": ANNA,
        "action": Action.DISCLOSE,
        "category": InfoCategory.SOCIAL_HOME_CARE,
        "holder": TOWN,
        "recipient": Recipient.of_organisation(REGION),
        "purpose": Purpose.SIP,
        "at": local(2026, 5, 4, 9, 30),
    }
    fields.update(changes)
    return DisclosureRequest(**fields)


def to_eva() -> Recipient:
    """Eva, as a relative."""
    return Recipient.of_person(EVA, role=RecipientRole.RELATIVE)


def said(decision: Decision, request: DisclosureRequest) -> tuple[object, ...]:
    """Everything a decision says, read now: what two ways of deciding must agree on."""
    audit = AuditRecord.of(request, decision)
    return (
        decision.outcome,
        decision.basis,
        decision.obligations,
        decision.reasons,
        decision.consent_ids,
        decision.assessment_ids,
        decision.explain("sv"),
        decision.explain("en"),
        audit.journal_text("sv"),
        audit.journal_text("en"),
        repr(decision),
    )
