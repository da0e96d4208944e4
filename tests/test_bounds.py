"""Upper bounds on amounts, counts, ages and days: the largest value is accepted, one
more is refused with ``InvalidInput`` naming the field, in Python and in JSON.

The cases are checked against the table in ``docs/reference/documents.md`` so the
documented bounds and the enforced ones cannot drift apart, and against the document
types so no whole-number field goes without a bound.
"""

from __future__ import annotations

import json
import re
import typing
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from anhorig import InvalidInput
from anhorig.bounds import INTEROP_INTEGER, bound_text
from anhorig.consent import DecisionPolicy
from anhorig.discharge import (
    ChecklistItem,
    DischargePolicy,
    ItemStatus,
    PaymentResponsibility,
    Step,
)
from anhorig.language import Text
from anhorig.law import LegalRef, Source
from anhorig.people import Person
from anhorig.plans import PlanPolicy
from anhorig.respite import (
    AgeCeiling,
    AlternatingPattern,
    Balance,
    CarryOver,
    GrantBasis,
    Occupancy,
    Provider,
    ProviderKind,
    Quota,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    RespitePolicy,
    ShortStayUnit,
    hotel_stay,
    max_quota,
)
from anhorig.serialization import document_types, from_json, to_document
from anhorig.time import Period, local

DOCS = Path(__file__).resolve().parent.parent / "docs"
TEN_DAYS = Period(date(2026, 1, 1), date(2026, 1, 11))


def _grant(quota: Quota) -> RespiteGrant:
    return RespiteGrant(
        id="G-1",
        kind=RespiteKind.IN_HOME,
        basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
        quota=quota,
        validity=TEN_DAYS,
        cared_for=Person(name="Karin Berg", birth_date=date(1940, 5, 1)),
    )


def _balance() -> Balance:
    return Balance(
        grant_id="G-1",
        period=TEN_DAYS,
        unit=QuotaUnit.HOURS,
        granted=0,
        carried_over=0,
        used=0,
        reserved=0,
        remaining=0,
        over_quota=0,
        charged=False,
    )


class Case(typing.NamedTuple):
    """``field`` (a dotted path) of ``base()`` is at most ``most``; ``when`` is what the
    documentation's table says about the case (empty when the bound is unconditional)."""

    name: str
    base: Callable[[], Any]
    field: str
    most: int
    when: str = ""


def _quota_case(unit: QuotaUnit, per: QuotaPeriod) -> Case:
    return Case(
        "Quota.amount",
        lambda: Quota(amount=0, unit=unit, per=per),
        "amount",
        max_quota(unit, per),
        f"{unit.value} per {per.value}",
    )


def _policy(**changes: Any) -> Callable[[], RespitePolicy]:
    return lambda: RespitePolicy(municipality="Exempel", **changes)


def _payment() -> PaymentResponsibility:
    return PaymentResponsibility(
        starts_on=date(2026, 1, 4),
        counted_from=date(2026, 1, 1),
        days=3,
        reason=Text(sv="Tre dagar efter meddelandet", en="Three days after the notice"),
    )


def _checklist_item() -> ChecklistItem:
    return ChecklistItem(
        order=1,
        step=Step.CONTINGENCY,
        who=Text(sv="K. B.", en="K. B."),
        status=ItemStatus.OPEN,
    )


CASES: tuple[Case, ...] = (
    *(_quota_case(u, p) for u in QuotaUnit for p in QuotaPeriod),
    Case(
        "RespiteGrant.quota.amount",
        lambda: _grant(Quota(amount=0, unit=QuotaUnit.HOURS, per=QuotaPeriod.VALIDITY)),
        "quota.amount",
        240,
        "hours per validity, 10 days",
    ),
    Case(
        "RespiteGrant.quota.amount",
        lambda: _grant(Quota(amount=0, unit=QuotaUnit.DYGN, per=QuotaPeriod.VALIDITY)),
        "quota.amount",
        10,
        "dygn per validity, 10 days",
    ),
    Case(
        "RespitePolicy.free_hours_without_decision", _policy(), "free_hours_without_decision", 744
    ),
    Case("RespitePolicy.decision_exempt_from_age", _policy(), "decision_exempt_from_age", 150),
    Case(
        "AgeCeiling.from_age",
        lambda: AgeCeiling(
            from_age=0, ceiling=Quota(amount=20, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)
        ),
        "from_age",
        150,
    ),
    Case("RespitePolicy.notice", _policy(), "notice", 365),
    Case("RespitePolicy.short_notice_allowance", _policy(), "short_notice_allowance", 366),
    Case(
        "RespitePolicy.carry_over_cap",
        _policy(carry_over=CarryOver.CAPPED, carry_over_cap=0),
        "carry_over_cap",
        8784,
    ),
    Case("RespitePolicy.day_ends_at", _policy(), "day_ends_at", 24),
    Case("RespitePolicy.max_consecutive_dygn", _policy(), "max_consecutive_dygn", 366),
    Case("RespitePolicy.max_dygn_per_month", _policy(), "max_dygn_per_month", 31),
    Case("RespitePolicy.late_cancellation_hours", _policy(), "late_cancellation_hours", 8760),
    Case("RespitePolicy.min_carer_age", _policy(), "min_carer_age", 150),
    Case("RespitePolicy.min_cared_for_age", _policy(), "min_cared_for_age", 150),
    Case(
        "RespitePolicy.standard_quota.amount",
        _policy(standard_quota=Quota(amount=0, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)),
        "standard_quota.amount",
        744,
        "hours per month",
    ),
    Case(
        "ShortStayUnit.beds",
        lambda: ShortStayUnit(id="U", name="Tallbacken", beds=1),
        "beds",
        10_000,
    ),
    Case(
        "Occupancy.beds",
        lambda: Occupancy(unit_id="U", night=date(2026, 1, 1), beds=1, occupied=0),
        "beds",
        10_000,
    ),
    Case(
        "Occupancy.occupied",
        lambda: Occupancy(unit_id="U", night=date(2026, 1, 1), beds=1, occupied=0),
        "occupied",
        INTEROP_INTEGER,
    ),
    *(
        Case(f"Balance.{name}", _balance, name, INTEROP_INTEGER)
        for name in ("granted", "carried_over", "used", "reserved", "remaining", "over_quota")
    ),
    Case(
        "AlternatingPattern.home_days",
        lambda: AlternatingPattern(home_days=21, away_days=7),
        "home_days",
        366,
    ),
    Case(
        "AlternatingPattern.away_days",
        lambda: AlternatingPattern(home_days=21, away_days=7),
        "away_days",
        366,
    ),
    Case(
        "AlternatingPattern.arrive_hour",
        lambda: AlternatingPattern(home_days=21, away_days=7),
        "arrive_hour",
        23,
    ),
    Case(
        "AlternatingPattern.leave_hour",
        lambda: AlternatingPattern(home_days=21, away_days=7),
        "leave_hour",
        23,
    ),
    Case(
        "AlternatingPattern.max_dygn_per_month",
        lambda: AlternatingPattern(home_days=21, away_days=7),
        "max_dygn_per_month",
        31,
    ),
    Case("PlanPolicy.follow_up_interval_months", PlanPolicy, "follow_up_interval_months", 60),
    Case(
        "PlanPolicy.sip_follow_up_interval_months", PlanPolicy, "sip_follow_up_interval_months", 60
    ),
    Case("PlanPolicy.discharge_invitation_days", PlanPolicy, "discharge_invitation_days", 365),
    Case("DecisionPolicy.child_decides_from_age", DecisionPolicy, "child_decides_from_age", 18),
    Case("DecisionPolicy.child_consents_from_age", DecisionPolicy, "child_consents_from_age", 18),
    Case("DecisionPolicy.harm_assessment_days", DecisionPolicy, "harm_assessment_days", 365),
    *(
        Case(f"DischargePolicy.{name}", DischargePolicy, name, 365)
        for name in (
            "sip_invitation_days",
            "payment_days",
            "psychiatric_payment_days",
            "support_offer_days",
            "stage_information_days",
        )
    ),
    Case("DischargePolicy.admission_notice_hours", DischargePolicy, "admission_notice_hours", 8760),
    Case("DischargePolicy.payment_cutoff_hour", DischargePolicy, "payment_cutoff_hour", 23),
    Case("PaymentResponsibility.days", _payment, "days", 365),
    Case("ChecklistItem.order", _checklist_item, "order", INTEROP_INTEGER),
    Case("LegalRef.chapter", lambda: LegalRef(act="SoL", sfs="2001:453"), "chapter", 999),
    Case("Source.year", lambda: Source(key="k", title="En källa"), "year", 9999),
)


HOURS_OF_THE_DAY = {
    "RespitePolicy.day_ends_at",
    "AlternatingPattern.arrive_hour",
    "AlternatingPattern.leave_hour",
    "DischargePolicy.payment_cutoff_hour",
}
"""Bounded by the clock, with messages of their own (an hour 0–24 or 0–23)."""


def _evolve(obj: Any, path: str, value: int) -> Any:
    head, _, rest = path.partition(".")
    inner = _evolve(getattr(obj, head), rest, value) if rest else value
    return attrs.evolve(obj, **{head: inner})


def _written(document: dict[str, Any], path: str) -> str:
    """``path`` of an attribute as the document names it: a `Balance`'s ``granted`` is
    ``granted_seconds`` (or ``granted_dygn``) in its document (issue 17)."""
    *parents, last = path.split(".")
    node = document
    for key in parents:
        node = node[key]
    if last not in node:
        (last,) = [k for k in node if k.startswith(f"{last}_")]
    return ".".join([*parents, last])


def _document(obj: Any, path: str, value: int) -> str:
    document = to_document(obj)
    *parents, last = _written(document, path).split(".")
    node = document
    for key in parents:
        node = node[key]
    node[last] = value
    return json.dumps(document)


def _id(case: Case) -> str:
    return f"{case.name}[{case.when}]" if case.when else case.name


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_bound_itself_is_accepted(case: Case) -> None:
    built = _evolve(case.base(), case.field, case.most)
    assert from_json(type(built), _document(case.base(), case.field, case.most)) == built


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_one_more_is_refused_by_the_constructor(case: Case) -> None:
    with pytest.raises(InvalidInput) as caught:
        _evolve(case.base(), case.field, case.most + 1)
    # Nested objects are built first: the inner one names its own field.
    assert caught.value.paths in ((case.field,), (case.field.rsplit(".", 1)[-1],))
    if case.name in HOURS_OF_THE_DAY:
        assert f"0–{case.most} (fick {case.most + 1})" in caught.value.explain("sv")
    else:
        assert f"högst {bound_text(case.most)} " in caught.value.explain("sv")
        assert f"at most {bound_text(case.most)} " in caught.value.explain("en")


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_one_more_is_refused_by_from_json(case: Case) -> None:
    with pytest.raises(InvalidInput) as caught:
        from_json(None, _document(case.base(), case.field, case.most + 1))
    assert caught.value.paths == (f"$.{_written(to_document(case.base()), case.field)}",)
    if case.most + 1 < 10**9:
        assert f"fick {case.most + 1}" in caught.value.explain("sv")
        assert f"got {case.most + 1}" in caught.value.explain("en")
    else:
        assert "fick ett tal med fler än nio siffror" in caught.value.explain("sv")
        assert "got a number of more than nine digits" in caught.value.explain("en")


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_a_4000_digit_number_is_refused_without_being_quoted(case: Case) -> None:
    huge = 10**3999
    with pytest.raises(InvalidInput) as in_python:
        _evolve(case.base(), case.field, huge)
    with pytest.raises(InvalidInput) as in_json:
        from_json(None, _document(case.base(), case.field, huge))
    assert in_json.value.paths == (f"$.{_written(to_document(case.base()), case.field)}",)
    for caught in (in_python, in_json):
        for lang in ("sv", "en"):
            assert "0000000000" not in caught.value.explain(lang)
    if case.name not in HOURS_OF_THE_DAY:
        assert "fler än nio siffror" in in_json.value.explain("sv")


def test_a_policy_at_every_bound_at_once_round_trips() -> None:
    policy = RespitePolicy(
        municipality="Exempel",
        standard_quota=Quota(amount=744, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
        free_hours_without_decision=744,
        decision_exempt_from_age=150,
        notice=365,
        short_notice_allowance=366,
        carry_over=CarryOver.CAPPED,
        carry_over_cap=8784,
        max_consecutive_dygn=366,
        max_dygn_per_month=31,
        late_cancellation_hours=8760,
        min_carer_age=150,
        min_cared_for_age=150,
    )
    assert from_json(RespitePolicy, json.dumps(to_document(policy))) == policy


def test_every_bad_bound_of_a_policy_is_named_at_once() -> None:
    with pytest.raises(InvalidInput) as caught:
        RespitePolicy(municipality="Exempel", notice=366, min_carer_age=151, max_dygn_per_month=32)
    assert set(caught.value.paths) == {"notice", "min_carer_age", "max_dygn_per_month"}


def test_a_grant_quota_over_its_validity_names_the_quota_and_the_days() -> None:
    with pytest.raises(InvalidInput) as caught:
        _grant(Quota(amount=241, unit=QuotaUnit.HOURS, per=QuotaPeriod.VALIDITY))
    assert caught.value.explain("sv") == (
        "quota.amount: får vara högst 240 (timmar under giltighetstiden, 10 dygn × 24), fick 241"
    )
    assert caught.value.explain("en") == (
        "quota.amount: must be at most 240 (hours in the validity, 10 × 24), got 241"
    )


def test_a_monthly_quota_is_not_bounded_by_a_short_validity() -> None:
    # A grant of ten days may hold a month's quota: proration counts the part.
    grant = _grant(Quota(amount=744, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH))
    assert grant.quota.amount == 744


PROVIDER = Provider(name="Tallbacken", kind=ProviderKind.MUNICIPALITY)


def _stay(nights: Any) -> Any:
    return hotel_stay(
        grant_id="G",
        unit_id="U",
        arrive=date(2026, 6, 1),
        nights=nights,
        booking_id="H-1",
        made_at=local(2026, 5, 1),
        provider=PROVIDER,
    )


def test_a_hotel_stay_is_at_most_a_year() -> None:
    assert _stay(366).interval.end.date() == date(2027, 6, 2)
    with pytest.raises(InvalidInput) as caught:
        _stay(367)
    assert caught.value.paths == ("nights",)
    assert "högst 366" in caught.value.explain("sv")
    with pytest.raises(InvalidInput) as huge:
        _stay(10**5000)  # past what even str() of an int may print
    assert huge.value.paths == ("nights",)
    with pytest.raises(InvalidInput) as negative:
        _stay(-(10**5000))
    assert "nine digits" in negative.value.explain("en")
    with pytest.raises(InvalidInput):
        _stay(True)


# --- the documentation and the code agree ------------------------------------------------

_ROW = re.compile(r"^\| `(?P<name>[\w.]+)` \| (?P<when>[^|]*) \| (?P<most>[^|]+) \|")


def _documented(page: str) -> set[tuple[str, str, int]]:
    text = (DOCS / page).read_text(encoding="utf-8")
    section = text.split("## Upper bounds", 1)[1].split("\n## ", 1)[0]
    rows = set()
    for line in section.splitlines():
        match = _ROW.match(line)
        if match:
            most = match["most"].strip()
            value = INTEROP_INTEGER if most == "2⁵³ − 1" else int(most.replace(",", ""))
            rows.add((match["name"], match["when"].strip(), value))
    return rows


RESPITE = (
    "Quota",
    "AgeCeiling",
    "RespitePolicy",
    "ShortStayUnit",
    "Occupancy",
    "Balance",
    "AlternatingPattern",
)


def test_the_documented_bounds_are_the_enforced_ones() -> None:
    # Nested cases repeat a Quota's bound; the grant's own is stated below the table.
    enforced = {(c.name, c.when, c.most) for c in CASES if c.name.count(".") == 1}
    assert _documented("reference/documents.md") == enforced
    respite = {row for row in enforced if row[0].split(".")[0] in RESPITE}
    assert _documented("respite/reference.md") == respite


def test_every_whole_number_field_of_a_document_has_a_bound() -> None:
    # The day starts before it ends, so day_ends_at bounds day_starts_at.
    # Rule.domain holds DOMAIN.md rule numbers, 1-32 by its own validator.
    bounded = {c.name for c in CASES} | {"RespitePolicy.day_starts_at", "Rule.domain"}
    found = set()
    for name, cl in document_types().items():
        for field in attrs.fields(attrs.resolve_types(cl)):
            if field.init and (field.type is int or int in typing.get_args(field.type)):
                found.add(f"{name}.{field.name}")
    assert found <= bounded, sorted(found - bounded)
