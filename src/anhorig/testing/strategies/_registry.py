"""Which strategy hypothesis uses for each public type (``st.from_type``)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from anhorig.families import FAMILIES, load


def type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """Every public type with the strategy registered for it: each rule family's
    strategies module (:data:`anhorig.families.FAMILIES`) gives its own."""
    merged: dict[type, st.SearchStrategy[Any]] = {}
    for name in dict.fromkeys(family.strategies for family in FAMILIES):
        merged.update(load(name).type_strategies())
    return merged
