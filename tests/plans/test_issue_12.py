"""Issue 12, written as the cases are written there: SIP relatives who declined,
stale willingness, citations that claim no more than the law, and the law of 2026."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from anhorig._values import date_text
from anhorig.plans import CoordinatedPlan, ExpectedOf, PlanStatus, SupportPlan, check
from anhorig.relations import check as check_relationship
from anhorig.serialization import from_json
from anhorig.testing.strategies import support_plans

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 1)


def _sip() -> CoordinatedPlan:
    return from_json(
        CoordinatedPlan,
        (ROOT / "examples" / "plans" / "sip-valid.json").read_text(encoding="utf-8"),
    )


def _relative_said(plan: CoordinatedPlan, **answer: Any) -> CoordinatedPlan:
    relative = attrs.evolve(plan.relatives[0], **answer)
    return attrs.evolve(plan, relatives=(relative,))


# --- item 8: SIP relatives -----------------------------------------------------------------


def test_a_relative_who_was_asked_and_said_no_is_not_told_they_were_not_asked() -> None:
    """A relative who was asked and said no can still hold a measure; the finding must not say
    they were invited "utan att först ha sagt att hen vill delta"."""
    sip = _sip()
    assert check(sip, on=ON).codes == frozenset()
    declined = _relative_said(sip, asked_on=date(2026, 10, 20), wants_to_take_part=False)
    report = check(declined, on=ON)
    assert "SIP-RELATIVE-NOT-ASKED" not in report.codes
    assert {"SIP-RELATIVE-DECLINED", "SIP-EXPECTS-UNWILLING-RELATIVE"} <= report.codes
    swedish = report.explain("sv")
    assert "utan att först ha sagt att hen vill delta" not in swedish
    assert "tillfrågades 20 oktober 2026 och ville inte delta" in swedish
    assert "tackade nej när hen tillfrågades 20 oktober 2026" in swedish
    assert "declined to take part" in report.explain("en")


def test_a_relative_never_asked_is_told_apart_from_one_who_declined() -> None:
    """Not asked: SIP-RELATIVE-NOT-ASKED for the meeting, and no measure may be theirs."""
    report = check(_relative_said(_sip(), asked_on=None, wants_to_take_part=None), on=ON)
    assert "SIP-RELATIVE-NOT-ASKED" in report.codes
    assert "SIP-RELATIVE-DECLINED" not in report.codes
    measure = [f for f in report if f.code == "SIP-EXPECTS-UNWILLING-RELATIVE"]
    assert [f.path for f in measure] == ["responsibilities[3].holder_id"]
    assert "inte har tillfrågats" in measure[0].message.sv


def test_rule_17_nothing_expected_of_an_unwilling_relative_holding_a_measure() -> None:
    """A relative asked only after the meeting, who said no: before being asked nothing may
    be expected of them either, and from the day they said no the finding says so; a
    closed SIP is not judged for it."""
    later = _relative_said(_sip(), asked_on=date(2026, 10, 25), wants_to_take_part=False)
    codes = {"SIP-EXPECTS-UNWILLING-RELATIVE", "SIP-RELATIVE-NOT-ASKED"}
    for day, why in ((date(2026, 10, 24), "inte har tillfrågats"), (ON, "tackade nej")):
        report = check(later, on=day)
        assert report.codes == codes
        assert why in report.explain("sv")
    closed = attrs.evolve(later, status=PlanStatus.CLOSED)
    assert "SIP-EXPECTS-UNWILLING-RELATIVE" not in check(closed, on=ON).codes


# --- item 9: stale willingness ---------------------------------------------------------------


def _support_plan(**changes: Any) -> SupportPlan:
    plan = from_json(
        SupportPlan,
        (ROOT / "examples" / "plans" / "support-plan-valid.json").read_text(encoding="utf-8"),
    )
    return attrs.evolve(plan, **changes)


def test_the_plan_check_finds_what_the_relationship_check_finds_about_its_carer() -> None:
    """A stödplan check does not ignore an Involvement whose reconfirmation is overdue, and
    PLAN-EXPECTS-UNWILLING-CARER does not rely on a willing=True that is stale."""
    plan = _support_plan()
    involvement = plan.involvement
    assert involvement is not None
    assert involvement.willing
    assert any(e.of is ExpectedOf.CARER for e in plan.expectations)
    fresh = involvement.reconfirm_by
    stale = fresh + timedelta(days=1)
    assert "REL-INVOLVEMENT-OVERDUE" not in check_relationship(plan.relationship(), on=fresh).codes
    assert check(plan, on=fresh).ok
    assert "REL-INVOLVEMENT-OVERDUE" in check_relationship(plan.relationship(), on=stale).codes
    report = check(plan, on=stale)
    assert {"PLAN-INVOLVEMENT-OVERDUE", "PLAN-EXPECTS-UNWILLING-CARER"} <= report.codes
    overdue = next(f for f in report if f.code == "PLAN-INVOLVEMENT-OVERDUE")
    assert overdue.path == "involvement.reconfirm_by"
    assert date_text(fresh) in overdue.message.sv
    unwilling = next(f for f in report if f.code == "PLAN-EXPECTS-UNWILLING-CARER")
    assert f"skulle ha bekräftats senast {date_text(fresh)}" in unwilling.message.sv


def test_a_carer_who_said_no_is_told_apart_from_one_never_asked() -> None:
    """The finding says why nothing may be expected: never asked, or said no."""
    plan = _support_plan()
    assert plan.involvement is not None
    no = attrs.evolve(plan.involvement, willing=False)
    never = check(_support_plan(involvement=None), on=plan.involvement.recorded_on)
    said_no = check(_support_plan(involvement=no), on=plan.involvement.recorded_on)
    assert "inte har tillfrågats" in never.explain("sv")
    assert f"sa nej den {date_text(no.recorded_on)}" in said_no.explain("sv")


@settings(max_examples=30)
@given(st.data())
def test_overdue_in_the_plan_iff_overdue_in_the_relationship(data: st.DataObject) -> None:
    """For any plan not closed, the plan check and the relationship check agree on whether
    the carer's involvement is overdue."""
    plan = data.draw(support_plans())
    on = data.draw(st.dates(plan.created_on, plan.created_on + timedelta(days=900)))
    in_relationship = (
        "REL-INVOLVEMENT-OVERDUE" in check_relationship(plan.relationship(), on=on).codes
    )
    in_plan = "PLAN-INVOLVEMENT-OVERDUE" in check(plan, on=on).codes
    assert in_plan == (in_relationship and plan.status is not PlanStatus.CLOSED)


# --- the law of 2026: the support contact ---------------------------------------------------


def test_support_contact_judged_by_the_date() -> None:
    """Without a stödkontakt: practice before 2026-07-01 (no statute cited), the proposed duty
    from that day (prop. 2025/26:60, low confidence)."""
    plan = _support_plan(coordinator=None, created_on=date(2026, 6, 1))
    for day in (date(2026, 6, 30), date(2026, 7, 1), date(2026, 7, 2)):
        found = [f for f in check(plan, on=day) if f.code == "PLAN-NO-SUPPORT-CONTACT"]
        assert len(found) == 1
        cited = [str(r) for r in found[0].references]
        if day < date(2026, 7, 1):
            assert cited == []
            assert "1 juli 2026" not in found[0].message.sv
        else:
            assert cited == ["SoL (2025:400) enl. prop. 2025/26:60"]
            assert "från 1 juli 2026 ska den som vårdar" in found[0].message.sv
