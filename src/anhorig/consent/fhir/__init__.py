"""FHIR ``Consent`` (R4/R4B and R5) to and from anhorig, and decisions as ``AuditEvent``.

:func:`to_fhir` writes a :class:`~anhorig.consent.model.Consent` as a FHIR Consent;
:func:`from_fhir` and :func:`read_fhir` read Consents as other systems write them,
through mapping tables (:mod:`anhorig.consent.fhir.codes`) that a region can extend;
:func:`audit_event` writes a decision's audit record as an ``AuditEvent``.

See the reference page *FHIR mapping* for the element-by-element mapping and the
tables, and :mod:`anhorig.consent.fhir._read` for the rules of strict and lenient
reading.

References:
    - HL7 FHIR R4 Consent, https://hl7.org/fhir/R4/consent.html
    - HL7 FHIR R5 Consent, https://hl7.org/fhir/R5/consent.html
    - HL7 FHIR AuditEvent (R4, R5).
    - HL7 Sweden base profiles: identifier systems for personnummer and samordningsnummer.
    - Personnummer OID 1.2.752.129.2.1.3.1, samordningsnummer 1.2.752.129.2.1.3.3.
"""

from anhorig.consent.fhir._names import (
    CODE_SYSTEM,
    EXTENSION,
    PERSONNUMMER,
    SAMORDNINGSNUMMER,
    SE_PERSONNUMMER,
    SE_SAMORDNINGSNUMMER,
)
from anhorig.consent.fhir._read import Reading, Resolved, Resolver, from_fhir, read_fhir
from anhorig.consent.fhir._write import FhirVersion, IdentifierSystems, to_fhir
from anhorig.consent.fhir.audit import audit_event
from anhorig.consent.fhir.codes import (
    DEFAULT_CODES,
    CodeRow,
    CodeTables,
    ConsentKind,
    Restriction,
)

__all__ = [
    "CODE_SYSTEM",
    "DEFAULT_CODES",
    "EXTENSION",
    "PERSONNUMMER",
    "SAMORDNINGSNUMMER",
    "SE_PERSONNUMMER",
    "SE_SAMORDNINGSNUMMER",
    "CodeRow",
    "CodeTables",
    "ConsentKind",
    "FhirVersion",
    "IdentifierSystems",
    "Reading",
    "Resolved",
    "Resolver",
    "Restriction",
    "audit_event",
    "from_fhir",
    "read_fhir",
    "to_fhir",
]
