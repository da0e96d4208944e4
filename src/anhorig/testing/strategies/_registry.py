"""Which strategy hypothesis uses for each public type (``st.from_type``)."""

from __future__ import annotations

import importlib
from typing import Any

from hypothesis import strategies as st

_AREA_MODULES = (
    "anhorig.testing.strategies._core",
    "anhorig.testing.strategies._plans",
    "anhorig.testing.strategies._consent",
    "anhorig.testing.strategies._respite",
    "anhorig.testing.strategies._discharge",
)
"""Modules with a ``type_strategies()`` of their own; each subpackage adds one."""


def type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """Every public type with the strategy registered for it."""
    merged: dict[type, st.SearchStrategy[Any]] = {}
    for name in _AREA_MODULES:
        merged.update(importlib.import_module(name).type_strategies())
    return merged
