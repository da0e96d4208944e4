"""The testing kit's respite strategies: public names, bad arguments, from_type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.people import Person
from anhorig.respite import (
    GrantBasis,
    Ledger,
    Quota,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    check_booking,
)
from anhorig.testing import strategies
from anhorig.testing.strategies import (
    BREAKABLE,
    BrokenBooking,
    _respite,
    bookings,
    ledgers,
    quotas,
    respite_grants,
    rule_breaking_bookings,
)
from anhorig.time import Period


def test_public_names_are_re_exported() -> None:
    """Every public respite strategy is in ``anhorig.testing.strategies.__all__``."""
    public = set(_respite.__all__) - {"type_strategies"}
    assert public <= set(strategies.__all__)


@pytest.mark.parametrize(
    "make",
    [
        lambda: quotas(max_amount=-1),
        lambda: respite_grants(max_days=0),
        lambda: respite_grants(min_start=date(2030, 1, 1), max_start=date(2020, 1, 1)),
        lambda: ledgers(max_grants=0),
        lambda: ledgers(max_entries=-1),
    ],
)
def test_bad_arguments_raise_invalid_argument(
    make: Callable[[], st.SearchStrategy[object]],
) -> None:
    """Bad bounds raise hypothesis' ``InvalidArgument`` when drawn."""

    @given(st.data())
    def draw(data: st.DataObject) -> None:
        data.draw(make())

    with pytest.raises(InvalidArgument):
        draw()


@given(st.from_type(Ledger), st.from_type(RespiteGrant))
def test_from_type_is_registered(ledger: Ledger, grant: RespiteGrant) -> None:
    """``st.from_type`` finds the respite strategies through the entry point."""
    assert isinstance(ledger, Ledger)
    assert isinstance(grant, RespiteGrant)


@given(rule_breaking_bookings())
def test_rule_breaking_bookings_break_their_rule(broken: BrokenBooking) -> None:
    """Each generated case breaks the rule it is labelled with."""
    report = check_booking(broken.ledger, broken.booking, on=broken.on)
    assert broken.code in report.codes, report.explain("en")


@pytest.mark.parametrize("code", BREAKABLE)
def test_every_breakable_code_is_reached(code: str) -> None:
    """Asked for one code, the strategy breaks exactly that rule (and maybe others)."""

    @settings(max_examples=10)
    @given(rule_breaking_bookings(codes=[code]))
    def check(broken: BrokenBooking) -> None:
        assert broken.code == code
        assert code in check_booking(broken.ledger, broken.booking, on=broken.on).codes

    check()


def test_unknown_code_is_refused() -> None:
    """A code the strategy cannot break is an ``InvalidArgument``."""
    with pytest.raises(InvalidArgument):
        rule_breaking_bookings(codes=["RESPITE-NOPE"])


@settings(max_examples=40)
@given(st.data())
def test_bookings_on_the_autumn_change_day(data: st.DataObject) -> None:
    """Bookings drawn on the day the clock goes back are valid, however they meet the fold."""
    day = grant_on_autumn_day()
    entry = data.draw(bookings(day, max_hours=2))
    assert entry.interval.seconds > 0


def grant_on_autumn_day() -> RespiteGrant:
    """A one-day grant on 25 October 2026, the autumn change."""
    return RespiteGrant(
        id="G-1",
        kind=RespiteKind.IN_HOME,
        basis=GrantBasis.DECISION,
        decision_ref="D",
        quota=Quota(amount=10, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
        validity=Period(date(2026, 10, 25), date(2026, 10, 26)),
        cared_for=Person(name="Test Testsson", birth_date=date(1940, 1, 1)),
    )
