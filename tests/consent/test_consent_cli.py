"""``anhorig consent check`` on the example documents."""

from __future__ import annotations

import io
import json
from pathlib import Path

from anhorig.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples" / "consent"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_permit_from_an_anhorig_document() -> None:
    """A SIP request covered by the consent is permitted (exit 0), with the journal line."""
    code, text = run(
        "consent",
        "check",
        "--request",
        str(EXAMPLES / "request-sip.json"),
        str(EXAMPLES / "consent.json"),
    )
    assert code == 0
    assert text.startswith("Beslut: tillåtet\n")
    assert "journal: 2026-05-04 09:30" in text


def test_fhir_documents_and_revocations_are_read() -> None:
    """FHIR R4 and R5 consents are read; a revocation ends them (exit 1, JSON output)."""
    code, text = run(
        "consent",
        "check",
        "--format",
        "json",
        "--lang",
        "en",
        "--request",
        str(EXAMPLES / "request-sip.json"),
        str(EXAMPLES / "consent-fhir-r4.json"),
        str(EXAMPLES / "revocation.json"),
    )
    assert code == 1
    result = json.loads(text)
    assert result["outcome"] == "not_applicable"
    assert result["decision"]["type"] == "Decision"
    code, text = run(
        "consent",
        "check",
        "--lang",
        "en",
        "--request",
        str(EXAMPLES / "request-economy.json"),
        str(EXAMPLES / "consent-fhir-r5.json"),
    )
    assert code == 1
    assert text.startswith("DENY\n")


def test_unreadable_input_exits_2(tmp_path: Path) -> None:
    """A missing file, bad JSON or a wrong document type gives exit 2, naming them."""
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, text = run(
        "consent",
        "check",
        "--request",
        str(EXAMPLES / "request-sip.json"),
        str(bad),
        str(tmp_path / "none.json"),
    )
    assert code == 2
    assert "bad.json" in text
    assert "none.json" in text
    code, text = run(
        "consent", "check", "--format", "json", "--request", str(EXAMPLES / "consent.json")
    )
    assert code == 2
    assert json.loads(text)["readable"] is False


def test_combining_option_and_list_documents(tmp_path: Path) -> None:
    """A file may hold a list of documents; --combining permit_overrides is honoured."""
    consent = json.loads((EXAMPLES / "consent.json").read_text(encoding="utf-8"))
    refusal = json.loads(json.dumps(consent))
    refusal["id"] = "refusal-1"
    refusal["provision"] = {
        "decision": "deny",
        "actions": [],
        "categories": [],
        "recipients": [],
        "purposes": [],
        "data_period": None,
        "exceptions": [],
    }
    both = tmp_path / "both.json"
    both.write_text(json.dumps([consent, refusal]), encoding="utf-8")
    request = str(EXAMPLES / "request-sip.json")
    assert run("consent", "check", "--request", request, str(both))[0] == 1
    assert (
        run("consent", "check", "--combining", "permit_overrides", "--request", request, str(both))[
            0
        ]
        == 0
    )


def test_validate_knows_consent_documents() -> None:
    """``anhorig validate`` checks a Consent document with the consent rule family."""
    code, text = run("validate", "--on", "2026-05-01", str(EXAMPLES / "consent.json"))
    assert code == 0
    assert "Consent giltig" in text
