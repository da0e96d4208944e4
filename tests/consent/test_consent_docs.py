"""The consent docs: their examples run, and the catalogue page lists every code."""

from __future__ import annotations

import doctest
from pathlib import Path

from anhorig.consent import RULES

DOCS = Path(__file__).parents[2] / "docs" / "consent"


def test_how_to_examples_run() -> None:
    """Every example in the how-to gives the output shown."""
    result = doctest.testfile(
        str(DOCS / "ask-before-you-disclose.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
    )
    assert result.failed == 0
    assert result.attempted > 10


def test_catalogue_page_lists_every_code() -> None:
    """The catalogue page has an entry for every basis and reason in the code."""
    page = (DOCS / "catalogue.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"`{rule.code}`" in page, rule.code
        assert rule.title.sv in page, rule.code
