"""Fetch HL7's official Consent examples for the tests, never kept in this repository.

HL7 publishes every example of FHIR R4 (4.0.1) and R5 (5.0.0) as the packages
``hl7.fhir.r4.examples`` and ``hl7.fhir.r5.examples``, also on the npm registry. This
script packs both with ``npm pack``, checks each archive against the SHA-256 pinned
below (so the tests read exactly the published examples), and extracts the Consent
examples as ``DEST/r4/consent-example-<name>.json`` and ``DEST/r5/...``, the layout
``tests/consent/test_consent_fhir_examples.py`` reads from ``$ANHORIG_FHIR_EXAMPLES``.

Usage: ``python3 .ci/fhir_examples.py DEST``; exits 1, saying why, when npm or the
registry is out of reach, so that CI can say the examples were not tested.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

PACKAGES = {
    "r4": (
        "hl7.fhir.r4.examples@4.0.1",
        "dce87f1b5b9341867033f7d1f544fa1b5232503f6d62813887ac6b8a8b6cb682",
    ),
    "r5": (
        "hl7.fhir.r5.examples@5.0.0",
        "00106d2479ba1d73a1168543472b730744c157d9c427a686c88c32559afb09e5",
    ),
}
PREFIX = "package/Consent-consent-example-"


def fetch(dest: Path) -> int:
    npm = shutil.which("npm")
    if npm is None:
        print("fhir_examples: npm is not installed", file=sys.stderr)
        return 1
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        for version, (spec, sha256) in PACKAGES.items():
            done = subprocess.run(
                [npm, "pack", "--silent", spec],
                cwd=tmp,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            if done.returncode != 0:
                print(f"fhir_examples: npm pack {spec} failed: {done.stderr}", file=sys.stderr)
                return 1
            archive = Path(tmp) / done.stdout.strip().splitlines()[-1]
            digest = hashlib.sha256(archive.read_bytes()).hexdigest()
            if digest != sha256:
                print(f"fhir_examples: {spec} has SHA-256 {digest}, not {sha256}", file=sys.stderr)
                return 1
            folder = dest / version
            folder.mkdir(parents=True, exist_ok=True)
            with tarfile.open(archive) as tar:
                for member in tar.getmembers():
                    if member.isfile() and member.name.startswith(PREFIX):
                        name = "consent-example-" + member.name[len(PREFIX) :]
                        source = tar.extractfile(member)
                        assert source is not None
                        (folder / name).write_bytes(source.read())
                        count += 1
    print(f"fhir_examples: {count} Consent examples in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(fetch(Path(sys.argv[1])))
