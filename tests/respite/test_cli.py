"""``anhorig respite balance`` and ``anhorig validate`` on a ledger document."""

from __future__ import annotations

import io
import json
from pathlib import Path

from anhorig.cli import main

EXAMPLE = Path(__file__).parents[2] / "examples" / "respite" / "ledger.json"


def run(*argv: str) -> tuple[int, str]:
    """Run the command and capture what it prints."""
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def test_balance_per_period_in_english() -> None:
    """The balance is printed per month; the spring night counts 10 elapsed hours."""
    code, text = run("respite", "balance", str(EXAMPLE), "--on", "2026-04-15", "--lang", "en")
    assert code == 0
    lines = text.splitlines()
    assert lines.pop(0) == "Judged on 15 April 2026"
    assert lines[0].split() == [
        "grant",
        "period",
        "(through)",
        "granted",
        "carried",
        "used",
        "reserved",
        "remaining",
        "over",
    ]
    march = next(line for line in lines if "2026-03-01" in line)
    assert march.split()[1] == "2026-03-01–2026-03-31"  # through the last day
    assert march.split()[2:] == ["10", "h", "0", "h", "10", "h", "0", "h", "0", "h", "0", "h"]
    assert len(lines) == 1 + 6


def test_balance_as_json_and_as_of() -> None:
    """``--format json`` gives Balance documents; ``--as-of`` reads the past."""
    code, text = run(
        "respite",
        "balance",
        str(EXAMPLE),
        "--on",
        "2026-04-15",
        "--format",
        "json",
        "--as-of",
        "2026-02-28T00:00:00+01:00",
        "--grant",
        "AVL-1",
    )
    assert code == 0
    rows = json.loads(text)["balances"]
    assert [r["used_seconds"] + r["reserved_seconds"] for r in rows] == [0] * 6


def test_balance_swedish_default_and_unreadable(tmp_path: Path) -> None:
    """Swedish headings by default; a bad document exits 2 naming the problem."""
    code, text = run("respite", "balance", str(EXAMPLE), "--on", "2026-04-15")
    assert code == 0
    assert text.splitlines()[1].startswith("insats")
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "Ledger", "schema_version": 1, "grants": 5}', encoding="utf-8")
    assert run("respite", "balance", str(bad))[0] == 2
    assert run("respite", "balance", str(tmp_path / "missing.json"))[0] == 2
    assert run("respite", "balance", str(EXAMPLE), "--grant", "NOPE")[0] == 2


def test_validate_finds_the_ledger_checker() -> None:
    """``anhorig validate`` checks a Ledger with the respite rules."""
    code, text = run("validate", str(EXAMPLE), "--on", "2026-04-15", "--lang", "en")
    assert code == 0
    assert "Ledger valid" in text
