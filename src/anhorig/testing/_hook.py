"""Hypothesis' entry point: registers a strategy for every public anhorig type.

Registered in ``pyproject.toml`` under ``[project.entry-points.hypothesis]``, so that
``st.from_type(anhorig.Person)`` works wherever anhorig and hypothesis are installed.

Hypothesis calls this hook while it is itself being imported, which may be from inside
``import anhorig.testing.strategies``. So the hook imports only anhorig's types (none
of which import hypothesis) and registers a resolver per type; the strategies are
imported the first time hypothesis asks for one.
"""

from __future__ import annotations

import functools
from typing import Any


def _hypothesis_setup_hook() -> None:
    from hypothesis import strategies as st

    from anhorig.serialization import document_types

    for cls in document_types().values():
        st.register_type_strategy(cls, _resolve)


@functools.cache
def _strategies() -> dict[type, Any]:
    from anhorig.testing.strategies import type_strategies

    return type_strategies()


def _resolve(thing: type) -> Any:
    return _strategies().get(thing, NotImplemented)
