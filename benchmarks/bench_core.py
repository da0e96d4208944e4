"""Core benchmarks: what strictness and DST-correctness cost, against plain baselines.

Run on demand (never as a timed test):

    python benchmarks/bench_core.py

Each row is compared in the same run with a baseline doing the same job less carefully:

| measured                                  | baseline                                  | goal       |
|-------------------------------------------|-------------------------------------------|------------|
| PersonId.parse (12-digit)                 | stdnum.se.personnummer.validate           | within 2×  |
| from_json(Relationship), strict           | plain cattrs structure of plain classes   | within 10× |
| Interval(local, local) built and measured | pendulum's DST-aware difference           | within 1×  |
| Interval.seconds on a built interval      | stdlib UTC datetime subtraction           | within 5×  |
| working_days_between (one month)          | hand-written loop over a holiday set      | within 2×  |

The strict read does what the plain one does not: Luhn-checks two personnummer,
parses dates, checks every enum value and refuses unknown keys, so its goal is a
bounded cost, not parity.
"""

from __future__ import annotations

import json
import statistics
import timeit
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import attrs
import cattrs
import pendulum
from stdnum.se import personnummer

from anhorig import Interval, PersonId, from_json, local, to_json, working_days_between
from anhorig.demo import scenario
from anhorig.time import swedish_holidays


def per_call(function: Callable[[], object], *, number: int) -> float:
    """Best-of-5 median seconds per call."""
    runs = timeit.repeat(function, number=number, repeat=5)
    return statistics.median(sorted(runs)[:3]) / number


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


def main() -> None:
    relationship = scenario()[0]
    text = to_json(relationship)
    plain = cattrs.Converter()
    body = {k: v for k, v in json.loads(text).items() if k not in ("type", "schema_version")}
    start, end = local(2026, 3, 28, 20), local(2026, 3, 29, 8)
    utc_start = datetime(2026, 3, 28, 19, tzinfo=UTC)
    utc_end = datetime(2026, 3, 29, 6, tzinfo=UTC)
    holidays = swedish_holidays(2026)
    p_start = pendulum.datetime(2026, 3, 28, 20, tz="Europe/Stockholm")
    p_end = pendulum.datetime(2026, 3, 29, 8, tz="Europe/Stockholm")
    built = Interval(start, end)

    def pendulum_difference() -> int:
        # A function, not a bound method: the subtraction itself is what is timed.
        return (p_end - p_start).in_seconds()

    def loop_working_days() -> int:
        day, count = date(2026, 12, 1), 0
        while day < date(2027, 1, 1):
            if day.weekday() < 5 and day not in holidays:
                count += 1
            day += timedelta(days=1)
        return count

    rows = [
        (
            "PersonId.parse",
            per_call(lambda: PersonId.parse("19391225-0028"), number=20000),
            per_call(lambda: personnummer.validate("19391225-0028"), number=20000),
            2.0,
        ),
        (
            "from_json(Relationship)",
            per_call(lambda: from_json(type(relationship), text), number=2000),
            per_call(
                lambda: plain.structure(json.loads(text) and body, PlainRelationship), number=2000
            ),
            10.0,
        ),
        (
            "Interval(local, local).seconds",
            per_call(lambda: Interval(start, end).seconds, number=20000),
            per_call(pendulum_difference, number=20000),
            1.0,
        ),
        (
            "Interval.seconds (built)",
            per_call(lambda: built.seconds, number=50000),
            per_call(lambda: int((utc_end - utc_start).total_seconds()), number=50000),
            5.0,
        ),
        (
            "working_days_between (31 days)",
            per_call(
                lambda: working_days_between(date(2026, 12, 1), date(2027, 1, 1)), number=5000
            ),
            per_call(loop_working_days, number=5000),
            2.0,
        ),
    ]
    print(f"{'measured':34} {'anhorig':>11} {'baseline':>11} {'ratio':>7} {'goal':>7}  met")
    for name, ours, base, goal in rows:
        ratio = ours / base
        print(
            f"{name:34} {ours * 1e6:9.2f}µs {base * 1e6:9.2f}µs {ratio:6.2f}× {goal:6.1f}×  "
            f"{'yes' if ratio <= goal else 'NO'}"
        )


if __name__ == "__main__":
    main()
