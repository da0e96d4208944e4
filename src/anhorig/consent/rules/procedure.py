"""The decision procedure, in the law's order (DOMAIN.md rules 5–13):

1. Listening (``COLLECT``) is always permitted; so is the holder's use of its own
   branch's information (no secrecy boundary is crossed, OSL 8 kap. 1–2 §§).
2. A report of concern about a child to the social welfare committee is permitted.
3. A relative who does not want information is not given it.
4. For each person the information is about: a block holds (unless an emergency
   breaks it); the OSL 25:12 / 26:9 groups may be exchanged between health care and
   social services; otherwise the valid consents obtained by the relying authority
   decide; without one, a documented menprövning by the holder that it is clear no
   harm results, Patientlagen 3:4 or an emergency may apply; else there is no basis
   (``NO_BASIS``). The person's own no goes before a menprövning.
5. Every person needs a basis: one deny denies, one missing basis leaves it not
   applicable (deny by default, ``EACH_PERSON``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from anhorig.consent._compiled import Question, SubjectRecords, local_date
from anhorig.consent.decision import (
    OBLIGATION_ORDER,
    Decision,
    DecisionPolicy,
    Obligation,
    ObligationKind,
    Outcome,
)
from anhorig.consent.model import Action, InfoCategory, RecipientKind, person_key
from anhorig.consent.rules._common import (
    LaterBasis,
    LaterFinding,
    Name,
    Verdict,
    basis_of,
    finding,
    rule,
)
from anhorig.consent.rules.blocks import block_verdict, emergency_applies, emergency_verdict
from anhorig.consent.rules.consents import consents_decide, consents_outcome
from anhorig.consent.rules.exceptions import (
    care_exchange,
    listening,
    patient_cannot_take_in,
    recipient_declines,
    report_of_concern,
    within_authority,
)
from anhorig.consent.rules.harm import assessments_verdict, overridden
from anhorig.findings import Severity
from anhorig.language import Text
from anhorig.law import CONSENT_WAIVER, SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES
from anhorig.people import Person

__all__ = ["EACH_PERSON", "NO_BASIS", "decide", "decide_fully", "subject_verdict"]

# Members read on every decision, as module constants: in Python 3.11 reading
# ``Enum.MEMBER`` goes through ``EnumType.__getattr__``'s hook, about 0.2 µs each.
_COLLECT = Action.COLLECT
_ORGANISATION = RecipientKind.ORGANISATION
_HEALTH_CARE = InfoCategory.HEALTH_CARE
_PERMIT = Outcome.PERMIT
_DENY = Outcome.DENY
_NOT_APPLICABLE = Outcome.NOT_APPLICABLE
_DOCUMENT_DISCLOSURE = ObligationKind.DOCUMENT_DISCLOSURE
_EXPLAINED_LATER = Decision.explained_later


# --- 6: without a basis, secrecy holds --------------------------------------------------

NO_BASIS = rule(
    "CONSENT-NO-BASIS",
    Severity.INFO,
    ("Inget stöd för utlämnande", "No basis for disclosure"),
    (
        "Inget giltigt samtycke från {subject} och inget undantag i lag täcker detta; "
        "sekretessen gäller (nekas som standard).",
        "No valid consent from {subject} and no legal exception covers this; secrecy "
        "applies (denied by default).",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
    domain=(6,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "För en person som informationen rör finns varken spärr, vårdutbyte enligt OSL 25:12/26:9, giltigt samtycke, menprövning, Patientlagen 3 kap. 4 § eller nödsituation: sekretessen gäller (not_applicable).",
        "For a person the information is about there is no block, care exchange under OSL 25:12/26:9, valid consent, harm assessment, Patientlagen 3:4 or emergency: secrecy holds (not_applicable).",
    ),
    boundary=(
        "Vilken av grunderna som helst, giltig vid tidpunkten, tar bort anmärkningen.",
        "Any one of the bases, valid at the instant, clears the finding.",
    ),
    fix=(
        "Be den enskilde om samtycke (inhämtat och dokumenterat av innehavaren) innan uppgifterna lämnas.",
        "Ask the person for consent (obtained and documented by the holder) before giving the information.",
    ),
)


def subject_verdict(
    q: Question,
    person: Person,
    records: SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
) -> Verdict:
    """The answer for one person the information is about (step 4)."""
    request = q.request
    subject = Name(person)
    # The exchange, Patientlagen 3:4 and an emergency each need a circumstance.
    circumstances = q.circumstances
    emergency_ok = bool(circumstances) and emergency_applies(q)

    # A block (spärr) on what the holder keeps.
    if records is not None and records.blocks and request.action is not _COLLECT:
        recipient = q.recipient
        recipient_org = recipient.organisation if recipient.kind is _ORGANISATION else None
        crossing = recipient_org is None or recipient_org.id != q.holder.id
        blocked = (
            block_verdict(q, subject, records, t, on, emergency_ok=emergency_ok)
            if crossing
            else None
        )
        if blocked is not None:
            if blocked.outcome is Outcome.DENY:
                by = Text(sv="spärren", en="the block")
                blocked.reasons.extend(overridden(q, subject, records, t, on, by))
            return blocked

    # OSL 25:12 / 26:9: health care <-> social services for certain groups.
    exchange = care_exchange(q, person, t, on) if circumstances else None
    if exchange is not None:
        return exchange

    # Consents.
    reasons: list[LaterFinding] = []
    decided = consents_decide(q, subject, records, t, on, policy, reasons)
    if decided is not None:
        return decided

    # Menprövning: the holder documented that it is clear no harm results.
    if records is not None and records.assessments:
        permits, assessment_reasons = assessments_verdict(q, subject, records, t, on)
        if permits:
            verdict = Verdict(_PERMIT)
            verdict.basis.extend(permits)
            verdict.reasons.extend(assessment_reasons)
            verdict.reasons.extend(reasons)
            return verdict
        reasons.extend(assessment_reasons)

    if circumstances:
        # Patientlagen 3:4: the patient cannot take in the information.
        cannot_take_in = patient_cannot_take_in(q, subject, on, reasons)
        if cannot_take_in is not None:
            return cannot_take_in

        if emergency_ok:
            return emergency_verdict(subject, on, "$.circumstances", "", reasons)

    verdict = Verdict(_NOT_APPLICABLE)
    topic = (
        SECRECY_HEALTH_CARE if request.category.root is _HEALTH_CARE else SECRECY_SOCIAL_SERVICES
    )
    verdict.basis.append(basis_of(NO_BASIS, subject, on, references=topic.cite_all(on)))
    verdict.reasons.append(finding(NO_BASIS, "$", on, subject=subject))
    verdict.reasons.extend(reasons)
    return verdict


# --- 8: information about several people needs a basis for each -------------------------

EACH_PERSON = rule(
    "CONSENT-EACH-PERSON",
    Severity.INFO,
    ("Varje persons samtycke behövs", "Each person's consent is needed"),
    (
        "Informationen rör flera personer; det saknas stöd för {subject}, så den kan inte "
        "lämnas ut.",
        "The information is about several people; there is no basis for {subject}, so it "
        "cannot be given.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
    domain=(8,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: informationen rör flera personer (subject och also_about) och för en av dem saknas stöd; utan stöd för var och en lämnas inget ut.",
        "A reason in evaluate()'s decision, never alone: the information is about several people (subject and also_about) and one of them has no basis; without a basis for each, nothing is given.",
    ),
    boundary=(
        "Varje unik person prövas för sig; samma person två gånger räknas en gång.",
        "Each distinct person is judged on their own; the same person twice counts once.",
    ),
    fix=(
        "Inhämta samtycke (eller annan grund) för varje person, eller ta bort uppgifterna om den personen.",
        "Obtain consent (or another basis) for each person, or remove the information about that person.",
    ),
)


def decide(
    q: Question,
    t: float,
    by_subject: Mapping[str, SubjectRecords],
    policy: DecisionPolicy,
) -> Decision:
    """The decision on ``q`` at ``t`` (seconds since the epoch) from the records of
    ``by_subject`` (by :func:`~anhorig.consent.model.person_key`) under ``policy``.

    The common question (one person, no circumstances, across a secrecy boundary, about
    someone with no block and no harm assessment) is decided by the consents alone,
    without noting why: its basis and reasons are :func:`decide_fully`'s, worked out
    when first read. Any other question is decided by :func:`decide_fully`.
    """
    request = q.request
    recipient = q.recipient
    if q.circumstances or request.also_about or request.action is _COLLECT:
        return decide_fully(q, t, by_subject, policy)
    # The holder's own organisation: within_authority decides or notes a boundary.
    org = recipient.organisation if recipient.kind is _ORGANISATION else None
    if org is not None and org.id == q.holder.id:
        return decide_fully(q, t, by_subject, policy)
    subject = request.subject  # person_key, written out: every first ask
    records = by_subject.get(subject.id.value if subject.id is not None else person_key(subject))
    if records is not None and (records.blocks or records.assessments):
        return decide_fully(q, t, by_subject, policy)
    # Then the person's verdict is the consents' (subject_verdict), or without one
    # there is no basis; the decision is their verdict's (decide_fully, one person).
    outcome = consents_outcome(q, records, t, policy)
    if outcome is None:
        outcome = _NOT_APPLICABLE
    return _EXPLAINED_LATER(
        outcome, _DOCUMENT if outcome is _PERMIT else (), (decide_fully, q, t, by_subject, policy)
    )


def decide_fully(
    q: Question,
    t: float,
    by_subject: Mapping[str, SubjectRecords],
    policy: DecisionPolicy,
) -> Decision:
    """:func:`decide`, noting every basis and reason as it goes (read when the
    decision's ``basis`` or ``reasons`` are)."""
    request = q.request
    on = local_date(t)

    if request.action is _COLLECT:
        listened = listening(q, on)
        if listened is not None:
            return listened

    leading: list[LaterFinding] = []
    recipient = q.recipient
    if recipient.kind is _ORGANISATION:
        within = within_authority(q, on, leading)
        if within is not None:
            return within

    # A report of concern and a relative who declines are circumstances.
    if q.circumstances:
        reported = report_of_concern(q, t, on, leading)
        if reported is not None:
            return reported

        declined = recipient_declines(q, on, leading)
        if declined is not None:
            return declined

    verdicts: list[tuple[Person, Verdict]] = []
    seen: set[str] = set()
    for person in request.subjects:
        key = person_key(person)
        if key in seen:
            continue
        seen.add(key)
        verdicts.append((person, subject_verdict(q, person, by_subject.get(key), t, on, policy)))
    if len(verdicts) == 1:
        # One person: their verdict is the decision (the common case, written out).
        verdict = verdicts[0][1]
        outcome = verdict.outcome
        obligations: tuple[Obligation, ...]
        if outcome is not _PERMIT:
            obligations = ()
        elif verdict.obligations:
            obligations = _in_order({*verdict.obligations, _DOCUMENT_DISCLOSURE})
        else:
            obligations = _DOCUMENT
        reasons = verdict.reasons if not leading else [*leading, *verdict.reasons]
        return Decision.later(outcome, obligations, verdict.basis, reasons)
    return _combined(verdicts, leading, on)


def _combined(
    verdicts: list[tuple[Person, Verdict]], leading: list[LaterFinding], on: date
) -> Decision:
    """The decision for several people: one deny denies, one without a basis leaves
    it not applicable (step 5)."""
    outcomes = [v.outcome for _, v in verdicts]
    if _DENY in outcomes:
        outcome = _DENY
    elif _NOT_APPLICABLE in outcomes:
        outcome = _NOT_APPLICABLE
    else:
        outcome = _PERMIT
    basis: list[LaterBasis] = []
    kinds: set[ObligationKind] = set()
    reasons = list(leading)
    for person, verdict in verdicts:
        basis.extend(verdict.basis)
        kinds |= verdict.obligations
        reasons.extend(verdict.reasons)
        if verdict.outcome is _NOT_APPLICABLE:
            reasons.append(finding(EACH_PERSON, "$.also_about", on, subject=Name(person)))
    if outcome is _PERMIT:
        kinds.add(_DOCUMENT_DISCLOSURE)
    else:
        kinds.clear()
    return Decision.later(outcome, _in_order(kinds), basis, reasons)


_DOCUMENT = (Obligation.of(ObligationKind.DOCUMENT_DISCLOSURE),)


def _in_order(obligations: set[ObligationKind]) -> tuple[Obligation, ...]:
    """The obligations in their order (the two common sets without sorting)."""
    if not obligations:
        return ()
    if len(obligations) == 1 and _DOCUMENT_DISCLOSURE in obligations:
        return _DOCUMENT
    return tuple(
        Obligation.of(kind) for kind in sorted(obligations, key=OBLIGATION_ORDER.__getitem__)
    )
