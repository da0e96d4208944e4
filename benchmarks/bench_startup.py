"""Benchmark: start-up and import cost, in CPU time of child processes.

Goals (issue 14, "make the honest numbers good"; never timed in tests):

- ``anhorig validate`` of one plan ≤ 3× ``python -c pass`` in CPU. Its floor is measured
  beside it: ``import attrs`` and ``import attrs, pendulum`` (anhorig's classes are attrs
  classes and its instants pendulum's, so a plan's validation imports both);
- ``import anhorig`` ≤ 1.3× ``import attrs, cattrs, pendulum`` (the imports' own
  cost: each process's CPU less that of ``python -c pass``). ``anhorig`` imports its
  names on first use, which meets this goal by loading nothing; so the same peer is
  also measured against ``from anhorig import *``, every core name loaded;
- the hypothesis entry point adds ≤ 10 ms to ``import hypothesis``. Part of that is
  hypothesis reading the environment's entry points at all, which any package with an
  entry point costs: measured as the floor, an empty entry point (a module with a
  function that does nothing), and anhorig's reported beyond it too. Whole processes
  vary by milliseconds from run to run on a shared machine, so the entry points' work
  is also timed inside fresh processes (``IN_PROCESS``), anhorig's and the empty one's.

Run on demand::

    python benchmarks/bench_startup.py            # 21 interleaved runs of each command
    python benchmarks/bench_startup.py --quick    # 5 runs (smoke)
    python benchmarks/bench_startup.py --json figures.json

How (see ``_harness.py``): each command is a fresh ``python`` process (the one
running this script) with this checkout's ``src`` first on ``PYTHONPATH``; its CPU
time (user + system) is read from ``getrusage(RUSAGE_CHILDREN)`` before and after
it is waited for. Commands run interleaved, round by round, after one untimed round
that also writes the byte-code caches (``PYTHONDONTWRITEBYTECODE`` is removed from the
children's environment: with it, every process compiled anhorig's sources anew, which
no installed copy does); medians with quartiles and min–max. Before
timing, every command is run once and must exit 0 with the output expected of it.

The subcommands run as the installed ``anhorig`` script does (``from anhorig.cli
import main``) on the repository's examples. ``import hypothesis`` runs with the
entry points of the environment (anhorig's among them: it imports
``anhorig.testing._hook``) and with ``HYPOTHESIS_NO_PLUGINS=1``, which skips them;
the benchmark checks that anhorig's is the only hypothesis entry point installed,
so the difference is anhorig's. The floor runs with ``HYPOTHESIS_NO_PLUGINS=1`` and
then does what hypothesis does for one entry point: reads the environment's
``hypothesis`` entry points (anhorig's among them, not loaded) and loads and calls an
empty hook from a module in a temporary directory.
"""

from __future__ import annotations

import atexit
import importlib.metadata
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Bench, Contender, Run, arguments, children_cpu_ns

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
CLI = "import re, sys; from anhorig.cli import main; sys.exit(main())"
HOOK_SEEN = "import hypothesis, sys; print('anhorig' in sys.modules)"
EMPTY_HOOK = "_anhorig_bench_empty_hook"
FLOOR = (
    "import hypothesis, importlib.metadata as m, sys; "
    "[e for e in m.entry_points(group='hypothesis')]; "
    f"m.EntryPoint(name='_', value='{EMPTY_HOOK}:hook', group='hypothesis').load()(); "
    "print('anhorig' in sys.modules)"
)
_EMPTY_DIR: list[str] = []

# The entry points' own CPU, timed inside a process that imported hypothesis without
# them: what hypothesis does for its entry points (read them, load, call), with
# anhorig's, or with the empty hook in its place. Far less noisy than whole processes.
_TIMED = (
    "import time, hypothesis, importlib.metadata as m; t = time.process_time_ns(); "
    "found = list(m.entry_points(group='hypothesis')); {load}; "
    "print(time.process_time_ns() - t)"
)
IN_PROCESS = {
    "anhorig's entry point": _TIMED.format(load="[e.load()() for e in found]"),
    "an empty entry point": _TIMED.format(
        load=f"m.EntryPoint(name='_', value='{EMPTY_HOOK}:hook', group='hypothesis').load()()"
    ),
}


def empty_hook_dir() -> str:
    """A temporary directory holding the empty hook's module (removed at exit)."""
    if not _EMPTY_DIR:
        where = tempfile.mkdtemp(prefix="anhorig-bench-")
        atexit.register(shutil.rmtree, where, ignore_errors=True)
        with open(os.path.join(where, f"{EMPTY_HOOK}.py"), "w", encoding="utf-8") as handle:
            handle.write("def hook() -> None:\n    pass\n")
        _EMPTY_DIR.append(where)
    return _EMPTY_DIR[0]


@dataclass(frozen=True)
class Command:
    """A child process to time, and what it must print to count as working."""

    name: str
    argv: tuple[str, ...]
    expect: Callable[[str], bool]
    plugins: bool = True


def python(*args: str) -> tuple[str, ...]:
    return (sys.executable, *args)


def anhorig(*args: str) -> tuple[str, ...]:
    return python("-c", CLI, *args)


COMMANDS = (
    Command("python -c pass", python("-c", "pass"), lambda out: out == ""),
    # The floor of `anhorig validate`: anhorig's classes are attrs classes, its instants
    # pendulum's, so no anhorig command can start faster than these imports.
    Command("python -c 'import attrs'", python("-c", "import attrs"), lambda out: out == ""),
    Command(
        "python -c 'import attrs, pendulum'",
        python("-c", "import attrs, pendulum"),
        lambda out: out == "",
    ),
    Command(
        "python -c 'import attrs, cattrs, pendulum'",
        python("-c", "import attrs, cattrs, pendulum"),
        lambda out: out == "",
    ),
    Command(
        "python -c 'import anhorig'",
        python("-c", "import anhorig, sys; print('hypothesis' in sys.modules)"),
        lambda out: out.strip() == "False",
    ),
    Command(
        "python -c 'from anhorig import *'",
        python("-c", "from anhorig import *; import sys; print('anhorig.people' in sys.modules)"),
        lambda out: out.strip() == "True",
    ),
    Command(
        "import hypothesis, anhorig's entry point",
        python("-c", HOOK_SEEN),
        lambda out: out.strip() == "True",
    ),
    Command(
        "import hypothesis, no entry points",
        python("-c", HOOK_SEEN),
        lambda out: out.strip() == "False",
        plugins=False,
    ),
    Command(
        "import hypothesis, an empty entry point",
        python("-c", FLOOR),
        lambda out: out.strip() == "False",
        plugins=False,
    ),
    Command(
        "anhorig validate PLAN --on DATE",
        anhorig(
            "validate", str(EXAMPLES / "plans" / "support-plan-valid.json"), "--on", "2026-11-22"
        ),
        lambda out: "support-plan-valid.json" in out,
    ),
    Command(
        "anhorig respite balance LEDGER",
        anhorig(
            "respite", "balance", str(EXAMPLES / "respite" / "ledger.json"), "--on", "2026-03-01"
        ),
        lambda out: "AVL-1" in out,
    ),
    Command(
        "anhorig consent check",
        anhorig(
            "consent",
            "check",
            "--request",
            str(EXAMPLES / "consent" / "request-sip.json"),
            str(EXAMPLES / "consent" / "consent.json"),
        ),
        lambda out: "Beslut: tillåtet" in out,
    ),
    Command("anhorig demo", anhorig("demo", "--on", "2026-11-22"), lambda out: "demo" in out),
)


def environment(plugins: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(ROOT / "src"), empty_hook_dir(), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env.pop("HYPOTHESIS_NO_PLUGINS", None)
    # An installed anhorig has its byte-code caches (pip writes them); without them every
    # process would compile anhorig's sources again. The untimed round writes them.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not plugins:
        env["HYPOTHESIS_NO_PLUGINS"] = "1"
    return env


def run_once(command: Command) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command.argv,
        env=environment(command.plugins),
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )


def processes(command: Command) -> Callable[[int], Run]:
    env = environment(command.plugins)

    def prepare(n: int) -> Run:
        def run() -> None:
            for _ in range(n):
                done = subprocess.run(
                    command.argv,
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    check=False,
                    cwd=ROOT,
                )
                if done.returncode:
                    raise AssertionError(f"{command.name} exited {done.returncode}")

        return run

    return prepare


def in_process(runs: int) -> dict[str, list[int]]:
    """CPU ns of the entry points' work in each of ``runs`` fresh processes, interleaved."""
    env = environment(False)
    found: dict[str, list[int]] = {name: [] for name in IN_PROCESS}
    for _ in range(runs):
        for name, code in IN_PROCESS.items():
            done = subprocess.run(
                python("-c", code), env=env, capture_output=True, text=True, check=True, cwd=ROOT
            )
            found[name].append(int(done.stdout))
    return found


def check_commands(bench: Bench, commands: Sequence[Command]) -> None:
    plugins = sorted(
        f"{entry.name} = {entry.value}"
        for entry in importlib.metadata.entry_points(group="hypothesis")
    )
    if plugins != ["_ = anhorig.testing._hook:_hypothesis_setup_hook"]:
        raise AssertionError(f"hypothesis entry points other than anhorig's: {plugins}")
    for command in commands:
        done = run_once(command)
        if done.returncode or not command.expect(done.stdout):
            raise AssertionError(
                f"{command.name}: exit {done.returncode}, output {done.stdout[:300]!r}, "
                f"errors {done.stderr[-600:]!r}"
            )
    where = subprocess.run(
        [sys.executable, "-c", "import anhorig; print(anhorig.__file__)"],
        env=environment(True),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not where.startswith(str(ROOT / "src")):
        raise AssertionError(f"children import anhorig from {where}, not this checkout")
    bench.checked(
        f"{len(commands)} commands exit 0 with their expected output; children import this "
        "checkout's anhorig; anhorig's is the only hypothesis entry point"
    )


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__)
    args = parser.parse_args(argv)
    if not args.runs:
        args.runs = 5 if args.quick else 21
    bench = Bench("Start-up: CPU time of whole processes (benchmarks/bench_startup.py)", args)
    check_commands(bench, COMMANDS)
    bench.measure(
        "one process each",
        [Contender(command.name, processes(command)) for command in COMMANDS],
        ops=1,
        clock=children_cpu_ns,
    )
    base = "python -c pass"
    bench.goal_within(
        "anhorig validate of one plan ≤ 3× python -c pass",
        "anhorig validate PLAN --on DATE",
        base,
        3,
    )
    bench.goal_net_within(
        "import anhorig ≤ 1.3× import attrs, cattrs, pendulum",
        "python -c 'import anhorig'",
        "python -c 'import attrs, cattrs, pendulum'",
        base,
        1.3,
    )
    bench.goal_adds_at_most(
        "hypothesis entry point adds ≤ 10 ms to import hypothesis",
        "import hypothesis, anhorig's entry point",
        "import hypothesis, no entry points",
        10e6,
    )
    bench.goal_adds_at_most(
        "hypothesis entry point adds ≤ 10 ms beyond an empty entry point's (the floor)",
        "import hypothesis, anhorig's entry point",
        "import hypothesis, an empty entry point",
        10e6,
    )
    timed = in_process(args.runs)
    ours, empty = timed["anhorig's entry point"], timed["an empty entry point"]
    bench.value(
        "in process: anhorig's entry point (median CPU)", statistics.median(ours) / 1e6, "ms"
    )
    bench.value(
        "in process: an empty entry point (median CPU)", statistics.median(empty) / 1e6, "ms"
    )
    bench.value(
        "in process: anhorig's beyond the empty one (median of rounds)",
        statistics.median(a - b for a, b in zip(ours, empty, strict=True)) / 1e6,
        "ms",
    )
    floor = bench.rows["import hypothesis, an empty entry point"].median
    none = bench.rows["import hypothesis, no entry points"].median
    bench.value("the floor: an empty entry point adds (medians)", (floor - none) / 1e6, "ms")
    # The goal above is met by importing names on first use; this is the cost a user
    # pays once the core vocabulary is used, beside the same peer.
    bench.goal_net_within(
        "the core's names, all loaded, ≤ 1.3× import attrs, cattrs, pendulum",
        "python -c 'from anhorig import *'",
        "python -c 'import attrs, cattrs, pendulum'",
        base,
        1.3,
    )
    for below in ("python -c 'import attrs'", "python -c 'import attrs, pendulum'"):
        mid, _, _ = bench.ratio(below, base)
        bench.value(f"the floor: {below} / python -c pass", mid, "×")
    for command in (c for c in COMMANDS if c.name.startswith("anhorig ")):
        mid, _, _ = bench.ratio(command.name, base)
        bench.value(f"{command.name} / python -c pass", mid, "×")
    bench.report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
