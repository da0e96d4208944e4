"""Reading FHIR ``Consent`` resources (R4/R4B and R5) as real systems write them.

Strict by default: what anhorig's model cannot hold is an :class:`InvalidInput` naming
the path and what it would have meant. Lenient (``lenient=True``): the consent is read
without it and every such item is listed in :attr:`Reading.set_aside`, always in the
direction that shares less: a deny whose scope cannot be held is read as covering more,
a permit whose scope cannot be held is not read at all, and a consent whose base
permission cannot be held (or that is not in force, or not about sharing information)
gives no consent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import attrs
import pendulum

from anhorig.consent.fhir._names import (
    ENUM_SYSTEMS,
    EXTENSION,
    ORGANISATION_IDS,
    OSL_BASIS,
    PERSONNUMMER,
    SAMORDNINGSNUMMER,
    SE_PERSONNUMMER,
    SE_SAMORDNINGSNUMMER,
)
from anhorig.consent.fhir.codes import (
    DEFAULT_CODES,
    ActorRole,
    CodeRow,
    CodeTables,
    ConsentKind,
    Table,
)
from anhorig.consent.model import (
    ChildOpinion,
    ChildView,
    Consent,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    Organisation,
    Principal,
    Provision,
    ProvisionType,
    Recipient,
    RecipientKind,
    RecipientRole,
    Sector,
    person_key,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import LabelledEnum, Text
from anhorig.people import Person, PersonId
from anhorig.time import ZONE, Period, parse_instant

__all__ = ["Reading", "Resolved", "Resolver", "from_fhir", "read_fhir"]

Resolved = Mapping[str, Any] | Person | Organisation
"""What a resolver gives for a reference: the FHIR resource (a dict), or the person or
organisation itself."""

Resolver = Callable[[str], "Resolved | None"]
"""Finds what a reference (``"Patient/123"``, a full URL) points to; ``None`` when it
does not know."""

_E = TypeVar("_E", bound=LabelledEnum)
_PERSON_SYSTEMS = {
    PERSONNUMMER: False,
    SE_PERSONNUMMER: False,
    SAMORDNINGSNUMMER: True,
    SE_SAMORDNINGSNUMMER: True,
}
_PEOPLE = ("Patient", "RelatedPerson", "Practitioner", "Person")
_STATUS_MEANING = {
    "draft": ("ett utkast, inte i kraft", "a draft, not in force"),
    "proposed": ("föreslaget, inte i kraft", "proposed, not in force"),
    "rejected": ("avböjt", "rejected"),
    "inactive": ("inte längre i kraft", "no longer in force"),
    "entered-in-error": ("registrerat av misstag", "entered in error"),
    "not-done": ("inte genomfört", "not done"),
}
_MAX_DEPTH = 32


@attrs.frozen(kw_only=True)
class Reading:
    """One FHIR ``Consent`` as read (*inläst samtycke*): the consent, or ``None`` when
    nothing of it can be relied on, and every item set aside with what it would have
    meant (empty when read strictly). ``path`` is where the resource was in the input."""

    path: str
    consent: Consent | None
    set_aside: tuple[Problem, ...] = ()


class _Stop(Exception):
    """The resource cannot be read further (kept apart from InvalidInput)."""


class _Reader:
    """Reads one resource or Bundle, collecting hard problems and set-aside meaning."""

    def __init__(self, codes: CodeTables, resolve: Resolver | None, lenient: bool) -> None:
        self.codes = codes
        self.resolve = resolve
        self.lenient = lenient
        self.problems: list[Problem] = []
        self.aside: list[Problem] = []
        self.contained: dict[str, Any] = {}
        self.bundle: dict[str, Any] = {}

    # -- collecting --

    def bad(self, path: str, sv: str, en: str) -> None:
        self.problems.append(Problem.make(path, sv=sv, en=en))

    def meaning(self, path: str, sv: str, en: str) -> None:
        """Something anhorig cannot hold: set aside (lenient) or refused (strict)."""
        self.aside.append(Problem.make(path, sv=sv, en=en))

    def cannot_hold(self, path: str, what: Text) -> None:
        self.meaning(
            path,
            f"anhorig kan inte hålla detta: {what.sv}",
            f"anhorig cannot hold this: {what.en}",
        )

    def under(self, exc: InvalidInput, prefix: str) -> None:
        self.problems.extend(p.under(prefix) for p in exc.problems)

    # -- JSON shapes --

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

    def objects(self, value: object, path: str) -> list[tuple[str, dict[str, Any]]]:
        found = []
        for i, item in enumerate(self.items(value, path)):
            data = self.obj(item, f"{path}[{i}]")
            if data is not None:
                found.append((f"{path}[{i}]", data))
        return found

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
        if isinstance(value, str) and len(value) <= 64:
            try:
                return parse_instant(value, path=path)
            except InvalidInput as exc:
                self.problems.extend(exc.problems)
                return None
            except (ValueError, OverflowError):
                pass
        self.bad(path, "väntade en tidpunkt", "expected a date-time")
        return None

    def day(self, value: object, path: str) -> date | None:
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                pass
        self.bad(path, "väntade ett datum", "expected a date")
        return None

    def code(self, cls: type[_E], value: object, path: str) -> _E | None:
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                pass
        allowed = ", ".join(m.value for m in cls)
        shown = str(value)[:40] if value is not None else "saknas/missing"
        self.bad(
            path,
            f"okänd kod {shown!r}; tillåtna: {allowed}",
            f"unknown code {shown!r}; allowed: {allowed}",
        )
        return None

    def only(
        self, data: dict[str, Any], path: str, allowed: set[str], what: dict[str, Text]
    ) -> None:
        """Every key outside ``allowed`` is meaning anhorig cannot hold (``what`` says it)."""
        for key in sorted(set(data) - allowed):
            if key in {"modifierExtension", "implicitRules"}:
                self.bad(
                    f"{path}.{key}",
                    "ändrar innebörden på ett sätt anhorig inte känner till",
                    "changes the meaning in a way anhorig does not know",
                )
                continue
            self.cannot_hold(
                f"{path}.{key}",
                what.get(key, Text(sv=f"elementet {key!r}", en=f"the element {key!r}")),
            )

    # -- codes through the tables --

    def lookup(
        self, table: Table, coding: dict[str, Any], path: str
    ) -> tuple[CodeRow | None, bool]:
        """The row for a Coding; ``(None, False)`` with a problem when the code is unknown."""
        system, code = coding.get("system"), coding.get("code")
        if not isinstance(system, str) or not isinstance(code, str):
            self.bad(path, "väntade system och code som text", "expected system and code as text")
            return None, False
        row = self.codes.lookup(table, system, code)
        if row is None:
            self.meaning(
                path,
                f"okänd kod {system}#{code[:40]}: vad den betyder är inte känt",
                f"unknown code {system}#{code[:40]}: what it means is not known",
            )
            return None, False
        if row.term is None:
            self.cannot_hold(path, _quoted(row))
            return row, False
        return row, True

    def concept(self, table: Table, value: object, path: str) -> tuple[list[Any], bool]:
        """The terms of a CodeableConcept (its codings that map); ``ok`` is False when one
        of its codings cannot be held or is unknown, or it has only text."""
        data = self.obj(value, path)
        if data is None:
            return [], False
        terms: list[Any] = []
        ok = True
        codings = self.objects(data.get("coding"), f"{path}.coding")
        for where, coding in codings:
            row, fine = self.lookup(table, coding, where)
            if fine and row is not None:
                terms.append(row.term)
            ok = ok and fine
        if not codings:
            self.meaning(
                path,
                "bara text, ingen kod: innebörden kan inte läsas",
                "text only, no code: the meaning cannot be read",
            )
            ok = False
        return terms, ok

    def coding_term(self, table: Table, value: object, path: str) -> tuple[Any, bool]:
        coding = self.obj(value, path)
        if coding is None:
            return None, False
        row, fine = self.lookup(table, coding, path)
        return (row.term if row is not None and fine else None), fine

    # -- anhorig's extensions --

    def extensions(self, data: dict[str, Any], path: str) -> dict[str, tuple[str, Any]]:
        found: dict[str, tuple[str, Any]] = {}
        for where, ext in self.objects(data.get("extension"), f"{path}.extension"):
            url = ext.get("url")
            if not isinstance(url, str) or not url.startswith(EXTENSION):
                self.cannot_hold(
                    where,
                    Text(
                        sv=f"extensionen {str(url)[:80]!r}",
                        en=f"the extension {str(url)[:80]!r}",
                    ),
                )
                continue
            name = url[len(EXTENSION) :]
            if name in found:
                self.bad(where, "extensionen förekommer två gånger", "the extension occurs twice")
            found[name] = (where, ext)
        return found

    def ext_code(
        self, exts: dict[str, tuple[str, Any]], cls: type[_E], *, name: str | None = None
    ) -> _E | None:
        key = name or ENUM_SYSTEMS[cls]
        if key not in exts:
            return None
        where, ext = exts.pop(key)
        return self.code(cls, ext.get("valueCode"), f"{where}.valueCode")

    def leftover(self, exts: dict[str, tuple[str, Any]]) -> None:
        for name, (where, _) in exts.items():
            self.cannot_hold(
                where,
                Text(
                    sv=f"anhorigs extension {name!r} här", en=f"anhorig's extension {name!r} here"
                ),
            )

    # -- references --

    def target(self, ref: dict[str, Any], path: str) -> Resolved | None:
        """What a Reference points to, from contained, the Bundle or the resolver."""
        reference = ref.get("reference")
        if reference is None:
            return None
        if not isinstance(reference, str) or not reference:
            self.bad(f"{path}.reference", "väntade text", "expected text")
            return None
        if reference.startswith("#"):
            found = self.contained.get(reference[1:])
            if found is None:
                self.bad(
                    f"{path}.reference",
                    f"{reference[:60]!r} finns inte bland contained",
                    f"{reference[:60]!r} is not among the contained resources",
                )
            return found
        if reference in self.bundle:
            found_in_bundle: Resolved = self.bundle[reference]
            return found_in_bundle
        if self.resolve is not None:
            try:
                resolved = self.resolve(reference)
            except InvalidInput as exc:
                self.under(exc, f"{path}.reference")
                return None
            if resolved is not None:
                if not isinstance(resolved, Mapping | Person | Organisation):
                    self.bad(
                        f"{path}.reference",
                        f"resolvern gav {type(resolved).__name__}",
                        f"the resolver gave {type(resolved).__name__}",
                    )
                    return None
                return resolved
        return None

    def resource_type(self, ref: dict[str, Any], found: Resolved | None) -> str | None:
        if isinstance(found, Mapping):
            kind = found.get("resourceType")
            return kind if isinstance(kind, str) else None
        declared = ref.get("type")
        if isinstance(declared, str):
            return declared
        reference = ref.get("reference")
        if isinstance(reference, str) and "/" in reference and not reference.startswith("#"):
            return reference.rstrip("/").split("/")[-2]
        return None

    def person_id(self, identifier: object, path: str) -> PersonId | bool | None:
        """A personnummer from an Identifier; ``False`` when it is some other identifier."""
        ident = self.obj(identifier, path)
        if ident is None:
            return None
        system = ident.get("system")
        if not isinstance(system, str) or system not in _PERSON_SYSTEMS:
            return False
        raw = ident.get("value")
        try:
            pid = PersonId.parse(raw if isinstance(raw, str) else "")
        except InvalidInput as exc:
            self.problems.extend(Problem(f"{path}.value", p.message) for p in exc.problems)
            return None
        if pid.is_coordination_number != _PERSON_SYSTEMS[system]:
            self.bad(
                f"{path}.system",
                "numret och systemet stämmer inte (personnummer/samordningsnummer)",
                "the number and the system disagree (personnummer/samordningsnummer)",
            )
            return None
        return pid

    def human_name(self, names: object, path: str) -> str | None:
        for where, name in self.objects(names, path):
            text = name.get("text")
            if isinstance(text, str) and text.strip():
                return text
            parts = [
                p for p in self.items(name.get("given"), f"{where}.given") if isinstance(p, str)
            ]
            family = name.get("family")
            if isinstance(family, str):
                parts.append(family)
            if parts:
                return " ".join(parts)
        return None

    def person_from_resource(self, res: Mapping[str, Any], path: str) -> Person | None:
        kind = res.get("resourceType")
        if kind == "PractitionerRole":
            practitioner = self.obj(res.get("practitioner"), f"{path}.practitioner")
            if practitioner is None:
                return None
            return self.person(practitioner, f"{path}.practitioner")[0]
        name = self.human_name(res.get("name"), f"{path}.name")
        pid: PersonId | None = None
        for where, ident in self.objects(res.get("identifier"), f"{path}.identifier"):
            found = self.person_id(ident, where)
            if isinstance(found, PersonId):
                pid = found
        born = self.day(res["birthDate"], f"{path}.birthDate") if "birthDate" in res else None
        return self.make_person(name, pid, born, path)

    def make_person(
        self, name: str | None, pid: PersonId | None, born: date | None, path: str
    ) -> Person | None:
        if name is None:
            self.bad(
                path,
                "personens namn saknas (ange display, contained, en Bundle eller en resolver)",
                "the person's name is missing (give display, contained, a Bundle or a resolver)",
            )
            return None
        try:
            if pid is not None:
                return Person(id=pid, name=name)
            return Person(name=name, birth_date=born)
        except InvalidInput as exc:
            self.under(exc, path)
            return None

    def person(
        self, value: object, path: str, *, keep: tuple[str, ...] = ()
    ) -> tuple[Person | None, dict[str, tuple[str, Any]], Mapping[str, Any] | None]:
        """A person from a Reference: the person, anhorig's extensions in ``keep`` and
        the resource it points to (for its relationship codes)."""
        ref = self.obj(value, path)
        if ref is None:
            return None, {}, None
        self.only(ref, path, {"type", "display", "identifier", "extension", "reference"}, {})
        exts = self.extensions(ref, path)
        wanted = {k: exts.pop(k) for k in keep if k in exts}
        found = self.target(ref, path)
        born: date | None = None
        if "birth-date" in exts:
            where, ext = exts.pop("birth-date")
            born = self.day(ext.get("valueDate"), f"{where}.valueDate")
        self.leftover(exts)
        if isinstance(found, Organisation):
            self.bad(
                path,
                "väntade en person, fick en organisation",
                "expected a person, got an organisation",
            )
            return None, wanted, None
        if isinstance(found, Person):
            return found, wanted, None
        if isinstance(found, Mapping):
            kind = found.get("resourceType")
            if kind not in (*_PEOPLE, "PractitionerRole"):
                self.bad(
                    f"{path}.reference",
                    f"väntade en person, fick {str(kind)[:40]}",
                    f"expected a person, got {str(kind)[:40]}",
                )
                return None, wanted, None
            return self.person_from_resource(found, f"{path}.reference"), wanted, found
        name = ref.get("display") if isinstance(ref.get("display"), str) else None
        pid: PersonId | None = None
        if "identifier" in ref:
            got = self.person_id(ref["identifier"], f"{path}.identifier")
            if got is False:
                self.bad(
                    f"{path}.identifier.system",
                    "väntade personnummer eller samordningsnummer",
                    "expected a personnummer or samordningsnummer",
                )
            elif isinstance(got, PersonId):
                pid = got
        return self.make_person(name, pid, born, path), wanted, None

    def organisation(self, value: object, path: str) -> Organisation | None:
        ref = self.obj(value, path)
        if ref is None:
            return None
        self.only(ref, path, {"type", "display", "identifier", "extension", "reference"}, {})
        exts = self.extensions(ref, path)
        exts.pop("recipient-kind", None)
        found = self.target(ref, path)
        if isinstance(found, Organisation):
            self.leftover(exts)
            return found
        if isinstance(found, Person):
            self.bad(
                path,
                "väntade en organisation, fick en person",
                "expected an organisation, got a person",
            )
            return None
        org_id: str | None = None
        name = ref.get("display") if isinstance(ref.get("display"), str) else None
        principal = self.ext_code(exts, Principal)
        sector = self.ext_code(exts, Sector)
        self.leftover(exts)
        ident = ref.get("identifier")
        if isinstance(ident, dict) and isinstance(ident.get("value"), str):
            org_id = ident["value"]
        if isinstance(found, Mapping):
            where = f"{path}.reference"
            if found.get("resourceType") != "Organization":
                self.bad(
                    where,
                    f"väntade Organization, fick {str(found.get('resourceType'))[:40]}",
                    f"expected Organization, got {str(found.get('resourceType'))[:40]}",
                )
                return None
            if isinstance(found.get("name"), str):
                name = found["name"]
            for item in self.items(found.get("identifier"), f"{where}.identifier"):
                if (
                    isinstance(item, dict)
                    and isinstance(item.get("value"), str)
                    and (item.get("system") == ORGANISATION_IDS or org_id is None)
                ):
                    org_id = item["value"]
            if org_id is None and isinstance(found.get("id"), str):
                org_id = found["id"]
            oexts = self.extensions(dict(found), where)
            principal = self.ext_code(oexts, Principal) or principal
            sector = self.ext_code(oexts, Sector) or sector
            oexts.clear()
            for _j, (tw, concept) in enumerate(self.objects(found.get("type"), f"{where}.type")):
                for _cw, coding in self.objects(concept.get("coding"), f"{tw}.coding"):
                    p_row = self.codes.lookup("principal", coding.get("system"), coding.get("code"))
                    s_row = self.codes.lookup("sector", coding.get("system"), coding.get("code"))
                    if p_row is not None and isinstance(p_row.term, Principal):
                        principal = p_row.term
                    if s_row is not None and isinstance(s_row.term, Sector):
                        sector = s_row.term
        if org_id is None:
            reference = ref.get("reference")
            if isinstance(reference, str) and "/" in reference:
                org_id = reference.rstrip("/").split("/")[-1]
        missing = [
            (label, sv, en)
            for label, value_, sv, en in (
                (
                    "identifier",
                    org_id,
                    "organisationens id saknas",
                    "the organisation's id is missing",
                ),
                (
                    "display",
                    name,
                    "organisationens namn saknas",
                    "the organisation's name is missing",
                ),
                ("principal", principal, "huvudmannen är inte känd", "the principal is not known"),
                (
                    "sector",
                    sector,
                    "verksamheten (sekretesskapitel) är inte känd",
                    "the sector (secrecy chapter) is not known",
                ),
            )
            if value_ is None
        ]
        for label, sv, en in missing:
            self.bad(f"{path}.{label}" if label in ("identifier", "display") else path, sv, en)
        if missing:
            return None
        try:
            return Organisation(id=org_id, name=name, principal=principal, sector=sector)  # type: ignore[arg-type]
        except InvalidInput as exc:
            self.under(exc, path)
            return None

    # -- recipients and provisions --

    def recipient(self, value: object, path: str) -> tuple[Recipient | None, bool]:  # noqa: PLR0915 -- reads one resource element by element
        """A provision actor as a recipient; ``ok`` False when it cannot be held."""
        actor = self.obj(value, path)
        if actor is None:
            return None, False
        self.only(actor, path, {"role", "reference"}, {})
        ok = True
        if "role" in actor:
            roles, fine = self.concept("actor_role", actor["role"], f"{path}.role")
            ok = fine and ActorRole.RECIPIENT in roles
        ref = self.obj(actor.get("reference"), f"{path}.reference")
        if ref is None:
            return None, False
        where = f"{path}.reference"
        before = len(self.problems)
        peek = self.extensions(ref, where)
        del self.problems[before:]
        kind_entry = peek.get("recipient-kind")
        found = self.target(ref, where) if kind_entry is None else None
        rtype = self.resource_type(ref, found)
        if kind_entry is not None:
            kind = self.code(
                RecipientKind, kind_entry[1].get("valueCode"), f"{kind_entry[0]}.valueCode"
            )
        elif isinstance(found, Organisation) or rtype == "Organization":
            kind = RecipientKind.ORGANISATION
        elif isinstance(found, Person) or rtype in (*_PEOPLE, "PractitionerRole"):
            kind = RecipientKind.PERSON
        elif found is None and _names_organisation(ref, peek):
            kind = RecipientKind.ORGANISATION
        elif found is None and ref.get("reference") is None and "display" in ref:
            kind = RecipientKind.PERSON
        else:
            self.cannot_hold(
                where,
                Text(
                    sv=f"mottagaren {str(rtype or ref.get('reference'))[:60]!r} (bara personer och organisationer)",
                    en=f"the recipient {str(rtype or ref.get('reference'))[:60]!r} (only people and organisations)",
                ),
            )
            return None, False
        if kind is None:
            return None, False
        try:
            if kind is RecipientKind.ORGANISATION:
                org = self.organisation(ref, where)
                return (None if org is None else Recipient.of_organisation(org)), ok
            if kind is RecipientKind.PERSON:
                person, wanted, res = self.person(
                    ref, where, keep=("recipient-kind", "recipient-role")
                )
                role: RecipientRole | None = None
                if "recipient-role" in wanted:
                    at, ext = wanted["recipient-role"]
                    role = self.code(RecipientRole, ext.get("valueCode"), f"{at}.valueCode")
                elif res is not None:
                    role, fine = self.relationship_role(res, f"{where}.reference")
                    ok = ok and fine
                return (None if person is None else Recipient.of_person(person, role=role)), ok
            self.only(ref, where, {"display", "extension"}, {})
            exts = self.extensions(ref, where)
            exts.pop("recipient-kind", None)
            if kind is RecipientKind.PRINCIPAL:
                principal = self.ext_code(exts, Principal)
                self.leftover(exts)
                if principal is None:
                    self.bad(where, "huvudmannen saknas", "the principal is missing")
                    return None, False
                return Recipient.any_of_principal(principal), ok
            role_code = self.ext_code(exts, RecipientRole)
            self.leftover(exts)
            if role_code is None:
                self.bad(where, "rollen saknas", "the role is missing")
                return None, False
            return Recipient.any_with_role(role_code), ok
        except InvalidInput as exc:
            self.under(exc, where)
            return None, False

    def relationship_role(
        self, res: Mapping[str, Any], path: str
    ) -> tuple[RecipientRole | None, bool]:
        kind = res.get("resourceType")
        if kind in ("Practitioner", "PractitionerRole"):
            return RecipientRole.CARE_STAFF, True
        if kind != "RelatedPerson":
            return None, True
        roles: list[RecipientRole] = []
        ok = True
        for where, concept in self.objects(res.get("relationship"), f"{path}.relationship"):
            terms, fine = self.concept("recipient_role", concept, where)
            roles.extend(t for t in terms if isinstance(t, RecipientRole))
            ok = ok and fine
        return (roles[0] if roles else RecipientRole.RELATIVE), ok

    def scope_list(
        self, data: dict[str, Any], key: str, table: Table, path: str, *, codings: bool
    ) -> tuple[set[Any], bool]:
        found: set[Any] = set()
        ok = True
        for where, item in self.objects(data.get(key), f"{path}.{key}"):
            if codings:
                term, fine = self.coding_term(table, item, where)
                if fine:
                    found.add(term)
            else:
                terms, fine = self.concept(table, item, where)
                found.update(terms)
            ok = ok and fine
        return found, ok

    def provision(  # noqa: PLR0915 -- reads one resource element by element
        self,
        data: dict[str, Any],
        path: str,
        decision: ProvisionType,
        *,
        version: str,
        depth: int,
        skip: frozenset[str] = frozenset(),
    ) -> Provision | None:
        """One provision of ``decision``; ``None`` when it is set aside or broken."""
        if depth > _MAX_DEPTH:
            self.bad(path, "för djupt nästlat", "nested too deeply")
            return None
        allowed = {
            "action",
            "securityLabel",
            "purpose",
            "actor",
            "dataPeriod",
            "provision",
            "id",
        } | skip
        if version == "R4":
            allowed.add("type")
        before = len(self.aside)
        self.only(data, path, allowed, _PROVISION_ELEMENTS)
        held = len(self.aside) == before
        actions, ok_actions = self.scope_list(data, "action", "action", path, codings=False)
        categories, ok_categories = self.scope_list(
            data, "securityLabel", "category", path, codings=True
        )
        purposes, ok_purposes = self.scope_list(data, "purpose", "purpose", path, codings=True)
        recipients: set[Recipient] = set()
        ok_recipients = True
        for where, actor in self.objects(data.get("actor"), f"{path}.actor"):
            recipient, fine = self.recipient(actor, where)
            if recipient is not None and fine:
                recipients.add(recipient)
            ok_recipients = ok_recipients and fine
        data_period = None
        if "dataPeriod" in data:
            data_period = self.data_period(data["dataPeriod"], f"{path}.dataPeriod")
        permit = decision is ProvisionType.PERMIT
        if permit and not (held and ok_actions and ok_categories and ok_purposes and ok_recipients):
            self.meaning(
                path,
                "tillåtelsen läses inte: den är snävare än anhorig kan hålla",
                "the permit is not read: it is narrower than anhorig can hold",
            )
            return None
        if not permit:
            # A deny whose scope cannot be held is read as covering more, never less.
            actions = actions if ok_actions else set()
            categories = categories if ok_categories else set()
            purposes = purposes if ok_purposes else set()
            recipients = recipients if ok_recipients else set()
            if not (ok_actions and ok_categories and ok_purposes and ok_recipients and held):
                self.meaning(
                    path,
                    "nekandet läses så att det täcker mer: det som inte kan hållas begränsar det inte",
                    "the deny is read as covering more: what cannot be held does not narrow it",
                )
        exceptions: list[Provision] = []
        for where, child in self.objects(data.get("provision"), f"{path}.provision"):
            child_decision = decision.opposite
            if version == "R4":
                stated = child.get("type")
                if stated is None:
                    self.meaning(
                        f"{where}.type",
                        "typen saknas: om regeln tillåter eller nekar står inte",
                        "the type is missing: whether the rule permits or denies is not stated",
                    )
                    if permit:
                        child_decision = ProvisionType.DENY
                    else:
                        continue
                else:
                    got = self.code(ProvisionType, stated, f"{where}.type")
                    if got is None:
                        continue
                    if got is decision:
                        self.bad(
                            f"{where}.type",
                            f"ett undantag måste ha motsatt beslut ({decision.opposite.value})",
                            f"an exception must have the opposite decision ({decision.opposite.value})",
                        )
                        continue
            read = self.provision(child, where, child_decision, version=version, depth=depth + 1)
            if read is not None:
                exceptions.append(read)
        try:
            return Provision(
                decision=decision,
                actions=frozenset(actions),
                categories=frozenset(categories),
                recipients=frozenset(recipients),
                purposes=frozenset(purposes),
                data_period=data_period,
                exceptions=tuple(exceptions),
            )
        except InvalidInput as exc:
            self.under(exc, path)
            return None

    def data_period(self, value: object, path: str) -> Period | None:
        data = self.obj(value, path)
        if data is None:
            return None
        self.only(data, path, {"start", "end"}, {})
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
            self.under(exc, path)
            return None

    def validity(
        self, value: object, path: str
    ) -> tuple[pendulum.DateTime | None, pendulum.DateTime | None]:
        data = self.obj(value, path)
        if data is None:
            return None, None
        self.only(data, path, {"start", "end"}, {})
        start = self.instant(data["start"], f"{path}.start") if "start" in data else None
        end = self.instant(data["end"], f"{path}.end") if "end" in data else None
        return start, end

    # -- grantor and evidence --

    def grantor(self, value: object, path: str, subject: Person | None) -> Grantor | None:
        person, wanted, res = self.person(value, path, keep=("grantor-capacity", "child-view"))
        capacity: GrantorCapacity | None = None
        if "grantor-capacity" in wanted:
            at, ext = wanted["grantor-capacity"]
            capacity = self.code(GrantorCapacity, ext.get("valueCode"), f"{at}.valueCode")
        elif (
            person is not None and subject is not None and person_key(person) == person_key(subject)
        ):
            capacity = GrantorCapacity.SELF
        elif res is not None and res.get("resourceType") == "RelatedPerson":
            capacity = GrantorCapacity.RELATIVE
            for where, concept in self.objects(
                res.get("relationship"), f"{path}.reference.relationship"
            ):
                terms, _ = self.concept("grantor_capacity", concept, where)
                if terms:
                    capacity = terms[0]
        else:
            capacity = GrantorCapacity.OTHER
        view = None
        if "child-view" in wanted:
            view = self.child_view(wanted["child-view"])
        if person is None or capacity is None:
            return None
        return Grantor(person=person, capacity=capacity, child_view=view)

    def child_view(self, entry: tuple[str, Any]) -> ChildView | None:
        at, ext = entry
        parts = self.extensions(ext, at)
        opinion = self.ext_code(parts, ChildOpinion, name="child-opinion")
        recorded = None
        if "recorded-at" in parts:
            where, sub = parts.pop("recorded-at")
            recorded = self.instant(sub.get("valueDateTime"), f"{where}.valueDateTime")
        note = ""
        if "note" in parts:
            where, sub = parts.pop("note")
            note = self.string(sub.get("valueString"), f"{where}.valueString") or ""
        self.leftover(parts)
        if opinion is None:
            self.bad(at, "barnets inställning saknas", "the child's opinion is missing")
        if recorded is None:
            self.bad(at, "tidpunkten saknas", "the instant is missing")
        if opinion is None or recorded is None:
            return None
        return ChildView(opinion=opinion, recorded_at=recorded, note=note)

    def evidence_ext(self, entry: tuple[str, Any]) -> Evidence | None:
        at, ext = entry
        parts = self.extensions(ext, at)
        form = self.ext_code(parts, EvidenceForm, name="evidence-form")
        by = when = None
        ref = ""
        if "documented-by" in parts:
            where, sub = parts.pop("documented-by")
            by = self.string(sub.get("valueString"), f"{where}.valueString")
        if "documented-at" in parts:
            where, sub = parts.pop("documented-at")
            when = self.instant(sub.get("valueDateTime"), f"{where}.valueDateTime")
        if "document-ref" in parts:
            where, sub = parts.pop("document-ref")
            ref = self.string(sub.get("valueString"), f"{where}.valueString") or ""
        self.leftover(parts)
        if form is None:
            self.bad(at, "formen saknas", "the form is missing")
            return None
        return Evidence(form=form, documented_by=by, documented_at=when, document_ref=ref)

    def source(self, data: dict[str, Any], version: str) -> str | None:
        """The document the consent was recorded in (sourceAttachment / sourceReference)."""
        found: list[str] = []
        for key in ("sourceAttachment", "sourceReference"):
            if key not in data:
                continue
            value = data[key]
            entries = (
                [(f"$.{key}", value)]
                if version == "R4"
                else [(f"$.{key}[{i}]", v) for i, v in enumerate(self.items(value, f"$.{key}"))]
            )
            for where, item in entries:
                doc = self.obj(item, where)
                if doc is None:
                    continue
                if "data" in doc:
                    self.cannot_hold(
                        f"{where}.data",
                        Text(
                            sv="dokumentets innehåll (bara en hänvisning hålls)",
                            en="the document's content (only a reference is held)",
                        ),
                    )
                label = None
                for field in ("url", "reference", "title", "display"):
                    if isinstance(doc.get(field), str) and doc[field].strip():
                        label = doc[field]
                        break
                if label is None and isinstance(doc.get("identifier"), dict):
                    value_ = doc["identifier"].get("value")
                    label = value_ if isinstance(value_, str) else None
                if label is None:
                    self.bad(
                        where,
                        "dokumentet saknar url, titel eller referens",
                        "the document has no url, title or reference",
                    )
                else:
                    found.append(label)
        if len(found) > 1:
            self.cannot_hold(
                "$.sourceAttachment", Text(sv="mer än ett dokument", en="more than one document")
            )
        return found[0] if found else None

    def verification(
        self, data: dict[str, Any], version: str
    ) -> tuple[str | None, pendulum.DateTime | None]:
        by: str | None = None
        when: pendulum.DateTime | None = None
        for where, item in self.objects(data.get("verification"), "$.verification"):
            self.only(
                item,
                where,
                {"verified", "verifiedBy", "verificationDate"},
                _VERIFICATION_ELEMENTS,
            )
            if item.get("verified") is True and "verifiedBy" not in item:
                self.cannot_hold(
                    f"{where}.verified",
                    Text(
                        sv="att samtycket kontrollerats, men inte av vem",
                        en="that the consent was checked, but not by whom",
                    ),
                )
                continue
            if item.get("verified") is not True:
                if not isinstance(item.get("verified"), bool):
                    self.bad(
                        f"{where}.verified", "väntade true eller false", "expected true or false"
                    )
                else:
                    self.cannot_hold(
                        f"{where}.verified",
                        Text(
                            sv="samtycket kontrollerades och bekräftades inte",
                            en="the consent was checked and not confirmed",
                        ),
                    )
                continue
            if "verifiedBy" in item:
                ref = self.obj(item["verifiedBy"], f"{where}.verifiedBy")
                if ref is not None:
                    ident = ref.get("identifier")
                    value = ident.get("value") if isinstance(ident, dict) else None
                    value = value if isinstance(value, str) else ref.get("reference")
                    by = self.string(value, f"{where}.verifiedBy")
            if "verificationDate" in item:
                raw = item["verificationDate"]
                dates = [raw] if version == "R4" else self.items(raw, f"{where}.verificationDate")
                for i, stamp in enumerate(dates):
                    at = f"{where}.verificationDate" + ("" if version == "R4" else f"[{i}]")
                    when = self.instant(stamp, at) or when
        return by, when


def _names_organisation(ref: dict[str, Any], exts: dict[str, tuple[str, Any]]) -> bool:
    ident = ref.get("identifier")
    system = ident.get("system") if isinstance(ident, dict) else None
    return system == ORGANISATION_IDS or "principal" in exts or "sector" in exts


def _quoted(row: CodeRow) -> Text:
    return Text(
        sv=f"{row.meaning.sv} ({row.system}#{row.code})",
        en=f"{row.meaning.en} ({row.system}#{row.code})",
    )


def _what(sv: str, en: str) -> Text:
    return Text(sv=sv, en=en)


_PROVISION_ELEMENTS = {
    "data": _what(
        "regeln gäller bara vissa journalposter", "the rule covers particular records only"
    ),
    "class": _what(
        "regeln gäller bara vissa slag av resurser",
        "the rule covers particular kinds of resources only",
    ),
    "documentType": _what(
        "regeln gäller bara vissa dokumenttyper", "the rule covers particular document types only"
    ),
    "resourceType": _what(
        "regeln gäller bara vissa slag av resurser",
        "the rule covers particular kinds of resources only",
    ),
    "code": _what(
        "regeln gäller bara uppgifter med vissa koder",
        "the rule covers information with particular codes only",
    ),
    "period": _what(
        "regeln gäller bara under en del av samtyckets tid",
        "the rule holds for part of the consent's time only",
    ),
    "expression": _what("regeln gäller enligt ett uttryck", "the rule holds by an expression"),
    "extension": _what("en extension på regeln", "an extension on the rule"),
}
_VERIFICATION_ELEMENTS = {
    "verifiedWith": _what("vem samtycket kontrollerades med", "whom the consent was checked with"),
    "verificationType": _what("hur samtycket kontrollerades", "how the consent was checked"),
}
_CONSENT_ELEMENTS = {
    "identifier": _what("samtyckets affärsidentitet", "the consent's business identifier"),
    "policy": _what("policyn samtycket hänvisar till", "the policy the consent refers to"),
    "policyBasis": _what("policyn samtycket bygger på", "the policy the consent rests on"),
    "policyText": _what("policytexten", "the policy text"),
    "manager": _what("vem som förvaltar samtycket", "who manages the consent"),
    "grantee": _what("vem samtycket ges till", "whom the consent is granted to"),
    "language": _what("resursens språk", "the resource's language"),
}


# --- the resource ----------------------------------------------------------------------

_COMMON = {"resourceType", "id", "meta", "text", "status", "category", "extension", "contained"}
_R4 = _COMMON | {
    "scope",
    "patient",
    "dateTime",
    "performer",
    "organization",
    "policyRule",
    "provision",
    "sourceAttachment",
    "sourceReference",
    "verification",
}
_R5 = _COMMON | {
    "subject",
    "date",
    "period",
    "grantor",
    "grantee",
    "controller",
    "regulatoryBasis",
    "decision",
    "provision",
    "sourceAttachment",
    "sourceReference",
    "verification",
}


def _kinds(reader: _Reader, data: dict[str, Any], version: str) -> tuple[set[Any], bool]:
    """What the consent is about, from scope, category and basis; ``ok`` False when one of
    them restricts it in a way anhorig cannot hold."""
    kinds: set[Any] = set()
    ok = True
    sources: list[tuple[str, object]] = []
    if version == "R4" and "scope" in data:
        sources.append(("$.scope", data["scope"]))
    sources += [(w, c) for w, c in _indexed(reader, data, "category")]
    basis_key = "policyRule" if version == "R4" else "regulatoryBasis"
    bases = (
        [("$.policyRule", data["policyRule"])] if version == "R4" and "policyRule" in data else []
    )
    if version == "R5":
        bases = _indexed(reader, data, "regulatoryBasis")
    for where, concept in sources:
        terms, fine = reader.concept("kind", concept, where)
        kinds.update(terms)
        ok = ok and fine
    for where, concept in bases:
        basis = reader.obj(concept, where)
        if basis is None:
            continue
        for cw, coding in reader.objects(basis.get("coding"), f"{where}.coding"):
            system, code = coding.get("system"), coding.get("code")
            if version == "R4" and reader.codes.lookup("base", system, code) is not None:
                continue
            row, fine = reader.lookup("kind", coding, cw)
            if fine and row is not None:
                kinds.add(row.term)
            ok = ok and fine
        text = basis.get("text")
        if text is not None and text != OSL_BASIS:
            reader.cannot_hold(
                f"{where}.text",
                Text(
                    sv=f"den rättsliga grunden {str(text)[:60]!r}",
                    en=f"the legal basis {str(text)[:60]!r}",
                ),
            )
            ok = False
        if not basis.get("coding") and text is None:
            reader.bad(where, "varken kod eller text", "neither code nor text")
    _ = basis_key
    return kinds, ok


def _indexed(reader: _Reader, data: dict[str, Any], key: str) -> list[tuple[str, Any]]:
    return [(f"$.{key}[{i}]", v) for i, v in enumerate(reader.items(data.get(key), f"$.{key}"))]


def _r4_base(reader: _Reader, data: dict[str, Any]) -> ProvisionType | None:
    found: set[ProvisionType] = set()
    rule = data.get("policyRule")
    if isinstance(rule, dict):
        for coding in rule.get("coding") or []:
            if isinstance(coding, dict):
                row = reader.codes.lookup("base", coding.get("system"), coding.get("code"))
                if row is not None and isinstance(row.term, ProvisionType):
                    found.add(row.term)
    if len(found) > 1:
        reader.bad("$.policyRule", "både opt-in och opt-out", "both opt-in and opt-out")
        return None
    return next(iter(found), None)


def _single(
    reader: _Reader, data: dict[str, Any], key: str, *, required: bool
) -> tuple[str, object] | None:
    items = reader.items(data.get(key), f"$.{key}")
    if not items:
        if required:
            reader.bad(f"$.{key}", "obligatoriskt fält saknas", "required field missing")
        return None
    if len(items) > 1:
        reader.cannot_hold(
            f"$.{key}[1]",
            Text(
                sv=f"mer än en ({len(items)}); anhorig håller en",
                en=f"more than one ({len(items)}); anhorig holds one",
            ),
        )
    return f"$.{key}[0]", items[0]


def _strip_permits(provision: Provision) -> Provision | None:
    if provision.decision is ProvisionType.PERMIT:
        return None
    return attrs.evolve(provision, exceptions=())


def _read_consent(reader: _Reader, data: dict[str, Any]) -> Consent | None:  # noqa: PLR0915 -- reads one resource element by element
    """One Consent resource; ``None`` when it cannot be relied on (reasons collected)."""
    version = "R5" if ("subject" in data or "decision" in data or "grantor" in data) else "R4"
    reader.contained = {}
    for where, res in reader.objects(data.get("contained"), "$.contained"):
        if isinstance(res.get("id"), str):
            reader.contained[res["id"]] = res
        else:
            reader.bad(f"{where}.id", "id saknas", "the id is missing")
    reader.only(data, "$", _R4 if version == "R4" else _R5, _CONSENT_ELEMENTS)
    status = data.get("status")
    in_force = status == "active"
    if not in_force:
        sv, en = _STATUS_MEANING.get(str(status), ("okänd status", "an unknown status"))
        reader.meaning(
            "$.status",
            f"samtycket är {sv} ({str(status)[:20]!r}); bara 'active' gäller, en återkallelse är en egen händelse",
            f"the consent is {en} ({str(status)[:20]!r}); only 'active' holds, a revocation is an event of its own",
        )
    kinds, kind_ok = _kinds(reader, data, version)
    other = sorted(k for k in kinds if k not in (ConsentKind.INFORMATION, ConsentKind.GENERAL))
    if other:
        what = ", ".join(k.label("sv") for k in other)
        what_en = ", ".join(k.label("en") for k in other)
        reader.meaning(
            "$",
            f"samtycket gäller inte utlämnande av uppgifter utan: {what}",
            f"the consent is not about sharing information but: {what_en}",
        )
    consent_id = reader.string(data.get("id"), "$.id") if "id" in data else None
    if "id" not in data:
        reader.bad("$.id", "obligatoriskt fält saknas", "required field missing")
    subject_key, grantor_key, org_key = (
        ("patient", "performer", "organization")
        if version == "R4"
        else ("subject", "grantor", "controller")
    )
    subject = None
    if subject_key in data:
        subject = reader.person(data[subject_key], f"$.{subject_key}")[0]
    else:
        reader.bad(f"$.{subject_key}", "obligatoriskt fält saknas", "required field missing")
    grantor = None
    first = _single(reader, data, grantor_key, required=False)
    if first is not None:
        grantor = reader.grantor(first[1], first[0], subject)
    elif subject is not None:
        # No grantor stated: the resource is the person's own record of their choice.
        grantor = Grantor(person=subject, capacity=GrantorCapacity.SELF)
    org = None
    chosen = _single(reader, data, org_key, required=True)
    if chosen is not None:
        org = reader.organisation(chosen[1], chosen[0])
    exts = reader.extensions(data, "$")
    evidence = reader.evidence_ext(exts.pop("evidence")) if "evidence" in exts else None
    document = reader.source(data, version)
    by, when = reader.verification(data, version)
    if evidence is not None and (document is not None or by is not None):
        reader.cannot_hold(
            "$.extension",
            Text(sv="två uppgifter om dokumentation", en="two records of the documentation"),
        )
    elif evidence is None and document is not None:
        evidence = Evidence(
            form=EvidenceForm.WRITTEN, documented_by=by, documented_at=when, document_ref=document
        )
    elif evidence is None and by is not None:
        reader.cannot_hold(
            "$.verification",
            Text(
                sv="en kontroll utan dokument: samtyckets form är inte känd",
                en="a verification without a document: the consent's form is not known",
            ),
        )
    given: pendulum.DateTime | None = None
    start = end = None
    provision: Provision | None = None
    base_held = True
    if version == "R4":
        reader.leftover(exts)
        if "dateTime" in data:
            given = reader.instant(data["dateTime"], "$.dateTime")
        else:
            reader.bad(
                "$.dateTime", "när samtycket gavs saknas", "when the consent was given is missing"
            )
        provision, base_held, start, end = _r4_provision(reader, data)
    else:
        if "given-at" in exts:
            where, ext = exts.pop("given-at")
            given = reader.instant(ext.get("valueDateTime"), f"{where}.valueDateTime")
            day = reader.day(data["date"], "$.date") if "date" in data else None
            if given is not None and day is not None and day != given.date():
                reader.bad("$.date", "stämmer inte med given-at", "disagrees with given-at")
        elif "date" in data:
            given = reader.instant(data["date"], "$.date")
        else:
            reader.bad(
                "$.date", "när samtycket gavs saknas", "when the consent was given is missing"
            )
        scoped = False
        if "scoped-base" in exts:
            where, ext = exts.pop("scoped-base")
            scoped = ext.get("valueBoolean") is True
        reader.leftover(exts)
        if "period" in data:
            start, end = reader.validity(data["period"], "$.period")
        provision, base_held = _r5_provision(reader, data, scoped)
        if provision is not None and "grantee" in data:
            provision = _grantees(reader, data, provision)
    if not kind_ok and provision is not None:
        reader.meaning(
            "$",
            "samtyckets tillåtelser läses inte: slaget begränsar dem på ett sätt anhorig inte kan hålla",
            "the consent's permits are not read: its kind restricts them in a way anhorig cannot hold",
        )
        provision = _strip_permits(provision)
    if not in_force or other or not base_held or provision is None:
        return None
    if consent_id is None or subject is None or grantor is None or org is None or given is None:
        return None
    try:
        return Consent(
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
    except InvalidInput as exc:
        reader.under(exc, "$")
        return None


def _r4_provision(
    reader: _Reader, data: dict[str, Any]
) -> tuple[Provision | None, bool, pendulum.DateTime | None, pendulum.DateTime | None]:
    """R4: the base decision from ``policyRule`` (OPTIN permits, OPTOUT denies) or the
    root's ``type``. A root typed as the base is the base itself, scoped; otherwise the
    root is an exception to the base (R4: "an exception to the base policy"). A root
    with nothing but a period only says when the consent holds."""
    policy = _r4_base(reader, data)
    raw = reader.obj(data["provision"], "$.provision") if "provision" in data else {}
    if raw is None:
        return None, True, None, None
    start = end = None
    if "period" in raw:
        start, end = reader.validity(raw["period"], "$.provision.period")
    stated: ProvisionType | None = None
    if "type" in raw:
        stated = reader.code(ProvisionType, raw["type"], "$.provision.type")
        if stated is None:
            return None, True, start, end
    base = policy or stated
    if base is None:
        reader.bad(
            "$.provision.type",
            "grundbeslutet står inte (varken provision.type eller policyRule opt-in/opt-out)",
            "the base decision is not stated (neither provision.type nor policyRule opt-in/opt-out)",
        )
        return None, True, start, end
    skip = frozenset({"period"})
    scoped = set(raw) - {"period", "type", "id"}
    if stated is base or (stated is None and not scoped):
        read = reader.provision(raw, "$.provision", base, version="R4", depth=0, skip=skip)
        return read, read is not None, start, end
    exception = reader.provision(
        raw, "$.provision", base.opposite, version="R4", depth=0, skip=skip
    )
    if exception is None and base is ProvisionType.DENY:
        return Provision(decision=base), True, start, end
    if exception is None:
        return None, False, start, end
    try:
        return Provision(decision=base, exceptions=(exception,)), True, start, end
    except InvalidInput as exc:
        reader.under(exc, "$.provision")
        return None, True, start, end


def _r5_provision(
    reader: _Reader, data: dict[str, Any], scoped: bool
) -> tuple[Provision | None, bool]:
    """R5: ``decision`` is the base, each provision an exception of the opposite decision
    (anhorig's ``scoped-base`` extension marks a scoped base written as one exception)."""
    if "decision" not in data:
        reader.bad("$.decision", "grundbeslutet saknas", "the base decision is missing")
        return None, True
    decision = reader.code(ProvisionType, data["decision"], "$.decision")
    if decision is None:
        return None, True
    items = reader.objects(data.get("provision"), "$.provision")
    if scoped:
        if len(items) != 1:
            reader.bad(
                "$.provision",
                "en avgränsad grund kräver exakt ett villkor",
                "a scoped base needs exactly one provision",
            )
            return None, True
        where, raw = items[0]
        read = reader.provision(raw, where, decision.opposite, version="R5", depth=0)
        return read, read is not None
    exceptions = []
    for where, raw in items:
        read = reader.provision(raw, where, decision.opposite, version="R5", depth=0)
        if read is not None:
            exceptions.append(read)
        elif decision is ProvisionType.PERMIT and not reader.problems:
            # A deny exception that cannot be read would leave the permit wider than meant.
            return None, False
    try:
        return Provision(decision=decision, exceptions=tuple(exceptions)), True
    except InvalidInput as exc:
        reader.under(exc, "$.provision")
        return None, True


def _grantees(reader: _Reader, data: dict[str, Any], provision: Provision) -> Provision | None:
    """R5 ``grantee``: whom a permitting consent is given to, read as the base's recipients."""
    if provision.decision is not ProvisionType.PERMIT or not provision.is_unscoped:
        reader.cannot_hold("$.grantee", _CONSENT_ELEMENTS["grantee"])
        return provision
    recipients: set[Recipient] = set()
    ok = True
    for where, ref in _indexed(reader, data, "grantee"):
        recipient, fine = reader.recipient({"reference": ref}, where)
        if recipient is not None and fine:
            recipients.add(recipient)
        ok = ok and fine
    if not ok:
        reader.meaning("$.grantee", "tillåtelsen läses inte", "the permit is not read")
        return None
    return attrs.evolve(provision, recipients=frozenset(recipients))


# --- the entry points ------------------------------------------------------------------

_PARTIES = {
    "Patient",
    "RelatedPerson",
    "Organization",
    "Practitioner",
    "PractitionerRole",
    "Person",
}


def read_fhir(  # noqa: PLR0915 -- reads one resource element by element
    resource: Mapping[str, Any],
    *,
    codes: CodeTables = DEFAULT_CODES,
    resolve: Resolver | None = None,
    lenient: bool = False,
) -> tuple[Reading, ...]:
    """Read a FHIR ``Consent`` (R4, R4B or R5) or a ``Bundle`` holding Consents and the
    people and organisations they refer to.

    References are resolved from the resource's ``contained``, from the Bundle (by full
    URL or ``Type/id``) and then through ``resolve``. Codes are read through ``codes``.
    Strict (the default): anything anhorig cannot hold raises ``InvalidInput`` naming
    its path and what it would have meant. ``lenient=True`` returns each consent with
    what was set aside instead; only input that cannot be read at all raises.
    """
    if not isinstance(codes, CodeTables):
        raise InvalidInput.at("codes", sv="väntade CodeTables", en="expected CodeTables")
    if resolve is not None and not callable(resolve):
        raise InvalidInput.at("resolve", sv="väntade en funktion", en="expected a callable")
    if not isinstance(lenient, bool):
        raise InvalidInput.at("lenient", sv="väntade true eller false", en="expected true or false")
    reader = _Reader(codes, resolve, lenient)
    data = reader.obj(resource, "$")
    if data is None:
        raise InvalidInput(reader.problems)
    kind = data.get("resourceType")
    entries: list[tuple[str, dict[str, Any]]] = []
    shared: list[Problem] = []
    if kind == "Consent":
        entries.append(("$", data))
    elif kind == "Bundle":
        for where, entry in reader.objects(data.get("entry"), "$.entry"):
            res = reader.obj(entry.get("resource"), f"{where}.resource")
            if res is None:
                continue
            rtype = res.get("resourceType")
            if rtype == "Consent":
                entries.append((f"{where}.resource", res))
            elif isinstance(rtype, str) and rtype in _PARTIES:
                if isinstance(res.get("id"), str):
                    reader.bundle[f"{rtype}/{res['id']}"] = res
                if isinstance(entry.get("fullUrl"), str):
                    reader.bundle[entry["fullUrl"]] = res
            else:
                reader.cannot_hold(
                    f"{where}.resource",
                    Text(
                        sv=f"en {str(rtype)[:40]} i Bundlen",
                        en=f"a {str(rtype)[:40]} in the Bundle",
                    ),
                )
        if not entries and not reader.problems:
            reader.bad("$.entry", "Bundlen innehåller inget Consent", "the Bundle holds no Consent")
        shared = list(reader.aside)
    else:
        reader.bad(
            "$.resourceType",
            f"väntade 'Consent' eller 'Bundle', fick {str(kind)[:40]!r}",
            f"expected 'Consent' or 'Bundle', got {str(kind)[:40]!r}",
        )
    failures = list(reader.problems)
    readings: list[Reading] = []
    for prefix, consent_data in entries:
        reader.problems, reader.aside = [], []
        try:
            consent = _read_consent(reader, consent_data)
        except RecursionError:
            reader.bad("$", "för djupt nästlat", "nested too deeply")
            consent = None
        problems = [p.under(prefix) for p in reader.problems]
        aside = [*shared, *(p.under(prefix) for p in reader.aside)]
        if problems or (aside and not lenient):
            failures += problems if lenient else [*problems, *aside]
            continue
        readings.append(Reading(path=prefix, consent=consent, set_aside=tuple(aside)))
    if failures:
        raise InvalidInput(failures)
    return tuple(readings)


def from_fhir(
    resource: Mapping[str, Any],
    *,
    codes: CodeTables = DEFAULT_CODES,
    resolve: Resolver | None = None,
) -> Consent:
    """Read one FHIR ``Consent`` (R4, R4B or R5), or a Bundle holding exactly one, strictly:
    ``InvalidInput`` names every path that is missing, malformed or cannot be held."""
    readings = read_fhir(resource, codes=codes, resolve=resolve)
    if len(readings) != 1:
        raise InvalidInput.at(
            "$.entry",
            sv=f"väntade exakt ett Consent, fick {len(readings)}; läs Bundlen med read_fhir",
            en=f"expected exactly one Consent, got {len(readings)}; read the Bundle with read_fhir",
        )
    consent = readings[0].consent
    assert consent is not None  # strict reading gives a consent or raises
    return consent
