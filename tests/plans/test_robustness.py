"""Junk in, clean errors out: plan documents with random damage, and strategy arguments."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.errors import InvalidInput
from anhorig.plans import CoordinatedPlan, ImplementationPlan, SupportPlan, check
from anhorig.serialization import from_document
from anhorig.testing import strategies as ast
from tests.fuzz.mutations import paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "plans"
DOCUMENTS = [
    json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    for name in ("support-plan-valid.json", "sip-valid.json", "implementation-plan-valid.json")
]
JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=150)
@given(st.sampled_from(DOCUMENTS), st.data(), JUNK)
def test_damaged_documents_raise_only_invalid_input(
    document: dict[str, Any], data: st.DataObject, junk: Any
) -> None:
    """Replacing any part of a valid plan document with junk either still reads (and then
    checks without raising) or raises InvalidInput naming paths — never anything else."""
    doc = json.loads(json.dumps(document))
    path = data.draw(st.sampled_from([p for p in paths(doc) if p]))
    node = doc
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = junk
    try:
        plan: object = from_document(None, doc)
    except InvalidInput as exc:
        problems = exc.problems
        assert problems
        assert all(p.path.startswith("$") for p in problems)
        return
    assert isinstance(plan, SupportPlan | CoordinatedPlan | ImplementationPlan)
    check(plan, on=date(2026, 11, 22))


BAD_STRATEGIES = [
    lambda: ast.support_plans(max_needs=0),
    lambda: ast.support_plans(on=date(1800, 1, 1)),
    lambda: ast.coordinated_plans(max_participants=1),
    lambda: ast.implementation_plans(max_activities_per_area=0),
    lambda: ast.broken_support_plans("SIP-NO-LEAD"),
    lambda: ast.follow_ups(min_due=date(2030, 1, 1), max_due=date(2020, 1, 1)),
    lambda: ast.broken_plans("REL-CHILD-CARER"),
]


@pytest.mark.parametrize("make", BAD_STRATEGIES)
@settings(max_examples=1)
@given(data=st.data())
def test_strategies_refuse_bad_arguments(make: Any, data: st.DataObject) -> None:
    """Bad strategy arguments raise hypothesis' InvalidArgument, at the latest when drawn."""
    with pytest.raises(InvalidArgument):
        data.draw(make())


@given(st.from_type(SupportPlan), st.from_type(CoordinatedPlan), st.from_type(ImplementationPlan))
def test_from_type_gives_valid_plans(
    support: SupportPlan, sip: CoordinatedPlan, impl: ImplementationPlan
) -> None:
    """The hypothesis entry point registers the plan strategies: st.from_type works and
    gives plans valid on the strategies' default date."""
    for plan in (support, sip, impl):
        assert check(plan, on=date(2026, 11, 22)).findings == ()


def test_strategies_all_is_the_public_set() -> None:
    """anhorig.testing.strategies exports exactly its __all__, which holds the plan strategies."""
    public = {n for n in dir(ast) if not n.startswith("_")}
    assert public == set(ast.__all__)
    assert {"support_plans", "coordinated_plans", "implementation_plans", "broken_plans"} <= public
