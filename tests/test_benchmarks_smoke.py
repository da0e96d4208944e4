"""The benchmarks still run, and their contenders still give the same answers.

Each benchmark runs once in ``--quick`` mode with one timed round (about 30 s of CPU
for all five): what is checked is that it works, that every contender agreed before
timing (a benchmark stops otherwise) and that it reports every goal of issue 14.
No figure is asserted: timing belongs in the benchmarks, never in tests. Deselect
with ``-m "not benchmark"``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

pytestmark = pytest.mark.benchmark


def harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_harness", BENCHMARKS / "_harness.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_harness"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def run(script: str, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / f"{script}.json"
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / script), "--quick", "--runs", "1", "--json", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    assert report["quick"] is True
    assert report["checks"], "nothing was checked before timing"
    for row in report["rows"]:
        assert row["runs"] == 1
        assert row["median_ns"] > 0, row
    for goal in report["goals"]:
        assert isinstance(goal["met"], bool)
    return report


def goals(report: dict[str, Any]) -> list[str]:
    return [goal["goal"] for goal in report["goals"] if not goal["goal"].startswith("(issue")]


def test_consent_benchmark(tmp_path: Path) -> None:
    report = run("bench_consent.py", tmp_path)
    assert goals(report) == [
        "first ask ≥ 10× faster than FastEnforcer",
        "DisclosureRequest construction ≤ 2 µs",
        "warm decision within 2× a dict hit",
        "ConsentRegistry.add ≤ 3 µs per consent",
        "ConsentRegistry.add ≤ 300 B per consent",
    ]
    assert any("disagrees on" in note and "agrees on all" in note for note in report["notes"])


def test_respite_benchmark(tmp_path: Path) -> None:
    report = run("bench_respite.py", tmp_path)
    assert goals(report) == [
        "balance: 30-year grant within 1.5× of a 1-year grant (last year)",
        "balance: 30-year grant within 1.5× of a 1-year grant (first month)",
        "balance: 20,000 bookings within 1.5× of 2,000",
        "check(ledger) ≤ 20 µs per booking",
    ]


def test_plans_benchmark(tmp_path: Path) -> None:
    report = run("bench_plans.py", tmp_path)
    assert goals(report) == ["parse + full check faster than pydantic v2's parse alone"]


def test_startup_benchmark(tmp_path: Path) -> None:
    report = run("bench_startup.py", tmp_path)
    assert goals(report) == [
        "anhorig validate of one plan ≤ 3× python -c pass",
        "import anhorig ≤ 1.3× import attrs, cattrs, pendulum",
        "hypothesis entry point adds ≤ 10 ms to import hypothesis",
        "hypothesis entry point adds ≤ 10 ms beyond an empty entry point's (the floor)",
        "the core's names, all loaded, ≤ 1.3× import attrs, cattrs, pendulum",
    ]


def test_contenders_that_disagree_stop_the_benchmark() -> None:
    module = harness()
    assert module.agree("same", {"a": [1, 2, 3], "b": [1, 2, 3]}) == 3
    with pytest.raises(module.Disagreement, match=r"b differs from a on 1 of 3: #1: 2 vs 5"):
        module.agree("answers", {"a": [1, 2, 3], "b": [1, 5, 3]})
    with pytest.raises(module.Disagreement, match="2 answers"):
        module.agree("answers", {"a": [1, 2, 3], "b": [1, 2]})


def test_contenders_run_interleaved_with_equal_runs() -> None:
    module = harness()
    calls: list[tuple[str, int]] = []

    def contender(name: str) -> Any:
        def prepare(n: int) -> Any:
            return lambda: calls.append((name, n))

        return module.Contender(name, prepare)

    args = module.arguments("").parse_args(["--runs", "3"])
    bench = module.Bench("test", args)
    ticks = iter(range(0, 10_000, 10))
    rows = bench.measure(
        "g", [contender("A"), contender("B"), contender("C")], ops=7, clock=lambda: next(ticks)
    )
    # One untimed round, then rounds rotating who starts: A B C, B C A, C A B.
    assert [name for name, _ in calls] == list("ABCABCBCACAB")
    assert {n for _, n in calls} == {7}
    assert all(len(row.per_op_ns) == 3 for row in rows.values())
    assert rows["A"].per_op_ns == [10 / 7] * 3


def test_core_benchmark(tmp_path: Path) -> None:
    report = run("bench_core.py", tmp_path)
    assert len(report["goals"]) == 5
