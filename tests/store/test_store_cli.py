"""``anhorig store`` and ``--store URL`` on the example documents: the same output as
from the files, and exit codes 0 / 1 / 2."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from anhorig.cli import main

EXAMPLES = Path(__file__).parents[2] / "examples"
CONSENT = EXAMPLES / "consent"
LEDGER = EXAMPLES / "respite" / "ledger.json"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_consent_check_from_a_store_says_what_the_files_say(store_url: str) -> None:
    """Imported consents decide as the files do (exit 0); after importing the
    revocation, as the files with it do (exit 1); importing again adds nothing."""
    request = str(CONSENT / "request-sip.json")
    code, text = run("store", "import", store_url, str(CONSENT / "consent-fhir-r5.json"))
    assert (code, text) == (0, "1 poster tillagda, 0 fanns redan\n")
    assert run("consent", "check", "--store", store_url, "--request", request) == run(
        "consent", "check", "--request", request, str(CONSENT / "consent-fhir-r5.json")
    )
    assert run("consent", "check", "--store", store_url, "--request", request)[0] == 0
    code, text = run("store", "import", store_url, str(CONSENT / "revocation.json"), "--lang", "en")
    assert (code, text) == (0, "1 records added, 0 already there\n")
    both = (str(CONSENT / "consent-fhir-r5.json"), str(CONSENT / "revocation.json"))
    stored = run("consent", "check", "--store", store_url, "--request", request, "--format", "json")
    files = run("consent", "check", "--request", request, *both, "--format", "json")
    assert stored == files
    assert stored[0] == 1
    code, text = run("store", "import", store_url, *both, "--format", "json")
    assert (code, json.loads(text)) == (0, {"added": 0, "already": 2})


def test_respite_balance_from_a_store_says_what_the_ledger_file_says(store_url: str) -> None:
    """A ledger document imported into a store gives the same table and exit code."""
    assert run("store", "import", store_url, str(LEDGER))[0] == 0
    for extra in ((), ("--on", "2026-03-15"), ("--as-of", "2026-02-01T00:00:00+01:00")):
        for fmt in ("human", "json"):
            stored = run(
                "respite",
                "balance",
                "--store",
                store_url,
                "--grant",
                "AVL-1",
                "--format",
                fmt,
                *extra,
            )
            files = run(
                "respite", "balance", str(LEDGER), "--grant", "AVL-1", "--format", fmt, *extra
            )
            assert stored == files


def test_export_and_purge_of_one_person(store_url: str) -> None:
    """Export gives the person's documents (FHIR on request); purge reports counts only."""
    run(
        "store",
        "import",
        store_url,
        str(CONSENT / "consent.json"),
        str(CONSENT / "revocation.json"),
    )
    code, text = run("store", "export", store_url, "--person", "19391225-0028")
    assert code == 0
    assert [d["type"] for d in json.loads(text)] == ["Consent", "Revocation"]
    code, text = run("store", "export", store_url, "--person", "19391225-0028", "--fhir")
    assert json.loads(text)[0]["resourceType"] == "Consent"
    code, text = run(
        "store",
        "purge",
        store_url,
        "--person",
        "19391225-0028",
        "--before",
        "2030-01-01",
        "--reason",
        "gallring",
        "--by",
        "hsa-1",
        "--lang",
        "en",
    )
    assert code == 0
    assert text == "purged (#1, 2030-01-01): Consent 1, Revocation 1\n"
    assert "19391225" not in text
    assert json.loads(run("store", "export", store_url, "--person", "19391225-0028")[1]) == []


@pytest.mark.parametrize(
    "argv",
    [
        ("store", "import", "{url}", "/no/such/file.json"),
        ("store", "import", "{url}", str(CONSENT / "request-sip.json")),
        ("store", "import", "mysql://x", str(CONSENT / "consent.json")),
        ("store", "import", "{url}", str(CONSENT / "revocation.json")),
        ("store", "export", "{url}", "--person", "19391225-0029"),
        ("consent", "check", "--store", "{url}", "--request", "/no/such.json"),
        (
            "consent",
            "check",
            "--store",
            "{url}",
            "--request",
            str(CONSENT / "request-sip.json"),
            str(CONSENT / "consent.json"),
        ),
        ("respite", "balance", "--store", "{url}"),
        ("respite", "balance", "--store", "{url}", "--grant", "NO-SUCH"),
    ],
)
def test_unreadable_input_exits_2_and_masks(sqlite_url: str, argv: tuple[str, ...]) -> None:
    """A missing file, a document the store does not keep, a bad URL, a revocation of a
    consent not in the store, a bad personnummer, files together with --store, a missing
    or unknown grant: exit 2, nothing written, no personnummer in the output."""
    code, text = run(*(a.replace("{url}", sqlite_url) for a in argv))
    assert code == 2
    assert "19391225-0029" not in text
    assert "OLÄSBAR" in text
    from anhorig.store import open_store

    with open_store(sqlite_url) as store:
        assert len(store) == 0


def test_respite_balance_needs_a_ledger_or_a_store() -> None:
    """Without a ledger file and without --store: exit 2, saying what to give (in the
    one problem format, on standard output like every other problem)."""
    code, text = run("respite", "balance")
    assert code == 2
    assert "--store" in text
