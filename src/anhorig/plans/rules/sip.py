"""The rules of the coordinated individual plan (*SIP*): DOMAIN.md rules 17, 18, 21 and 22.

Each rule stands directly above the condition that finds it. :func:`check_sip` applies
them in this module's order, which is the order of the findings in a report. A draft
may be incomplete; an agreed, active or reviewed SIP must state its four mandatory
parts and have a coordinator and a follow-up; a closed SIP is checked only for what is
wrong in any status.

References:
    - Hälso- och sjukvårdslag (2017:30) 16 kap. 4 §.
    - Socialtjänstlag (2025:400) 10 kap. 8–9 §§ (before 2025-07-01: SoL 2001:453 2 kap. 7 §).
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2 §; Patientlag (2014:821) 5 kap. 3 §.
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Seeds 001, 002, 003.
"""

from __future__ import annotations

from datetime import date, timedelta

from anhorig._values import date_text, value_text
from anhorig.findings import Report, Rule, Severity
from anhorig.language import Text
from anhorig.law import (
    CONSENT_WAIVER,
    DISCHARGE_COOPERATION,
    PATIENT_RELATIVES_TAKE_PART,
    SIP_HEALTH_CARE,
    SIP_SOCIAL_SERVICES,
)
from anhorig.organisations import Principal, Sector
from anhorig.plans._common import (
    LIVE_STATUSES,
    ConsentOracle,
    ConsentPurpose,
    PlanStatus,
    same_person,
)
from anhorig.plans.policy import PlanPolicy
from anhorig.plans.rules._common import (
    Findings,
    covered,
    duplicates,
    follow_up_in_time,
    invalid_grantors,
    plan_rule,
)
from anhorig.plans.sip import CoordinatedPlan, Meeting, Participant, SipRelative

__all__ = [
    "RULES",
    "SIP_DISCHARGE_INVITATION_LATE",
    "SIP_DUPLICATE_ID",
    "SIP_EXPECTS_UNWILLING_RELATIVE",
    "SIP_FOLLOW_UP_MISSING",
    "SIP_FOLLOW_UP_OVERDUE",
    "SIP_FOLLOW_UP_TOO_LATE",
    "SIP_MEETING_UNKNOWN_PARTY",
    "SIP_NOT_BOTH_FIELDS",
    "SIP_NO_CONSENT",
    "SIP_NO_COORDINATOR",
    "SIP_NO_LEAD",
    "SIP_NO_MEASURES",
    "SIP_OTHERS_NOT_ADDRESSED",
    "SIP_RELATIVE_COORDINATOR",
    "SIP_RELATIVE_DECLINED",
    "SIP_RELATIVE_NOT_ASKED",
    "SIP_RELATIVE_OBJECTED",
    "SIP_RESPONSIBLE_ABSENT",
    "SIP_RESPONSIBLE_NOT_INVITED",
    "SIP_UNKNOWN_HOLDER",
    "check_sip",
]

_SIP_LAW = (SIP_HEALTH_CARE, SIP_SOCIAL_SERVICES)
"""What every SIP rule rests on: HSL 16 kap. 4 § and SoL 10 kap. 8–9 §§."""


def _live(plan: CoordinatedPlan) -> bool:
    return plan.status in LIVE_STATUSES


# --- 21: made only with the individual's consent ----------------------------------------

SIP_NO_CONSENT = plan_rule(
    "SIP-NO-CONSENT",
    Severity.ERROR,
    ("Den enskildes samtycke saknas", "The individual's consent is missing"),
    (
        "En SIP upprättas bara om {individual} samtycker ({purpose}); inget gällande samtycke den {on}.",
        "A SIP is made only if {individual} consents ({purpose}); none is in force on {on}.",
    ),
    law=(*_SIP_LAW, CONSENT_WAIVER),
    sources=("seed-002",),
    domain=(21,),
)


def _individual_consents(
    found: Findings, plan: CoordinatedPlan, oracle: ConsentOracle | None
) -> None:
    if plan.status is PlanStatus.CLOSED:
        return
    missing = [
        p
        for p in (ConsentPurpose.DOCUMENT_IN_PLAN, ConsentPurpose.SHARE_WITH_PARTICIPANTS)
        if not covered(plan.individual, p, plan.consents, found.on, oracle)
    ]
    if missing:
        found.add(
            SIP_NO_CONSENT,
            "consents",
            individual=str(plan.individual),
            purpose=Text(
                sv=", ".join(p.label("sv") for p in missing),
                en=", ".join(p.label("en") for p in missing),
            ),
        )


# PLAN-CONSENT-INVALID-GRANTOR: rules._common, shared with the stödplan.

# --- 21: the four mandatory parts --------------------------------------------------------

SIP_DUPLICATE_ID = plan_rule(
    "SIP-DUPLICATE-ID",
    Severity.ERROR,
    ("Samma id används två gånger", "The same id is used twice"),
    ("Id {id!r} används mer än en gång i {part}.", "Id {id!r} is used more than once in {part}."),
    law=_SIP_LAW,  # which principal provides which measure must be unambiguous
    sources=("seed-002",),
    domain=(21,),
)


def _duplicate_ids(found: Findings, plan: CoordinatedPlan) -> None:
    duplicates(
        found,
        SIP_DUPLICATE_ID,
        "participants",
        [p.id for p in plan.participants] + [r.id for r in plan.relatives],
    )
    duplicates(found, SIP_DUPLICATE_ID, "responsibilities", [r.id for r in plan.responsibilities])


SIP_UNKNOWN_HOLDER = plan_rule(
    "SIP-UNKNOWN-HOLDER",
    Severity.ERROR,
    ("Insats utan ansvarig", "Measure without anyone responsible"),
    (
        "Insatsen {measure!r} ska ges av {holder!r}, som inte är deltagare eller närstående i planen.",
        "Measure {measure!r} is to be provided by {holder!r}, who is neither a participant nor a relative in the plan.",
    ),
    law=_SIP_LAW,
    sources=("seed-002",),
    domain=(21,),
)


def _holders_known(found: Findings, plan: CoordinatedPlan) -> None:
    for index, responsibility in enumerate(plan.responsibilities):
        if plan.party(responsibility.holder_id) is None:
            found.add(
                SIP_UNKNOWN_HOLDER,
                f"responsibilities[{index}].holder_id",
                measure=responsibility.id,
                holder=responsibility.holder_id,
            )


SIP_NO_MEASURES = plan_rule(
    "SIP-NO-MEASURES",
    Severity.ERROR,
    ("Planen anger inga insatser", "The plan names no measures"),
    (
        "En SIP ska ange vilka insatser som behövs.",
        "A SIP must state which measures are needed.",
    ),
    law=_SIP_LAW,
    sources=("seed-002",),
    domain=(21,),
)


def _has_measures(found: Findings, plan: CoordinatedPlan) -> None:
    if _live(plan) and not plan.responsibilities:
        found.add(SIP_NO_MEASURES, "responsibilities")


SIP_OTHERS_NOT_ADDRESSED = plan_rule(
    "SIP-OTHERS-NOT-ADDRESSED",
    Severity.ERROR,
    ("Andras åtgärder inte angivna", "Measures by others not addressed"),
    (
        "En SIP ska ange vilka åtgärder som vidtas av någon annan än kommunen eller regionen (eller att inga gör det).",
        "A SIP must state which measures anyone other than the municipality or the region will take (or that none will).",
    ),
    law=_SIP_LAW,
    sources=("seed-002",),
    domain=(21,),
)


def _others_addressed(found: Findings, plan: CoordinatedPlan) -> None:
    if _live(plan) and not plan.others_considered and not plan.measures_by_others():
        found.add(SIP_OTHERS_NOT_ADDRESSED, "others_considered")


SIP_NO_LEAD = plan_rule(
    "SIP-NO-LEAD",
    Severity.ERROR,
    ("Övergripande ansvar saknas", "No principal with overall responsibility"),
    (
        "En SIP ska ange vilken huvudman, kommunen eller regionen, som har det övergripande ansvaret.",
        "A SIP must state which principal, the municipality or the region, has overall responsibility.",
    ),
    law=_SIP_LAW,
    sources=("seed-002",),
    domain=(21,),
)


def _has_lead(found: Findings, plan: CoordinatedPlan) -> None:
    if _live(plan) and plan.lead_principal not in (Principal.MUNICIPALITY, Principal.REGION):
        found.add(SIP_NO_LEAD, "lead_principal")


SIP_NOT_BOTH_FIELDS = plan_rule(
    "SIP-NOT-BOTH-FIELDS",
    Severity.WARNING,
    ("Insatser bara från en verksamhet", "Measures from one field only"),
    (
        "En SIP gäller den som behöver insatser från både socialtjänst och hälso- och sjukvård; här saknas {missing}.",
        "A SIP is for someone who needs measures from both social services and health care; {missing} is missing.",
    ),
    law=_SIP_LAW,
    sources=("seed-002",),
    domain=(21,),
)
_FIELD_NAMES = {
    Sector.SOCIAL_SERVICES: Text(sv="socialtjänst", en="social services"),
    Sector.HEALTH_CARE: Text(sv="hälso- och sjukvård", en="health care"),
}
"""The fields a SIP spans, named without the secrecy chapter the `Sector` labels cite."""


def _both_fields(found: Findings, plan: CoordinatedPlan) -> None:
    if not _live(plan):
        return
    fields = {r.field for r in plan.responsibilities}
    absent = [f for f in (Sector.SOCIAL_SERVICES, Sector.HEALTH_CARE) if f not in fields]
    if plan.responsibilities and absent:
        found.add(
            SIP_NOT_BOTH_FIELDS,
            "responsibilities",
            missing=Text(
                sv=" och ".join(_FIELD_NAMES[f].sv for f in absent),
                en=" and ".join(_FIELD_NAMES[f].en for f in absent),
            ),
        )


# --- 18: a professional coordinator, never a relative ------------------------------------

SIP_RELATIVE_COORDINATOR = plan_rule(
    "SIP-RELATIVE-COORDINATOR",
    Severity.ERROR,
    ("Anhörig som samordnare", "A relative as coordinator"),
    (
        "{person} är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "{person} is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
    law=_SIP_LAW,
    sources=("seed-003", "seed-001"),
    domain=(18,),
)


def _coordinator_not_relative(found: Findings, plan: CoordinatedPlan) -> None:
    coordinator = plan.coordinator
    if coordinator is not None and (
        not coordinator.professional
        or same_person(coordinator.person, plan.individual)
        or any(same_person(coordinator.person, r.person) for r in plan.relatives)
    ):
        found.add(SIP_RELATIVE_COORDINATOR, "coordinator", person=str(coordinator.person))


SIP_NO_COORDINATOR = plan_rule(
    "SIP-NO-COORDINATOR",
    Severity.WARNING,
    ("Ingen samordnare", "No coordinator"),
    (
        "Planen saknar en yrkesverksam samordnare; annars hamnar samordningen hos de anhöriga.",
        "The plan names no professional coordinator; otherwise the coordination falls on the relatives.",
    ),
    law=_SIP_LAW,
    sources=("seed-001", "seed-003"),
    domain=(18,),
)


def _has_coordinator(found: Findings, plan: CoordinatedPlan) -> None:
    if _live(plan) and plan.coordinator is None:
        found.add(SIP_NO_COORDINATOR, "coordinator")


# --- 21: who is invited to a meeting (a finding per invited party, in id order) -----------

SIP_MEETING_UNKNOWN_PARTY = plan_rule(
    "SIP-MEETING-UNKNOWN-PARTY",
    Severity.ERROR,
    ("Kallad part finns inte i planen", "Invited party not in the plan"),
    (
        "Mötet {held_on} kallar {party!r}, som inte är deltagare eller närstående i planen.",
        "The meeting on {held_on} invites {party!r}, who is neither a participant nor a relative in the plan.",
    ),
    law=_SIP_LAW,  # invitations are checked against the plan's own parties
    sources=("seed-001",),
    domain=(21,),
)


def _invited_party_known(
    found: Findings,
    index: int,
    meeting: Meeting,
    party_id: str,
    party: Participant | SipRelative | None,
) -> None:
    if party is None:
        found.add(
            SIP_MEETING_UNKNOWN_PARTY,
            f"meetings[{index}].invited",
            party=party_id,
            held_on=meeting.held_on,
        )


SIP_RELATIVE_OBJECTED = plan_rule(
    "SIP-RELATIVE-OBJECTED",
    Severity.ERROR,
    (
        "Närstående kallad trots att den enskilde motsätter sig",
        "Relative invited although the individual objects",
    ),
    (
        "{relative} är kallad till mötet {held_on}, men {individual} motsätter sig att hen deltar.",
        "{relative} is invited to the meeting on {held_on}, but {individual} objects to their taking part.",
    ),
    law=(*_SIP_LAW, PATIENT_RELATIVES_TAKE_PART),
    sources=("seed-002",),
    domain=(21,),
)


def _relative_not_objected_to(
    found: Findings,
    plan: CoordinatedPlan,
    index: int,
    meeting: Meeting,
    party: Participant | SipRelative | None,
) -> None:
    if isinstance(party, SipRelative) and party.individual_objects:
        found.add(
            SIP_RELATIVE_OBJECTED,
            f"meetings[{index}].invited",
            relative=str(party.person),
            held_on=meeting.held_on,
            individual=str(plan.individual),
        )


SIP_RELATIVE_NOT_ASKED = plan_rule(
    "SIP-RELATIVE-NOT-ASKED",
    Severity.ERROR,
    (
        "Närstående kallad utan att ha tillfrågats eller svarat",
        "Relative invited without being asked or answering",
    ),
    (
        "{relative} är kallad till mötet {held_on} utan att först ha sagt att hen vill delta.",
        "{relative} is invited to the meeting on {held_on} without first having said they want to take part.",
    ),
    law=(*_SIP_LAW, PATIENT_RELATIVES_TAKE_PART),
    sources=("seed-001", "seed-003"),
    domain=(21,),
)


def _answer_by(relative: SipRelative, on: date) -> bool | None:
    """What ``relative`` had answered by ``on`` when asked whether they want to take part:
    ``True``, ``False`` (declined), or ``None`` (not asked by then, or no answer)."""
    if relative.asked_on is None or relative.asked_on > on:
        return None
    return relative.wants_to_take_part


def _relative_asked(
    found: Findings, index: int, meeting: Meeting, party: Participant | SipRelative | None
) -> None:
    # An objection is the finding that counts; whether they were asked is then moot.
    if (
        isinstance(party, SipRelative)
        and not party.individual_objects
        and _answer_by(party, meeting.held_on) is None
    ):
        found.add(
            SIP_RELATIVE_NOT_ASKED,
            f"meetings[{index}].invited",
            relative=str(party.person),
            held_on=meeting.held_on,
        )


SIP_RELATIVE_DECLINED = plan_rule(
    "SIP-RELATIVE-DECLINED",
    Severity.ERROR,
    (
        "Närstående kallad trots att hen tackat nej",
        "Relative invited although they declined",
    ),
    (
        "{relative} tillfrågades {asked_on} och ville inte delta, men är ändå kallad till mötet {held_on}.",
        "{relative} was asked on {asked_on} and declined to take part, but is invited to the meeting on {held_on} all the same.",
    ),
    law=(*_SIP_LAW, PATIENT_RELATIVES_TAKE_PART),
    sources=("seed-001", "seed-003"),
    domain=(17, 21),
)


def _relative_not_declined(
    found: Findings, index: int, meeting: Meeting, party: Participant | SipRelative | None
) -> None:
    if (
        isinstance(party, SipRelative)
        and not party.individual_objects
        and _answer_by(party, meeting.held_on) is False
    ):
        found.add(
            SIP_RELATIVE_DECLINED,
            f"meetings[{index}].invited",
            relative=str(party.person),
            asked_on=party.asked_on,
            held_on=meeting.held_on,
        )


def _invitations(found: Findings, plan: CoordinatedPlan) -> None:
    for index, meeting in enumerate(plan.meetings):
        for party_id in sorted(meeting.invited):
            party = plan.party(party_id)
            _invited_party_known(found, index, meeting, party_id, party)
            _relative_not_objected_to(found, plan, index, meeting, party)
            _relative_asked(found, index, meeting, party)
            _relative_not_declined(found, index, meeting, party)


# --- 17: nothing expected of a relative who has not said yes ------------------------------

SIP_EXPECTS_UNWILLING_RELATIVE = plan_rule(
    "SIP-EXPECTS-UNWILLING-RELATIVE",
    Severity.ERROR,
    (
        "Insats lagd på närstående som inte sagt ja",
        "Measure placed on a relative who has not said yes",
    ),
    (
        "Insatsen {measure!r} ska ges av {relative}, som {answer}; inget får förväntas av en närstående som inte sagt att hen vill.",
        "Measure {measure!r} is to be provided by {relative}, who {answer}; nothing may be expected of a relative who has not said they are willing.",
    ),
    law=(*_SIP_LAW, PATIENT_RELATIVES_TAKE_PART),
    sources=("seed-001", "seed-003"),
    domain=(17, 21),
)


def _answer_text(relative: SipRelative, on: date) -> Text | None:
    """Why nothing may be expected of ``relative`` on ``on``, or ``None`` if they said yes."""
    answer = _answer_by(relative, on)
    if answer is True:
        return None
    if answer is False:
        return Text(
            sv=f"tackade nej när hen tillfrågades {value_text(relative.asked_on, 'sv')}",
            en=f"declined when asked on {value_text(relative.asked_on, 'en')}",
        )
    if relative.asked_on is not None and relative.asked_on <= on:
        return Text(
            sv=f"tillfrågades {value_text(relative.asked_on, 'sv')} men inte har svarat",
            en=f"was asked on {value_text(relative.asked_on, 'en')} but has not answered",
        )
    return Text(
        sv="inte har tillfrågats om hen vill delta", en="has not been asked whether they want to"
    )


def _nothing_of_unwilling_relative(found: Findings, plan: CoordinatedPlan) -> None:
    if plan.status is PlanStatus.CLOSED:
        return
    for index, responsibility in enumerate(plan.responsibilities):
        holder = plan.party(responsibility.holder_id)
        if not isinstance(holder, SipRelative):
            continue
        answer = _answer_text(holder, found.on)
        if answer is not None:
            found.add(
                SIP_EXPECTS_UNWILLING_RELATIVE,
                f"responsibilities[{index}].holder_id",
                measure=responsibility.id,
                relative=str(holder.person),
                answer=answer,
            )


# --- 21: everyone responsible is invited, and comes --------------------------------------


def _responsible(plan: CoordinatedPlan) -> list[Participant]:
    """The participants holding a responsibility, in first-mentioned order."""
    parties = (plan.party(party_id) for party_id in plan.responsible_participants())
    return [p for p in parties if isinstance(p, Participant)]


SIP_RESPONSIBLE_NOT_INVITED = plan_rule(
    "SIP-RESPONSIBLE-NOT-INVITED",
    Severity.ERROR,
    ("Ansvarig part inte kallad", "Responsible party not invited"),
    (
        "{participant} ({organisation}) har ansvar för en insats men är inte kallad till mötet {held_on}.",
        "{participant} ({organisation}) is responsible for a measure but is not invited to the meeting on {held_on}.",
    ),
    law=_SIP_LAW,
    sources=("seed-001",),
    domain=(21,),
)


def _responsible_invited(found: Findings, plan: CoordinatedPlan) -> None:
    """Everyone responsible is invited to the latest meeting, held or planned."""
    if not plan.meetings:
        return
    index = max(range(len(plan.meetings)), key=lambda i: (plan.meetings[i].held_on, i))
    latest = plan.meetings[index]
    for participant in _responsible(plan):
        if participant.id not in latest.invited:
            found.add(
                SIP_RESPONSIBLE_NOT_INVITED,
                f"meetings[{index}].invited",
                participant=str(participant.person),
                organisation=participant.organisation,
                held_on=latest.held_on,
            )


SIP_RESPONSIBLE_ABSENT = plan_rule(
    "SIP-RESPONSIBLE-ABSENT",
    Severity.WARNING,
    ("Ansvarig part kom inte", "Responsible party absent"),
    (
        "{participant} ({organisation}) har ansvar för en insats men deltog inte i mötet {held_on}.",
        "{participant} ({organisation}) is responsible for a measure but did not attend the meeting on {held_on}.",
    ),
    law=_SIP_LAW,
    sources=("seed-001",),
    domain=(21,),
)


def _responsible_attended(found: Findings, plan: CoordinatedPlan) -> None:
    """Everyone responsible and invited came to the last meeting held by ``found.on``."""
    held = [i for i, m in enumerate(plan.meetings) if m.held_on <= found.on]
    if not held:
        return
    index = max(held, key=lambda i: (plan.meetings[i].held_on, i))
    last = plan.meetings[index]
    for participant in _responsible(plan):
        if participant.id in last.invited and participant.id not in last.attended:
            found.add(
                SIP_RESPONSIBLE_ABSENT,
                f"meetings[{index}].attended",
                participant=str(participant.person),
                organisation=participant.organisation,
                held_on=last.held_on,
            )


# --- 21: followed up in time (practice, not law: old SoL 2:7 and HSL 16:4 require none) ---

SIP_FOLLOW_UP_MISSING = plan_rule(
    "SIP-FOLLOW-UP-MISSING",
    Severity.ERROR,
    ("Uppföljning saknas", "No follow-up planned"),
    (
        "Planen har ingen planerad uppföljning; enligt huvudmännens rutin bör den följas upp senast {limit}.",
        "The plan has no follow-up planned; by the principals' routine it should be followed up by {limit}.",
    ),
    sources=("ibic", "local-routines"),
    domain=(21,),
)
SIP_FOLLOW_UP_TOO_LATE = plan_rule(
    "SIP-FOLLOW-UP-TOO-LATE",
    Severity.ERROR,
    ("Uppföljningen ligger för sent", "Follow-up planned too late"),
    (
        "Uppföljningen {due} ligger efter rutinens gräns {limit} ({months} månader efter {since}); enligt huvudmännens rutin bör den ligga tidigare.",
        "The follow-up on {due} is after the routine's limit {limit} ({months} months after {since}); by the principals' routine it should be earlier.",
    ),
    sources=("ibic", "local-routines"),
    domain=(21,),
)
SIP_FOLLOW_UP_OVERDUE = plan_rule(
    "SIP-FOLLOW-UP-OVERDUE",
    Severity.WARNING,
    ("Uppföljningen är försenad", "Follow-up overdue"),
    (
        "Uppföljningen skulle ha gjorts senast {due}; den {on} är den inte gjord.",
        "The follow-up was due by {due}; on {on} it has not been done.",
    ),
    sources=("ibic", "local-routines"),
    domain=(21,),
)


def _follow_up(found: Findings, plan: CoordinatedPlan, policy: PlanPolicy) -> None:
    if not _live(plan):
        return
    follow_up_in_time(
        found,
        plan.follow_ups,
        plan.created_on,
        policy.sip_follow_up_interval_months,
        (SIP_FOLLOW_UP_MISSING, SIP_FOLLOW_UP_TOO_LATE, SIP_FOLLOW_UP_OVERDUE),
    )


# --- 22: after a hospital stay, invited within days --------------------------------------

SIP_DISCHARGE_INVITATION_LATE = plan_rule(
    "SIP-DISCHARGE-INVITATION-LATE",
    Severity.ERROR,
    ("Kallelsen efter utskrivning är sen", "Invitation after discharge is late"),
    (
        "Kallelse till SIP ska skickas inom {days} dagar från underrättelsen om utskrivningsklar ({notified}), senast {deadline}; {sent}.",
        "The SIP invitation must be sent within {days} days of the notice of readiness for discharge ({notified}), by {deadline}; {sent}.",
    ),
    law=(DISCHARGE_COOPERATION,),
    domain=(22,),
)


def _invited_after_discharge_in_time(
    found: Findings, plan: CoordinatedPlan, policy: PlanPolicy
) -> None:
    discharge = plan.discharge
    if discharge is None or plan.status is PlanStatus.CLOSED:
        return
    days = policy.discharge_invitation_days
    deadline = discharge.ready_notified_on + timedelta(days=days)
    sent = discharge.invitation_sent_on
    if (sent is not None and sent > deadline) or (sent is None and found.on > deadline):
        found.add(
            SIP_DISCHARGE_INVITATION_LATE,
            "discharge.invitation_sent_on",
            days=days,
            notified=discharge.ready_notified_on,
            deadline=deadline,
            sent=Text(sv=f"skickad {date_text(sent, 'sv')}", en=f"sent on {date_text(sent, 'en')}")
            if sent is not None
            else Text(sv="inte skickad", en="not sent"),
        )


# --- the check ---------------------------------------------------------------------------


def check_sip(
    plan: CoordinatedPlan, on: date, policy: PlanPolicy, oracle: ConsentOracle | None
) -> Report:
    """Every finding of the SIP rules for ``plan`` on ``on``, in this module's order."""
    found = Findings(on)
    _individual_consents(found, plan, oracle)
    invalid_grantors(found, plan.consents)
    _duplicate_ids(found, plan)
    _holders_known(found, plan)
    _has_measures(found, plan)
    _others_addressed(found, plan)
    _has_lead(found, plan)
    _both_fields(found, plan)
    _coordinator_not_relative(found, plan)
    _has_coordinator(found, plan)
    _invitations(found, plan)
    _nothing_of_unwilling_relative(found, plan)
    _responsible_invited(found, plan)
    _responsible_attended(found, plan)
    _follow_up(found, plan, policy)
    _invited_after_discharge_in_time(found, plan, policy)
    return found.report()


RULES: tuple[Rule, ...] = (
    SIP_NO_CONSENT,
    SIP_DUPLICATE_ID,
    SIP_NO_MEASURES,
    SIP_UNKNOWN_HOLDER,
    SIP_OTHERS_NOT_ADDRESSED,
    SIP_NO_LEAD,
    SIP_NOT_BOTH_FIELDS,
    SIP_NO_COORDINATOR,
    SIP_RELATIVE_COORDINATOR,
    SIP_RELATIVE_NOT_ASKED,
    SIP_RELATIVE_DECLINED,
    SIP_RELATIVE_OBJECTED,
    SIP_EXPECTS_UNWILLING_RELATIVE,
    SIP_MEETING_UNKNOWN_PARTY,
    SIP_RESPONSIBLE_NOT_INVITED,
    SIP_RESPONSIBLE_ABSENT,
    SIP_FOLLOW_UP_MISSING,
    SIP_FOLLOW_UP_TOO_LATE,
    SIP_FOLLOW_UP_OVERDUE,
    SIP_DISCHARGE_INVITATION_LATE,
)
"""The SIP's rules in catalogue order (the order of the family's rule page)."""
