"""A repeated JSON key is refused at every entry point, FHIR and the store included.

The FHIR reader in ``anhorig validate`` and the store's import used Python's own
``json.loads``, which keeps the last of two values: the document decided on would not be
the one a sender whose parser keeps the first value sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from anhorig.cli import main

FHIR = Path(__file__).parent.parent / "examples" / "consent" / "consent-fhir-r5.json"


def _with_status_twice(tmp_path: Path) -> Path:
    text = FHIR.read_text("utf-8")
    assert text.count('"status": "active"') == 1
    doubled = text.replace('"status": "active"', '"status": "inactive", "status": "active"')
    path = tmp_path / "consent.json"
    path.write_text(doubled, "utf-8")
    return path


def test_validate_refuses_a_fhir_consent_with_a_repeated_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", str(FHIR), "--on", "2026-04-01"]) in (0, 1)
    assert main(["validate", str(_with_status_twice(tmp_path)), "--on", "2026-04-01"]) == 2
    assert "status" in capsys.readouterr().out


def test_store_import_refuses_a_file_with_a_repeated_key(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    assert main(["store", "import", url, str(_with_status_twice(tmp_path))]) == 2
