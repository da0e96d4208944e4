"""The examples in the consent modules' docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib

import pytest


@pytest.mark.parametrize(
    "name",
    [
        "anhorig.consent.model",
        "anhorig.consent.engine",
        "anhorig.consent.registry",
        "anhorig.consent.audit",
        "anhorig.consent.checks",
        "anhorig.testing.strategies._consent",
    ],
)
def test_module_examples(name: str) -> None:
    """Each module's doctests pass."""
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
