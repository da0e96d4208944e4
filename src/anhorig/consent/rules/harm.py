"""A documented harm assessment (*menprövning*, DOMAIN.md rule 6): secrecy in health care
and social services holds unless it is *clear* that no harm results (the reversed harm
test, OSL 25 kap. 1 §, 26 kap. 1 §). Only the holder's own assessment counts, only for
its disclosure at hand, only for the policy's days, and the person's own no goes before
it.

Each rule stands directly above the condition that finds it.

References:
    - Offentlighets- och sekretesslag (2009:400) 25 kap. 1 §, 26 kap. 1 §.
"""

from __future__ import annotations

from datetime import date

from anhorig.consent._compiled import Question, SubjectRecords
from anhorig.consent.model import Circumstance, HarmConclusion, Sector
from anhorig.consent.rules._common import (
    LaterBasis,
    LaterFinding,
    Words,
    basis_of,
    finding,
    instant_text,
    rule,
)
from anhorig.findings import Rule, Severity
from anhorig.language import Text
from anhorig.law import SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES, LawTopic

__all__ = [
    "HARM_ASSESSMENT",
    "HARM_ASSESSMENT_NOT_COUNTED",
    "HARM_ASSESSMENT_OVERRIDDEN",
    "HARM_POSSIBLE",
    "assessments_verdict",
    "overridden",
    "secrecy_topic",
]


def secrecy_topic(sector: Sector) -> tuple[LawTopic, ...]:
    """The secrecy provision whose harm test the holder's assessment answers."""
    if sector is Sector.HEALTH_CARE:
        return (SECRECY_HEALTH_CARE,)
    if sector is Sector.SOCIAL_SERVICES:
        return (SECRECY_SOCIAL_SERVICES,)
    return ()


def _cited(entry: Rule, path: str, on: date, sector: Sector, /, **params: object) -> LaterFinding:
    """A finding of ``entry`` citing only the holder's secrecy chapter (25 or 26)."""
    found = finding(entry, path, on, **params)
    topics = secrecy_topic(sector)
    if not topics:
        return found
    return found.citing(tuple(r for tp in topics for r in tp.cite_all(on)))


HARM_ASSESSMENT_NOT_COUNTED = rule(
    "CONSENT-HARM-ASSESSMENT-NOT-COUNTED",
    Severity.INFO,
    ("Menprövningen kan inte användas", "The harm assessment cannot be relied on"),
    (
        "Menprövning {assessment} kan inte användas: {why}.",
        "Harm assessment {assessment} cannot be relied on: {why}.",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
    domain=(6,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: en menprövning om utlämnandet kan inte användas: gjord av en annan än innehavaren, innehavaren lyder inte under OSL 25 kap. 1 § eller 26 kap. 1 §, eller den har löpt ut vid tidpunkten.",
        "A reason in evaluate()'s decision, never alone: a harm assessment about the disclosure cannot be relied on: made by another than the holder, the holder is not under OSL 25:1 or 26:1, or it has expired at the instant.",
    ),
    boundary=(
        "Utgången exakt vid tidpunkten räknas inte; en sekund före gäller den.",
        "Expired exactly at the instant it does not count; one second before it does.",
    ),
    fix=(
        "Låt innehavaren göra en egen, aktuell menprövning.",
        "Have the holder make its own current harm assessment.",
    ),
)
HARM_POSSIBLE = rule(
    "CONSENT-HARM-POSSIBLE",
    Severity.INFO,
    ("Menprövning: men kan inte uteslutas", "Harm assessment: harm cannot be ruled out"),
    (
        "Menprövning {assessment} av {holder} kom fram till att men för {subject} eller någon "
        "närstående inte kan uteslutas; sekretessen gäller (omvänt skaderekvisit).",
        "Harm assessment {assessment} by {holder} found that harm to {subject} or anyone close "
        "to them cannot be ruled out; secrecy applies (reversed harm test).",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
    domain=(6,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: innehavarens menprövning om utlämnandet kom fram till att men inte kan uteslutas (harm_possible): sekretessen gäller.",
        "A reason in evaluate()'s decision, never alone: the holder's harm assessment about the disclosure concluded harm cannot be ruled out (harm_possible): secrecy holds.",
    ),
    boundary=(
        "Bara slutsatsen no_harm ger stöd; harm_possible ger aldrig det.",
        "Only the conclusion no_harm gives a basis; harm_possible never does.",
    ),
    fix=(
        "Lämna inte ut utan samtycke eller annan grund.",
        "Do not disclose without consent or another basis.",
    ),
)
HARM_ASSESSMENT_OVERRIDDEN = rule(
    "CONSENT-HARM-ASSESSMENT-OVERRIDDEN",
    Severity.INFO,
    ("Den enskildes nej går före menprövningen", "The person's no goes before the assessment"),
    (
        "Menprövning {assessment} säger att inget men uppstår, men {by} går före: säger den "
        "enskilde nej lämnas inget ut.",
        "Harm assessment {assessment} says no harm results, but {by} goes before it: if the "
        "person says no, nothing is disclosed.",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
    domain=(6,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: en menprövning som skulle ha gett stöd slås av en spärr, ett nekande samtycke eller tecken på att den enskilde skulle motsätta sig.",
        "A reason in evaluate()'s decision, never alone: a harm assessment that would have given a basis is beaten by a block, a denying consent or signs the person would object.",
    ),
    boundary=(
        "Den enskildes nej går alltid före menprövningen.",
        "The person's no always goes before the assessment.",
    ),
    fix=(
        "Respektera den enskildes nej, eller be om samtycke.",
        "Respect the person's no, or ask for consent.",
    ),
)
HARM_ASSESSMENT = rule(
    "CONSENT-HARM-ASSESSMENT",
    Severity.INFO,
    ("Menprövning: det står klart att inget men uppstår", "Harm assessment: clearly no harm"),
    (
        "Menprövning {assessment} av {holder}: det står klart att uppgiften kan lämnas ut "
        "utan att {subject} eller någon närstående lider men. Sekretessen hindrar inte.",
        "Harm assessment {assessment} by {holder}: it is clear that the information can be "
        "given without {subject} or anyone close to them suffering harm. Secrecy does not "
        "prevent it.",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
    domain=(6,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Innehavarens egen menprövning, gjord senast tidpunkten och i kraft, om just detta utlämnande, kommer fram till att det står klart att inget men uppstår, och det finns inga tecken på att den enskilde skulle motsätta sig; inget giltigt samtycke avgör.",
        "The holder's own harm assessment, made by the instant and in force, about this very disclosure, concludes it is clear no harm results, and there are no signs the person would object; no valid consent decides.",
    ),
    boundary=(
        "Prövningen gäller från när den gjordes till dess giltighet löper ut (exklusive); ett samtycke eller en spärr går före.",
        "The assessment holds from when it was made until it expires (exclusive); a consent or a block goes before it.",
    ),
    fix=(
        "Ingen rättelse: utlämnandet har stöd och ska dokumenteras.",
        "No correction: the disclosure has a basis and must be documented.",
    ),
)


def assessments_verdict(
    q: Question,
    subject: Words,
    records: SubjectRecords | None,
    t: float,
    on: date,
) -> tuple[list[LaterBasis], list[LaterFinding]]:
    """The bases of the harm assessments that let the information go, and the reasons
    the others that are about this disclosure do not, in id order."""
    permits: list[LaterBasis] = []
    reasons: list[LaterFinding] = []
    if records is None or not records.assessments:
        return permits, reasons
    holder = q.holder
    objects = Circumstance.SIGNS_OF_OBJECTION in q.circumstances
    for assessment_id in sorted(records.assessments):
        compiled = records.assessments[assessment_id]
        if compiled.start > t or not compiled.covers(q):
            continue  # made later ("as of" t it does not exist), or about another disclosure
        assessment = compiled.assessment
        path = f"assessments[{assessment_id}]"
        # HARM_ASSESSMENT_NOT_COUNTED: another holder's, no harm test, or out of time.
        why: Text | None = None
        if assessment.holder.id != holder.id:
            why = Text(
                sv=f"den gjordes av {assessment.holder}, inte av {holder}, som har uppgifterna",
                en=f"it was made by {assessment.holder}, not by {holder}, which holds the "
                "information",
            )
        elif not secrecy_topic(holder.sector):
            why = Text(
                sv=f"{holder} lyder inte under sekretessen i OSL 25 kap. 1 § eller 26 kap. 1 §",
                en=f"{holder} is not bound by the secrecy of OSL ch. 25 s. 1 or ch. 26 s. 1",
            )
        elif t >= compiled.until:
            start, until = instant_text(compiled.start), instant_text(compiled.until)
            why = Text(
                sv=f"den gäller från {start.sv} till {until.sv}, inte vid tidpunkten",
                en=f"it holds from {start.en} to {until.en}, not at that instant",
            )
        if why is not None:
            reasons.append(
                _cited(
                    HARM_ASSESSMENT_NOT_COUNTED,
                    path,
                    on,
                    holder.sector,
                    assessment=assessment_id,
                    why=why,
                )
            )
            continue
        # HARM_POSSIBLE: harm cannot be ruled out, so secrecy holds.
        if assessment.conclusion is HarmConclusion.HARM_POSSIBLE:
            reasons.append(
                _cited(
                    HARM_POSSIBLE,
                    path,
                    on,
                    holder.sector,
                    assessment=assessment_id,
                    holder=str(holder),
                    subject=subject,
                )
            )
            continue
        # HARM_ASSESSMENT_OVERRIDDEN: signs the person would object go before it.
        if objects:
            by = Text(
                sv="tecken på att den enskilde skulle motsätta sig",
                en="signs that the person would object",
            )
            reasons.append(
                _cited(
                    HARM_ASSESSMENT_OVERRIDDEN,
                    path,
                    on,
                    holder.sector,
                    assessment=assessment_id,
                    by=by,
                )
            )
            continue
        # HARM_ASSESSMENT: it is clear that no harm results.
        references = tuple(r for tp in secrecy_topic(holder.sector) for r in tp.cite_all(on))
        permits.append(
            basis_of(
                HARM_ASSESSMENT,
                subject,
                on,
                references=references,
                assessment_id=assessment_id,
            )
        )
        reasons.append(
            _cited(
                HARM_ASSESSMENT,
                path,
                on,
                holder.sector,
                assessment=assessment_id,
                holder=str(holder),
                subject=subject,
            )
        )
    return permits, reasons


def overridden(
    q: Question,
    subject: Words,
    records: SubjectRecords | None,
    t: float,
    on: date,
    by: Text,
) -> list[LaterFinding]:
    """For each assessment that would have let the information go: that ``by`` (a
    block, a deny in the person's consent) beats it."""
    permits, _ = assessments_verdict(q, subject, records, t, on)
    return [
        _cited(
            HARM_ASSESSMENT_OVERRIDDEN,
            f"assessments[{basis.assessment_id}]",
            on,
            q.holder.sector,
            assessment=basis.assessment_id,
            by=by,
        )
        for basis in permits
    ]
