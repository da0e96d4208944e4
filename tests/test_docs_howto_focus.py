"""How-to guides stay on the task, and the performance pages on today's figures: the
profile notes and earlier figures that led to each change are in the changelog (issue 14)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HOW_TOS = sorted(
    {*DOCS.glob("how-to/*.md")}
    | {p for p in DOCS.rglob("*.md") if p.read_text(encoding="utf-8").startswith("# How to ")}
)
PERFORMANCE = sorted(DOCS.rglob("performance.md"))
DEVELOPMENT_LOG = re.compile(r"cProfile|[Pp]rofiled|best of \d+|^#+ History\b|\d µs", re.M)
HISTORY = "changelog.md#performance-history-issue-14"


def test_the_how_to_pages_are_found() -> None:
    names = {p.name for p in HOW_TOS}
    assert {"ask-before-you-disclose.md", "validate-a-plan.md", "store.md"} <= names


@pytest.mark.parametrize("page", HOW_TOS, ids=lambda p: p.name)
def test_a_how_to_holds_no_profiling_notes(page: Path) -> None:
    found = DEVELOPMENT_LOG.findall(page.read_text(encoding="utf-8"))
    assert not found, found


@pytest.mark.parametrize("page", PERFORMANCE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_performance_page_keeps_no_history_section(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert not re.search(r"^#+ History\b", text, re.M)
    if page.parent.name in {"consent", "plans", "respite"}:
        assert HISTORY in text


def test_the_changelog_holds_the_history_under_issue_14() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    history = changelog.split("#### Performance history (issue 14)\n", 1)[1].split("\n### ", 1)[0]
    # one figure from each page's former History section
    for figure in ("147.9 µs at 1,000,000", "0.385 ms per document", "352 s at 10,000"):
        assert figure in history, figure
