"""A package's public names, imported on first use (PEP 562).

A package face that re-exports names from its modules makes every process that
imports one of its modules pay for all of them: importing ``anhorig.consent.model``
runs ``anhorig.consent``'s ``__init__`` first. With :func:`reexport` the face holds a
table of each name and the module that defines it, and imports that module the first
time the name is asked for (issue 14, start-up). ``from package import *``, ``dir()``
and ``__all__`` are unchanged.

The package keeps the same imports under ``TYPE_CHECKING``, for type checkers and
readers; ``tests/test_families.py`` checks that the table says what they say.
"""

from __future__ import annotations

import sys

# Not `typing.TYPE_CHECKING`: importing typing costs more than a lazy package saves.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["reexport"]


def reexport(
    package: str, where: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose public names ``where``
    maps to the modules defining them. A name is imported once, then kept in the
    package's namespace; any other name is an ``AttributeError`` (so a submodule is
    still found by the import system)."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> object:
        module = where.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        import importlib  # here: `import anhorig` and hypothesis' entry point need it not

        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
