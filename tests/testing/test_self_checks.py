"""The testing kit checks itself: every rule can be broken on purpose, and each broken
case yields exactly its rule's code."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.findings import Report, catalogue
from anhorig.testing.strategies import (
    UNBREAKABLE,
    Broken,
    breakable_codes,
    breaking,
    clean_ledgers,
)

# Rules that can be broken on purpose but have no breaker yet (issue 6: none left). The
# test below fails when one gets a breaker (remove it here) or a new rule arrives without one.
NO_BREAKER_YET: frozenset[str] = frozenset()


def test_every_catalogue_rule_can_be_broken_or_says_why_not() -> None:
    """Each rule has a breaking strategy, or an entry in UNBREAKABLE with its reason,
    or is one of the known gaps listed above."""
    codes = {rule.code for rule in catalogue()}
    missing = codes - set(breakable_codes()) - set(UNBREAKABLE)
    assert missing == NO_BREAKER_YET, sorted(missing ^ NO_BREAKER_YET)
    assert set(breakable_codes()) <= codes
    assert set(UNBREAKABLE) <= codes
    assert all(reason.strip() for reason in UNBREAKABLE.values())


@pytest.mark.parametrize("code", breakable_codes())
def test_each_broken_case_yields_exactly_its_code(code: str) -> None:
    """breaking(code) gives cases whose report has that code and no other."""

    @given(breaking(code))
    def exactly(case: Broken[object]) -> None:
        assert case.code == code
        assert case.report().codes == {code}

    exactly()


def test_unknown_codes_are_refused() -> None:
    """A code outside the catalogue is an InvalidArgument, as in hypothesis."""
    with pytest.raises(InvalidArgument, match="not a rule in the catalogue"):
        breaking("NO-SUCH-RULE")


@given(st.data())
def test_broken_cases_round_trip(data: st.DataObject) -> None:
    """What a broken case holds is a document like any other."""
    from anhorig import from_json, to_json

    case = data.draw(breaking(data.draw(st.sampled_from(breakable_codes()))))
    # A ledger and a booking; a request and its records (a tuple of them).
    parts = case.thing if isinstance(case.thing, tuple) else (case.thing,)
    for part in parts:
        for one in part if isinstance(part, tuple) else (part,):
            assert from_json(type(one), to_json(one)) == one


def _clean_cases() -> list[tuple[str, st.SearchStrategy[tuple[object, Any]]]]:
    from anhorig.consent.checks import check as check_consent
    from anhorig.plans import check as check_plan
    from anhorig.relations import check as check_relation
    from anhorig.respite import check as check_ledger
    from anhorig.testing.strategies import (
        clean_ledgers,
        consents,
        coordinated_plans,
        implementation_plans,
        relationships,
        support_plans,
    )
    from anhorig.testing.strategies._plans import DEFAULT_ON

    def relation(thing: Any) -> Report:
        return check_relation(thing, on=date(2026, 11, 22))

    def consent(thing: Any) -> Report:
        # Judged on the day it is documented: given at 23:59 and written down a few
        # minutes later, it is rightly not yet documented at the end of its first day.
        documented = thing.evidence.documented_at or thing.valid_from
        return check_consent(thing, on=max(documented, thing.valid_from).date())

    def plan(thing: Any) -> Report:
        return check_plan(thing, on=DEFAULT_ON)

    def ledger(thing: Any) -> Report:
        return check_ledger(thing, on=date(2026, 1, 1))

    return [
        ("relationships", st.tuples(relationships(), st.just(relation))),
        ("consents", st.tuples(consents(), st.just(consent))),
        ("support_plans", st.tuples(support_plans(on=DEFAULT_ON), st.just(plan))),
        ("coordinated_plans", st.tuples(coordinated_plans(on=DEFAULT_ON), st.just(plan))),
        ("implementation_plans", st.tuples(implementation_plans(on=DEFAULT_ON), st.just(plan))),
        ("clean_ledgers", st.tuples(clean_ledgers(), st.just(ledger))),
    ]


@pytest.mark.parametrize(("name", "cases"), _clean_cases(), ids=[n for n, _ in _clean_cases()])
def test_valid_strategies_check_clean(
    name: str, cases: st.SearchStrategy[tuple[object, Any]]
) -> None:
    """What a valid-by-construction strategy generates has no error finding."""

    @given(cases)
    def clean(case: tuple[object, Any]) -> None:
        thing, check = case
        assert check(thing).ok, (name, check(thing).explain("en"))

    clean()


@given(st.data())
def test_clean_ledgers_have_no_finding_at_all(data: st.DataObject) -> None:
    """Not even a warning or a note: every kind, växelvård and a shared unit included,
    judged whole and booking by booking on the day before the first entry."""
    from anhorig.respite import RespiteKind, check, check_booking

    kinds = data.draw(st.lists(st.sampled_from(RespiteKind), min_size=1, unique=True))
    ledger = data.draw(clean_ledgers(kinds=kinds))
    assert {grant.kind for grant in ledger.grants} <= set(kinds)
    on = date(2026, 1, 1)
    report = check(ledger, on=on)
    assert report.findings == (), report.explain("en")
    for grant in ledger.grants:
        event(f"kind booked: {grant.kind.value}")
    for entry in ledger.entries:
        assert check_booking(ledger, entry, on=on).findings == ()  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["in_home", "short_stay", "day_care", "emergency", "växelvård"])
def test_clean_ledgers_book_every_kind(kind: str) -> None:
    """Coverage cannot be lost silently: for each kind (and a växelvård rhythm) some
    clean ledger books it, with at least two bookings of it."""
    from hypothesis import Phase, find, settings

    from anhorig.respite import Booking, Ledger

    def booked(ledger: Ledger) -> int:
        return sum(
            1
            for entry in ledger.entries
            if isinstance(entry, Booking)
            and (
                entry.grant_id == "V-1"
                if kind == "växelvård"
                else entry.grant_id != "V-1" and ledger.grant(entry.grant_id).kind.value == kind
            )
        )

    # No shrinking: any example will do, and shrinking one costs seconds.
    example = find(
        clean_ledgers(),
        lambda ledger: booked(ledger) >= 2,
        settings=settings(phases=[Phase.generate], database=None, max_examples=200),
    )
    assert booked(example) >= 2


def test_clean_ledgers_refuse_no_kinds() -> None:
    """An empty choice of kinds is an InvalidArgument, as in hypothesis."""

    @given(clean_ledgers(kinds=[]))
    def draw(ledger: object) -> None:
        raise AssertionError("unreachable: the strategy refuses to draw")

    with pytest.raises(InvalidArgument, match="kinds"):
        draw()
