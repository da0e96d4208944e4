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
                sv=f"kallades till vårdplaneringen {planning.held_at.date()}",
                en=f"was called to the planning meeting on {planning.held_at.date()}",
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
                    sv=f"fick information {transfer.sent_at.date()}",
                    en=f"was given information on {transfer.sent_at.date()}",
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
        "{carer} har inte fått information och vägledning eller en stödkontakt senast {last_day}; en skyldighet som prop. 2025/26:60 föreslår från 2026-07-01 (antagandet inte verifierat).",
        "{carer} has not been given information and guidance or a support contact by {last_day}; a duty prop. 2025/26:60 proposes from 2026-07-01 (adoption not verified).",
    ),
    (CARER_INFORMATION_AND_GUIDANCE,),
    ("prop-2025-26-60",),
    domain=(18,),
)


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
