"""Reading the provisions of a FHIR ``Consent`` (R4 nested ``provision``, R5 ``provision``
list under a base ``decision``), its period of validity, its evidence and its
verification, always in the direction that shares less when a scope cannot be held.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum

from anhorig.consent.fhir._names import EXTENSION
from anhorig.consent.fhir._reading import Reader, what
from anhorig.consent.fhir._scope import ScopeReader
from anhorig.consent.fhir.codes import (
    ActorRole,
    Restriction,
    Table,
)
from anhorig.consent.model import (
    Action,
    Evidence,
    EvidenceForm,
    InfoCategory,
    InformationSelector,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    person_key,
)
from anhorig.errors import InvalidInput
from anhorig.language import Text
from anhorig.people import Person
from anhorig.time import Period

__all__ = [
    "CONSENT_ELEMENTS",
    "ProvisionReader",
    "grantee_ext",
    "grantees",
    "indexed",
    "r4_base",
    "r4_provision",
    "r5_provision",
    "restricted",
    "strip_permits",
]

_MAX_DEPTH = 32

_PROVISION_ELEMENTS = {
    "expression": what("regeln gäller enligt ett uttryck", "the rule holds by an expression"),
}
_VERIFICATION_ELEMENTS = {
    "verifiedWith": what("vem samtycket kontrollerades med", "whom the consent was checked with"),
    "verificationType": what("hur samtycket kontrollerades", "how the consent was checked"),
}
CONSENT_ELEMENTS = {
    "policy": what("policyn samtycket hänvisar till", "the policy the consent refers to"),
    "policyBasis": what("policyn samtycket bygger på", "the policy the consent rests on"),
    "policyText": what("policytexten", "the policy text"),
    "manager": what("vem som förvaltar samtycket", "who manages the consent"),
    "language": what("resursens språk", "the resource's language"),
}


class ProvisionReader(ScopeReader):
    """Reads provisions, the consent's validity, its evidence and its verification."""

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
        root: bool = False,
    ) -> Provision | None:
        """One provision of ``decision``; ``None`` when it is set aside or broken.
        ``root``: the R4 root, whose ``period`` is the consent's validity."""
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
            "data",
            "code",
            "period",
            "extension",
        } | skip
        allowed |= {"type", "class"} if version == "R4" else {"resourceType", "documentType"}
        before = len(self.aside)
        self.only(data, path, allowed, _PROVISION_ELEMENTS)
        permit = decision is ProvisionType.PERMIT
        narrowed = self.narrowing(data, path, version=version, root=root, deny=not permit)
        actions, ok_actions = self.scope_list(data, "action", "action", path, codings=False)
        categories: set[InfoCategory] = set()
        ok_categories = True
        for where, item in self.objects(data.get("securityLabel"), f"{path}.securityLabel"):
            term, fine = self.label(item, where)
            if fine and isinstance(term, InfoCategory):
                categories.add(term)
            elif fine and isinstance(term, InformationSelector):
                narrowed.information.add(term)
            ok_categories = ok_categories and fine
        purposes, ok_purposes = self.scope_list(data, "purpose", "purpose", path, codings=True)
        recipients: set[Recipient] = set()
        ok_recipients = True
        for where, actor in self.objects(data.get("actor"), f"{path}.actor"):
            role = self.actor_role(actor)
            if role is ActorRole.CUSTODIAN:
                self.holder(actor, where, narrowed)
                continue
            if role is ActorRole.AUTHOR:
                self.author(actor, where, narrowed)
                continue
            recipient, fine = self.recipient(actor, where)
            if recipient is not None and fine:
                recipients.add(recipient)
            ok_recipients = ok_recipients and fine
        data_period = None
        if "dataPeriod" in data:
            data_period = self.data_period(data["dataPeriod"], f"{path}.dataPeriod")
        held = len(self.aside) == before
        ok_narrowed = narrowed.ok
        if permit and not (
            held and ok_actions and ok_categories and ok_purposes and ok_recipients and ok_narrowed
        ):
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
            if not ok_narrowed:
                narrowed = type(narrowed)()
            if not (
                ok_actions
                and ok_categories
                and ok_purposes
                and ok_recipients
                and ok_narrowed
                and held
            ):
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
                if stated is None and not permit:
                    # R4 requires the type on nested rules; read as an exception (its
                    # definition, and R5's reading) it would permit, which is never inferred.
                    self.meaning(
                        f"{where}.type",
                        "typen saknas: R4 kräver att en nästlad regel anger om den tillåter "
                        "eller nekar, och ett tillstånd läses aldrig in där det inte står",
                        "the type is missing: R4 requires a nested rule to state whether it "
                        "permits or denies, and a permit is never read in where none is stated",
                    )
                    continue
                if stated is None:
                    # An exception to a permit can only narrow it: a deny (R4's definition of
                    # a nested rule, which R5 makes the only reading).
                    pass
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
                valid_from=narrowed.valid_from,
                valid_until=narrowed.valid_until,
                holders=frozenset(narrowed.holders),
                information=frozenset(narrowed.information),
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

    # -- grantor and evidence --

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
        with_whom: Person | None = None
        if "verified-with" in parts:
            where, sub = parts.pop("verified-with")
            with_whom = self.person(sub.get("valueReference"), f"{where}.valueReference")[0]
        self.leftover(parts)
        if form is None:
            self.bad(at, "formen saknas", "the form is missing")
            return None
        return Evidence(
            form=form,
            documented_by=by,
            documented_at=when,
            document_ref=ref,
            verified_with=with_whom,
        )

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
    ) -> tuple[str | None, pendulum.DateTime | None, Person | None]:
        """Who checked the consent, when, and with whom (``verifiedWith``)."""
        by: str | None = None
        when: pendulum.DateTime | None = None
        with_whom: list[tuple[str, Person]] = []
        for where, item in self.objects(data.get("verification"), "$.verification"):
            self.only(
                item,
                where,
                {"verified", "verifiedBy", "verificationDate", "verifiedWith"},
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
            if "verifiedWith" in item:
                person = self.person(item["verifiedWith"], f"{where}.verifiedWith")[0]
                if person is not None:
                    with_whom.append((f"{where}.verifiedWith", person))
            if "verificationDate" in item:
                raw = item["verificationDate"]
                dates = [raw] if version == "R4" else self.items(raw, f"{where}.verificationDate")
                for i, stamp in enumerate(dates):
                    at = f"{where}.verificationDate" + ("" if version == "R4" else f"[{i}]")
                    when = self.instant(stamp, at) or when
        if len({person_key(p) for _, p in with_whom}) > 1:
            self.cannot_hold(
                with_whom[1][0],
                Text(
                    sv="kontroller med flera personer; anhorig håller en",
                    en="checks with several people; anhorig holds one",
                ),
            )
        return by, when, (with_whom[0][1] if with_whom else None)


_LIMITS: dict[Any, tuple[frozenset[Action], dict[Purpose, Purpose] | None]] = {
    Restriction.ACCESS_ONLY: (frozenset({Action.ACCESS}), None),
    Restriction.EMERGENCY_ONLY: (
        frozenset({Action.ACCESS}),
        {
            Purpose.EMERGENCY_CARE: Purpose.EMERGENCY_CARE,
            # Care and treatment "only in an emergency" is care in an emergency.
            Purpose.CARE_AND_TREATMENT: Purpose.EMERGENCY_CARE,
        },
    ),
}
"""Each limit: the actions a permit may still cover, and the purposes (what each
becomes; ``None``: any)."""


def _narrowed(p: Provision, limit: Any) -> Provision | None:
    """``p`` with every permit in it narrowed to ``limit``; ``None`` when ``p`` is a
    permit left covering nothing."""
    actions, purposes = _LIMITS[limit]
    changes: dict[str, Any] = {}
    if p.decision is ProvisionType.PERMIT:
        kept = p.actions & actions if p.actions else actions
        if not kept:
            return None
        changes["actions"] = frozenset(kept)
        if purposes is not None:
            if p.purposes:
                mapped = frozenset(purposes[x] for x in p.purposes if x in purposes)
            else:
                mapped = frozenset(purposes.values())
            if not mapped:
                return None
            changes["purposes"] = mapped
    children = [c for c in (_narrowed(e, limit) for e in p.exceptions) if c is not None]
    return attrs.evolve(p, exceptions=tuple(children), **changes)


def restricted(reader: Reader, provision: Provision, restrictions: set[Any]) -> Provision | None:
    """``provision`` with the limits a consent's category or basis puts on every permit
    (:class:`~anhorig.consent.fhir.codes.Restriction`): only ever sharing less."""
    found: Provision | None = provision
    for limit in sorted(restrictions):
        if found is None:
            break
        if limit not in _LIMITS:
            reader.cannot_hold("$.category", Text(sv=limit.label("sv"), en=limit.label("en")))
            continue
        found = _narrowed(found, limit)
    if found is None:
        reader.cannot_hold(
            "$.category",
            Text(
                sv="en gräns som lämnar samtyckets tillåtelse utan innehåll",
                en="a limit that leaves the consent's permit covering nothing",
            ),
        )
    return found


def strip_permits(provision: Provision) -> Provision | None:
    """A deny without the permits inside it (they would share more); ``None`` for a
    permit."""
    if provision.decision is ProvisionType.PERMIT:
        return None
    return attrs.evolve(provision, exceptions=())


def r4_provision(
    reader: ProvisionReader, data: dict[str, Any]
) -> tuple[Provision | None, bool, pendulum.DateTime | None, pendulum.DateTime | None]:
    """R4: the base decision from ``policyRule`` (OPTIN permits, OPTOUT denies) or the
    root's ``type``. A root typed as the base is the base itself, scoped; otherwise the
    root is an exception to the base (R4: "an exception to the base policy"). A root
    with nothing but a period only says when the consent holds."""
    policy = r4_base(reader, data)
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
        read = reader.provision(
            raw, "$.provision", base, version="R4", depth=0, skip=skip, root=True
        )
        return read, read is not None, start, end
    exception = reader.provision(
        raw, "$.provision", base.opposite, version="R4", depth=0, skip=skip, root=True
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


def r5_provision(
    reader: ProvisionReader, data: dict[str, Any], scoped: bool
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


def grantees(reader: ProvisionReader, data: dict[str, Any]) -> frozenset[Recipient]:
    """R5 ``grantee``: whom the consent is granted to (its permits hold for them only)."""
    found: set[Recipient] = set()
    for where, ref in indexed(reader, data, "grantee"):
        recipient, fine = reader.recipient({"reference": ref}, where)
        if recipient is not None and fine:
            found.add(recipient)
    return frozenset(found)


def grantee_ext(reader: ProvisionReader, entry: tuple[str, Any]) -> frozenset[Recipient]:
    """R4: anhorig's ``grantees`` extension, one ``grantee`` reference inside it each."""
    at, ext = entry
    found: set[Recipient] = set()
    for where, part in reader.objects(ext.get("extension"), f"{at}.extension"):
        if part.get("url") != EXTENSION + "grantee":
            reader.cannot_hold(
                where,
                Text(
                    sv=f"extensionen {str(part.get('url'))[:80]!r}",
                    en=f"the extension {str(part.get('url'))[:80]!r}",
                ),
            )
            continue
        recipient, fine = reader.recipient(
            {"reference": part.get("valueReference")}, f"{where}.valueReference"
        )
        if recipient is not None and fine:
            found.add(recipient)
    return frozenset(found)


def indexed(reader: Reader, data: dict[str, Any], key: str) -> list[tuple[str, Any]]:
    """The items of the list ``data[key]`` with their paths."""
    return [(f"$.{key}[{i}]", v) for i, v in enumerate(reader.items(data.get(key), f"$.{key}"))]


def r4_base(reader: Reader, data: dict[str, Any]) -> ProvisionType | None:
    """An R4 consent's base decision from its ``policyRule`` (opt-in or opt-out), if any."""
    found: set[ProvisionType] = set()
    rule = data.get("policyRule")
    # A policyRule of the wrong shape is reported where its codings are read as the basis.
    codings = rule.get("coding") if isinstance(rule, dict) else None
    if isinstance(codings, list):
        for coding in codings:
            if isinstance(coding, dict):
                row = reader.codes.lookup("base", coding.get("system"), coding.get("code"))
                if row is not None and isinstance(row.term, ProvisionType):
                    found.add(row.term)
    if len(found) > 1:
        reader.bad("$.policyRule", "både opt-in och opt-out", "both opt-in and opt-out")
        return None
    return next(iter(found), None)
