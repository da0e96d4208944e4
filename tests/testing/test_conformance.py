"""Conformance runs find a deliberately wrong vendor implementation and pass a right one,
including a vendor that only reads anhorig's JSON documents."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.relations import ChildRelative, Relationship, check
from anhorig.testing.conformance import conform, relation_codes, via_json
from anhorig.testing.strategies import dates, relationships


def _vendor_from_json(document: str, on: date, *, overdue_inclusive: bool) -> set[str]:
    """A vendor's own relationship rules, written against the JSON document only."""
    data = json.loads(document)
    day = on.isoformat()
    codes: set[str] = set()
    if data["type"] == "ChildRelative":
        born = data["child"]["birth_date"]
        if born is not None:
            eighteen = f"{int(born[:4]) + 18}{born[4:]}"
            is_child = (
                day < eighteen if born[5:] != "02-29" else day < f"{int(born[:4]) + 18}-03-01"
            )
            household = data["adult_is_parent"] or data["lives_with_adult"]
            if is_child and household and data["conditions"]:
                codes.add("REL-CHILD-NEEDS-SUPPORT")
        return codes
    recorded = [inv for inv in data["involvements"] if inv["recorded_on"] <= day]
    if not recorded:
        codes.add("REL-INVOLVEMENT-MISSING")
    else:
        current = recorded[-1]
        late = (
            current["reconfirm_by"] <= day if overdue_inclusive else current["reconfirm_by"] < day
        )
        if late:
            codes.add("REL-INVOLVEMENT-OVERDUE")
        if not current["willing"]:
            codes.add("REL-CARER-NOT-WILLING")
    born = data["carer"]["birth_date"]
    if born is not None:
        eighteen = (
            f"{int(born[:4]) + 18}{born[4:]}"
            if born[5:] != "02-29"
            else f"{int(born[:4]) + 18}-03-01"
        )
        if day < eighteen:
            codes.add("REL-CHILD-CARER")
    return codes


def test_a_right_json_vendor_conforms() -> None:
    """A vendor reading JSON and applying the rules as written agrees on every case."""
    report = relation_codes(
        lambda thing, on: _vendor_from_json_call(thing, on, overdue_inclusive=False),
        max_examples=150,
    )
    report.assert_ok()
    assert report.examples >= 150
    assert "inga avvikelser" in report.explain("sv")


def _vendor_from_json_call(
    thing: Relationship | ChildRelative, on: date, *, overdue_inclusive: bool
) -> set[str]:
    call = via_json(
        lambda text, day: _vendor_from_json(text, day, overdue_inclusive=overdue_inclusive)
    )
    return call((thing, on))


def test_an_off_by_one_vendor_is_caught_with_a_minimal_counterexample() -> None:
    """Treating the reconfirm date itself as overdue is found, shrunk to a case where the
    date judged is exactly the reconfirm date, with both answers shown."""
    report = relation_codes(
        lambda thing, on: _vendor_from_json_call(thing, on, overdue_inclusive=True),
        max_examples=200,
        max_kinds=1,
        seed=20261122,
    )
    assert not report.ok
    example = report.counterexamples[0]
    thing, on = example.case
    assert isinstance(thing, Relationship)
    current = thing.involvement_on(on)
    assert current is not None
    assert current.reconfirm_by == on
    assert example.actual is not None
    assert example.actual - example.expected == {"REL-INVOLVEMENT-OVERDUE"}
    with pytest.raises(AssertionError, match="disagreement"):
        report.assert_ok()
    assert "leverantör:" in report.explain("sv")


def test_a_vendor_that_raises_is_reported_by_exception_type() -> None:
    """Exceptions in the vendor's code are counterexamples too, kept apart from wrong answers."""

    def fragile(thing: Relationship | ChildRelative, on: date) -> set[str]:
        if isinstance(thing, Relationship) and thing.lives_together is None:
            raise KeyError("lives_together")
        return set(check(thing, on=on).codes) - {"REL-CHILD-CARER"}

    report = relation_codes(fragile, max_examples=100, max_kinds=2, shrink=False, seed=1)
    kinds = {("raised" if c.error else "answer") for c in report.counterexamples}
    assert kinds == {"raised", "answer"}
    raised = next(c for c in report.counterexamples if c.error)
    assert raised.error is not None
    assert raised.error.startswith("KeyError")
    assert raised.actual is None


def test_conform_is_generic() -> None:
    """Any pair of functions over any strategy: here, a working-day counter."""
    from anhorig.time import working_days_between

    def naive(case: tuple[date, date]) -> int:
        start, end = case
        return sum(1 for i in range((end - start).days) if (start.toordinal() + i) % 7 < 5)

    cases = st.tuples(
        dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
        dates(min_value=date(2026, 1, 1), max_value=date(2026, 12, 31)),
    ).map(lambda pair: (min(pair), max(pair)))
    report = conform(naive, lambda c: working_days_between(*c), cases, max_examples=200)
    assert not report.ok  # the naive counter forgets Swedish public holidays
    start, end = report.counterexamples[0].case
    assert report.counterexamples[0].expected == working_days_between(start, end)


def test_bad_arguments_are_refused() -> None:
    """max_examples must be positive, as in hypothesis."""
    with pytest.raises(InvalidArgument):
        conform(str, str, relationships(), max_examples=0)
