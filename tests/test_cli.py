"""The `anhorig` command: demo, schema, validate, exit codes."""

from __future__ import annotations

import argparse
import io
import json
import os
from pathlib import Path

import jsonschema
import pytest

from anhorig import to_json
from anhorig.cli import _Formatter, main
from anhorig.demo import scenario


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_demo_walks_through_the_core_vocabulary() -> None:
    """The demo shows both contexts' words, the findings, the law change and DST hours."""
    code, text = _run("demo")
    assert code == 0
    assert "B. K. (anhörig, make/maka/registrerad partner) och A. K. (närstående)" in text
    assert "B. K. (närstående, make/maka/registrerad partner) och A. K. (patient)" in text
    assert "REL-INVOLVEMENT-OVERDUE" in text
    assert "REL-CHILD-NEEDS-SUPPORT" in text
    assert "SoL (2001:453) 5 kap. 10 §" in text
    assert "SoL (2025:400) 13 kap. 9 §" in text
    assert "11 timmar" in text
    assert "13 timmar" in text
    assert "Bertil" not in text.split("7.")[0]  # names masked before the JSON part


def test_demo_in_english() -> None:
    """--lang en gives the English walk-through."""
    code, text = _run("demo", "--lang", "en")
    assert code == 0
    assert "The same people, different words" in text
    assert "Nobody has asked M. S." in text


def test_schema_prints_a_valid_json_schema() -> None:
    """anhorig schema Relationship prints a Draft 2020-12 schema; unknown types exit 2."""
    code, text = _run("schema", "Relationship")
    assert code == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(text))
    assert _run("schema", "Nope")[0] == 2


def test_validate_exit_codes(tmp_path: Path) -> None:
    """0 for a document without errors, 1 when errors are found, 2 when unreadable."""
    husband_cares, _, child = scenario()
    good = tmp_path / "good.json"
    good.write_text(to_json(husband_cares), encoding="utf-8")
    child_doc = tmp_path / "child.json"
    child_doc.write_text(to_json(child), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "Relationship", "schema_version": 1, "kind": 5}', encoding="utf-8")

    code, text = _run("validate", str(good), "--on", "2025-12-01")
    assert code == 0, text
    code, text = _run("validate", str(good), str(child_doc), "--on", "2026-11-22")
    assert code == 0  # warnings only
    assert "REL-CHILD-NEEDS-SUPPORT" in text
    code, text = _run("validate", str(bad), str(good), "--on", "2026-01-01", "--format", "json")
    assert code == 2
    results = json.loads(text)["files"]
    assert results[0]["readable"] is False
    assert any(p["path"] == "$.kind" for p in results[0]["problems"])
    assert results[1]["ok"] is True
    code, _ = _run("validate", str(tmp_path / "missing.json"), "--on", "2026-01-01")
    assert code == 2


def test_validate_needs_a_file() -> None:
    """Without a file to read, a usage error (exit 2)."""
    with pytest.raises(SystemExit) as exit_:
        _run("validate", "--on", "2026-01-01")
    assert exit_.value.code == 2


def test_a_reader_that_goes_away_is_not_an_error() -> None:
    """`anhorig demo | head -1` exits 0 without a traceback."""
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "anhorig", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stdout.read(10)
    process.stdout.close()
    assert process.stderr is not None
    with process.stderr:
        errors = process.stderr.read().decode()
    assert process.wait(timeout=30) == 0
    assert "Traceback" not in errors


@pytest.mark.parametrize("columns", [None, "100", "40", "0", "-3", "wide"])
@pytest.mark.parametrize("lines", [None, "30"])
@pytest.mark.parametrize("terminal", [None, 0, 123])
def test_help_is_as_wide_as_argparse_makes_it(
    monkeypatch: pytest.MonkeyPatch, columns: str | None, lines: str | None, terminal: int | None
) -> None:
    """The command's help formatter takes argparse's width (the terminal's, as
    ``shutil.get_terminal_size`` says, less 2) without importing shutil (issue 14,
    start-up): the same for every ``COLUMNS`` and ``LINES``, on a terminal of any width
    and on none."""
    for name, value in (("COLUMNS", columns), ("LINES", lines)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)

    def size(fd: int) -> os.terminal_size:
        if terminal is None:
            raise OSError("not a terminal")
        return os.terminal_size((terminal, 40))

    monkeypatch.setattr(os, "get_terminal_size", size)
    ours, theirs = _Formatter("anhorig"), argparse.HelpFormatter("anhorig")
    assert (ours._width, ours._max_help_position) == (theirs._width, theirs._max_help_position)
