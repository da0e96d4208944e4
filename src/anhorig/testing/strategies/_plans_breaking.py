"""Plans that break exactly one named rule: each ``broken_*`` strategy starts from a
valid plan built by :mod:`anhorig.testing.strategies._plans` on the date ``on`` and
breaks one rule, so ``check(plan, on=on)`` finds that code and no other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.consent import GrantorCapacity
from anhorig.law import CARER_INFORMATION_AND_GUIDANCE
from anhorig.organisations import Principal, Provider, ProviderKind, Sector
from anhorig.people import Person
from anhorig.plans import (
    LIVE_STATUSES,
    RULES,
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
    PlanStatus,
    Responsibility,
    Signature,
    SignerRole,
    SipRelative,
    SupportPlan,
    add_months,
)
from anhorig.relations import CareArea, Involvement, RelationKind
from anhorig.terminology import Role
from anhorig.testing.strategies._core import (
    contingency_plans,
)
from anhorig.testing.strategies._plans import (
    DEFAULT_ON,
    DEFAULT_POLICY,
    check_on,
    coordinated_plans,
    implementation_plans,
    support_plans,
)

__all__ = [
    "breakable_plan_codes",
    "broken_coordinated_plans",
    "broken_implementation_plans",
    "broken_plans",
    "broken_support_plans",
]

# --- stödplan --------------------------------------------------------------------------------

_CANNOT_CONSENT = tuple(
    c for c in GrantorCapacity if c not in (GrantorCapacity.SELF, GrantorCapacity.CUSTODIAN)
)
"""Capacities in which no one consents for another (consent's rule, DOMAIN rule 7)."""


def _young_child(on: date) -> Person:
    """A child aged 9 or 10 on ``on``: too young, by consent's default policy, to consent
    alone."""
    return Person(name="Ella Berg", birth_date=date(on.year - 10, 6, 15))


def _extra_measure(plan: SupportPlan, **kw: Any) -> SupportPlan:
    base: dict[str, Any] = {
        "id": "MX",
        "goal_id": plan.goals[0].id,
        "kind": MeasureKind.CONVERSATION_SUPPORT,
        "description": "Extra",
        "provider": Provider(name="Exempelby kommun", kind=ProviderKind.MUNICIPALITY),
        "granted_by_decision": False,
        "start": plan.created_on,
    }
    base.update(kw)
    return attrs.evolve(plan, measures=(*plan.measures, Measure(**base)))


def _limit(plan: SupportPlan) -> date:
    assert plan.agreed_on is not None
    return add_months(plan.agreed_on, DEFAULT_POLICY.follow_up_interval_months)


_SUPPORT_BREAKERS: dict[str, Callable[[st.DrawFn, SupportPlan, date], SupportPlan]] = {
    "PLAN-NO-CARER-CONSENT": lambda d, p, on: attrs.evolve(p, consents=p.consents[1:]),
    "PLAN-NO-CARED-FOR-CONSENT": lambda d, p, on: attrs.evolve(
        p,
        consents=p.consents[:1],
        needs=(attrs.evolve(p.needs[0], about=Role.CARED_FOR), *p.needs[1:]),
    ),
    "PLAN-CONSENT-INVALID-GRANTOR": lambda d, p, on: attrs.evolve(
        p,
        consents=(
            *p.consents,
            attrs.evolve(
                p.consents[1],
                id="SX",
                grantor=d(st.sampled_from(_CANNOT_CONSENT)),
            ),
        ),
    ),
    "PLAN-CONSENT-CHILD-TOO-YOUNG": lambda d, p, on: attrs.evolve(
        p,
        consents=(
            *p.consents,
            attrs.evolve(
                p.consents[1], id="SY", subject=_young_child(on), grantor=GrantorCapacity.SELF
            ),
        ),
    ),
    "PLAN-DUPLICATE-ID": lambda d, p, on: attrs.evolve(p, measures=(*p.measures, p.measures[-1])),
    "PLAN-GOAL-UNKNOWN-NEED": lambda d, p, on: _extra_measure(
        attrs.evolve(p, goals=(*p.goals, Goal(id="GX", need_id="NX-missing", description="Extra"))),
        goal_id="GX",
    ),
    "PLAN-MEASURE-UNKNOWN-GOAL": lambda d, p, on: _extra_measure(p, goal_id="GX-missing"),
    "PLAN-NO-NEEDS": lambda d, p, on: attrs.evolve(p, needs=(), goals=(), measures=()),
    "PLAN-NEED-WITHOUT-GOAL": lambda d, p, on: attrs.evolve(
        p, needs=(*p.needs, Need(id="NX", area=CareArea.SUPPORT_TO_CARER, description="Extra"))
    ),
    "PLAN-GOAL-WITHOUT-MEASURE": lambda d, p, on: attrs.evolve(
        p, goals=(*p.goals, Goal(id="GX", need_id=p.needs[0].id, description="Extra"))
    ),
    "PLAN-FOLLOW-UP-MISSING": lambda d, p, on: attrs.evolve(p, follow_ups=()),
    "PLAN-FOLLOW-UP-TOO-LATE": lambda d, p, on: attrs.evolve(
        p, follow_ups=(FollowUp(due=_limit(p) + timedelta(days=d(st.integers(1, 200)))),)
    ),
    "PLAN-FOLLOW-UP-OVERDUE": lambda d, p, on: attrs.evolve(
        p,
        follow_ups=(FollowUp(due=d(st.dates(p.agreed_on or on, on - timedelta(days=1)))),),
    ),
    "PLAN-SIGNATURE-MISSING": lambda d, p, on: attrs.evolve(
        p, signatures=tuple(s for s in p.signatures if s.role is not SignerRole.CASE_OFFICER)
    ),
    "PLAN-SIGNER-NOT-CARER": lambda d, p, on: attrs.evolve(
        p,
        signatures=(
            *p.signatures,
            Signature(signer=p.cared_for, role=SignerRole.CARER, signed_on=p.created_on),
        ),
    ),
    "PLAN-EXPECTATIONS-ONE-SIDED": lambda d, p, on: attrs.evolve(
        p, expectations=tuple(e for e in p.expectations if e.of is not ExpectedOf.SERVICES)
    ),
    "PLAN-EXPECTS-UNWILLING-CARER": lambda d, p, on: attrs.evolve(
        p,
        involvement=None,
        expectations=(*p.expectations, Expectation(of=ExpectedOf.CARER, description="Extra")),
    ),
    "PLAN-INVOLVEMENT-OVERDUE": lambda d, p, on: attrs.evolve(
        p,
        involvement=Involvement(
            recorded_on=on - timedelta(days=2),
            reconfirm_by=on - timedelta(days=1),
            willing=False,
            wants_information=False,
            wants_to_take_part=False,
        ),
        expectations=tuple(e for e in p.expectations if e.of is not ExpectedOf.CARER),
    ),
    "PLAN-RELATIVE-COORDINATOR": lambda d, p, on: attrs.evolve(
        p,
        coordinator=Coordinator(
            person=d(st.sampled_from((p.carer, p.cared_for))),
            title="anhörig",
            organisation="familjen",
            professional=d(st.booleans()),
        ),
    ),
    "PLAN-NO-SUPPORT-CONTACT": lambda d, p, on: attrs.evolve(p, coordinator=None),
    "PLAN-NO-INFORMATION-AND-GUIDANCE": lambda d, p, on: attrs.evolve(
        p,
        measures=tuple(
            attrs.evolve(m, kind=MeasureKind.CONVERSATION_SUPPORT)
            if m.kind is MeasureKind.INFORMATION_AND_GUIDANCE
            else m
            for m in p.measures
        ),
    ),
    "PLAN-NO-CONTINGENCY-PLAN": lambda d, p, on: attrs.evolve(
        p, substantial_care=True, contingency=None
    ),
    "PLAN-CONTINGENCY-FAMILY-UNKNOWN": lambda d, p, on: attrs.evolve(
        p,
        contingency=d(contingency_plans(min_date=p.created_on, max_date=on, family_known=False)),
    ),
    "PLAN-VOLUNTEER-RESPITE": lambda d, p, on: _extra_measure(
        p,
        kind=MeasureKind.EMERGENCY_PLACE,
        provider=Provider(name="Röda Korset", kind=ProviderKind.VOLUNTARY_ORGANISATION),
    ),
    "PLAN-DECISION-MISSING": lambda d, p, on: _extra_measure(p, granted_by_decision=True),
    "PLAN-DECISION-REQUIRED": lambda d, p, on: _extra_measure(p, kind=MeasureKind.DAY_CARE),
    "PLAN-DECISION-UNEXPECTED": lambda d, p, on: _extra_measure(p, decision_id="B-X"),
}


def _breaking(
    code: str, breakers: dict[str, Any], family: str
) -> Callable[[st.DrawFn, Any, date], Any]:
    if code not in breakers:
        raise InvalidArgument(
            f"{code!r} is not a {family} rule that can be broken on purpose; choose from {sorted(breakers)}"
        )
    breaker: Callable[[st.DrawFn, Any, date], Any] = breakers[code]
    return breaker


def _live() -> st.SearchStrategy[PlanStatus]:
    return st.sampled_from(sorted(LIVE_STATUSES, key=list(PlanStatus).index))


@st.composite
def broken_support_plans(draw: st.DrawFn, code: str, *, on: date = DEFAULT_ON) -> SupportPlan:
    """Stödplaner in force on ``on`` that break exactly the rule ``code`` (``PLAN-*``).
    ``PLAN-NO-INFORMATION-AND-GUIDANCE`` exists from 2026-07-01: an earlier ``on`` is
    rejected (as by ``assume``).

    Shrinks towards the smallest agreed plan with that one fault.
    """
    breaker = _breaking(code, _SUPPORT_BREAKERS, "stödplan")
    check_on(on)
    if code == "PLAN-NO-INFORMATION-AND-GUIDANCE":
        # A duty from 2026-07-01 (prop. 2025/26:60): no plan breaks it on a day before.
        assume(CARER_INFORMATION_AND_GUIDANCE.in_force_on(on))
    plan = draw(
        support_plans(on=on, statuses=_live(), _strictly_before=code == "PLAN-FOLLOW-UP-OVERDUE")
    )
    return breaker(draw, plan, on)  # type: ignore[no-any-return]


# --- SIP ------------------------------------------------------------------------------------


def _latest(plan: CoordinatedPlan, on: date | None = None) -> int:
    indexes = [i for i, m in enumerate(plan.meetings) if on is None or m.held_on <= on]
    return max(indexes, key=lambda i: (plan.meetings[i].held_on, i))


def _with_meeting(plan: CoordinatedPlan, index: int, meeting: Meeting) -> CoordinatedPlan:
    meetings = list(plan.meetings)
    meetings[index] = meeting
    return attrs.evolve(plan, meetings=tuple(meetings))


def _invite_relative(plan: CoordinatedPlan, relative: SipRelative) -> CoordinatedPlan:
    first = plan.meetings[0]
    meeting = attrs.evolve(first, invited=first.invited | {relative.id})
    return _with_meeting(attrs.evolve(plan, relatives=(*plan.relatives, relative)), 0, meeting)


def _uninvite(plan: CoordinatedPlan, on: date) -> CoordinatedPlan:
    index = _latest(plan)
    m = plan.meetings[index]
    return _with_meeting(
        plan, index, attrs.evolve(m, invited=m.invited - {"P1"}, attended=m.attended - {"P1"})
    )


def _absent(plan: CoordinatedPlan, on: date) -> CoordinatedPlan:
    index = _latest(plan, on)
    m = plan.meetings[index]
    return _with_meeting(plan, index, attrs.evolve(m, attended=m.attended - {"P1"}))


def _late_invitation(d: st.DrawFn, plan: CoordinatedPlan, on: date) -> CoordinatedPlan:
    notified = plan.created_on - timedelta(days=10)
    deadline = notified + timedelta(days=DEFAULT_POLICY.discharge_invitation_days)
    return attrs.evolve(
        plan,
        discharge=Discharge(
            admitted_on=notified - timedelta(days=5),
            ready_notified_on=notified,
            invitation_sent_on=deadline + timedelta(days=d(st.integers(1, 20))),
        ),
    )


def _sip_limit(plan: CoordinatedPlan) -> date:
    return add_months(plan.created_on, DEFAULT_POLICY.sip_follow_up_interval_months)


_RX = SipRelative(id="RX", person=Person(name="Lena Öberg"), relation=RelationKind.CHILD)

_SIP_BREAKERS: dict[str, Callable[[st.DrawFn, CoordinatedPlan, date], CoordinatedPlan]] = {
    "SIP-NO-CONSENT": lambda d, p, on: attrs.evolve(p, consents=()),
    "SIP-DUPLICATE-ID": lambda d, p, on: attrs.evolve(
        p, responsibilities=(*p.responsibilities, p.responsibilities[0])
    ),
    "SIP-NO-MEASURES": lambda d, p, on: attrs.evolve(p, responsibilities=()),
    "SIP-UNKNOWN-HOLDER": lambda d, p, on: attrs.evolve(
        p,
        responsibilities=(
            *p.responsibilities,
            Responsibility(id="IX", measure="Extra", holder_id="PX-missing", field=Sector.OTHER),
        ),
    ),
    "SIP-OTHERS-NOT-ADDRESSED": lambda d, p, on: attrs.evolve(p, others_considered=False),
    "SIP-NO-LEAD": lambda d, p, on: attrs.evolve(
        p, lead_principal=d(st.sampled_from((None, Principal.OTHER)))
    ),
    "SIP-NOT-BOTH-FIELDS": lambda d, p, on: attrs.evolve(
        p,
        responsibilities=tuple(
            attrs.evolve(r, field=Sector.SOCIAL_SERVICES) for r in p.responsibilities
        ),
    ),
    "SIP-NO-COORDINATOR": lambda d, p, on: attrs.evolve(p, coordinator=None),
    "SIP-RELATIVE-COORDINATOR": lambda d, p, on: attrs.evolve(
        p,
        coordinator=Coordinator(
            person=p.individual, title="-", organisation="-", professional=False
        ),
    ),
    "SIP-RELATIVE-NOT-ASKED": lambda d, p, on: _invite_relative(
        p,
        attrs.evolve(
            _RX, asked_on=d(st.none() | st.just(p.meetings[0].held_on + timedelta(days=1)))
        ),
    ),
    "SIP-RELATIVE-DECLINED": lambda d, p, on: _invite_relative(
        p, attrs.evolve(_RX, asked_on=p.meetings[0].held_on, wants_to_take_part=False)
    ),
    "SIP-EXPECTS-UNWILLING-RELATIVE": lambda d, p, on: attrs.evolve(
        p,
        relatives=(
            *p.relatives,
            attrs.evolve(_RX, asked_on=d(st.none() | st.just(on)), wants_to_take_part=False),
        ),
        responsibilities=(
            *p.responsibilities,
            Responsibility(id="IX", measure="Skjutsar", holder_id="RX", field=Sector.OTHER),
        ),
    ),
    "SIP-RELATIVE-OBJECTED": lambda d, p, on: _invite_relative(
        p,
        attrs.evolve(
            _RX, asked_on=p.meetings[0].held_on, wants_to_take_part=True, individual_objects=True
        ),
    ),
    "SIP-MEETING-UNKNOWN-PARTY": lambda d, p, on: _with_meeting(
        p, 0, attrs.evolve(p.meetings[0], invited=p.meetings[0].invited | {"ZZ-missing"})
    ),
    "SIP-RESPONSIBLE-NOT-INVITED": lambda d, p, on: _uninvite(p, on),
    "SIP-RESPONSIBLE-ABSENT": lambda d, p, on: _absent(p, on),
    "SIP-FOLLOW-UP-MISSING": lambda d, p, on: attrs.evolve(p, follow_ups=()),
    "SIP-FOLLOW-UP-TOO-LATE": lambda d, p, on: attrs.evolve(
        p, follow_ups=(FollowUp(due=_sip_limit(p) + timedelta(days=d(st.integers(1, 200)))),)
    ),
    "SIP-FOLLOW-UP-OVERDUE": lambda d, p, on: attrs.evolve(
        p, follow_ups=(FollowUp(due=d(st.dates(p.created_on, on - timedelta(days=1)))),)
    ),
    "SIP-DISCHARGE-INVITATION-LATE": _late_invitation,
}


@st.composite
def broken_coordinated_plans(
    draw: st.DrawFn, code: str, *, on: date = DEFAULT_ON
) -> CoordinatedPlan:
    """SIPs in force on ``on`` that break exactly the rule ``code`` (``SIP-*``).

    Shrinks towards the smallest agreed SIP with that one fault.
    """
    breaker = _breaking(code, _SIP_BREAKERS, "SIP")
    check_on(on)
    plan = draw(
        coordinated_plans(
            on=on,
            statuses=_live(),
            _held_meeting=code == "SIP-RESPONSIBLE-ABSENT",
            _strictly_before=code == "SIP-FOLLOW-UP-OVERDUE",
        )
    )
    return breaker(draw, plan, on)  # type: ignore[no-any-return]


# --- implementation plan ----------------------------------------------------------------------


def _without_area(plan: ImplementationPlan, area: ImplementationArea) -> ImplementationPlan:
    return attrs.evolve(plan, activities=tuple(a for a in plan.activities if a.area is not area))


def _set_activity(plan: ImplementationPlan, **kw: Any) -> ImplementationPlan:
    first = attrs.evolve(plan.activities[0], **kw)
    return attrs.evolve(plan, activities=(first, *plan.activities[1:]))


_IMPL_BREAKERS: dict[str, Callable[[st.DrawFn, ImplementationPlan, date], ImplementationPlan]] = {
    "IMPL-AREA-EMPTY": lambda d, p, on: _without_area(p, d(st.sampled_from(ImplementationArea))),
    "IMPL-NO-OWNER": lambda d, p, on: _set_activity(p, responsible=d(st.sampled_from(("", "  ")))),
    "IMPL-NO-HOW": lambda d, p, on: _set_activity(p, how=""),
    "IMPL-OVERDUE": lambda d, p, on: _set_activity(
        p, due=on - timedelta(days=d(st.integers(1, 300))), done_on=None
    ),
    "IMPL-DUE-OUTSIDE-PLAN": lambda d, p, on: _set_activity(
        attrs.evolve(p, valid_until=p.valid_until or on + timedelta(days=30)),
        due=(p.valid_until or on + timedelta(days=30)) + timedelta(days=d(st.integers(1, 300))),
    ),
}


@st.composite
def broken_implementation_plans(
    draw: st.DrawFn, code: str, *, on: date = DEFAULT_ON
) -> ImplementationPlan:
    """Implementation plans that break exactly the rule ``code`` (``IMPL-*``) on ``on``.

    Shrinks towards one activity per area with that one fault.
    """
    breaker = _breaking(code, _IMPL_BREAKERS, "implementation plan")
    check_on(on)
    return breaker(draw, draw(implementation_plans(on=on)), on)  # type: ignore[no-any-return]


# --- any kind of plan -------------------------------------------------------------------------


def breakable_plan_codes() -> tuple[str, ...]:
    """Every plan rule code a ``broken_*`` strategy can break on purpose, sorted.

    All codes of :data:`anhorig.plans.RULES` except the lifecycle's
    ``PLAN-ILLEGAL-TRANSITION``, which a step raises rather than a check finds.
    """
    codes = set(_SUPPORT_BREAKERS) | set(_SIP_BREAKERS) | set(_IMPL_BREAKERS)
    assert codes <= {r.code for r in RULES}
    return tuple(sorted(codes))


def broken_plans(code: str, *, on: date = DEFAULT_ON) -> st.SearchStrategy[Any]:
    """Plans of whichever kind ``code`` belongs to that break exactly that rule."""
    if code in _SUPPORT_BREAKERS:
        return broken_support_plans(code, on=on)
    if code in _SIP_BREAKERS:
        return broken_coordinated_plans(code, on=on)
    if code in _IMPL_BREAKERS:
        return broken_implementation_plans(code, on=on)
    raise InvalidArgument(
        f"{code!r} cannot be broken on purpose; choose from {list(breakable_plan_codes())}"
    )
