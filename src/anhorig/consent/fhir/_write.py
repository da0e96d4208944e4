"""Writing a :class:`~anhorig.consent.model.Consent` as a FHIR ``Consent`` (R4/R4B or R5)."""

from __future__ import annotations

from typing import Any, Literal

from anhorig.consent.fhir._names import (
    ACT_CODE,
    ACTIONS,
    CODE_SYSTEM,
    ENUM_SYSTEMS,
    EXTENSION,
    LOINC,
    ORGANISATION_IDS,
    OSL_BASIS,
    PARTICIPATION,
    PERSONNUMMER,
    SAMORDNINGSNUMMER,
    SCOPE,
    SE_PERSONNUMMER,
    SE_SAMORDNINGSNUMMER,
)
from anhorig.consent.fhir._scope import INFORMATION_KIND_EXTENSION, PROVISION_PERIOD_EXTENSION
from anhorig.consent.model import (
    Consent,
    Evidence,
    Grantor,
    InformationKind,
    InformationSelector,
    Organisation,
    Provision,
    ProvisionType,
    Recipient,
)
from anhorig.errors import InvalidInput
from anhorig.language import LabelledEnum
from anhorig.people import Person

__all__ = [
    "IDENTIFIER_SYSTEMS",
    "FhirVersion",
    "IdentifierSystems",
    "org_ref",
    "person_ref",
    "to_fhir",
]

FhirVersion = Literal["R4", "R5"]
"""The FHIR release to write: ``"R4"`` (also valid R4B) or ``"R5"``."""

IdentifierSystems = Literal["oid", "hl7se"]
"""How to write a personnummer: as the OID (``urn:oid:1.2.752.129.2.1.3.1``, the
default) or in HL7 Sweden's base-profile form
(``http://electronichealth.se/identifier/personnummer``)."""


# --- writing ------------------------------------------------------------------------------


def _ext(name: str, **value: Any) -> dict[str, Any]:
    return {"url": EXTENSION + name, **value}


def _code_ext(value: LabelledEnum) -> dict[str, Any]:
    return _ext(ENUM_SYSTEMS[type(value)], valueCode=value.value)


def _coding(value: LabelledEnum) -> dict[str, Any]:
    return {"system": CODE_SYSTEM + ENUM_SYSTEMS[type(value)], "code": value.value}


def _sorted(values: Any) -> list[Any]:
    return sorted(values, key=lambda v: v.value)


IDENTIFIER_SYSTEMS: dict[str, tuple[str, str]] = {
    "oid": (PERSONNUMMER, SAMORDNINGSNUMMER),
    "hl7se": (SE_PERSONNUMMER, SE_SAMORDNINGSNUMMER),
}
"""The personnummer and samordningsnummer systems of each ``IdentifierSystems`` choice."""


def person_ref(
    person: Person, systems: tuple[str, str], extra: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A Reference to ``person``: by number in ``systems``, else by name and birth date."""
    ref: dict[str, Any] = {"type": "Person", "display": person.name}
    exts = list(extra or [])
    if person.id is not None:
        system = systems[1] if person.id.is_coordination_number else systems[0]
        ref["identifier"] = {"system": system, "value": person.id.value.replace("-", "")}
    elif person.birth_date is not None:
        exts.insert(0, _ext("birth-date", valueDate=person.birth_date.isoformat()))
    if exts:
        ref["extension"] = exts
    return ref


def org_ref(org: Organisation) -> dict[str, Any]:
    """A Reference to ``org`` by its id, with its principal and sector."""
    return {
        "type": "Organization",
        "identifier": {"system": ORGANISATION_IDS, "value": org.id},
        "display": org.name,
        "extension": [_code_ext(org.principal), _code_ext(org.sector)],
    }


def _actor(recipient: Recipient, systems: tuple[str, str]) -> dict[str, Any]:
    kind = _code_ext(recipient.kind)
    if recipient.person is not None:
        extra = [kind] + ([_code_ext(recipient.role)] if recipient.role is not None else [])
        reference = person_ref(recipient.person, systems, extra)
    elif recipient.organisation is not None:
        reference = org_ref(recipient.organisation)
        reference["extension"].insert(0, kind)
    elif recipient.principal is not None:
        reference = {
            "display": recipient.describe("en"),
            "extension": [kind, _code_ext(recipient.principal)],
        }
    else:
        assert recipient.role is not None
        reference = {
            "display": recipient.describe("en"),
            "extension": [kind, _code_ext(recipient.role)],
        }
    return {
        "role": {"coding": [{"system": PARTICIPATION, "code": "IRCP"}]},
        "reference": reference,
    }


def _period(start: str, end: str | None) -> dict[str, str]:
    return {"start": start} if end is None else {"start": start, "end": end}


def _reference(selector: InformationSelector) -> dict[str, Any]:
    """A record's or an author's reference: the reference itself, or an identifier."""
    if selector.system:
        return {"identifier": {"system": selector.system, "value": selector.code}}
    return {"reference": selector.code}


def _information(p: Provision, version: FhirVersion, out: dict[str, Any]) -> list[dict[str, Any]]:
    """``p.information`` into ``out``'s elements; the author actors are returned."""
    chosen = sorted(p.information, key=lambda s: (s.kind.value, s.system, s.code, s.link or ""))
    authors: list[dict[str, Any]] = []
    for s in chosen:
        coding: dict[str, Any] = {"system": s.system, "code": s.code}
        if s.kind is InformationKind.RECORD:
            assert s.link is not None
            out.setdefault("data", []).append({"meaning": s.link.value, "reference": _reference(s)})
        elif s.kind is InformationKind.AUTHOR:
            authors.append(
                {
                    "role": {"coding": [{"system": PARTICIPATION, "code": "AUT"}]},
                    "reference": _reference(s),
                }
            )
        elif s.kind is InformationKind.CODE:
            out.setdefault("code", []).append({"coding": [coding]})
        elif s.kind is InformationKind.SECURITY_LABEL:
            out.setdefault("securityLabel", []).append(coding)
        elif version == "R5":
            key = "resourceType" if s.kind is InformationKind.RESOURCE_KIND else "documentType"
            out.setdefault(key, []).append(coding)
        else:
            # R4 has only ``class``; a document type is marked as one.
            if s.kind is InformationKind.DOCUMENT_TYPE:
                coding["extension"] = [_ext(INFORMATION_KIND_EXTENSION, valueCode=s.kind.value)]
            out.setdefault("class", []).append(coding)
    return authors


def _provision(
    p: Provision, version: FhirVersion, systems: tuple[str, str], *, root: bool = False
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if version == "R4":
        out["type"] = p.decision.value
    if p.actions:
        out["action"] = [
            {"coding": [{"system": ACTIONS, "code": a.value}]} for a in _sorted(p.actions)
        ]
    if p.categories:
        out["securityLabel"] = [_coding(c) for c in _sorted(p.categories)]
    if p.purposes:
        out["purpose"] = [_coding(c) for c in _sorted(p.purposes)]
    actors = [_actor(r, systems) for r in p.recipients]
    actors += [
        {"role": {"coding": [{"system": PARTICIPATION, "code": "CST"}]}, "reference": org_ref(o)}
        for o in p.holders
    ]
    actors += _information(p, version, out)
    if actors:
        out["actor"] = sorted(actors, key=repr)
    if p.data_period is not None:
        last = p.data_period.last
        out["dataPeriod"] = _period(
            p.data_period.start.isoformat(), None if last is None else last.isoformat()
        )
    if p.valid_from is not None or p.valid_until is not None:
        period: dict[str, str] = {}
        if p.valid_from is not None:
            period["start"] = p.valid_from.isoformat()
        if p.valid_until is not None:
            period["end"] = p.valid_until.isoformat()
        if root and version == "R4":
            # R4's root period is the consent's validity: the root's own in an extension.
            out["extension"] = [_ext(PROVISION_PERIOD_EXTENSION, valuePeriod=period)]
        else:
            out["period"] = period
    if p.exceptions:
        out["provision"] = [_provision(child, version, systems) for child in p.exceptions]
    return out


def _grantor_ref(grantor: Grantor, systems: tuple[str, str]) -> dict[str, Any]:
    extra = [_code_ext(grantor.capacity)]
    view = grantor.child_view
    if view is not None:
        parts = [
            _ext("child-opinion", valueCode=view.opinion.value),
            _ext("recorded-at", valueDateTime=view.recorded_at.isoformat()),
        ]
        if view.note:
            parts.append(_ext("note", valueString=view.note))
        extra.append(_ext("child-view", extension=parts))
    return person_ref(grantor.person, systems, extra)


def _evidence_ext(evidence: Evidence, systems: tuple[str, str]) -> dict[str, Any]:
    parts = [_ext("evidence-form", valueCode=evidence.form.value)]
    if evidence.documented_by is not None:
        parts.append(_ext("documented-by", valueString=evidence.documented_by))
    if evidence.documented_at is not None:
        parts.append(_ext("documented-at", valueDateTime=evidence.documented_at.isoformat()))
    if evidence.document_ref:
        parts.append(_ext("document-ref", valueString=evidence.document_ref))
    if evidence.verified_with is not None:
        parts.append(
            _ext("verified-with", valueReference=person_ref(evidence.verified_with, systems))
        )
    return _ext("evidence", extension=parts)


def _identity(
    consent: Consent,
    version: FhirVersion,
    systems: tuple[str, str],
    resource: dict[str, Any],
    extensions: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Writes the consent's identifiers (and, in R4, its grantees as anhorig's
    extension); gives the grantees' references for R5's ``grantee``."""
    if consent.identifiers:
        resource["identifier"] = [
            {"system": i.system, "value": i.value} for i in consent.identifiers
        ]
    granted = sorted((_actor(r, systems)["reference"] for r in consent.grantees), key=repr)
    if granted and version == "R4":
        # R4 has no grantee: anhorig's extension holds them, one reference each.
        parts = [_ext("grantee", valueReference=ref) for ref in granted]
        extensions.append(_ext("grantees", extension=parts))
    return granted


def _check_arguments(consent: object, version: object, identifiers: object) -> None:
    """``InvalidInput`` unless a Consent, a known version and known identifier systems."""
    if not isinstance(consent, Consent):
        raise InvalidInput.at(
            "consent",
            sv=f"väntade Consent, fick {type(consent).__name__}",
            en=f"expected Consent, got {type(consent).__name__}",
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
            sv=f"okända identifierarsystem {str(identifiers)[:20]!r}; välj 'oid' eller 'hl7se'",
            en=f"unknown identifier systems {str(identifiers)[:20]!r}; choose 'oid' or 'hl7se'",
        )


def to_fhir(
    consent: Consent, version: FhirVersion = "R5", *, identifiers: IdentifierSystems = "oid"
) -> dict[str, Any]:
    """``consent`` as a FHIR ``Consent`` resource (a JSON-ready dict) of ``version``.

    ``identifiers="hl7se"`` writes personnummer and samordningsnummer with HL7 Sweden's
    identifier systems instead of their OIDs; both read back the same.
    """
    _check_arguments(consent, version, identifiers)
    systems = IDENTIFIER_SYSTEMS[identifiers]
    start = consent.valid_from.isoformat()
    end = None if consent.valid_until is None else consent.valid_until.isoformat()
    extensions: list[dict[str, Any]] = []
    if consent.evidence is not None:
        extensions.append(_evidence_ext(consent.evidence, systems))
    resource: dict[str, Any] = {"resourceType": "Consent", "id": consent.id}
    granted = _identity(consent, version, systems, resource, extensions)
    category = [{"coding": [{"system": LOINC, "code": "59284-0"}]}]
    basis = {"text": OSL_BASIS}
    root = consent.provision
    if version == "R4":
        resource["status"] = "active"
        resource["scope"] = {"coding": [{"system": SCOPE, "code": "patient-privacy"}]}
        resource["category"] = category
        resource["patient"] = person_ref(consent.subject, systems)
        resource["dateTime"] = consent.given_at.isoformat()
        resource["performer"] = [_grantor_ref(consent.grantor, systems)]
        resource["organization"] = [org_ref(consent.obtained_by)]
        # The base decision as R4 readers take it from the policy, with our basis as text.
        opt = "OPTIN" if root.decision is ProvisionType.PERMIT else "OPTOUT"
        resource["policyRule"] = {"coding": [{"system": ACT_CODE, "code": opt}], **basis}
        provision = _provision(root, "R4", systems, root=True)
        provision["period"] = _period(start, end)
        resource["provision"] = provision
    else:
        extensions.append(_ext("given-at", valueDateTime=consent.given_at.isoformat()))
        resource["status"] = "active"
        resource["category"] = category
        resource["subject"] = person_ref(consent.subject, systems)
        resource["date"] = consent.given_at.date().isoformat()
        resource["period"] = _period(start, end)
        resource["grantor"] = [_grantor_ref(consent.grantor, systems)]
        if granted:
            resource["grantee"] = granted
        resource["controller"] = [org_ref(consent.obtained_by)]
        resource["regulatoryBasis"] = [basis]
        if root.is_unscoped:
            resource["decision"] = root.decision.value
            if root.exceptions:
                resource["provision"] = [_provision(c, "R5", systems) for c in root.exceptions]
        else:
            extensions.append(_ext("scoped-base", valueBoolean=True))
            resource["decision"] = root.decision.opposite.value
            resource["provision"] = [_provision(root, "R5", systems)]
    if extensions:
        resource["extension"] = extensions
    return resource
