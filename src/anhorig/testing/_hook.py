"""Hypothesis' entry point: registers a strategy for every public anhorig type.

Registered in ``pyproject.toml`` under ``[project.entry-points.hypothesis]``, so that
``st.from_type(anhorig.Person)`` works wherever anhorig and hypothesis are installed.
Imports are inside the function: hypothesis loads entry points while it is itself
being imported, and importing anhorig's strategies at module level would be circular.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from anhorig.testing.strategies import type_strategies

    for cls, strategy in type_strategies().items():
        st.register_type_strategy(cls, strategy)
