"""Conformance reports a tester can act on: each counterexample comes as JSON documents
that, read back with anhorig's reader, reproduce the disagreement; and the cases counted
are the cases generated (never more than ``max_examples``), shrink steps apart."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from anhorig.consent import evaluate
from anhorig.consent.model import Consent, DisclosureRequest
from anhorig.relations import ChildRelative, Relationship, check
from anhorig.respite import Ledger
from anhorig.serialization import from_json
from anhorig.testing.conformance import (
    BALANCE_FIELDS,
    consent_outcomes,
    relation_codes,
    respite_balances,
)


def _no_overdue(thing: Relationship | ChildRelative, on: date) -> set[str]:
    """A deliberately wrong relations checker: it never finds an overdue involvement."""
    return set(check(thing, on=on).codes) - {"REL-INVOLVEMENT-OVERDUE"}


def test_relation_counterexample_documents_reproduce_the_disagreement() -> None:
    report = relation_codes(_no_overdue, max_examples=200, max_kinds=1, seed=3)
    assert not report.ok
    example = report.counterexamples[0]
    documents = dict(example.documents())
    assert set(documents) == {"thing", "on"}
    thing: object = from_json(None, documents["thing"])
    assert isinstance(thing, Relationship | ChildRelative)
    on = date.fromisoformat(json.loads(documents["on"]))
    assert check(thing, on=on).codes == example.expected
    assert _no_overdue(thing, on) != check(thing, on=on).codes
    text = report.explain("en")
    assert documents["thing"] in text  # printed whole, ready to save
    assert "--- on:" in text


def test_respite_counterexample_documents_reproduce_the_disagreement() -> None:
    def no_carry_over(ledger: Ledger, grant_id: str, on: date) -> dict[str, Any]:
        balance = ledger.balance(grant_id, on)
        return {name: getattr(balance, name) for name in BALANCE_FIELDS} | {"carried_over": 0}

    report = respite_balances(no_carry_over, max_examples=300, max_kinds=1, seed=1, shrink=False)
    assert not report.ok
    example = report.counterexamples[0]
    documents = dict(example.documents())
    assert set(documents) == {"ledger", "grant_id", "on"}
    ledger = from_json(Ledger, documents["ledger"])
    grant_id = json.loads(documents["grant_id"])
    on = date.fromisoformat(json.loads(documents["on"]))
    assert ledger == example.case[0]
    assert ledger.balance(grant_id, on).carried_over > 0


def test_consent_counterexample_gives_one_document_per_consent() -> None:
    def permit_with_any_consent(request: DisclosureRequest, consents: tuple[Consent, ...]) -> str:
        return "permit" if consents else "not_applicable"

    report = consent_outcomes(
        permit_with_any_consent, max_examples=100, max_kinds=1, seed=1, shrink=False
    )
    assert not report.ok
    example = report.counterexamples[0]
    labels = [label for label, _ in example.documents()]
    request_, records = example.case
    # No consents at all is one document, the empty list (a basis in law decided it).
    each = [f"consents[{i}]" for i in range(len(records))] if records else ["consents"]
    assert labels == ["request", *each]
    request = from_json(DisclosureRequest, example.documents()[0][1])
    consents = tuple(from_json(Consent, text) for _, text in example.documents()[1:] if records)
    assert (request, consents) == (request_, records)
    assert str(evaluate(request, consents).outcome.value) == example.expected
    assert permit_with_any_consent(request, consents) == example.actual


@pytest.mark.parametrize("shrink", [True, False])
@pytest.mark.parametrize("max_examples", [1, 7, 40])
def test_cases_counted_never_exceed_max_examples(max_examples: int, shrink: bool) -> None:
    """Shrink steps are counted apart: a failing run reports at most ``max_examples``
    cases however long it shrank, over every round of kinds."""

    def fragile(thing: Relationship | ChildRelative, on: date) -> set[str]:
        if isinstance(thing, ChildRelative):
            raise AttributeError("involvements")  # a checker written for Relationship only
        return _no_overdue(thing, on)

    report = relation_codes(fragile, max_examples=max_examples, seed=5, shrink=shrink)
    assert 1 <= report.examples <= max_examples
    if not shrink:
        assert report.shrink_steps == 0
    head = report.explain("en").splitlines()[0]
    assert f"after {report.examples} cases ({report.shrink_steps} shrink steps)" in head or (
        report.ok and f"{report.examples} cases" in head
    )


def test_a_clean_run_counts_exactly_max_examples() -> None:
    report = relation_codes(lambda thing, on: check(thing, on=on).codes, max_examples=30, seed=1)
    assert report.ok
    assert (report.examples, report.shrink_steps) == (30, 0)
