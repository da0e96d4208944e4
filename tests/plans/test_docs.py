"""The plans docs: their code runs as written, and the rule page matches the catalogue."""

from __future__ import annotations

import doctest
import os
from datetime import date
from pathlib import Path

import pytest

from anhorig.law import SOURCES
from anhorig.plans import RULES
from anhorig.plans.rules import DOMAIN_RULES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plans"


@pytest.mark.parametrize("page", ["tutorial.md", "validate-a-plan.md", "sip.md"])
def test_docs_examples_run(page: str) -> None:
    """Every >>> example on the page gives the output the page shows."""
    result = doctest.testfile(
        str(DOCS / page),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0


def render_rule_page(on: date = date(2026, 11, 22)) -> str:
    """The plans rule page, generated from the rule catalogue."""
    lines = [
        "# Plan rules / Regler för planer",
        "",
        "Every rule of `anhorig.plans` (family `plans`), as `anhorig.findings.catalogue()` lists it.",
        "Codes are stable. *DOMAIN* names the rule of the project's DOMAIN.md (14–23) it encodes;",
        f"references are those in force on {on} (a check cites the law in force on the date it judges).",
        "This page is generated from the catalogue by `tests/plans/test_docs.py`",
        "(`ANHORIG_WRITE_DOCS=1 pytest tests/plans/test_docs.py` rewrites it).",
        "When each rule fires, its exact boundary, the type it applies to, what fixes it and",
        "a failing example document are under its code in the [rule catalogue](../reference/rules.md).",
        "",
    ]
    groups = [
        ("Stödplan (`SupportPlan`)", "PLAN-"),
        ("SIP (`CoordinatedPlan`)", "SIP-"),
        ("Implementation plan (`ImplementationPlan`)", "IMPL-"),
    ]
    for title, prefix in groups:
        lines += [
            f"## {title}",
            "",
            "| Code | Severity | DOMAIN | Title (sv / en) | References |",
            "|---|---|---|---|---|",
        ]
        for rule in RULES:
            if not rule.code.startswith(prefix):
                continue
            refs = "; ".join(
                [str(r) for r in rule.references(on)]
                + [f"[{SOURCES[k].key}](../reference/sources.md#{k})" for k in rule.sources]
            )
            domain = ", ".join(map(str, DOMAIN_RULES[rule.code]))
            lines.append(
                f"| `{rule.code}` | {rule.severity.value} | {domain} | {rule.title.sv} / {rule.title.en} | {refs} |"
            )
        lines.append("")
    lines += ["## Messages", ""]
    for rule in RULES:
        lines += [
            f"### `{rule.code}`",
            "",
            f"- sv: {rule.message.sv}",
            f"- en: {rule.message.en}",
            "",
        ]
    return "\n".join(lines)


def test_rule_page_is_generated_from_the_catalogue() -> None:
    """docs/plans/rules.md is exactly what the catalogue renders to (set
    ANHORIG_WRITE_DOCS=1 to rewrite it after changing a rule)."""
    page = DOCS / "rules.md"
    expected = render_rule_page()
    if os.environ.get("ANHORIG_WRITE_DOCS") == "1":
        page.write_text(expected, encoding="utf-8")
    assert page.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    "module",
    [
        "anhorig.plans",
        "anhorig.plans.policy",
        "anhorig.plans.support",
        "anhorig.plans.implementation",
        "anhorig.plans.rules",
    ],
)
def test_module_doctests(module: str) -> None:
    """The examples in the plans modules' docstrings run as shown."""
    import importlib

    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
