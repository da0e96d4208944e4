"""Edges of the plan rules that mutation testing found unpinned: ``is_valid`` asks the
consent register it is given, a relative asked but silent is told apart in both
languages, an activity due on the plan's last day is within the plan, an overdue
reconfirmation names the carer, and what is not a plan is named in Swedish too."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import pytest

from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.plans import (
    ConsentPurpose,
    CoordinatedPlan,
    ImplementationPlan,
    SupportPlan,
    check,
    is_valid,
)
from anhorig.serialization import from_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "plans"
ON = date(2026, 11, 22)


def _read(name: str) -> Any:
    return from_json(None, (EXAMPLES / name).read_text(encoding="utf-8"))


SIP: CoordinatedPlan = _read("sip-valid.json")


class _From:
    """A consent register in which ``who`` consents to everything from ``since``."""

    def __init__(self, who: Person, since: date) -> None:
        self.who, self.since = who, since

    def covers(self, subject: Person, purpose: ConsentPurpose, *, on: date) -> bool:
        return subject == self.who and on >= self.since


def test_is_valid_asks_the_consent_register_it_is_given() -> None:
    from_december = _From(SIP.individual, date(2026, 12, 1))
    assert is_valid(SIP, on=ON)  # by the plan's own consent records
    assert not is_valid(SIP, on=ON, consent_oracle=from_december)
    assert is_valid(SIP, on=date(2026, 12, 1), consent_oracle=from_december)


def test_a_relative_asked_but_silent_is_told_so_in_both_languages() -> None:
    relative = attrs.evolve(SIP.relatives[0], asked_on=date(2026, 10, 20), wants_to_take_part=None)
    report = check(attrs.evolve(SIP, relatives=(relative,)), on=ON)
    (finding,) = [f for f in report.findings if f.code == "SIP-EXPECTS-UNWILLING-RELATIVE"]
    assert "tillfrågades 20 oktober 2026 men inte har svarat" in finding.message.sv
    assert "was asked on 20 October 2026 but has not answered" in finding.message.en


def test_an_activity_due_on_the_plans_last_day_is_within_the_plan() -> None:
    plan: ImplementationPlan = _read("implementation-plan-invalid.json")
    assert plan.valid_until is not None
    last = plan.valid_until

    def outside(due: date) -> list[str]:
        activity = attrs.evolve(plan.activities[2], due=due)
        changed = attrs.evolve(plan, activities=(*plan.activities[:2], activity))
        return [f.path for f in check(changed, on=ON).findings if f.code == "IMPL-DUE-OUTSIDE-PLAN"]

    assert outside(last) == []
    assert outside(last + timedelta(days=1)) == ["activities[2].due"]


def test_an_overdue_reconfirmation_names_the_carer() -> None:
    plan: SupportPlan = _read("support-plan-valid.json")
    assert plan.involvement is not None
    stale = plan.involvement.reconfirm_by + timedelta(days=1)
    (overdue,) = [f for f in check(plan, on=stale).findings if f.code == "PLAN-INVOLVEMENT-OVERDUE"]
    carer = str(plan.carer)
    assert carer != "None"
    assert carer in overdue.message.sv
    assert carer in overdue.message.en


def test_a_thing_that_is_not_a_plan_is_named_in_both_languages() -> None:
    with pytest.raises(InvalidInput) as caught:
        check(Person(name="Eva Ek"), on=ON)  # type: ignore[arg-type]
    assert caught.value.explain("sv") == (
        "$: väntade SupportPlan, CoordinatedPlan eller ImplementationPlan, fick Person"
    )
