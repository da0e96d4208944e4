"""Benchmark: what strictness and DST-correctness cost in the core, against plain baselines.

Goals (issue 2; issue 14 sets none for the core; never timed in tests):

| measured                                  | baseline                                  | goal       |
|-------------------------------------------|-------------------------------------------|------------|
| PersonId.parse (12-digit)                 | stdnum.se.personnummer.validate           | within 2×  |
| from_json(Relationship), strict           | plain cattrs structure of plain classes   | within 10× |
| Interval(local, local) built and measured | pendulum's DST-aware difference           | within 1×  |
| Interval.seconds on a built interval      | stdlib UTC datetime subtraction           | within 5×  |
| working_days_between (one month)          | hand-written loop over a holiday set      | within 2×  |

Run on demand::

    python benchmarks/bench_core.py            # 15 interleaved runs
    python benchmarks/bench_core.py --quick    # 5 runs (smoke)

How (see ``_harness.py``): CPU time, each pair interleaved round by round, runs of
equal length, medians with quartiles and min–max; each pair first gives the same
answer. The strict read does what the plain one does not: Luhn-checks two
personnummer, parses dates, checks every enum value and refuses unknown keys, so its
goal is a bounded cost, not parity.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pendulum
from stdnum.se import personnummer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Bench, Contender, agree, arguments, each

from anhorig import Interval, PersonId, from_json, local, to_json, working_days_between
from anhorig.demo import scenario
from anhorig.time import swedish_holidays

Pair = tuple[str, list[Callable[[Any], object]], Sequence[Any], tuple[str, str], int, float]
"""A comparison: its name, the two functions, their inputs, their names, calls a run
(quick), and the goal (anhorig at most this many times the baseline)."""


@attrs.define
class PlainPerson:
    id: str | None
    name: str
    birth_date: str | None


@attrs.define
class PlainInvolvement:
    recorded_on: str
    reconfirm_by: str
    willing: bool
    wants_information: bool
    wants_to_take_part: bool
    tasks: list[str]
    note: str


@attrs.define
class PlainRelationship:
    carer: PlainPerson
    cared_for: PlainPerson
    kind: str
    areas: list[str]
    lives_together: bool | None
    involvements: list[PlainInvolvement]


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__).parse_args(argv)
    bench = Bench("Core: strictness and DST-correctness (benchmarks/bench_core.py)", args)
    scale = 1 if args.quick else 4
    relationship = scenario()[0]
    text = to_json(relationship)
    plain = cattrs.Converter()
    start, end = local(2026, 3, 28, 20), local(2026, 3, 29, 8)
    utc_start = datetime(2026, 3, 28, 19, tzinfo=UTC)
    utc_end = datetime(2026, 3, 29, 6, tzinfo=UTC)
    holidays = swedish_holidays(2026)
    p_start = pendulum.datetime(2026, 3, 28, 20, tz="Europe/Stockholm")
    p_end = pendulum.datetime(2026, 3, 29, 8, tz="Europe/Stockholm")
    built = Interval(start, end)
    numbers = ["19391225-0028", "19500301-9824", "19460502-9711"]
    month = (date(2026, 12, 1), date(2027, 1, 1))

    def plain_read(document: str) -> PlainRelationship:
        body = json.loads(document)
        del body["type"], body["schema_version"]
        return plain.structure(body, PlainRelationship)

    def as_json(read: object) -> str:
        """What a reader read, as JSON without the document's envelope."""
        if isinstance(read, PlainRelationship):
            return json.dumps(plain.unstructure(read), sort_keys=True)
        document = json.loads(to_json(read))
        del document["type"], document["schema_version"]
        return json.dumps(document, sort_keys=True)

    def pendulum_difference(_: object) -> int:
        return (p_end - p_start).in_seconds()

    def utc_difference(_: object) -> int:
        return int((utc_end - utc_start).total_seconds())

    def loop_working_days(span: tuple[date, date]) -> int:
        day, count = span
        total = 0
        while day < count:
            if day.weekday() < 5 and day not in holidays:
                total += 1
            day += timedelta(days=1)
        return total

    def compact(number: str) -> str:
        return str(personnummer.validate(number)).replace("-", "")

    pairs: list[Pair] = [
        (
            "PersonId.parse (12-digit)",
            [lambda n: PersonId.parse(n).value.replace("-", ""), compact],
            numbers,
            ("PersonId.parse", "stdnum personnummer.validate"),
            5_000,
            2.0,
        ),
        (
            "from_json(Relationship), strict",
            [lambda t: from_json(type(relationship), t), plain_read],
            [text],
            ("from_json(Relationship)", "plain cattrs, plain classes"),
            500,
            10.0,
        ),
        (
            "Interval(local, local).seconds",
            [lambda _: Interval(start, end).seconds, pendulum_difference],
            [None],
            ("Interval(local, local).seconds", "pendulum DST-aware difference"),
            5_000,
            1.0,
        ),
        (
            "Interval.seconds, built",
            [lambda _: built.seconds, utc_difference],
            [None],
            ("Interval.seconds (built)", "stdlib UTC subtraction"),
            20_000,
            5.0,
        ),
        (
            "working_days_between, one month",
            [lambda span: working_days_between(*span), loop_working_days],
            [month],
            ("working_days_between (31 days)", "hand-written loop, holiday set"),
            2_000,
            2.0,
        ),
    ]
    for group, functions, inputs, names, ops, goal in pairs:
        view = as_json if group.startswith("from_json") else json.dumps
        agree(
            group,
            {name: [view(f(x)) for x in inputs] for name, f in zip(names, functions, strict=True)},
        )
        bench.checked(f"{group}: {' and '.join(names)} answer alike")
        bench.measure(
            group,
            [Contender(n, each(f, inputs)) for n, f in zip(names, functions, strict=True)],
            ops=ops * scale,
        )
        ours, peer = names
        bench.goal_within(f"(issue 2) {ours} within {goal:g}× {peer}", ours, peer, goal)
    bench.report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
