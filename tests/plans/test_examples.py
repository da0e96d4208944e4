"""The example documents in examples/plans/ and the command line on them."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from anhorig.cli import main
from anhorig.plans import ImplementationPlan, Plan, check
from anhorig.serialization import document_types, from_json, json_schema

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "plans"
ON = date(2026, 11, 22)

EXPECTED = {
    "support-plan-valid.json": set(),
    "support-plan-invalid.json": {
        "PLAN-DECISION-REQUIRED",
        "PLAN-EXPECTS-UNWILLING-CARER",
        "PLAN-FOLLOW-UP-TOO-LATE",
        "PLAN-GOAL-UNKNOWN-NEED",
        "PLAN-NO-CARED-FOR-CONSENT",
        "PLAN-RELATIVE-COORDINATOR",
        "PLAN-VOLUNTEER-RESPITE",
    },
    "sip-valid.json": set(),
    "sip-invalid.json": {
        "SIP-DISCHARGE-INVITATION-LATE",
        "SIP-NO-CONSENT",
        "SIP-NO-LEAD",
        "SIP-OTHERS-NOT-ADDRESSED",
        "SIP-RELATIVE-NOT-ASKED",
        "SIP-RESPONSIBLE-ABSENT",
        "SIP-RESPONSIBLE-NOT-INVITED",
    },
    "implementation-plan-valid.json": set(),
    "implementation-plan-invalid.json": {
        "IMPL-AREA-EMPTY",
        "IMPL-DUE-OUTSIDE-PLAN",
        "IMPL-NO-HOW",
        "IMPL-NO-OWNER",
        "IMPL-OVERDUE",
    },
}


POLICY = "plan-policy-six-months.json"


def test_every_example_is_listed() -> None:
    """Each plan kind has exactly one valid and one invalid example, all listed here,
    beside one policy document."""
    assert {p.name for p in EXAMPLES.glob("*.json")} == {*EXPECTED, POLICY}


def test_plans_check_command_applies_a_policy() -> None:
    """anhorig plans check reads a PlanPolicy document: the valid stödplan's follow-up
    is too late under a 6-month policy; an unreadable policy exits 2."""
    plan = str(EXAMPLES / "support-plan-valid.json")
    out = io.StringIO()
    assert main(["plans", "check", plan, "--on", "2026-11-22"], out) == 0
    out = io.StringIO()
    args = ["plans", "check", plan, "--on", "2026-11-22", "--policy", str(EXAMPLES / POLICY)]
    assert main([*args, "--format", "json"], out) == 1
    assert [f["code"] for f in json.loads(out.getvalue())["files"][0]["problems"]] == [
        "PLAN-FOLLOW-UP-TOO-LATE"
    ]
    bad_policy = ["plans", "check", plan, "--on", "2026-11-22", "--policy", plan]
    assert main(bad_policy, io.StringIO()) == 2


def test_plans_template_command_prints_a_readable_plan() -> None:
    """anhorig plans template prints an ImplementationPlan document that reads back and,
    with an owner for every row, checks clean."""
    out = io.StringIO()
    args = ["plans", "template", "--municipality", "Sunne", "--from", "2027-01-01"]
    assert main([*args, "--responsible", "anhörigkonsulent"], out) == 0
    plan = from_json(ImplementationPlan, out.getvalue())
    assert plan.municipality == "Sunne"
    assert check(plan, on=date(2027, 1, 1)).findings == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_gives_expected_codes(name: str) -> None:
    """Valid examples check clean; invalid ones give exactly the codes the docs describe."""
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    plan = from_json(None, text)  # typed as object: narrowed before it is checked
    assert isinstance(plan, Plan)
    assert check(plan, on=ON).codes == EXPECTED[name]
    if not EXPECTED[name]:
        assert check(plan, on=ON).findings == ()


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_matches_its_schema(name: str) -> None:
    """Every example validates against the JSON Schema of its type."""
    document = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    jsonschema.validate(document, json_schema(document_types()[document["type"]]))


def test_validate_command_exit_codes() -> None:
    """anhorig validate: 0 for valid documents, 1 with error findings, 2 when unreadable."""
    valid = [str(EXAMPLES / n) for n in sorted(EXPECTED) if not EXPECTED[n]]
    invalid = [str(EXAMPLES / n) for n in sorted(EXPECTED) if EXPECTED[n]]
    out = io.StringIO()
    assert main(["validate", *valid, "--on", "2026-11-22"], out) == 0
    assert "giltig" in out.getvalue()
    out = io.StringIO()
    assert main(["validate", *valid, *invalid, "--on", "2026-11-22", "--lang", "en"], out) == 1
    assert "PLAN-VOLUNTEER-RESPITE" in out.getvalue()
    assert (
        main(["validate", str(EXAMPLES / "missing.json"), "--on", "2026-11-22"], io.StringIO()) == 2
    )


def test_validate_command_json_output(tmp_path: Path) -> None:
    """--format json gives every finding with code, severity, path, message and references;
    a document with an unknown field is unreadable, with its path."""
    broken = json.loads((EXAMPLES / "sip-valid.json").read_text(encoding="utf-8"))
    broken["nickname"] = "x"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    out = io.StringIO()
    code = main(
        [
            "validate",
            str(EXAMPLES / "support-plan-invalid.json"),
            str(bad),
            "--on",
            "2026-11-22",
            "--format",
            "json",
        ],
        out,
    )
    assert code == 2
    results = json.loads(out.getvalue())["files"]
    assert {f["code"] for f in results[0]["problems"]} == EXPECTED["support-plan-invalid.json"]
    assert all(f["path"] and f["message"] for f in results[0]["problems"])
    assert results[1]["readable"] is False
    assert any(p["path"] == "$.nickname" for p in results[1]["problems"])


@pytest.mark.parametrize(
    "type_name", ["SupportPlan", "CoordinatedPlan", "ImplementationPlan", "PlanPolicy"]
)
def test_schema_command_prints_each_plan_schema(type_name: str) -> None:
    """anhorig schema prints a valid draft 2020-12 JSON Schema for each plan type."""
    out = io.StringIO()
    assert main(["schema", type_name], out) == 0
    schema = json.loads(out.getvalue())
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == type_name
