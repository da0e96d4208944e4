"""Benchmark: respite balances on multi-year grants, ledger size, and check(ledger).

Goals (issue 14, "make the honest numbers good"; never timed in tests):

- a balance query within 1.5× between a 1-year and a 30-year grant with capped
  carry-over, asked in the grant's first month and in its last year (where carry-over
  reaches furthest back); peer in the same run: the rebuild of every earlier month that
  the ledger did before issue 14 (``rebuilt`` below, answers compared equal first);
- a balance query within 1.5× between 10,000 and 1,000,000 bookings;
- ``check(ledger)`` ≤ 20 µs per booking (beside one hand-written pass over the same
  bookings, the floor of any pass).

Also printed, from issue 5: building a ledger of the large size within 2× of a
hand-written single pass over the same bookings.

Run on demand::

    python benchmarks/bench_respite.py            # 10,000 and 1,000,000 bookings (~20 min)
    python benchmarks/bench_respite.py --quick    # 2,000 and 20,000, few runs (smoke)
    python benchmarks/bench_respite.py --json figures.json

How (see ``_harness.py``): CPU time, contenders interleaved round by round, runs of
equal length, medians with quartiles and min–max. Every balance that is timed is
first compared with a hand-written reference (local month bounds from ``zoneinfo``,
epoch seconds from ``timestamp()``, capped carry-over month by month from the
grant's start); the benchmark stops on any difference.

Data: in-home respite under a policy carrying unused hours over, capped at 4 hours;
quotas of 10 hours a month. Grants of 1, 4 and 30 years from 2026-01-01, each booked
1–6 evenings of 1–3 hours every month, each month of the year booked alike in every
year and every grant, so that the months asked about hold the same bookings whatever
the grant's length (some months go over, some carry over the
cap). For the ledger-size rows, 4-year grants with 100 bookings each, as many grants
as the size needs, queried at the same mix of months. ``check(ledger)`` runs on ten
families booked most evenings for as many years as the size needs, under a policy
with notice and capped carry-over, some bookings naming staff, one in twenty
cancelled.
"""

from __future__ import annotations

import bisect
import functools
import math
import random
import sys
from collections.abc import Callable, Hashable, Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _harness import Bench, Contender, Run, agree, arguments, each

from anhorig.findings import Finding
from anhorig.people import Person
from anhorig.respite import (
    Balance,
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
from anhorig.respite._carry import granted_in, quota_periods
from anhorig.respite._index import amount_in, checked_midnight
from anhorig.respite.ledger import quota_period
from anhorig.respite.rules import check_booking
from anhorig.time import ZONE, Interval, Period

STOCKHOLM = ZoneInfo("Europe/Stockholm")
QUOTA_HOURS = 10
CAP_HOURS = 4
POLICY = RespitePolicy(
    municipality="Benchmark",
    kinds=frozenset({RespiteKind.IN_HOME}),
    carry_over=CarryOver.CAPPED,
    carry_over_cap=CAP_HOURS,
)
PROVIDER = Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY)
PERSON = Person(name="Test Testsson", birth_date=date(1940, 1, 1))


@cache
def month_start(year: int, month: int) -> int:
    """Epoch seconds of local midnight on the first of the month (the reference's own)."""
    return int(datetime(year, month, 1, tzinfo=STOCKHOLM).timestamp())


def local_midnight(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=STOCKHOLM).timestamp())


def months_of(start_year: int, years: int) -> list[tuple[int, int]]:
    return [(start_year + i // 12, i % 12 + 1) for i in range(12 * years)]


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def grant(grant_id: str, years: int) -> RespiteGrant:
    return RespiteGrant(
        id=grant_id,
        kind=RespiteKind.IN_HOME,
        basis=GrantBasis.DECISION,
        decision_ref=f"D-{grant_id}",
        quota=Quota(amount=QUOTA_HOURS, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
        validity=Period(date(2026, 1, 1), date(2026 + years, 1, 1)),
        cared_for=PERSON,
    )


class Instants:
    """pendulum instants in Europe/Stockholm, one object per second used."""

    def __init__(self) -> None:
        self.made: dict[int, pendulum.DateTime] = {}

    def __call__(self, stamp: int) -> pendulum.DateTime:
        found = self.made.get(stamp)
        if found is None:
            found = self.made[stamp] = pendulum.from_timestamp(stamp, tz=ZONE)
        return found


def spans_for(
    years: int, rng: random.Random, per_month: tuple[int, int], *, yearly: int | None = None
) -> list[tuple[int, int]]:
    """Bookings of one grant as epoch spans: ``per_month`` (low, high) evenings of 1–3
    hours starting 17:00–19:59 each month.

    With ``yearly`` (a seed), each month of the grant's years is drawn the same way as
    that month of its first year (the same days of the 1st–28th and hours), so grants
    of different lengths hold the same bookings in the months asked about."""
    spans = []
    for i, (year, month) in enumerate(months_of(2026, years)):
        draw = rng if yearly is None else random.Random(yearly * 100 + i % 12)
        lo = month_start(year, month)
        days = (month_start(*next_month(year, month)) - lo) // 86400
        for day in draw.sample(range(days if yearly is None else 28), draw.randint(*per_month)):
            start = lo + day * 86400 + 3600 * 17 + 60 * draw.randrange(180)
            spans.append((start, start + 3600 * draw.randint(1, 3)))
    return spans


def ledger_of(
    grants: Sequence[RespiteGrant], spans: dict[str, list[tuple[int, int]]], at: Instants
) -> tuple[Ledger, list[Booking]]:
    """A ledger holding every span as a booking made a week ahead, in the order made."""
    made = sorted(
        (start - 7 * 86400, grant_id, i, start, end)
        for grant_id, grant_spans in spans.items()
        for i, (start, end) in enumerate(grant_spans)
    )
    bookings = [
        Booking(
            id=f"{grant_id}-{i}",
            grant_id=grant_id,
            interval=Interval(at(start), at(end)),
            made_at=at(made_at),
            provider=PROVIDER,
        )
        for made_at, grant_id, i, start, end in made
    ]
    return Ledger(policies=(POLICY,), grants=tuple(grants), entries=tuple(bookings)), bookings


# --- the hand-written reference ----------------------------------------------------------


class Reference:
    """Balances computed from scratch: month bounds from zoneinfo, capped carry-over
    month by month from the grant's start."""

    def __init__(self, grants: Sequence[RespiteGrant], spans: dict[str, list[tuple[int, int]]]):
        self.grants = {g.id: g for g in grants}
        self.spans = spans
        self.totals: dict[str, dict[tuple[int, int], int]] = {}

    def monthly(self, grant_id: str) -> dict[tuple[int, int], int]:
        found = self.totals.get(grant_id)
        if found is None:
            found = self.totals[grant_id] = {}
            for start, end in self.spans[grant_id]:
                for month, (lo, hi) in month_windows(start, end):
                    found[month] = found.get(month, 0) + min(end, hi) - max(start, lo)
        return found

    def balance(self, grant_id: str, on: date) -> tuple[int, ...]:
        validity = self.grants[grant_id].validity
        assert validity.end is not None
        amount = QUOTA_HOURS * 3600
        carried = 0
        totals = self.monthly(grant_id)
        year, month = validity.start.year, validity.start.month
        while (year, month) < (on.year, on.month):
            left = max(0, amount + carried - totals.get((year, month), 0))
            carried = min(left, CAP_HOURS * 3600)
            year, month = next_month(year, month)
        lo, hi = month_start(year, month), month_start(*next_month(year, month))
        moment = local_midnight(on)
        used = reserved = 0
        for start, end in self.spans[grant_id]:
            a, b = max(start, lo), min(end, hi)
            if a < b:
                cut = min(max(moment, a), b)
                used += cut - a
                reserved += b - cut
        net = amount + carried - used - reserved
        return (amount, carried, used, reserved, max(0, net), max(0, -net))


def month_windows(start: int, end: int) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The local months ``[start, end)`` meets, with their epoch bounds."""
    day = datetime.fromtimestamp(start, STOCKHOLM)
    year, month = day.year, day.month
    windows = []
    while True:
        lo, hi = month_start(year, month), month_start(*next_month(year, month))
        windows.append(((year, month), (lo, hi)))
        if end <= hi:
            return windows
        year, month = next_month(year, month)


def ask(ledger: Ledger, question: tuple[str, date]) -> Balance:
    return ledger.balance(*question)


def rebuilt(ledger: Ledger, question: tuple[str, date]) -> tuple[int, ...]:
    """The balance as the ledger computed it before issue 14, kept as the peer: every
    quota period of the grant before the one asked about rebuilt on each call (periods
    as ``Period`` values intersected with the validity, each period's bookings summed
    again), capped carry-over passed on month by month."""
    grant_id, on = question
    grant_ = ledger.grant(grant_id)
    policy = ledger.policy_for(grant_.kind)
    moment = checked_midnight(on)
    target = quota_period(grant_, on)

    def consumed(period: Period) -> tuple[int, int]:
        window = period.intersection(grant_.validity)
        if window is None or window.end is None or window.start == window.end:
            return 0, 0
        lo, hi = checked_midnight(window.start), checked_midnight(window.end)
        used = reserved = 0
        for seq in ledger.seqs_between(grant_id, lo, hi):
            counts, late = ledger.counts(seq)
            if not counts:
                continue
            s, e = ledger.span(seq)
            u, r = amount_in(QuotaUnit.HOURS, policy.dygn_count, s, e, lo, hi, moment)
            used, reserved = (used + u + r, reserved) if late else (used + u, reserved + r)
        return used, reserved

    carried = 0
    for period in quota_periods(grant_):
        if period.start >= target.start:
            break
        used, reserved = consumed(period)
        left = max(0, granted_in(grant_, policy, period) + carried - used - reserved)
        carried = min(left, CAP_HOURS * 3600)
    granted = granted_in(grant_, policy, target)
    used, reserved = consumed(target)
    net = granted + carried - used - reserved
    return (granted, carried, used, reserved, max(0, net), max(0, -net))


def figures(balance: Balance) -> tuple[int, ...]:
    return (
        balance.granted,
        balance.carried_over,
        balance.used,
        balance.reserved,
        balance.remaining,
        balance.over_quota,
    )


# --- check(ledger) -------------------------------------------------------------------------

FAMILIES = 10
CHECK_POLICY = RespitePolicy(
    municipality="Benchmark",
    kinds=frozenset({RespiteKind.IN_HOME}),
    notice=2,
    carry_over=CarryOver.CAPPED,
    carry_over_cap=4,
)


def family_ledger(n: int, seed: int) -> Ledger:
    """``n`` bookings for ten families, an evening of 2–4 hours on most days each,
    made 1–10 days ahead (some at short notice), a few naming staff, one in twenty
    cancelled an hour after it was made; each grant runs as many years as needed."""
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
    at = Instants()
    planned: list[tuple[int, int, Booking]] = []
    for family in range(FAMILIES):
        day = month_start(2026, 1)
        for j in range(per_family):
            day += 86400 * (1 + (rng.random() < 0.2))
            start = day + 3600 * 17 + 60 * rng.randrange(0, 60)
            end = start + 3600 * rng.randrange(2, 5)
            made = start - 86400 * rng.randrange(1, 11)
            booking = Booking(
                id=f"F{family}-{j}",
                grant_id=f"F{family}",
                interval=Interval(at(start), at(end)),
                made_at=at(made),
                provider=PROVIDER,
                preferred_staff=("Anna",) if rng.random() < 0.1 else (),
            )
            planned.append((made, 0, booking))
            if rng.random() < 0.05:
                planned.append((made + 3600, 1, booking))
    planned.sort(key=lambda row: (row[0], row[1], row[2].id))
    entries: list[Booking | Cancellation] = [
        booking if kind == 0 else Cancellation(booking_id=booking.id, at=at(made))
        for made, kind, booking in planned
    ]
    return Ledger(policies=(CHECK_POLICY,), grants=grants, entries=tuple(entries))


def read(finding: Finding, path: str) -> tuple[object, ...]:
    """What a user reads of a finding at ``path``: code, severity, both messages,
    references, sources and the policy cited."""
    return (
        finding.code,
        finding.severity,
        path,
        finding.message.sv,
        finding.message.en,
        finding.references,
        finding.sources,
        finding.policy_source,
    )


def agree_with_check_booking(family: Ledger, on: date, sample: int) -> int:
    """``check(ledger)``'s findings at ``sample`` bookings spread over the ledger, read
    field by field, against ``check_booking`` of each (judged alone against the entries
    before it, the per-booking reading); the findings compared."""
    found: dict[int, list[tuple[object, ...]]] = {}
    for finding in check(family, on=on):
        if finding.path.startswith("entries["):
            seq = int(finding.path[8 : finding.path.index("]")])
            found.setdefault(seq, []).append(read(finding, finding.path))
    active = [
        seq
        for seq, entry in enumerate(family.entries)
        if isinstance(entry, Booking) and family.is_active(seq)
    ]
    step = max(1, len(active) // sample)
    chosen = active[::step][:sample]
    eligibility = {
        "RESPITE-CARER-AGE",
        "RESPITE-LIVING-TOGETHER",
        "RESPITE-CARED-FOR-AGE",
        "RESPITE-ELIGIBILITY-UNKNOWN",
    }
    answers: dict[str, list[Hashable]] = {"check(ledger)": [], "check_booking": []}
    compared = 0
    for seq in chosen:
        entry = family.entries[seq]
        assert isinstance(entry, Booking)
        alone = tuple(
            read(f, f"entries[{seq}].{f.path}")
            for f in check_booking(family, entry, on=on)
            if f.code not in eligibility
        )
        answers["check(ledger)"].append(tuple(found.get(seq, ())))
        answers["check_booking"].append(alone)
        compared += len(alone)
    agree("check(ledger) against check_booking", answers)
    return compared


def read_every_message(family: Ledger, on: date) -> list[tuple[str, str, str]]:
    """``check(ledger)`` with every finding's path and message read in both languages
    (findings write them when first read)."""
    return [(f.path, f.message.sv, f.message.en) for f in check(family, on=on)]


def whole(function: Callable[[], object]) -> Callable[[int], Run]:
    """A contender whose one run is ``function()`` over the whole ledger, counted as
    ``n`` operations (one per booking)."""

    def prepare(n: int) -> Run:
        return function

    return prepare


def build_rows(
    bench: Bench, grants: tuple[RespiteGrant, ...], bookings: list[Booking], *, quick: bool
) -> None:
    """Building a ledger of ``bookings`` (Ledger(...) and extend) against one
    hand-written pass over them, after checking the ledger's monthly sums."""
    totals = hand_loop(bookings)
    entries = tuple(bookings)
    built = Ledger(policies=(POLICY,), grants=grants, entries=entries)
    sample = random.Random(3).sample(list(grants), 20 if quick else 200)
    agree(
        "build",
        {
            "Ledger": [
                figures(built.balance(g.id, date(y, m, 1)))[2:4]
                for g in sample
                for y, m in months_of(2026, 4)
            ],
            "hand loop": [(0, totals.get((g.id, i), 0)) for g in sample for i in range(48)],
        },
    )
    bench.checked(f"{len(sample) * 48:,} grant-months of the built ledger equal the hand loop")
    del built, totals

    def build() -> Ledger:
        return Ledger(policies=(POLICY,), grants=grants, entries=entries)

    def extend() -> Ledger:
        return Ledger(policies=(POLICY,), grants=grants).extend(entries)

    bench.measure(
        f"building a ledger of {len(bookings):,} bookings (per booking)",
        [
            Contender("hand-written loop", whole(lambda: hand_loop(bookings))),
            Contender("Ledger(...) build", whole(build)),
            Contender("Ledger(...).extend", whole(extend)),
        ],
        ops=len(bookings),
        runs=None if quick else 3,
    )


def main(argv: list[str] | None = None) -> int:  # noqa: PLR0915 (one report, written out)
    parser = arguments(__doc__)
    parser.add_argument("--small", type=int, default=0, help="bookings, small ledger (10,000)")
    parser.add_argument("--large", type=int, default=0, help="bookings, large ledger (1,000,000)")
    parser.add_argument(
        "--check-only", action="store_true", help="only the check(ledger) rows and their goal"
    )
    args = parser.parse_args(argv)
    bench = Bench("Respite: balances and check(ledger) (benchmarks/bench_respite.py)", args)
    small_n = args.small or (2_000 if args.quick else 10_000)
    large_n = args.large or (20_000 if args.quick else 1_000_000)
    check_sizes = (10_000,) if args.quick else (10_000, 100_000)
    if args.check_only:
        main_check = check_rows(bench, check_sizes, quick=args.quick)
        bench.goal_at_most("check(ledger) ≤ 20 µs per booking", main_check, 20e3)
        bench.report()
        return 0
    query_ops = 100 if args.quick else 400
    days = range(1, 29, 7 if args.quick else 1)  # days of a month asked about
    size_asks_count = 300 if args.quick else 2_000

    # 1. Grant length: 1, 4 and 30 years, asked in the first month and the last year.
    rng = random.Random(14)
    at = Instants()
    lengths = (1, 4, 30)
    grants = [grant(f"Y{years}", years) for years in lengths]
    spans = {
        g.id: spans_for(years, rng, (1, 6), yearly=14)
        for g, years in zip(grants, lengths, strict=True)
    }
    ledger, _ = ledger_of(grants, spans, at)
    reference = Reference(grants, spans)
    asks: dict[str, list[tuple[str, date]]] = {}
    for years in lengths:
        last = 2026 + years - 1
        asks[f"{years}-year grant, first month"] = [(f"Y{years}", date(2026, 1, d)) for d in days]
        asks[f"{years}-year grant, last year"] = [
            (f"Y{years}", date(last, m, d)) for m in range(1, 13) for d in days
        ]
    every = [ask for group in asks.values() for ask in group]
    answers: dict[str, list[Hashable]] = {
        "Ledger.balance": [figures(ledger.balance(g, on)) for g, on in every],
        "reference": [reference.balance(g, on) for g, on in every],
        "rebuild (before issue 14)": [rebuilt(ledger, ask) for ask in every],
    }
    agree("balances by grant length", answers)
    carried = sum(1 for a in answers["reference"] if isinstance(a, tuple) and a[1] > 0)
    bench.checked(
        f"{len(every):,} balances on 1-, 4- and 30-year grants ({carried:,} with hours carried "
        f"over) equal the hand-written reference and the rebuild of every month (before "
        f"issue 14)"
    )
    bench.measure(
        "balance query by grant length (capped carry-over); peer: the rebuild it replaces",
        [
            Contender(f"balance, {name}", each(functools.partial(ask, ledger), group))
            for name, group in asks.items()
        ]
        + [
            Contender(f"rebuild, {name}", each(functools.partial(rebuilt, ledger), asks[name]))
            for name in ("1-year grant, last year", "30-year grant, last year")
        ],
        ops=query_ops,
    )

    # 2. Ledger size: the same grants and queries at two sizes.
    sized: dict[int, tuple[Ledger, list[Booking], list[tuple[str, date]], Reference]] = {}
    for n in (small_n, large_n):
        bench.log(f"generating {n:,} bookings")
        size_rng = random.Random(n)
        count = max(1, n // 100)
        size_grants = [grant(f"G{i}", 4) for i in range(count)]
        size_spans = {}
        for g in size_grants:
            size_spans[g.id] = spans_for(4, size_rng, (2, 3))[:100]
        size_ledger, bookings = ledger_of(size_grants, size_spans, Instants())
        ask_rng = random.Random(5)
        size_asks = [
            (
                f"G{int(ask_rng.random() * count)}",
                date(
                    2026 + ask_rng.randrange(4), ask_rng.randrange(1, 13), ask_rng.randrange(1, 29)
                ),
            )
            for _ in range(size_asks_count)
        ]
        sized[n] = (size_ledger, bookings, size_asks, Reference(size_grants, size_spans))
    counts = {n: len(value[1]) for n, value in sized.items()}
    for n, (size_ledger, bookings, size_asks, size_reference) in sized.items():
        agree(
            f"balances at {n:,} bookings",
            {
                "Ledger.balance": [figures(size_ledger.balance(g, on)) for g, on in size_asks],
                "reference": [size_reference.balance(g, on) for g, on in size_asks],
            },
        )
        bench.checked(
            f"{len(size_asks):,} balances in a ledger of {len(bookings):,} bookings equal the "
            "hand-written reference"
        )
    bench.measure(
        "balance query by ledger size (4-year grants, capped carry-over)",
        [
            Contender(
                f"balance, {len(bookings):,} bookings",
                each(functools.partial(ask, size_ledger), size_asks),
            )
            for size_ledger, bookings, size_asks, _ in sized.values()
        ],
        ops=query_ops,
    )

    # 3. Building the large ledger against one hand-written pass (issue 5).
    large_ledger, large_bookings, _, _ = sized.pop(large_n)
    sized.clear()
    build_rows(bench, large_ledger.grants, large_bookings, quick=args.quick)
    del large_ledger, large_bookings

    # 4. check(ledger), per booking.
    main_check = check_rows(bench, check_sizes, quick=args.quick)

    bench.goal_within(
        "balance: 30-year grant within 1.5× of a 1-year grant (last year)",
        "balance, 30-year grant, last year",
        "balance, 1-year grant, last year",
        1.5,
    )
    bench.goal_within(
        "balance: 30-year grant within 1.5× of a 1-year grant (first month)",
        "balance, 30-year grant, first month",
        "balance, 1-year grant, first month",
        1.5,
    )
    bench.goal_faster(
        "(issue 14, the peer) balance, 30-year grant, last year: faster than the rebuild it replaces",
        "balance, 30-year grant, last year",
        "rebuild, 30-year grant, last year",
        1,
    )
    small_label, large_label = (f"balance, {counts[n]:,} bookings" for n in (small_n, large_n))
    bench.goal_within(
        f"balance: {large_n:,} bookings within 1.5× of {small_n:,}", large_label, small_label, 1.5
    )
    bench.goal_at_most("check(ledger) ≤ 20 µs per booking", main_check, 20e3)
    bench.goal_within(
        "(issue 5) Ledger(...) build within 2× of the hand-written loop",
        "Ledger(...) build",
        "hand-written loop",
        2,
    )
    bench.note(
        "balances are seconds (hours quota); every timed balance was compared with the "
        "reference before timing"
    )
    bench.report()
    return 0


def check_rows(bench: Bench, sizes: Sequence[int], *, quick: bool) -> str:
    """check(ledger) per booking at each size, beside one hand-written pass over the
    same bookings and check(ledger) with every message read; the findings first
    compared with check_booking at a sample of bookings. Returns the row of the first
    size, which the goal is about."""
    on = date(2026, 1, 1)
    main_check = ""
    for n in sizes:
        bench.log(f"generating a family ledger of {n:,} bookings")
        family = family_ledger(n, seed=n)
        bookings_only = [e for e in family.entries if isinstance(e, Booking)]
        findings = {len(check(family, on=on).findings) for _ in range(2)}
        if len(findings) != 1:
            raise AssertionError(f"check(ledger) gave different findings: {findings}")
        bench.value(
            f"check(ledger) findings at {len(bookings_only):,} bookings", findings.pop(), ""
        )
        if not main_check:
            main_check = f"check(ledger), {len(bookings_only):,} bookings"
            sample = 40 if quick else 200
            compared = agree_with_check_booking(family, on, sample)
            bench.checked(
                f"check(ledger)'s findings at {sample} bookings of {len(bookings_only):,} "
                f"({compared} findings: code, severity, path, both messages, references, "
                "sources) equal check_booking's for each"
            )
        bench.measure(
            f"check(ledger) of {len(bookings_only):,} bookings (per booking)",
            [
                Contender(
                    f"check(ledger), {len(bookings_only):,} bookings",
                    whole(functools.partial(check, family, on=on)),
                ),
                Contender(
                    f"check(ledger), every message read, {len(bookings_only):,} bookings",
                    whole(functools.partial(read_every_message, family, on)),
                ),
                Contender(
                    f"hand-written loop, {len(bookings_only):,} bookings",
                    whole(functools.partial(hand_loop, bookings_only)),
                ),
            ],
            ops=len(bookings_only),
            runs=3 if n >= 100_000 else None,
        )
    bench.note(
        "check(ledger) writes each finding's path and message when first read; 'every "
        "message read' reads them all, in both languages"
    )
    return main_check


def hand_loop(bookings: Sequence[Booking]) -> dict[tuple[str, int], int]:
    """One pass: each booking's epoch seconds and the seconds it uses in each local
    month (numbered from the first booking's year), summed per grant and month: the
    cheapest pass over the bookings, the floor for building a ledger."""
    first = bookings[0].interval.start.year
    last = max(b.interval.end.year for b in bookings) + 1
    bounds = [month_start(y, m) for y, m in months_of(first, last - first + 1)]
    totals: dict[tuple[str, int], int] = {}
    for booking in bookings:
        s = math.floor(booking.interval.start.timestamp())
        e = math.floor(booking.interval.end.timestamp())
        m = bisect.bisect_right(bounds, s) - 1
        while True:
            key = (booking.grant_id, m)
            totals[key] = totals.get(key, 0) + min(e, bounds[m + 1]) - max(s, bounds[m])
            if e <= bounds[m + 1]:
                break
            m += 1
    return totals


if __name__ == "__main__":
    raise SystemExit(main())
