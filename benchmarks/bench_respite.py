"""Benchmark: a respite ledger of 1,000,000 bookings and 10,000 balance queries.

Run on demand (never as a timed test)::

    python benchmarks/bench_respite.py            # 1,000,000 bookings (about a minute)
    python benchmarks/bench_respite.py --n 200000 # smaller
    python benchmarks/bench_respite.py --check    # check(ledger) at 1,000 / 10,000 / 100,000

What it measures, in one run over the same synthetic bookings:

1. A hand-written single-pass loop: for every booking, its UTC epoch seconds and
   the seconds it uses in each local calendar month, summed per grant and month.
2. Building the ledger from the same bookings (``Ledger(...)`` with every entry,
   which validates each one and builds the index), and appending them with
   ``Ledger.extend``. Goal: within 2x of the loop.
3. 10,000 balance queries on the big ledger and on a ledger of 10,000 bookings
   with the same density per grant. Goal: per query, big within 1.5x of small
   (a query costs a binary search plus the grant's bookings in the months asked).
4. The cost of one elapsed-time difference with pendulum and through UTC epoch
   integers, which is why the ledger computes on integers inside.

Every balance of a sample is checked against the loop's sums. Bookings are
synthetic: in-home respite of 1–6 hours under 10 hours a month, 100 bookings per
grant over 2026, some across midnight, month ends and the DST nights.

With ``--check`` it times instead ``check(ledger)`` on ledgers of ten families whose
bookings grow with the ledger (an evening most days, for as many years as it takes),
under a policy with notice and capped carry-over, some bookings naming staff and
some cancelled. Goal: time per booking at 100,000 within 1.5x of that at 1,000
(near-linear). Beside it, in the same run: the hand-written loop over the same
bookings (the cheapest pass there is), and the straightforward per-booking check
(quadratic: each booking against the whole ledger) on the two small sizes.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import math
import random
import sys
import time
from datetime import date

import pendulum

from anhorig.people import Person
from anhorig.respite import (
    Booking,
    Cancellation,
    CarryOver,
    GrantBasis,
    Ledger,
    Provider,
    ProviderKind,
    Quota,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    RespitePolicy,
    check,
)
from anhorig.respite.ledger import _DAY0, _tables
from anhorig.respite.rules import _check_ledger_reference
from anhorig.time import ZONE, Interval, Period, epoch_seconds

PER_GRANT = 100
YEAR_START = int(pendulum.datetime(2026, 1, 1, tz=ZONE).timestamp())
YEAR_END = int(pendulum.datetime(2027, 1, 1, tz=ZONE).timestamp())


def make_data(n: int, seed: int) -> tuple[tuple[RespiteGrant, ...], list[Booking]]:
    """``n`` bookings over ``n // 100`` grants, in the order they were made."""
    rng = random.Random(seed)
    grant_count = max(1, n // PER_GRANT)
    person = Person(name="Test Testsson", birth_date=date(1940, 1, 1))
    grants = tuple(
        RespiteGrant(
            id=f"G{i}",
            kind=RespiteKind.IN_HOME,
            basis=GrantBasis.DECISION,
            decision_ref=f"D{i}",
            quota=Quota(amount=10, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
            validity=Period.year(2026),
            cared_for=person,
        )
        for i in range(grant_count)
    )
    provider = Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY)
    span = YEAR_END - YEAR_START - 7 * 3600
    starts = sorted(YEAR_START + 60 * rng.randrange(span // 60) for _ in range(n))
    stamps: dict[int, pendulum.DateTime] = {}

    def instant(stamp: int) -> pendulum.DateTime:
        found = stamps.get(stamp)
        if found is None:
            found = stamps[stamp] = pendulum.from_timestamp(stamp, tz=ZONE)
        return found

    bookings = []
    for i, start in enumerate(starts):
        end = start + 60 * rng.randrange(60, 6 * 60)
        bookings.append(
            Booking(
                id=f"B{i}",
                grant_id=f"G{rng.randrange(grant_count)}",
                interval=Interval(instant(start), instant(end)),
                made_at=instant(start - 14 * 86400),
                provider=provider,
            )
        )
    return grants, bookings


def _steady_days() -> list[bool]:
    """For each day of the ledger's table: whether it is 24 hours long (no DST change)."""
    days = _tables()[0]
    return [days[i + 1] - days[i] == 86400 for i in range(len(days) - 1)]


def hand_loop(bookings: list[Booking]) -> dict[tuple[str, int], int]:
    """The baseline: one pass, epoch seconds, seconds per (grant, local month)."""
    months = _tables()[1]
    totals: dict[tuple[str, int], int] = {}
    for booking in bookings:
        s = math.floor(booking.interval.start.timestamp())
        e = math.floor(booking.interval.end.timestamp())
        m = bisect.bisect_right(months, s) - 1
        while True:
            lo = max(s, months[m])
            hi = min(e, months[m + 1])
            key = (booking.grant_id, m)
            totals[key] = totals.get(key, 0) + hi - lo
            if e <= months[m + 1]:
                break
            m += 1
    return totals


def hand_loop_table(bookings: list[Booking]) -> dict[tuple[str, int], int]:
    """The same loop with the ledger's trick for epoch seconds: local midnights from a
    table on days without a DST change, the zone only on the two days with one."""
    days, months = _tables()
    steady = _steady_days()
    totals: dict[tuple[str, int], int] = {}
    for booking in bookings:
        start = booking.interval.start
        i = start.toordinal() - _DAY0
        if start.tzinfo is ZONE and steady[i]:
            s = days[i] + start.hour * 3600 + start.minute * 60 + start.second
        else:
            s = math.floor(start.timestamp())
        end = booking.interval.end
        i = end.toordinal() - _DAY0
        if end.tzinfo is ZONE and steady[i]:
            e = days[i] + end.hour * 3600 + end.minute * 60 + end.second
        else:
            e = math.floor(end.timestamp())
        m = bisect.bisect_right(months, s) - 1
        while True:
            lo = max(s, months[m])
            hi = min(e, months[m + 1])
            key = (booking.grant_id, m)
            totals[key] = totals.get(key, 0) + hi - lo
            if e <= months[m + 1]:
                break
            m += 1
    return totals


def timed(label: str, fn, repeat: int = 3):  # type: ignore[no-untyped-def]
    """The best of ``repeat`` runs of ``fn`` (CPU time of this process, so that other
    work on a shared machine does not count) and its last result."""
    best = math.inf
    result = None
    for _ in range(repeat):
        result = None
        gc.collect()
        started = time.process_time()
        result = fn()
        best = min(best, time.process_time() - started)
    print(f"  {label}: {best:.3f} s", file=sys.stderr)
    return best, result


def query_cost(ledger: Ledger, grants: tuple[RespiteGrant, ...], count: int, seed: int) -> float:
    """Seconds per balance query, over ``count`` random (grant, date) queries."""
    rng = random.Random(seed)
    asks = [
        (
            grants[rng.randrange(len(grants))].id,
            date(2026, rng.randrange(1, 13), rng.randrange(1, 29)),
        )
        for _ in range(count)
    ]
    best = math.inf
    for _ in range(3):
        gc.collect()
        started = time.process_time()
        for grant_id, on in asks:
            ledger.balance(grant_id, on)
        best = min(best, time.process_time() - started)
    return best / count


FAMILIES = 10
CHECK_POLICY = RespitePolicy(
    municipality="Benchmark",
    kinds=frozenset({RespiteKind.IN_HOME}),
    notice=2,
    carry_over=CarryOver.CAPPED,
    carry_over_cap=4,
)


def make_family_ledger(n: int, seed: int) -> Ledger:
    """``n`` bookings for ten families, an evening of 2–4 hours on most days each,
    made 1–10 days ahead (some at short notice), a few naming staff, one in twenty
    cancelled; each family's grant runs for as many years as its bookings need."""
    rng = random.Random(seed)
    per_family = n // FAMILIES
    years = per_family // 300 + 1
    grants = tuple(
        RespiteGrant(
            id=f"F{i}",
            kind=RespiteKind.IN_HOME,
            basis=GrantBasis.DECISION,
            decision_ref=f"D{i}",
            quota=Quota(amount=70, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
            validity=Period(date(2026, 1, 1), date(2026 + years, 1, 1)),
            cared_for=Person(name=f"Test Testsson {i}", birth_date=date(1940, 1, 1)),
        )
        for i in range(FAMILIES)
    )
    provider = Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY)
    planned: list[tuple[int, int, Booking]] = []
    for family in range(FAMILIES):
        day = YEAR_START
        for j in range(per_family):
            day += 86400 * (1 + (rng.random() < 0.2))
            start = day + 3600 * 17 + 60 * rng.randrange(0, 60)
            end = start + 3600 * rng.randrange(2, 5)
            made = start - 86400 * rng.randrange(1, 11)
            staff = ("Anna",) if rng.random() < 0.1 else ()
            booking = Booking(
                id=f"F{family}-{j}",
                grant_id=f"F{family}",
                interval=Interval(
                    pendulum.from_timestamp(start, tz=ZONE), pendulum.from_timestamp(end, tz=ZONE)
                ),
                made_at=pendulum.from_timestamp(made, tz=ZONE),
                provider=provider,
                preferred_staff=staff,
            )
            planned.append((made, 0, booking))
            if rng.random() < 0.05:
                planned.append((made + 3600, 1, booking))
    planned.sort(key=lambda row: (row[0], row[1], row[2].id))
    entries: list[Booking | Cancellation] = [
        booking
        if kind == 0
        else Cancellation(booking_id=booking.id, at=booking.made_at.add(hours=1))
        for _, kind, booking in planned
    ]
    return Ledger(policies=(CHECK_POLICY,), grants=grants, entries=tuple(entries))


def check_benchmark(sizes: list[int], reference_up_to: int) -> None:
    """Time ``check(ledger)`` per booking at each size against the hand-written loop
    and, on the sizes up to ``reference_up_to``, the straightforward per-booking check."""
    on = date(2026, 1, 1)
    rows = []
    per_booking: dict[int, float] = {}
    for n in sizes:
        print(f"ledger of {n:,} bookings ...", file=sys.stderr)
        ledger = make_family_ledger(n, seed=n)
        bookings = [e for e in ledger.entries if isinstance(e, Booking)]
        gc.collect()
        loop_s, _ = timed(
            f"hand-written loop, {n:,}", lambda bookings=bookings: hand_loop(bookings), repeat=1
        )
        check_s, report = timed(
            f"check(ledger), {n:,}", lambda ledger=ledger: check(ledger, on=on), repeat=1
        )
        per_booking[n] = check_s / n
        reference = ""
        if n <= reference_up_to:
            ref_s, ref = timed(
                f"per-booking check, {n:,}",
                lambda ledger=ledger: _check_ledger_reference(ledger, on),
                repeat=1,
            )
            assert ref.findings == report.findings  # the same findings, in the same order
            reference = f"{ref_s:.2f} s ({ref_s / check_s:.1f}x the sweep)"
        rows.append(
            (
                f"{n:,}",
                f"{len(report.findings):,}",
                f"{loop_s:.2f} s",
                f"{check_s:.2f} s",
                f"{check_s / n * 1e6:.0f} us",
                f"{check_s / loop_s:.0f}x",
                reference or "-",
            )
        )
    head = (
        "bookings",
        "findings",
        "loop",
        "check",
        "per booking",
        "check/loop",
        "per-booking check",
    )
    width = [max(len(r[i]) for r in (head, *rows)) for i in range(len(head))]
    for row in (head, *rows):
        print("  ".join(cell.ljust(w) for cell, w in zip(row, width, strict=True)).rstrip())
    ratio = per_booking[sizes[-1]] / per_booking[sizes[0]]
    print(
        f"\nper booking, {sizes[-1]:,} / {sizes[0]:,}: {ratio:.2f}x; goal <= 1.5x "
        f"{'met' if ratio <= 1.5 else 'NOT met'}"
    )


def main() -> None:  # noqa: PLR0915 (one report, written out)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="bookings in the big ledger")
    parser.add_argument("--small", type=int, default=10_000, help="bookings in the small ledger")
    parser.add_argument("--queries", type=int, default=10_000, help="balance queries")
    parser.add_argument("--check", action="store_true", help="time check(ledger) instead")
    parser.add_argument(
        "--check-sizes", default="1000,10000,100000", help="ledger sizes for --check"
    )
    parser.add_argument(
        "--reference-up-to",
        type=int,
        default=1_000,
        help="largest size to run the per-booking (quadratic) check on (10,000: 6 minutes)",
    )
    args = parser.parse_args()
    if args.check:
        sizes = [int(size) for size in args.check_sizes.split(",")]
        check_benchmark(sizes, args.reference_up_to)
        return

    print(f"generating {args.n:,} bookings ...", file=sys.stderr)
    grants, bookings = make_data(args.n, seed=1)
    small_grants, small_bookings = make_data(args.small, seed=2)
    # The synthetic data is long-lived: keep the collector from re-traversing it
    # during every timed run (the same for the loop and the ledger).
    gc.collect()
    gc.freeze()

    loop_s, totals = timed("hand-written loop", lambda bookings=bookings: hand_loop(bookings))
    table_s, table_totals = timed(
        "hand-written loop, epoch table", lambda: hand_loop_table(bookings)
    )
    assert table_totals == totals
    build_s, ledger = timed(
        "Ledger(...) with every entry",
        lambda: Ledger(grants=grants, entries=tuple(bookings)),
    )
    extend_s, _ = timed(
        "Ledger(grants).extend(bookings)", lambda: Ledger(grants=grants).extend(bookings)
    )
    small = Ledger(grants=small_grants, entries=tuple(small_bookings))

    # Correctness: every grant-month of a sample agrees with the loop.
    months = _tables()[1]
    base = bisect.bisect_right(months, YEAR_START) - 1
    rng = random.Random(3)
    for grant in rng.sample(grants, min(200, len(grants))):
        for month in range(1, 13):
            b = ledger.balance(grant.id, date(2026, month, 1))
            assert b.used + b.reserved == totals.get((grant.id, base + month - 1), 0), grant.id

    big_q = query_cost(ledger, grants, args.queries, seed=4)
    small_q = query_cost(small, small_grants, args.queries, seed=5)

    one = bookings[len(bookings) // 2]
    reps = 200_000
    started = time.perf_counter()
    for _ in range(reps):
        one.interval.end.diff(one.interval.start).in_seconds()
    pendulum_us = (time.perf_counter() - started) / reps * 1e6
    started = time.perf_counter()
    for _ in range(reps):
        math.floor(one.interval.end.timestamp()) - math.floor(one.interval.start.timestamp())
    epoch_us = (time.perf_counter() - started) / reps * 1e6
    started = time.perf_counter()
    for _ in range(reps):
        epoch_seconds(one.interval.end) - epoch_seconds(one.interval.start)
    table_us = (time.perf_counter() - started) / reps * 1e6
    started = time.perf_counter()
    appended = ledger
    extra = [
        Booking(
            id=f"X{i}",
            grant_id=grants[0].id,
            interval=one.interval,
            made_at=bookings[-1].made_at,
            provider=one.provider,
        )
        for i in range(100)
    ]
    for booking in extra:
        appended = appended.book(booking)
    book_ms = (time.perf_counter() - started) / len(extra) * 1e3

    rows = [
        ("bookings", f"{args.n:,}", ""),
        ("hand-written loop, timestamp()", f"{loop_s:.2f} s", "baseline"),
        ("hand-written loop, epoch table", f"{table_s:.2f} s", "baseline (the ledger's trick)"),
        (
            "Ledger(...) build",
            f"{build_s:.2f} s ({build_s / loop_s:.2f}x / {build_s / table_s:.2f}x)",
            "<= 2x loop (stricter: the table loop)",
        ),
        (
            "Ledger.extend",
            f"{extend_s:.2f} s ({extend_s / loop_s:.2f}x / {extend_s / table_s:.2f}x)",
            "<= 2x loop (stricter: the table loop)",
        ),
        (
            f"balance query, {args.n:,}",
            f"{big_q * 1e6:.1f} us",
            "O(log n)",
        ),
        (f"balance query, {args.small:,}", f"{small_q * 1e6:.1f} us", ""),
        ("query ratio big/small", f"{big_q / small_q:.2f}x", "<= 1.5x"),
        ("one elapsed difference, pendulum", f"{pendulum_us:.2f} us", "keep at the edges"),
        ("one elapsed difference, timestamp()", f"{epoch_us:.2f} us", ""),
        ("one elapsed difference, epoch table", f"{table_us:.2f} us", "inside the ledger"),
        (f"Ledger.book on {args.n:,} (one entry)", f"{book_ms:.2f} ms", "O(1): shares the index"),
    ]
    width = [max(len(r[i]) for r in rows) for i in range(3)]
    print(f"{'measure'.ljust(width[0])}  {'figure'.ljust(width[1])}  goal")
    for name, figure, goal in rows:
        print(f"{name.ljust(width[0])}  {figure.ljust(width[1])}  {goal}".rstrip())
    ok_build = max(build_s, extend_s) <= 2 * loop_s
    ok_strict = max(build_s, extend_s) <= 2 * table_s
    ok_query = big_q <= 1.5 * small_q
    print(
        f"\nbuild goal (2x the loop) {'met' if ok_build else 'NOT met'}; "
        f"against the table loop {'met' if ok_strict else 'NOT met'}; "
        f"query goal {'met' if ok_query else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
