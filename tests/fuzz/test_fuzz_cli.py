"""Fuzzing the command line: every subcommand on mutated files, in-process and for real.

Each subcommand reads a mutated example file (and options at the calendar's edges).
The only acceptable outcomes are an exit code 0, 1 or 2 — 2 whenever the file cannot
be read — or argparse's usage error (exit 2) for an option value it refuses; never
another exception, never a traceback, never output that cannot be written as UTF-8.
A few hostile files are also run through a real ``python -m anhorig`` process.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import anhorig
from anhorig import InvalidInput, from_json
from anhorig.cli import main
from anhorig.serialization import load_json

from .mutations import EDGE_TIMES, mutated

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SCALE = settings().max_examples

DATES = ("2026-11-22", "2024-02-29", "2026-03-29", "2026-10-25", "1800-01-01", "2199-12-31")
BAD_DATES = ("2025-02-29", "9999-12-31", "0001-01-01", "1799-12-31", "2200-01-01", "2026-13-01")


def _example(*parts: str) -> Any:
    return json.loads((EXAMPLES.joinpath(*parts)).read_text("utf-8"))


def run(argv: list[str]) -> tuple[int, str]:
    """``anhorig`` in-process: its exit code and everything it printed, which must be
    writable as UTF-8 and hold no traceback."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            code = main(argv, out)
        except SystemExit as exit_:  # argparse refusing an option value
            code = exit_.code if isinstance(exit_.code, int) else 2
            assert code == 2
    printed = out.getvalue() + err.getvalue()
    printed.encode("utf-8")
    assert "Traceback" not in printed
    assert code in (0, 1, 2)
    return code, printed


def readable(source: str | bytes, read: Callable[[Any], object]) -> bool:
    """Whether ``read(load_json(source))`` gives a value rather than InvalidInput."""
    try:
        read(load_json(source))
    except InvalidInput:
        return False
    return True


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-cli")


def _write(directory: Path, name: str, source: str | bytes) -> str:
    path = directory / name
    path.write_bytes(
        source if isinstance(source, bytes) else source.encode("utf-8", "surrogatepass")
    )
    return str(path)


fuzz = settings(
    max_examples=SCALE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_NATIVE = sorted(
    str(p.relative_to(EXAMPLES)) for p in EXAMPLES.glob("*/*.json") if "fhir" not in p.name
)


@fuzz
@given(st.sampled_from(_NATIVE), st.data())
def test_validate_reads_or_refuses_every_mutated_example(
    workdir: Path, name: str, data: st.DataObject
) -> None:
    """``anhorig validate``: exit 2 exactly when the document cannot be read (or its
    family refuses it), else 0 or 1; human and JSON output alike."""
    source = data.draw(mutated(_example(name)), label="file")
    path = _write(workdir, "document.json", source)
    on = data.draw(st.sampled_from(DATES), label="on")
    options = data.draw(st.sampled_from([[], ["--format", "json"], ["--lang", "en"]]))
    code, _ = run(["validate", "--on", on, *options, path])
    if not readable(source, lambda d: from_json(None, json.dumps(d))):
        assert code == 2


@fuzz
@given(
    st.sampled_from(
        ["consent.json", "consent-fhir-r4.json", "consent-fhir-r5.json", "revocation.json"]
    ),
    st.data(),
)
def test_consent_check_reads_or_refuses_mutated_records_and_requests(
    workdir: Path, name: str, data: st.DataObject
) -> None:
    """``anhorig consent check`` with a mutated record file, or a mutated request, or a
    list of records: 0 or 1 when readable, 2 when not; a refused request is 2."""
    request = str(
        EXAMPLES
        / "consent"
        / data.draw(st.sampled_from(["request-economy.json", "request-sip.json"]))
    )
    records = data.draw(
        st.sampled_from(
            [
                _example("consent", name),
                [_example("consent", name), _example("consent", "consent.json")],
            ]
        )
    )
    source = data.draw(mutated(records), label="records")
    path = _write(workdir, "records.json", source)
    code, _ = run(["consent", "check", "--request", request, path])
    if not readable(source, lambda _: None):
        assert code == 2
    bad_request = data.draw(mutated(_example("consent", "request-economy.json")), label="request")
    request_path = _write(workdir, "request.json", bad_request)
    code, _ = run(
        [
            "consent",
            "check",
            "--format",
            "json",
            "--request",
            request_path,
            str(EXAMPLES / "consent" / "consent.json"),
        ]
    )
    if not readable(bad_request, lambda d: from_json(None, json.dumps(d))):
        assert code == 2


@fuzz
@given(st.data())
def test_plans_check_reads_or_refuses_mutated_plans_and_policies(
    workdir: Path, data: st.DataObject
) -> None:
    """``anhorig plans check`` with a mutated plan, or a mutated ``--policy`` file."""
    plan = data.draw(
        st.sampled_from([n for n in _NATIVE if n.startswith("plans/") and "policy" not in n])
    )
    source = data.draw(mutated(_example(plan)), label="plan")
    path = _write(workdir, "plan.json", source)
    code, _ = run(["plans", "check", "--on", data.draw(st.sampled_from(DATES)), path])
    if not readable(source, lambda d: from_json(None, json.dumps(d))):
        assert code == 2
    policy = data.draw(mutated(_example("plans", "plan-policy-six-months.json")), label="policy")
    policy_path = _write(workdir, "policy.json", policy)
    code, _ = run(
        ["plans", "check", "--on", "2026-11-22", "--policy", policy_path, str(EXAMPLES / plan)]
    )
    if not readable(policy, lambda d: from_json(None, json.dumps(d))):
        assert code == 2


@fuzz
@given(st.data())
def test_respite_balance_reads_or_refuses_mutated_ledgers(
    workdir: Path, data: st.DataObject
) -> None:
    """``anhorig respite balance`` with a mutated ledger, and ``--on``, ``--as-of`` and
    ``--grant`` at the calendar's edges."""
    source = data.draw(mutated(_example("respite", "ledger.json")), label="ledger")
    path = _write(workdir, "ledger.json", source)
    options: list[str] = []
    if data.draw(st.booleans(), label="with --on"):
        options += ["--on", data.draw(st.sampled_from(DATES + BAD_DATES))]
    if data.draw(st.booleans(), label="with --as-of"):
        options += ["--as-of", data.draw(st.sampled_from(EDGE_TIMES))]
    if data.draw(st.booleans(), label="with --grant"):
        options += ["--grant", data.draw(st.sampled_from(["AVL-1", "nope", ""]))]
    code, _ = run(
        [
            "respite",
            "balance",
            path,
            *options,
            "--format",
            data.draw(st.sampled_from(["human", "json"])),
        ]
    )
    if not readable(source, lambda d: from_json(None, json.dumps(d))):
        assert code == 2


@settings(max_examples=SCALE)
@given(
    st.sampled_from(["demo", "schema", "template"]),
    st.sampled_from(DATES + BAD_DATES),
    st.text(max_size=12),
)
def test_the_commands_without_files_take_any_option(command: str, day: str, word: str) -> None:
    """``demo --on``, ``schema TYPE`` and ``plans template`` with odd values."""
    argv = {
        "demo": ["demo", "--on", day],
        "schema": ["schema", word or "x"],
        "template": ["plans", "template", "--municipality", word or "x", "--from", day],
    }[command]
    run([a.replace("\x00", "") for a in argv])


# --- real processes ------------------------------------------------------------------------


def _consent_with_repeated_key() -> bytes:
    text = (EXAMPLES / "consent" / "consent.json").read_text("utf-8")
    return text.replace(
        '"categories": [\n          "social_services.economy"',
        '"categories": [],\n        "categories": [\n          "social_services.economy"',
    ).encode()


HOSTILE_FILES = {
    "repeated-key": _consent_with_repeated_key(),
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "invalid-utf8": b'{"type": "Person", "schema_version": 1, "name": "\xff"}',
    "lone-surrogate": b'{"type": "Person", "schema_version": 1, "name": "\\ud800"}',
    "overflow": b'{"type": "Person", "schema_version": 1, "name": 1e999}',
    "nanoseconds": (EXAMPLES / "consent" / "consent.json")
    .read_bytes()
    .replace(b"10:00:00+01:00", b"10:00:00.123456789+01:00"),
    "fhir-coding": json.dumps(
        {**_example("consent", "consent-fhir-r5.json"), "provision": [{"action": [{"coding": 5}]}]}
    ).encode(),
}


def _anhorig(*argv: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m anhorig`` in a new process, importing this same source."""
    source = str(Path(anhorig.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    return subprocess.run(
        [sys.executable, "-m", "anhorig", *argv],
        capture_output=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_a_real_process_exits_2_without_a_traceback(tmp_path: Path) -> None:
    """``python -m anhorig validate`` and ``consent check`` on all hostile files at once:
    exit 2, each file named unreadable, no traceback, output that decodes as UTF-8."""
    paths = []
    for name, content in sorted(HOSTILE_FILES.items()):
        paths.append(tmp_path / f"{name}.json")
        paths[-1].write_bytes(content)
    request = str(EXAMPLES / "consent" / "request-economy.json")
    done = _anhorig("validate", "--on", "2026-05-04", "--format", "json", *map(str, paths))
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr
    results = json.loads(done.stdout.decode("utf-8"))["files"]
    assert [r["readable"] for r in results] == [False] * len(paths)
    done = _anhorig("consent", "check", "--request", request, *map(str, paths))
    assert done.returncode == 2, done.stderr
    assert b"Traceback" not in done.stderr + done.stdout
    printed = done.stdout.decode("utf-8")
    assert all(str(path) in printed for path in paths)


def test_a_real_process_refuses_on_outside_the_supported_years() -> None:
    """``--on 9999-12-31`` gave an OverflowError traceback; now a usage error, exit 2."""
    source = str(Path(anhorig.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "anhorig",
            "validate",
            "--on",
            "9999-12-31",
            str(EXAMPLES / "consent" / "consent.json"),
        ],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert b"1800" in done.stderr
