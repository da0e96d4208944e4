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

from anhorig._values import date_text
from anhorig.findings import Report, Rule, Severity
from anhorig.language import Text
from anhorig.law import (
    BISTAND,
    CARER_INFORMATION_AND_GUIDANCE,
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
from anhorig.plans.policy import RESPITE_KINDS, MeasureKind, PlanPolicy
from anhorig.plans.rules._common import (
    PLAN_CONSENT_CHILD_TOO_YOUNG,
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
    "PLAN_CONSENT_CHILD_TOO_YOUNG",
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
    "PLAN_NO_INFORMATION_AND_GUIDANCE",
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
)


def _current_involvement(found: Findings, plan: SupportPlan) -> Involvement | None:
    """The carer's involvement as the relationship check sees it on the day judged
    (asked by three rules; the relationship is built once per check)."""
    return found.once("involvement", lambda: plan.relationship().involvement_on(found.on))


def _involvement_reconfirmed(found: Findings, plan: SupportPlan) -> None:
    """What the relationship check (REL-INVOLVEMENT-OVERDUE) finds about the plan's carer."""
    if plan.status is PlanStatus.CLOSED:
        return
    involvement = _current_involvement(found, plan)
    if involvement is not None and involvement.overdue_on(found.on):
        found.add(
            PLAN_INVOLVEMENT_OVERDUE,
            "involvement.reconfirm_by",
            carer=str(plan.carer),
            due=involvement.reconfirm_by,
        )


def _unwilling_because(found: Findings, plan: SupportPlan) -> Text | None:
    """Why the plan may not count on its carer on the day judged, or ``None`` if it may:
    they said yes and the answer is not stale."""
    on = found.on
    involvement = _current_involvement(found, plan)
    if involvement is None:
        return Text(sv="inte har tillfrågats", en="has not been asked")
    if not involvement.willing:
        return Text(
            sv=f"sa nej den {date_text(involvement.recorded_on, 'sv')}",
            en=f"said no on {date_text(involvement.recorded_on, 'en')}",
        )
    if involvement.overdue_on(on):
        return Text(
            sv=f"sa ja den {date_text(involvement.recorded_on, 'sv')}, men svaret skulle ha "
            f"bekräftats senast {date_text(involvement.reconfirm_by, 'sv')}",
            en=f"said yes on {date_text(involvement.recorded_on, 'en')}, but the answer should "
            f"have been reconfirmed by {date_text(involvement.reconfirm_by, 'en')}",
        )
    return None


def _carer_willing(found: Findings, plan: SupportPlan) -> bool:
    return _unwilling_because(found, plan) is None


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
)


def _nothing_of_unwilling_carer(found: Findings, plan: SupportPlan) -> None:
    why = _unwilling_because(found, plan)
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
)


def _expectations_both_ways(found: Findings, plan: SupportPlan) -> None:
    if not _live(plan):
        return
    sides = {e.of for e in plan.expectations}
    missing = []
    if ExpectedOf.SERVICES not in sides:
        missing.append(("verksamheten", "the services"))
    if _carer_willing(found, plan) and ExpectedOf.CARER not in sides:
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


# --- 17, the law of 2026: information och vägledning to the carer ----------------------

PLAN_NO_INFORMATION_AND_GUIDANCE = plan_rule(
    "PLAN-NO-INFORMATION-AND-GUIDANCE",
    Severity.WARNING,
    ("Ingen information och vägledning", "No information and guidance"),
    (
        "Planen visar inte att {carer} har fått information och vägledning (ingen insats av det slaget){duty}.",
        "The plan does not show that {carer} has been given information and guidance (no measure of that kind){duty}.",
    ),
    law=(CARER_INFORMATION_AND_GUIDANCE,),  # a new duty: nothing before 2026-07-01
    sources=("prop-2025-26-60",),
    domain=(17,),
)
_GUIDANCE_DUTY = Text(
    sv="; från 1 juli 2026 ska den som vårdar eller stöder en närstående få information "
    "och vägledning utöver annat stöd (föreslaget i prop. 2025/26:60; antagandet är inte "
    "verifierat, låg säkerhet)",
    en="; from 1 July 2026 anyone who cares for or supports someone close is to be given "
    "information and guidance besides other support (proposed in prop. 2025/26:60; "
    "adoption not verified, low confidence)",
)


def _information_and_guidance(found: Findings, plan: SupportPlan) -> None:
    """Judged by the day: the duty exists from the day prop. 2025/26:60 proposed, so a
    plan judged before it has no such finding. A plan with no measures at all is left
    to the chain's rules (rule 15), which already say it is empty."""
    if not (_live(plan) and plan.measures):
        return
    if not CARER_INFORMATION_AND_GUIDANCE.in_force_on(found.on):
        return
    if any(m.kind is MeasureKind.INFORMATION_AND_GUIDANCE for m in plan.measures):
        return
    found.add(
        PLAN_NO_INFORMATION_AND_GUIDANCE,
        "measures",
        carer=str(plan.carer),
        duty=_GUIDANCE_DUTY,
    )


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
    _information_and_guidance(found, plan)
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
    PLAN_CONSENT_CHILD_TOO_YOUNG,
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
    PLAN_NO_INFORMATION_AND_GUIDANCE,
    PLAN_NO_CONTINGENCY_PLAN,
    PLAN_CONTINGENCY_FAMILY_UNKNOWN,
    PLAN_VOLUNTEER_RESPITE,
    PLAN_DECISION_MISSING,
    PLAN_DECISION_REQUIRED,
    PLAN_DECISION_UNEXPECTED,
)
"""The stödplan's rules in catalogue order (the order of the family's rule page)."""
