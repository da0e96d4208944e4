"""Conformance runs for the rule families: a deliberately wrong vendor is caught, with
both answers shown, and a right one passes."""

from __future__ import annotations

from datetime import date
from typing import Any

from anhorig.consent import Outcome, evaluate
from anhorig.plans import check
from anhorig.respite import Ledger
from anhorig.testing.conformance import (
    BALANCE_FIELDS,
    consent_outcomes,
    plan_codes,
    respite_balances,
)


def test_consent_vendor_that_permits_whenever_there_is_a_consent_is_caught() -> None:
    """Permitting because some consent exists, whatever it covers, is wrong: anhorig's
    answer there is 'no basis' or 'deny'."""
    report = consent_outcomes(
        lambda request, consents: Outcome.PERMIT if consents else Outcome.NOT_APPLICABLE,
        max_examples=100,
        seed=1,
        shrink=False,
    )
    assert not report.ok
    # Where the vendor permits, anhorig finds no basis or denies; where it says no basis,
    # the holder used its own branch's information, which crosses no secrecy boundary
    # (OSL 8 kap. 1-2 §§, issue 12 item 10).
    for c in report.counterexamples:
        if c.actual == "permit":
            assert c.expected in {"deny", "not_applicable"}
        else:
            request, _ = c.case
            assert (c.actual, c.expected) == ("not_applicable", "permit")
            assert request.recipient.organisation == request.holder
    assert any(c.actual == "permit" for c in report.counterexamples)


def test_consent_vendor_that_evaluates_conforms() -> None:
    """A vendor answering as evaluate() does (string or Outcome) agrees on every case."""
    consent_outcomes(
        lambda request, consents: evaluate(request, consents).outcome.value,
        max_examples=60,
        seed=2,
    ).assert_ok()


def test_plan_vendor_that_skips_sip_rules_is_caught() -> None:
    """A checker that never looks at the SIP rules misses their codes.

    The run stops at the first disagreement, so a generous budget costs nothing when it is
    found early; 200 cases were not enough with seed 1 on hypothesis 6.100 (the floor).
    """
    report = plan_codes(
        lambda plan, on: {c for c in check(plan, on=on).codes if not c.startswith("SIP-")},
        max_examples=1000,
        seed=1,
        shrink=False,
    )
    assert not report.ok
    missed = report.counterexamples[0].expected - (report.counterexamples[0].actual or set())
    assert missed
    assert all(code.startswith("SIP-") for code in missed)


def test_plan_vendor_that_checks_as_anhorig_conforms() -> None:
    """Valid plans of every kind and one-rule-broken plans give the same codes."""
    plan_codes(lambda plan, on: check(plan, on=on).codes, max_examples=60, seed=2).assert_ok()


def test_respite_vendor_that_forgets_carry_over_is_caught() -> None:
    """A balance that drops carried-over quota disagrees, with both balances shown."""

    def forgetful(ledger: Ledger, grant_id: str, on: date) -> dict[str, Any]:
        balance = ledger.balance(grant_id, on)
        used = balance.used + balance.reserved
        return {
            "granted": balance.granted,
            "carried_over": 0,
            "used": balance.used,
            "reserved": balance.reserved,
            "remaining": max(0, balance.granted - used),
            "over_quota": max(0, used - balance.granted),
        }

    report = respite_balances(forgetful, max_examples=300, seed=1, shrink=False)
    assert not report.ok
    example = report.counterexamples[0]
    expected = dict(zip(BALANCE_FIELDS, example.expected, strict=True))
    assert expected["carried_over"] > 0


def test_respite_vendor_reading_the_ledger_conforms() -> None:
    """A vendor that asks the ledger agrees on every generated question."""
    respite_balances(
        lambda ledger, grant_id, on: ledger.balance(grant_id, on), max_examples=60, seed=2
    ).assert_ok()
