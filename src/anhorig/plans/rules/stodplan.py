"""The rules of the carer's own support plan (*stödplan*): DOMAIN.md rules 3 and 14–20,
and the contingency plan of seed 004 (issue 16).

Each rule stands directly above the condition that finds it. :func:`check_support_plan`
applies them in this module's order, which is the order of the findings in a report.
Which rules apply depends on the plan's status: a draft may be incomplete, an
agreed, active or reviewed plan (:data:`~anhorig.plans._common.LIVE_STATUSES`) must
be whole, and a closed plan is checked only for what is wrong in any status.

References:
    - Socialtjänstlag (2025:400) 13 kap. 9 §; 11 kap. 1 §, 5 §
      (before 2025-07-01: SoL 2001:453 5 kap. 10 §; 4 kap. 1 §, 2 a §).
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2–3 §§.
    - Seeds 001, 003, 004; Socialstyrelsen, *Samtycke*; IBIC.
"""

from __future__ import annotations

from datetime import date

from anhorig.findings import Report, Rule, Severity
from anhorig.language import Text
from anhorig.law import (
    BISTAND,
    CARER_SUPPORT,
    CARER_SUPPORT_CONTACT,
    CONSENT_WAIVER,
    WITHOUT_NEEDS_ASSESSMENT,
)
from anhorig.organisations import ProviderKind
from anhorig.plans._common import (
    LIVE_STATUSES,
    ConsentOracle,
    ConsentPurpose,
    PlanStatus,
    same_person,
)
from anhorig.plans.policy import RESPITE_KINDS, PlanPolicy
from anhorig.plans.rules._common import (
    PLAN_CONSENT_INVALID_GRANTOR,
    Findings,
    covered,
    duplicates,
    follow_up_in_time,
    invalid_grantors,
    plan_rule,
)
from anhorig.plans.support import ExpectedOf, Measure, SignerRole, SupportPlan
from anhorig.relations import Involvement

__all__ = [
    "PLAN_CONSENT_INVALID_GRANTOR",
    "PLAN_CONTINGENCY_FAMILY_UNKNOWN",
    "PLAN_DECISION_MISSING",
    "PLAN_DECISION_REQUIRED",
    "PLAN_DECISION_UNEXPECTED",
    "PLAN_DUPLICATE_ID",
    "PLAN_EXPECTATIONS_ONE_SIDED",
    "PLAN_EXPECTS_UNWILLING_CARER",
    "PLAN_FOLLOW_UP_MISSING",
    "PLAN_FOLLOW_UP_OVERDUE",
    "PLAN_FOLLOW_UP_TOO_LATE",
    "PLAN_GOAL_UNKNOWN_NEED",
    "PLAN_GOAL_WITHOUT_MEASURE",
    "PLAN_INVOLVEMENT_OVERDUE",
    "PLAN_MEASURE_UNKNOWN_GOAL",
    "PLAN_NEED_WITHOUT_GOAL",
    "PLAN_NO_CARED_FOR_CONSENT",
    "PLAN_NO_CARER_CONSENT",
    "PLAN_NO_CONTINGENCY_PLAN",
    "PLAN_NO_NEEDS",
    "PLAN_NO_SUPPORT_CONTACT",
    "PLAN_RELATIVE_COORDINATOR",
    "PLAN_SIGNATURE_MISSING",
    "PLAN_SIGNER_NOT_CARER",
    "PLAN_VOLUNTEER_RESPITE",
    "RULES",
    "check_support_plan",
]


def _live(plan: SupportPlan) -> bool:
    return plan.status in LIVE_STATUSES


# --- 14: the carer's plan, documented with consent --------------------------------------

PLAN_NO_CARER_CONSENT = plan_rule(
    "PLAN-NO-CARER-CONSENT",
    Severity.ERROR,
    ("Anhörigs samtycke saknas", "The carer's consent is missing"),
    (
        "Stödplanen tillhör {carer} och får dokumenteras bara med hens samtycke; inget gällande samtycke den {on}.",
        "The support plan is {carer}'s own and may be documented only with their consent; none is in force on {on}.",
    ),
    law=(CONSENT_WAIVER, CARER_SUPPORT),
    sources=("seed-004", "socialstyrelsen-samtycke"),
    domain=(14,),
    applies_to=("SupportPlan",),
    condition=(
        "Planen är inte stängd och den anhörige har inget samtycke i kraft den dag som bedöms till att dokumenteras i planen (document_in_plan): i planens consents, eller hos det ConsentOracle som ges till check.",
        "The plan is not closed and the carer has no consent in force on the day judged to be documented in the plan (document_in_plan): in the plan's consents, or with the ConsentOracle given to check.",
    ),
    boundary=(
        "Ett samtycke som gäller från och med den dag som bedöms räcker; ett som upphört dagen före räcker inte. En stängd plan prövas inte.",
        "A consent in force from the day judged is enough; one that ended the day before is not. A closed plan is not judged.",
    ),
    fix=(
        "Inhämta den anhöriges samtycke och lägg det i consents (subject = carer, purpose document_in_plan, i kraft den dagen).",
        "Obtain the carer's consent and add it to consents (subject = carer, purpose document_in_plan, in force that day).",
    ),
)


def _carer_consent(found: Findings, plan: SupportPlan, oracle: ConsentOracle | None) -> None:
    if plan.status is PlanStatus.CLOSED:
        return
    if not covered(plan.carer, ConsentPurpose.DOCUMENT_IN_PLAN, plan.consents, found.on, oracle):
        found.add(PLAN_NO_CARER_CONSENT, "consents", carer=str(plan.carer))


PLAN_NO_CARED_FOR_CONSENT = plan_rule(
    "PLAN-NO-CARED-FOR-CONSENT",
    Severity.ERROR,
    ("Närståendes samtycke saknas", "The cared-for person's consent is missing"),
    (
        "Planen innehåller uppgifter om {cared_for} ({what}) men saknar hens gällande samtycke den {on}.",
        "The plan holds information about {cared_for} ({what}) but has no consent of theirs in force on {on}.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("seed-004", "socialstyrelsen-samtycke"),
    domain=(14,),
    applies_to=("SupportPlan",),
    condition=(
        "Planen är inte stängd, innehåller uppgifter om den närstående (ett behov om hen eller en insats till hen) och hen har inget samtycke i kraft till document_in_plan den dag som bedöms.",
        "The plan is not closed, holds information about the person cared for (a need about them or a measure given to them) and they have no consent in force to document_in_plan on the day judged.",
    ),
    boundary=(
        "Utan behov eller insatser som rör den närstående slår regeln inte till; ett samtycke i kraft den dag som bedöms räcker.",
        "Without needs or measures concerning the person cared for it does not fire; a consent in force on the day judged is enough.",
    ),
    fix=(
        "Inhämta den närståendes samtycke och lägg det i consents, eller ta bort uppgifterna om hen.",
        "Obtain the cared-for person's consent and add it to consents, or remove the information about them.",
    ),
)


def _cared_for_consent(found: Findings, plan: SupportPlan, oracle: ConsentOracle | None) -> None:
    if plan.status is PlanStatus.CLOSED or not plan.records_about_cared_for:
        return
    if covered(plan.cared_for, ConsentPurpose.DOCUMENT_IN_PLAN, plan.consents, found.on, oracle):
        return
    what = []
    if any(n.about.value == "cared_for" for n in plan.needs):
        what.append(("behov", "needs"))
    if any(m.concerns_cared_for for m in plan.measures):
        what.append(("insatser till hen", "measures given to them"))
    found.add(
        PLAN_NO_CARED_FOR_CONSENT,
        "consents",
        cared_for=str(plan.cared_for),
        what=Text(sv=", ".join(w[0] for w in what), en=", ".join(w[1] for w in what)),
    )


# PLAN-CONSENT-INVALID-GRANTOR: rules._common, shared with the SIP.

# --- 15: need → goal → measure → follow-up ----------------------------------------------

PLAN_DUPLICATE_ID = plan_rule(
    "PLAN-DUPLICATE-ID",
    Severity.ERROR,
    ("Samma id används två gånger", "The same id is used twice"),
    ("Id {id!r} används mer än en gång i {part}.", "Id {id!r} is used more than once in {part}."),
    sources=("ibic",),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "Samma id förekommer mer än en gång bland planens behov, mål eller insatser (var lista för sig).",
        "The same id occurs more than once among the plan's needs, goals or measures (each list on its own).",
    ),
    boundary=(
        "Ett behov och ett mål får ha samma id; två behov får inte. Id jämförs exakt.",
        "A need and a goal may share an id; two needs may not. Ids are compared exactly.",
    ),
    fix=(
        "Ge varje behov, mål och insats ett eget id.",
        "Give every need, goal and measure an id of its own.",
    ),
)


def _duplicate_ids(found: Findings, plan: SupportPlan) -> None:
    for part, ids in (
        ("needs", [n.id for n in plan.needs]),
        ("goals", [g.id for g in plan.goals]),
        ("measures", [m.id for m in plan.measures]),
    ):
        duplicates(found, PLAN_DUPLICATE_ID, part, ids)


PLAN_GOAL_UNKNOWN_NEED = plan_rule(
    "PLAN-GOAL-UNKNOWN-NEED",
    Severity.ERROR,
    ("Mål utan behov", "Goal serving no need"),
    (
        "Målet {goal!r} hänvisar till behovet {need!r}, som inte finns i planen.",
        "Goal {goal!r} refers to need {need!r}, which is not in the plan.",
    ),
    sources=("ibic", "seed-004"),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "Ett måls need_id namnger inget av planens behov.",
        "A goal's need_id names none of the plan's needs.",
    ),
    boundary=(
        "Id jämförs exakt; prövas i alla statusar.",
        "Ids are compared exactly; judged in every status.",
    ),
    fix=(
        "Rätta målets need_id, eller lägg till behovet.",
        "Correct the goal's need_id, or add the need.",
    ),
)


def _goals_serve_known_needs(found: Findings, plan: SupportPlan) -> None:
    need_ids = {n.id for n in plan.needs}
    for index, goal in enumerate(plan.goals):
        if goal.need_id not in need_ids:
            found.add(
                PLAN_GOAL_UNKNOWN_NEED, f"goals[{index}].need_id", goal=goal.id, need=goal.need_id
            )


PLAN_MEASURE_UNKNOWN_GOAL = plan_rule(
    "PLAN-MEASURE-UNKNOWN-GOAL",
    Severity.ERROR,
    ("Insats utan mål", "Measure serving no goal"),
    (
        "Insatsen {measure!r} hänvisar till målet {goal!r}, som inte finns i planen.",
        "Measure {measure!r} refers to goal {goal!r}, which is not in the plan.",
    ),
    sources=("ibic", "seed-004"),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "En insats goal_id namnger inget av planens mål.",
        "A measure's goal_id names none of the plan's goals.",
    ),
    boundary=(
        "Id jämförs exakt; prövas i alla statusar.",
        "Ids are compared exactly; judged in every status.",
    ),
    fix=(
        "Rätta insatsens goal_id, eller lägg till målet.",
        "Correct the measure's goal_id, or add the goal.",
    ),
)


def _measures_serve_known_goals(found: Findings, plan: SupportPlan) -> None:
    goal_ids = {g.id for g in plan.goals}
    for index, measure in enumerate(plan.measures):
        if measure.goal_id not in goal_ids:
            found.add(
                PLAN_MEASURE_UNKNOWN_GOAL,
                f"measures[{index}].goal_id",
                measure=measure.id,
                goal=measure.goal_id,
            )


PLAN_NO_NEEDS = plan_rule(
    "PLAN-NO-NEEDS",
    Severity.ERROR,
    ("Planen har inga behov", "The plan has no needs"),
    (
        "En stödplan med status {status} måste beskriva minst ett behov.",
        "A support plan with status {status} must describe at least one need.",
    ),
    law=(CARER_SUPPORT,),
    sources=("ibic",),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "Planen har inga behov i en levande plan (status agreed, active eller under_review).",
        "The plan has no needs in a live plan (status agreed, active or under_review).",
    ),
    boundary=(
        "Ett behov räcker; ett utkast (draft) eller en stängd plan får sakna behov.",
        "One need is enough; a draft or a closed plan may have none.",
    ),
    fix=(
        "Beskriv minst ett av den anhöriges behov i needs.",
        "Describe at least one of the carer's needs in needs.",
    ),
)


def _has_needs(found: Findings, plan: SupportPlan) -> None:
    if _live(plan) and not plan.needs:
        found.add(PLAN_NO_NEEDS, "needs", status=plan.status.text)


PLAN_NEED_WITHOUT_GOAL = plan_rule(
    "PLAN-NEED-WITHOUT-GOAL",
    Severity.ERROR,
    ("Behov utan mål", "Need without a goal"),
    ("Behovet {need!r} har inget mål.", "Need {need!r} has no goal."),
    sources=("ibic", "seed-004"),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "Ett behov har inget mål som pekar på det (need_id) i en levande plan (status agreed, active eller under_review).",
        "A need has no goal pointing to it (need_id) in a live plan (status agreed, active or under_review).",
    ),
    boundary=(
        "Ett mål per behov räcker; ett utkast får ha behov utan mål.",
        "One goal per need is enough; a draft may have needs without goals.",
    ),
    fix=(
        "Lägg till ett mål med behovets id som need_id, eller ta bort behovet.",
        "Add a goal with the need's id as need_id, or remove the need.",
    ),
)


def _needs_have_goals(found: Findings, plan: SupportPlan) -> None:
    if not _live(plan):
        return
    served = {g.need_id for g in plan.goals}
    for index, need in enumerate(plan.needs):
        if need.id not in served:
            found.add(PLAN_NEED_WITHOUT_GOAL, f"needs[{index}]", need=need.id)


PLAN_GOAL_WITHOUT_MEASURE = plan_rule(
    "PLAN-GOAL-WITHOUT-MEASURE",
    Severity.WARNING,
    ("Mål utan insats", "Goal without a measure"),
    ("Målet {goal!r} har ingen insats.", "Goal {goal!r} has no measure."),
    sources=("ibic",),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "Ett mål har ingen insats som pekar på det (goal_id) i en levande plan (status agreed, active eller under_review).",
        "A goal has no measure pointing to it (goal_id) in a live plan (status agreed, active or under_review).",
    ),
    boundary=(
        "En insats per mål räcker; ett utkast får ha mål utan insatser.",
        "One measure per goal is enough; a draft may have goals without measures.",
    ),
    fix=(
        "Lägg till en insats med målets id som goal_id.",
        "Add a measure with the goal's id as goal_id.",
    ),
)


def _goals_have_measures(found: Findings, plan: SupportPlan) -> None:
    if not _live(plan):
        return
    with_measure = {m.goal_id for m in plan.measures}
    for index, goal in enumerate(plan.goals):
        if goal.id not in with_measure:
            found.add(PLAN_GOAL_WITHOUT_MEASURE, f"goals[{index}]", goal=goal.id)


PLAN_FOLLOW_UP_MISSING = plan_rule(
    "PLAN-FOLLOW-UP-MISSING",
    Severity.ERROR,
    ("Uppföljning saknas", "No follow-up planned"),
    (
        "Planen har ingen planerad uppföljning; enligt kommunens rutin bör den följas upp senast {limit}.",
        "The plan has no follow-up planned; by the municipality's routine it should be followed up by {limit}.",
    ),
    sources=("ibic", "local-routines", "seed-004"),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "i en levande plan (status agreed, active eller under_review): ingen öppen uppföljning (follow_ups utan done_on) är planerad.",
        "in a live plan (status agreed, active or under_review): no open follow-up (follow_ups without done_on) is planned.",
    ),
    boundary=(
        "En enda öppen uppföljning räcker, hur sent den än ligger (det prövar TOO-LATE); genomförda uppföljningar räknas inte.",
        "One open follow-up is enough, however late (TOO-LATE judges that); follow-ups done do not count.",
    ),
    fix=(
        "Planera nästa uppföljning: lägg till en FollowUp med due senast follow_up_interval_months månader efter agreed_on eller den senaste genomförda uppföljningen.",
        "Plan the next follow-up: add a FollowUp with due at most follow_up_interval_months months after agreed_on or the last follow-up done.",
    ),
)
PLAN_FOLLOW_UP_TOO_LATE = plan_rule(
    "PLAN-FOLLOW-UP-TOO-LATE",
    Severity.ERROR,
    ("Uppföljningen ligger för sent", "Follow-up planned too late"),
    (
        "Uppföljningen {due} ligger efter kommunens gräns {limit} ({months} månader efter {since}); enligt kommunens rutin bör den ligga tidigare.",
        "The follow-up on {due} is after the municipality's limit {limit} ({months} months after {since}); by the municipality's routine it should be earlier.",
    ),
    sources=("ibic", "local-routines"),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "i en levande plan (status agreed, active eller under_review): den tidigaste öppna uppföljningen ligger mer än follow_up_interval_months månader efter agreed_on eller den senast genomförda uppföljningen, det som är senast.",
        "in a live plan (status agreed, active or under_review): the earliest open follow-up is more than follow_up_interval_months months after agreed_on or the last follow-up done, whichever is later.",
    ),
    boundary=(
        "Exakt på gränsdagen (samma dag i månaden, eller månadens sista dag om den dagen saknas) är i tid; dagen efter slår till.",
        "Exactly on the limit (the same day of the month, or the month's last day where that day is missing) is in time; the day after fires.",
    ),
    fix=(
        "Flytta uppföljningens due till senast gränsdagen (stödplan: follow_up_interval_months månader enligt PlanPolicy).",
        "Move the follow-up's due to the limit at the latest (support plan: follow_up_interval_months months by the PlanPolicy).",
    ),
)
PLAN_FOLLOW_UP_OVERDUE = plan_rule(
    "PLAN-FOLLOW-UP-OVERDUE",
    Severity.WARNING,
    ("Uppföljningen är försenad", "Follow-up overdue"),
    (
        "Uppföljningen skulle ha gjorts senast {due}; den {on} är den inte gjord.",
        "The follow-up was due by {due}; on {on} it has not been done.",
    ),
    sources=("ibic", "local-routines"),
    domain=(15,),
    applies_to=("SupportPlan",),
    condition=(
        "i en levande plan (status agreed, active eller under_review): den tidigaste öppna uppföljningens due ligger före den dag som bedöms.",
        "in a live plan (status agreed, active or under_review): the earliest open follow-up's due is before the day judged.",
    ),
    boundary=(
        "På due-dagen är uppföljningen i tid; dagen efter slår regeln till (due < on).",
        "On the due day the follow-up is in time; the day after fires (due < on).",
    ),
    fix=(
        "Genomför uppföljningen och ange done_on, eller planera om den med ett nytt due.",
        "Hold the follow-up and set done_on, or reschedule it with a new due.",
    ),
)


def _follow_up(found: Findings, plan: SupportPlan, policy: PlanPolicy) -> None:
    if not _live(plan):
        return
    follow_up_in_time(
        found,
        plan.follow_ups,
        plan.agreed_on or plan.created_on,  # a live plan has agreed_on (its validator)
        policy.follow_up_interval_months,
        (PLAN_FOLLOW_UP_MISSING, PLAN_FOLLOW_UP_TOO_LATE, PLAN_FOLLOW_UP_OVERDUE),
    )


# --- 16: signed as an acknowledgement, by the right people -------------------------------

PLAN_SIGNER_NOT_CARER = plan_rule(
    "PLAN-SIGNER-NOT-CARER",
    Severity.ERROR,
    ("Fel person har skrivit under som anhörig", "Someone else signed as the carer"),
    (
        "{signer} har skrivit under som anhörig men planen tillhör {carer}.",
        "{signer} signed as the carer but the plan is {carer}'s.",
    ),
    sources=("seed-004",),
    domain=(16,),
    applies_to=("SupportPlan",),
    condition=(
        "En underskrift med rollen carer är gjord av någon annan än planens anhörige.",
        "A signature with role carer is made by someone other than the plan's carer.",
    ),
    boundary=(
        "Samma person avgörs av personnummer när båda har ett, annars av namn och födelsedatum; prövas i alla statusar.",
        "The same person is decided by personnummer when both have one, else by name and birth date; judged in every status.",
    ),
    fix=(
        "Låt den anhörige själv skriva under som carer, eller ge underskriften rätt roll.",
        "Have the carer sign as carer themself, or give the signature its right role.",
    ),
)


def _carer_signed_as_carer(found: Findings, plan: SupportPlan) -> None:
    for index, signature in enumerate(plan.signatures):
        if signature.role is SignerRole.CARER and not same_person(signature.signer, plan.carer):
            found.add(
                PLAN_SIGNER_NOT_CARER,
                f"signatures[{index}].signer",
                signer=str(signature.signer),
                carer=str(plan.carer),
            )


PLAN_SIGNATURE_MISSING = plan_rule(
    "PLAN-SIGNATURE-MISSING",
    Severity.ERROR,
    ("Underskrift saknas", "Signature missing"),
    (
        "En plan med status {status} ska vara undertecknad av {role} (en bekräftelse, inget avtal).",
        "A plan with status {status} must be signed by the {role} (an acknowledgement, not a contract).",
    ),
    sources=("seed-004",),
    domain=(16,),
    applies_to=("SupportPlan",),
    condition=(
        "Den anhörige (role carer) eller handläggaren (role case_officer) har inte skrivit under i en levande plan (status agreed, active eller under_review); en anmärkning per roll som saknas.",
        "The carer (role carer) or the case officer (role case_officer) has not signed in a live plan (status agreed, active or under_review); one finding per missing role.",
    ),
    boundary=(
        "En underskrift per roll räcker; ett utkast behöver inga.",
        "One signature per role is enough; a draft needs none.",
    ),
    fix=(
        "Låt den anhörige och handläggaren skriva under (signatures med rollerna carer och case_officer).",
        "Have the carer and the case officer sign (signatures with roles carer and case_officer).",
    ),
)


def _signed(found: Findings, plan: SupportPlan) -> None:
    if not _live(plan):
        return
    for role in (SignerRole.CARER, SignerRole.CASE_OFFICER):
        if not plan.signed_by(role):
            found.add(PLAN_SIGNATURE_MISSING, "signatures", status=plan.status.text, role=role.text)


# --- 17: expectations both ways, nothing of an unwilling carer ---------------------------


PLAN_INVOLVEMENT_OVERDUE = plan_rule(
    "PLAN-INVOLVEMENT-OVERDUE",
    Severity.WARNING,
    (
        "Anhörigs delaktighet inte bekräftad i tid",
        "Carer's involvement not reconfirmed in time",
    ),
    (
        "Det {carer} sa om vad hen vill och orkar skulle ha bekräftats senast {due}; fråga igen innan planen räknar med hen.",
        "What {carer} said they are willing to do should have been reconfirmed by {due}; ask again before the plan counts on them.",
    ),
    law=(CARER_SUPPORT,),
    sources=("seed-001", "seed-003"),
    domain=(3, 17),
    applies_to=("SupportPlan",),
    condition=(
        "Planen är inte stängd och den anhöriges senaste delaktighet (involvement, registrerad senast den dag som bedöms) har reconfirm_by före den dagen.",
        "The plan is not closed and the carer's latest involvement (recorded on or before the day judged) has reconfirm_by before that day.",
    ),
    boundary=(
        "reconfirm_by-dagen själv är i tid; dagen efter slår regeln till.",
        "The reconfirm_by day itself is in time; the day after fires.",
    ),
    fix=(
        "Fråga den anhörige igen och registrera en ny involvement med senare reconfirm_by.",
        "Ask the carer again and record a new involvement with a later reconfirm_by.",
    ),
)


def _current_involvement(plan: SupportPlan, on: date) -> Involvement | None:
    """The carer's involvement as the relationship check sees it on ``on``."""
    return plan.relationship().involvement_on(on)


def _involvement_reconfirmed(found: Findings, plan: SupportPlan) -> None:
    """What the relationship check (REL-INVOLVEMENT-OVERDUE) finds about the plan's carer."""
    if plan.status is PlanStatus.CLOSED:
        return
    involvement = _current_involvement(plan, found.on)
    if involvement is not None and involvement.overdue_on(found.on):
        found.add(
            PLAN_INVOLVEMENT_OVERDUE,
            "involvement.reconfirm_by",
            carer=str(plan.carer),
            due=involvement.reconfirm_by,
        )


def _unwilling_because(plan: SupportPlan, on: date) -> Text | None:
    """Why the plan may not count on its carer on ``on``, or ``None`` if it may: they said
    yes and the answer is not stale."""
    involvement = _current_involvement(plan, on)
    if involvement is None:
        return Text(sv="inte har tillfrågats", en="has not been asked")
    if not involvement.willing:
        return Text(
            sv=f"sa nej den {involvement.recorded_on}",
            en=f"said no on {involvement.recorded_on}",
        )
    if involvement.overdue_on(on):
        return Text(
            sv=f"sa ja den {involvement.recorded_on}, men svaret skulle ha bekräftats senast {involvement.reconfirm_by}",
            en=f"said yes on {involvement.recorded_on}, but the answer should have been reconfirmed by {involvement.reconfirm_by}",
        )
    return None


def _carer_willing(plan: SupportPlan, on: date) -> bool:
    return _unwilling_because(plan, on) is None


PLAN_EXPECTS_UNWILLING_CARER = plan_rule(
    "PLAN-EXPECTS-UNWILLING-CARER",
    Severity.ERROR,
    ("Förväntan på anhörig som inte sagt ja", "Expectation of a carer who has not said yes"),
    (
        "Planen förväntar sig något av {carer}, som {why}; anhörigrollen är frivillig och inget får förväntas av den som inte sagt att hen vill och orkar.",
        "The plan expects something of {carer}, who {why}; being a carer is voluntary and nothing may be expected of someone who has not said they are willing.",
    ),
    law=(CARER_SUPPORT,),
    sources=("seed-001", "seed-003"),
    domain=(3, 17),
    applies_to=("SupportPlan",),
    condition=(
        "Planen förväntar något av den anhörige (en expectation med of = carer) fast hen den dag som bedöms inte har tillfrågats, har sagt nej, eller sa ja men svaret skulle ha bekräftats före den dagen.",
        "The plan expects something of the carer (an expectation with of = carer) although on the day judged they have not been asked, said no, or said yes but the answer should have been reconfirmed before that day.",
    ),
    boundary=(
        "Ett ja med reconfirm_by samma dag som bedöms räcker; dagen efter slår regeln till. En anmärkning per förväntan.",
        "A yes with reconfirm_by on the day judged is enough; the day after fires. One finding per expectation.",
    ),
    fix=(
        "Ta bort förväntningarna på den anhörige, eller fråga hen och registrera ett ja (willing) med ett framtida reconfirm_by.",
        "Remove the expectations of the carer, or ask them and record a yes (willing) with a future reconfirm_by.",
    ),
)


def _nothing_of_unwilling_carer(found: Findings, plan: SupportPlan) -> None:
    why = _unwilling_because(plan, found.on)
    if why is None:
        return
    for index, expectation in enumerate(plan.expectations):
        if expectation.of is ExpectedOf.CARER:
            found.add(
                PLAN_EXPECTS_UNWILLING_CARER,
                f"expectations[{index}]",
                carer=str(plan.carer),
                why=why,
            )


PLAN_EXPECTATIONS_ONE_SIDED = plan_rule(
    "PLAN-EXPECTATIONS-ONE-SIDED",
    Severity.WARNING,
    ("Förväntningar bara åt ett håll", "Expectations in one direction only"),
    (
        "Planen säger inte vad {missing} förväntas göra; förväntningar ska finnas åt båda håll.",
        "The plan does not say what {missing} will do; expectations go in both directions.",
    ),
    sources=("seed-001", "seed-004"),
    domain=(17,),
    applies_to=("SupportPlan",),
    condition=(
        "i en levande plan (status agreed, active eller under_review) saknas förväntningar på verksamheten (of = services), eller på den anhörige (of = carer) när hen har sagt ja och svaret inte är för gammalt.",
        "in a live plan (status agreed, active or under_review) there are no expectations of the services (of = services), or of the carer (of = carer) when they have said yes and the answer is not stale.",
    ),
    boundary=(
        "En förväntan åt vart håll räcker; av en anhörig som inte sagt ja förväntas inget, så då räcker en på verksamheten.",
        "One expectation each way is enough; nothing is expected of a carer who has not said yes, so then one of the services is enough.",
    ),
    fix=(
        "Skriv vad verksamheten åtar sig, och vad den anhörige vill göra, i expectations.",
        "Write what the services undertake, and what the carer wants to do, in expectations.",
    ),
)


def _expectations_both_ways(found: Findings, plan: SupportPlan) -> None:
    if not _live(plan):
        return
    sides = {e.of for e in plan.expectations}
    missing = []
    if ExpectedOf.SERVICES not in sides:
        missing.append(("verksamheten", "the services"))
    if _carer_willing(plan, found.on) and ExpectedOf.CARER not in sides:
        missing.append(("anhörig", "the carer"))
    if missing:
        found.add(
            PLAN_EXPECTATIONS_ONE_SIDED,
            "expectations",
            missing=Text(
                sv=" och ".join(m[0] for m in missing), en=" and ".join(m[1] for m in missing)
            ),
        )


# --- 18: a professional support contact, never a relative --------------------------------

PLAN_RELATIVE_COORDINATOR = plan_rule(
    "PLAN-RELATIVE-COORDINATOR",
    Severity.ERROR,
    ("Anhörig som samordnare", "A relative as coordinator"),
    (
        "{person} är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "{person} is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
    sources=("seed-003", "seed-001"),
    domain=(18,),
    applies_to=("SupportPlan",),
    condition=(
        "Planens samordnare (coordinator) är inte yrkesverksam (professional = false), eller är den anhörige eller den närstående själv.",
        "The plan's coordinator is not a professional (professional = false), or is the carer or the person cared for.",
    ),
    boundary=(
        "Ingen samordnare alls ger i stället PLAN-NO-SUPPORT-CONTACT; prövas i alla statusar.",
        "No coordinator at all gives PLAN-NO-SUPPORT-CONTACT instead; judged in every status.",
    ),
    fix=(
        "Utse en yrkesverksam stödkontakt som samordnare.",
        "Appoint a professional support contact as coordinator.",
    ),
)


def _coordinator_not_relative(found: Findings, plan: SupportPlan) -> None:
    coordinator = plan.coordinator
    if coordinator is not None and (
        not coordinator.professional
        or same_person(coordinator.person, plan.carer)
        or same_person(coordinator.person, plan.cared_for)
    ):
        found.add(PLAN_RELATIVE_COORDINATOR, "coordinator", person=str(coordinator.person))


PLAN_NO_SUPPORT_CONTACT = plan_rule(
    "PLAN-NO-SUPPORT-CONTACT",
    Severity.WARNING,
    ("Ingen stödkontakt", "No support contact"),
    (
        "Planen saknar en namngiven stödkontakt (lots) som anhörig kan vända sig till{duty}.",
        "The plan names no support contact (lots) for the carer to turn to{duty}.",
    ),
    law=(CARER_SUPPORT_CONTACT,),  # cited from 2026-07-01 only: a new duty
    sources=("seed-001", "seed-003", "seed-004", "prop-2025-26-60"),
    domain=(18,),
    applies_to=("SupportPlan",),
    condition=(
        "Planen har ingen samordnare (coordinator = null) i en levande plan (status agreed, active eller under_review).",
        "The plan has no coordinator (coordinator = null) in a live plan (status agreed, active or under_review).",
    ),
    boundary=(
        "Vilken samordnare som helst tar bort varningen (en anhörig som samordnare ger PLAN-RELATIVE-COORDINATOR); från 2026-07-01 nämner meddelandet den nya skyldigheten.",
        "Any coordinator clears the warning (a relative as coordinator gives PLAN-RELATIVE-COORDINATOR); from 2026-07-01 the message names the new duty.",
    ),
    fix=(
        "Erbjud den anhörige en stödkontakt och ange hen som coordinator.",
        "Offer the carer a support contact and give them as coordinator.",
    ),
)
_SUPPORT_CONTACT_DUTY = Text(
    sv="; från 1 juli 2026 ska den som vårdar eller stöder en närstående erbjudas en "
    "stödkontakt (föreslaget i prop. 2025/26:60, antagandet inte verifierat)",
    en="; from 1 July 2026 anyone who cares for or supports someone close is to be offered a "
    "support contact (proposed in prop. 2025/26:60, adoption not verified)",
)


def _has_support_contact(found: Findings, plan: SupportPlan) -> None:
    if _live(plan) and plan.coordinator is None:
        duty = _SUPPORT_CONTACT_DUTY if CARER_SUPPORT_CONTACT.in_force_on(found.on) else ""
        found.add(PLAN_NO_SUPPORT_CONTACT, "coordinator", duty=duty)


# --- 17: what the services will do when the carer falls ill (seed 004) -----------------

PLAN_NO_CONTINGENCY_PLAN = plan_rule(
    "PLAN-NO-CONTINGENCY-PLAN",
    Severity.WARNING,
    ("Ingen plan om anhörig blir sjuk", "No plan for when the carer falls ill"),
    (
        "{carer} ger omfattande omsorg men planen säger inte vem som tar över om hen blir sjuk (trygghetsplats, hur den nås).",
        "{carer} gives substantial care but the plan does not say who takes over if they fall ill (an emergency place, how to reach it).",
    ),
    law=(CARER_SUPPORT,),
    sources=("seed-004",),
    domain=(17,),
    applies_to=("SupportPlan",),
    condition=(
        "Planen saknar plan för när den anhörige blir sjuk (contingency = null) och den anhörige ger omfattande vård (substantial_care) i en levande plan (status agreed, active eller under_review).",
        "The plan has no plan for when the carer falls ill (contingency = null) and the carer gives substantial care (substantial_care) in a live plan (status agreed, active or under_review).",
    ),
    boundary=(
        "Utan substantial_care slår regeln inte till.",
        "Without substantial_care it does not fire.",
    ),
    fix=(
        "Lägg till en ContingencyPlan: vem som tar över, vilken trygghetsplats och hur den nås.",
        "Add a ContingencyPlan: who takes over, which emergency place and how to reach it.",
    ),
)


PLAN_CONTINGENCY_FAMILY_UNKNOWN = plan_rule(
    "PLAN-CONTINGENCY-FAMILY-UNKNOWN",
    Severity.WARNING,
    ("Familjen är inte känd av trygghetsplatsen", "The family is not known to the emergency place"),
    (
        "Planen för när {carer} blir sjuk pekar på {unit}, som inte känner familjen; gör dem kända för varandra innan det behövs.",
        "The plan for when {carer} falls ill points to {unit}, which does not know the family; make them known to each other before it is needed.",
    ),
    law=(CARER_SUPPORT,),
    sources=("seed-004",),
    domain=(17,),
    applies_to=("SupportPlan",),
    condition=(
        "Planen har en plan vid akut behov men familjen är inte känd av enheten (family_known_to_unit = false) i en levande plan (status agreed, active eller under_review).",
        "The plan has a contingency plan but the family is not known to the unit (family_known_to_unit = false) in a live plan (status agreed, active or under_review).",
    ),
    boundary=(
        "Bara false slår till; true tar bort varningen.",
        "Only false fires; true clears the warning.",
    ),
    fix=(
        "Låt familjen besöka eller presenteras för trygghetsplatsen och ange family_known_to_unit = true.",
        "Have the family visit or be introduced to the emergency place and set family_known_to_unit = true.",
    ),
)


def _contingency(found: Findings, plan: SupportPlan) -> None:
    if not _live(plan):
        return
    contingency = plan.contingency
    if contingency is None:
        if plan.substantial_care:
            found.add(PLAN_NO_CONTINGENCY_PLAN, "contingency", carer=str(plan.carer))
    elif not contingency.family_known_to_unit:
        found.add(
            PLAN_CONTINGENCY_FAMILY_UNKNOWN,
            "contingency.family_known_to_unit",
            carer=str(plan.carer),
            unit=contingency.unit,
        )


# --- 19, 20: each measure (a finding per measure, in the measures' order) ---------------

PLAN_VOLUNTEER_RESPITE = plan_rule(
    "PLAN-VOLUNTEER-RESPITE",
    Severity.ERROR,
    ("Frivilligas insats som avlösning", "Volunteers' help presented as respite"),
    (
        "Insatsen {measure!r} ({kind}) utförs av frivilligorganisationen {provider}; frivilligas besök är inte kommunens avlösning.",
        "Measure {measure!r} ({kind}) is provided by the voluntary organisation {provider}; volunteers' visits are not the municipality's respite.",
    ),
    sources=("seed-004",),
    domain=(19,),
    applies_to=("SupportPlan",),
    condition=(
        "En insats av avlösningsslag (RESPITE_KINDS) har en frivilligorganisation som utförare.",
        "A measure of a respite kind (RESPITE_KINDS) has a volunteer organisation as provider.",
    ),
    boundary=(
        "Frivilligas insatser av andra slag går bra; en kommunal eller privat utförare av avlösning går bra.",
        "Volunteers' measures of other kinds are fine; a municipal or private respite provider is fine.",
    ),
    fix=(
        "Ge avlösningen en kommunal eller upphandlad utförare, eller ge frivilligas insats ett annat slag än avlösning.",
        "Give the respite a municipal or contracted provider, or give the volunteers' measure a kind other than respite.",
    ),
)


def _not_volunteer_respite(found: Findings, index: int, measure: Measure) -> None:
    if (
        measure.kind in RESPITE_KINDS
        and measure.provider.kind is ProviderKind.VOLUNTARY_ORGANISATION
    ):
        found.add(
            PLAN_VOLUNTEER_RESPITE,
            f"measures[{index}].provider",
            measure=measure.id,
            kind=measure.kind.text,
            provider=measure.provider.name,
        )


PLAN_DECISION_MISSING = plan_rule(
    "PLAN-DECISION-MISSING",
    Severity.ERROR,
    ("Beslut saknas för biståndsinsats", "Decision missing for a granted measure"),
    (
        "Insatsen {measure!r} är beviljad som bistånd men hänvisar inte till beslutet.",
        "Measure {measure!r} is granted by decision but does not refer to the decision.",
    ),
    law=(BISTAND,),
    sources=("seed-004",),
    domain=(20,),
    applies_to=("SupportPlan",),
    condition=(
        "En insats är beviljad genom biståndsbeslut (granted_by_decision) men anger inget beslut (decision_id = null).",
        "A measure is granted by a decision (granted_by_decision) but names none (decision_id = null).",
    ),
    boundary=(
        "Vilket decision_id som helst räcker; det prövas inte mot något register.",
        "Any decision_id is enough; it is not checked against a register.",
    ),
    fix=(
        "Ange beslutets id i decision_id.",
        "Give the decision's id in decision_id.",
    ),
)


def _decision_named(found: Findings, index: int, measure: Measure) -> None:
    if measure.granted_by_decision and measure.decision_id is None:
        found.add(PLAN_DECISION_MISSING, f"measures[{index}].decision_id", measure=measure.id)


PLAN_DECISION_REQUIRED = plan_rule(
    "PLAN-DECISION-REQUIRED",
    Severity.ERROR,
    ("Insatsen kräver beslut", "The measure needs a decision"),
    (
        "Kommunen ger {kind} bara efter biståndsbeslut, men insatsen {measure!r} är inte beviljad genom beslut.",
        "The municipality grants {kind} only by decision, but measure {measure!r} is not granted by decision.",
    ),
    law=(BISTAND,),
    sources=("seed-004",),
    domain=(20,),
    applies_to=("SupportPlan",),
    condition=(
        "En insats som inte är beviljad genom beslut är av ett slag som riktlinjen kräver beslut för (PlanPolicy.decision_required).",
        "A measure not granted by a decision is of a kind the policy requires a decision for (PlanPolicy.decision_required).",
    ),
    boundary=(
        "Slag utanför decision_required får ges utan behovsprövning.",
        "Kinds outside decision_required may be given without needs assessment.",
    ),
    fix=(
        "Fatta ett biståndsbeslut (granted_by_decision = true med decision_id), eller välj en insats som ges utan behovsprövning.",
        "Make a decision (granted_by_decision = true with a decision_id), or choose a measure given without needs assessment.",
    ),
)


def _decision_where_required(
    found: Findings, index: int, measure: Measure, policy: PlanPolicy
) -> None:
    if not measure.granted_by_decision and measure.kind in policy.decision_required:
        found.add(
            PLAN_DECISION_REQUIRED,
            f"measures[{index}].granted_by_decision",
            measure=measure.id,
            kind=measure.kind.text,
        )


PLAN_DECISION_UNEXPECTED = plan_rule(
    "PLAN-DECISION-UNEXPECTED",
    Severity.ERROR,
    (
        "Beslut angivet för insats utan behovsprövning",
        "Decision given for a measure without needs assessment",
    ),
    (
        "Insatsen {measure!r} ges utan individuell behovsprövning men hänvisar till beslutet {decision!r}.",
        "Measure {measure!r} is offered without a needs assessment but refers to decision {decision!r}.",
    ),
    law=(WITHOUT_NEEDS_ASSESSMENT,),
    sources=("seed-004",),
    domain=(20,),
    applies_to=("SupportPlan",),
    condition=(
        "En insats som inte är beviljad genom beslut (granted_by_decision = false) anger ändå ett decision_id.",
        "A measure not granted by a decision (granted_by_decision = false) still gives a decision_id.",
    ),
    boundary=(
        "decision_id = null går igenom.",
        "decision_id = null passes.",
    ),
    fix=(
        "Ta bort decision_id, eller ange granted_by_decision = true om insatsen är beviljad genom beslut.",
        "Remove decision_id, or set granted_by_decision = true if the measure is granted by a decision.",
    ),
)


def _no_decision_without_assessment(found: Findings, index: int, measure: Measure) -> None:
    if not measure.granted_by_decision and measure.decision_id is not None:
        found.add(
            PLAN_DECISION_UNEXPECTED,
            f"measures[{index}].decision_id",
            measure=measure.id,
            decision=measure.decision_id,
        )


# --- the check ---------------------------------------------------------------------------


def check_support_plan(
    plan: SupportPlan, on: date, policy: PlanPolicy, oracle: ConsentOracle | None
) -> Report:
    """Every finding of the stödplan rules for ``plan`` on ``on``, in this module's order."""
    found = Findings(on)
    _carer_consent(found, plan, oracle)
    _cared_for_consent(found, plan, oracle)
    invalid_grantors(found, plan.consents)
    _duplicate_ids(found, plan)
    _goals_serve_known_needs(found, plan)
    _measures_serve_known_goals(found, plan)
    _has_needs(found, plan)
    _needs_have_goals(found, plan)
    _goals_have_measures(found, plan)
    _follow_up(found, plan, policy)
    _carer_signed_as_carer(found, plan)
    _signed(found, plan)
    _involvement_reconfirmed(found, plan)
    _nothing_of_unwilling_carer(found, plan)
    _expectations_both_ways(found, plan)
    _coordinator_not_relative(found, plan)
    _has_support_contact(found, plan)
    _contingency(found, plan)
    for index, measure in enumerate(plan.measures):
        _not_volunteer_respite(found, index, measure)
        _decision_named(found, index, measure)
        _decision_where_required(found, index, measure, policy)
        _no_decision_without_assessment(found, index, measure)
    return found.report()


RULES: tuple[Rule, ...] = (
    PLAN_NO_CARER_CONSENT,
    PLAN_NO_CARED_FOR_CONSENT,
    PLAN_CONSENT_INVALID_GRANTOR,
    PLAN_DUPLICATE_ID,
    PLAN_GOAL_UNKNOWN_NEED,
    PLAN_MEASURE_UNKNOWN_GOAL,
    PLAN_NO_NEEDS,
    PLAN_NEED_WITHOUT_GOAL,
    PLAN_GOAL_WITHOUT_MEASURE,
    PLAN_FOLLOW_UP_MISSING,
    PLAN_FOLLOW_UP_TOO_LATE,
    PLAN_FOLLOW_UP_OVERDUE,
    PLAN_SIGNATURE_MISSING,
    PLAN_SIGNER_NOT_CARER,
    PLAN_EXPECTATIONS_ONE_SIDED,
    PLAN_INVOLVEMENT_OVERDUE,
    PLAN_EXPECTS_UNWILLING_CARER,
    PLAN_RELATIVE_COORDINATOR,
    PLAN_NO_SUPPORT_CONTACT,
    PLAN_NO_CONTINGENCY_PLAN,
    PLAN_CONTINGENCY_FAMILY_UNKNOWN,
    PLAN_VOLUNTEER_RESPITE,
    PLAN_DECISION_MISSING,
    PLAN_DECISION_REQUIRED,
    PLAN_DECISION_UNEXPECTED,
)
"""The stödplan's rules in catalogue order (the order of the family's rule page)."""
