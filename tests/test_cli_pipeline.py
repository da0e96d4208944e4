"""The command line as a pipeline meets it, through real processes (``python -m anhorig``):
standard input, directories, the summary line, one problem format in every subcommand,
exit codes, the judging date, argparse in Swedish, ``demo --format json``, ``plans
template --lang en`` and the units of ``respite balance``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pendulum
import pytest

import anhorig as _package
from anhorig._cli import _is_dir as _cli_is_dir
from anhorig._values import date_text

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
RELATIONSHIP = EXAMPLES / "core" / "relationship.json"
INVALID = EXAMPLES / "core" / "relationship-invalid.json"
LEDGER = EXAMPLES / "respite" / "ledger.json"

PROBLEM = {
    "type": "object",
    "required": ["file", "path", "code", "severity", "message", "references"],
    "additionalProperties": False,
    "properties": {
        "file": {"type": ["string", "null"]},
        # A JSON path from the root, or an option's name; never a file name glued on.
        "path": {"type": "string", "pattern": r"^(\$([.\[].*)?|--[a-z-]+|[A-Z]+)$"},
        "code": {"type": "string", "pattern": "^[A-Z0-9]+(-[A-Z0-9]+)+$"},
        "severity": {"enum": ["error", "warning", "info"]},
        "message": {"type": "string", "minLength": 1},
        "references": {"type": "array", "items": {"type": "string"}},
    },
}
"""The one problem format, as a JSON Schema every subcommand's output is checked against."""

CHECKED = {
    "type": "object",
    "required": ["on", "on_source", "files", "summary"],
    "properties": {
        "on": {"type": "string", "format": "date"},
        "on_source": {"enum": ["option", "today"]},
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["file", "readable", "problems"],
                "properties": {"problems": {"type": "array", "items": PROBLEM}},
            },
        },
        "summary": {
            "type": "object",
            "required": ["files", "valid", "invalid", "unreadable"],
            "additionalProperties": {"type": "integer"},
        },
    },
}
"""The output of ``validate``, ``plans check`` and ``discharge check``."""

UNREADABLE = {
    "type": "object",
    "required": ["readable", "problems"],
    "properties": {
        "readable": {"const": False},
        "problems": {"type": "array", "minItems": 1, "items": PROBLEM},
    },
}
"""The output of a command whose input cannot be read."""


def anhorig(
    *argv: str | Path, stdin: bytes | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m anhorig`` as a user does, with ``stdin`` on standard input."""
    env = {**os.environ, "PYTHONPATH": str(Path(_package.__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-m", "anhorig", *map(str, argv)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        env=env,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert b"Traceback" not in done.stderr, done.stderr
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


def as_json(done: subprocess.CompletedProcess[str], schema: dict[str, Any]) -> Any:
    """The command's JSON output, checked against ``schema``."""
    document = json.loads(done.stdout)
    jsonschema.validate(document, schema)
    return document


def stockholm_days() -> set[str]:
    """Today in Europe/Stockholm (and tomorrow, should the test run across midnight)."""
    today = pendulum.now("Europe/Stockholm").date()
    return {today.isoformat(), today.add(days=1).isoformat()}


def test_standard_input() -> None:
    """``-`` reads the document from standard input."""
    done = anhorig("validate", "-", "--on", "2026-01-15", stdin=RELATIONSHIP.read_bytes())
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines() == ["Bedömt per 15 januari 2026", "-: Relationship giltig"]
    done = anhorig("validate", "-", "--on", "2026-01-15", "--format", "json", stdin=b"{")
    assert done.returncode == 2
    (result,) = as_json(done, CHECKED)["files"]
    assert [(p["file"], p["code"], p["path"]) for p in result["problems"]] == [
        ("-", "INPUT-JSON", "$")
    ]


def test_a_directory_is_every_json_file_under_it_in_sorted_order(tmp_path: Path) -> None:
    """Recursively, ``*.json`` only, sorted; the run ends with the summary line."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.json").write_bytes(RELATIONSHIP.read_bytes())
    (tmp_path / "a.json").write_bytes(INVALID.read_bytes())
    (tmp_path / "c.json").write_text('{"type": "Relationship", "schema_version": 2}', "utf-8")
    (tmp_path / "notes.txt").write_text("not a document", "utf-8")
    done = anhorig("validate", tmp_path, "--on", "2026-01-15", "--lang", "en")
    assert done.returncode == 2
    heads = [line for line in done.stdout.splitlines() if not line.startswith(" ")]
    assert heads == [
        "Judged on 15 January 2026",
        f"{tmp_path / 'a.json'}: UNREADABLE",
        f"{tmp_path / 'b' / 'z.json'}: Relationship valid",
        f"{tmp_path / 'c.json'}: UNREADABLE",
        "3 files: 1 valid, 0 invalid, 2 unreadable",
    ]
    # Numbers quoted as numbers: schema_version 2 is "got 2", not "got '2'".
    assert "  ERROR INPUT-DOCUMENT $.schema_version: expected 1, got 2" in done.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    done = anhorig("validate", empty, "--on", "2026-01-15", "--format", "json")
    assert done.returncode == 2
    (result,) = as_json(done, CHECKED)["files"]
    assert result["problems"][0]["code"] == "INPUT-FILE"


def test_a_name_is_a_directory_exactly_when_pathlib_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command asks whether a name is a directory without importing pathlib when it
    names a file (issue 14, start-up); every name gets ``Path(name).is_dir()``'s answer:
    files, directories, links to either, a broken link, missing names, trailing slashes,
    ``.`` components, the empty name (the working directory) and a NUL byte."""
    (tmp_path / "d").mkdir()
    (tmp_path / "f.json").write_text("{}", "utf-8")
    (tmp_path / "to-d").symlink_to(tmp_path / "d")
    (tmp_path / "to-f").symlink_to(tmp_path / "f.json")
    (tmp_path / "broken").symlink_to(tmp_path / "nowhere")
    monkeypatch.chdir(tmp_path)
    names = [
        *(
            f"{n}{tail}"
            for n in ("d", "f.json", "to-d", "to-f", "broken", "nowhere")
            for tail in ("", "/", "/.", "//")
        ),
        "./f.json",
        "d/../f.json",
        "f.json/x",
        ".",
        "",
        str(tmp_path / "f.json"),
        str(tmp_path) + "//d",
        "nul\0byte",
    ]
    for name in names:
        assert _cli_is_dir(name) is Path(name).is_dir(), repr(name)


def test_the_summary_counts_valid_invalid_and_unreadable() -> None:
    """``13 filer: 9 giltiga, 3 ogiltiga, 1 oläsbar``: here over the plan examples."""
    done = anhorig(
        "plans",
        "check",
        EXAMPLES / "plans",
        "--on",
        "2026-11-22",
        "--policy",
        EXAMPLES / "plans" / "plan-policy-six-months.json",
    )
    assert done.returncode == 2  # the policy document itself is not a plan
    assert done.stdout.splitlines()[-1] == "7 filer: 2 giltiga, 4 ogiltiga, 1 oläsbar"
    done = anhorig("validate", RELATIONSHIP, RELATIONSHIP, "--on", "2026-01-15", "--lang", "en")
    assert done.stdout.splitlines()[-1] == "2 files: 2 valid, 0 invalid, 0 unreadable"
    one = anhorig("validate", RELATIONSHIP, "--on", "2026-01-15")
    assert "filer" not in one.stdout  # one file: no summary line


def test_one_problem_format_in_every_subcommand(tmp_path: Path) -> None:
    """Read problems and findings are the same objects everywhere, with JSON paths from
    ``$`` and the file apart from them."""
    bad = tmp_path / "bad.json"
    bad.write_text('{"type": "Relationship", "schema_version": 1, "kind": 5}', "utf-8")
    missing = tmp_path / "missing.json"

    checked = as_json(
        anhorig("validate", bad, RELATIONSHIP, missing, "--on", "2026-03-02", "--format", "json"),
        CHECKED,
    )
    codes = [{p["code"] for p in f["problems"]} for f in checked["files"]]
    assert codes == [{"INPUT-DOCUMENT"}, {"REL-INVOLVEMENT-OVERDUE"}, {"INPUT-FILE"}]
    assert checked["files"][1]["problems"][0]["path"] == "$.involvements[0].reconfirm_by"
    assert checked["summary"] == {"files": 3, "valid": 1, "invalid": 0, "unreadable": 2}

    plans = EXAMPLES / "plans" / "sip-invalid.json"
    argv: tuple[str | Path, ...]
    for argv in (
        ("plans", "check", plans, "--on", "2026-11-22"),
        ("discharge", "check", EXAMPLES / "discharge" / "stockholm-every-finding.json"),
    ):
        result = as_json(anhorig(*argv, "--format", "json"), CHECKED)
        assert result["files"][0]["problems"]

    consent = EXAMPLES / "consent" / "consent.json"
    for argv in (
        ("consent", "check", "--request", consent, consent),
        ("store", "import", f"sqlite:///{tmp_path / 'a.db'}", bad),
        ("respite", "balance", bad),
        ("respite", "balance", LEDGER, "--grant", "NOPE"),
        ("plans", "check", plans, "--policy", missing),
    ):
        done = anhorig(*argv, "--format", "json", "--lang", "en")
        assert done.returncode == 2, argv
        as_json(done, UNREADABLE)


def test_a_type_mismatch_is_one_line_without_the_file_in_the_path() -> None:
    """``consent check`` with a consent as the request: one line, the path is ``$.type``."""
    consent = EXAMPLES / "consent" / "consent.json"
    done = anhorig("consent", "check", "--request", consent, consent)
    assert done.returncode == 2
    assert done.stdout.splitlines() == [
        f"{consent}: OLÄSBAR",
        "  FEL INPUT-DOCUMENT $.type: väntade 'DisclosureRequest', fick 'Consent'",
    ]


def test_no_none_and_no_numbers_quoted_as_text(tmp_path: Path) -> None:
    """A missing type is said in words; a wrong schema_version is shown as the number."""
    untyped = tmp_path / "untyped.json"
    untyped.write_text('{"schema_version": 1}', "utf-8")
    done = anhorig("consent", "check", "--request", untyped, "--lang", "en")
    assert "None" not in done.stdout
    assert "$.type: expected 'DisclosureRequest', got nothing" in done.stdout
    done = anhorig("validate", untyped, "--on", "2026-01-15")
    assert "$.type: dokumenttypen saknas" in done.stdout


def test_exit_codes_and_their_documentation() -> None:
    """0 valid, 1 findings of error severity, 2 unreadable; listed in every --help."""
    assert anhorig("validate", RELATIONSHIP, "--on", "2026-01-15").returncode == 0
    sip = EXAMPLES / "plans" / "sip-invalid.json"
    assert anhorig("validate", sip, "--on", "2026-11-22").returncode == 1
    assert anhorig("validate", INVALID, "--on", "2026-01-15").returncode == 2
    assert anhorig("validate", "--on", "2026-01-15").returncode == 2  # no file: usage error
    for argv in (("--help",), ("validate", "--help"), ("respite", "balance", "--help")):
        done = anhorig(*argv, "--lang", "en") if argv != ("--help",) else anhorig(*argv)
        assert done.returncode == 0
        text = done.stdout
        assert ("exit codes:" in text) or ("slutkoder:" in text)
        assert all(f"  {code}  " in text for code in (0, 1, 2))
    reference = (ROOT / "docs" / "reference" / "cli.md").read_text("utf-8")
    assert "## Exit codes" in reference


def test_help_shows_the_defaults() -> None:
    """Every option with a default says it."""
    text = anhorig("validate", "--help", "--lang", "en").stdout
    assert "(default: sv)" in text
    assert "(default: human)" in text
    assert "today in Europe/Stockholm" in text
    text = anhorig("discharge", "checklist", "--help", "--lang", "en").stdout
    assert "default: the day of discharge" in text


def test_the_judging_date_defaults_to_today_in_stockholm_and_is_printed() -> None:
    """Without --on: today in Europe/Stockholm, printed in text and in JSON."""
    done = anhorig("validate", RELATIONSHIP, "--lang", "en")
    assert done.returncode in (0, 1)
    first = done.stdout.splitlines()[0]
    assert first.startswith("Judged on ")
    assert first.endswith(" (today in Europe/Stockholm)")
    days = {date_text(date.fromisoformat(d), "en") for d in stockholm_days()}
    assert first.removeprefix("Judged on ").removesuffix(" (today in Europe/Stockholm)") in days
    result = as_json(
        anhorig("plans", "check", EXAMPLES / "plans" / "sip-valid.json", "--format", "json"),
        CHECKED,
    )
    assert (result["on_source"], result["on"] in stockholm_days()) == ("today", True)
    given = as_json(
        anhorig("validate", RELATIONSHIP, "--on", "2026-01-15", "--format", "json"), CHECKED
    )
    assert (given["on"], given["on_source"]) == ("2026-01-15", "option")
    balance = json.loads(anhorig("respite", "balance", LEDGER, "--format", "json").stdout)
    assert (balance["on_source"], balance["on"] in stockholm_days()) == ("today", True)
    assert (
        "Bedömt per "
        in anhorig("discharge", "check", EXAMPLES / "discharge" / "stockholm-valid.json").stdout
    )


def test_argparse_speaks_swedish_in_swedish_mode() -> None:
    """Usage, errors and -h in Swedish by default, in English with --lang en."""
    done = anhorig("validate")
    assert done.returncode == 2
    assert done.stderr.startswith("användning: anhorig validate")
    assert "anhorig validate: fel: följande argument krävs: FILE" in done.stderr
    done = anhorig("validate", RELATIONSHIP, "--on", "2026-13-01")
    assert "fel: argumentet --on: inte ett datum ÅÅÅÅ-MM-DD: '2026-13-01'" in done.stderr
    done = anhorig("validate", RELATIONSHIP, "--format", "xml")
    assert "ogiltigt val: 'xml'" in done.stderr
    text = anhorig("validate", "--help").stdout
    assert "flaggor:" in text
    assert "visa den här hjälpen och avsluta" in text
    done = anhorig("validate", "--lang", "en")
    assert done.stderr.startswith("usage: anhorig validate")
    assert "error: the following arguments are required: FILE" in done.stderr


def test_demo_refuses_json_rather_than_ignoring_it() -> None:
    """``demo --format json`` is a usage error (exit 2), not the text in silence."""
    done = anhorig("demo", "--format", "json")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "okända argument: --format json" in done.stderr
    assert anhorig("demo", "--lang", "en").stdout.startswith(
        anhorig("demo", "--lang", "en", "--on", "2026-11-22").stdout[:40]
    )


def test_plans_template_in_english() -> None:
    """``plans template --lang en`` prints the rows in English; Swedish by default."""
    argv = ("plans", "template", "--municipality", "Exempelby", "--from", "2026-01-01")
    english = json.loads(anhorig(*argv, "--lang", "en").stdout)
    swedish = json.loads(anhorig(*argv).stdout)
    assert english["activities"][0]["activity"] == "Governing documents"
    assert swedish["activities"][0]["activity"] == "Styrdokument"
    assert len(english["activities"]) == len(swedish["activities"])
    assert [a["area"] for a in english["activities"]] == [a["area"] for a in swedish["activities"]]
    done = anhorig("plans", "template", "--municipality", "", "--from", "2026-01-01")
    assert done.returncode == 2
    assert "FEL INPUT-OPTION --municipality:" in done.stdout


def test_balance_amounts_say_their_unit() -> None:
    """Hours as hours and seconds as seconds; the period's last day and exclusive end."""
    done = anhorig(
        "respite",
        "balance",
        "-",
        "--on",
        "2026-04-15",
        "--format",
        "json",
        stdin=LEDGER.read_bytes(),
    )
    assert done.returncode == 0
    result = json.loads(done.stdout)
    assert (result["on"], result["on_source"]) == ("2026-04-15", "option")
    march = next(b for b in result["balances"] if b["period"]["start"] == "2026-03-01")
    assert march["period"] == {
        "start": "2026-03-01",
        "last": "2026-03-31",
        "end_exclusive": "2026-04-01",
    }
    assert march["unit"] == "hours"
    assert (march["granted_seconds"], march["granted_hours"]) == (36000, 10)
    assert (march["used_seconds"], march["used_hours"]) == (36000, 10)
    assert "granted" not in march  # no bare number without its unit
    april = next(b for b in result["balances"] if b["period"]["start"] == "2026-04-01")
    assert (april["reserved_seconds"], april["reserved_hours"]) == (18000, 5)
    table = anhorig("respite", "balance", LEDGER, "--on", "2026-04-15", "--lang", "en").stdout
    lines = table.splitlines()
    assert lines[0] == "Judged on 15 April 2026"
    assert "period (through)" in lines[1]
    assert "2026-03-01–2026-03-31  10 h" in table


@pytest.mark.parametrize("day", [date(2026, 1, 1), date(2026, 6, 30)])
def test_the_balance_date_given_is_the_date_printed(day: date) -> None:
    """The date asked about is the date the table says it judged."""
    text = anhorig("respite", "balance", LEDGER, "--on", day.isoformat()).stdout
    assert text.splitlines()[0] == f"Bedömt per {date_text(day, 'sv')}"
