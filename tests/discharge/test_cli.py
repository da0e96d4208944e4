"""``anhorig discharge checklist`` and ``check``, and ``anhorig validate`` on discharge
documents: in process and through a real subprocess."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import anhorig
from anhorig.cli import main
from anhorig.discharge import Checklist, DischargePolicy, ItemStatus
from anhorig.serialization import from_json, to_json
from tests.discharge.stockholm import EXAMPLES

VALID = str(EXAMPLES / "stockholm-valid.json")
EVERY = str(EXAMPLES / "stockholm-every-finding.json")
SRC = str(Path(anhorig.__file__).resolve().parents[1])  # the anhorig these tests import


def run(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    return main(list(args), out), out.getvalue()


def test_checklist_prints_steps_deadlines_and_decisions() -> None:
    """The Swedish page: the DST deadline of the notice, every transfer with its basis."""
    code, text = run("discharge", "checklist", VALID, "--on", "2026-11-09")
    assert code == 0
    assert "Bedömd 9 november 2026" in text
    assert "2026-10-24 10:00+02:00 → 2026-10-25 09:00+01:00 (klar i tid)" in text
    assert "samtycke-region-1" in text
    assert "nekat (CONSENT-RECIPIENT-DECLINES)" in text
    assert "Inga anmärkningar." in text


def test_checklist_in_english_with_findings_exits_1() -> None:
    """Errors among the findings: exit 1, and the blocked transfer is marked."""
    code, text = run("discharge", "checklist", EVERY, "--on", "2026-11-09", "--lang", "en")
    assert code == 1
    assert "[stopped: no basis]" in text
    assert "[given without a basis]" in text
    assert "DIS-CHILD-NOT-CONSIDERED" in text


def test_checklist_without_on_says_which_day_it_judged() -> None:
    """No clock: the document's discharge day is judged, and the page says so."""
    code, text = run("discharge", "checklist", VALID)
    assert code == 0
    assert text.startswith("(Inget --on angivet: bedömd 30 oktober 2026")


def test_checklist_as_json_is_a_checklist_document() -> None:
    """--format json prints a Checklist document that reads back."""
    code, text = run("discharge", "checklist", EVERY, "--on", "2026-11-09", "--format", "json")
    assert code == 1
    sheet = from_json(Checklist, text)
    assert sheet.on.isoformat() == "2026-11-09"
    assert ItemStatus.BLOCKED in {item.status for item in sheet.items}


def test_checklist_under_a_regional_policy(tmp_path: Path) -> None:
    """--policy reads a DischargePolicy document; an unreadable one exits 2."""
    policy = tmp_path / "policy.json"
    policy.write_text(to_json(DischargePolicy.example_region_stockholm()), encoding="utf-8")
    code, text = run("discharge", "checklist", VALID, "--on", "2026-11-09", "--policy", str(policy))
    assert code == 0
    assert "2 kalenderdagar" in text
    assert run("discharge", "checklist", VALID, "--policy", VALID)[0] == 2


def test_unreadable_documents_exit_2(tmp_path: Path) -> None:
    """A missing file or a document of another kind is unreadable, not a traceback."""
    assert run("discharge", "checklist", str(tmp_path / "missing.json"))[0] == 2
    other = tmp_path / "policy.json"
    other.write_text(to_json(DischargePolicy()), encoding="utf-8")
    assert run("discharge", "checklist", str(other))[0] == 2


def test_validate_reads_discharge_documents() -> None:
    """anhorig validate knows the family: the valid example is valid, the other is not."""
    code, text = run("validate", VALID, EVERY, "--on", "2026-11-09")
    assert code == 1
    assert f"{VALID}: DischargeProcess giltig" in text
    assert f"{EVERY}: DischargeProcess ogiltig" in text
    assert "DIS-TRANSFER-NO-BASIS" in text


def test_discharge_check_command_json() -> None:
    """anhorig discharge check gives every finding as JSON, like validate."""
    code, text = run("discharge", "check", EVERY, "--on", "2026-11-09", "--format", "json")
    assert code == 1
    (result,) = json.loads(text)["files"]
    assert len({f["code"] for f in result["problems"]}) == 21


def test_schema_command_prints_the_process_schema() -> None:
    """anhorig schema DischargeProcess."""
    code, text = run("schema", "DischargeProcess")
    assert code == 0
    assert json.loads(text)["title"] == "DischargeProcess"


def test_through_a_real_subprocess() -> None:
    """python -m anhorig discharge checklist, as a user runs it."""
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        [sys.executable, "-m", "anhorig", "discharge", "checklist", EVERY, "--on", "2026-11-09"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "Checklista vid utskrivning" in done.stdout
    assert "19400312" not in done.stdout
