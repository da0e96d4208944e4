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

from collections.abc import Mapping
from typing import Any

import pendulum

from anhorig.consent.fhir._names import (
    OSL_BASIS,
)
from anhorig.consent.fhir._provisions import (
    CONSENT_ELEMENTS,
    grantee_ext,
    grantees,
    indexed,
    r4_provision,
    r5_provision,
    restricted,
    strip_permits,
)
from anhorig.consent.fhir._provisions import ProvisionReader as _Reader
from anhorig.consent.fhir._reading import Reading, Resolved, Resolver
from anhorig.consent.fhir.codes import (
    DEFAULT_CODES,
    CodeTables,
    ConsentKind,
)
from anhorig.consent.model import (
    Consent,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    Identifier,
    Provision,
    Recipient,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Text

__all__ = ["Reading", "Resolved", "Resolver", "from_fhir", "read_fhir"]

_STATUS_MEANING = {
    "draft": ("ett utkast, inte i kraft", "a draft, not in force"),
    "proposed": ("föreslaget, inte i kraft", "proposed, not in force"),
    "rejected": ("avböjt", "rejected"),
    "inactive": ("inte längre i kraft", "no longer in force"),
    "entered-in-error": ("registrerat av misstag", "entered in error"),
    "not-done": ("inte genomfört", "not done"),
}


# --- the resource ----------------------------------------------------------------------

_COMMON = {
    "resourceType",
    "id",
    "identifier",
    "meta",
    "text",
    "status",
    "category",
    "extension",
    "contained",
}
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


def _restriction(reader: _Reader, coding: object, restrictions: set[Any]) -> bool:
    """Whether ``coding`` is a limit on the consent's permits (kept in ``restrictions``)."""
    if not isinstance(coding, dict):
        return False
    row = reader.codes.lookup("restriction", coding.get("system"), coding.get("code"))
    if row is None or row.term is None:
        return False
    restrictions.add(row.term)
    return True


def _kinds(reader: _Reader, data: dict[str, Any], version: str) -> tuple[set[Any], bool, set[Any]]:
    """What the consent is about, from scope, category and basis, and the limits they
    put on its permits; ``ok`` False when one of them restricts it in a way anhorig
    cannot hold."""
    kinds: set[Any] = set()
    restrictions: set[Any] = set()
    ok = True
    sources: list[tuple[str, object]] = []
    if version == "R4" and "scope" in data:
        sources.append(("$.scope", data["scope"]))
    categories = [(w, c) for w, c in indexed(reader, data, "category")]
    bases = (
        [("$.policyRule", data["policyRule"])] if version == "R4" and "policyRule" in data else []
    )
    if version == "R5":
        bases = indexed(reader, data, "regulatoryBasis")
    for where, concept in sources:
        terms, fine = reader.concept("kind", concept, where)
        kinds.update(terms)
        ok = ok and fine
    for where, concept in categories:
        held = reader.obj(concept, where)
        if held is None:
            ok = False
            continue
        codings = reader.objects(held.get("coding"), f"{where}.coding")
        if not codings:
            reader.meaning(
                where,
                "bara text, ingen kod: innebörden kan inte läsas",
                "text only, no code: the meaning cannot be read",
            )
            ok = False
        for cw, coding in codings:
            if _restriction(reader, coding, restrictions):
                kinds.add(ConsentKind.INFORMATION)
                continue
            row, fine = reader.lookup("kind", coding, cw)
            if fine and row is not None:
                kinds.add(row.term)
            ok = ok and fine
    for where, concept in bases:
        basis = reader.obj(concept, where)
        if basis is None:
            continue
        for cw, coding in reader.objects(basis.get("coding"), f"{where}.coding"):
            system, code = coding.get("system"), coding.get("code")
            if version == "R4" and reader.codes.lookup("base", system, code) is not None:
                continue
            if _restriction(reader, coding, restrictions):
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
    return kinds, ok, restrictions


def _identifiers(reader: _Reader, data: dict[str, Any]) -> tuple[Identifier, ...]:
    """The consent's business identifiers (``identifier``: ``system`` and ``value``)."""
    found: list[Identifier] = []
    for where, item in reader.objects(data.get("identifier"), "$.identifier"):
        reader.only(item, where, {"system", "value"}, _IDENTIFIER_ELEMENTS)
        try:
            found.append(Identifier(system=item.get("system"), value=item.get("value")))  # type: ignore[arg-type]
        except InvalidInput as exc:
            reader.under(exc, where)
    return tuple(found)


_IDENTIFIER_ELEMENTS = {
    "use": Text(sv="identifierarens användning", en="the identifier's use"),
    "type": Text(sv="identifierarens slag", en="the identifier's type"),
    "period": Text(sv="när identifieraren gäller", en="when the identifier holds"),
    "assigner": Text(sv="vem som gav identifieraren", en="who assigned the identifier"),
}


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


def _read_consent(reader: _Reader, data: dict[str, Any]) -> Consent | None:  # noqa: PLR0915 -- reads one resource element by element
    """One Consent resource; ``None`` when it cannot be relied on (reasons collected)."""
    version = "R5" if ("subject" in data or "decision" in data or "grantor" in data) else "R4"
    reader.contained = {}
    for where, res in reader.objects(data.get("contained"), "$.contained"):
        if isinstance(res.get("id"), str):
            reader.contained[res["id"]] = res
        else:
            reader.bad(f"{where}.id", "id saknas", "the id is missing")
    reader.only(data, "$", _R4 if version == "R4" else _R5, CONSENT_ELEMENTS)
    status = data.get("status")
    in_force = status == "active"
    if not in_force:
        sv, en = _STATUS_MEANING.get(str(status), ("okänd status", "an unknown status"))
        reader.meaning(
            "$.status",
            f"samtycket är {sv} ({str(status)[:20]!r}); bara 'active' gäller, en återkallelse är en egen händelse",
            f"the consent is {en} ({str(status)[:20]!r}); only 'active' holds, a revocation is an event of its own",
        )
    kinds, kind_ok, restrictions = _kinds(reader, data, version)
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
    by, when, with_whom = reader.verification(data, version)
    if evidence is not None and (document is not None or by is not None or with_whom is not None):
        reader.cannot_hold(
            "$.extension",
            Text(sv="två uppgifter om dokumentation", en="two records of the documentation"),
        )
    elif evidence is None and document is not None:
        evidence = Evidence(
            form=EvidenceForm.WRITTEN,
            documented_by=by,
            documented_at=when,
            document_ref=document,
            verified_with=with_whom,
        )
    elif evidence is None and (by is not None or with_whom is not None):
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
    identifiers = _identifiers(reader, data)
    chosen_grantees: frozenset[Recipient] = frozenset()
    if "grantees" in exts:
        chosen_grantees = grantee_ext(reader, exts.pop("grantees"))
    if version == "R4":
        reader.leftover(exts)
        if "dateTime" in data:
            given = reader.instant(data["dateTime"], "$.dateTime")
        else:
            reader.bad(
                "$.dateTime", "när samtycket gavs saknas", "when the consent was given is missing"
            )
        provision, base_held, start, end = r4_provision(reader, data)
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
        provision, base_held = r5_provision(reader, data, scoped)
        if "grantee" in data:
            chosen_grantees = grantees(reader, data)
    if restrictions and provision is not None:
        provision = restricted(reader, provision, restrictions)
    if not kind_ok and provision is not None:
        reader.meaning(
            "$",
            "samtyckets tillåtelser läses inte: slaget begränsar dem på ett sätt anhorig inte kan hålla",
            "the consent's permits are not read: its kind restricts them in a way anhorig cannot hold",
        )
        provision = strip_permits(provision)
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
            identifiers=identifiers,
            grantees=chosen_grantees,
        )
    except InvalidInput as exc:
        reader.under(exc, "$")
        return None


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
