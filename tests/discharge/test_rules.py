"""Each discharge rule at its boundary: the day (or minute) before, of and after, and the
DST weekends, where 24 hours are not one wall-clock day."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pendulum
import pytest

from anhorig.consent import (
    Consent,
    Evidence,
    EvidenceForm,
    InfoCategory,
    Purpose,
    Recipient,
    Revocation,
)
from anhorig.discharge import (
    RULES,
    Admission,
    AdmissionNotice,
    CareContact,
    CareKind,
    Channel,
    ChildAtDischarge,
    ChildConsideration,
    ChildSupportAction,
    DischargePolicy,
    DischargeProcess,
    DischargeRecipient,
    DischargeRole,
    InformationTransfer,
    ReadyNotice,
    SipInvitation,
    Stage,
    StageInformation,
    check,
    is_valid,
    payment_responsibility,
    validate,
)
from anhorig.errors import InvalidInput, RuleViolation
from anhorig.findings import Severity, catalogue
from anhorig.organisations import Organisation, Principal, Sector
from anhorig.people import Person, PersonId
from anhorig.relations import AdultCondition
from anhorig.time import local
from tests.discharge.stockholm import ON, every_finding, husband, valid, with_husband

HOSPITAL = Organisation(
    id="region-sjukhus", name="Sjukhuset", principal=Principal.REGION, sector=Sector.HEALTH_CARE
)
TOWN = Organisation(
    id="kommun-son",
    name="Socialnämnden",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)
CENTRE = Organisation(
    id="region-vc", name="Vårdcentralen", principal=Principal.REGION, sector=Sector.HEALTH_CARE
)
PATIENT = Person(id=PersonId.parse("19400312-2381"), name="Anna Karlsson")


def minimal(
    admitted: pendulum.DateTime,
    *,
    notice_at: pendulum.DateTime | None = None,
    ready_at: pendulum.DateTime | None = None,
    discharge_on: date | None = None,
    needs: frozenset[InfoCategory] = frozenset(),
    **more: object,
) -> DischargeProcess:
    """A discharge with only the needs assessor and the vårdcentral, nothing else."""
    recipients = tuple(
        DischargeRecipient(
            id=rid,
            role=role,
            organisation=org,
            needs=needs,
            channels=frozenset({Channel.IT_SYSTEM}),
        )
        for rid, role, org in (
            ("bistand", DischargeRole.CASE_OFFICER, TOWN),
            ("vc", DischargeRole.PRIMARY_CARE, CENTRE),
        )
    )
    return DischargeProcess(
        id="dis-1",
        patient=PATIENT,
        hospital=HOSPITAL,
        admission=Admission(admitted_at=admitted, ward="avd 7", support_may_be_needed=True),
        recipients=recipients,
        admission_notices=(
            AdmissionNotice(
                sent_at=notice_at if notice_at is not None else admitted,
                to=frozenset({"bistand", "vc"}),
                channel=Channel.IT_SYSTEM,
            ),
        ),
        care_contact=CareContact(unit="vc", staff_id="hsa-1", appointed_at=admitted),
        ready_notice=(
            ReadyNotice(
                sent_at=ready_at, to=frozenset({"bistand", "vc"}), channel=Channel.IT_SYSTEM
            )
            if ready_at is not None
            else None
        ),
        discharge_on=discharge_on,
        **more,  # type: ignore[arg-type]
    )


def codes(process: DischargeProcess, on: date, **kw: object) -> frozenset[str]:
    return check(process, on=on, **kw).codes  # type: ignore[arg-type]


# --- the examples ---------------------------------------------------------------------------------


def test_the_valid_example_has_no_finding_at_all() -> None:
    """The Stockholm discharge done right: nothing to report, not even a warning."""
    assert check(valid(), on=ON).findings == ()
    assert is_valid(valid(), on=ON)
    assert validate(valid(), on=ON) == valid()


def test_the_every_finding_example_finds_every_rule_at_once() -> None:
    """One document, every DIS rule: a vendor sees every problem in one pass."""
    report = check(every_finding(), on=ON)
    assert report.codes == {rule.code for rule in RULES}
    assert not report.ok
    with pytest.raises(RuleViolation) as caught:
        validate(every_finding(), on=ON)
    assert {p.path for p in caught.value.problems} >= {"sip_invitation", "recipients[3].needs"}


def test_every_rule_is_catalogued_bilingual_with_law_or_source() -> None:
    """Each rule is in the catalogue under DIS-, in Swedish and English, resting on law or a seed."""
    codes_in_catalogue = {rule.code for rule in catalogue()}
    for rule in RULES:
        assert rule.code.startswith("DIS-")
        assert rule.code in codes_in_catalogue
        assert rule.family == "discharge"
        assert rule.title.sv != rule.title.en
        assert rule.law or rule.sources


# --- the notice of admission: 24 elapsed hours --------------------------------------------------


@pytest.mark.parametrize(
    ("admitted", "in_time", "late"),
    [
        # Spring: 10:00 (+01:00) Saturday; 24 hours later the wall clock shows 11:00 (+02:00).
        (local(2026, 3, 28, 10), local(2026, 3, 29, 10, 59), local(2026, 3, 29, 11)),
        # Autumn: 10:00 (+02:00) Saturday; 24 hours later the wall clock shows 09:00 (+01:00).
        (local(2026, 10, 24, 10), local(2026, 10, 25, 8, 59), local(2026, 10, 25, 9)),
        # An ordinary day.
        (local(2026, 5, 5, 10), local(2026, 5, 6, 9, 59), local(2026, 5, 6, 10)),
    ],
)
def test_admission_notice_within_24_elapsed_hours(
    admitted: pendulum.DateTime, in_time: pendulum.DateTime, late: pendulum.DateTime
) -> None:
    """The notice is due 24 elapsed hours after the admission, not 24 wall-clock hours."""
    on = admitted.date() + timedelta(days=5)
    assert "DIS-ADMISSION-NOTICE-LATE" not in codes(minimal(admitted, notice_at=in_time), on)
    found = check(minimal(admitted, notice_at=late), on=on)
    assert [f.path for f in found if f.code == "DIS-ADMISSION-NOTICE-LATE"] == [
        "recipients[0]",
        "recipients[1]",
    ]


def test_an_unsent_notice_is_late_only_once_the_judged_day_begins_after_it() -> None:
    """Judged on a date: a notice due during that date may still be sent in time."""
    admitted = local(2026, 3, 28, 10)
    process = attrs.evolve(minimal(admitted), admission_notices=())
    assert "DIS-ADMISSION-NOTICE-LATE" not in codes(process, date(2026, 3, 29))
    assert "DIS-ADMISSION-NOTICE-LATE" in codes(process, date(2026, 3, 30))


def test_no_notice_is_needed_when_the_physician_sees_no_need() -> None:
    """The inskrivningsmeddelande follows the physician's judgement."""
    admitted = local(2026, 3, 28, 10)
    process = attrs.evolve(
        minimal(admitted),
        admission=Admission(admitted_at=admitted, ward="avd 7", support_may_be_needed=False),
        admission_notices=(),
    )
    assert codes(process, date(2026, 4, 10)) == frozenset()


def test_the_notice_hours_are_policy() -> None:
    """A region may agree on other hours."""
    admitted = local(2026, 5, 5, 10)
    process = minimal(admitted, notice_at=local(2026, 5, 6, 11))
    assert "DIS-ADMISSION-NOTICE-LATE" in codes(process, date(2026, 5, 10))
    assert "DIS-ADMISSION-NOTICE-LATE" not in codes(
        process, date(2026, 5, 10), policy=DischargePolicy(admission_notice_hours=48)
    )


# --- the fast vårdkontakt ----------------------------------------------------------------------


def test_care_contact_appointed_by_the_ready_notice() -> None:
    """Appointed at the very instant of the ready notice is in time; a minute later is not."""
    admitted = local(2026, 5, 5, 10)
    ready = local(2026, 5, 8, 9)
    base = minimal(admitted, ready_at=ready)
    on_time = attrs.evolve(
        base, care_contact=CareContact(unit="vc", staff_id="h", appointed_at=ready)
    )
    late = attrs.evolve(
        base, care_contact=CareContact(unit="vc", staff_id="h", appointed_at=ready.add(minutes=1))
    )
    assert "DIS-NO-CARE-CONTACT" not in codes(on_time, date(2026, 5, 9))
    assert "DIS-NO-CARE-CONTACT" in codes(late, date(2026, 5, 9))
    assert "DIS-NO-CARE-CONTACT" in codes(attrs.evolve(base, care_contact=None), date(2026, 5, 9))


# --- the SIP invitation: 3 calendar days, across a DST Sunday ---------------------------------------


def test_sip_invitation_by_the_end_of_the_third_day_across_the_spring_change() -> None:
    """Notice Thursday 26 March; the third day is Sunday 29 March, 23 hours long."""
    ready = local(2026, 3, 26, 15)
    base = minimal(local(2026, 3, 20, 10), ready_at=ready, sip_needed=True)

    def invited(at: pendulum.DateTime) -> DischargeProcess:
        return attrs.evolve(
            base, sip_invitation=SipInvitation(sent_at=at, by="vc", to=frozenset({"bistand"}))
        )

    on = date(2026, 4, 6)
    assert "DIS-SIP-INVITATION-LATE" not in codes(invited(local(2026, 3, 29, 23, 59)), on)
    assert "DIS-SIP-INVITATION-LATE" in codes(invited(local(2026, 3, 30, 0, 0)), on)
    # Not sent: running through Sunday, late from Monday.
    assert "DIS-SIP-INVITATION-LATE" not in codes(base, date(2026, 3, 29))
    assert "DIS-SIP-INVITATION-LATE" in codes(base, date(2026, 3, 30))
    # No SIP needed: no deadline.
    assert "DIS-SIP-INVITATION-LATE" not in codes(attrs.evolve(base, sip_needed=False), on)


# --- the municipality's payment responsibility ------------------------------------------------------


def test_payment_starts_three_calendar_days_after_the_notice_day() -> None:
    """Notice on day 0 (Thursday 22 October); the municipality pays from day 3, Sunday 25
    October, the autumn change day; discharged that day it pays nothing."""
    admitted = local(2026, 10, 19, 10)
    ready = local(2026, 10, 22, 16)
    base = minimal(admitted, ready_at=ready)
    assert payment_responsibility(base, DischargePolicy()).starts_on == date(2026, 10, 25)
    on = date(2026, 11, 1)
    assert "DIS-PAYMENT-RESPONSIBILITY" not in codes(
        attrs.evolve(base, discharge_on=date(2026, 10, 25)), on
    )
    report = check(attrs.evolve(base, discharge_on=date(2026, 10, 26)), on=on)
    (finding,) = (f for f in report if f.code == "DIS-PAYMENT-RESPONSIBILITY")
    assert finding.severity is Severity.INFO
    assert "1" in finding.message.en
    # Still in hospital, judged on the first paid day.
    assert "DIS-PAYMENT-RESPONSIBILITY" in codes(base, date(2026, 10, 25))
    assert "DIS-PAYMENT-RESPONSIBILITY" not in codes(base, date(2026, 10, 24))


def test_payment_needs_both_messages_to_the_municipality() -> None:
    """Without the notice of admission to the municipality, its responsibility does not start."""
    base = minimal(local(2026, 10, 19, 10), ready_at=local(2026, 10, 22, 16))
    only_region = attrs.evolve(
        base,
        admission_notices=(
            AdmissionNotice(
                sent_at=local(2026, 10, 19, 11), to=frozenset({"vc"}), channel=Channel.IT_SYSTEM
            ),
        ),
    )
    assert payment_responsibility(only_region, DischargePolicy()).starts_on is None


@pytest.mark.parametrize(
    ("sent", "starts"),
    [
        (local(2026, 3, 29, 11, 59), date(2026, 3, 31)),  # before noon on the spring change day
        (local(2026, 3, 29, 12, 0), date(2026, 4, 1)),  # from noon: day 0 is the next day
    ],
)
def test_the_regional_example_counts_day_zero_before_noon_local_time(
    sent: pendulum.DateTime, starts: date
) -> None:
    """The cut-off is a Stockholm wall-clock hour, also on the day summer time begins."""
    process = minimal(local(2026, 3, 25, 10), ready_at=sent)
    policy = DischargePolicy.example_region_stockholm()
    assert payment_responsibility(process, policy).starts_on == starts


def test_the_psychiatric_default_is_not_guessed() -> None:
    """Unverified: no start date is computed unless a policy says how many days."""
    base = minimal(local(2026, 5, 5, 10), ready_at=local(2026, 5, 8, 9))
    psychiatric = attrs.evolve(
        base, admission=attrs.evolve(base.admission, care_kind=CareKind.PSYCHIATRIC)
    )
    unknown = payment_responsibility(psychiatric, DischargePolicy())
    assert unknown.starts_on is None
    assert "inte verifierat" in unknown.reason.sv
    assert payment_responsibility(
        psychiatric, DischargePolicy.example_region_stockholm()
    ).starts_on == date(2026, 5, 13)


# --- the information transfer ---------------------------------------------------------------------


def _consent(given: pendulum.DateTime, to: Organisation = CENTRE) -> Consent:
    return Consent.grant(
        id="c-1",
        subject=PATIENT,
        obtained_by=HOSPITAL,
        to=(Recipient.of_organisation(to), Recipient.of_organisation(TOWN)),
        categories=(InfoCategory.HEALTH_CARE,),
        purposes=(Purpose.DISCHARGE_PLANNING,),
        evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-2", documented_at=given),
        given_at=given,
    )


def _transfers(at: pendulum.DateTime) -> tuple[InformationTransfer, ...]:
    return tuple(
        InformationTransfer(
            to=rid,
            categories=frozenset({InfoCategory.HEALTH_DISCHARGE}),
            sent_at=at,
            channel=Channel.IT_SYSTEM,
        )
        for rid in ("bistand", "vc")
    )


def test_information_by_the_end_of_the_discharge_day() -> None:
    """Sent at 23:59 on the discharge day (the autumn change day) is in time; 00:00 is late."""
    base = minimal(
        local(2026, 10, 19, 10),
        ready_at=local(2026, 10, 22, 9),
        discharge_on=date(2026, 10, 25),
        needs=frozenset({InfoCategory.HEALTH_DISCHARGE}),
        records=(_consent(local(2026, 10, 19, 12)),),
    )
    on = date(2026, 11, 1)
    assert (
        codes(attrs.evolve(base, transfers=_transfers(local(2026, 10, 25, 23, 59))), on)
        == frozenset()
    )
    assert codes(attrs.evolve(base, transfers=_transfers(local(2026, 10, 26, 0, 0))), on) == {
        "DIS-TRANSFER-LATE"
    }
    assert "DIS-TRANSFER-LATE" not in codes(base, date(2026, 10, 25))
    assert "DIS-TRANSFER-LATE" in codes(base, date(2026, 10, 26))


def test_a_basis_must_exist_when_the_discharge_day_begins() -> None:
    """Unsent information is asked about at the start of the discharge day: a consent from
    that instant covers it, one a minute later does not."""
    base = minimal(
        local(2026, 10, 19, 10),
        ready_at=local(2026, 10, 22, 9),
        discharge_on=date(2026, 10, 25),
        needs=frozenset({InfoCategory.HEALTH_DISCHARGE}),
    )
    on = date(2026, 10, 24)  # before the discharge day: nothing is late yet
    at_midnight = attrs.evolve(base, records=(_consent(local(2026, 10, 25, 0, 0)),))
    a_minute_later = attrs.evolve(base, records=(_consent(local(2026, 10, 25, 0, 1)),))
    assert codes(at_midnight, on) == frozenset()
    found = check(a_minute_later, on=on)
    assert found.codes == {"DIS-TRANSFER-NO-BASIS"}
    assert [f.path for f in found] == ["recipients[0].needs", "recipients[1].needs"]
    assert "A. K." in found.findings[0].message.en


def test_information_sent_after_a_revocation_was_given_without_a_basis() -> None:
    """Each transfer is decided at the instant it was sent."""
    given = local(2026, 10, 19, 12)
    revoked = Revocation(consent_id="c-1", subject=PATIENT, revoked_at=local(2026, 10, 24, 8))
    process = minimal(
        local(2026, 10, 19, 10),
        ready_at=local(2026, 10, 22, 9),
        discharge_on=date(2026, 10, 25),
        needs=frozenset({InfoCategory.HEALTH_DISCHARGE}),
        records=(_consent(given), revoked),
        transfers=_transfers(local(2026, 10, 24, 9)),
    )
    assert codes(process, date(2026, 11, 1)) == {"DIS-DISCLOSED-WITHOUT-BASIS"}
    earlier = attrs.evolve(process, transfers=_transfers(local(2026, 10, 24, 7, 59)))
    assert codes(earlier, date(2026, 11, 1)) == frozenset()


def test_each_authority_relies_on_its_own_consent() -> None:
    """Home care is told by the needs assessor: the hospital's consent does not cover it."""
    process = valid()
    records = tuple(r for r in process.records if getattr(r, "id", "") != "samtycke-farsta-1")
    report = check(attrs.evolve(process, records=records), on=ON)
    assert report.codes == {"DIS-DISCLOSED-WITHOUT-BASIS"}
    assert {f.path for f in report} == {"recipients[2].needs"}


def test_channels_no_way_or_only_the_telephone() -> None:
    """Seed 002: no access to WebCare, or only the telephone."""
    process = valid()
    rehab = process.recipients[3]
    none = attrs.evolve(
        process,
        recipients=(
            *process.recipients[:3],
            attrs.evolve(rehab, channels=frozenset()),
            *process.recipients[4:],
        ),
    )
    phone = attrs.evolve(
        process,
        recipients=(
            *process.recipients[:3],
            attrs.evolve(rehab, channels=frozenset({Channel.TELEPHONE})),
            *process.recipients[4:],
        ),
    )
    assert codes(none, ON) == {"DIS-RECIPIENT-NO-CHANNEL"}
    assert codes(phone, ON) == {"DIS-RECIPIENT-UNRELIABLE-CHANNEL"}
    reliable = DischargePolicy(reliable_channels=frozenset(Channel))
    assert codes(phone, ON, policy=reliable) == frozenset()


def test_a_relative_who_does_not_want_information_is_not_a_missing_basis() -> None:
    """The daughter declined: no finding for her need, but telling her anyway is one."""
    process = valid()
    assert codes(process, ON) == frozenset()
    told = attrs.evolve(
        process,
        transfers=(
            *process.transfers,
            InformationTransfer(
                to="eva",
                categories=frozenset({InfoCategory.HEALTH_DISCHARGE}),
                sent_at=local(2026, 10, 30, 12),
                channel=Channel.TELEPHONE,
            ),
        ),
    )
    assert codes(told, ON) == {"DIS-DISCLOSED-WITHOUT-BASIS"}


# --- the relative ------------------------------------------------------------------------------------


def test_relative_asked_on_or_before_the_planning_day() -> None:
    """An involvement recorded on the day of the meeting counts; one the day after does not."""
    process = valid()
    inv = husband(process).involvements[0]
    same_day = with_husband(
        process, involvements=(attrs.evolve(inv, recorded_on=date(2026, 10, 28)),)
    )
    day_after = with_husband(
        process, involvements=(attrs.evolve(inv, recorded_on=date(2026, 10, 29)),)
    )
    assert codes(same_day, ON) == frozenset()
    assert "DIS-RELATIVE-NOT-ASKED" in codes(day_after, ON)


def test_relative_told_before_the_meeting_not_at_it() -> None:
    """Told at the meeting's own minute is not beforehand."""
    process = valid()
    held = local(2026, 10, 28, 13)
    assert (
        codes(with_husband(process, informed_before_planning_at=held.subtract(minutes=1)), ON)
        == frozenset()
    )
    assert codes(with_husband(process, informed_before_planning_at=held), ON) == {
        "DIS-RELATIVE-NOT-PREPARED"
    }


@pytest.mark.parametrize(
    ("offered", "on", "found"),
    [
        (date(2026, 11, 7), date(2026, 12, 1), False),  # known 24 October + 14 days
        (date(2026, 11, 8), date(2026, 12, 1), True),
        (None, date(2026, 11, 7), False),
        (None, date(2026, 11, 8), True),
    ],
)
def test_carer_told_of_support_within_the_policy_days(
    offered: date | None, on: date, found: bool
) -> None:
    """SoL 13 kap. 9 §: told of the right to support by day 14 after being known."""
    process = with_husband(valid(), support_offered_on=offered)
    assert ("DIS-CARER-SUPPORT-NOT-OFFERED" in codes(process, on)) is found


def test_the_support_days_are_policy() -> None:
    """A municipality may allow more days."""
    process = with_husband(valid(), support_offered_on=None)
    assert "DIS-CARER-SUPPORT-NOT-OFFERED" in codes(process, date(2026, 11, 20))
    lenient = DischargePolicy(support_offer_days=30)
    assert "DIS-CARER-SUPPORT-NOT-OFFERED" not in codes(process, date(2026, 11, 20), policy=lenient)


def test_the_2026_guidance_duty_applies_only_from_its_in_force_date() -> None:
    """A carer known on 1 June 2026: the (unverified) duty starts 1 July; 14 days later it is
    a finding, citing the low-confidence reference."""
    process = with_husband(valid(), known_as_carer_on=date(2026, 6, 1), guidance_given_on=None)
    assert "DIS-CARER-NOT-GUIDED" not in codes(process, date(2026, 7, 15))
    report = check(process, on=date(2026, 7, 16))
    (finding,) = (f for f in report if f.code == "DIS-CARER-NOT-GUIDED")
    (ref,) = finding.references
    assert ref.in_force_from == date(2026, 7, 1)
    assert ref.confidence.value == "low"
    before = with_husband(valid(), known_as_carer_on=date(2026, 1, 1), guidance_given_on=None)
    assert "DIS-CARER-NOT-GUIDED" not in codes(before, date(2026, 6, 30))


def test_consultant_involved_by_the_discharge_day() -> None:
    """Seed 000: the anhörigkonsulent involved on the discharge day at the latest."""
    process = valid()
    assert (
        codes(with_husband(process, consultant_involved_on=date(2026, 10, 30)), ON) == frozenset()
    )
    late = with_husband(process, consultant_involved_on=date(2026, 10, 31))
    assert codes(late, ON) == {"DIS-CONSULTANT-NOT-INVOLVED"}
    assert "DIS-CONSULTANT-NOT-INVOLVED" not in codes(late, date(2026, 10, 29))


def test_stage_information_within_the_policy_days() -> None:
    """Told of the diagnosis by the end of day 3 after it; a minute later is late."""
    process = valid()
    stages = husband(process).stages

    def told(at: pendulum.DateTime | None) -> DischargeProcess:
        return with_husband(process, stages=(stages[0], attrs.evolve(stages[1], informed_at=at)))

    assert codes(told(local(2026, 10, 27, 23, 59)), ON) == frozenset()
    assert codes(told(local(2026, 10, 28, 0, 0)), ON) == {"DIS-STAGE-NOT-INFORMED"}
    assert "DIS-STAGE-NOT-INFORMED" not in codes(told(None), date(2026, 10, 27))
    assert codes(told(None), date(2026, 10, 28)) == {"DIS-STAGE-NOT-INFORMED"}


def test_stage_without_a_basis_is_no_basis_not_late() -> None:
    """The municipality has no consent to tell the husband of the move to special housing."""
    process = valid()
    stage = StageInformation(
        stage=Stage.MOVE_TO_SPECIAL_HOUSING, occurred_on=date(2026, 10, 30), given_by="bistand"
    )
    assert codes(with_husband(process, stages=(*husband(process).stages, stage)), ON) == {
        "DIS-STAGE-NO-BASIS"
    }
    told = attrs.evolve(stage, informed_at=local(2026, 10, 30, 15))
    assert codes(with_husband(process, stages=(*husband(process).stages, told)), ON) == {
        "DIS-DISCLOSED-WITHOUT-BASIS"
    }


def test_contingency_plan_for_substantial_care() -> None:
    """Seed 004: who takes over, and is the family known to the emergency place."""
    process = valid()
    plan = husband(process).contingency
    assert plan is not None
    assert codes(with_husband(process, contingency=None), ON) == {"DIS-NO-CONTINGENCY-PLAN"}
    assert codes(with_husband(process, contingency=None, substantial_care=False), ON) == frozenset()
    unknown = attrs.evolve(plan, family_known_to_unit=False)
    assert codes(with_husband(process, contingency=unknown), ON) == {
        "DIS-CONTINGENCY-FAMILY-UNKNOWN"
    }


# --- children as relatives ----------------------------------------------------------------------------


def _child(born: date, considered: date | None) -> ChildAtDischarge:
    return ChildAtDischarge(
        child=Person(name="Noor Nilsson", birth_date=born),
        patient_is_parent=False,
        lives_with_patient=True,
        consideration=None
        if considered is None
        else ChildConsideration(
            considered_on=considered, by="kurator", actions=frozenset({ChildSupportAction.ADVICE})
        ),
    )


@pytest.mark.parametrize(
    ("born", "considered", "found"),
    [
        (date(2011, 3, 1), None, True),
        (date(2008, 10, 30), None, False),  # turns 18 on the discharge day
        (date(2008, 10, 31), None, True),  # 18 the day after
        (date(2011, 3, 1), date(2026, 10, 30), False),
        (date(2011, 3, 1), date(2026, 10, 31), True),  # recorded after the discharge
    ],
)
def test_the_child_falls_between_the_chairs(
    born: date, considered: date | None, found: bool
) -> None:
    """HSL 5 kap. 7 §: judged at the discharge day; consideration recorded by then."""
    process = attrs.evolve(valid(), children=(_child(born, considered),))
    assert ("DIS-CHILD-NOT-CONSIDERED" in codes(process, ON)) is found


def test_no_child_finding_without_a_condition_or_before_the_discharge_day() -> None:
    """Without an HSL 5:7 condition, or judged before the discharge, nothing is due."""
    process = attrs.evolve(valid(), children=(_child(date(2011, 3, 1), None),))
    assert "DIS-CHILD-NOT-CONSIDERED" not in codes(
        attrs.evolve(process, patient_conditions=frozenset()), ON
    )
    assert "DIS-CHILD-NOT-CONSIDERED" not in codes(process, date(2026, 10, 29))
    parent = attrs.evolve(
        process,
        children=(
            attrs.evolve(
                _child(date(2011, 3, 1), None), lives_with_patient=False, patient_is_parent=True
            ),
        ),
        patient_conditions=frozenset({AdultCondition.ALCOHOL_MISUSE}),
    )
    assert "DIS-CHILD-NOT-CONSIDERED" in codes(parent, ON)


# --- references, and check's own contract ------------------------------------------------------------


def test_duplicate_and_unknown_ids() -> None:
    """Every transfer goes to one definite recipient that the discharge knows."""
    process = valid()
    assert codes(
        attrs.evolve(process, recipients=(*process.recipients, process.recipients[4])), ON
    ) == {"DIS-DUPLICATE-ID"}
    invitation = process.sip_invitation
    assert invitation is not None
    ghost = attrs.evolve(invitation, to=invitation.to | {"nobody"})
    assert codes(attrs.evolve(process, sip_invitation=ghost), ON) == {"DIS-UNKNOWN-REFERENCE"}


@pytest.mark.parametrize("bad", [object(), None, "2026-01-01"])
def test_check_refuses_what_it_cannot_judge(bad: object) -> None:
    """InvalidInput for a non-process, a non-date or a non-policy; is_valid never raises."""
    with pytest.raises(InvalidInput):
        check(bad, on=ON)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        check(valid(), on=bad)  # type: ignore[arg-type]
    if bad is not None:  # None is the law's defaults
        with pytest.raises(InvalidInput):
            check(valid(), on=ON, policy=bad)  # type: ignore[arg-type]
    assert is_valid(bad, on=ON) is False
