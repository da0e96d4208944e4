"""Issue 12, the law of 2026: the information duty. Prop. 2025/26:60 proposed that from
2026-07-01 whoever cares for or supports a närstående gets information och vägledning
besides other support; adoption is not verified, so the reference has low confidence and
the bill as source. A stödplan judged on or after that day that records no such measure
gets a warning; one judged before it does not."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from anhorig.findings import Severity
from anhorig.law import CARER_INFORMATION_AND_GUIDANCE, LAW_OF_2026, Confidence
from anhorig.plans import MeasureKind, PlanStatus, SupportPlan, check
from anhorig.plans.rules import PLAN_NO_INFORMATION_AND_GUIDANCE
from anhorig.serialization import from_json
from anhorig.testing.strategies import broken_support_plans, support_plans

ROOT = Path(__file__).resolve().parents[2]
CODE = "PLAN-NO-INFORMATION-AND-GUIDANCE"


def _support_plan(**changes: Any) -> SupportPlan:
    plan = from_json(
        SupportPlan,
        (ROOT / "examples" / "plans" / "support-plan-valid.json").read_text(encoding="utf-8"),
    )
    return attrs.evolve(plan, **changes)


def _without_guidance(plan: SupportPlan) -> SupportPlan:
    measures = tuple(
        attrs.evolve(m, kind=MeasureKind.CONVERSATION_SUPPORT)
        if m.kind is MeasureKind.INFORMATION_AND_GUIDANCE
        else m
        for m in plan.measures
    )
    return attrs.evolve(plan, measures=measures)


def test_a_stodplan_without_information_and_guidance_judged_on_both_sides_of_the_day() -> None:
    """No information och vägledning recorded: nothing the day before 2026-07-01; from that
    day a warning citing the bill as source, with its low confidence said in words."""
    plan = _without_guidance(_support_plan(created_on=date(2026, 6, 1)))
    assert CODE not in check(plan, on=date(2026, 6, 30)).codes
    for day in (date(2026, 7, 1), date(2026, 7, 2)):
        found = [f for f in check(plan, on=day) if f.code == CODE]
        assert len(found) == 1
        assert found[0].severity is Severity.WARNING
        assert found[0].path == "measures"
        assert [str(r) for r in found[0].references] == ["SoL (2025:400) enl. prop. 2025/26:60"]
        assert [r.confidence for r in found[0].references] == [Confidence.LOW]
        assert "från 1 juli 2026 ska den som vårdar eller stöder en närstående få information" in (
            found[0].message.sv
        )
        assert "prop. 2025/26:60; antagandet är inte verifierat, låg säkerhet" in (
            found[0].message.sv
        )
        assert "adoption not verified, low confidence" in found[0].message.en


def test_a_stodplan_that_records_information_and_guidance_has_no_finding() -> None:
    plan = _support_plan()
    assert any(m.kind is MeasureKind.INFORMATION_AND_GUIDANCE for m in plan.measures)
    assert CODE not in check(plan, on=date(2026, 11, 22)).codes


def test_a_draft_or_closed_plan_is_not_judged_for_it() -> None:
    plan = _without_guidance(_support_plan())
    for status in (PlanStatus.DRAFT, PlanStatus.CLOSED):
        changed = attrs.evolve(
            plan,
            status=status,
            agreed_on=None if status is PlanStatus.DRAFT else plan.agreed_on,
            signatures=() if status is PlanStatus.DRAFT else plan.signatures,
            closed_on=date(2026, 11, 22) if status is PlanStatus.CLOSED else None,
        )
        assert CODE not in check(changed, on=date(2026, 11, 22)).codes


def test_the_rule_rests_on_the_proposed_duty() -> None:
    assert PLAN_NO_INFORMATION_AND_GUIDANCE.law == (CARER_INFORMATION_AND_GUIDANCE,)
    assert PLAN_NO_INFORMATION_AND_GUIDANCE.references(LAW_OF_2026 - timedelta(days=1)) == ()
    assert "prop-2025-26-60" in PLAN_NO_INFORMATION_AND_GUIDANCE.sources


@settings(max_examples=40)
@given(st.data())
def test_found_iff_live_on_or_after_the_day_and_no_such_measure(data: st.DataObject) -> None:
    """For drawn plans and days on either side of 2026-07-01, the warning is there exactly
    when the plan is live, the day is on or after 2026-07-01, and no measure is
    information och vägledning."""
    on = data.draw(st.dates(date(2026, 5, 1), date(2026, 9, 30)))
    plan = data.draw(support_plans(on=on))
    if data.draw(st.booleans()):
        plan = _without_guidance(plan)
    expected = (
        plan.status in (PlanStatus.AGREED, PlanStatus.ACTIVE, PlanStatus.UNDER_REVIEW)
        and on >= LAW_OF_2026
        and not any(m.kind is MeasureKind.INFORMATION_AND_GUIDANCE for m in plan.measures)
    )
    assert (CODE in check(plan, on=on).codes) == expected


@settings(max_examples=20)
@given(st.data())
def test_the_breaking_strategy_breaks_only_this_rule(data: st.DataObject) -> None:
    plan = data.draw(broken_support_plans(CODE))
    assert check(plan, on=date(2026, 11, 22)).codes == {CODE}
