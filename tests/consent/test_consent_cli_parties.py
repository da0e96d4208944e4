"""``--parties`` through real processes: a FHIR consent that refers to its organisation
only by ``Organization/<id>``, as other systems write them, read by ``anhorig validate``
and ``anhorig consent check`` with the parties looked up in a file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli_pipeline import CHECKED, EXAMPLES, UNREADABLE, anhorig, as_json

EXT = "https://anhorig.invalid/fhir/StructureDefinition/"
ORG_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type"
REQUEST = EXAMPLES / "consent" / "request-sip.json"


def _town(**more: Any) -> dict[str, Any]:
    return {
        "resourceType": "Organization",
        "id": "kommun-0480-son",
        "name": "Socialnämnden i Nyköping",
        **more,
    }


WITH_EXTENSIONS = _town(
    extension=[
        {"url": EXT + "principal", "valueCode": "municipality"},
        {"url": EXT + "sector", "valueCode": "social_services"},
    ]
)


@pytest.fixture
def bare(tmp_path: Path) -> Path:
    """The repository's R4 consent, its organisation a bare reference."""
    resource = json.loads((EXAMPLES / "consent" / "consent-fhir-r4.json").read_text("utf-8"))
    resource["organization"] = [{"reference": "Organization/kommun-0480-son"}]
    path = tmp_path / "consent.fhir.json"
    path.write_text(json.dumps(resource), encoding="utf-8")
    return path


def _write(tmp_path: Path, name: str, data: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_without_parties_the_reference_is_refused_saying_where_to_give_it(bare: Path) -> None:
    done = anhorig("validate", "--on", "2026-05-04", "--lang", "en", bare)
    assert done.returncode == 2
    assert "$.organization[0]: the principal is not known" in done.stdout
    assert "--parties" in done.stdout


@pytest.mark.parametrize(
    "parties",
    [
        [WITH_EXTENSIONS],
        WITH_EXTENSIONS,
        {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": WITH_EXTENSIONS}]},
        [
            {
                "type": "Organisation",
                "schema_version": 1,
                "id": "kommun-0480-son",
                "name": "Socialnämnden i Nyköping",
                "principal": "municipality",
                "sector": "social_services",
            }
        ],
    ],
    ids=["list", "one", "bundle", "anhorig-organisation"],
)
def test_validate_and_check_read_the_consent_with_its_parties(
    bare: Path, tmp_path: Path, parties: object
) -> None:
    """A list, one resource, a Bundle, or anhorig's own Organisation document."""
    file = _write(tmp_path, "parties.json", parties)
    done = anhorig("validate", "--on", "2026-05-04", "--parties", file, bare)
    assert done.returncode == 0, done.stdout
    assert done.stdout.splitlines()[-1].endswith("Consent giltig")
    done = anhorig("consent", "check", "--request", REQUEST, "--parties", file, bare)
    assert done.returncode == 0, done.stdout
    assert "CONSENT-PERMIT" in done.stdout
    without = anhorig("consent", "check", "--request", REQUEST, bare, "--format", "json")
    assert without.returncode == 2
    as_json(without, UNREADABLE)


def test_what_an_organization_does_not_say_is_refused_clearly(bare: Path, tmp_path: Path) -> None:
    """organization-type 'prov' says health care; nothing HL7 codes says the principal."""
    typed = _town(type=[{"coding": [{"system": ORG_TYPE, "code": "prov"}]}])
    file = _write(tmp_path, "parties.json", [typed])
    done = anhorig(
        "validate",
        "--on",
        "2026-05-04",
        "--parties",
        file,
        bare,
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert done.returncode == 2
    (result,) = as_json(done, CHECKED)["files"]
    messages = {p["path"]: p["message"] for p in result["problems"]}
    assert messages == {
        "$.organization[0]": "the principal is not known (the Organization gives it neither "
        "by anhorig's extension 'principal' nor by a type code the mapping tables know)"
    }


def test_a_parties_file_that_cannot_be_read_is_reported_with_its_paths(
    bare: Path, tmp_path: Path
) -> None:
    """A Consent among the parties, a party without an id, a broken Organisation
    document: every problem with its path, in the one problem format, exit 2."""
    consent = json.loads(bare.read_text("utf-8"))
    bad = [consent, {"resourceType": "Patient"}, {"type": "Organisation", "id": "x"}]
    file = _write(tmp_path, "parties.json", bad)
    for command in (
        ("validate", "--on", "2026-05-04"),
        ("consent", "check", "--request", REQUEST),
    ):
        done = anhorig(*command, "--parties", file, bare, "--format", "json")
        assert done.returncode == 2
        problems = as_json(done, UNREADABLE)["problems"]
        paths = {(p["file"], p["path"]) for p in problems}
        assert {
            (str(file), "$[0].resourceType"),
            (str(file), "$[1].id"),
            (str(file), "$[2].name"),
        } <= paths, paths
    missing = anhorig("validate", "--parties", tmp_path / "nowhere.json", bare)
    assert missing.returncode == 2
    assert "INPUT-FILE" in missing.stdout


@pytest.mark.skipif(
    not os.environ.get("ANHORIG_FHIR_EXAMPLES"), reason="set ANHORIG_FHIR_EXAMPLES (HL7 examples)"
)
def test_hl7s_basic_example_is_read_with_a_parties_file(tmp_path: Path) -> None:
    """HL7's R4 basic example refers to Organization/f001 bare: with Burgers among the
    parties it is read and judged (not documented by anhorig's rules, out of force)."""
    example = Path(os.environ["ANHORIG_FHIR_EXAMPLES"]) / "r4" / "consent-example-basic.json"
    if not example.exists():
        pytest.skip(f"{example} is missing")
    burgers = {
        "resourceType": "Organization",
        "id": "f001",
        "name": "Burgers University Medical Center",
        "type": [{"coding": [{"system": ORG_TYPE, "code": "prov"}]}],
        "extension": [{"url": EXT + "principal", "valueCode": "region"}],
    }
    file = _write(tmp_path, "parties.json", [burgers])
    done = anhorig("validate", "--on", "2026-12-03", "--parties", file, example)
    assert done.returncode == 1, done.stdout
    assert "Consent ogiltig" in done.stdout
    assert "CONSENT-UNDOCUMENTED" in done.stdout


def test_parties_are_refused_with_a_store(tmp_path: Path) -> None:
    """A store holds anhorig's consents with their parties: --parties there is refused,
    not ignored."""
    url = f"sqlite:///{tmp_path / 'consents.db'}"
    file = _write(tmp_path, "parties.json", [WITH_EXTENSIONS])
    done = anhorig(
        "consent", "check", "--store", url, "--request", REQUEST, "--parties", file, "--lang", "en"
    )
    assert done.returncode == 2
    assert "--parties: --parties is for FHIR consent files" in done.stdout


def test_store_import_reads_the_consent_with_its_parties_and_decides_as_the_files(
    bare: Path, tmp_path: Path
) -> None:
    """``store import --parties`` stores the consent a bare reference names; deciding from
    the store then says what deciding from the file says. Without the parties nothing is
    stored (all or nothing) and the refusal says where to give them."""
    url = f"sqlite:///{tmp_path / 'consents.db'}"
    file = _write(tmp_path, "parties.json", [WITH_EXTENSIONS])
    refused = anhorig("store", "import", url, bare, "--lang", "en")
    assert refused.returncode == 2
    assert "--parties" in refused.stdout
    done = anhorig("store", "import", url, "--parties", file, bare, "--format", "json")
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout) == {"added": 1, "already": 0}
    stored = anhorig("consent", "check", "--store", url, "--request", REQUEST, "--format", "json")
    files = anhorig(
        "consent", "check", "--request", REQUEST, "--parties", file, bare, "--format", "json"
    )
    assert stored.returncode == files.returncode == 0
    assert json.loads(stored.stdout) == json.loads(files.stdout)


def test_store_import_reads_every_consent_in_a_bundle(tmp_path: Path) -> None:
    """A Bundle of two Consents and the people and organisations they refer to is
    imported whole; importing it again adds nothing."""
    bundle = json.loads(
        (Path(__file__).parent / "data" / "region-consent-bundle-r5.json").read_text("utf-8")
    )
    entries = bundle["entry"]
    consent = next(e for e in entries if e["resource"]["resourceType"] == "Consent")
    second = json.loads(json.dumps(consent))
    second["resource"]["id"] = second["resource"]["id"] + "-2"
    second["fullUrl"] = consent.get("fullUrl", "").replace(
        consent["resource"]["id"], second["resource"]["id"]
    )
    bundle["entry"] = [*entries, second]
    path = _write(tmp_path, "bundle.json", bundle)
    url = f"sqlite:///{tmp_path / 'consents.db'}"
    done = anhorig("store", "import", url, path, "--format", "json")
    assert done.returncode == 0, done.stdout
    assert json.loads(done.stdout) == {"added": 2, "already": 0}
    again = anhorig("store", "import", url, path, "--format", "json")
    assert json.loads(again.stdout) == {"added": 0, "already": 2}
