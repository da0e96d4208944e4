"""The package's imports read from its source, for the layout tests.

Every import counts, also those inside functions and under ``TYPE_CHECKING``: an import
hidden in a method is an arrow like any other. A name read from an imported module
(``_checks.fail``) counts as a name taken from it.
"""

from __future__ import annotations

import ast
import functools
import importlib
import pkgutil
import types
from collections.abc import Iterator
from pathlib import Path

import attrs

import anhorig

SRC = Path(anhorig.__file__).resolve().parent.parent
"""The directory that holds the ``anhorig`` package."""


def module_name(path: Path) -> str:
    """``anhorig.consent.model`` for ``src/anhorig/consent/model.py``."""
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


FILES = {module_name(path): path for path in sorted((SRC / "anhorig").rglob("*.py"))}
"""Every module of the package, by name."""

MODULES = frozenset(FILES)


@attrs.frozen
class Use:
    """One arrow: ``importer`` takes ``module`` (and from it ``name``, if not the whole
    module) at ``line``."""

    importer: str
    module: str
    name: str | None
    line: int


@functools.cache
def uses(importer: str) -> tuple[Use, ...]:
    """Every anhorig module and name ``importer`` takes, with absolute module names."""
    path = FILES[importer]
    package = importer.split(".")
    if path.name != "__init__.py":
        package.pop()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[Use] = []
    bound: dict[str, str] = {}  # a local name bound to an anhorig module
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in MODULES:
                    found.append(Use(importer, alias.name, None, node.lineno))
                    if alias.asname:
                        bound[alias.asname] = alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            if module not in MODULES:
                continue
            for alias in node.names:
                submodule = f"{module}.{alias.name}"
                if submodule in MODULES:
                    found.append(Use(importer, submodule, None, node.lineno))
                    bound[alias.asname or alias.name] = submodule
                else:
                    found.append(Use(importer, module, alias.name, node.lineno))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in bound
        ):
            module = bound[node.value.id]
            if f"{module}.{node.attr}" in MODULES:
                found.append(Use(importer, f"{module}.{node.attr}", None, node.lineno))
            else:
                found.append(Use(importer, module, node.attr, node.lineno))
    return tuple(found)


def targets(importer: str) -> set[str]:
    """The anhorig modules ``importer`` imports (itself left out)."""
    return {use.module for use in uses(importer)} - {importer}


def public_modules(*, testing: bool = False) -> Iterator[types.ModuleType]:
    """Every public module below ``anhorig`` (no part of its name private), imported;
    ``anhorig.testing``'s only if ``testing``."""
    for info in pkgutil.walk_packages(anhorig.__path__, "anhorig."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        if not testing and ".testing" in info.name:
            continue
        yield importlib.import_module(info.name)
