"""The whole-ledger check is one sweep; it must find exactly what judging each
booking on its own against the entries before it finds (the reference kept in
``rules._check_ledger_reference``): the same findings, in the same order, at the
same paths."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta

from hypothesis import event, given
from hypothesis import strategies as st

from anhorig.errors import InvalidInput
from anhorig.findings import Finding
from anhorig.respite import Booking, Ledger, check
from anhorig.respite.policy import CarryOver, _working_days
from anhorig.respite.rules import BOOKED_AWAY_EXCEEDS_HOME, _check_ledger_reference, check_booking
from anhorig.testing.strategies import (
    BREAKABLE,
    Broken,
    breaking,
    clean_ledgers,
    ledgers,
    respite_policies,
)
from anhorig.time import local, working_days_between

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


# --- the whole-ledger check read field by field against check_booking (issue 14) ---------

_GRANT_CODES = frozenset(
    {
        "RESPITE-CARER-AGE",
        "RESPITE-LIVING-TOGETHER",
        "RESPITE-CARED-FOR-AGE",
        "RESPITE-ELIGIBILITY-UNKNOWN",
    }
)
"""Judged once per grant by check(ledger) (at ``grants[i]``), per booking by check_booking."""


def _read(finding: Finding, path: str) -> tuple[object, ...]:
    """Everything a user reads of a finding, at ``path``: the message in both languages,
    the references and sources, and the explanation, path and all."""
    return (
        finding.code,
        finding.severity,
        path,
        finding.message.sv,
        finding.message.en,
        finding.references,
        finding.sources,
        finding.policy_source,
        *(
            finding.explain(lang).replace(f" {finding.path}: ", f" {path}: ", 1)
            for lang in ("sv", "en")
        ),
    )


def _reads_as_check_booking(ledger: Ledger, on: date) -> None:
    """Each active booking's findings in ``check(ledger)`` read exactly as those of
    ``check_booking`` for that booking (judged against the entries before it), at its
    path in the ledger, in the same order; nothing else is found at a booking but the
    rhythm of stays, which only the whole ledger has."""
    found: dict[int, list[Finding]] = {}
    for finding in check(ledger, on=on):
        if finding.path.startswith("entries[") and finding.code != BOOKED_AWAY_EXCEEDS_HOME.code:
            found.setdefault(int(finding.path[8 : finding.path.index("]")]), []).append(finding)
    for seq, entry in enumerate(ledger.entries):
        if not isinstance(entry, Booking) or not ledger.is_active(seq):
            continue
        alone = [
            _read(f, f"entries[{seq}].{f.path}")
            for f in check_booking(ledger, entry, on=on)
            if f.code not in _GRANT_CODES
        ]
        assert [_read(f, f.path) for f in found.pop(seq, [])] == alone
    assert found == {}  # no finding at an entry that is not an active booking


@given(
    st.one_of(
        ledgers(max_entries=30),
        ledgers(max_grants=2, max_entries=40, policies=_CARRYING),
        clean_ledgers(),
    ),
    _ON,
)
def test_check_reads_as_check_booking_of_each_booking(ledger: Ledger, on: date) -> None:
    _reads_as_check_booking(ledger, on)


@given(st.sampled_from(BREAKABLE).flatmap(breaking))
def test_check_reads_as_check_booking_on_ledgers_that_break_a_rule(
    case: Broken[tuple[Ledger, Booking]],
) -> None:
    (ledger, booking), on = case.thing, case.on
    with contextlib.suppress(InvalidInput):  # refused by the ledger: judged as it was
        ledger = ledger.book(booking)
    _reads_as_check_booking(ledger, on)


@given(st.dates(date(2000, 1, 1), date(2060, 12, 31)), st.integers(-400, 400))
def test_notice_in_working_days_counts_as_by_date(day: date, span: int) -> None:
    """The working days check(ledger) counts for notice from the years' tables kept by
    day (issue 14) are those `working_days_between` counts between the two dates:
    within a year, across years and backwards, a first time and again."""
    other = day + timedelta(days=span)
    expected = working_days_between(day, other)
    for _ in range(2):
        assert _working_days(day.toordinal(), other.toordinal()) == expected
