"""Property tests of the plan rules: valid plans check clean, one fault gives one code,
is_valid agrees with check, lifecycle steps keep plans valid, JSON round trips."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anhorig.errors import InvalidInput, RuleViolation
from anhorig.plans import (
    CoordinatedPlan,
    PlanStatus,
    SupportPlan,
    check,
    is_valid,
    validate,
)
from anhorig.serialization import from_json, json_schema, to_document, to_json
from anhorig.testing.strategies import (
    breakable_plan_codes,
    broken_plans,
    coordinated_plans,
    implementation_plans,
    plan_consents,
    plan_policies,
    support_plans,
)
from anhorig.testing.strategies._plans import type_strategies as plan_type_strategies

ON_DATES = st.dates(date(2001, 1, 1), date(2070, 12, 31))


def any_plan(on: date) -> st.SearchStrategy[Any]:
    return st.one_of(support_plans(on=on), coordinated_plans(on=on), implementation_plans(on=on))


@given(st.data(), ON_DATES)
def test_valid_plans_check_clean(data: st.DataObject, on: date) -> None:
    """A plan built valid by the strategies has no finding at all on its date."""
    plan = data.draw(any_plan(on))
    assert check(plan, on=on).findings == ()


@pytest.mark.parametrize("code", breakable_plan_codes())
@settings(max_examples=15)
@given(data=st.data(), on=ON_DATES)
def test_one_rule_broken_yields_exactly_that_code(code: str, data: st.DataObject, on: date) -> None:
    """A plan that breaks one named rule on purpose gets that code and no other."""
    plan = data.draw(broken_plans(code, on=on))
    assert check(plan, on=on).codes == {code}


@given(st.data(), ON_DATES)
def test_is_valid_and_validate_agree_with_check(data: st.DataObject, on: date) -> None:
    """is_valid is true exactly when check has no errors, and validate raises exactly then."""
    code = data.draw(st.sampled_from(breakable_plan_codes()))
    plan = data.draw(st.one_of(any_plan(on), broken_plans(code, on=on)))
    report = check(plan, on=on)
    assert is_valid(plan, on=on) == report.ok
    if report.ok:
        assert validate(plan, on=on) is plan
    else:
        with pytest.raises(RuleViolation) as info:
            validate(plan, on=on)
        assert info.value.report == report


@given(st.data(), ON_DATES, plan_policies())
def test_check_never_raises_under_any_policy(data: st.DataObject, on: date, policy: Any) -> None:
    """check returns a report for any plan, any date and any policy; it never raises."""
    plan = data.draw(any_plan(on))
    later = data.draw(ON_DATES)
    report = check(plan, on=later, policy=policy)
    assert is_valid(plan, on=later, policy=policy) == report.ok


_STEPS = ("agree", "activate", "start_review", "complete_review", "close")


@given(st.data(), ON_DATES, st.sampled_from(_STEPS), st.integers(0, 400), st.booleans())
def test_lifecycle_steps_never_produce_an_invalid_plan(
    data: st.DataObject, on: date, step: str, later_days: int, sip: bool
) -> None:
    """A lifecycle step of a stödplan or a SIP either raises RuleViolation (or InvalidInput
    for an impossible date) or returns a new plan that passes every rule of its new
    status on the day of the step."""
    from datetime import timedelta

    plan: SupportPlan | CoordinatedPlan
    plan = data.draw(coordinated_plans(on=on)) if sip else data.draw(support_plans(on=on))
    when = on + timedelta(days=later_days)
    kwargs: dict[str, Any] = {"on": when}
    if step == "agree":
        kwargs["follow_up"] = data.draw(st.dates(when, when + timedelta(days=500)))
        if isinstance(plan, SupportPlan):
            kwargs["signatures"] = plan.signatures
    if step == "complete_review":
        kwargs["next_follow_up"] = data.draw(st.dates(when, when + timedelta(days=500)))
    try:
        moved = getattr(plan, step)(**kwargs)
    except RuleViolation as exc:
        refused = exc.report
        assert not refused.ok
        return
    except InvalidInput:
        return  # e.g. closing before the plan was created: structure refuses it
    assert moved is not plan
    assert type(moved) is type(plan)
    assert check(moved, on=when).ok
    assert moved.status in {
        PlanStatus.AGREED,
        PlanStatus.ACTIVE,
        PlanStatus.UNDER_REVIEW,
        PlanStatus.CLOSED,
    }


_TYPES_AND_STRATEGIES: list[tuple[type, st.SearchStrategy[Any]]] = sorted(
    plan_type_strategies().items(), key=lambda item: item[0].__name__
)


@pytest.mark.parametrize(
    ("cls", "strategy"), _TYPES_AND_STRATEGIES, ids=lambda x: getattr(x, "__name__", "")
)
@settings(max_examples=25)
@given(data=st.data())
def test_json_round_trip_and_schema(
    cls: type, strategy: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    """Every generated plan survives to_json/from_json unchanged and its document
    validates against the exported JSON Schema."""
    obj = data.draw(strategy)
    assert from_json(cls, to_json(obj)) == obj
    jsonschema.validate(to_document(obj), json_schema(cls))


@given(plan_consents(), plan_policies())
def test_consent_and_policy_round_trip(consent: Any, policy: Any) -> None:
    """Consent records and policies round-trip through JSON and match their schemas."""
    for obj in (consent, policy):
        assert from_json(type(obj), to_json(obj)) == obj
        jsonschema.validate(to_document(obj), json_schema(type(obj)))


@given(st.data(), ON_DATES)
def test_personal_data_masked_in_repr_and_findings(data: st.DataObject, on: date) -> None:
    """Neither a plan's repr nor any finding message shows a full personnummer or a full name."""
    code = data.draw(
        st.sampled_from([c for c in breakable_plan_codes() if not c.startswith("IMPL")])
    )
    plan = data.draw(broken_plans(code, on=on))
    people = [plan.carer, plan.cared_for] if isinstance(plan, SupportPlan) else [plan.individual]
    text = repr(plan) + "\n".join(
        f.message.in_(lang) for f in check(plan, on=on) for lang in ("sv", "en")
    )
    for person in people:
        assert person.id is not None
        assert person.id.value not in text
        assert person.name not in text


@given(st.data(), ON_DATES)
def test_consent_oracle_decides_coverage(data: st.DataObject, on: date) -> None:
    """With a consent oracle, coverage is the oracle's answer, not the plan's records."""

    class Nobody:
        def covers(self, subject: Any, purpose: Any, *, on: date) -> bool:
            return False

    class Everybody:
        def covers(self, subject: Any, purpose: Any, *, on: date) -> bool:
            return True

    plan = data.draw(support_plans(on=on, statuses=st.just(PlanStatus.ACTIVE)))
    assert "PLAN-NO-CARER-CONSENT" in check(plan, on=on, consent_oracle=Nobody()).codes
    bare = attrs.evolve(plan, consents=())
    assert check(bare, on=on, consent_oracle=Everybody()).findings == ()
