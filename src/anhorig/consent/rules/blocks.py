"""Blocks and emergencies (DOMAIN.md rule 13): a block (*spärr*) in shared records holds
until it is lifted with explicit consent; only an emergency (*nödsituation*) breaks it,
and that is always recorded.

Each rule stands directly above the condition that finds it.

References:
    - Lag (2022:913) om sammanhållen vård- och omsorgsdokumentation.
"""

from __future__ import annotations

import math
from datetime import date

from anhorig.consent._compiled import Question, SubjectRecords, seconds
from anhorig.consent.decision import ObligationKind, Outcome
from anhorig.consent.model import Action, Circumstance, Purpose, RecipientKind, Sector
from anhorig.consent.rules._common import LaterFinding, Verdict, Words, basis_of, finding, rule
from anhorig.findings import Severity
from anhorig.language import Text
from anhorig.law import SHARED_RECORDS

__all__ = ["BLOCKED", "EMERGENCY", "block_verdict", "emergency_applies", "emergency_verdict"]


# --- 13: an emergency breaks a block, and is recorded -----------------------------------

EMERGENCY = rule(
    "CONSENT-EMERGENCY",
    Severity.WARNING,
    ("Nödsituation", "Emergency"),
    (
        "Nödsituation: åtkomst till uppgifter om {subject} för vård som inte kan vänta{broken}. "
        "Åtkomsten ska alltid dokumenteras.",
        "Emergency: access to information about {subject} for care that cannot wait{broken}. "
        "The access must always be recorded.",
    ),
    law=(SHARED_RECORDS,),
    domain=(13,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "En nödsituation åberopas (circumstances innehåller emergency) för hälso- och sjukvårdens åtkomst (access) för vård och behandling eller vård i en nödsituation; den bryter en spärr eller ger stöd när inget annat gör det, och ska dokumenteras.",
        "An emergency is asserted (circumstances holds emergency) for health care's access for care and treatment or care in an emergency; it breaks a block or gives a basis where nothing else does, and must be recorded.",
    ),
    boundary=(
        "Bara action access, purpose care_and_treatment eller emergency_care och en mottagande organisation inom hälso- och sjukvård; något annat ger ingen nödsituation.",
        "Only action access, purpose care_and_treatment or emergency_care and a receiving organisation in health care; anything else gives no emergency.",
    ),
    fix=(
        "Dokumentera nödåtkomsten (RECORD_EMERGENCY); ingen rättelse i begäran.",
        "Record the emergency access (RECORD_EMERGENCY); no correction to the request.",
    ),
)


_EMERGENCY_PURPOSES = frozenset({Purpose.CARE_AND_TREATMENT, Purpose.EMERGENCY_CARE})
"""The purposes an emergency lets access through for: care and treatment, or care in
the emergency itself."""


def emergency_applies(q: Question) -> bool:
    """Whether an emergency is asserted for health care's access for care and
    treatment (or care in the emergency), the only access it lets through."""
    request = q.request
    recipient = q.recipient
    org = recipient.organisation if recipient.kind is RecipientKind.ORGANISATION else None
    return (
        Circumstance.EMERGENCY in q.circumstances
        and request.action is Action.ACCESS
        and request.purpose in _EMERGENCY_PURPOSES
        and org is not None
        and org.sector is Sector.HEALTH_CARE
    )


def emergency_verdict(
    subject: Words, on: date, path: str, broken: Text | str, reasons: list[LaterFinding]
) -> Verdict:
    """PERMIT on the emergency, which must be recorded; ``broken`` names the block it
    breaks, if any, and ``reasons`` follow its own."""
    verdict = Verdict(Outcome.PERMIT)
    verdict.basis.append(basis_of(EMERGENCY, subject, on))
    verdict.obligations = {ObligationKind.RECORD_EMERGENCY}
    verdict.reasons.append(finding(EMERGENCY, path, on, subject=subject, broken=broken))
    verdict.reasons.extend(reasons)
    return verdict


# --- 13: a block holds until lifted with explicit consent -------------------------------

BLOCKED = rule(
    "CONSENT-BLOCKED",
    Severity.INFO,
    ("Uppgifterna är spärrade", "The information is blocked"),
    (
        "{subject} har spärrat uppgifterna hos {holder} (spärr {block}); spärren gäller tills "
        "den hävs med uttryckligt samtycke.",
        "{subject} has blocked the information held by {holder} (block {block}); the block "
        "holds until lifted by explicit consent.",
    ),
    law=(SHARED_RECORDS,),
    domain=(13,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Begäran lämnar uppgifter över en gräns (mottagaren är inte innehavaren själv, och det är inte collect), och den enskilde har en spärr hos innehavaren, lagd senast tidpunkten och inte hävd, som täcker kategorin; ingen nödsituation.",
        "The request moves information across a boundary (the recipient is not the holder itself, and it is not collect), and the person has a block at the holder, placed by the instant and not lifted, covering the category; no emergency.",
    ),
    boundary=(
        "Spärren gäller från placed_at; hävd exakt vid tidpunkten gäller den inte längre. En spärr utan kategorier täcker allt.",
        "The block holds from placed_at; lifted exactly at the instant it no longer holds. A block without categories covers everything.",
    ),
    fix=(
        "Häv spärren med den enskildes uttryckliga samtycke (BlockLift), eller lämna inte ut.",
        "Lift the block with the person's explicit consent (BlockLift), or do not disclose.",
    ),
)


def block_verdict(
    q: Question,
    subject: Words,
    records: SubjectRecords,
    t: float,
    on: date,
    *,
    emergency_ok: bool,
) -> Verdict | None:
    """DENY if a block in force covers the request (PERMIT if an emergency breaks it)."""
    request = q.request
    for block_id in sorted(records.blocks):
        block = records.blocks[block_id]
        if block.holder.id != q.holder.id or seconds(block.placed_at) > t:
            continue
        if records.lifts.get(block_id, math.inf) <= t:
            continue
        if block.categories and not any(c.covers(request.category) for c in block.categories):
            continue
        if emergency_ok:
            broken = Text(sv=f" (spärr {block_id} bryts)", en=f" (block {block_id} is broken)")
            return emergency_verdict(subject, on, f"blocks[{block_id}]", broken, [])
        verdict = Verdict(Outcome.DENY)
        verdict.basis.append(basis_of(BLOCKED, subject, on))
        verdict.reasons.append(
            finding(
                BLOCKED,
                f"blocks[{block_id}]",
                on,
                subject=subject,
                holder=str(block.holder),
                block=block_id,
            )
        )
        return verdict
    return None
