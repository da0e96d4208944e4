"""The plans package's layout: imports only go down, and no private name crosses a module.

Read from the source (every import, including those inside functions and under
``TYPE_CHECKING``), so an import hidden in a method counts like any other.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import anhorig
from anhorig.plans import _lifecycle, rules

SRC = Path(anhorig.__file__).resolve().parent.parent
PLANS = SRC / "anhorig" / "plans"

MODELS = ("_common", "policy", "implementation", "support", "sip")
"""The model modules: the plans' vocabulary, below the lifecycle and the rules."""


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(path) for path in (SRC / "anhorig").rglob("*.py")}


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """Every ``(module, names)`` that ``path`` imports from, made absolute."""
    found: list[tuple[str, list[str]]] = []
    package = _module(path).split(".")
    if path.name != "__init__.py":
        package.pop()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            found.append((".".join([*base, *([node.module] if node.module else [])]), []))
            found[-1][1].extend(alias.name for alias in node.names)
    return found


def _targets(path: Path) -> set[str]:
    """The anhorig modules ``path`` imports; ``from package import module`` names the module."""
    out: set[str] = set()
    for module, names in _imports(path):
        if module in MODULES:
            submodules = {f"{module}.{n}" for n in names} & MODULES
            out |= submodules or {module}
    return out


def _plans_targets(path: Path) -> set[str]:
    return {t for t in _targets(path) if t.startswith("anhorig.plans")}


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
    graph = {_module(path): _plans_targets(path) for path in PLANS.rglob("*.py")}

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
        for module, names in _imports(path):
            if module.startswith("anhorig.plans"):
                private = [n for n in names if n.startswith("_") and f"{module}.{n}" not in MODULES]
                assert private == [], (path.name, module, private)
