"""Strategies for the discharge family: every type valid by construction, discharges
that no rule finds anything in, and cases that break exactly one ``DIS-*`` rule.

A clean discharge is built along its timeline from a drawn admission instant (often
within hours of a DST change): the notice of admission within 24 elapsed hours, the
fast vårdkontakt, the planning meeting, the ready notice, the SIP invitation within 3
days, the discharge before the municipality starts paying, every need covered by a
documented consent obtained by the authority that holds the information and sent by
the end of the discharge day over a reliable channel; every relative asked, prepared,
and, if a carer, offered support in time with the anhörigkonsulent involved, informed
at each stage, with a contingency plan the family is known to; every child's need
considered. ``broken_discharges`` (:mod:`anhorig.testing.strategies._discharge_breaking`)
changes one thing so that exactly one rule finds it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st

from anhorig.consent import (
    Consent,
    Evidence,
    EvidenceForm,
    InfoCategory,
    Purpose,
    Recipient,
    RecipientRole,
)
from anhorig.discharge import (
    Admission,
    AdmissionNotice,
    CareContact,
    CareKind,
    Channel,
    Checklist,
    ChecklistItem,
    ChildAtDischarge,
    ChildConsideration,
    ChildSupportAction,
    ContingencyPlan,
    Deadline,
    DeadlineKind,
    DischargePolicy,
    DischargeProcess,
    DischargeRecipient,
    DischargeRole,
    InformationTransfer,
    PaymentResponsibility,
    PlanningMeeting,
    ReadyNotice,
    RelativeAtDischarge,
    SipInvitation,
    Stage,
    StageInformation,
    TransferDecision,
    checklist,
    decide_transfers,
    payment_responsibility,
)
from anhorig.law import Confidence
from anhorig.organisations import Organisation, Principal, Sector
from anhorig.people import Person
from anhorig.relations import AdultCondition, Involvement, RelationKind
from anhorig.testing.strategies._core import instants, names, people
from anhorig.time import as_instant, day_interval

__all__ = [
    "CleanDischarge",
    "clean_discharges",
    "discharge_policies",
    "discharge_processes",
    "type_strategies",
]

DEFAULT_POLICY = DischargePolicy()

_HOSPITAL = Organisation(
    id="region-sjukhus-1",
    name="Sjukhuset, geriatriken",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
_UNITS = {
    DischargeRole.CASE_OFFICER: Organisation(
        id="kommun-1-son",
        name="Socialnämnden",
        principal=Principal.MUNICIPALITY,
        sector=Sector.SOCIAL_SERVICES,
    ),
    DischargeRole.PRIMARY_CARE: Organisation(
        id="region-vc-1",
        name="Vårdcentralen",
        principal=Principal.REGION,
        sector=Sector.HEALTH_CARE,
    ),
    DischargeRole.HOME_CARE: Organisation(
        id="hemtjanst-1",
        name="Hemtjänsten AB",
        principal=Principal.PRIVATE_PROVIDER,
        sector=Sector.SOCIAL_SERVICES,
    ),
    DischargeRole.REHABILITATION: Organisation(
        id="region-rehab-1",
        name="Primärvårdsrehab",
        principal=Principal.REGION,
        sector=Sector.HEALTH_CARE,
    ),
    DischargeRole.SPECIAL_HOUSING_NURSE: Organisation(
        id="kommun-1-sabo",
        name="Särskilda boendet",
        principal=Principal.MUNICIPALITY,
        sector=Sector.HEALTH_CARE,
    ),
    DischargeRole.CARER_SUPPORT: Organisation(
        id="kommun-1-anhorigstod",
        name="Anhörigstödet",
        principal=Principal.MUNICIPALITY,
        sector=Sector.SOCIAL_SERVICES,
    ),
}
_HEALTH_NEEDS = (
    InfoCategory.HEALTH_DISCHARGE,
    InfoCategory.HEALTH_CARE_PLAN,
    InfoCategory.HEALTH_MEDICATION,
    InfoCategory.HEALTH_DIAGNOSIS,
)
_HOME_CARE_NEEDS = (InfoCategory.SOCIAL_HOME_CARE, InfoCategory.HEALTH_MEDICATION)
_RELIABLE = sorted(DEFAULT_POLICY.reliable_channels)


_BOOL = st.booleans()
_NEEDS = st.frozensets(st.sampled_from(_HEALTH_NEEDS), min_size=1)
_HOME_NEEDS = st.frozensets(st.sampled_from(_HOME_CARE_NEEDS), min_size=1)
_RELATIVE_NEEDS = (
    st.frozensets(st.sampled_from(_HEALTH_NEEDS), max_size=1),
    st.frozensets(st.sampled_from(_HEALTH_NEEDS), max_size=2),
)
_EXTRA_ROLES = st.frozensets(
    st.sampled_from(
        (
            DischargeRole.HOME_CARE,
            DischargeRole.REHABILITATION,
            DischargeRole.SPECIAL_HOUSING_NURSE,
            DischargeRole.CARER_SUPPORT,
        )
    )
)
_STAGES = st.sampled_from([Stage.ADMISSION, Stage.DIAGNOSIS, Stage.DISCHARGE])
_KINDS = st.sampled_from([RelationKind.SPOUSE, RelationKind.CHILD, RelationKind.SIBLING])
_MAYBE_BOOL = st.none() | st.booleans()
_ACTIONS = st.frozensets(st.sampled_from(list(ChildSupportAction)), min_size=1)
_CONDITIONS = st.frozensets(st.sampled_from(list(AdultCondition)), min_size=1, max_size=2)
_PROCESS_IDS = st.sampled_from(["utskrivning-1", "dis.2026.7"])
_CARE_KINDS = st.sampled_from(list(CareKind))
_NAMES = names()
_PATIENTS = people(min_birth=date(1925, 1, 1), max_birth=date(1965, 12, 31), with_id=True)


def local_day(moment: pendulum.DateTime) -> date:
    """The calendar day of ``moment`` as it reads on its own clock."""
    return date(moment.year, moment.month, moment.day)


def minutes_after(start: pendulum.DateTime, minutes: int) -> pendulum.DateTime:
    """The instant ``minutes`` elapsed minutes after ``start``, in Stockholm time."""
    return as_instant(start.add(minutes=minutes))


def _minutes_until(start: pendulum.DateTime, end: pendulum.DateTime) -> int:
    """How many whole minutes after ``start`` (``start`` itself counted) come before
    ``end``: at least one when ``start`` is before ``end``, also when less than a minute
    is left (an instant with seconds in a day's last minute)."""
    return -int(-(end - start).total_seconds() // 60)


_CHANNELS = st.builds(
    lambda reliable, others: frozenset({reliable, *others}),
    st.sampled_from(_RELIABLE),
    st.frozensets(st.sampled_from(list(Channel)), max_size=2),
)
"""Channels that include at least one reliable one."""


def _evidence(at: pendulum.DateTime) -> Evidence:
    return Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17", documented_at=at)


@attrs.frozen
class CleanDischarge:
    """A discharge no rule finds anything in, the day it is judged, and what a breaker
    needs to know about it."""

    process: DischargeProcess
    on: date
    consent_at: pendulum.DateTime


def _recipient_consent(
    process_patient: Person,
    recipient: DischargeRecipient,
    holder: Organisation,
    at: pendulum.DateTime,
) -> Consent:
    return Consent.grant(
        id=f"c-{recipient.id}",
        subject=process_patient,
        obtained_by=holder,
        to=(Recipient.of_organisation(recipient.organisation),),
        categories=(InfoCategory.HEALTH_CARE, InfoCategory.SOCIAL_SERVICES),
        purposes=(Purpose.DISCHARGE_PLANNING,),
        evidence=_evidence(at),
        given_at=at,
    )


@st.composite
def _recipients(draw: st.DrawFn) -> tuple[DischargeRecipient, ...]:
    found = []
    for role in (DischargeRole.CASE_OFFICER, DischargeRole.PRIMARY_CARE):
        found.append(
            DischargeRecipient(
                id=role.value.replace("_", "-"),
                role=role,
                organisation=_UNITS[role],
                needs=draw(_NEEDS),
                channels=draw(_CHANNELS),
            )
        )
    extra = draw(_EXTRA_ROLES)
    for role in sorted(extra):
        needs: frozenset[InfoCategory] = frozenset()
        if role is DischargeRole.HOME_CARE:
            needs = draw(_HOME_NEEDS)
        elif role is not DischargeRole.CARER_SUPPORT:
            needs = draw(_NEEDS)
        found.append(
            DischargeRecipient(
                id=role.value.replace("_", "-"),
                role=role,
                organisation=_UNITS[role],
                needs=needs,
                channels=draw(_CHANNELS),
                given_by="case-officer" if role is DischargeRole.HOME_CARE else None,
            )
        )
    return tuple(found)


@attrs.frozen
class _Timeline:
    """The instants of a clean discharge, in order."""

    admitted: pendulum.DateTime
    consent_at: pendulum.DateTime
    notice_at: pendulum.DateTime
    contact_at: pendulum.DateTime
    planning_at: pendulum.DateTime
    ready_at: pendulum.DateTime
    invitation_at: pendulum.DateTime
    discharge_on: date

    def transfer_time(self, draw: st.DrawFn) -> pendulum.DateTime:
        """An instant from the ready notice to the end of the discharge day."""
        end = day_interval(self.discharge_on).end
        return minutes_after(
            self.ready_at, draw(st.integers(0, _minutes_until(self.ready_at, end) - 1))
        )


@st.composite
def _timelines(draw: st.DrawFn) -> _Timeline:
    admitted = draw(instants(min_value=date(2024, 1, 1), max_value=date(2031, 12, 31)))
    consent_at = minutes_after(admitted, draw(st.integers(0, 120)))
    notice_at = minutes_after(admitted, draw(st.integers(0, 24 * 60 - 1)))
    contact_at = minutes_after(max(notice_at, consent_at), draw(st.integers(1, 48 * 60)))
    planning_at = minutes_after(contact_at, draw(st.integers(60, 48 * 60)))
    ready_at = minutes_after(planning_at, draw(st.integers(60, 72 * 60)))
    due = day_interval(local_day(ready_at) + timedelta(days=DEFAULT_POLICY.sip_invitation_days)).end
    return _Timeline(
        admitted=admitted,
        consent_at=consent_at,
        notice_at=notice_at,
        contact_at=contact_at,
        planning_at=planning_at,
        ready_at=ready_at,
        invitation_at=minutes_after(
            ready_at, draw(st.integers(0, _minutes_until(ready_at, due) - 1))
        ),
        discharge_on=local_day(ready_at)
        + timedelta(days=draw(st.integers(0, DEFAULT_POLICY.payment_days))),
    )


_TIMELINES = _timelines()
_RECIPIENTS = _recipients()


@attrs.frozen
class _Relative:
    relative: RelativeAtDischarge
    records: tuple[Consent, ...]
    transfers: tuple[InformationTransfer, ...]
    invited: bool


@st.composite
def _relatives_at(
    draw: st.DrawFn, index: int, t: _Timeline, patient: Person, *, carer: bool, take_part: bool
) -> _Relative:
    """A relative asked at the admission; told, offered support and prepared in time."""
    wants_info = draw(_BOOL) if not (carer or take_part) else True
    take_part = take_part or draw(_BOOL)
    admitted = local_day(t.admitted)
    person = Person(
        name=draw(_NAMES),
        birth_date=draw(st.dates(date(1930, 1, 1), admitted - timedelta(days=19 * 366))),
    )
    relative_id = f"relative-{index}"
    needs = draw(_RELATIVE_NEEDS[wants_info])
    known = admitted - timedelta(days=draw(st.integers(0, 400))) if carer or draw(_BOOL) else None
    records: tuple[Consent, ...] = ()
    transfers: tuple[InformationTransfer, ...] = ()
    stages: tuple[StageInformation, ...] = ()
    if wants_info:
        stages = tuple(
            StageInformation(
                stage=draw(_STAGES),
                occurred_on=admitted,
                informed_at=minutes_after(t.consent_at, 60),
            )
            for _ in range(draw(st.integers(1 if carer else 0, 2)))
        )
        records = (
            Consent.grant(
                id=f"c-{relative_id}",
                subject=patient,
                obtained_by=_HOSPITAL,
                to=(Recipient.of_person(person, role=RecipientRole.RELATIVE),),
                categories=(InfoCategory.HEALTH_CARE, InfoCategory.SOCIAL_SERVICES),
                purposes=(Purpose.INFORMING_RELATIVE,),
                evidence=_evidence(t.consent_at),
                given_at=t.consent_at,
            ),
        )
        if needs:
            transfers = (
                InformationTransfer(
                    to=relative_id,
                    categories=needs,
                    sent_at=t.transfer_time(draw),
                    channel=Channel.IN_PERSON,
                ),
            )
    substantial = draw(_BOOL)
    plan = None
    if substantial or draw(_BOOL):
        plan = ContingencyPlan(
            takes_over="Grannen första natten, sedan trygghetsplats",
            unit="Korttidsboendet, trygghetsplats",
            how_to_reach="010-000 00 00, dygnet runt",
            family_known_to_unit=True,
            agreed_on=admitted,
        )
    offered = None
    if known is not None:
        offered = known + timedelta(days=draw(st.integers(0, DEFAULT_POLICY.support_offer_days)))
    relative = RelativeAtDischarge(
        id=relative_id,
        person=person,
        kind=draw(_KINDS),
        lives_with_patient=draw(_MAYBE_BOOL),
        involvements=(
            Involvement(
                recorded_on=admitted,
                reconfirm_by=admitted + timedelta(days=draw(st.integers(30, 365))),
                willing=draw(_BOOL),
                wants_information=wants_info,
                wants_to_take_part=take_part,
            ),
        ),
        needs=needs,
        channels=draw(_CHANNELS) if needs else frozenset(),
        known_as_carer_on=known,
        informed_before_planning_at=minutes_after(t.planning_at, -30) if take_part else None,
        support_offered_on=offered,
        consultant_involved_on=known,
        guidance_given_on=offered,
        substantial_care=substantial,
        contingency=plan,
        stages=stages,
    )
    return _Relative(relative=relative, records=records, transfers=transfers, invited=take_part)


@st.composite
def _children(draw: st.DrawFn, t: _Timeline) -> ChildAtDischarge:
    """A child under 18 on the discharge day whose need was considered at the admission."""
    born = t.discharge_on - timedelta(days=draw(st.integers(366, 17 * 365)))
    return ChildAtDischarge(
        child=Person(name=draw(_NAMES), birth_date=born),
        patient_is_parent=draw(_BOOL),
        lives_with_patient=True,
        consideration=ChildConsideration(
            considered_on=local_day(t.admitted),
            by="kurator",
            actions=draw(_ACTIONS),
        ),
    )


def _unit_records(
    draw: st.DrawFn, t: _Timeline, patient: Person, recipients: tuple[DischargeRecipient, ...]
) -> tuple[list[Any], list[InformationTransfer]]:
    """A consent per unit that needs information, obtained by the authority that holds
    it, and the transfer of everything it needs by the end of the discharge day."""
    records: list[Any] = []
    transfers: list[InformationTransfer] = []
    by_id = {r.id: r for r in recipients}
    for recipient in recipients:
        if not recipient.needs:
            continue
        holder = by_id[recipient.given_by].organisation if recipient.given_by else _HOSPITAL
        records.append(_recipient_consent(patient, recipient, holder, t.consent_at))
        transfers.append(
            InformationTransfer(
                to=recipient.id,
                categories=recipient.needs,
                sent_at=t.transfer_time(draw),
                channel=draw(st.sampled_from(sorted(recipient.channels))),
            )
        )
    return records, transfers


@st.composite
def clean_discharges(
    draw: st.DrawFn,
    *,
    carer: bool = False,
    child: bool = False,
    sip: bool | None = None,
    support_needed: bool | None = None,
    wants_part: bool = False,
) -> CleanDischarge:
    """Discharges in which no rule finds anything, judged on a day after the discharge.

    ``carer``: the first relative is a known carer who wants information, with a stage of
    the illness; ``child``: a child whose discharged parent meets HSL 5 kap. 7 §; ``sip``
    / ``support_needed``: force whether a SIP is needed and whether the physician judged
    support may be needed; ``wants_part``: the first relative wants to take part and is
    invited to the planning meeting. Shrinks towards an admission with the two required
    recipients and no relatives.
    """
    t = draw(_TIMELINES)
    support = draw(_BOOL) if support_needed is None else support_needed
    patient = draw(_PATIENTS)
    recipients = draw(_RECIPIENTS)
    records, transfers = _unit_records(draw, t, patient, recipients)
    relatives = [
        draw(
            _relatives_at(
                index,
                t,
                patient,
                carer=carer and index == 0,
                take_part=wants_part and index == 0,
            )
        )
        for index in range(draw(st.integers(1 if (carer or wants_part) else 0, 2)))
    ]
    invited = [r.relative.id for r in relatives if r.invited]
    conditions: frozenset[AdultCondition] = frozenset()
    if child or draw(_BOOL):
        conditions = draw(_CONDITIONS)
    children = (draw(_children(t)),) if child or draw(_BOOL) else ()
    sip_needed = draw(_BOOL) if sip is None else sip
    both = frozenset({"case-officer", "primary-care"})
    process = DischargeProcess(
        id=draw(_PROCESS_IDS),
        patient=patient,
        hospital=_HOSPITAL,
        admission=Admission(
            admitted_at=t.admitted,
            ward="Avdelning 7",
            support_may_be_needed=support,
            care_kind=draw(_CARE_KINDS),
        ),
        patient_conditions=conditions,
        recipients=recipients,
        relatives=tuple(r.relative for r in relatives),
        children=children,
        admission_notices=(
            (AdmissionNotice(sent_at=t.notice_at, to=both, channel=Channel.IT_SYSTEM),)
            if support
            else ()
        ),
        care_contact=CareContact(
            unit="primary-care", staff_id="hsa-vc-9", appointed_at=t.contact_at
        ),
        planning=PlanningMeeting(
            held_at=t.planning_at,
            invited=both | frozenset(invited),
            attended=frozenset({"case-officer", *invited}),
        ),
        ready_notice=ReadyNotice(sent_at=t.ready_at, to=both, channel=Channel.IT_SYSTEM),
        sip_needed=sip_needed,
        sip_invitation=(
            SipInvitation(
                sent_at=t.invitation_at, by="primary-care", to=frozenset({"case-officer", *invited})
            )
            if sip_needed
            else None
        ),
        discharge_on=t.discharge_on,
        transfers=(*transfers, *(x for r in relatives for x in r.transfers)),
        records=(*records, *(x for r in relatives for x in r.records)),
    )
    on = t.discharge_on + timedelta(days=draw(st.integers(0, 60)))
    return CleanDischarge(process=process, on=on, consent_at=t.consent_at)


def discharge_processes() -> st.SearchStrategy[DischargeProcess]:
    """Discharge processes valid by construction: no rule finds anything in them on the
    day after their discharge and later (see :func:`clean_discharges`)."""
    return clean_discharges().map(lambda case: case.process)


# --- the other types ------------------------------------------------------------------------------


def discharge_policies() -> st.SearchStrategy[DischargePolicy]:
    """Discharge policies: the law's defaults, the Region Stockholm example, or drawn numbers."""
    drawn = st.builds(
        DischargePolicy,
        name=st.sampled_from(["Regional överenskommelse", "Exempelregionen 2027"]),
        admission_notice_hours=st.integers(1, 72),
        sip_invitation_days=st.integers(0, 10),
        payment_days=st.integers(0, 10),
        payment_cutoff_hour=st.none() | st.integers(0, 23),
        psychiatric_payment_days=st.none() | st.integers(0, 30),
        support_offer_days=st.integers(0, 60),
        stage_information_days=st.integers(0, 14),
        reliable_channels=st.frozensets(st.sampled_from(list(Channel))),
        admission_notice_roles=st.frozensets(st.sampled_from(list(DischargeRole))),
        confidence=st.sampled_from(list(Confidence)),
    )
    return st.sampled_from([DischargePolicy(), DischargePolicy.example_region_stockholm()]) | drawn


_IDS = st.frozensets(st.sampled_from(["case-officer", "primary-care", "relative-0"]), min_size=1)
_INSTANTS = instants(min_value=date(2024, 1, 1), max_value=date(2031, 12, 31))


@st.composite
def _relatives(draw: st.DrawFn) -> RelativeAtDischarge:
    t = draw(_timelines())
    patient = draw(_PATIENTS)
    return draw(_relatives_at(0, t, patient, carer=draw(_BOOL), take_part=False)).relative


def _deadlines() -> st.SearchStrategy[Deadline]:
    return st.builds(
        lambda kind, start, hours, done, on: Deadline.of(
            kind,
            "",
            start,
            hours=hours,
            done_at=minutes_after(start, done) if done is not None else None,
            on=on,
        ),
        st.sampled_from(list(DeadlineKind)),
        instants(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
        st.integers(1, 96),
        st.none() | st.integers(0, 200 * 60),
        st.dates(date(2024, 1, 1), date(2031, 1, 1)),
    )


def type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """The discharge types and their strategies, for hypothesis' ``from_type``."""
    processes = discharge_processes()
    cases = clean_discharges()
    return {
        DischargeProcess: processes,
        Admission: st.builds(
            Admission,
            admitted_at=_INSTANTS,
            ward=st.sampled_from(["Avdelning 7", "Geriatriken avd 71"]),
            support_may_be_needed=st.booleans(),
            care_kind=st.sampled_from(list(CareKind)),
        ),
        AdmissionNotice: st.builds(
            AdmissionNotice, sent_at=_INSTANTS, to=_IDS, channel=st.sampled_from(list(Channel))
        ),
        CareContact: st.builds(
            CareContact,
            unit=st.just("primary-care"),
            staff_id=st.just("hsa-9"),
            appointed_at=_INSTANTS,
        ),
        PlanningMeeting: st.builds(PlanningMeeting, held_at=_INSTANTS, invited=_IDS, attended=_IDS),
        ReadyNotice: st.builds(
            ReadyNotice, sent_at=_INSTANTS, to=_IDS, channel=st.sampled_from(list(Channel))
        ),
        SipInvitation: st.builds(
            SipInvitation, sent_at=_INSTANTS, by=st.just("primary-care"), to=_IDS
        ),
        InformationTransfer: st.builds(
            InformationTransfer,
            to=st.sampled_from(["case-officer", "relative-0"]),
            categories=st.frozensets(st.sampled_from(_HEALTH_NEEDS), min_size=1),
            sent_at=_INSTANTS,
            channel=st.sampled_from(list(Channel)),
        ),
        DischargeRecipient: _recipients().map(lambda found: found[0]),
        RelativeAtDischarge: _relatives(),
        StageInformation: st.builds(
            StageInformation,
            stage=st.sampled_from(list(Stage)),
            occurred_on=st.dates(date(2024, 1, 1), date(2031, 12, 31)),
            informed_at=st.none() | _INSTANTS,
            given_by=st.none() | st.just("case-officer"),
        ),
        ChildAtDischarge: _timelines().flatmap(_children),
        ChildConsideration: _timelines().flatmap(_children).map(lambda c: c.consideration),
        DischargePolicy: discharge_policies(),
        Deadline: _deadlines(),
        PaymentResponsibility: processes.map(lambda p: payment_responsibility(p, DEFAULT_POLICY)),
        TransferDecision: cases.map(lambda c: decide_transfers(c.process, on=c.on)[0]),
        Checklist: cases.map(lambda c: checklist(c.process, on=c.on)),
        ChecklistItem: cases.map(lambda c: checklist(c.process, on=c.on).items[0]),
    }
