"""The families table is the only list of rule families (issue 11, rule 2).

Every registry that needs the families is derived from :data:`anhorig.families.FAMILIES`,
every name in it imports, and no other module in ``src`` names a family's module: adding
a family means adding one entry there.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

from anhorig import cli, findings
from anhorig.families import (
    COMMANDS,
    CORE_DOCUMENT_MODULES,
    FAMILIES,
    STORE_COMMAND,
    Family,
    checked_document,
    load,
)
from anhorig.findings import catalogue
from anhorig.serialization import document_type, document_types

SRC = Path(__file__).resolve().parent.parent / "src" / "anhorig"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def _named(family: Family) -> list[str]:
    """Every module or ``module:attribute`` the family's entry names."""
    names = [*family.documents, *family.checked, family.check, family.rules, family.strategies]
    names += family.breakers
    if family.command is not None:
        names.append(family.command.module)
        names += [family.command.from_store] if family.command.from_store else []
    names += [family.fhir_reader] if family.fhir_reader else []
    names += [family.fhir_parties] if family.fhir_parties else []
    return names


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_every_name_in_the_table_imports(family: Family) -> None:
    for name in _named(family):
        assert load(name) is not None, name


def test_the_table_names_each_family_and_command_once() -> None:
    names = [family.name for family in FAMILIES]
    assert len(names) == len(set(names))
    commands = [command.name for command in COMMANDS]
    assert len(commands) == len(set(commands))
    assert commands[-1] == STORE_COMMAND.name


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_a_family_s_rules_carry_its_name(family: Family) -> None:
    rules = load(family.rules).RULES
    assert rules
    assert {rule.family for rule in rules} == {family.name}
    assert load(family.check) is load(family.rules).check


def test_the_catalogue_is_every_family_s_rules() -> None:
    assert tuple(family.rules for family in FAMILIES) == findings._RULE_MODULES
    codes = {rule.code for family in FAMILIES for rule in load(family.rules).RULES}
    assert {rule.code for rule in catalogue()} == codes


def test_document_types_are_the_core_s_and_every_family_s() -> None:
    expected: dict[str, type] = {}
    modules = [load(name) for name in CORE_DOCUMENT_MODULES]
    modules += [load(name) for family in FAMILIES for name in family.documents]
    for module in modules:
        for public in module.__all__:
            value = getattr(module, public)
            if isinstance(value, type) and attrs.has(value):
                expected[value.__name__] = value
    assert document_types() == expected


@pytest.mark.parametrize(
    "target", [t for f in FAMILIES for t in f.checked], ids=lambda t: t.rpartition(":")[2]
)
def test_a_checked_document_resolves_to_one_type_and_one_check(target: str) -> None:
    """One resolution of a document's type by name: the table's, for reading and checking."""
    name = target.rpartition(":")[2]
    family, found = checked_document(name) or (None, None)
    assert found == target
    assert family is not None
    assert document_type(name) is load(target) is document_types()[name]
    assert cli.checker_for(name) is load(family.check)


def test_a_document_no_family_checks_has_no_checker() -> None:
    assert checked_document("Person") is None
    assert cli.checker_for("Person") is None
    assert document_type("Person") is document_types()["Person"]


def test_the_strategies_and_breakers_are_every_family_s() -> None:
    pytest.importorskip("hypothesis")
    from anhorig.testing.strategies import breakable_codes, type_strategies

    expected: dict[type, object] = {}
    for family in FAMILIES:
        expected.update(load(family.strategies).type_strategies())
    assert set(type_strategies()) == set(expected)
    codes = {code for f in FAMILIES for source in f.breakers for code in load(source)()}
    assert set(breakable_codes()) == codes


def test_the_subcommands_are_the_table_s() -> None:
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert isinstance(subparsers.choices, dict)
    assert list(subparsers.choices) == ["demo", "schema", "validate", *(c.name for c in COMMANDS)]


def _string_constants(path: Path) -> set[str]:
    """The string literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }


def test_no_other_module_names_a_family_s_modules() -> None:
    """The families are listed once: no other module in src holds their modules' names
    as strings to import, nor imports by name at all. The lazy packages' re-exports
    (`LAZY`, and `anhorig._lazy`, which imports for them) are the exception: they are
    their static imports, written as a table (checked against them by
    test_lazy_reexports_are_the_static_imports)."""
    modules = {name.partition(":")[0] for family in FAMILIES for name in _named(family)}
    modules |= {command.module for command in COMMANDS}
    offenders = []
    lazy_faces = {SRC.parent / package.replace(".", "/") / "__init__.py" for package in LAZY}
    for path in sorted(SRC.rglob("*.py")):
        if path in {SRC / "families.py", SRC / "_lazy.py", *lazy_faces}:
            continue
        for text in _string_constants(path):
            if text.partition(":")[0] in modules:
                offenders.append(f"{path.relative_to(SRC)}: {text!r}")
        if "import_module" in path.read_text(encoding="utf-8"):
            offenders.append(f"{path.relative_to(SRC)}: importlib.import_module")
    assert not offenders, offenders


def test_the_families_table_imports_no_anhorig_module() -> None:
    tree = ast.parse((SRC / "families.py").read_text(encoding="utf-8"))
    imported = [
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    ]
    assert not [name for name in imported if name and name.startswith("anhorig")]


def _modules_loaded_by(code: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(result.stdout.split())


def test_validate_imports_only_the_family_of_its_document() -> None:
    """``anhorig validate`` of a plan reads and checks it without importing the other
    families (but consent, which plans depend on through a declared seam: one consent
    law, one implementation, issue 12), their command modules or the store."""
    plan = EXAMPLES / "plans" / "support-plan-valid.json"
    loaded = _modules_loaded_by(
        "import io; from anhorig.cli import main; "
        f"main(['validate', {str(plan)!r}, '--on', '2026-01-01'], io.StringIO())"
    )
    assert "anhorig.plans" in loaded
    others = {"respite", "discharge", "store", "testing"}
    assert not {m for m in loaded if m.split(".")[:2][-1] in others and m.startswith("anhorig.")}
    assert not {
        m for m in loaded if m.startswith("anhorig.") and m.endswith(".cli") and m != "anhorig.cli"
    }


def test_reading_a_good_document_needs_no_converter_nor_schema_builder() -> None:
    """A well-formed plan is read by its compiled reader: ``anhorig validate`` and the
    core's names load neither cattrs nor the JSON Schema builder (issue 14, start-up);
    the converter is made when a document is refused or written."""
    plan = EXAMPLES / "plans" / "support-plan-valid.json"
    lazy = {"cattrs", "anhorig.documents._schema"}
    validated = _modules_loaded_by(
        "import io; from anhorig.cli import main; "
        f"main(['validate', {str(plan)!r}, '--on', '2026-01-01'], io.StringIO())"
    )
    assert "anhorig.plans" in validated
    assert not lazy & validated
    assert not lazy & _modules_loaded_by("from anhorig import *")
    refused = _modules_loaded_by(
        "from anhorig import InvalidInput, from_json\n"
        'try:\n    from_json(None, \'{"type": "Person", "schema_version": 1, "name": 5}\')\n'
        "except InvalidInput:\n    pass"
    )
    assert "cattrs" in refused


LAZY = (
    "anhorig",
    "anhorig.consent",
    "anhorig.consent.rules",
    "anhorig.plans",
    "anhorig.plans.rules",
)
"""The packages whose public names are imported on first use (`anhorig._lazy`)."""


def _static_reexports(package: str) -> dict[str, str]:
    """Each name the package's face imports from an anhorig module (under
    ``TYPE_CHECKING``), and that module; not the face's own helpers."""
    path = SRC.parent / package.replace(".", "/") / "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name: node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module
        and node.module not in ("anhorig", "anhorig._version", package)
        for alias in node.names
    }


@pytest.mark.parametrize("package", LAZY)
def test_lazy_reexports_are_the_static_imports(package: str) -> None:
    """A lazy package's table of names says exactly what its ``TYPE_CHECKING`` imports
    say, its ``__all__`` is that table, ``dir()`` lists it, and every name resolves to
    the object its module defines."""
    face = load(package)
    static = _static_reexports(package)
    assert static == face._WHERE
    assert set(face.__all__) == {*static, *(["__version__"] if package == "anhorig" else [])}
    assert set(face.__all__) <= set(dir(face))
    for name, module in static.items():
        assert getattr(face, name) is getattr(load(module), name)
    with pytest.raises(AttributeError, match="no attribute 'not_a_name'"):
        face.not_a_name  # noqa: B018


@pytest.mark.parametrize("package", LAZY)
def test_every_name_of_a_lazy_package_imports_in_a_fresh_process(package: str) -> None:
    """Each name in ``__all__`` comes with ``from package import *`` in an interpreter
    that has imported nothing of anhorig before, as the object its module defines."""
    code = (
        "import importlib\n"
        f"face = importlib.import_module({package!r})\n"
        f"star = {{}}\nexec('from {package} import *', star)\n"
        "missing = [n for n in face.__all__ if n not in star]\n"
        "wrong = [n for n, m in face._WHERE.items() "
        "if star.get(n) is not getattr(importlib.import_module(m), n)]\n"
        "print(len(face.__all__), missing, wrong)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    count, rest = result.stdout.split(" ", 1)
    assert int(count) == len(load(package).__all__)
    assert rest.strip() == "[] []"


def test_validate_of_a_stodplan_leaves_what_it_does_not_need_unimported() -> None:
    """A stödplan needs consent's words and its rule of who may consent, not the
    engine, the registry, the audit nor the other rules; nor the SIP, the
    implementation plan or the registry's adapter: with the lazy faces of
    ``anhorig.consent``, ``anhorig.consent.rules``, ``anhorig.plans`` and
    ``anhorig.plans.rules`` (issue 14, start-up), ``anhorig validate`` of a stödplan
    imports none of them. Nor instants: consent's words and rule for plans live in
    ``anhorig.consent.grantors`` and ``anhorig.consent.policy``, so neither the consent
    model, the decision's classes, ``anhorig.time`` nor pendulum is imported (about a
    third of the command's CPU); nor zoneinfo (until an instant is shown), pathlib
    (until a name is not a file) nor shutil (argparse's way to the terminal's width)."""
    plan = EXAMPLES / "plans" / "support-plan-valid.json"
    loaded = _modules_loaded_by(
        "import io; from anhorig.cli import main; "
        f"main(['validate', {str(plan)!r}, '--on', '2026-01-01'], io.StringIO())"
    )
    assert {
        "anhorig.consent.grantors",
        "anhorig.plans.support",
        "anhorig.plans.rules.stodplan",
    } <= loaded
    lazy = {
        "pendulum",
        "zoneinfo",
        "pathlib",
        "shutil",
        "anhorig.time",
        "anhorig.consent.model",
        "anhorig.consent.decision",
        "anhorig.consent._compiled",
        "anhorig.consent.rules.validity",
        "anhorig.consent.engine",
        "anhorig.consent.registry",
        "anhorig.consent.audit",
        "anhorig.consent._timeline",
        "anhorig.consent.rules._catalogue",
        "anhorig.consent.rules.procedure",
        "anhorig.consent.rules.blocks",
        "anhorig.consent.rules.consents",
        "anhorig.consent.rules.exceptions",
        "anhorig.consent.rules.harm",
        "anhorig.plans._oracle",
        "anhorig.plans.sip",
        "anhorig.plans.implementation",
        "anhorig.plans.rules._catalogue",
        "anhorig.plans.rules.sip",
        "anhorig.plans.rules.implementation",
    }
    assert not lazy & loaded
