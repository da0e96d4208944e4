"""Properties of the discharge family over generated discharges."""

from __future__ import annotations

import json
import random as _random
from datetime import date, timedelta

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.discharge import (
    Checklist,
    ChecklistItem,
    Deadline,
    DeadlineKind,
    DischargePolicy,
    ItemStatus,
    check,
    checklist,
    is_valid,
)
from anhorig.serialization import document_types, from_json, json_schema, to_json
from anhorig.testing.strategies import breaking, instants
from anhorig.testing.strategies._discharge import (
    CleanDischarge,
    _Timeline,
    clean_discharges,
    discharge_policies,
)
from anhorig.testing.strategies._discharge_breaking import (
    BREAKABLE_DISCHARGE_CODES,
    broken_discharges,
)
from anhorig.time import day_interval, local

DISCHARGE_TYPES = sorted(
    (t for t in document_types().values() if t.__module__.startswith("anhorig.discharge")),
    key=lambda t: t.__name__,
)


@given(clean_discharges(), st.integers(0, 400))
def test_valid_by_construction_discharges_have_no_finding(case: CleanDischarge, later: int) -> None:
    """A clean discharge has no finding on any day from its judging day on."""
    report = check(case.process, on=case.on + timedelta(days=later))
    assert report.findings == (), report.explain("en")


@given(st.data())
def test_a_broken_discharge_gives_exactly_its_code(data: st.DataObject) -> None:
    """broken_discharges(code) breaks that rule and no other (all codes: test_self_checks)."""
    code = data.draw(st.sampled_from(BREAKABLE_DISCHARGE_CODES))
    process, on = data.draw(broken_discharges(code))
    assert check(process, on=on).codes == {code}


def test_every_discharge_rule_is_breakable_through_the_kit() -> None:
    """breaking() knows every DIS code, as the self-checks require of every family."""
    for code in BREAKABLE_DISCHARGE_CODES:
        assert breaking(code) is not None


@pytest.mark.parametrize("cls", DISCHARGE_TYPES, ids=lambda t: t.__name__)
def test_every_type_round_trips_and_matches_its_schema(cls: type) -> None:
    """from_json(to_json(x)) == x for every generated value; its JSON fits the schema."""
    schema = json_schema(cls)

    @given(st.from_type(cls))
    def round_trip(value: object) -> None:
        text = to_json(value)
        assert from_json(cls, text) == value
        jsonschema.validate(json.loads(text), schema)

    round_trip()


@given(clean_discharges(), st.data())
def test_check_never_raises_and_agrees_with_is_valid(
    case: CleanDischarge, data: st.DataObject
) -> None:
    """Under any policy, check returns a report and is_valid is exactly report.ok."""
    policy = data.draw(discharge_policies())
    on = data.draw(st.dates(case.on - timedelta(days=30), case.on + timedelta(days=60)))
    report = check(case.process, on=on, policy=policy)
    assert is_valid(case.process, on=on, policy=policy) is report.ok


@given(clean_discharges(carer=True), st.randoms(use_true_random=False))
def test_findings_do_not_depend_on_the_order_of_the_records(
    case: CleanDischarge, random: _random.Random
) -> None:
    """Consent records are a set to the engine: shuffled, the same findings."""
    records = list(case.process.records)
    random.shuffle(records)
    shuffled = attrs.evolve(case.process, records=tuple(records))
    day = case.on + timedelta(days=30)
    assert check(shuffled, on=day) == check(case.process, on=day)


@given(instants(min_value=date(2024, 1, 1), max_value=date(2031, 12, 31)), st.integers(1, 72))
def test_hour_deadlines_are_elapsed_hours(start: pendulum.DateTime, hours: int) -> None:
    """Across a DST change the interval is still exactly ``hours`` elapsed hours."""
    deadline = Deadline.of(
        DeadlineKind.ADMISSION_NOTICE, "", start, hours=hours, done_at=None, on=start.date()
    )
    assert deadline.runs.hours == hours


@given(instants(min_value=date(2024, 1, 1), max_value=date(2031, 12, 31)), st.integers(0, 10))
def test_day_deadlines_end_at_a_local_midnight(start: pendulum.DateTime, days: int) -> None:
    """'Within N days' ends when the last day ends in Stockholm: 23, 24 or 25 hours after it began."""
    last = date(start.year, start.month, start.day) + timedelta(days=days)
    deadline = Deadline.of(
        DeadlineKind.SIP_INVITATION, "", start, last_day=last, done_at=None, on=last
    )
    assert deadline.due == day_interval(last).end
    assert (deadline.due.hour, deadline.due.minute) == (0, 0)


@given(st.data(), st.integers(0, 59), st.integers(0, 2))
def test_a_transfer_can_follow_a_ready_notice_in_the_last_minute_of_the_day(
    data: st.DataObject, second: int, days: int
) -> None:
    """The kit drew st.integers(0, -1), and failed, when the ready notice came in the last
    minute of the discharge day (found by the whole suite, seed-dependent)."""
    ready = local(2026, 3, 28, 23, 59, second)  # the eve of the spring DST change
    timeline = _Timeline(
        admitted=ready,
        consent_at=ready,
        notice_at=ready,
        contact_at=ready,
        planning_at=ready,
        ready_at=ready,
        invitation_at=ready,
        discharge_on=date(2026, 3, 28) + timedelta(days=days),
    )
    sent = data.draw(st.composite(timeline.transfer_time)())
    assert ready <= sent < day_interval(timeline.discharge_on).end


@given(clean_discharges())
def test_a_clean_checklist_has_nothing_blocked_or_late(case: CleanDischarge) -> None:
    """Every item is numbered in order; nothing is overdue, late or without a basis."""
    sheet: Checklist = checklist(case.process, on=case.on)
    assert [item.order for item in sheet.items] == list(range(1, len(sheet.items) + 1))
    bad = {ItemStatus.BLOCKED, ItemStatus.LATE, ItemStatus.OVERDUE, ItemStatus.WITHOUT_BASIS}
    assert not {item.status for item in sheet.items} & bad
    assert sheet.report.findings == ()


@given(st.data())
def test_a_blocked_item_is_a_transfer_without_basis(data: st.DataObject) -> None:
    """A checklist item stopped for want of a basis carries the denied decision."""
    process, on = data.draw(broken_discharges("DIS-TRANSFER-NO-BASIS"))
    sheet = checklist(process, on=on)
    blocked: list[ChecklistItem] = [i for i in sheet.items if i.status is ItemStatus.BLOCKED]
    assert blocked
    assert all(any(not d.permitted for d in item.decisions) for item in blocked)


def test_the_policy_defaults_are_the_law() -> None:
    """24 hours, 3 days, 3 days; psychiatry unknown; the telephone not reliable."""
    policy = DischargePolicy()
    assert (policy.admission_notice_hours, policy.sip_invitation_days, policy.payment_days) == (
        24,
        3,
        3,
    )
    assert policy.psychiatric_payment_days is None
    assert "telephone" not in {c.value for c in policy.reliable_channels}
