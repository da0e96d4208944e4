"""The plans package's layout: imports only go down, and no private name crosses a module.

Read from the source (every import, including those inside functions and under
``TYPE_CHECKING``), so an import hidden in a method counts like any other; the reading is
shared with the whole package's layout test (``tests/test_layout.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from anhorig.plans import _lifecycle, rules
from tests._imports import FILES, module_name, targets, uses

PLANS = FILES["anhorig.plans"].parent

MODELS = ("_common", "policy", "implementation", "support", "sip")
"""The model modules: the plans' vocabulary, below the lifecycle and the rules."""


def _plans_targets(path: Path) -> set[str]:
    return {t for t in targets(module_name(path)) if t.startswith("anhorig.plans")}


@pytest.mark.parametrize("model", MODELS)
def test_models_never_import_the_rules(model: str) -> None:
    """No model module imports the rules or the package face, not even inside a function."""
    targets = _plans_targets(PLANS / f"{model}.py")
    assert {t for t in targets if t.startswith("anhorig.plans.rules")} == set()
    assert "anhorig.plans" not in targets


def test_lifecycle_sits_below_the_models_and_the_rules() -> None:
    """The lifecycle imports the plan vocabulary and the policy, never a model or a rule;
    it reaches the rules only through the check they install."""
    assert _plans_targets(PLANS / "_lifecycle.py") == {
        "anhorig.plans._common",
        "anhorig.plans.policy",
    }
    assert rules.transition is _lifecycle.transition
    assert rules.TRANSITIONS is _lifecycle.TRANSITIONS
    assert _lifecycle.PLAN_ILLEGAL_TRANSITION in rules.RULES


def test_no_circle_in_plans() -> None:
    """Following the imports between the plans modules never comes back to where it began."""
    graph = {module_name(path): _plans_targets(path) for path in PLANS.rglob("*.py")}

    def visit(trail: tuple[str, ...]) -> None:
        for target in graph.get(trail[-1], set()) - {trail[-1]}:
            assert target not in trail, " -> ".join((*trail, target))
            visit((*trail, target))

    for module in graph:
        visit((module,))


def test_no_private_name_crosses_a_module() -> None:
    """A name one plans module takes from another is public in its own module (a private
    module such as ``_common`` may hold public names)."""
    for path in PLANS.rglob("*.py"):
        for use in uses(module_name(path)):
            if use.module.startswith("anhorig.plans") and use.module != module_name(path):
                assert not (use.name or "").startswith("_"), use
