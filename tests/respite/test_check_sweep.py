"""The whole-ledger check is one sweep; it must find exactly what judging each
booking on its own against the entries before it finds (the reference kept in
``rules._check_ledger_reference``): the same findings, in the same order, at the
same paths."""

from __future__ import annotations

from datetime import date

from hypothesis import event, given
from hypothesis import strategies as st

from anhorig.errors import InvalidInput
from anhorig.respite import Booking, Ledger, check
from anhorig.respite.policy import CarryOver
from anhorig.respite.rules import _check_ledger_reference
from anhorig.testing.strategies import (
    BREAKABLE,
    Broken,
    breaking,
    clean_ledgers,
    ledgers,
    respite_policies,
)
from anhorig.time import local

from ._helpers import booking, grant

_ON = st.dates(date(2024, 1, 1), date(2030, 12, 31))


def _same(ledger: Ledger, on: date) -> None:
    swept = check(ledger, on=on)
    reference = _check_ledger_reference(ledger, on)
    assert swept.findings == reference.findings
    event(f"findings: {min(len(swept.findings), 5)}+")


@given(ledgers(max_entries=30), _ON)
def test_sweep_finds_what_the_reference_finds(ledger: Ledger, on: date) -> None:
    _same(ledger, on)


# Carry-over makes one booking reach every later period; dense ledgers with few grants
# make overlaps, shared nights and cancelled-then-rebooked slots likely.
_CARRYING = respite_policies().filter(lambda p: p.carry_over is not CarryOver.NONE)


@given(ledgers(max_grants=2, max_entries=40, policies=_CARRYING), _ON)
def test_sweep_agrees_under_carry_over(ledger: Ledger, on: date) -> None:
    _same(ledger, on)


@given(st.sampled_from(BREAKABLE).flatmap(breaking))
def test_sweep_agrees_on_ledgers_that_break_a_rule(case: Broken[tuple[Ledger, Booking]]) -> None:
    (ledger, booking), on = case.thing, case.on
    try:
        # Booked into the ledger, the broken booking is judged by the whole-ledger
        # check; a booking the ledger itself refuses (unknown grant, out of order)
        # leaves the ledger as it was.
        ledger = ledger.book(booking)
    except InvalidInput:
        event("refused by the ledger")
    _same(ledger, on)


@given(clean_ledgers(), _ON)
def test_sweep_agrees_on_clean_ledgers(ledger: Ledger, on: date) -> None:
    _same(ledger, on)


def test_sweep_keeps_paths_and_order_for_an_overlap() -> None:
    """Three stays the same day, each overlapping those before it: each later booking
    names the earlier ones, in the order they were recorded, at its own path."""
    ledger = Ledger(
        grants=(grant(),),
        entries=(
            booking("B-1", local(2026, 6, 12, 10), local(2026, 6, 12, 14)),
            booking("B-2", local(2026, 6, 12, 12), local(2026, 6, 12, 16)),
            booking("B-3", local(2026, 6, 12, 9), local(2026, 6, 12, 20)),
        ),
    )
    overlaps = [
        (f.path, f.message.in_("en"))
        for f in check(ledger, on=date(2026, 6, 1)).findings
        if f.code == "RESPITE-OVERLAP"
    ]
    assert overlaps == [
        ("entries[1].interval", "Booking B-2 overlaps booking B-1 for the same person."),
        ("entries[2].interval", "Booking B-3 overlaps booking B-1 for the same person."),
        ("entries[2].interval", "Booking B-3 overlaps booking B-2 for the same person."),
    ]
