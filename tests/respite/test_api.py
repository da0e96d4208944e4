"""The package's public surface, and the doctests in its modules."""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys

import pytest

import anhorig.respite

MODULES = ["model", "policy", "ledger", "rules", "capacity", "patterns", "cli"]


def test_design_names_are_exported() -> None:
    """The names DESIGN.md promises are importable from ``anhorig.respite``."""
    promised = {
        "RespiteKind",
        "Quota",
        "RespiteGrant",
        "RespitePolicy",
        "Booking",
        "Cancellation",
        "Ledger",
        "Balance",
        "check_booking",
        "ShortStayUnit",
        "occupancy",
        "working_days_between",
    }
    assert promised <= set(anhorig.respite.__all__)
    # The order of __all__ is ruff's (RUF022: constants, classes, functions), checked by ruff.
    assert len(set(anhorig.respite.__all__)) == len(anhorig.respite.__all__)
    for name in anhorig.respite.__all__:
        assert hasattr(anhorig.respite, name)


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    """The examples in each module's docstrings run as written."""
    module = importlib.import_module(f"anhorig.respite.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_import_anhorig_does_not_import_respite_or_hypothesis() -> None:
    """``import anhorig`` loads neither the respite package nor hypothesis."""
    code = (
        "import sys, anhorig; print('anhorig.respite' in sys.modules, 'hypothesis' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
