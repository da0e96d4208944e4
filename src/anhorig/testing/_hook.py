"""Hypothesis' entry point: registers a strategy for every public anhorig type.

Registered in ``pyproject.toml`` under ``[project.entry-points.hypothesis]``, so that
``st.from_type(anhorig.Person)`` works wherever anhorig and hypothesis are installed.

Hypothesis runs this hook while it is itself being imported, in every process of an
environment where anhorig is installed, most of which never ask for an anhorig type.
So the hook imports nothing of anhorig's beyond the families table: it registers the
document types of the modules already imported, and watches the import of the others
to register theirs when they are imported. A class can only reach ``from_type`` once
its module is imported, so it is always registered by then. The strategies themselves
are imported the first time hypothesis asks for one.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import importlib.util
import sys
import types
from collections.abc import Sequence
from typing import Any


def _hypothesis_setup_hook() -> None:
    from anhorig.families import document_modules

    waiting = set()
    for name in document_modules():
        module = sys.modules.get(name)
        if module is None:
            waiting.add(name)
        else:
            _register(module)
    if waiting:
        sys.meta_path.insert(0, _RegisterOnImport(waiting))


def _register(module: types.ModuleType) -> None:
    import attrs
    from hypothesis import strategies as st

    for public in getattr(module, "__all__", ()):
        obj = getattr(module, public, None)
        if isinstance(obj, type) and attrs.has(obj):
            st.register_type_strategy(obj, _resolve)


class _RegisterOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: lets the other finders find a watched module, and has it
    registered once it has run."""

    def __init__(self, waiting: set[str]) -> None:
        self.waiting = waiting

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.waiting:
            return None
        self.waiting.discard(fullname)
        if not self.waiting:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            if finder is self:
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _RegisteringLoader(spec.loader)
                return spec
        return None


class _RegisteringLoader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        self._inner.exec_module(module)
        _register(module)

    def __getattr__(self, name: str) -> Any:
        # get_source, get_filename, is_package...: tracebacks and tools ask the loader.
        return getattr(self._inner, name)


@functools.cache
def _strategies() -> dict[type, Any]:
    from anhorig.testing.strategies import type_strategies

    return type_strategies()


def _resolve(thing: type) -> Any:
    return _strategies().get(thing, NotImplemented)
