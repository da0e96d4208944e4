"""Reading what narrows a FHIR ``provision`` beyond action, purpose and recipient: the
time it holds for (``period``), whose information it covers (actor ``CST``, the
custodian), and which information (``data``, R4 ``class``, R5 ``resourceType``, ``code``,
R5 ``documentType``, ``securityLabel`` codes that are not anhorig's categories, actor
``AUT``), into :class:`~anhorig.consent.model.Provision`'s ``valid_from``,
``valid_until``, ``holders`` and ``information``.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pendulum

from anhorig.consent.fhir._names import CODE_SYSTEM
from anhorig.consent.fhir._parties import PartyReader
from anhorig.consent.fhir.codes import ActorRole
from anhorig.consent.model import (
    InfoCategory,
    InformationKind,
    InformationSelector,
    Organisation,
    RecordLink,
)
from anhorig.errors import InvalidInput
from anhorig.time import ZONE

__all__ = ["INFORMATION_KIND_EXTENSION", "PROVISION_PERIOD_EXTENSION", "Narrowing", "ScopeReader"]

PROVISION_PERIOD_EXTENSION = "provision-period"
"""anhorig's extension (``valuePeriod``) for an R4 root provision's own period: R4's root
``provision.period`` is the consent's validity."""
INFORMATION_KIND_EXTENSION = "information-kind"
"""anhorig's extension on an R4 ``class`` Coding that is a document type (R4 has no
``documentType``)."""

_CODING_ELEMENTS = {
    "class": InformationKind.RESOURCE_KIND,
    "resourceType": InformationKind.RESOURCE_KIND,
    "documentType": InformationKind.DOCUMENT_TYPE,
}


class Narrowing:
    """What a provision's narrowing elements said, and whether all of it can be held."""

    __slots__ = ("holders", "information", "ok", "valid_from", "valid_until")

    def __init__(self) -> None:
        self.holders: set[Organisation] = set()
        self.information: set[InformationSelector] = set()
        self.valid_from: pendulum.DateTime | None = None
        self.valid_until: pendulum.DateTime | None = None
        self.ok = True


class ScopeReader(PartyReader):
    """Reads the elements that narrow a provision to a time, some holders, some information."""

    def actor_role(self, actor: dict[str, Any]) -> ActorRole | None:
        """The actor's role as the tables map it, looked up without a word (the recipient
        reader reports what is wrong with a role); custodian and author go first."""
        role = actor.get("role")
        codings = role.get("coding") if isinstance(role, dict) else None
        found: set[Any] = set()
        for coding in codings if isinstance(codings, list) else ():
            if isinstance(coding, dict):
                row = self.codes.lookup("actor_role", coding.get("system"), coding.get("code"))
                if row is not None:
                    found.add(row.term)
        for role_ in (ActorRole.CUSTODIAN, ActorRole.AUTHOR):
            if role_ in found:
                return role_
        return None

    def holder(self, actor: dict[str, Any], path: str, into: Narrowing) -> None:
        """A custodian actor: the organisation that holds the information."""
        self.only(actor, path, {"role", "reference"}, {})
        org = self.organisation(actor.get("reference"), f"{path}.reference")
        if org is None:
            into.ok = False
        else:
            into.holders.add(org)

    def author(self, actor: dict[str, Any], path: str, into: Narrowing) -> None:
        """An author actor: an ``AUTHOR`` selector holding its reference (or identifier)."""
        self.only(actor, path, {"role", "reference"}, {})
        self.reference_selector(actor.get("reference"), f"{path}.reference", into, author=True)

    def reference_selector(
        self,
        value: object,
        path: str,
        into: Narrowing,
        *,
        author: bool = False,
        link: RecordLink | None = None,
    ) -> None:
        ref = self.obj(value, path)
        if ref is None:
            into.ok = False
            return
        system, code = "", ref.get("reference")
        ident = ref.get("identifier")
        if not isinstance(code, str) and isinstance(ident, dict):
            system, code = ident.get("system", ""), ident.get("value")
        if not isinstance(code, str) or not code.strip() or not isinstance(system, str):
            self.bad(
                path,
                "väntade en referens eller en identifierare med värde",
                "expected a reference or an identifier with a value",
            )
            into.ok = False
            return
        kind = InformationKind.AUTHOR if author else InformationKind.RECORD
        self.selector(into, path, kind=kind, system=system, code=code, link=link)

    def selector(self, into: Narrowing, path: str, **fields: Any) -> None:
        try:
            into.information.add(InformationSelector(**fields))
        except InvalidInput as exc:
            self.under(exc, path)
            into.ok = False

    def narrowing(
        self, data: dict[str, Any], path: str, *, version: str, root: bool, deny: bool
    ) -> Narrowing:
        """The narrowing elements of the provision ``data`` (actors with a custodian or
        author role are read here; the others are recipients). A date-only period end
        (FHIR: that whole day is inside) ends a deny at the next midnight, covering the
        day, and a permit at that day's midnight, the narrower reading."""
        into = Narrowing()
        for where, item in self.objects(data.get("data"), f"{path}.data"):
            self.only(item, where, {"meaning", "reference"}, {})
            link = self.code(RecordLink, item.get("meaning"), f"{where}.meaning")
            if link is None:
                into.ok = False
                continue
            self.reference_selector(item.get("reference"), f"{where}.reference", into, link=link)
        for key, kind in _CODING_ELEMENTS.items():
            if key not in data:
                continue
            for where, coding in self.objects(data[key], f"{path}.{key}"):
                chosen = kind
                if key == "class" and "extension" in coding:
                    exts = self.extensions(coding, where)
                    named = exts.pop(INFORMATION_KIND_EXTENSION, None)
                    self.leftover(exts)
                    if named is not None:
                        got = self.code(
                            InformationKind, named[1].get("valueCode"), f"{named[0]}.valueCode"
                        )
                        chosen = got if got is not None else chosen
                self.coding_selector(coding, where, chosen, into)
        for where, concept in self.objects(data.get("code"), f"{path}.code"):
            codings = self.objects(concept.get("coding"), f"{where}.coding")
            if not codings:
                self.meaning(
                    where,
                    "bara text, ingen kod: innebörden kan inte läsas",
                    "text only, no code: the meaning cannot be read",
                )
                into.ok = False
            for at, coding in codings:
                self.coding_selector(coding, at, InformationKind.CODE, into)
        periods = []
        if "period" in data and not (root and version == "R4"):
            periods.append((f"{path}.period", data["period"]))
        if "extension" in data:
            exts = self.extensions(data, path)
            own = exts.pop(PROVISION_PERIOD_EXTENSION, None)
            self.leftover(exts)
            if own is not None:
                periods.append((f"{own[0]}.valuePeriod", own[1].get("valuePeriod")))
        for where, value in periods:
            start, end = self.validity(value, where)
            raw = value.get("end") if isinstance(value, dict) else None
            if deny and end is not None and isinstance(raw, str) and len(raw) == 10:
                day = date.fromisoformat(raw) + timedelta(days=1)
                end = pendulum.datetime(day.year, day.month, day.day, tz=ZONE)
            if (start is None and isinstance(value, dict) and value.get("start") is not None) or (
                end is None and raw is not None
            ):
                into.ok = False
            into.valid_from, into.valid_until = start, end
        return into

    def validity(
        self, value: object, path: str
    ) -> tuple[pendulum.DateTime | None, pendulum.DateTime | None]:
        """A FHIR Period as two instants (a date alone: its local midnight)."""
        data = self.obj(value, path)
        if data is None:
            return None, None
        self.only(data, path, {"start", "end"}, {})
        start = self.instant(data["start"], f"{path}.start") if "start" in data else None
        end = self.instant(data["end"], f"{path}.end") if "end" in data else None
        return start, end

    def coding_selector(
        self, coding: dict[str, Any], path: str, kind: InformationKind, into: Narrowing
    ) -> None:
        system, code = coding.get("system"), coding.get("code")
        if not isinstance(system, str) or not isinstance(code, str):
            self.bad(path, "väntade system och code som text", "expected system and code as text")
            into.ok = False
            return
        self.selector(into, path, kind=kind, system=system, code=code)

    def label(
        self, value: object, path: str
    ) -> tuple[InfoCategory | InformationSelector | None, bool]:
        """A ``securityLabel`` Coding: an anhorig category when the tables map it to one;
        else, outside anhorig's own code systems, a security label the provision is
        narrowed to."""
        coding = self.obj(value, path)
        if coding is None:
            return None, False
        system, code = coding.get("system"), coding.get("code")
        if not isinstance(system, str) or not isinstance(code, str):
            self.bad(path, "väntade system och code som text", "expected system and code as text")
            return None, False
        row = self.codes.lookup("category", system, code)
        if (row is not None and isinstance(row.term, InfoCategory)) or system.startswith(
            CODE_SYSTEM
        ):
            return self.coding_term("category", coding, path)
        try:
            return InformationSelector(
                kind=InformationKind.SECURITY_LABEL, system=system, code=code
            ), True
        except InvalidInput as exc:
            self.under(exc, path)
            return None, False
