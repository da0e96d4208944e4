"""The sources page: generated from ``anhorig.law.SOURCES``, and linked wherever the docs
list a source or mention a seed text ("seed 001"), so a reader can look each one up."""

from __future__ import annotations

import importlib
import io
import os
import sys
from pathlib import Path
from types import ModuleType

from anhorig.demo import run
from anhorig.findings import catalogue
from anhorig.law import SOURCES

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "reference" / "sources.md"


def _hooks() -> ModuleType:
    sys.path.insert(0, str(ROOT / "docs"))
    try:
        return importlib.import_module("hooks")
    finally:
        sys.path.pop(0)


def test_the_page_is_what_the_table_renders_to() -> None:
    """docs/reference/sources.md is exactly what SOURCES renders to (set
    ANHORIG_WRITE_DOCS=1 to rewrite it after changing a source)."""
    expected = _hooks().sources_page()
    if os.environ.get("ANHORIG_WRITE_DOCS") == "1":
        PAGE.write_text(expected, encoding="utf-8")
    assert PAGE.read_text(encoding="utf-8") == expected


def test_every_source_has_an_entry_with_its_title_publisher_and_a_hint() -> None:
    page = _hooks().sources_page()
    for key, source in SOURCES.items():
        entry = page.split(f"## `{key}`\n", 1)[1].split("\n## ", 1)[0]
        assert source.title in entry
        assert source.publisher in entry
        assert "Finding it:" in entry
        assert "http" not in entry  # a lookup hint, never an address made up here


def test_the_catalogue_and_the_law_page_link_each_source_listed() -> None:
    hooks = _hooks()
    rules, law = hooks.catalogue_markdown(), hooks.law_markdown()
    cited = {key for rule in catalogue() for key in rule.sources}
    assert cited
    for key in cited:
        assert f"[`{key}`](sources.md#{key})" in rules, key
    for key in SOURCES:
        assert f"[`{key}`](sources.md#{key})" in law, key


def test_prose_mentions_of_a_seed_are_linked_but_code_is_not() -> None:
    link = _hooks().link_seed_mentions
    text = "\n".join(
        [
            "# Seed 001 in a heading",
            "Seed 001 says so, and seed 004's quota; see `seed 002`.",
            "```python",
            ">>> 'seed 003'",
            "```",
        ]
    )
    linked = link(text, page="plans/tutorial.md").split("\n")
    assert linked[0] == "# Seed 001 in a heading"
    assert linked[1] == (
        "[Seed 001](../reference/sources.md#seed-001) says so, and "
        "[seed 004](../reference/sources.md#seed-004)'s quota; see `seed 002`."
    )
    assert linked[2:] == text.split("\n")[2:]
    assert link(linked[1], page="plans/tutorial.md") == linked[1]  # linked once only


def test_the_demo_names_the_seed_it_cites_by_publisher_and_title() -> None:
    for lang in ("sv", "en"):
        out = io.StringIO()
        assert run(out, lang=lang) == 0
        text = out.getvalue()
        assert "seed 001" not in text.lower()
        assert SOURCES["seed-001"].publisher in text
        assert SOURCES["seed-001"].title in text


def test_the_consent_catalogue_links_the_sources_of_each_rule() -> None:
    """docs/consent/catalogue.md is written by hand: each rule's entry links its sources."""
    from anhorig.consent import RULES

    page = (ROOT / "docs" / "consent" / "catalogue.md").read_text(encoding="utf-8")
    for rule in RULES:
        entry = page.split(f"### `{rule.code}`\n", 1)[1].split("\n### ", 1)[0]
        for key in rule.sources:
            assert f"[`{key}`](../reference/sources.md#{key})" in entry, (rule.code, key)
