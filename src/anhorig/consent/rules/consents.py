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
from anhorig.consent.decision import Basis, Combining, DecisionPolicy, Outcome, provision_text
from anhorig.consent.model import Action, GrantorCapacity, RecipientKind
from anhorig.consent.rules._common import Verdict, basis_of, finding, instant_text, rule
from anhorig.consent.rules.harm import overridden
from anhorig.consent.rules.validity import NOT_IN_FORCE, invalid_at, period_text
from anhorig.findings import Finding, Severity
from anhorig.language import Text, mask_value
from anhorig.law import CONSENT_WAIVER, CONSENT_WAIVER_CHILD
from anhorig.organisations import Organisation

__all__ = [
    "CONFLICT",
    "DENY",
    "OTHER_AUTHORITY",
    "PERMIT",
    "REVOKED",
    "consents_decide",
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
)


def relying_authority(q: Question) -> Organisation:
    """The authority that relies on the consent: the one reading for ``ACCESS`` to an
    organisation's records, else the holder."""
    recipient = q.recipient
    if (
        q.request.action is Action.ACCESS
        and recipient.kind is RecipientKind.ORGANISATION
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
)


def consents_verdict(
    q: Question,
    subject: str,
    records: SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
    reasons: list[Finding],
) -> tuple[list[Basis], list[Basis], list[Finding]]:
    """The permit and deny bases of the valid, applicable consents and their findings;
    the reasons the others do not count are appended to ``reasons``."""
    relying = relying_id(q)
    permits: list[Basis] = []
    denies: list[Basis] = []
    applicable_reasons: list[Finding] = []
    if records is None:
        return permits, denies, applicable_reasons
    for compiled in records.consents_for(q.recipient_keys):
        if compiled.given > t:
            continue  # given later: "as of" t it does not exist
        result = compiled.root.decide(q)
        if result is None:
            continue
        consent = compiled.consent
        path = f"consents[{compiled.id}]"
        if not compiled.start <= t < compiled.until:
            reasons.append(
                finding(NOT_IN_FORCE, path, on, consent=compiled.id, period=period_text(compiled))
            )
            continue
        revoked = records.revoked.get(compiled.id, math.inf)
        if revoked <= t:
            reasons.append(
                finding(REVOKED, path, on, consent=compiled.id, revoked=instant_text(revoked))
            )
            continue
        if compiled.relying_id != relying:
            reasons.append(
                finding(
                    OTHER_AUTHORITY,
                    path,
                    on,
                    consent=compiled.id,
                    obtained_by=str(consent.obtained_by),
                    # Both authorities named the same way: name and id.
                    relying=str(relying_authority(q)),
                )
            )
            continue
        invalid = invalid_at(compiled, t, policy)
        if invalid is not None:
            entry, params = invalid
            reasons.append(finding(entry, path, on, consent=compiled.id, **params))
            continue
        permit, where = result
        entry = PERMIT if permit else DENY
        references = entry.references(on)
        if consent.grantor.capacity is GrantorCapacity.CUSTODIAN:
            references = (*references, *CONSENT_WAIVER_CHILD.cite_all(on))
        basis = basis_of(
            entry, subject, on, consent_id=compiled.id, provision=where, references=references
        )
        (permits if permit else denies).append(basis)
        applicable_reasons.append(
            finding(
                entry,
                f"{path}.{where}",
                on,
                consent=compiled.id,
                where=provision_text(mask_value(where)),
                grantor=str(consent.grantor.person),
            )
        )
    return permits, denies, applicable_reasons


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
)


def consents_decide(
    q: Question,
    subject: str,
    records: SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
    reasons: list[Finding],
) -> Verdict | None:
    """The verdict of the valid, applicable consents combined by the policy, or ``None``
    when none applies (the reasons the others do not count go to ``reasons``)."""
    permits, denies, applicable_reasons = consents_verdict(
        q, subject, records, t, on, policy, reasons
    )
    if not (permits or denies):
        return None
    deny_wins = policy.combining is Combining.DENY_OVERRIDES
    if permits and denies:
        reasons.append(
            finding(CONFLICT, "consents", on, subject=subject, rule=policy.combining.text)
        )
    if denies and (deny_wins or not permits):
        verdict = Verdict(Outcome.DENY)
        verdict.basis.extend(denies)
        verdict.reasons.extend(r for r in applicable_reasons if r.code == DENY.code)
        ids = ", ".join(b.consent_id for b in denies if b.consent_id is not None)
        by = Text(sv=f"nekandet i samtycke {ids}", en=f"the denial in consent {ids}")
        verdict.reasons.extend(overridden(q, subject, records, t, on, by))
    else:
        verdict = Verdict(Outcome.PERMIT)
        verdict.basis.extend(permits)
        verdict.reasons.extend(r for r in applicable_reasons if r.code == PERMIT.code)
    verdict.reasons.extend(reasons)
    return verdict
