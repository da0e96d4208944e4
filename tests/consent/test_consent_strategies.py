"""The consent strategies: bad arguments are refused, and from_type finds them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.consent import (
    Consent,
    Decision,
    DisclosureRequest,
    Provision,
    ProvisionType,
    evaluate,
)
from anhorig.testing import strategies


@pytest.mark.parametrize(
    "build",
    [
        lambda: strategies.consents_breaking("NOT-A-RULE"),
        lambda: strategies.subject_pools(min_size=0),
        lambda: strategies.subject_pools(min_size=3, max_size=2),
        lambda: strategies.provisions(max_depth=-1),
        lambda: strategies.disclosure_requests(max_also_about=-1),
        lambda: strategies.deciding("NOT-A-RULE"),
        lambda: strategies.deciding("CONSENT-CONFLICT"),
        lambda: strategies.deciding("CONSENT-PERMIT", max_also_about=-1),
        lambda: strategies.deciding("CONSENT-PERMIT", max_unrelated=-1),
    ],
)
def test_bad_arguments_are_refused(build: object) -> None:
    """Each strategy raises InvalidArgument for a bad argument when drawn from."""

    @given(st.data())
    def draw(data: st.DataObject) -> None:
        data.draw(build())  # type: ignore[operator]

    with pytest.raises(InvalidArgument):
        draw()


@given(st.from_type(Consent), st.from_type(DisclosureRequest), st.from_type(Decision))
def test_from_type_is_registered(
    consent: Consent, request: DisclosureRequest, decision: Decision
) -> None:
    """hypothesis finds the consent strategies through anhorig's entry point."""
    assert isinstance(consent, Consent)
    assert isinstance(request, DisclosureRequest)
    assert decision.basis


@given(strategies.provisions(decision=ProvisionType.DENY))
def test_provision_trees_alternate(provision: Provision) -> None:
    """Generated provision trees alternate permit and deny at every level."""
    for _, node in provision.walk():
        for child in node.exceptions:
            assert child.decision is node.decision.opposite


def test_public_names_are_exported() -> None:
    """Every public consent strategy is in ``strategies.__all__``."""
    for name in (
        "consents",
        "consents_breaking",
        "disclosure_requests",
        "decisions",
        "provisions",
        "recipients",
        "organisations",
        "revocations",
        "blocks",
        "block_lifts",
        "evidences",
        "harm_assessments",
        "audit_records",
        "decision_policies",
        "BREAKABLE_RULES",
        "deciding",
        "DECIDING_CODES",
        "NEVER_ALONE",
    ):
        assert name in strategies.__all__


@pytest.mark.parametrize("code", strategies.DECIDING_CODES)
def test_deciding_gives_exactly_its_basis(code: str) -> None:
    """deciding(code) gives requests and records whose decision's reasons are exactly
    ``code``, also with more people and unrelated records."""

    @given(strategies.deciding(code, max_also_about=3, max_unrelated=4))
    def exactly(pair: tuple[DisclosureRequest, tuple[object, ...]]) -> None:
        request, records = pair
        decision = evaluate(request, records)  # type: ignore[arg-type]
        assert {reason.code for reason in decision.reasons} == {code}
        assert {basis.code for basis in decision.basis} <= {code}

    exactly()


def test_deciding_covers_every_decision_code() -> None:
    """Every consent decision code is either produced alone or says why it cannot be."""
    from anhorig.consent import rules

    assert set(strategies.DECIDING_CODES).isdisjoint(strategies.NEVER_ALONE)
    decided = set(strategies.DECIDING_CODES) | set(strategies.NEVER_ALONE)
    assert decided <= {rule.code for rule in rules.RULES}
    assert {code for code in strategies.UNBREAKABLE if code.startswith("CONSENT-")} == set(
        strategies.NEVER_ALONE
    )
