"""The one way every benchmark measures, so that a sceptic can check it once.

- **CPU time** of this process (``time.process_time_ns``), or of child processes for
  start-up rows: another job on a shared machine then slows a figure much less than
  it slows wall time.
- **Contenders interleaved** in one run: round after round, each contender runs once,
  the starting contender rotating (A B C, B C A, C A B, ...), so that load, frequency
  scaling and cache state reach every contender alike.
- **Runs of equal length**: every contender of a comparison does the same number of
  operations per run; a run's figure is its CPU time divided by that number.
- **Median with spread**: each row gives the median over the runs with the quartiles
  and min–max; a comparison gives the median of the per-round ratios (each round
  runs both contenders back to back) with their min–max.
- **Same answers first**: :func:`agree` compares what every contender answers on the
  same inputs before anything is timed, and stops the benchmark if any differs.

Untimed: preparing a run (building its inputs). Timed: the run itself, loop included
(one ``for`` over prepared inputs, the same for every contender). The garbage
collector stays on (a real program has it on), after a collection before each run;
the data built before timing is frozen out of its view (``gc.freeze``) so that a
large registry or ledger is not traversed again and again.
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import cycle, islice
from typing import Any, TypeVar

T = TypeVar("T")

Run = Callable[[], object]
"""One timed run: performs the run's operations."""

Prepare = Callable[[int], Run]
"""Given the number of operations, builds (untimed) one run doing that many."""


class Disagreement(AssertionError):
    """Contenders gave different answers on the same inputs: nothing is timed."""


@dataclass(frozen=True)
class Contender:
    """One thing timed: its name and how to prepare a run of ``n`` operations."""

    name: str
    prepare: Prepare


def each(function: Callable[[T], object], inputs: Sequence[T]) -> Prepare:
    """Runs calling ``function(x)`` on ``inputs`` in turn (cycling), ``n`` calls a run."""
    source = cycle(inputs)

    def prepare(n: int) -> Run:
        batch = list(islice(source, n))

        def run() -> None:
            for item in batch:
                function(item)

        return run

    return prepare


def each_args(function: Callable[..., object], inputs: Sequence[tuple[Any, ...]]) -> Prepare:
    """Runs calling ``function(*args)`` on ``inputs`` in turn (cycling), ``n`` a run."""
    source = cycle(inputs)

    def prepare(n: int) -> Run:
        batch = list(islice(source, n))

        def run() -> None:
            for args in batch:
                function(*args)

        return run

    return prepare


def each_kwargs(function: Callable[..., object], inputs: Sequence[Mapping[str, Any]]) -> Prepare:
    """Runs calling ``function(**kwargs)`` on ``inputs`` in turn (cycling), ``n`` a run:
    a constructor called with its keyword arguments, their values built before."""
    source = cycle(inputs)

    def prepare(n: int) -> Run:
        batch = list(islice(source, n))

        def run() -> None:
            for kwargs in batch:
                function(**kwargs)

        return run

    return prepare


def fresh(make: Callable[[int], Sequence[T]], function: Callable[[T], object]) -> Prepare:
    """Runs calling ``function`` once on each of ``make(n)``: inputs never used before
    (first asks, fresh registries), built before the run and not timed."""

    def prepare(n: int) -> Run:
        batch = make(n)
        if len(batch) != n:
            raise ValueError(f"asked for {n} inputs, got {len(batch)}")

        def run() -> None:
            for item in batch:
                function(item)

        return run

    return prepare


def agree(what: str, answers: Mapping[str, Sequence[Hashable]]) -> int:
    """Check that every contender answered alike; return how many answers each gave.

    ``answers`` maps a contender's name to its answers, in the same order of inputs.
    Raises :class:`Disagreement` naming the first differences otherwise.
    """
    names = list(answers)
    reference = answers[names[0]]
    problems = []
    for name in names[1:]:
        mine = answers[name]
        if len(mine) != len(reference):
            problems.append(f"{name}: {len(mine)} answers, {names[0]}: {len(reference)}")
            continue
        differ = [i for i, (a, b) in enumerate(zip(reference, mine, strict=True)) if a != b]
        if differ:
            shown = "; ".join(f"#{i}: {reference[i]!r} vs {mine[i]!r}" for i in differ[:5])
            problems.append(
                f"{name} differs from {names[0]} on {len(differ)} of {len(mine)}: {shown}"
            )
    if problems:
        raise Disagreement(f"{what}: " + " | ".join(problems))
    return len(reference)


def children_cpu_ns() -> int:
    """CPU time (user + system) of the waited-for child processes so far, in ns."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return round((usage.ru_utime + usage.ru_stime) * 1e9)


@dataclass
class Row:
    """One contender's figures: CPU ns per operation in each timed run."""

    name: str
    group: str
    ops: int
    per_op_ns: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.per_op_ns)

    @property
    def quartiles(self) -> tuple[float, float]:
        if len(self.per_op_ns) < 2:
            return self.median, self.median
        q1, _, q3 = statistics.quantiles(self.per_op_ns, n=4, method="inclusive")
        return q1, q3

    def as_dict(self) -> dict[str, Any]:
        q1, q3 = self.quartiles
        return {
            "name": self.name,
            "group": self.group,
            "ops_per_run": self.ops,
            "runs": len(self.per_op_ns),
            "median_ns": self.median,
            "q1_ns": q1,
            "q3_ns": q3,
            "min_ns": min(self.per_op_ns),
            "max_ns": max(self.per_op_ns),
        }


@dataclass
class Goal:
    """A goal of the issue and what was measured for it."""

    text: str
    measured: str
    met: bool
    pair: dict[str, Any]


def format_ns(ns: float) -> str:
    """A duration for people: ns, µs, ms or s with three significant figures."""
    if ns < 0:
        return "-" + format_ns(-ns)
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


def format_bytes(size: float) -> str:
    return f"{size:,.0f} B"


class Bench:
    """One benchmark's measurements: checks, timed groups, goals; printed as a table
    and optionally written as JSON."""

    def __init__(self, title: str, args: argparse.Namespace) -> None:
        self.title = title
        self.quick: bool = args.quick
        self.runs: int = args.runs or (5 if args.quick else 15)
        self.json_path: str | None = args.json
        self.rows: dict[str, Row] = {}
        self.groups: dict[str, list[str]] = {}
        self.checks: list[str] = []
        self.goals: list[Goal] = []
        self.notes: list[str] = []
        self.values: dict[str, tuple[float, str]] = {}
        self.started = time.time()
        self.load_before = os.getloadavg()
        self.out = sys.stderr if self.json_path == "-" else sys.stdout

    def log(self, message: str) -> None:
        print(f"[{time.time() - self.started:6.1f} s] {message}", file=sys.stderr, flush=True)

    def checked(self, message: str) -> None:
        """Record a check that passed (answers agreed, a document refused by both)."""
        self.checks.append(message)
        self.log(f"checked: {message}")

    def note(self, message: str) -> None:
        self.notes.append(message)

    def value(self, name: str, amount: float, unit: str) -> None:
        """A measured figure that is not a time (bytes per consent, findings)."""
        self.values[name] = (amount, unit)

    def measure(
        self,
        group: str,
        contenders: Iterable[Contender],
        *,
        ops: int,
        runs: int | None = None,
        clock: Callable[[], int] = time.process_time_ns,
        warmup: bool = True,
    ) -> dict[str, Row]:
        """Time ``contenders`` interleaved: ``runs`` rounds, each running every
        contender once for ``ops`` operations; one untimed round first if ``warmup``."""
        contenders = list(contenders)
        runs = runs or self.runs
        rows = {c.name: Row(c.name, group, ops) for c in contenders}
        self.log(f"{group}: {len(contenders)} contenders x {runs} runs x {ops:,} ops")
        gc.collect()
        gc.freeze()
        try:
            if warmup:
                for contender in contenders:
                    contender.prepare(ops)()
            for round_no in range(runs):
                start = round_no % len(contenders)
                for contender in contenders[start:] + contenders[:start]:
                    run = contender.prepare(ops)
                    gc.collect()
                    before = clock()
                    run()
                    after = clock()
                    rows[contender.name].per_op_ns.append((after - before) / ops)
        finally:
            gc.unfreeze()
        for name, row in rows.items():
            if name in self.rows:
                raise ValueError(f"row {name!r} measured twice")
            self.rows[name] = row
        self.groups[group] = list(rows)
        return rows

    def _ratios(self, ours: str, peer: str) -> list[float]:
        a, b = self.rows[ours], self.rows[peer]
        if a.group == b.group:  # interleaved: compare round by round
            return [x / y for x, y in zip(a.per_op_ns, b.per_op_ns, strict=True)]
        return [a.median / b.median]

    def ratio(self, ours: str, peer: str) -> tuple[float, float, float]:
        """Median, min and max over the rounds of ``ours / peer``."""
        ratios = self._ratios(ours, peer)
        return statistics.median(ratios), min(ratios), max(ratios)

    def goal_faster(self, text: str, ours: str, peer: str, times: float) -> Goal:
        """Goal: ``ours`` at least ``times`` × faster than ``peer`` (peer / ours)."""
        mid, lo, hi = self.ratio(ours, peer)
        speedup = 1 / mid
        measured = (
            f"{format_ns(self.rows[ours].median)} vs {format_ns(self.rows[peer].median)}: "
            f"{speedup:.2f}× faster (rounds {1 / hi:.2f}–{1 / lo:.2f}×)"
            if speedup >= 1
            else f"{format_ns(self.rows[ours].median)} vs {format_ns(self.rows[peer].median)}: "
            f"{mid:.2f}× slower (rounds {lo:.2f}–{hi:.2f}×)"
        )
        return self._goal(text, measured, speedup >= times, ours, peer, mid)

    def goal_within(self, text: str, ours: str, peer: str, times: float) -> Goal:
        """Goal: ``ours`` at most ``times`` × ``peer`` (ours / peer)."""
        mid, lo, hi = self.ratio(ours, peer)
        measured = (
            f"{format_ns(self.rows[ours].median)} vs {format_ns(self.rows[peer].median)}: "
            f"{mid:.2f}× (rounds {lo:.2f}–{hi:.2f}×)"
        )
        return self._goal(text, measured, mid <= times, ours, peer, mid)

    def goal_at_most(self, text: str, ours: str, limit_ns: float, *, scale: float = 1) -> Goal:
        """Goal: ``ours`` (per operation, divided by ``scale``) at most ``limit_ns``."""
        row = self.rows[ours]
        value = row.median / scale
        lo, hi = min(row.per_op_ns) / scale, max(row.per_op_ns) / scale
        measured = (
            f"{format_ns(value)} (runs {format_ns(lo)}–{format_ns(hi)}) vs {format_ns(limit_ns)}"
        )
        goal = Goal(text, measured, value <= limit_ns, {"ours": ours, "value_ns": value})
        self.goals.append(goal)
        return goal

    def _same_group(self, *names: str) -> list[Row]:
        rows = [self.rows[name] for name in names]
        if len({row.group for row in rows}) != 1:
            raise ValueError(f"{names} were not measured in one interleaved group")
        return rows

    def goal_adds_at_most(self, text: str, ours: str, base: str, limit_ns: float) -> Goal:
        """Goal: ``ours`` costs at most ``limit_ns`` more than ``base`` (median of the
        per-round differences)."""
        a, b = self._same_group(ours, base)
        diffs = [x - y for x, y in zip(a.per_op_ns, b.per_op_ns, strict=True)]
        mid = statistics.median(diffs)
        measured = (
            f"{format_ns(a.median)} vs {format_ns(b.median)}: adds {format_ns(mid)} "
            f"(rounds {format_ns(min(diffs))} to {format_ns(max(diffs))})"
        )
        goal = Goal(text, measured, mid <= limit_ns, {"ours": ours, "peer": base, "adds_ns": mid})
        self.goals.append(goal)
        return goal

    def goal_net_within(self, text: str, ours: str, peer: str, base: str, times: float) -> Goal:
        """Goal: ``ours - base`` at most ``times`` × ``peer - base`` (e.g. an import's
        own cost, without the interpreter's start-up), from the medians."""
        a, b, c = self._same_group(ours, peer, base)
        net_ours, net_peer = a.median - c.median, b.median - c.median
        ratio = net_ours / net_peer
        measured = (
            f"{format_ns(net_ours)} vs {format_ns(net_peer)} beyond {base!r}: {ratio:.2f}× "
            f"(whole processes {format_ns(a.median)} vs {format_ns(b.median)}: "
            f"{a.median / b.median:.2f}×)"
        )
        goal = Goal(text, measured, ratio <= times, {"ours": ours, "peer": peer, "ratio": ratio})
        self.goals.append(goal)
        return goal

    def goal_value(self, text: str, name: str, limit: float) -> Goal:
        """Goal: the measured value ``name`` at most ``limit`` (same unit)."""
        amount, unit = self.values[name]
        measured = f"{amount:,.0f} {unit} vs {limit:,.0f} {unit}"
        goal = Goal(text, measured, amount <= limit, {"value": name, "amount": amount})
        self.goals.append(goal)
        return goal

    def _goal(self, text: str, measured: str, met: bool, ours: str, peer: str, mid: float) -> Goal:
        goal = Goal(text, measured, met, {"ours": ours, "peer": peer, "ratio": mid})
        self.goals.append(goal)
        return goal

    def report(self) -> None:
        """Print the table (and write the JSON if asked)."""
        out = self.out
        print(f"\n{self.title}", file=out)
        print(
            f"CPU time per operation: median [quartiles] (min–max) over interleaved runs; "
            f"python {platform.python_version()}, {os.cpu_count()} CPUs, load "
            f"{self.load_before[0]:.1f} at start, {os.getloadavg()[0]:.1f} at end",
            file=out,
        )
        for message in self.checks:
            print(f"  same answers: {message}", file=out)
        width = max((len(name) for name in self.rows), default=10)
        for group, names in self.groups.items():
            ops = self.rows[names[0]].ops
            runs = len(self.rows[names[0]].per_op_ns)
            print(f"\n{group} ({runs} runs x {ops:,} ops each)", file=out)
            for name in names:
                row = self.rows[name]
                q1, q3 = row.quartiles
                print(
                    f"  {name:<{width}}  {format_ns(row.median):>9}  "
                    f"[{format_ns(q1)}–{format_ns(q3)}]  "
                    f"({format_ns(min(row.per_op_ns))}–{format_ns(max(row.per_op_ns))})",
                    file=out,
                )
        if self.values:
            print("\nother figures", file=out)
            for name, (amount, unit) in self.values.items():
                print(f"  {name:<{width}}  {amount:,.1f} {unit}", file=out)
        if self.goals:
            print("\ngoals", file=out)
            for goal in self.goals:
                verdict = "met" if goal.met else "NOT MET"
                print(f"  [{verdict:>7}] {goal.text}: {goal.measured}", file=out)
        for message in self.notes:
            print(f"note: {message}", file=out)
        if self.json_path:
            document = {
                "title": self.title,
                "date": datetime.date.today().isoformat(),
                "python": platform.python_version(),
                "platform": platform.platform(),
                "cpus": os.cpu_count(),
                "load_before": self.load_before,
                "load_after": os.getloadavg(),
                "quick": self.quick,
                "argv": sys.argv[1:],
                "checks": self.checks,
                "rows": [row.as_dict() for row in self.rows.values()],
                "values": {k: {"amount": a, "unit": u} for k, (a, u) in self.values.items()},
                "goals": [
                    {"goal": g.text, "measured": g.measured, "met": g.met, **g.pair}
                    for g in self.goals
                ],
                "notes": self.notes,
            }
            text = json.dumps(document, ensure_ascii=False, indent=2)
            if self.json_path == "-":
                print(text)
            else:
                with open(self.json_path, "w", encoding="utf-8") as handle:
                    handle.write(text + "\n")


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """The options every benchmark takes: ``--quick``, ``--runs``, ``--json``."""
    parser = argparse.ArgumentParser(
        description=(doc or "").split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes and few runs: a smoke run (< 30 s)"
    )
    parser.add_argument(
        "--runs", type=int, default=0, help="interleaved runs per row (default 15, quick 5)"
    )
    parser.add_argument(
        "--json", metavar="FILE", help="also write the figures as JSON to FILE ('-': stdout)"
    )
    return parser
