"""Issue 16, item 5: a contingency plan in the carer's own stödplan (seed 004: "Vart vänder
jag mig om det händer mig något som anhörigvårdare?")."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig import discharge, plans, relations
from anhorig.errors import InvalidInput
from anhorig.findings import Severity
from anhorig.plans import ContingencyPlan, PlanStatus, SupportPlan, check
from anhorig.serialization import from_json, to_json
from anhorig.testing.strategies import broken_support_plans, contingency_plans, support_plans

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 22)
CODES = {"PLAN-NO-CONTINGENCY-PLAN", "PLAN-CONTINGENCY-FAMILY-UNKNOWN"}


def _plan() -> SupportPlan:
    text = (ROOT / "examples" / "plans" / "support-plan-valid.json").read_text(encoding="utf-8")
    return from_json(SupportPlan, text)


def _tallen(*, known: bool) -> ContingencyPlan:
    return ContingencyPlan(
        takes_over="Trygghetsplatsen tar över omsorgen om Nils",
        unit="Trygghetsplatsen Tallen",
        how_to_reach="Kommunens växel, dygnet runt",
        family_known_to_unit=known,
        agreed_on=date(2026, 10, 1),
    )


def test_one_contingency_plan_serves_the_stodplan_and_the_discharge() -> None:
    assert plans.ContingencyPlan is relations.ContingencyPlan is discharge.ContingencyPlan


def test_substantial_care_without_a_plan_is_a_warning_naming_the_seed() -> None:
    plan = attrs.evolve(_plan(), substantial_care=True)
    assert plan.status in {PlanStatus.AGREED, PlanStatus.ACTIVE}
    report = check(plan, on=ON)
    [finding] = [f for f in report if f.code in CODES]
    assert finding.code == "PLAN-NO-CONTINGENCY-PLAN"
    assert finding.path == "contingency"
    assert finding.severity is Severity.WARNING
    assert "vem som tar över om hen blir sjuk" in finding.message.sv
    assert "seed-004" in {source.key for source in finding.sources}
    # A warning: the plan stays valid.
    assert plans.is_valid(plan, on=ON)


def test_a_plan_with_a_unit_that_knows_the_family_has_no_finding() -> None:
    plan = attrs.evolve(_plan(), substantial_care=True, contingency=_tallen(known=True))
    assert not CODES & check(plan, on=ON).codes


def test_a_unit_that_does_not_know_the_family_is_named() -> None:
    plan = attrs.evolve(_plan(), contingency=_tallen(known=False))
    [finding] = [f for f in check(plan, on=ON) if f.code in CODES]
    assert finding.code == "PLAN-CONTINGENCY-FAMILY-UNKNOWN"
    assert finding.path == "contingency.family_known_to_unit"
    assert "Trygghetsplatsen Tallen" in finding.message.sv
    assert "does not know the family" in finding.message.en


def test_without_substantial_care_no_plan_is_expected_and_a_draft_is_not_judged() -> None:
    assert not CODES & check(_plan(), on=ON).codes
    draft = attrs.evolve(
        _plan(), status=PlanStatus.DRAFT, agreed_on=None, signatures=(), substantial_care=True
    )
    assert not CODES & check(draft, on=ON).codes


def test_the_contingency_plan_round_trips_and_old_documents_still_read() -> None:
    plan = attrs.evolve(_plan(), substantial_care=True, contingency=_tallen(known=False))
    assert from_json(SupportPlan, to_json(plan)) == plan
    # A document written before the fields existed reads with their defaults.
    assert from_json(SupportPlan, to_json(_plan())).contingency is None


def test_a_bad_contingency_plan_is_refused_with_every_path() -> None:
    with pytest.raises(InvalidInput) as caught:
        ContingencyPlan(
            takes_over="",
            unit="Tallen",
            how_to_reach="",
            family_known_to_unit="ja",  # type: ignore[arg-type]
            agreed_on=date(2026, 1, 1),
        )
    paths = {problem.path for problem in caught.value.problems}
    assert {"takes_over", "how_to_reach", "family_known_to_unit"} <= paths


def test_the_repr_masks_who_takes_over() -> None:
    assert "Nils" not in repr(_tallen(known=True))


@given(support_plans(on=ON))
def test_generated_valid_plans_never_break_the_contingency_rules(plan: SupportPlan) -> None:
    assert not CODES & check(plan, on=ON).codes
    if plan.substantial_care and plan.status not in {PlanStatus.DRAFT, PlanStatus.CLOSED}:
        assert plan.contingency is not None


@pytest.mark.parametrize("code", sorted(CODES))
@given(data=st.data())
def test_each_contingency_rule_can_be_broken_alone(code: str, data: st.DataObject) -> None:
    plan = data.draw(broken_support_plans(code, on=ON))
    assert check(plan, on=ON).codes == {code}


@given(contingency_plans(family_known=False))
def test_the_strategy_keeps_its_promise(plan: ContingencyPlan) -> None:
    assert plan.family_known_to_unit is False
