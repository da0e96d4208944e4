"""FHIR ``Consent`` resources (R4/R4B and R5) to and from :class:`~anhorig.consent.model.Consent`.

``to_fhir(consent, version="R5")`` writes a JSON-ready dict; ``from_fhir(resource)``
reads one back (the version is told by its shape: R4 has ``patient`` and
``scope``, R5 has ``subject`` and ``decision``). A round trip loses nothing the
model holds. What the model holds and FHIR has no element for travels in
extensions under ``https://anhorig.invalid/fhir/StructureDefinition/``; what FHIR
holds and the model cannot (``sourceAttachment``, ``verification``, a provision's
``code`` or ``data``, an action ``use``, a status other than ``active``...) raises
``InvalidInput`` naming every such path, rather than being dropped.

The mapping:

============================  ==============================  ==============================
model                         R4 / R4B                        R5
============================  ==============================  ==============================
``subject``                   ``patient``                     ``subject``
``grantor``                   ``performer[0]``                ``grantor[0]``
``obtained_by``               ``organization[0]``             ``controller[0]``
``given_at``                  ``dateTime``                    ``date`` + extension ``given-at``
``valid_from/valid_until``    ``provision.period``            ``period``
``provision.decision``        ``provision.type``              ``decision`` (exceptions toggle)
``actions``                   ``provision.action``            ``provision.action``
``categories``                ``provision.securityLabel``     ``provision.securityLabel``
``purposes``                  ``provision.purpose``           ``provision.purpose``
``recipients``                ``provision.actor`` (IRCP)      ``provision.actor`` (IRCP)
``data_period``               ``provision.dataPeriod``        ``provision.dataPeriod``
``evidence``                  extension ``evidence``          extension ``evidence``
============================  ==============================  ==============================

R5 has no scope on the base decision: a consent whose base provision is scoped is
written as the opposite ``decision`` with that provision as its single exception,
marked by the extension ``scoped-base`` so that it reads back the same.

A date without a time (``"dateTime": "2018-12-28"``) is read as local midnight in
Europe/Stockholm. A performer who is the patient is read as consenting for
themselves; anyone else, without the ``grantor-capacity`` extension, as
``GrantorCapacity.OTHER`` (whose consent is not valid, and the decision says so).

References:
    - HL7 FHIR R4 Consent, https://hl7.org/fhir/R4/consent.html
    - HL7 FHIR R5 Consent, https://hl7.org/fhir/R5/consent.html
    - Personnummer OID 1.2.752.129.2.1.3.1, samordningsnummer 1.2.752.129.2.1.3.3.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import Any, Literal, TypeVar

import pendulum

from anhorig._json import check_depth
from anhorig.consent.model import (
    Action,
    ChildOpinion,
    ChildView,
    Consent,
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
    RecipientKind,
    RecipientRole,
    Sector,
    person_key,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import LabelledEnum
from anhorig.people import Person, PersonId
from anhorig.time import ZONE, Period, parse_instant

__all__ = [
    "CODE_SYSTEM",
    "EXTENSION",
    "PERSONNUMMER",
    "SAMORDNINGSNUMMER",
    "FhirVersion",
    "from_fhir",
    "to_fhir",
]

FhirVersion = Literal["R4", "R5"]
"""The FHIR release to write: ``"R4"`` (also valid R4B) or ``"R5"``."""

EXTENSION = "https://anhorig.invalid/fhir/StructureDefinition/"
"""Base URL of anhorig's extensions."""
CODE_SYSTEM = "https://anhorig.invalid/fhir/CodeSystem/"
"""Base URL of anhorig's code systems (information category, purpose, ...)."""
ORGANISATION_IDS = "https://anhorig.invalid/fhir/NamingSystem/organisation-id"
PERSONNUMMER = "urn:oid:1.2.752.129.2.1.3.1"
SAMORDNINGSNUMMER = "urn:oid:1.2.752.129.2.1.3.3"
ACTIONS = "http://terminology.hl7.org/CodeSystem/consentaction"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
LOINC = "http://loinc.org"
_RECIPIENT_ROLES = ("IRCP", "PRCP")

_E = TypeVar("_E", bound=LabelledEnum)
_V = TypeVar("_V")

_ENUM_SYSTEMS: dict[type[LabelledEnum], str] = {
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


# --- writing ------------------------------------------------------------------------------


def _ext(name: str, **value: Any) -> dict[str, Any]:
    return {"url": EXTENSION + name, **value}


def _code_ext(value: LabelledEnum) -> dict[str, Any]:
    return _ext(_ENUM_SYSTEMS[type(value)], valueCode=value.value)


def _coding(value: LabelledEnum) -> dict[str, Any]:
    return {"system": CODE_SYSTEM + _ENUM_SYSTEMS[type(value)], "code": value.value}


def _sorted(values: Any) -> list[Any]:
    return sorted(values, key=lambda v: v.value)


def _person_ref(person: Person, extra: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    ref: dict[str, Any] = {"type": "Person", "display": person.name}
    exts = list(extra or [])
    if person.id is not None:
        system = SAMORDNINGSNUMMER if person.id.is_coordination_number else PERSONNUMMER
        ref["identifier"] = {"system": system, "value": person.id.value.replace("-", "")}
    elif person.birth_date is not None:
        exts.insert(0, _ext("birth-date", valueDate=person.birth_date.isoformat()))
    if exts:
        ref["extension"] = exts
    return ref


def _org_ref(org: Organisation) -> dict[str, Any]:
    return {
        "type": "Organization",
        "identifier": {"system": ORGANISATION_IDS, "value": org.id},
        "display": org.name,
        "extension": [_code_ext(org.principal), _code_ext(org.sector)],
    }


def _actor(recipient: Recipient) -> dict[str, Any]:
    kind = _code_ext(recipient.kind)
    if recipient.person is not None:
        extra = [kind] + ([_code_ext(recipient.role)] if recipient.role is not None else [])
        reference = _person_ref(recipient.person, extra)
    elif recipient.organisation is not None:
        reference = _org_ref(recipient.organisation)
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


def _provision(p: Provision, version: FhirVersion) -> dict[str, Any]:
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
    if p.recipients:
        actors = [_actor(r) for r in p.recipients]
        out["actor"] = sorted(actors, key=repr)
    if p.data_period is not None:
        last = p.data_period.last
        out["dataPeriod"] = _period(
            p.data_period.start.isoformat(), None if last is None else last.isoformat()
        )
    if p.exceptions:
        out["provision"] = [_provision(child, version) for child in p.exceptions]
    return out


def _grantor_ref(grantor: Grantor) -> dict[str, Any]:
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
    return _person_ref(grantor.person, extra)


def _evidence_ext(evidence: Evidence) -> dict[str, Any]:
    parts = [_ext("evidence-form", valueCode=evidence.form.value)]
    if evidence.documented_by is not None:
        parts.append(_ext("documented-by", valueString=evidence.documented_by))
    if evidence.documented_at is not None:
        parts.append(_ext("documented-at", valueDateTime=evidence.documented_at.isoformat()))
    if evidence.document_ref:
        parts.append(_ext("document-ref", valueString=evidence.document_ref))
    return _ext("evidence", extension=parts)


def to_fhir(consent: Consent, version: FhirVersion = "R5") -> dict[str, Any]:
    """``consent`` as a FHIR ``Consent`` resource (a JSON-ready dict) of ``version``."""
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
    start = consent.valid_from.isoformat()
    end = None if consent.valid_until is None else consent.valid_until.isoformat()
    extensions: list[dict[str, Any]] = []
    if consent.evidence is not None:
        extensions.append(_evidence_ext(consent.evidence))
    resource: dict[str, Any] = {"resourceType": "Consent", "id": consent.id}
    category = [{"coding": [{"system": LOINC, "code": "59284-0"}]}]
    basis = {"text": "OSL (2009:400) 12 kap. 2 §"}
    root = consent.provision
    if version == "R4":
        resource["status"] = "active"
        resource["scope"] = {"coding": [{"system": SCOPE, "code": "patient-privacy"}]}
        resource["category"] = category
        resource["patient"] = _person_ref(consent.subject)
        resource["dateTime"] = consent.given_at.isoformat()
        resource["performer"] = [_grantor_ref(consent.grantor)]
        resource["organization"] = [_org_ref(consent.obtained_by)]
        resource["policyRule"] = basis
        provision = _provision(root, "R4")
        provision["period"] = _period(start, end)
        resource["provision"] = provision
    else:
        extensions.append(_ext("given-at", valueDateTime=consent.given_at.isoformat()))
        resource["status"] = "active"
        resource["category"] = category
        resource["subject"] = _person_ref(consent.subject)
        resource["date"] = consent.given_at.date().isoformat()
        resource["period"] = _period(start, end)
        resource["grantor"] = [_grantor_ref(consent.grantor)]
        resource["controller"] = [_org_ref(consent.obtained_by)]
        resource["regulatoryBasis"] = [basis]
        if root.is_unscoped:
            resource["decision"] = root.decision.value
            if root.exceptions:
                resource["provision"] = [_provision(c, "R5") for c in root.exceptions]
        else:
            extensions.append(_ext("scoped-base", valueBoolean=True))
            resource["decision"] = root.decision.opposite.value
            resource["provision"] = [_provision(root, "R5")]
    if extensions:
        resource["extension"] = extensions
    return resource


# --- reading ------------------------------------------------------------------------------


class _Reader:
    """Reads a resource, collecting every problem with its path."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def bad(self, path: str, sv: str, en: str) -> None:
        self.problems.append(Problem.make(path, sv=sv, en=en))

    def unmapped(self, path: str) -> None:
        self.bad(
            path,
            "kan inte överföras till anhorigs samtyckesmodell",
            "cannot be mapped to anhorig's consent model",
        )

    def only(self, data: dict[str, Any], path: str, allowed: set[str]) -> None:
        for key in sorted(set(data) - allowed):
            self.unmapped(f"{path}.{key}")

    def obj(self, value: object, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.bad(path, "väntade ett objekt", "expected an object")
        return None

    def items(self, value: object, path: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.bad(path, "väntade en lista", "expected a list")
        return []

    def string(self, value: object, path: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        self.bad(path, "väntade text", "expected text")
        return None

    def instant(self, value: object, path: str) -> pendulum.DateTime | None:
        if isinstance(value, str) and len(value) == 10:
            try:
                day = date.fromisoformat(value)
            except ValueError:
                day = None
            if day is not None:
                return pendulum.datetime(day.year, day.month, day.day, tz=ZONE)
        if isinstance(value, str):
            try:
                return parse_instant(value, path=path)
            except InvalidInput as exc:
                self.problems.extend(exc.problems)
                return None
        self.bad(path, "väntade en tidpunkt", "expected a date-time")
        return None

    def day(self, value: object, path: str) -> date | None:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value[:10]) if len(value) >= 10 else None
            except ValueError:
                pass
        self.bad(path, "väntade ett datum", "expected a date")
        return None

    def code(self, cls: type[_E], value: object, path: str) -> _E | None:
        try:
            return cls(str(value)) if isinstance(value, str) else cls("\0")
        except ValueError:
            allowed = ", ".join(m.value for m in cls)
            self.bad(
                path,
                f"okänd kod {str(value)[:40]!r}; tillåtna: {allowed}",
                f"unknown code {str(value)[:40]!r}; allowed: {allowed}",
            )
            return None

    def coding(self, cls: type[_E], value: object, path: str) -> _E | None:
        coding = self.obj(value, path)
        if coding is None:
            return None
        self.only(coding, path, {"system", "code", "display"})
        system = CODE_SYSTEM + _ENUM_SYSTEMS[cls]
        if coding.get("system") != system:
            self.bad(
                f"{path}.system",
                f"väntade {system}",
                f"expected {system}",
            )
            return None
        return self.code(cls, coding.get("code"), f"{path}.code")

    def extensions(self, data: dict[str, Any], path: str) -> dict[str, tuple[str, Any]]:
        found: dict[str, tuple[str, Any]] = {}
        for index, item in enumerate(self.items(data.get("extension"), f"{path}.extension")):
            where = f"{path}.extension[{index}]"
            ext = self.obj(item, where)
            if ext is None:
                continue
            url = ext.get("url")
            if not isinstance(url, str) or not url.startswith(EXTENSION):
                self.unmapped(where)
                continue
            name = url[len(EXTENSION) :]
            if name in found:
                self.bad(where, "extensionen förekommer två gånger", "the extension occurs twice")
            found[name] = (where, ext)
        return found

    def ext_code(
        self, exts: dict[str, tuple[str, Any]], cls: type[_E], path: str, *, required: bool
    ) -> _E | None:
        name = _ENUM_SYSTEMS[cls]
        if name not in exts:
            if required:
                self.bad(
                    f"{path}.extension",
                    f"extensionen {EXTENSION + name} saknas",
                    f"the extension {EXTENSION + name} is missing",
                )
            return None
        where, ext = exts.pop(name)
        return self.code(cls, ext.get("valueCode"), f"{where}.valueCode")

    def part(
        self,
        parts: dict[str, tuple[str, Any]],
        name: str,
        key: str,
        read: Callable[[object, str], _V],
    ) -> _V | None:
        """Take sub-extension ``name`` out of ``parts`` and read its ``key`` with
        ``read(value, path)``; ``None`` when it is absent."""
        if name not in parts:
            return None
        where, ext = parts.pop(name)
        return read(ext.get(key), f"{where}.{key}")

    def leftover(self, exts: dict[str, tuple[str, Any]]) -> None:
        for where, _ in exts.values():
            self.unmapped(where)

    # -- parts --

    def person(
        self, value: object, path: str, *, keep: tuple[str, ...] = ()
    ) -> tuple[Person | None, dict[str, tuple[str, Any]]]:
        ref = self.obj(value, path)
        if ref is None:
            return None, {}
        self.only(ref, path, {"type", "display", "identifier", "extension", "reference"})
        exts = self.extensions(ref, path)
        name = self.string(ref.get("display"), f"{path}.display")
        pid: PersonId | None = None
        identifier = ref.get("identifier")
        if identifier is not None:
            ident = self.obj(identifier, f"{path}.identifier")
            if ident is not None:
                self.only(ident, f"{path}.identifier", {"system", "value"})
                if ident.get("system") not in (PERSONNUMMER, SAMORDNINGSNUMMER):
                    self.bad(
                        f"{path}.identifier.system",
                        "väntade personnummer eller samordningsnummer",
                        "expected a personnummer or samordningsnummer",
                    )
                raw = ident.get("value")
                try:
                    pid = PersonId.parse(raw if isinstance(raw, str) else "")
                except InvalidInput as exc:
                    self.problems.extend(
                        Problem(f"{path}.identifier.value", p.message) for p in exc.problems
                    )
        born = self.part(exts, "birth-date", "valueDate", self.day)
        wanted = {k: v for k, v in exts.items() if k in keep}
        for k in keep:
            exts.pop(k, None)
        self.leftover(exts)
        if name is None:
            return None, wanted
        try:
            if pid is not None:
                return Person(id=pid, name=name), wanted
            return Person(name=name, birth_date=born), wanted
        except InvalidInput as exc:
            self.problems.extend(p.under(path) for p in exc.problems)
            return None, wanted

    def organisation(self, value: object, path: str) -> Organisation | None:
        ref = self.obj(value, path)
        if ref is None:
            return None
        self.only(ref, path, {"type", "display", "identifier", "extension", "reference"})
        exts = self.extensions(ref, path)
        org_id: str | None = None
        ident = ref.get("identifier")
        if isinstance(ident, dict) and ident.get("system") == ORGANISATION_IDS:
            self.only(ident, f"{path}.identifier", {"system", "value"})
            org_id = self.string(ident.get("value"), f"{path}.identifier.value")
        elif isinstance(ref.get("reference"), str) and ref["reference"].startswith("Organization/"):
            org_id = ref["reference"].split("/", 1)[1]
        else:
            self.bad(
                f"{path}.identifier",
                "organisationens id saknas",
                "the organisation's id is missing",
            )
        name = self.string(ref.get("display"), f"{path}.display")
        principal = self.ext_code(exts, Principal, path, required=True)
        sector = self.ext_code(exts, Sector, path, required=True)
        exts.pop("recipient-kind", None)
        self.leftover(exts)
        if None in (org_id, name, principal, sector):
            return None
        try:
            return Organisation(id=org_id, name=name, principal=principal, sector=sector)  # type: ignore[arg-type]
        except InvalidInput as exc:
            self.problems.extend(p.under(path) for p in exc.problems)
            return None

    def recipient(self, value: object, path: str) -> Recipient | None:
        actor = self.obj(value, path)
        if actor is None:
            return None
        self.only(actor, path, {"role", "reference"})
        role = self.obj(actor.get("role"), f"{path}.role")
        codes = [
            c.get("code")
            for c in self.items((role or {}).get("coding"), f"{path}.role.coding")
            if isinstance(c, dict) and c.get("system") == PARTICIPATION
        ]
        if not any(code in _RECIPIENT_ROLES for code in codes):
            self.bad(
                f"{path}.role",
                "bara mottagare (IRCP, PRCP) kan överföras",
                "only recipients (IRCP, PRCP) can be mapped",
            )
        ref = self.obj(actor.get("reference"), f"{path}.reference")
        if ref is None:
            return None
        where = f"{path}.reference"
        peek = self.extensions(ref, where)
        problems_before = len(self.problems)
        kind_entry = peek.get("recipient-kind")
        ident = ref.get("identifier")
        looks_like_org = (
            ref.get("type") == "Organization"
            or (isinstance(ident, dict) and ident.get("system") == ORGANISATION_IDS)
            or str(ref.get("reference", "")).startswith("Organization/")
        )
        kind = (
            self.code(RecipientKind, kind_entry[1].get("valueCode"), f"{kind_entry[0]}.valueCode")
            if kind_entry is not None
            else (RecipientKind.ORGANISATION if looks_like_org else RecipientKind.PERSON)
        )
        del self.problems[problems_before:]
        if kind is None:
            self.bad(where, "okänt slag av mottagare", "unknown kind of recipient")
            return None
        try:
            if kind is RecipientKind.ORGANISATION:
                org = self.organisation(ref, where)
                return None if org is None else Recipient.of_organisation(org)
            if kind is RecipientKind.PERSON:
                person, wanted = self.person(ref, where, keep=("recipient-kind", "recipient-role"))
                role_value = None
                if "recipient-role" in wanted:
                    at, ext = wanted["recipient-role"]
                    role_value = self.code(RecipientRole, ext.get("valueCode"), f"{at}.valueCode")
                return None if person is None else Recipient.of_person(person, role=role_value)
            self.only(ref, where, {"display", "extension"})
            exts = self.extensions(ref, where)
            exts.pop("recipient-kind", None)
            if kind is RecipientKind.PRINCIPAL:
                principal = self.ext_code(exts, Principal, where, required=True)
                self.leftover(exts)
                return None if principal is None else Recipient.any_of_principal(principal)
            role_code = self.ext_code(exts, RecipientRole, where, required=True)
            self.leftover(exts)
            return None if role_code is None else Recipient.any_with_role(role_code)
        except InvalidInput as exc:
            self.problems.extend(p.under(where) for p in exc.problems)
            return None

    def provision(
        self, value: object, path: str, kind: ProvisionType | None, *, root: bool = False
    ) -> Provision | None:
        data = self.obj(value, path)
        if data is None:
            return None
        allowed = {"action", "securityLabel", "purpose", "actor", "dataPeriod", "provision"}
        if kind is None:
            allowed.add("type")
        if root:
            allowed.add("period")
        self.only(data, path, allowed)
        decided = kind
        if kind is None:
            decided = self.code(ProvisionType, data.get("type"), f"{path}.type")
        actions: set[Action] = set()
        for i, item in enumerate(self.items(data.get("action"), f"{path}.action")):
            where = f"{path}.action[{i}]"
            concept = self.obj(item, where) or {}
            codes = [
                c
                for c in self.items(concept.get("coding"), f"{where}.coding")
                if isinstance(c, dict)
            ]
            picked = [c for c in codes if c.get("system") == ACTIONS]
            if not picked:
                self.unmapped(where)
                continue
            action = self.code(Action, picked[0].get("code"), f"{where}.coding[0].code")
            if action is not None:
                actions.add(action)
        categories = self._codings(data, "securityLabel", InfoCategory, path)
        purposes = self._codings(data, "purpose", Purpose, path)
        recipients: set[Recipient] = set()
        for i, item in enumerate(self.items(data.get("actor"), f"{path}.actor")):
            recipient = self.recipient(item, f"{path}.actor[{i}]")
            if recipient is not None:
                recipients.add(recipient)
        data_period = None
        if "dataPeriod" in data:
            data_period = self._data_period(data["dataPeriod"], f"{path}.dataPeriod")
        exceptions: list[Provision] = []
        child_kind = None if decided is None else decided.opposite
        for i, item in enumerate(self.items(data.get("provision"), f"{path}.provision")):
            where = f"{path}.provision[{i}]"
            child = self.provision(item, where, None if kind is None else child_kind)
            if child is not None:
                exceptions.append(child)
        if decided is None:
            return None
        try:
            return Provision(
                decision=decided,
                actions=frozenset(actions),
                categories=frozenset(categories),
                recipients=frozenset(recipients),
                purposes=frozenset(purposes),
                data_period=data_period,
                exceptions=tuple(exceptions),
            )
        except InvalidInput as exc:
            self.problems.extend(p.under(path) for p in exc.problems)
            return None

    def _codings(self, data: dict[str, Any], key: str, cls: type[_E], path: str) -> set[_E]:
        found: set[_E] = set()
        for i, item in enumerate(self.items(data.get(key), f"{path}.{key}")):
            value = self.coding(cls, item, f"{path}.{key}[{i}]")
            if value is not None:
                found.add(value)
        return found

    def _data_period(self, value: object, path: str) -> Period | None:
        data = self.obj(value, path)
        if data is None:
            return None
        self.only(data, path, {"start", "end"})
        if "start" not in data:
            self.bad(f"{path}.start", "början saknas", "the start is missing")
            return None
        start = self.day(data["start"], f"{path}.start")
        end = self.day(data["end"], f"{path}.end") if "end" in data else None
        if start is None:
            return None
        try:
            return Period(start) if end is None else Period.through(start, end)
        except InvalidInput as exc:
            self.problems.extend(p.under(path) for p in exc.problems)
            return None

    def validity(
        self, value: object, path: str
    ) -> tuple[pendulum.DateTime | None, pendulum.DateTime | None]:
        data = self.obj(value, path)
        if data is None:
            return None, None
        self.only(data, path, {"start", "end"})
        start = self.instant(data.get("start"), f"{path}.start")
        end = self.instant(data["end"], f"{path}.end") if "end" in data else None
        return start, end

    def grantor(self, value: object, path: str, subject: Person | None) -> Grantor | None:
        person, wanted = self.person(value, path, keep=("grantor-capacity", "child-view"))
        capacity: GrantorCapacity | None
        if "grantor-capacity" in wanted:
            at, ext = wanted["grantor-capacity"]
            capacity = self.code(GrantorCapacity, ext.get("valueCode"), f"{at}.valueCode")
        elif (
            person is not None and subject is not None and person_key(person) == person_key(subject)
        ):
            capacity = GrantorCapacity.SELF
        else:
            capacity = GrantorCapacity.OTHER
        view = None
        if "child-view" in wanted:
            at, ext = wanted["child-view"]
            parts = self.extensions(ext, at)
            if "child-opinion" not in parts:
                self.bad(at, "barnets inställning saknas", "the child's opinion is missing")
            opinion = self.part(
                parts, "child-opinion", "valueCode", functools.partial(self.code, ChildOpinion)
            )
            if "recorded-at" not in parts:
                self.bad(at, "tidpunkten saknas", "the instant is missing")
            recorded = self.part(parts, "recorded-at", "valueDateTime", self.instant)
            note = self.part(parts, "note", "valueString", self.string) or ""
            self.leftover(parts)
            if opinion is not None and recorded is not None:
                view = ChildView(opinion=opinion, recorded_at=recorded, note=note)
        if person is None or capacity is None:
            return None
        return Grantor(person=person, capacity=capacity, child_view=view)

    def evidence(self, entry: tuple[str, Any]) -> Evidence | None:
        at, ext = entry
        parts = self.extensions(ext, at)
        if "evidence-form" not in parts:
            self.bad(at, "formen saknas", "the form is missing")
        form = self.part(
            parts, "evidence-form", "valueCode", functools.partial(self.code, EvidenceForm)
        )
        by = self.part(parts, "documented-by", "valueString", self.string)
        when = self.part(parts, "documented-at", "valueDateTime", self.instant)
        ref = self.part(parts, "document-ref", "valueString", self.string) or ""
        self.leftover(parts)
        if form is None:
            return None
        return Evidence(form=form, documented_by=by, documented_at=when, document_ref=ref)

    def single(self, data: dict[str, Any], key: str, path: str) -> object:
        items = self.items(data.get(key), f"{path}.{key}")
        if len(items) != 1:
            self.bad(
                f"{path}.{key}",
                f"väntade exakt en, fick {len(items)}",
                f"expected exactly one, got {len(items)}",
            )
            return None
        return items[0]


def _require(reader: _Reader, data: dict[str, Any], key: str) -> bool:
    if key in data:
        return True
    reader.bad(f"$.{key}", "obligatoriskt fält saknas", "required field missing")
    return False


def from_fhir(resource: dict[str, Any]) -> Consent:
    """Read a FHIR R4, R4B or R5 ``Consent`` resource; ``InvalidInput`` names every
    path that is missing, malformed or cannot be mapped."""
    reader = _Reader()
    data = reader.obj(resource, "$")
    if data is None:
        raise InvalidInput(reader.problems)
    check_depth(data)  # the provisions are read recursively
    if data.get("resourceType") != "Consent":
        reader.bad("$.resourceType", "väntade 'Consent'", "expected 'Consent'")
    if data.get("status") != "active":
        reader.bad(
            "$.status",
            f"bara 'active' kan överföras (fick {str(data.get('status'))[:20]!r}); "
            "återkallelse är en egen händelse",
            f"only 'active' can be mapped (got {str(data.get('status'))[:20]!r}); "
            "a revocation is an event of its own",
        )
    r5 = "subject" in data or "decision" in data
    common = {"resourceType", "id", "meta", "text", "status", "category", "extension"}
    path = "$"
    read: Callable[[], Consent | None]
    if r5:
        reader.only(
            data,
            path,
            common
            | {
                "subject",
                "date",
                "period",
                "grantor",
                "controller",
                "regulatoryBasis",
                "decision",
                "provision",
            },
        )
        read = lambda: _read_r5(reader, data)  # noqa: E731
    else:
        reader.only(
            data,
            path,
            common
            | {
                "scope",
                "patient",
                "dateTime",
                "performer",
                "organization",
                "policyRule",
                "provision",
            },
        )
        read = lambda: _read_r4(reader, data)  # noqa: E731
    consent = read()
    if reader.problems or consent is None:
        raise InvalidInput(reader.problems)
    return consent


def _consent_id(reader: _Reader, data: dict[str, Any]) -> str | None:
    if not _require(reader, data, "id"):
        return None
    return reader.string(data["id"], "$.id")


def _common(
    reader: _Reader, data: dict[str, Any], subject_key: str, grantor_key: str, org_key: str
) -> tuple[str | None, Person | None, Grantor | None, Organisation | None, dict[str, Any]]:
    consent_id = _consent_id(reader, data)
    subject = None
    if _require(reader, data, subject_key):
        subject, _ = reader.person(data[subject_key], f"$.{subject_key}")
    grantor = None
    if _require(reader, data, grantor_key):
        grantor = reader.grantor(
            reader.single(data, grantor_key, "$"), f"$.{grantor_key}[0]", subject
        )
    org = None
    if _require(reader, data, org_key):
        org = reader.organisation(reader.single(data, org_key, "$"), f"$.{org_key}[0]")
    exts = reader.extensions(data, "$")
    return consent_id, subject, grantor, org, exts


def _build(reader: _Reader, **fields: Any) -> Consent | None:
    if any(
        value is None for key, value in fields.items() if key not in ("evidence", "valid_until")
    ):
        return None
    try:
        return Consent(**fields)
    except InvalidInput as exc:
        reader.problems.extend(p.under("$") for p in exc.problems)
        return None


def _read_r4(reader: _Reader, data: dict[str, Any]) -> Consent | None:
    consent_id, subject, grantor, org, exts = _common(
        reader, data, "patient", "performer", "organization"
    )
    evidence = reader.evidence(exts.pop("evidence")) if "evidence" in exts else None
    reader.leftover(exts)
    given = (
        reader.instant(data.get("dateTime"), "$.dateTime")
        if _require(reader, data, "dateTime")
        else None
    )
    provision = None
    start = end = None
    if _require(reader, data, "provision"):
        raw = reader.obj(data["provision"], "$.provision")
        if raw is not None:
            if "period" in raw:
                start, end = reader.validity(raw["period"], "$.provision.period")
            provision = reader.provision(raw, "$.provision", None, root=True)
    return _build(
        reader,
        id=consent_id,
        subject=subject,
        grantor=grantor,
        obtained_by=org,
        given_at=given,
        evidence=evidence,
        provision=provision,
        valid_from=start if start is not None else given,
        valid_until=end,
    )


def _read_r5(reader: _Reader, data: dict[str, Any]) -> Consent | None:
    consent_id, subject, grantor, org, exts = _common(
        reader, data, "subject", "grantor", "controller"
    )
    evidence = reader.evidence(exts.pop("evidence")) if "evidence" in exts else None
    given = None
    if "given-at" in exts:
        given = reader.part(exts, "given-at", "valueDateTime", reader.instant)
    elif _require(reader, data, "date"):
        given = reader.instant(data["date"], "$.date")
    scoped = reader.part(exts, "scoped-base", "valueBoolean", lambda value, _: value is True)
    reader.leftover(exts)
    start = end = None
    if "period" in data:
        start, end = reader.validity(data["period"], "$.period")
    decision = None
    if _require(reader, data, "decision"):
        decision = reader.code(ProvisionType, data["decision"], "$.decision")
    provision = None
    if decision is not None:
        items = reader.items(data.get("provision"), "$.provision")
        if scoped:
            if len(items) != 1:
                reader.bad(
                    "$.provision",
                    "en avgränsad grund kräver exakt ett villkor",
                    "a scoped base needs exactly one provision",
                )
            else:
                provision = reader.provision(items[0], "$.provision[0]", decision.opposite)
        else:
            exceptions = [
                reader.provision(item, f"$.provision[{i}]", decision.opposite)
                for i, item in enumerate(items)
            ]
            if all(e is not None for e in exceptions):
                try:
                    provision = Provision(
                        decision=decision,
                        exceptions=tuple(e for e in exceptions if e is not None),
                    )
                except InvalidInput as exc:
                    reader.problems.extend(p.under("$.provision") for p in exc.problems)
    return _build(
        reader,
        id=consent_id,
        subject=subject,
        grantor=grantor,
        obtained_by=org,
        given_at=given,
        evidence=evidence,
        provision=provision,
        valid_from=start if start is not None else given,
        valid_until=end,
    )
