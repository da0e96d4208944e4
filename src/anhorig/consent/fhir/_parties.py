"""Reading the parties of a FHIR ``Consent``: references (contained, in the Bundle, or
through the resolver), people by personnummer or samordningsnummer, organisations,
recipients and the grantor with the child's view.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from anhorig.consent.fhir._names import (
    ORGANISATION_IDS,
    PERSONNUMMER,
    SAMORDNINGSNUMMER,
    SE_PERSONNUMMER,
    SE_SAMORDNINGSNUMMER,
)
from anhorig.consent.fhir._reading import Reader, Resolved
from anhorig.consent.fhir.codes import (
    ActorRole,
)
from anhorig.consent.model import (
    ChildOpinion,
    ChildView,
    Grantor,
    GrantorCapacity,
    Organisation,
    Principal,
    Recipient,
    RecipientKind,
    RecipientRole,
    Sector,
    person_key,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Text
from anhorig.people import Person, PersonId

__all__ = ["PartyReader", "names_organisation"]

_PERSON_SYSTEMS = {
    PERSONNUMMER: False,
    SE_PERSONNUMMER: False,
    SAMORDNINGSNUMMER: True,
    SE_SAMORDNINGSNUMMER: True,
}
_PEOPLE = ("Patient", "RelatedPerson", "Practitioner", "Person")


class PartyReader(Reader):
    """Reads references and the parties: people, organisations, recipients, the grantor."""

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

    def _types(
        self, found: Mapping[str, Any], where: str
    ) -> tuple[Principal | None, Sector | None, list[Text]]:
        """The principal and sector an Organization's ``type`` codes give, and what the
        codes the tables know but that name no sector do mean."""
        principal: Principal | None = None
        sector: Sector | None = None
        said: list[Text] = []
        for tw, concept in self.objects(found.get("type"), f"{where}.type"):
            for cw, coding in self.objects(concept.get("coding"), f"{tw}.coding"):
                system, code = coding.get("system"), coding.get("code")
                # A code the tables do not know may stand (an organisation has many
                # kinds of type); one that is not text is malformed, never passed over.
                for key, value in (("system", system), ("code", code)):
                    if value is not None and not isinstance(value, str):
                        self.bad(f"{cw}.{key}", "väntade text", "expected text")
                p_row = self.codes.lookup("principal", system, code)
                s_row = self.codes.lookup("sector", system, code)
                if p_row is not None and isinstance(p_row.term, Principal):
                    principal = p_row.term
                if s_row is not None and isinstance(s_row.term, Sector):
                    sector = s_row.term
                elif s_row is not None:
                    said.append(s_row.meaning)
        return principal, sector, said

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
        said_types: list[Text] = []
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
            typed_principal, typed_sector, said_types = self._types(found, where)
            principal = typed_principal or principal
            sector = typed_sector or sector
        if org_id is None:
            reference = ref.get("reference")
            if isinstance(reference, str) and "/" in reference:
                org_id = reference.rstrip("/").split("/")[-1]
        hint = (
            Text(
                sv=" (organisationsresursen anger den varken med anhorigs extension '{name}' "
                "eller med en type-kod som kodtabellerna känner)",
                en=" (the Organization gives it neither by anhorig's extension '{name}' nor by "
                "a type code the mapping tables know)",
            )
            if isinstance(found, Mapping)
            else Text(
                sv=" (ingen organisationsresurs att läsa den ur: ge den i contained, i Bundlen "
                "eller bland parterna, --parties)",
                en=" (no Organization to read it from: give one contained, in the Bundle or "
                "among the parties, --parties)",
            )
        )
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
                (
                    "principal",
                    principal,
                    "huvudmannen är inte känd" + hint.sv.format(name="principal"),
                    "the principal is not known" + hint.en.format(name="principal"),
                ),
                (
                    "sector",
                    sector,
                    "verksamheten (sekretesskapitel) är inte känd"
                    + "".join(f"; typen säger bara: {t.sv}" for t in said_types)
                    + hint.sv.format(name="sector"),
                    "the sector (secrecy chapter) is not known"
                    + "".join(f"; the type says only: {t.en}" for t in said_types)
                    + hint.en.format(name="sector"),
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
        elif found is None and names_organisation(ref, peek):
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


def names_organisation(ref: dict[str, Any], exts: dict[str, tuple[str, Any]]) -> bool:
    ident = ref.get("identifier")
    system = ident.get("system") if isinstance(ident, dict) else None
    return system == ORGANISATION_IDS or "principal" in exts or "sector" in exts
