"""The API pages show the docstrings' doctests as code, not as nested blockquotes.

The docstrings write doctests bare (``>>>`` lines outside a Google ``Examples:`` section),
which griffe passes through as text and Markdown reads as ``> > >`` blockquotes. The
docs' griffe extension (``docs/hooks.py:doctest_fences``, named in ``mkdocs.yml``) fences
them as ``pycon`` code before mkdocstrings renders them.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXTENSION = "docs/hooks.py:doctest_fences"


def _hooks() -> ModuleType:
    sys.path.insert(0, str(DOCS))
    try:
        return importlib.import_module("hooks")
    finally:
        sys.path.pop(0)


def _documented() -> list[str]:
    """Every identifier an API page renders with ``::: name``."""
    names = {
        match.group(1)
        for page in DOCS.rglob("*.md")
        for match in re.finditer(r"^::: (\S+)", page.read_text(encoding="utf-8"), re.MULTILINE)
    }
    return sorted(names)


def _resolve(name: str) -> Any:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError:
        module, _, attr = name.rpartition(".")
        return getattr(importlib.import_module(module), attr)


def _docstrings_with_doctests() -> dict[str, str]:
    """The docstrings on the API pages (objects and their members) that hold a doctest."""
    found: dict[str, str] = {}
    for name in _documented():
        obj = _resolve(name)
        members = [obj, *vars(obj).values()] if isinstance(obj, ModuleType) else [obj]
        for member in members:
            doc = getattr(member, "__doc__", None)
            if isinstance(doc, str) and ">>>" in doc:
                found[f"{name}:{getattr(member, '__qualname__', name)}"] = doc
    return found


def _outside_fences(text: str) -> list[str]:
    lines, fenced = [], False
    for line in text.splitlines():
        if line.strip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            lines.append(line)
    return lines


def test_mkdocs_names_the_extension() -> None:
    assert EXTENSION in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_doctest_on_the_api_pages_is_fenced_and_the_prose_kept() -> None:
    fence = _hooks().fence_doctests
    docstrings = _docstrings_with_doctests()
    assert len(docstrings) > 20
    for where, doc in docstrings.items():
        fenced = fence(doc)
        assert not [line for line in _outside_fences(fenced) if ">>>" in line], where
        prose = [line for line in doc.splitlines() if line.strip()]
        kept = [line for line in _outside_fences(fenced) if line.strip()]
        assert set(kept) <= set(prose), where


def test_a_fence_already_written_and_an_examples_section_are_left_alone() -> None:
    fence = _hooks().fence_doctests
    written = "Text.\n\n```python\n>>> 1\n1\n```\n"
    section = "Text.\n\nExamples:\n    >>> 1\n    1\n\nMore text.\n"
    assert fence(written) == written
    assert fence(section) == section


def test_a_module_doctest_renders_as_code_not_as_blockquotes() -> None:
    """Rendered with the Markdown extensions of ``mkdocs.yml``."""
    markdown = pytest.importorskip("markdown")
    pytest.importorskip("pymdownx")
    docstrings = _docstrings_with_doctests()
    doc = docstrings[next(w for w in docstrings if w.startswith("anhorig.plans.support:"))]
    extensions = ["admonition", "tables", "pymdownx.superfences"]

    def render(text: str) -> str:
        return str(markdown.markdown(text, extensions=extensions))

    assert "<blockquote>" in render(doc)  # what the pages showed before the fix
    html = render(_hooks().fence_doctests(doc))
    assert "<blockquote>" not in html
    assert re.search(r"<code[^>]*>(?:(?!</code>).)*&gt;&gt;&gt; ", html, re.DOTALL)


def test_griffe_loads_the_extension_and_fences_the_docstrings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The extension as mkdocstrings loads it (the path of ``mkdocs.yml``, from the root)."""
    griffe = pytest.importorskip("griffe")
    monkeypatch.chdir(ROOT)
    extensions = griffe.load_extensions(EXTENSION)
    module = griffe.load("anhorig.plans.support", extensions=extensions, search_paths=["src"])
    text = module.docstring.value
    assert "```pycon\n>>> " in text
    assert not [line for line in _outside_fences(text) if ">>>" in line]
