"""Issue 12's respite cases, each written as the issue writes it, and the invariants
behind them: what an age group may be granted without a decision (Habo), växelvård
apart from korttid (Sunne), time away against time at home in the stays booked
(Högsby), and the municipality's riktlinjer cited as the municipality's."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.respite import (
    HABO,
    AgeCeiling,
    Quota,
    QuotaPeriod,
    QuotaUnit,
    RespiteKind,
    RespitePolicy,
    check_grant,
)
from anhorig.testing.strategies._respite import respite_grants, respite_policies

from ._helpers import grant

ON = date(2026, 5, 4)
DECISION_CODES = {"RESPITE-DECISION-REQUIRED", "RESPITE-DECISION-CEILING"}


def _hours(amount: int) -> Quota:
    return Quota(amount=amount, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)


# --- Habo: the age exemption covers the quota, not any amount (case 1) ----------------------


def test_habo_seventy_five_forty_hours_without_decision_is_a_finding() -> None:
    """Issue 12, case 1: "a cared-for person aged 75 with an in-home grant of 40 h/month
    and no decision gets no finding. The age exemption from a decision covers Habo's
    quota (20 h), not any amount." """
    aged_75 = Person(name="Aino Ström", birth_date=date(1951, 5, 4))
    assert aged_75.age_on(ON) == 75
    report = check_grant(grant(decision=False, amount=40, cared_for=aged_75), HABO, on=ON)
    assert report.codes == {"RESPITE-DECISION-CEILING"}
    assert not report.ok
    said = report.findings[0].message
    assert "75 år" in said.sv
    assert "Habo" in said.sv
    assert "högst 20 timmar per månad från 75 år" in said.sv
    assert "40 timmar per månad" in said.sv
    assert "at most 20 hours per month from age 75" in said.en
    # Habo's quota itself needs no decision at 75, and with a decision 40 h is in order.
    assert check_grant(grant(decision=False, amount=20, cared_for=aged_75), HABO, on=ON).ok
    assert check_grant(grant(amount=40, cared_for=aged_75), HABO, on=ON).ok


def test_habo_the_day_before_seventy_five_needs_a_decision_for_any_hours() -> None:
    """Under 75 Habo's avlösning must be applied for: a decision is required."""
    turns_75_tomorrow = Person(name="Aino Ström", birth_date=date(1951, 5, 5))
    report = check_grant(grant(decision=False, amount=20, cared_for=turns_75_tomorrow), HABO, on=ON)
    assert report.codes == {"RESPITE-DECISION-REQUIRED"}


def test_habo_ceiling_is_the_seeds_twenty_hours_from_seventy_five() -> None:
    """Habo's data from DOMAIN.md §6.1: 20 h/month, no beslut if aged 75+."""
    assert HABO.without_decision_by_age == (AgeCeiling(from_age=75, ceiling=_hours(20)),)
    assert HABO.age_ceiling(74) is None
    group = HABO.age_ceiling(98)
    assert group is not None
    assert group.ceiling == _hours(20)


def test_an_exemption_age_alone_covers_the_standard_quota_only() -> None:
    """A policy (or a document written before age groups) with only
    ``decision_exempt_from_age`` exempts the standard quota, not any amount; without a
    standard quota it exempts nothing."""
    legacy = RespitePolicy(
        municipality="Habo",
        kinds=HABO.kinds,
        standard_quota=_hours(20),
        decision_exempt_from_age=75,
    )
    old = Person(name="Aino Ström", birth_date=date(1940, 1, 1))
    assert check_grant(grant(decision=False, amount=20, cared_for=old), legacy, on=ON).ok
    over = check_grant(grant(decision=False, amount=21, cared_for=old), legacy, on=ON)
    assert over.codes == {"RESPITE-DECISION-CEILING"}
    bare = attrs.evolve(legacy, standard_quota=None)
    assert check_grant(grant(decision=False, amount=1, cared_for=old), bare, on=ON).codes == {
        "RESPITE-DECISION-REQUIRED"
    }


def test_age_groups_must_rise() -> None:
    """The age groups stand in increasing age, each age once; an age is at most 150."""
    with pytest.raises(InvalidInput) as caught:
        RespitePolicy(
            municipality="Exempel",
            without_decision_by_age=(
                AgeCeiling(from_age=80, ceiling=_hours(10)),
                AgeCeiling(from_age=80, ceiling=_hours(20)),
            ),
        )
    assert caught.value.paths == ("without_decision_by_age",)
    with pytest.raises(InvalidInput) as caught:
        AgeCeiling(from_age=151, ceiling=_hours(10))
    assert caught.value.paths == ("from_age",)


def _within(quota: Quota, ceiling: Quota) -> bool:
    return (quota.unit, quota.per) == (ceiling.unit, ceiling.per) and quota.amount <= ceiling.amount


@given(respite_policies(), respite_grants(), st.dates(date(2025, 1, 1), date(2029, 12, 31)))
def test_without_decision_exactly_what_the_age_group_or_everyone_gets(
    policy: RespitePolicy, drawn: object, on: date
) -> None:
    """A grant without a decision under a policy governing it has a decision finding
    exactly when it is beyond both the hours free to everyone and the ceiling of the
    oldest age group its person has reached; the ceiling finding only where a group
    applies."""
    from anhorig.respite import GrantBasis, RespiteGrant

    assert isinstance(drawn, RespiteGrant)
    g = attrs.evolve(drawn, basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT, decision_ref=None)
    policy = attrs.evolve(policy, kinds=frozenset({g.kind}))
    found = check_grant(g, policy, on=on).codes & DECISION_CODES
    person = g.cared_for
    age = person.age_on(on) if person.birth_date is not None else None
    groups = [a for a in policy.without_decision_by_age if age is not None and a.from_age <= age]
    exempt = policy.decision_exempt_from_age
    reached = exempt is not None and age is not None and age >= exempt
    if not groups and reached and exempt is not None and policy.standard_quota is not None:
        groups = [AgeCeiling(from_age=exempt, ceiling=policy.standard_quota)]
    allowed = _within(g.quota, _hours(policy.free_hours_without_decision)) or (
        bool(groups) and _within(g.quota, groups[-1].ceiling)
    )
    if allowed:
        assert not found
    elif groups:
        assert found == {"RESPITE-DECISION-CEILING"}
    else:
        assert found == {"RESPITE-DECISION-REQUIRED"}


@given(respite_grants(kinds=st.just(RespiteKind.IN_HOME)), st.integers(0, 700))
def test_more_hours_never_need_a_decision_less(drawn: object, amount: int) -> None:
    """Monotone: if a grant of some hours a month needs a decision under Habo, one hour
    more does too."""
    from anhorig.respite import GrantBasis, RespiteGrant

    assert isinstance(drawn, RespiteGrant)
    base = attrs.evolve(
        drawn,
        basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
        decision_ref=None,
        quota=_hours(amount),
    )
    more = attrs.evolve(base, quota=_hours(amount + 1))
    start = base.validity.start
    if check_grant(base, HABO, on=start).codes & DECISION_CODES:
        assert check_grant(more, HABO, on=start).codes & DECISION_CODES
