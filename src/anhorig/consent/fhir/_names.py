"""The URLs and code systems the FHIR mapping writes and reads."""

from __future__ import annotations

from anhorig.consent.fhir.codes import (
    ACT_CODE,
    ACTIONS,
    CODE_SYSTEM,
    LOINC,
    PARTICIPATION,
    SCOPE,
)
from anhorig.consent.model import (
    ChildOpinion,
    EvidenceForm,
    GrantorCapacity,
    InfoCategory,
    Principal,
    Purpose,
    RecipientKind,
    RecipientRole,
    Sector,
)
from anhorig.language import LabelledEnum

__all__ = [
    "ACTIONS",
    "ACT_CODE",
    "CODE_SYSTEM",
    "ENUM_SYSTEMS",
    "EXTENSION",
    "LOINC",
    "ORGANISATION_IDS",
    "OSL_BASIS",
    "PARTICIPATION",
    "PERSONNUMMER",
    "SAMORDNINGSNUMMER",
    "SCOPE",
    "SE_PERSONNUMMER",
    "SE_SAMORDNINGSNUMMER",
]

EXTENSION = "https://anhorig.invalid/fhir/StructureDefinition/"
"""Base URL of anhorig's extensions."""
ORGANISATION_IDS = "https://anhorig.invalid/fhir/NamingSystem/organisation-id"
PERSONNUMMER = "urn:oid:1.2.752.129.2.1.3.1"
"""The personnummer's OID."""
SAMORDNINGSNUMMER = "urn:oid:1.2.752.129.2.1.3.3"
"""The samordningsnummer's OID."""
SE_PERSONNUMMER = "http://electronichealth.se/identifier/personnummer"
"""The personnummer in HL7 Sweden's base profiles."""
SE_SAMORDNINGSNUMMER = "http://electronichealth.se/identifier/samordningsnummer"
"""The samordningsnummer in HL7 Sweden's base profiles."""
OSL_BASIS = "OSL (2009:400) 12 kap. 2 §"
"""The legal basis anhorig writes as the consent's policy rule / regulatory basis."""

ENUM_SYSTEMS: dict[type[LabelledEnum], str] = {
    InfoCategory: "info-category",
    Purpose: "purpose",
    Principal: "principal",
    Sector: "sector",
    RecipientRole: "recipient-role",
    RecipientKind: "recipient-kind",
    GrantorCapacity: "grantor-capacity",
    ChildOpinion: "child-opinion",
    EvidenceForm: "evidence-form",
}
"""anhorig's vocabularies and the names of their code systems under ``CODE_SYSTEM``."""
