"""The rules of the relative at discharge: asked, prepared, offered support with the
anhörigkonsulent involved, informed at each stage, and a plan for when the carer
falls ill.

References:
    - Socialtjänstlag (2025:400) 13 kap. 9 § (before 2025-07-01: SoL 2001:453 5 kap.
      10 §): the social welfare committee must offer support to carers.
    - Prop. 2025/26:60 (proposed in force 2026-07-01, adoption not verified):
      information and guidance, and a stödkontakt, for carers.
    - Patientlag (2014:821) 5 kap. 3 §: relatives are given the opportunity to take part.
    - Seed 000: relatives are called to the planning meeting "vanligen [utan]
      förhandsinformation"; the anhörigkonsulent "kopplas inte alltid in med automatik".
    - Seed 001: "Ingen sa något om det stöd jag skulle kunna få!"
    - Seed 004: "behovet av information i olika skeden"; "Vart vänder jag mig om det händer
      mig något som anhörigvårdare?"
"""

from __future__ import annotations

from datetime import date, timedelta

from anhorig._arguments import checked
from anhorig._values import date_text
from anhorig.discharge.model import RelativeAtDischarge
from anhorig.discharge.rules._common import Case, Findings, discharge_rule
from anhorig.discharge.rules.information import DIS_DISCLOSED_WITHOUT_BASIS, why
from anhorig.discharge.transfers import decide_stage
from anhorig.findings import Severity
from anhorig.language import Text
from anhorig.law import (
    CARER_INFORMATION_AND_GUIDANCE,
    CARER_SUPPORT,
    CONSENT_WAIVER,
    PATIENT_CANNOT_TAKE_IN,
    PATIENT_RELATIVES_TAKE_PART,
    SECRECY_HEALTH_CARE,
)
from anhorig.time import day_interval

__all__ = [
    "DIS_CARER_NOT_GUIDED",
    "DIS_CARER_SUPPORT_NOT_OFFERED",
    "DIS_CONSULTANT_NOT_INVOLVED",
    "DIS_CONTINGENCY_FAMILY_UNKNOWN",
    "DIS_NO_CONTINGENCY_PLAN",
    "DIS_RELATIVE_NOT_ASKED",
    "DIS_RELATIVE_NOT_PREPARED",
    "DIS_STAGE_NOT_INFORMED",
    "DIS_STAGE_NO_BASIS",
    "RULES",
    "check_relatives",
    "guidance_in_force",
]


def _indexed(case: Case) -> list[tuple[int, RelativeAtDischarge]]:
    return list(enumerate(case.process.relatives))


# --- asked, and prepared for the planning meeting -----------------------------------------------

DIS_RELATIVE_NOT_ASKED = discharge_rule(
    "DIS-RELATIVE-NOT-ASKED",
    Severity.ERROR,
    ("Närstående inte tillfrågad", "Relative not asked"),
    (
        "{relative} {what} utan att först ha fått frågan om hen vill delta och få information; rollen är frivillig.",
        "{relative} {what} without first being asked whether they want to take part and be informed; the role is voluntary.",
    ),
    (PATIENT_RELATIVES_TAKE_PART, CARER_SUPPORT),
    ("seed-001", "seed-003"),
    domain=(3, 12),
    applies_to=("DischargeProcess",),
    condition=(
        "En närstående kallades till vårdplaneringen, eller fick information genom en överföring, utan att ha en registrerad delaktighet (involvement) senast den dagen: hen hade inte tillfrågats.",
        "A relative was called to the planning meeting, or was given information by a transfer, without an involvement recorded on or before that day: they had not been asked.",
    ),
    boundary=(
        "En delaktighet registrerad samma dag som mötet eller överföringen räcker. Högst en anmärkning per närstående.",
        "An involvement recorded on the day of the meeting or transfer is enough. At most one finding per relative.",
    ),
    fix=(
        "Fråga den närstående först och registrera svaret i involvements.",
        "Ask the relative first and record the answer in involvements.",
    ),
)


def _asked(found: Findings, case: Case) -> None:
    planning = case.process.planning
    for relative in case.process.relatives:
        if (
            planning is not None
            and relative.id in planning.invited
            and relative.involvement_on(planning.held_at.date()) is None
        ):
            what = Text(
                sv=f"kallades till vårdplaneringen {date_text(planning.held_at.date(), 'sv')}",
                en="was called to the planning meeting on "
                f"{date_text(planning.held_at.date(), 'en')}",
            )
            found.add(
                DIS_RELATIVE_NOT_ASKED,
                "planning.invited",
                relative=str(relative.person),
                what=what,
            )
            continue
        for t_index, transfer in enumerate(case.process.transfers):
            if (
                transfer.to == relative.id
                and relative.involvement_on(transfer.sent_at.date()) is None
            ):
                what = Text(
                    sv=f"fick information {date_text(transfer.sent_at.date(), 'sv')}",
                    en=f"was given information on {date_text(transfer.sent_at.date(), 'en')}",
                )
                found.add(
                    DIS_RELATIVE_NOT_ASKED,
                    f"transfers[{t_index}]",
                    relative=str(relative.person),
                    what=what,
                )
                break


DIS_RELATIVE_NOT_PREPARED = discharge_rule(
    "DIS-RELATIVE-NOT-PREPARED",
    Severity.WARNING,
    (
        "Närstående kallad utan förhandsinformation",
        "Relative called without information beforehand",
    ),
    (
        "{relative} kallades till vårdplaneringen {held} utan att i förväg få veta vad som ska ske och hur det går till.",
        "{relative} was called to the planning meeting on {held} without being told beforehand what will happen and how.",
    ),
    (PATIENT_RELATIVES_TAKE_PART,),
    ("seed-000",),
    domain=(3,),
    applies_to=("DischargeProcess",),
    condition=(
        "En närstående kallades till vårdplaneringen utan att ha informerats i förväg om vad som ska ske (informed_before_planning_at saknas eller är inte före mötet).",
        "A relative was called to the planning meeting without being told beforehand what will happen (informed_before_planning_at missing or not before the meeting).",
    ),
    boundary=(
        "Informerad en sekund före held_at räcker; vid mötets början eller senare slår regeln till.",
        "Told one second before held_at is enough; at the meeting's start or later fires.",
    ),
    fix=(
        "Informera den närstående före mötet och registrera informed_before_planning_at.",
        "Tell the relative before the meeting and record informed_before_planning_at.",
    ),
)


def _prepared(found: Findings, case: Case) -> None:
    planning = case.process.planning
    if planning is None:
        return
    for index, relative in _indexed(case):
        told = relative.informed_before_planning_at
        if relative.id in planning.invited and (told is None or told >= planning.held_at):
            found.add(
                DIS_RELATIVE_NOT_PREPARED,
                f"relatives[{index}].informed_before_planning_at",
                relative=str(relative.person),
                held=planning.held_at,
            )


# --- support for the carer ------------------------------------------------------------------------

DIS_CARER_SUPPORT_NOT_OFFERED = discharge_rule(
    "DIS-CARER-SUPPORT-NOT-OFFERED",
    Severity.ERROR,
    ("Anhörig inte erbjuden stöd", "Carer not offered support"),
    (
        "{carer} har varit känd som anhörig sedan {known} men inget visar att hen fått veta om sin rätt till stöd senast {last_day} ({days} dagar enligt policyn).",
        "{carer} has been known as a carer since {known} but nothing shows they were told of their right to support by {last_day} ({days} days under the policy).",
    ),
    (CARER_SUPPORT,),
    ("seed-001", "seed-000"),
    applies_to=("DischargeProcess",),
    condition=(
        "En närstående känd som anhörig (known_as_carer_on senast den dag som bedöms) har inte erbjudits stöd inom support_offer_days dagar: support_offered_on ligger senare, eller saknas när fristen har gått.",
        "A relative known as a carer (known_as_carer_on on or before the day judged) was not offered support within support_offer_days days: support_offered_on is later, or missing once the deadline has passed.",
    ),
    boundary=(
        "Erbjudet på sista dagen (known_as_carer_on + support_offer_days) är i tid; dagen efter slår regeln till.",
        "Offered on the last day (known_as_carer_on + support_offer_days) is in time; the day after fires.",
    ),
    fix=(
        "Erbjud den anhörige stöd och registrera support_offered_on.",
        "Offer the carer support and record support_offered_on.",
    ),
)


def _support_offered(found: Findings, case: Case) -> None:
    days = case.policy.support_offer_days
    for index, relative in _indexed(case):
        known = relative.known_as_carer_on
        if known is None or known > case.on:
            continue
        last_day = known + timedelta(days=days)
        offered = relative.support_offered_on
        if (offered is None and case.on > last_day) or (offered is not None and offered > last_day):
            found.add(
                DIS_CARER_SUPPORT_NOT_OFFERED,
                f"relatives[{index}].support_offered_on",
                carer=str(relative.person),
                known=known,
                last_day=last_day,
                days=days,
            )


DIS_CONSULTANT_NOT_INVOLVED = discharge_rule(
    "DIS-CONSULTANT-NOT-INVOLVED",
    Severity.WARNING,
    ("Anhörigkonsulenten inte inkopplad", "Carer support officer not involved"),
    (
        "{carer} är anhörig men anhörigkonsulenten kopplades inte in före utskrivningen {day}.",
        "{carer} is a carer but the carer support officer was not involved before the discharge on {day}.",
    ),
    (CARER_SUPPORT,),
    ("seed-000",),
    domain=(18,),
    applies_to=("DischargeProcess",),
    condition=(
        "På eller efter utskrivningsdagen: en närstående som var känd anhörig på utskrivningsdagen har inte fått anhörigkonsulenten inkopplad senast den dagen (consultant_involved_on saknas eller är senare).",
        "On or after the discharge day: a relative known as a carer on the discharge day has not had the carer support officer involved by that day (consultant_involved_on missing or later).",
    ),
    boundary=(
        "Inkopplad på utskrivningsdagen räcker; före utskrivningsdagen prövas regeln inte.",
        "Involved on the discharge day is enough; before the discharge day it is not judged.",
    ),
    fix=(
        "Koppla in anhörigkonsulenten och registrera consultant_involved_on.",
        "Involve the carer support officer and record consultant_involved_on.",
    ),
)


def _consultant(found: Findings, case: Case) -> None:
    day = case.process.discharge_on
    if day is None or case.on < day:
        return
    for index, relative in _indexed(case):
        if not relative.is_known_carer_on(day):
            continue
        involved = relative.consultant_involved_on
        if involved is None or involved > day:
            found.add(
                DIS_CONSULTANT_NOT_INVOLVED,
                f"relatives[{index}].consultant_involved_on",
                carer=str(relative.person),
                day=day,
            )


DIS_CARER_NOT_GUIDED = discharge_rule(
    "DIS-CARER-NOT-GUIDED",
    Severity.WARNING,
    ("Anhörig utan information och vägledning", "Carer without information and guidance"),
    (
        "{carer} har inte fått information och vägledning eller en stödkontakt senast {last_day}; en skyldighet som prop. 2025/26:60 föreslår från 1 juli 2026 (antagandet inte verifierat).",
        "{carer} has not been given information and guidance or a support contact by {last_day}; a duty prop. 2025/26:60 proposes from 1 July 2026 (adoption not verified).",
    ),
    (CARER_INFORMATION_AND_GUIDANCE,),
    ("prop-2025-26-60",),
    domain=(18,),
    applies_to=("DischargeProcess",),
    condition=(
        "Skyldigheten att ge information och vägledning (prop. 2025/26:60) gäller den dag som bedöms, och en känd anhörig har inte fått den (guidance_given_on saknas) inom support_offer_days dagar från det senare av known_as_carer_on och dagen skyldigheten började gälla.",
        "The duty to give information and guidance (prop. 2025/26:60) is in force on the day judged, and a known carer has not been given it (no guidance_given_on) within support_offer_days days of the later of known_as_carer_on and the day the duty took effect.",
    ),
    boundary=(
        "Den sista dagen är i tid; dagen efter slår regeln till. Före 2026-07-01 prövas regeln inte.",
        "The last day is in time; the day after fires. Before 2026-07-01 it is not judged.",
    ),
    fix=(
        "Ge den anhörige information och vägledning (eller en stödkontakt) och registrera guidance_given_on.",
        "Give the carer information and guidance (or a support contact) and record guidance_given_on.",
    ),
)


@checked
def guidance_in_force(on: date) -> date | None:
    """The day the information and guidance duty took effect, if it is in force on ``on``
    (read from the legal reference, whose date and confidence are data)."""
    for ref in CARER_INFORMATION_AND_GUIDANCE.refs:
        if ref.in_force_on(on):
            return ref.in_force_from if ref.in_force_from is not None else on
    return None


def _guided(found: Findings, case: Case) -> None:
    since = guidance_in_force(case.on)
    if since is None:
        return
    for index, relative in _indexed(case):
        known = relative.known_as_carer_on
        if known is None or known > case.on or relative.guidance_given_on is not None:
            continue
        last_day = max(known, since) + timedelta(days=case.policy.support_offer_days)
        if case.on > last_day:
            found.add(
                DIS_CARER_NOT_GUIDED,
                f"relatives[{index}].guidance_given_on",
                carer=str(relative.person),
                last_day=last_day,
            )


# --- information at each stage ----------------------------------------------------------------------

DIS_STAGE_NOT_INFORMED = discharge_rule(
    "DIS-STAGE-NOT-INFORMED",
    Severity.WARNING,
    ("Anhörig inte informerad i ett skede", "Carer not informed at a stage"),
    (
        "{carer} vill ha information men fick inte veta om {stage} ({occurred}) senast {last_day}, fast det får lämnas ({basis}).",
        "{carer} wants information but was not told of the {stage} ({occurred}) by {last_day}, although it may be given ({basis}).",
    ),
    (CARER_SUPPORT, PATIENT_RELATIVES_TAKE_PART),
    ("seed-004",),
    domain=(3, 12),
    applies_to=("DischargeProcess",),
    condition=(
        "En känd anhörig som vill ha information (wants_information) fick inte veta om ett skede inom stage_information_days dagar från att det inträffade, fast det fanns stöd för att lämna den (samtycke eller annan grund).",
        "A known carer who wants information (wants_information) was not told of a stage within stage_information_days days of it, although there was a basis to tell them (consent or another ground).",
    ),
    boundary=(
        "Informerad när som helst på sista dagen (occurred_on + stage_information_days, Stockholms tid) är i tid; vid midnatt efter den är det för sent.",
        "Told any time on the last day (occurred_on + stage_information_days, Stockholm time) is in time; from the midnight after it is late.",
    ),
    fix=(
        "Informera den anhörige i tid och registrera informed_at i skedet.",
        "Tell the carer in time and record informed_at on the stage.",
    ),
)

DIS_STAGE_NO_BASIS = discharge_rule(
    "DIS-STAGE-NO-BASIS",
    Severity.WARNING,
    ("Anhörig kan inte informeras", "Carer cannot be informed"),
    (
        "{carer} vill ha information om {stage} ({occurred}) men det finns inget stöd för att lämna den: {why} Be {patient} om samtycke (eller pröva om patienten kan ta del av informationen).",
        "{carer} wants information about the {stage} ({occurred}) but there is no basis to give it: {why} Ask {patient} for consent (or consider whether the patient can take in the information).",
    ),
    (CONSENT_WAIVER, SECRECY_HEALTH_CARE, PATIENT_CANNOT_TAKE_IN),
    ("seed-004", "socialstyrelsen-samtycke"),
    domain=(6, 11, 12),
    applies_to=("DischargeProcess",),
    condition=(
        "En känd anhörig som vill ha information om ett skede har inte fått den i tid och det finns inget stöd för att lämna den (inget samtycke eller annan grund), och den anhörige har inte avböjt.",
        "A known carer who wants information about a stage was not told in time and there is no basis to tell them (no consent or other ground), and the carer has not declined.",
    ),
    boundary=(
        "Samma frist som DIS-STAGE-NOT-INFORMED; med en grund ges den regeln i stället.",
        "The same deadline as DIS-STAGE-NOT-INFORMED; with a basis that rule is given instead.",
    ),
    fix=(
        "Be patienten om samtycke (eller registrera en annan grund), och informera sedan den anhörige.",
        "Ask the patient for consent (or record another basis), then tell the carer.",
    ),
)


def _stages(found: Findings, case: Case) -> None:
    days = case.policy.stage_information_days
    judged = day_interval(case.on).start
    for r_index, relative in _indexed(case):
        for s_index, stage in enumerate(relative.stages):
            path = f"relatives[{r_index}].stages[{s_index}]"
            last_day = stage.occurred_on + timedelta(days=days)
            due = day_interval(last_day).end
            told = stage.informed_at
            decision = decide_stage(
                case.process,
                relative,
                stage,
                at=told if told is not None else due,
                decision_policy=case.decision_policy,
            )
            params: dict[str, object] = {
                "carer": str(relative.person),
                "stage": stage.stage.text,
                "occurred": stage.occurred_on,
            }
            if told is not None and not decision.permitted:
                found.add(
                    DIS_DISCLOSED_WITHOUT_BASIS,
                    f"{path}.informed_at",
                    who=case.who(relative.id),
                    category=decision.category.text,
                    at=told,
                    outcome=decision.decision.outcome.text,
                    why=why(decision),
                )
                continue
            wish = relative.involvement_on(last_day)
            if (
                not relative.is_known_carer_on(case.on)
                or wish is None
                or not wish.wants_information
            ):
                continue
            missed = (told is None and due <= judged) or (told is not None and told >= due)
            if not missed:
                continue
            if decision.permitted:
                found.add(
                    DIS_STAGE_NOT_INFORMED,
                    f"{path}.informed_at",
                    last_day=last_day,
                    basis=", ".join(
                        (
                            *dict.fromkeys(b.code for b in decision.decision.basis),
                            *decision.decision.consent_ids,
                        )
                    ),
                    **params,
                )
            elif not decision.declined:
                found.add(
                    DIS_STAGE_NO_BASIS,
                    f"{path}.informed_at",
                    why=why(decision),
                    patient=str(case.process.patient),
                    **params,
                )


# --- who takes over when the carer falls ill ---------------------------------------------------

DIS_NO_CONTINGENCY_PLAN = discharge_rule(
    "DIS-NO-CONTINGENCY-PLAN",
    Severity.WARNING,
    ("Ingen plan om anhörig blir sjuk", "No plan for when the carer falls ill"),
    (
        "{carer} ger omfattande omsorg men det finns ingen plan för vem som tar över om hen blir sjuk (trygghetsplats, hur den nås).",
        "{carer} gives substantial care but there is no plan for who takes over if they fall ill (an emergency place, how to reach it).",
    ),
    (CARER_SUPPORT,),
    ("seed-004",),
    domain=(25,),
    applies_to=("DischargeProcess",),
    condition=(
        "En närstående ger omfattande vård (substantial_care) och har ingen plan för när hen blir sjuk (contingency = null).",
        "A relative gives substantial care (substantial_care) and has no plan for when they fall ill (contingency = null).",
    ),
    boundary=(
        "Utan substantial_care slår regeln inte till.",
        "Without substantial_care it does not fire.",
    ),
    fix=(
        "Lägg till en ContingencyPlan för den närstående.",
        "Add a ContingencyPlan for the relative.",
    ),
)

DIS_CONTINGENCY_FAMILY_UNKNOWN = discharge_rule(
    "DIS-CONTINGENCY-FAMILY-UNKNOWN",
    Severity.WARNING,
    ("Familjen är inte känd av trygghetsplatsen", "The family is not known to the emergency place"),
    (
        "Planen för när {carer} blir sjuk pekar på {unit}, som inte känner familjen; gör dem kända för varandra innan det behövs.",
        "The plan for when {carer} falls ill points to {unit}, which does not know the family; make them known to each other before it is needed.",
    ),
    (CARER_SUPPORT,),
    ("seed-004",),
    domain=(25,),
    applies_to=("DischargeProcess",),
    condition=(
        "En närstående har en plan vid akut behov men familjen är inte känd av enheten (family_known_to_unit = false).",
        "A relative has a contingency plan but the family is not known to the unit (family_known_to_unit = false).",
    ),
    boundary=(
        "Bara false slår till.",
        "Only false fires.",
    ),
    fix=(
        "Gör familjen och trygghetsplatsen kända för varandra och ange family_known_to_unit = true.",
        "Make the family and the emergency place known to each other and set family_known_to_unit = true.",
    ),
)


def _contingency(found: Findings, case: Case) -> None:
    for index, relative in _indexed(case):
        plan = relative.contingency
        if relative.substantial_care and plan is None:
            found.add(
                DIS_NO_CONTINGENCY_PLAN,
                f"relatives[{index}].contingency",
                carer=str(relative.person),
            )
        elif plan is not None and not plan.family_known_to_unit:
            found.add(
                DIS_CONTINGENCY_FAMILY_UNKNOWN,
                f"relatives[{index}].contingency.family_known_to_unit",
                carer=str(relative.person),
                unit=plan.unit,
            )


RULES = (
    DIS_RELATIVE_NOT_ASKED,
    DIS_RELATIVE_NOT_PREPARED,
    DIS_CARER_SUPPORT_NOT_OFFERED,
    DIS_CONSULTANT_NOT_INVOLVED,
    DIS_CARER_NOT_GUIDED,
    DIS_STAGE_NOT_INFORMED,
    DIS_STAGE_NO_BASIS,
    DIS_NO_CONTINGENCY_PLAN,
    DIS_CONTINGENCY_FAMILY_UNKNOWN,
)
"""This module's rules, in the order they are applied."""


def check_relatives(found: Findings, case: Case) -> None:
    """Apply this module's rules to ``case``."""
    _asked(found, case)
    _prepared(found, case)
    _support_offered(found, case)
    _consultant(found, case)
    _guided(found, case)
    _stages(found, case)
    _contingency(found, case)
