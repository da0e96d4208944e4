"""The package's layout: floors that import only down, no circle, families apart, no private
name across modules, no module too long to read (issue 11; DESIGN.md, "Layout").

Read from the source with ``ast`` (`tests._imports`): every import counts, also those
inside functions and under ``TYPE_CHECKING``, and a name read from an imported module
(``_checks.fail``) counts as a name taken from it.

The rules:

(a) Floors. Every module sits on one floor of `FLOORS`; it imports modules on its own
    floor or below, never above.
(b) No circle: following the imports between modules never comes back to where it began.
(c) Families apart: a rule family (`FAMILIES`) imports no other family, except through a
    seam declared in `SEAMS` with its reason.
(d) Private names stay home. A name beginning with ``_`` (not a dunder) is never taken
    from another module. A private *module* (``anhorig._checks``,
    ``anhorig.consent._compiled``) belongs to the package that holds it: any module
    inside that package, at any depth, may import it and its public names; no module
    outside may. So a name used across modules is public in its module, and a module
    used across packages is public in its package.
(e) No module in ``src`` over `MAX_LINES` lines.

`NOT_YET` names the files that do not hold a rule yet, with the rules they break; the
test fails when a file breaks a rule it is not listed for, and when a listed file has
come to hold the rule (then delete its entry).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import pytest

from tests._imports import FILES, MODULES, SRC, uses

FLOORS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "ground: bilingual text, how messages write values, problems, errors, masking; the version; the table of the "
        "families (names only: it imports no anhorig module, so the catalogue can read it); "
        "the lazy re-export of a package's names",
        frozenset(
            {
                "anhorig._text",
                "anhorig._values",
                "anhorig._version",
                "anhorig.families",
                "anhorig._lazy",
            }
        ),
    ),
    (
        "field validators and the checker of a function's arguments, and the face of the text",
        frozenset(
            {
                "anhorig._checks",
                "anhorig._arguments",
                "anhorig.bounds",
                "anhorig._json",
                "anhorig.language",
            }
        ),
    ),
    (
        "law, time, the calendar",
        frozenset({"anhorig.law", "anhorig.time", "anhorig._calendar", "anhorig._holidays"}),
    ),
    (
        "people, organisations, terminology",
        frozenset({"anhorig.people", "anhorig.organisations", "anhorig.terminology"}),
    ),
    ("findings, and the face of the errors", frozenset({"anhorig.findings", "anhorig.errors"})),
    ("the core family", frozenset({"anhorig.relations"})),
    ("documents: compiled readers, JSON Schema", frozenset({"anhorig.documents"})),
    (
        "serialization and the shared command-line pieces",
        frozenset({"anhorig.serialization", "anhorig._cli"}),
    ),
    (
        "the rule families",
        frozenset({"anhorig.consent", "anhorig.plans", "anhorig.respite", "anhorig.discharge"}),
    ),
    ("the store", frozenset({"anhorig.store"})),
    ("the testing kit", frozenset({"anhorig.testing"})),
    (
        "the top: the package face and the command",
        frozenset({"anhorig", "anhorig.cli", "anhorig.__main__", "anhorig.demo"}),
    ),
)
"""From the ground up, as DESIGN.md draws them. A name stands for the module and, for a
package, everything in it (``anhorig`` only for the package face itself)."""

FAMILIES = frozenset({"anhorig.consent", "anhorig.plans", "anhorig.respite", "anhorig.discharge"})

SEAMS: dict[tuple[str, str], str] = {
    # The discharge family decides what may be told to relatives at discharge with the
    # consent family's engine (records, policy, decision). Its target is a Protocol in
    # discharge with the adapter in consent, as plans' ConsentOracle; until then the
    # dependency is declared here.
    (
        "anhorig.discharge",
        "anhorig.consent",
    ): "discharge decides disclosures with the consent engine",
    # One consent law, one implementation (issue 12): a consent recorded in a plan says
    # who gave it and how in consent's words (GrantorCapacity, EvidenceForm), whether
    # that grantor may consent is consent's rule (grantor_refusal), and the adapter
    # from a ConsentRegistry to plans' ConsentOracle lives with the family that needs
    # it, so the dependency runs one way: plans on consent, never back.
    (
        "anhorig.plans",
        "anhorig.consent",
    ): "plans use consent's vocabulary and rule of who may consent, and adapt its registry",
}
"""Imports between families that are allowed, with why: (importer's family, imported family)."""

MAX_LINES = 800

NOT_YET: dict[str, frozenset[str]] = {}
"""Files that do not hold a rule yet (path under ``src/anhorig``), with the rules they
break: ``upward``, ``cycle``, ``family``, ``private``, ``size``. Empty it as the
branches that fix them are merged."""


def _file(module: str) -> str:
    return FILES[module].relative_to(SRC / "anhorig").as_posix()


def _in(module: str, name: str) -> bool:
    return module == name or (name != "anhorig" and module.startswith(f"{name}."))


def _floor(module: str) -> int:
    found = [index for index, (_, names) in enumerate(FLOORS) if any(_in(module, n) for n in names)]
    assert len(found) == 1, f"{module} is on floors {found}: place it on one in FLOORS"
    return found[0]


def _family(module: str) -> str | None:
    return next((family for family in FAMILIES if _in(module, family)), None)


def _private_home(module: str) -> str | None:
    """The package a private module belongs to (its innermost private part's parent)."""
    parts = module.split(".")
    private = [i for i, part in enumerate(parts) if part.startswith("_") and not _dunder(part)]
    return ".".join(parts[: private[-1]]) if private else None


def _dunder(name: str) -> bool:
    return name.startswith("__") and name.endswith("__")


def _violations() -> Iterator[tuple[str, str, str]]:
    """``(rule, file, what)`` for every break of rules (a), (c), (d) and (e)."""
    for importer in sorted(MODULES):
        file = _file(importer)
        lines = FILES[importer].read_text(encoding="utf-8").count("\n")
        if lines > MAX_LINES:
            yield "size", file, f"{lines} lines"
        for use in uses(importer):
            where = f"{importer}:{use.line} takes {use.module}"
            if _floor(use.module) > _floor(importer):
                yield "upward", file, where
            family, other = _family(importer), _family(use.module)
            if family and other and family != other and (family, other) not in SEAMS:
                yield "family", file, where
            home = _private_home(use.module)
            if home is not None and importer != home and not importer.startswith(f"{home}."):
                yield "private", file, f"{where}, private to {home}"
            name = use.name or ""
            if name.startswith("_") and not _dunder(name) and use.module != importer:
                yield "private", file, f"{where}.{name}"


def _circles() -> Iterator[tuple[str, ...]]:
    """Every circle of imports, as its modules (Tarjan's strongly connected components)."""
    graph = {m: {u.module for u in uses(m)} - {m} for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[tuple[str, ...]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(tuple(sorted(component)))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return iter(found)


@functools.cache
def _broken() -> dict[tuple[str, str], list[str]]:
    broken: dict[tuple[str, str], list[str]] = {}
    for rule, file, what in _violations():
        broken.setdefault((rule, file), []).append(what)
    for circle in _circles():
        for module in circle:
            broken.setdefault(("cycle", _file(module)), []).append(" <-> ".join(circle))
    return broken


@pytest.mark.parametrize("rule", ["upward", "cycle", "family", "private", "size"])
def test_the_layout_holds(rule: str) -> None:
    """No file breaks ``rule`` unless `NOT_YET` names it for that rule."""
    broken = {file: what for (kind, file), what in _broken().items() if kind == rule}
    new = {file: what for file, what in broken.items() if rule not in NOT_YET.get(file, ())}
    assert new == {}, f"breaks the {rule!r} rule (see this test's docstring)"


def test_not_yet_names_only_what_is_still_broken() -> None:
    """A file in `NOT_YET` that has come to hold a rule loses its entry for it."""
    broken = set(_broken())
    stale = {(rule, file) for file, rules in NOT_YET.items() for rule in rules} - broken
    assert stale == set(), "holds now: delete these entries from NOT_YET"


def test_every_module_is_on_a_floor() -> None:
    """A new module is placed on a floor before its imports are judged."""
    for module in MODULES:
        _floor(module)


def test_floors_and_seams_name_real_packages() -> None:
    """The families and seams name packages that exist."""
    assert FAMILIES <= MODULES
    assert {name for pair in SEAMS for name in pair} <= FAMILIES
