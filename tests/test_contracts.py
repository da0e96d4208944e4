"""Contracts that hold across the whole library: public names, light imports, typing,
the hypothesis entry point, one interface per rule family, and README = CI."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import subprocess
import sys
import types
from datetime import date
from pathlib import Path

import pytest

import anhorig
from anhorig.findings import _RULE_MODULES, Report, catalogue

ROOT = Path(__file__).resolve().parent.parent


def _modules() -> list[types.ModuleType]:
    found = [anhorig]
    for info in pkgutil.walk_packages(anhorig.__path__, "anhorig."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue  # private modules and __main__
        found.append(importlib.import_module(info.name))
    return found


def _public_names(module: types.ModuleType) -> set[str]:
    is_package = hasattr(module, "__path__")
    names = set()
    for name, value in vars(module).items():
        if name.startswith("_") or isinstance(value, types.ModuleType):
            continue
        defined_here = getattr(value, "__module__", None) == module.__name__
        if is_package or defined_here:
            names.add(name)
    return names


def _isort_key(name: str) -> tuple[int, str]:
    # The order ruff keeps __all__ in: CONSTANTS, then Classes, then functions.
    kind = 0 if name.isupper() and len(name) > 1 else 1 if name[:1].isupper() else 2
    return (kind, name)


@pytest.mark.parametrize("module", _modules(), ids=lambda m: m.__name__)
def test_all_is_exactly_the_public_names(module: types.ModuleType) -> None:
    """Every public module lists its public names in __all__, no more, no fewer.

    For a package that is every public attribute (it only re-exports); for a module,
    every public class and function defined in it, plus listed constants that exist."""
    exported = set(module.__all__)
    assert all(hasattr(module, name) for name in exported), module.__name__
    missing = _public_names(module) - exported
    assert not missing, f"{module.__name__} does not export {sorted(missing)}"
    if hasattr(module, "__path__"):
        assert exported == _public_names(module) | ({"__version__"} & exported)
    assert list(module.__all__) == sorted(module.__all__, key=_isort_key)


def test_import_anhorig_is_light() -> None:
    """`import anhorig` never imports hypothesis, nor the rule-family subpackages' test kits."""
    code = (
        "import sys, anhorig; "
        "bad = [m for m in sys.modules if m.startswith(('hypothesis', 'anhorig.testing', 'pytest'))]; "
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_hypothesis_entry_point_registers_every_public_type() -> None:
    """st.from_type(anhorig.Person) works without importing anhorig.testing first."""
    code = (
        "from hypothesis import strategies as st; import anhorig; "
        "p = st.from_type(anhorig.Person).example(); print(type(p).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "Person"


def test_hypothesis_entry_point_imports_almost_nothing() -> None:
    """Every process that imports hypothesis runs the entry point; it loads only the
    families table, not the library (issue 14: it adds at most 10 ms). ``anhorig._lazy``
    is the package face's first-use import (standard library only)."""
    code = (
        "import sys, hypothesis; print(' '.join(sorted(m for m in sys.modules if 'anhorig' in m)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert set(out.stdout.split()) <= {
        "anhorig",
        "anhorig._lazy",
        "anhorig._version",
        "anhorig.families",
        "anhorig.testing",
        "anhorig.testing._hook",
    }


@pytest.mark.parametrize("first", ["hypothesis", "anhorig.plans", "anhorig.consent.model"])
def test_types_are_registered_whichever_is_imported_first(first: str) -> None:
    """A family imported before hypothesis is registered by the entry point, one imported
    after it when its module has run; either way hypothesis' lookup holds the kit's
    resolver for it (without it from_type would fall back to builds())."""
    code = (
        f"import {first}; from hypothesis import strategies as st; "
        "from hypothesis.strategies._internal.types import _global_type_lookup as known; "
        "from anhorig.plans import SupportPlan; from anhorig.consent import Consent; "
        "from anhorig.people import Person; from anhorig.testing._hook import _resolve; "
        "print(all(known.get(t) is _resolve for t in (SupportPlan, Consent, Person)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "True"


@pytest.mark.parametrize("module", ["anhorig.testing.strategies", "anhorig.testing.conformance"])
def test_the_testing_kit_imports_first_in_a_fresh_interpreter(module: str) -> None:
    """Importing the kit before hypothesis must not loop back through the entry point."""
    code = f"import {module}; print('ok')"
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "ok"


def test_every_document_type_has_a_registered_strategy() -> None:
    """A tester can ask hypothesis for any public type."""
    from anhorig.serialization import document_types
    from anhorig.testing.strategies import type_strategies

    missing = set(document_types().values()) - set(type_strategies())
    missing -= {anhorig.Problem}  # an error detail, not a document anyone writes
    assert not missing, sorted(t.__name__ for t in missing)


def test_py_typed_is_shipped() -> None:
    """The package is marked as typed (PEP 561)."""
    assert (Path(anhorig.__file__).parent / "py.typed").exists()


@pytest.mark.parametrize("name", _RULE_MODULES)
def test_every_rule_family_keeps_one_interface(name: str) -> None:
    """check(thing, *, on) -> Report, validate(thing, *, on), is_valid(thing, *, on),
    and RULES, in every rule module (python-stdnum's uniform interface)."""
    module = importlib.import_module(name)
    for function in ("check", "validate", "is_valid"):
        signature = inspect.signature(getattr(module, function))
        assert "on" in signature.parameters, (name, function)
        assert signature.parameters["on"].kind is inspect.Parameter.KEYWORD_ONLY
    assert module.RULES
    assert all(rule in catalogue() for rule in module.RULES)
    assert module.is_valid(object(), on=date(2026, 1, 1)) is False


def test_report_is_what_check_returns() -> None:
    """The relation family's check returns a Report even for an empty relationship."""
    from anhorig.demo import scenario
    from anhorig.relations import check

    assert isinstance(check(scenario()[0], on=date(2026, 1, 1)), Report)


def test_readme_test_command_is_what_ci_runs() -> None:
    """.ci/run runs exactly the README's test command."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = next(
        line for line in readme.splitlines() if "pytest" in line and "pip install" in line
    )
    assert command in ci.splitlines()
    assert any("anhorig demo" in line and "pip install" in line for line in readme.splitlines())


def test_no_clock_in_the_library() -> None:
    """Nothing in src/ reads the wall clock: every rule takes its date or instant.

    The one exception is the command line's edge (issue 17): ``anhorig._cli``'s
    ``stockholm_today``, the default of ``--on``, which is always printed.
    """
    pattern = ("now(", "today(", "time.time(", "utcnow(")
    edge = ROOT / "src" / "anhorig" / "_cli.py"
    for path in (ROOT / "src").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if path == edge:
            calls = [word for word in pattern if word in text.replace("stockholm_today(", "")]
            assert calls == ["now("], calls
            assert text.count("now(") == 1
            continue
        for word in pattern:
            assert word not in text, f"{path.relative_to(ROOT)} calls {word}"
