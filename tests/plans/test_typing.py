"""The public API's types, as mypy --strict sees them (assert_type is checked statically)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import assert_type

from anhorig.findings import Report
from anhorig.people import Person
from anhorig.plans import (
    CoordinatedPlan,
    ImplementationPlan,
    Plan,
    PlanPolicy,
    SupportPlan,
    check,
    is_valid,
    validate,
)
from anhorig.relations import RelationKind
from anhorig.serialization import from_json


def test_public_api_types() -> None:
    """check returns a Report, validate a plan, is_valid a bool; lifecycle steps keep the type."""
    on = date(2026, 11, 2)
    plan = SupportPlan.draft(
        id="SP-1",
        carer=Person(name="Karin Berg"),
        cared_for=Person(name="Nils Berg"),
        relation=RelationKind.SPOUSE,
        created_on=on,
    )
    assert_type(check(plan, on=on), Report)
    assert_type(check(plan, on=on, policy=PlanPolicy()), Report)
    assert_type(is_valid(plan, on=on), bool)
    assert_type(plan.close(on=on), SupportPlan)
    template = ImplementationPlan.template(municipality="Exempelby", valid_from=on)
    assert_type(template, ImplementationPlan)
    text = Path("examples/plans/sip-valid.json").read_text(encoding="utf-8")
    sip: CoordinatedPlan = from_json(CoordinatedPlan, text)
    assert_type(validate(sip, on=date(2026, 11, 22)), Plan)
    assert_type(sip.close(on=date(2026, 11, 22)), CoordinatedPlan)
