"""Strategies for the plans area: stödplaner, SIPs and implementation plans.

Valid plans are valid by construction on a date ``on`` you choose: every
cross-field rule (the need → goal → measure chain, consents in force, follow-up
within the policy's interval, signatures, a professional coordinator, invited
responsible parties) is honoured as the plan is built, so ``check(plan, on=on)``
finds nothing. The ``broken_*`` strategies (:mod:`anhorig.testing.strategies._plans_breaking`)
start from such a plan and break exactly one named rule, so ``check`` finds that code
and no other.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.consent import Action, EvidenceForm, GrantorCapacity, InfoCategory, Purpose
from anhorig.consent.rules.validity import may_consent
from anhorig.law import CARER_INFORMATION_AND_GUIDANCE
from anhorig.organisations import Principal, ProviderKind, Sector
from anhorig.people import Person
from anhorig.plans import (
    LIVE_STATUSES,
    RESPITE_KINDS,
    Activity,
    ConsentPurpose,
    CoordinatedPlan,
    Coordinator,
    Discharge,
    Expectation,
    ExpectedOf,
    FollowUp,
    Goal,
    ImplementationArea,
    ImplementationPlan,
    Measure,
    MeasureKind,
    Meeting,
    Need,
    Participant,
    PlanConsent,
    PlanPolicy,
    PlanStatus,
    RegistryQuestion,
    Responsibility,
    Signature,
    SignerRole,
    SipRelative,
    SupportPlan,
    add_months,
)
from anhorig.relations import Involvement
from anhorig.terminology import Role
from anhorig.testing.strategies._consent import recipients
from anhorig.testing.strategies._core import (
    care_areas,
    contingency_plans,
    names,
    organisations,
    people,
    principals,
    provider_kinds,
    providers,
    relation_kinds,
    sectors,
)

DEFAULT_ON = date(2026, 11, 22)
"""The day plans are built valid on, and broken on, when no ``on`` is given."""
_MIN_ON = date(2000, 1, 1)
_MAX_ON = date(2080, 12, 31)
DEFAULT_POLICY = PlanPolicy()

_WORDS = (
    "Behöver egen tid",
    "Vill veta mer om sjukdomen",
    "Vill träffa andra anhöriga",
    "Avlösning två kvällar i veckan",
    "Samtal med anhörigkonsulent",
    "Behöver vila",
)
_ORGS = ("Exempelby kommun", "Vårdcentralen Centrum", "Hemtjänst Norr", "Region Exempel")


def check_on(on: date) -> None:
    if not (_MIN_ON <= on <= _MAX_ON):
        raise InvalidArgument(f"on={on} must be between {_MIN_ON} and {_MAX_ON}")


def _texts() -> st.SearchStrategy[str]:
    return st.sampled_from(_WORDS)


def plan_statuses() -> st.SearchStrategy[PlanStatus]:
    """Plan statuses; shrinks towards ``DRAFT``."""
    return st.sampled_from(PlanStatus)


def measure_kinds() -> st.SearchStrategy[MeasureKind]:
    """Measure kinds; shrinks towards conversation support."""
    return st.sampled_from(MeasureKind)


def plan_policies() -> st.SearchStrategy[PlanPolicy]:
    """Municipal plan policies; shrinks towards short intervals and no decision kinds."""
    return st.builds(
        PlanPolicy,
        follow_up_interval_months=st.integers(1, 24),
        sip_follow_up_interval_months=st.integers(1, 24),
        decision_required=st.frozensets(measure_kinds()),
        discharge_invitation_days=st.integers(0, 10),
    )


def follow_ups(
    *, min_due: date = date(2000, 1, 1), max_due: date = date(2060, 12, 31)
) -> st.SearchStrategy[FollowUp]:
    """Follow-ups due in ``[min_due, max_due]``, open or done; shrinks towards open ones."""
    if min_due > max_due:
        raise InvalidArgument(f"min_due={min_due} is after max_due={max_due}")

    @st.composite
    def build(draw: st.DrawFn) -> FollowUp:
        due = draw(st.dates(min_due, max_due))
        done = draw(st.none() | st.dates(min_due, max_due))
        return FollowUp(due=due, done_on=done, note=draw(st.sampled_from(("", "Allt fungerar"))))

    return build()


@st.composite
def plan_consents(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[Person] | None = None,
    on: date = DEFAULT_ON,
) -> PlanConsent:
    """Consents of a person to documenting (and possibly sharing), given by themself
    on or before ``on`` and in force on ``on``; shrinks towards written consents given on ``on``."""
    check_on(on)
    subject = draw(subjects if subjects is not None else people(max_birth=on))
    return _consent(
        draw, subject, on, "S-" + str(draw(st.integers(1, 999))), share=draw(st.booleans())
    )


def _consent(draw: st.DrawFn, subject: Person, on: date, cid: str, *, share: bool) -> PlanConsent:
    given = on - timedelta(days=draw(st.integers(0, 400)))
    revoked = draw(st.none() | st.integers(1, 400).map(lambda d: on + timedelta(days=d)))
    purposes = {ConsentPurpose.DOCUMENT_IN_PLAN}
    # A child too young to consent alone (consent's rule) consents through a custodian.
    self_ok = may_consent(GrantorCapacity.SELF, subject, on)
    grantor = GrantorCapacity.SELF if self_ok else GrantorCapacity.CUSTODIAN
    if share:
        purposes.add(ConsentPurpose.SHARE_WITH_PARTICIPANTS)
    return PlanConsent(
        id=cid,
        subject=subject,
        purposes=frozenset(purposes),
        given_on=given,
        form=draw(st.sampled_from(EvidenceForm)),
        grantor=grantor,
        recorded_by=draw(names()),
        shared_with=draw(st.frozensets(st.sampled_from(_ORGS), max_size=2)),
        revoked_on=revoked,
    )


def _two_people(draw: st.DrawFn, on: date) -> tuple[Person, Person]:
    first = draw(people(with_id=True, max_birth=on))
    second = draw(people(with_id=True, max_birth=on).filter(lambda p: p.id != first.id))
    return first, second


def _professional(draw: st.DrawFn) -> Coordinator:
    return Coordinator(
        person=Person(name=draw(names())),
        title=draw(st.sampled_from(("anhörigkonsulent", "biståndshandläggare", "stödkontakt"))),
        organisation=draw(st.sampled_from(_ORGS)),
        professional=True,
    )


def _status_dates(
    draw: st.DrawFn, on: date, status: PlanStatus, *, months: int, strictly_before: bool = False
) -> tuple[date, date | None, date | None]:
    """created_on, agreed_on, closed_on for a plan of ``status`` judged on ``on``.

    A live plan was agreed recently enough that a follow-up within ``months`` can
    still lie on or after ``on``."""
    window = max(0, (on - add_months(on, -months)).days - 1)
    back = draw(st.integers(1 if strictly_before else 0, max(window, 1 if strictly_before else 0)))
    agreed = on - timedelta(days=back)
    created = agreed - timedelta(days=draw(st.integers(0, 60)))
    if status is PlanStatus.DRAFT:
        return created, None, None
    if status is PlanStatus.CLOSED:
        closed = created + timedelta(days=draw(st.integers(0, (on - created).days)))
        was_agreed = draw(st.booleans())
        return created, (created if was_agreed else None), closed
    return created, agreed, None


def _measure(
    draw: st.DrawFn,
    mid: str,
    goal_id: str,
    start: date,
    policy: PlanPolicy,
    kind: MeasureKind | None = None,
) -> Measure:
    kind = draw(measure_kinds()) if kind is None else kind
    # A voluntary organisation's help is not respite (PLAN-VOLUNTEER-RESPITE).
    kinds = provider_kinds()
    if kind in RESPITE_KINDS:
        kinds = kinds.filter(lambda k: k is not ProviderKind.VOLUNTARY_ORGANISATION)
    granted = True if kind in policy.decision_required else draw(st.booleans())
    end = draw(st.none() | st.integers(0, 500).map(lambda d: start + timedelta(days=d)))
    return Measure(
        id=mid,
        goal_id=goal_id,
        kind=kind,
        description=draw(_texts()),
        provider=draw(providers(kinds=kinds)),
        granted_by_decision=granted,
        start=start,
        end=end,
        frequency=draw(st.sampled_from(("", "1 g/vecka", "16 timmar/månad"))),
        decision_id=f"B-{mid}" if granted else None,
        respite_grant_id=draw(st.sampled_from((None, f"R-{mid}")))
        if kind in RESPITE_KINDS
        else None,
    )


@st.composite
def support_plans(
    draw: st.DrawFn,
    *,
    on: date = DEFAULT_ON,
    statuses: st.SearchStrategy[PlanStatus] | None = None,
    max_needs: int = 4,
    policy: PlanPolicy | None = None,
    _strictly_before: bool = False,
) -> SupportPlan:
    """Stödplaner that ``check(plan, on=on, policy=policy)`` finds nothing wrong with.

    Each need has one to two goals and each goal one to two measures; consents of
    the carer and the närstående are in force on ``on``; a live plan has both
    signatures and a follow-up within the policy's interval. Shrinks towards a
    draft with one need, one goal and one measure.
    """
    check_on(on)
    if max_needs < 1:
        raise InvalidArgument(f"max_needs={max_needs} must be >= 1")
    pol = policy if policy is not None else DEFAULT_POLICY
    status = draw(statuses if statuses is not None else plan_statuses())
    created, agreed, closed = _status_dates(
        draw, on, status, months=pol.follow_up_interval_months, strictly_before=_strictly_before
    )
    carer, cared_for = _two_people(draw, on)
    n_needs = draw(st.integers(1, max_needs))
    needs = tuple(
        Need(
            id=f"N{i + 1}",
            area=draw(care_areas()),
            description=draw(_texts()),
            about=draw(st.sampled_from(Role)),
        )
        for i in range(n_needs)
    )
    goals: list[Goal] = []
    for need in needs:
        for _ in range(draw(st.integers(1, 2))):
            goals.append(Goal(id=f"G{len(goals) + 1}", need_id=need.id, description=draw(_texts())))
    # From 2026-07-01 a live plan records information och vägledning (prop. 2025/26:60).
    guidance = status in LIVE_STATUSES and CARER_INFORMATION_AND_GUIDANCE.in_force_on(on)
    measures: list[Measure] = []
    for goal in goals:
        for _ in range(draw(st.integers(1, 2))):
            kind = MeasureKind.INFORMATION_AND_GUIDANCE if guidance and not measures else None
            measures.append(_measure(draw, f"M{len(measures) + 1}", goal.id, created, pol, kind))
    willing = draw(st.booleans())
    involvement = draw(
        st.none()
        if not willing
        else st.just(
            Involvement(
                recorded_on=created,
                reconfirm_by=max(created + timedelta(days=365), on),
                willing=True,
                wants_information=draw(st.booleans()),
                wants_to_take_part=draw(st.booleans()),
            )
        )
    )
    if involvement is None and draw(st.booleans()):
        involvement = Involvement(
            recorded_on=created,
            reconfirm_by=max(created + timedelta(days=365), on),
            willing=False,
            wants_information=False,
            wants_to_take_part=False,
        )
    expectations = [Expectation(of=ExpectedOf.SERVICES, description=draw(_texts()))]
    if involvement is not None and involvement.willing:
        expectations.append(Expectation(of=ExpectedOf.CARER, description=draw(_texts())))
    consents = (
        _consent(draw, carer, on, "S1", share=False),
        _consent(draw, cared_for, on, "S2", share=draw(st.booleans())),
    )
    follow: tuple[FollowUp, ...] = ()
    signatures: tuple[Signature, ...] = ()
    if status in LIVE_STATUSES:
        assert agreed is not None
        limit = add_months(agreed, pol.follow_up_interval_months)
        follow = (FollowUp(due=on + timedelta(days=draw(st.integers(0, (limit - on).days)))),)
        signatures = (
            Signature(signer=carer, role=SignerRole.CARER, signed_on=agreed),
            Signature(
                signer=Person(name=draw(names())), role=SignerRole.CASE_OFFICER, signed_on=agreed
            ),
        )
    substantial_care = draw(st.booleans())
    contingency = draw(
        contingency_plans(min_date=created, max_date=on, family_known=True)
        if substantial_care
        else st.none() | contingency_plans(min_date=created, max_date=on, family_known=True)
    )
    return SupportPlan(
        id=f"SP-{draw(st.integers(1, 9999))}",
        carer=carer,
        cared_for=cared_for,
        relation=draw(relation_kinds()),
        created_on=created,
        involvement=involvement,
        needs=needs,
        goals=tuple(goals),
        measures=tuple(measures),
        expectations=tuple(expectations),
        follow_ups=follow,
        signatures=signatures,
        consents=consents,
        coordinator=_professional(draw),
        agreed_on=agreed,
        closed_on=closed,
        status=status,
        substantial_care=substantial_care,
        contingency=contingency,
    )


# --- SIP ------------------------------------------------------------------------------------


@st.composite
def coordinated_plans(
    draw: st.DrawFn,
    *,
    on: date = DEFAULT_ON,
    statuses: st.SearchStrategy[PlanStatus] | None = None,
    max_participants: int = 4,
    with_discharge: bool | None = None,
    _held_meeting: bool = False,
    _strictly_before: bool = False,
) -> CoordinatedPlan:
    """SIPs that ``check(plan, on=on)`` finds nothing wrong with.

    At least one municipal and one regional participant with measures in social
    services and health care, a lead principal, a professional coordinator,
    relatives who said yes before being invited, every responsible party invited
    and present, the individual's consent, a follow-up within the interval and a
    timely invitation after discharge. Shrinks towards two participants, one
    meeting and no discharge.
    """
    check_on(on)
    if max_participants < 2:
        raise InvalidArgument(f"max_participants={max_participants} must be >= 2")
    status = draw(statuses if statuses is not None else plan_statuses())
    months = DEFAULT_POLICY.sip_follow_up_interval_months
    window = max(0, (on - add_months(on, -months)).days - 1)
    created = on - timedelta(
        days=draw(st.integers(1 if _strictly_before or _held_meeting else 0, max(window, 1)))
    )
    individual = draw(people(with_id=True, max_birth=on))
    party_principals = [Principal.MUNICIPALITY, Principal.REGION] + [
        draw(principals()) for _ in range(draw(st.integers(0, max_participants - 2)))
    ]
    participants = tuple(
        Participant(
            id=f"P{i + 1}",
            person=Person(name=draw(names())),
            organisation=draw(st.sampled_from(_ORGS)),
            principal=principal,
            title=draw(st.sampled_from(("", "sjuksköterska", "handläggare"))),
        )
        for i, principal in enumerate(party_principals)
    )
    responsibilities = [
        Responsibility(
            id="I1", measure=draw(_texts()), holder_id="P1", field=Sector.SOCIAL_SERVICES
        ),
        Responsibility(id="I2", measure=draw(_texts()), holder_id="P2", field=Sector.HEALTH_CARE),
    ]
    # Only the municipality and the region hold measures here, so that a plan with
    # others_considered=False breaks SIP-OTHERS-NOT-ADDRESSED.
    for participant in participants[2:]:
        sip_principal = participant.principal in (Principal.MUNICIPALITY, Principal.REGION)
        if sip_principal and draw(st.booleans()):
            responsibilities.append(
                Responsibility(
                    id=f"I{len(responsibilities) + 1}",
                    measure=draw(_texts()),
                    holder_id=participant.id,
                    field=draw(sectors()),
                )
            )
    relatives = tuple(
        SipRelative(
            id=f"R{i + 1}",
            person=draw(people(with_id=True, max_birth=on)),
            relation=draw(relation_kinds()),
            asked_on=created - timedelta(days=draw(st.integers(0, 30))),
            wants_to_take_part=True,
        )
        for i in range(draw(st.integers(0, 2)))
    )
    invited = frozenset(p.id for p in participants) | frozenset(r.id for r in relatives)
    n_meetings = draw(st.integers(1, 2))
    meeting_days = sorted(
        created + timedelta(days=draw(st.integers(0, (on - created).days + 30)))
        for _ in range(n_meetings)
    )
    if _held_meeting:
        meeting_days[0] = created
    meetings = tuple(
        Meeting(held_on=day, invited=invited, attended=invited if day <= on else frozenset())
        for day in meeting_days
    )
    follow: tuple[FollowUp, ...] = ()
    if status in LIVE_STATUSES:
        limit = add_months(created, months)
        follow = (
            FollowUp(due=on + timedelta(days=draw(st.integers(0, max(0, (limit - on).days))))),
        )
    discharge = None
    if with_discharge if with_discharge is not None else draw(st.booleans()):
        admitted = created - timedelta(days=draw(st.integers(3, 40)))
        notified = admitted + timedelta(days=draw(st.integers(0, 2)))
        discharge = Discharge(
            admitted_on=admitted,
            ready_notified_on=notified,
            invitation_sent_on=notified
            + timedelta(days=draw(st.integers(0, DEFAULT_POLICY.discharge_invitation_days))),
            discharged_on=draw(st.none() | st.just(notified + timedelta(days=1))),
        )
    consent = _consent(draw, individual, on, "S1", share=True)
    return CoordinatedPlan(
        id=f"SIP-{draw(st.integers(1, 9999))}",
        individual=individual,
        initiated_by=draw(st.sampled_from((Principal.MUNICIPALITY, Principal.REGION))),
        created_on=created,
        participants=participants,
        responsibilities=tuple(responsibilities),
        others_considered=True,
        lead_principal=draw(st.sampled_from((Principal.MUNICIPALITY, Principal.REGION))),
        coordinator=_professional(draw),
        relatives=relatives,
        meetings=meetings,
        follow_ups=follow,
        consents=(consent,),
        discharge=discharge,
        status=status,
    )


# --- implementation plan ----------------------------------------------------------------------


@st.composite
def implementation_plans(
    draw: st.DrawFn, *, on: date = DEFAULT_ON, max_activities_per_area: int = 3
) -> ImplementationPlan:
    """Implementation plans that ``check(plan, on=on)`` finds nothing wrong with: every
    area has activities, each with an owner and a how, none overdue or due after the
    plan ends. Shrinks towards one activity per area."""
    check_on(on)
    if max_activities_per_area < 1:
        raise InvalidArgument(f"max_activities_per_area={max_activities_per_area} must be >= 1")
    valid_from = on - timedelta(days=draw(st.integers(0, 700)))
    valid_until = draw(st.none() | st.integers(30, 1500).map(lambda d: on + timedelta(days=d)))
    activities = []
    for area in ImplementationArea:
        for _ in range(draw(st.integers(1, max_activities_per_area))):
            last = valid_until or on + timedelta(days=1500)
            due = draw(st.none() | st.dates(on, last))
            activities.append(
                Activity(
                    area=area,
                    activity=draw(_texts()),
                    how=draw(_texts()),
                    responsible=draw(
                        st.sampled_from(("anhörigkonsulent", "socialchef", "enhetschef"))
                    ),
                    due=due,
                    done_on=draw(st.none() | st.just(valid_from)),
                    heading=draw(st.sampled_from(("", "Utbilda andra målgrupper"))),
                )
            )
    return ImplementationPlan(
        municipality=draw(st.sampled_from(("Exempelby kommun", "Sunne kommun"))),
        valid_from=valid_from,
        valid_until=valid_until,
        activities=tuple(draw(st.permutations(activities))),
    )


# --- the parts of a plan, one at a time --------------------------------------------------------

_IDS = st.from_regex(r"[A-Z][A-Z0-9]{0,5}", fullmatch=True)


def needs() -> st.SearchStrategy[Need]:
    """Needs in any life area, the carer's or the närstående's; shrinks towards the carer's."""
    return st.builds(
        Need, id=_IDS, area=care_areas(), description=_texts(), about=st.sampled_from(Role)
    )


def goals() -> st.SearchStrategy[Goal]:
    """Goals naming some need id, with or without a target date."""
    return st.builds(
        Goal,
        id=_IDS,
        need_id=_IDS,
        description=_texts(),
        target_date=st.none() | st.dates(_MIN_ON, _MAX_ON),
    )


@st.composite
def measures(draw: st.DrawFn, *, policy: PlanPolicy | None = None) -> Measure:
    """Measures that break no measure rule under ``policy``: a decision named when granted
    by one, required kinds granted, no volunteer respite. Shrinks towards conversation
    support by the municipality."""
    goal_id = draw(_IDS)
    start = draw(st.dates(_MIN_ON, _MAX_ON))
    return _measure(
        draw, draw(_IDS), goal_id, start, policy if policy is not None else DEFAULT_POLICY
    )


def expectations() -> st.SearchStrategy[Expectation]:
    """Expectations of the carer or the services."""
    return st.builds(Expectation, of=st.sampled_from(ExpectedOf), description=_texts())


def signatures() -> st.SearchStrategy[Signature]:
    """Signatures by made-up people in any role."""
    return st.builds(
        Signature,
        signer=people(),
        role=st.sampled_from(SignerRole),
        signed_on=st.dates(_MIN_ON, _MAX_ON),
    )


@st.composite
def coordinators(draw: st.DrawFn) -> Coordinator:
    """Professional coordinators (stödkontakt, handläggare)."""
    return _professional(draw)


def participants() -> st.SearchStrategy[Participant]:
    """SIP participants of any principal."""
    return st.builds(
        Participant,
        id=_IDS,
        person=st.builds(Person, name=names()),
        organisation=st.sampled_from(_ORGS),
        principal=principals(),
        title=st.sampled_from(("", "sjuksköterska", "handläggare")),
    )


def sip_relatives() -> st.SearchStrategy[SipRelative]:
    """Relatives in a SIP, asked or not, willing or not, objected to or not."""
    return st.builds(
        SipRelative,
        id=_IDS,
        person=people(),
        relation=relation_kinds(),
        asked_on=st.none() | st.dates(_MIN_ON, _MAX_ON),
        wants_to_take_part=st.none() | st.booleans(),
        individual_objects=st.booleans(),
    )


def responsibilities() -> st.SearchStrategy[Responsibility]:
    """Measures in a SIP naming some holder id, in any field."""
    return st.builds(
        Responsibility,
        id=_IDS,
        measure=_texts(),
        holder_id=_IDS,
        field=sectors(),
    )


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    """SIP meetings where everyone who came was invited."""
    invited = draw(st.frozensets(_IDS, max_size=5))
    attended = frozenset(i for i in invited if draw(st.booleans()))
    return Meeting(held_on=draw(st.dates(_MIN_ON, _MAX_ON)), invited=invited, attended=attended)


@st.composite
def discharges(draw: st.DrawFn) -> Discharge:
    """Hospital stays with the notice of readiness on or after admission."""
    admitted = draw(st.dates(_MIN_ON, _MAX_ON))
    notified = admitted + timedelta(days=draw(st.integers(0, 60)))
    sent = draw(st.none() | st.integers(0, 10).map(lambda d: notified + timedelta(days=d)))
    return Discharge(admitted_on=admitted, ready_notified_on=notified, invitation_sent_on=sent)


def activities() -> st.SearchStrategy[Activity]:
    """Implementation plan rows in any area, with or without an owner."""
    return st.builds(
        Activity,
        area=st.sampled_from(ImplementationArea),
        activity=_texts(),
        how=st.sampled_from(("", "Digital utbildning")),
        responsible=st.sampled_from(("", "anhörigkonsulent")),
        due=st.none() | st.dates(_MIN_ON, _MAX_ON),
        done_on=st.none() | st.dates(_MIN_ON, _MAX_ON),
        heading=st.sampled_from(("", "Utbilda andra målgrupper")),
    )


def type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """The plan types and their strategies, for hypothesis' ``from_type``."""
    return {
        SupportPlan: support_plans(),
        CoordinatedPlan: coordinated_plans(),
        ImplementationPlan: implementation_plans(),
        PlanPolicy: plan_policies(),
        PlanConsent: plan_consents(),
        FollowUp: follow_ups(),
        Need: needs(),
        Goal: goals(),
        Measure: measures(),
        Expectation: expectations(),
        Signature: signatures(),
        Coordinator: coordinators(),
        Participant: participants(),
        SipRelative: sip_relatives(),
        Responsibility: responsibilities(),
        Meeting: meetings(),
        Discharge: discharges(),
        Activity: activities(),
        RegistryQuestion: registry_questions(),
    }


def registry_questions() -> st.SearchStrategy[RegistryQuestion]:
    """Disclosures a plan's consent purpose may stand for, for ``registry_oracle``."""
    return st.builds(
        RegistryQuestion,
        action=st.sampled_from(Action),
        category=st.sampled_from(InfoCategory),
        holder=organisations(),
        recipient=recipients(),
        purpose=st.sampled_from(Purpose),
    )


__all__ = [
    "DEFAULT_ON",
    "activities",
    "coordinated_plans",
    "coordinators",
    "discharges",
    "expectations",
    "follow_ups",
    "goals",
    "implementation_plans",
    "measure_kinds",
    "measures",
    "meetings",
    "needs",
    "participants",
    "plan_consents",
    "plan_policies",
    "plan_statuses",
    "registry_questions",
    "responsibilities",
    "signatures",
    "sip_relatives",
    "support_plans",
]
