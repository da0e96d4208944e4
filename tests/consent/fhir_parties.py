"""The people and organisations HL7's Consent examples refer to, as a test resolver.

The examples refer to Patient/f001, Organization/f001 and so on without carrying them;
a system reading them would look them up. These stand-ins are ours: the names follow
the HL7 example set, principal and sector are our choice (anhorig needs them).
"""

from __future__ import annotations

from typing import Any

from anhorig.consent.fhir import Resolved
from anhorig.consent.model import Organisation, Principal, Sector

BURGERS = Organisation(
    id="f001",
    name="Burgers University Medical Center",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
ARTIS = Organisation(
    id="f201",
    name="Artis University Medical Center",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
BRONSIG = Organisation(
    id="f203", name="Bronsig Hospital", principal=Principal.REGION, sector=Sector.HEALTH_CARE
)
ARTIS = Organisation(
    id="f201",
    name="Artis University Medical Center",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
GOOD_HEALTH = Organisation(
    id="2.16.840.1.113883.19.5",
    name="Good Health Clinic",
    principal=Principal.PRIVATE_PROVIDER,
    sector=Sector.HEALTH_CARE,
)


def _person(kind: str, id_: str, name: str, **more: Any) -> dict[str, Any]:
    return {"resourceType": kind, "id": id_, "name": [{"text": name}], **more}


PARTIES: dict[str, Resolved] = {
    "Organization/f001": BURGERS,
    "Organization/f201": ARTIS,
    "Organization/f203": BRONSIG,
    "Organization/2.16.840.1.113883.19.5": GOOD_HEALTH,
    "Patient/f001": _person("Patient", "f001", "Pieter van de Heuvel"),
    "Patient/xcda": _person("Patient", "xcda", "Henry Levin"),
    "Patient/72": _person("Patient", "72", "Patient Seventytwo"),
    "Patient/example": _person("Patient", "example", "Peter James Chalmers"),
    "Patient/pat1": _person("Patient", "pat1", "Pat One"),
    "Patient/pat2": _person("Patient", "pat2", "Pat Two"),
    "Patient/mom": _person("Patient", "mom", "Eve Everywoman"),
    "Patient/f201": _person("Patient", "f201", "Roel"),
    "RelatedPerson/peter": _person(
        "RelatedPerson",
        "peter",
        "Peter Chalmers",
        relationship=[
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0131", "code": "C"}]}
        ],
    ),
    "RelatedPerson/benedicte": _person(
        "RelatedPerson",
        "benedicte",
        "Bénédicte du Marché",
        relationship=[
            {
                "coding": [
                    {"system": "http://terminology.hl7.org/CodeSystem/v3-RoleCode", "code": "WIFE"}
                ]
            }
        ],
    ),
    "Practitioner/f204": _person("Practitioner", "f204", "Carla Espinosa"),
    "Practitioner/13": _person("Practitioner", "13", "Practitioner Thirteen"),
    "Practitioner/f007": _person("Practitioner", "f007", "Simone Heps"),
    "Practitioner/xcda-author": _person("Practitioner", "xcda-author", "Harold Hippocrates"),
    "Practitioner/f001": _person("Practitioner", "f001", "Eric van den Broek"),
}


def resolve(reference: str) -> Resolved | None:
    """The stand-in for ``reference``, if there is one."""
    return PARTIES.get(reference)
