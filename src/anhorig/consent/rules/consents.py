"""Consent as the basis (DOMAIN.md rules 7 and 8): the valid consents obtained by the
relying authority decide, by their deepest matching provision, combined by the policy
(deny-overrides by default), never by the order they were given in.

Each rule stands directly above the condition that finds it; whether a consent counts
for who gave it and how is :mod:`anhorig.consent.rules.validity`.

References:
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2 §.
    - Socialstyrelsen, *Samtycke* (Kunskapsguiden): specific; revocable; each authority
      obtains its own.
"""

from __future__ import annotations

import math
from datetime import date

from anhorig.consent._compiled import Question, SubjectRecords
from anhorig.consent.decision import Combining, DecisionPolicy, Outcome, provision_text
from anhorig.consent.model import Action, Consent, GrantorCapacity, RecipientKind
from anhorig.consent.rules._common import (
    Deferred,
    LaterBasis,
    LaterFinding,
    Name,
    Verdict,
    Words,
    finding,
    instant_text,
    recipient_text,
    rule,
)
from anhorig.consent.rules.harm import overridden
from anhorig.consent.rules.validity import (
    CHILD_VIEW_WEIGHED,
    NOT_IN_FORCE,
    child_view_weighed,
    invalid_at,
    period_text,
)
from anhorig.findings import Rule, Severity
from anhorig.language import Text, mask_value
from anhorig.law import CONSENT_WAIVER, CONSENT_WAIVER_CHILD, LegalRef
from anhorig.organisations import Organisation

__all__ = [
    "CONFLICT",
    "DENY",
    "NOT_GRANTEE",
    "OTHER_AUTHORITY",
    "PERMIT",
    "REVOKED",
    "consents_decide",
    "consents_outcome",
    "consents_verdict",
    "relying_authority",
    "relying_id",
]


# --- 8: revoked at any moment, from that moment on --------------------------------------

REVOKED = rule(
    "CONSENT-REVOKED",
    Severity.INFO,
    ("Samtycket är återkallat", "The consent is revoked"),
    (
        "Samtycke {consent} återkallades {revoked}; det gäller inte från den tidpunkten.",
        "Consent {consent} was revoked at {revoked}; it does not apply from that instant.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
    domain=(8,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: ett samtycke som matchar begäran återkallades vid eller före tidpunkten.",
        "A reason in evaluate()'s decision, never alone: a consent matching the request was revoked at or before the instant.",
    ),
    boundary=(
        "Återkallat exakt vid tidpunkten räknas inte längre; en sekund senare gäller det fortfarande vid tidpunkten.",
        "Revoked exactly at the instant it no longer counts; revoked one second later it still holds at the instant.",
    ),
    fix=(
        "Inhämta ett nytt samtycke, eller lämna inte ut.",
        "Obtain a new consent, or do not disclose.",
    ),
)


# --- 8: each authority obtains its own consent ------------------------------------------

OTHER_AUTHORITY = rule(
    "CONSENT-OTHER-AUTHORITY",
    Severity.INFO,
    ("Samtycket gäller en annan myndighet", "The consent belongs to another authority"),
    (
        "Samtycke {consent} inhämtades av {obtained_by}, inte av {relying}; varje myndighet "
        "inhämtar sitt eget samtycke.",
        "Consent {consent} was obtained by {obtained_by}, not by {relying}; each authority "
        "obtains its own consent.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
    domain=(8,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: ett samtycke som matchar begäran inhämtades av en annan myndighet (obtained_by) än den som förlitar sig på det (innehavaren, eller den läsande organisationen vid access).",
        "A reason in evaluate()'s decision, never alone: a consent matching the request was obtained by another authority (obtained_by) than the one relying on it (the holder, or the reading organisation for access).",
    ),
    boundary=(
        "Myndigheterna jämförs på id, exakt.",
        "Authorities are compared by id, exactly.",
    ),
    fix=(
        "Låt den myndighet som förlitar sig på samtycket inhämta sitt eget.",
        "Have the relying authority obtain its own consent.",
    ),
)


# --- 8: consent is specific to whom: a permit reaches its grantees only -------------------

NOT_GRANTEE = rule(
    "CONSENT-NOT-GRANTEE",
    Severity.INFO,
    (
        "Mottagaren är inte bland dem samtycket ges till",
        "The recipient is not among those the consent is granted to",
    ),
    (
        "Samtycke {consent} ges bara till {grantees}; {recipient} är inte bland dem, så "
        "samtyckets tillåtelse gäller inte den här mottagaren.",
        "Consent {consent} is granted only to {grantees}; {recipient} is not among them, so "
        "the consent's permit does not apply to this recipient.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
    domain=(8,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: ett gällande samtycke vars villkor tillåter begäran namnger vilka det ges till (grantees, FHIR grantee), och mottagaren är inte bland dem.",
        "A reason in evaluate()'s decision, never alone: a consent in force whose provision permits the request names whom it is granted to (grantees, FHIR grantee), and the recipient is not among them.",
    ),
    boundary=(
        "Mottagaren jämförs som i villkoren (person, organisation, huvudman, roll); ett nekande gäller vem som än frågar.",
        "The recipient is compared as in the provisions (person, organisation, principal, role); a deny holds whoever asks.",
    ),
    fix=(
        "Inhämta ett samtycke som omfattar mottagaren, eller lämna inte ut.",
        "Obtain a consent that covers the recipient, or do not disclose.",
    ),
)


def _grantees_text(consent: Consent) -> Text:
    """Whom the consent is granted to, in words (names masked)."""
    return Text(
        sv=", ".join(sorted(r.describe("sv") for r in consent.grantees)),
        en=", ".join(sorted(r.describe("en") for r in consent.grantees)),
    )


_ACCESS = Action.ACCESS
_ORGANISATION = RecipientKind.ORGANISATION
_CUSTODIAN = GrantorCapacity.CUSTODIAN
_DENY_OVERRIDES = Combining.DENY_OVERRIDES
_PERMIT = Outcome.PERMIT
_DENY = Outcome.DENY
"""Read on every decision: module constants (in Python 3.11 ``Enum.MEMBER`` costs
about 0.2 µs, through ``EnumType.__getattr__``'s hook)."""


def relying_authority(q: Question) -> Organisation:
    """The authority that relies on the consent: the one reading for ``ACCESS`` to an
    organisation's records, else the holder."""
    recipient = q.recipient
    if (
        q.request.action is _ACCESS
        and recipient.kind is _ORGANISATION
        and recipient.organisation is not None
    ):
        return recipient.organisation
    return q.holder


def relying_id(q: Question) -> str:
    """The id of the authority that relies on the consent (`relying_authority`)."""
    return relying_authority(q).id


# --- 7: a valid consent's provision permits or denies -----------------------------------

PERMIT = rule(
    "CONSENT-PERMIT",
    Severity.INFO,
    ("Samtycket tillåter", "The consent permits"),
    (
        "Samtycke {consent} ({where}) från {grantor} tillåter det.",
        "Consent {consent} ({where}) from {grantor} permits it.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
    domain=(7,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "evaluate() finner ett giltigt samtycke som gäller vid tidpunkten, är inhämtat av den myndighet som förlitar sig på det och vars djupaste matchande provision tillåter begäran; med nekande samtycken avgör kombinationsregeln.",
        "evaluate() finds a valid consent in force at the instant, obtained by the authority relying on it, whose deepest matching provision permits the request; with denying consents too, the combining rule decides.",
    ),
    boundary=(
        "Samtycket gäller från valid_from (inklusive) till valid_until (exklusive); ett samtycke givet efter tidpunkten finns inte ”per” den.",
        "The consent holds from valid_from (inclusive) to valid_until (exclusive); one given after the instant does not exist as of it.",
    ),
    fix=(
        "Ingen rättelse: samtycket tillåter utlämnandet, som ska dokumenteras.",
        "No correction: the consent permits the disclosure, which must be documented.",
    ),
)
DENY = rule(
    "CONSENT-DENY",
    Severity.INFO,
    ("Samtycket nekar", "The consent denies"),
    (
        "Samtycke {consent} ({where}) från {grantor} nekar det uttryckligen.",
        "Consent {consent} ({where}) from {grantor} explicitly denies it.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
    domain=(7,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "evaluate() finner ett giltigt samtycke vars djupaste matchande provision nekar begäran; med kombinationsregeln deny-overrides (standard) vinner det över samtycken som tillåter.",
        "evaluate() finds a valid consent whose deepest matching provision denies the request; under the deny-overrides combining rule (the default) it wins over permitting consents.",
    ),
    boundary=(
        "En nekande provision djupare än en tillåtande avgör; med permit-overrides vinner ett tillåtande samtycke.",
        "A denying provision deeper than a permitting one decides; under permit-overrides a permitting consent wins.",
    ),
    fix=(
        "Lämna inte ut; be den enskilde om ett nytt samtycke om hen ändrat sig.",
        "Do not disclose; ask the person for a new consent if they changed their mind.",
    ),
)


def _where(consent: Consent, path: str) -> Text:
    """Which provision decided, in words, with how it is narrowed if it is (the time it
    holds for, whose information, which information)."""
    said = provision_text(mask_value(path))
    narrowing = dict(consent.provision.walk()).get(path)
    words = narrowing.narrowing() if narrowing is not None else None
    if words is None:
        return said
    return Text(sv=f"{said.sv}: {words.sv}", en=f"{said.en}: {words.en}")


def consents_verdict(
    q: Question,
    subject: Words,
    records: SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
    reasons: list[LaterFinding],
) -> tuple[list[LaterBasis], list[LaterBasis], list[LaterFinding]]:
    """The permit and deny bases of the valid, applicable consents and their findings;
    the reasons the others do not count are appended to ``reasons``."""
    permits: list[LaterBasis] = []
    denies: list[LaterBasis] = []
    applicable_reasons: list[LaterFinding] = []
    if records is None:
        return permits, denies, applicable_reasons
    relying = relying_authority(q).id
    revocations = records.revoked
    for compiled in records.consents_for(q.recipient_keys):
        if compiled.given > t:
            continue  # given later: "as of" t it does not exist
        result = compiled.decide(q, t)
        if result is None:
            continue
        consent = compiled.consent
        path = f"consents[{compiled.id}]"
        if not compiled.start <= t < compiled.until:
            reasons.append(
                finding(
                    NOT_IN_FORCE,
                    path,
                    on,
                    consent=compiled.id,
                    period=Deferred(period_text, compiled),
                )
            )
            continue
        revoked = revocations.get(compiled.id, math.inf) if revocations else math.inf
        if revoked <= t:
            reasons.append(
                finding(
                    REVOKED, path, on, consent=compiled.id, revoked=Deferred(instant_text, revoked)
                )
            )
            continue
        if compiled.relying_id != relying:
            reasons.append(
                finding(
                    OTHER_AUTHORITY,
                    path,
                    on,
                    consent=compiled.id,
                    obtained_by=Deferred(str, consent.obtained_by),
                    # Both authorities named the same way: name and id.
                    relying=Deferred(str, relying_authority(q)),
                )
            )
            continue
        invalid = invalid_at(compiled, t, policy)
        if invalid is not None:
            entry, params = invalid
            reasons.append(finding(entry, path, on, consent=compiled.id, **params))
            continue
        permit, where = result
        if permit and not compiled.granted_to(q):
            reasons.append(
                finding(
                    NOT_GRANTEE,
                    path,
                    on,
                    consent=compiled.id,
                    grantees=Deferred(_grantees_text, consent),
                    recipient=Deferred(recipient_text, q.request),
                )
            )
            continue
        entry = PERMIT if permit else DENY
        references = None  # the rule's own
        if consent.grantor.capacity is _CUSTODIAN:
            references = Deferred(_custodians, entry, on)
        # Noted as basis_of and finding note them, without their keyword calls.
        basis = LaterBasis(
            entry,
            subject,
            on,
            consent_id=compiled.id,
            provision=where,
            references=references,
            assessment_id=None,
        )
        (permits if permit else denies).append(basis)
        params = {
            "consent": compiled.id,
            "where": Deferred(_where, consent, where),
            "grantor": Name(consent.grantor.person),
        }
        applicable_reasons.append(LaterFinding(entry, f"{path}.{where}", on, params))
        weighed = child_view_weighed(consent, path, t, policy)
        if weighed is not None:
            applicable_reasons.append(weighed)
    return permits, denies, applicable_reasons


def consents_outcome(
    q: Question, records: SubjectRecords | None, t: float, policy: DecisionPolicy
) -> Outcome | None:
    """The outcome of :func:`consents_decide`'s verdict, or ``None`` when it gives none,
    without noting why: a consent counts on exactly :func:`consents_verdict`'s tests
    (the reasons are noted by it when a decision is explained)."""
    if records is None:
        return None
    recipient = q.recipient  # relying_authority, written out: every first ask
    if (
        q.request.action is _ACCESS
        and recipient.kind is _ORGANISATION
        and recipient.organisation is not None
    ):
        relying = recipient.organisation.id
    else:
        relying = q.holder.id
    revocations = records.revoked
    deny_wins = policy.combining is _DENY_OVERRIDES
    permits = denies = False
    keys = q.recipient_keys
    # consents_for's answer kept with the records, read here without two calls.
    derived = records.derived
    kept = derived.for_keys if derived is not None else None
    candidates = kept.get(keys) if kept is not None else None
    if candidates is None:
        candidates = records.consents_for(keys)
    for compiled in candidates:
        if compiled.given > t:
            continue
        result = compiled.root.decide(q, t)
        if (
            result is None
            or not compiled.start <= t < compiled.until
            or (revocations and revocations.get(compiled.id, math.inf) <= t)
            or compiled.relying_id != relying
            or invalid_at(compiled, t, policy) is not None
        ):
            continue
        if result[0]:
            grantees = compiled.grantees  # granted_to, written out
            if grantees is not None and grantees.isdisjoint(keys):
                continue
            if not deny_wins:
                return _PERMIT  # a permit overrides whatever else there is
            permits = True
        else:
            if deny_wins:
                return _DENY  # a deny overrides whatever else there is
            denies = True
    if denies and not permits:
        return _DENY
    return _PERMIT if permits else None


# --- 7: consents that disagree are combined by the policy, never by order ---------------

CONFLICT = rule(
    "CONSENT-CONFLICT",
    Severity.INFO,
    ("Samtycken i konflikt", "Consents in conflict"),
    (
        "Samtycken om {subject} både tillåter och nekar; kombinationsregeln {rule} avgör, "
        "aldrig ordningen de gavs i.",
        "Consents about {subject} both permit and deny; the combining rule {rule} decides, "
        "never the order they were given in.",
    ),
    (CONSENT_WAIVER,),
    ("socialstyrelsen-samtycke",),
    domain=(7,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: giltiga samtycken om samma person både tillåter och nekar begäran; kombinationsregeln avgör, aldrig ordningen.",
        "A reason in evaluate()'s decision, never alone: valid consents about the same person both permit and deny the request; the combining rule decides, never their order.",
    ),
    boundary=(
        "Ett enda giltigt samtycke åt vart håll räcker för konflikt; ogiltiga samtycken räknas inte.",
        "One valid consent each way is enough for a conflict; invalid consents do not count.",
    ),
    fix=(
        "Klarlägg den enskildes vilja och återkalla det samtycke som inte längre gäller.",
        "Clarify the person's wish and revoke the consent that no longer holds.",
    ),
)


def _custodians(entry: Rule, on: date) -> tuple[LegalRef, ...]:
    """What a custodian's consent cites: the rule's law and a custodian's consent's."""
    return (*entry.references(on), *CONSENT_WAIVER_CHILD.cite_all(on))


def _said_by(found: list[LaterFinding], code: str, bases: list[LaterBasis]) -> list[LaterFinding]:
    """The findings of ``code``, with the child's weighed view of the consents that
    ``bases`` rest on, in order."""
    said: list[LaterFinding] = []
    prefixes: tuple[str, ...] | None = None
    for r in found:
        found_code = r.code
        if found_code == code:
            said.append(r)
        elif found_code == CHILD_VIEW_WEIGHED.code:
            if prefixes is None:
                prefixes = tuple(f"consents[{b.consent_id}]." for b in bases)
            if r.path.startswith(prefixes):
                said.append(r)
    return said


def consents_decide(
    q: Question,
    subject: Words,
    records: SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
    reasons: list[LaterFinding],
) -> Verdict | None:
    """The verdict of the valid, applicable consents combined by the policy, or ``None``
    when none applies (the reasons the others do not count go to ``reasons``)."""
    permits, denies, applicable_reasons = consents_verdict(
        q, subject, records, t, on, policy, reasons
    )
    if not (permits or denies):
        return None
    deny_wins = policy.combining is _DENY_OVERRIDES
    if permits and denies:
        reasons.append(
            finding(CONFLICT, "consents", on, subject=subject, rule=policy.combining.text)
        )
    # Consents that all say the same, with no child's view weighed: each finding is of
    # the winning code, and _said_by would keep them all.
    agreed = not (permits and denies) and len(applicable_reasons) == len(permits) + len(denies)
    if denies and (deny_wins or not permits):
        verdict = Verdict(_DENY)
        verdict.basis.extend(denies)
        verdict.reasons.extend(
            applicable_reasons if agreed else _said_by(applicable_reasons, DENY.code, denies)
        )
        if records is not None and records.assessments:  # else none to override
            ids = ", ".join(b.consent_id for b in denies if b.consent_id is not None)
            by = Text(sv=f"nekandet i samtycke {ids}", en=f"the denial in consent {ids}")
            verdict.reasons.extend(overridden(q, subject, records, t, on, by))
    else:
        verdict = Verdict(_PERMIT)
        verdict.basis.extend(permits)
        verdict.reasons.extend(
            applicable_reasons if agreed else _said_by(applicable_reasons, PERMIT.code, permits)
        )
    verdict.reasons.extend(reasons)
    return verdict
