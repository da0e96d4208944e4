"""Discharges that break exactly one ``DIS-*`` rule: :func:`broken_discharges` starts
from a clean discharge (:mod:`anhorig.testing.strategies._discharge`) and changes one
thing, so that exactly one rule finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.discharge import (
    CareKind,
    Channel,
    ContingencyPlan,
    DischargeProcess,
    RelativeAtDischarge,
    Stage,
    StageInformation,
    payment_responsibility,
)
from anhorig.testing.strategies._discharge import (
    DEFAULT_POLICY,
    CleanDischarge,
    clean_discharges,
    local_day,
    minutes_after,
)
from anhorig.time import day_interval

__all__ = [
    "BREAKABLE_DISCHARGE_CODES",
    "JudgedDischarge",
    "broken_discharges",
]

_GUIDANCE_FROM = date(2026, 7, 1)

# --- one rule broken ----------------------------------------------------------------------------


def _replace_relative(process: DischargeProcess, index: int, **changes: Any) -> DischargeProcess:
    relatives = list(process.relatives)
    relatives[index] = attrs.evolve(relatives[index], **changes)
    return attrs.evolve(process, relatives=tuple(relatives))


def _with_recipient(process: DischargeProcess, index: int, **changes: Any) -> DischargeProcess:
    recipients = list(process.recipients)
    recipients[index] = attrs.evolve(recipients[index], **changes)
    return attrs.evolve(process, recipients=tuple(recipients))


def _needy(process: DischargeProcess) -> list[int]:
    return [i for i, r in enumerate(process.recipients) if r.needs]


def _without_consent(process: DischargeProcess, consent_id: str) -> DischargeProcess:
    return attrs.evolve(
        process, records=tuple(r for r in process.records if getattr(r, "id", None) != consent_id)
    )


JudgedDischarge = tuple[DischargeProcess, date]
"""A discharge and the day it is judged on."""


def _duplicate_id(draw: st.DrawFn) -> JudgedDischarge:
    case = draw(clean_discharges())
    p = case.process
    return attrs.evolve(p, recipients=(*p.recipients, p.recipients[0])), case.on


def _unknown_reference(draw: st.DrawFn) -> JudgedDischarge:
    case = draw(clean_discharges())
    p = case.process
    assert p.planning is not None
    planning = attrs.evolve(p.planning, invited=p.planning.invited | {"no-such-unit"})
    return attrs.evolve(p, planning=planning), case.on


def _admission_notice_late(draw: st.DrawFn) -> JudgedDischarge:
    case = draw(clean_discharges(support_needed=True))
    p = case.process
    late = minutes_after(p.admission.admitted_at, 24 * 60 + draw(st.integers(0, 600)))
    notice = attrs.evolve(p.admission_notices[0], sent_at=late)
    return attrs.evolve(p, admission_notices=(notice,)), case.on


def _no_care_contact(draw: st.DrawFn) -> JudgedDischarge:
    case = draw(clean_discharges(support_needed=True))
    return attrs.evolve(case.process, care_contact=None), case.on


def _sip_invitation_late(draw: st.DrawFn) -> JudgedDischarge:
    case = draw(clean_discharges(sip=True))
    p = case.process
    assert p.ready_notice is not None
    assert p.sip_invitation is not None
    last_day = local_day(p.ready_notice.sent_at) + timedelta(
        days=DEFAULT_POLICY.sip_invitation_days
    )
    due = day_interval(last_day).end
    late = attrs.evolve(p.sip_invitation, sent_at=minutes_after(due, draw(st.integers(0, 4000))))
    return attrs.evolve(p, sip_invitation=late), case.on


def _payment_responsibility(draw: st.DrawFn) -> JudgedDischarge:
    case = draw(clean_discharges(support_needed=True))
    # Somatic care: the psychiatric default is not verified, so no start is computed.
    p = attrs.evolve(
        case.process,
        admission=attrs.evolve(case.process.admission, care_kind=CareKind.SOMATIC),
    )
    starts = payment_responsibility(p, DEFAULT_POLICY).starts_on
    assert starts is not None
    day = starts + timedelta(days=draw(st.integers(1, 20)))
    # The child's age is judged on the discharge day: keep it a child then.
    children = tuple(
        attrs.evolve(c, child=attrs.evolve(c.child, birth_date=day - timedelta(days=3000)))
        for c in p.children
    )
    return attrs.evolve(p, discharge_on=day, children=children), max(case.on, day)


def _basis_broken(code: str) -> Callable[[st.DrawFn], JudgedDischarge]:
    def build(draw: st.DrawFn) -> JudgedDischarge:
        case = draw(clean_discharges())
        p = case.process
        target = p.recipients[draw(st.sampled_from(_needy(p)))].id
        if code == "DIS-TRANSFER-LATE":
            assert p.discharge_on is not None
            later = minutes_after(day_interval(p.discharge_on).end, draw(st.integers(0, 3000)))
            transfers = tuple(
                attrs.evolve(t, sent_at=later) if t.to == target else t for t in p.transfers
            )
            return attrs.evolve(p, transfers=transfers), case.on
        p = _without_consent(p, f"c-{target}")
        if code == "DIS-TRANSFER-NO-BASIS":
            p = attrs.evolve(p, transfers=tuple(t for t in p.transfers if t.to != target))
        return p, case.on

    return build


def _channel_broken(channels: frozenset[Channel]) -> Callable[[st.DrawFn], JudgedDischarge]:
    def build(draw: st.DrawFn) -> JudgedDischarge:
        case = draw(clean_discharges())
        index = draw(st.sampled_from(_needy(case.process)))
        return _with_recipient(case.process, index, channels=channels), case.on

    return build


def _relative_changed(
    change: Callable[[st.DrawFn, CleanDischarge], tuple[dict[str, Any], date]],
    **flags: bool,
) -> Callable[[st.DrawFn], JudgedDischarge]:
    def build(draw: st.DrawFn) -> JudgedDischarge:
        case = draw(clean_discharges(**flags))
        changes, on = change(draw, case)
        return _replace_relative(case.process, 0, **changes), on

    return build


def _first(case: CleanDischarge) -> RelativeAtDischarge:
    return case.process.relatives[0]


def _known(case: CleanDischarge) -> date:
    known = _first(case).known_as_carer_on
    assert known is not None
    return known


def _stage_late(draw: st.DrawFn, case: CleanDischarge) -> tuple[dict[str, Any], date]:
    stages = _first(case).stages
    first = stages[0]
    due = first.occurred_on + timedelta(days=DEFAULT_POLICY.stage_information_days + 1)
    return {"stages": (attrs.evolve(first, informed_at=None), *stages[1:])}, max(case.on, due)


def _stage_without_basis(draw: st.DrawFn, case: CleanDischarge) -> tuple[dict[str, Any], date]:
    # Told by the municipality, which has no consent to tell the relative.
    stages = _first(case).stages
    extra = StageInformation(
        stage=Stage.MOVE_TO_SPECIAL_HOUSING,
        occurred_on=stages[0].occurred_on,
        given_by="case-officer",
    )
    due = stages[0].occurred_on + timedelta(days=DEFAULT_POLICY.stage_information_days + 1)
    return {"stages": (*stages, extra)}, max(case.on, due)


def _family_unknown(draw: st.DrawFn, case: CleanDischarge) -> tuple[dict[str, Any], date]:
    plan = ContingencyPlan(
        takes_over="Trygghetsplats",
        unit="Korttidsboendet",
        how_to_reach="010-000 00 00",
        family_known_to_unit=False,
        agreed_on=_first(case).involvements[0].recorded_on,
    )
    return {"contingency": plan}, case.on


def _child_not_considered(draw: st.DrawFn) -> JudgedDischarge:
    case = draw(clean_discharges(child=True))
    p = case.process
    children = (attrs.evolve(p.children[0], consideration=None), *p.children[1:])
    return attrs.evolve(p, children=children), case.on


_DAYS = DEFAULT_POLICY.support_offer_days

_BREAKERS: dict[str, Callable[[st.DrawFn], JudgedDischarge]] = {
    "DIS-DUPLICATE-ID": _duplicate_id,
    "DIS-UNKNOWN-REFERENCE": _unknown_reference,
    "DIS-ADMISSION-NOTICE-LATE": _admission_notice_late,
    "DIS-NO-CARE-CONTACT": _no_care_contact,
    "DIS-SIP-INVITATION-LATE": _sip_invitation_late,
    "DIS-PAYMENT-RESPONSIBILITY": _payment_responsibility,
    "DIS-TRANSFER-NO-BASIS": _basis_broken("DIS-TRANSFER-NO-BASIS"),
    "DIS-DISCLOSED-WITHOUT-BASIS": _basis_broken("DIS-DISCLOSED-WITHOUT-BASIS"),
    "DIS-TRANSFER-LATE": _basis_broken("DIS-TRANSFER-LATE"),
    "DIS-RECIPIENT-NO-CHANNEL": _channel_broken(frozenset()),
    "DIS-RECIPIENT-UNRELIABLE-CHANNEL": _channel_broken(frozenset({Channel.TELEPHONE})),
    "DIS-RELATIVE-NOT-ASKED": _relative_changed(
        lambda draw, case: ({"involvements": ()}, case.on), wants_part=True
    ),
    "DIS-RELATIVE-NOT-PREPARED": _relative_changed(
        lambda draw, case: ({"informed_before_planning_at": None}, case.on), wants_part=True
    ),
    "DIS-CONSULTANT-NOT-INVOLVED": _relative_changed(
        lambda draw, case: ({"consultant_involved_on": None}, case.on), carer=True
    ),
    "DIS-CARER-SUPPORT-NOT-OFFERED": _relative_changed(
        lambda draw, case: (
            {"support_offered_on": _known(case) + timedelta(days=_DAYS + draw(st.integers(1, 60)))},
            case.on,
        ),
        carer=True,
    ),
    "DIS-CARER-NOT-GUIDED": _relative_changed(
        lambda draw, case: (
            {"guidance_given_on": None},
            max(case.on, max(_known(case), _GUIDANCE_FROM) + timedelta(days=_DAYS + 1)),
        ),
        carer=True,
    ),
    "DIS-STAGE-NOT-INFORMED": _relative_changed(_stage_late, carer=True),
    "DIS-STAGE-NO-BASIS": _relative_changed(_stage_without_basis, carer=True),
    "DIS-NO-CONTINGENCY-PLAN": _relative_changed(
        lambda draw, case: ({"substantial_care": True, "contingency": None}, case.on), carer=True
    ),
    "DIS-CONTINGENCY-FAMILY-UNKNOWN": _relative_changed(_family_unknown, carer=True),
    "DIS-CHILD-NOT-CONSIDERED": _child_not_considered,
}


BREAKABLE_DISCHARGE_CODES: tuple[str, ...] = tuple(sorted(_BREAKERS))
"""Every discharge rule: each can be broken on purpose."""


def broken_discharges(code: str) -> st.SearchStrategy[JudgedDischarge]:
    """A discharge and the day it is judged on, such that ``check`` finds exactly ``code``.

    ``InvalidArgument`` for a code that is not a discharge rule.
    """
    if code not in BREAKABLE_DISCHARGE_CODES:
        raise InvalidArgument(
            f"{code!r} is not a discharge rule; known: {BREAKABLE_DISCHARGE_CODES}"
        )

    return st.composite(_BREAKERS[code])()
