"""Carry-over kept per grant (``anhorig.respite._carry``) answers as rebuilding every
period on each question did.

The reference here is the straightforward reading, kept as the ledger computed it
before issue 14: every quota period before the one asked about, rebuilt from its
``Period`` and summed again from the ledger's bookings, carried over period by period.
The cache is asked in every order a program may ask it: ledgers that extend each other
(one shared index, snapshots moved forwards), older ledgers and ``as_of`` after newer
ones (moved backwards), hypothetical bookings on top (``extra``), and from threads.
"""

from __future__ import annotations

import pickle
import random
from collections.abc import Callable, Sequence
from datetime import date, timedelta

import attrs
from hypothesis import given, note
from hypothesis import strategies as st

from anhorig.respite import Booking, CarryOver, Ledger, QuotaPeriod, QuotaUnit, RespitePolicy
from anhorig.respite._carry import granted_in, quota_periods
from anhorig.respite._index import amount_in, checked_midnight
from anhorig.respite.ledger import quota_period
from anhorig.testing.strategies import ledgers, respite_policies
from anhorig.time import Period, local
from tests._threads import Deadline, run_together
from tests.respite._helpers import booking, grant

Figures = tuple[int, int, int, int, int, int]


def rebuilt(
    ledger: Ledger,
    grant_id: str,
    target: Period,
    moment: int,
    k: int,
    extra: Sequence[tuple[int, int]] = (),
) -> Figures:
    """The balance of ``target`` among the first ``k`` entries, every earlier period
    rebuilt (the reference)."""
    grant_ = ledger.grant(grant_id)
    policy = ledger.policy_for(grant_.kind)
    unit = grant_.quota.unit

    def consumed(period: Period) -> tuple[int, int]:
        window = period.intersection(grant_.validity)
        if window is None or window.end is None or window.start == window.end:
            return 0, 0
        lo, hi = checked_midnight(window.start), checked_midnight(window.end)
        used = reserved = 0
        for seq in ledger.seqs_between(grant_id, lo, hi, k):
            counts, late = ledger.counts(seq, k)
            if not counts:
                continue
            s, e = ledger.span(seq)
            u, r = amount_in(unit, policy.dygn_count, s, e, lo, hi, moment)
            used, reserved = (used + u + r, reserved) if late else (used + u, reserved + r)
        for s, e in extra:
            u, r = amount_in(unit, policy.dygn_count, s, e, lo, hi, moment)
            used, reserved = used + u, reserved + r
        return used, reserved

    carried = 0
    if policy.carry_over is not CarryOver.NONE and grant_.quota.per is not QuotaPeriod.VALIDITY:
        for period in quota_periods(grant_):
            if period.start >= target.start:
                break
            used, reserved = consumed(period)
            left = max(0, granted_in(grant_, policy, period) + carried - used - reserved)
            if policy.carry_over is CarryOver.CAPPED:
                cap = policy.carry_over_cap or 0
                left = min(left, cap * 3600 if unit is QuotaUnit.HOURS else cap)
            carried = left
    granted = granted_in(grant_, policy, target)
    used, reserved = consumed(target)
    net = granted + carried - used - reserved
    return (granted, carried, used, reserved, max(0, net), max(0, -net))


def figures(
    ledger: Ledger,
    grant_id: str,
    target: Period,
    moment: int,
    k: int,
    extra: Sequence[tuple[int, int]] = (),
) -> Figures:
    """What the ledger answers (from its carry-over snapshot)."""
    b = ledger.period_balance(ledger.grant(grant_id), target, moment, k, extra)
    return (b.granted, b.carried_over, b.used, b.reserved, b.remaining, b.over_quota)


@st.composite
def carrying_policies(draw: st.DrawFn) -> RespitePolicy:
    """Policies that carry over, mostly with a cap (the case issue 14 measured)."""
    policy = draw(respite_policies())
    carry = draw(st.sampled_from((CarryOver.CAPPED, CarryOver.CAPPED, CarryOver.FULL)))
    cap = draw(st.integers(0, 30)) if carry is CarryOver.CAPPED else None
    return attrs.evolve(policy, carry_over=carry, carry_over_cap=cap)


def _chain(ledger: Ledger) -> list[Ledger]:
    """The ledger rebuilt entry by entry with ``extend``: every step shares one index."""
    chain = [Ledger(policies=ledger.policies, grants=ledger.grants, units=ledger.units)]
    for entry in ledger.entries:
        chain.append(chain[-1].extend((entry,)))
    return chain


@given(ledgers(max_entries=20, policies=carrying_policies()), st.data())
def test_carried_over_balances_equal_the_rebuild_in_any_order(
    ledger: Ledger, data: st.DataObject
) -> None:
    """Asked of the ledgers along its history in any order (snapshots moved forwards and
    back on the shared index), with ``as_of`` cuts and hypothetical bookings, every
    balance equals rebuilding every earlier period."""
    chain = _chain(ledger)
    newest = chain[-1]
    for g in newest.grants:  # the snapshot of every entry first: later ones move back
        newest.balance(g.id, g.validity.start)
    for _ in range(data.draw(st.integers(1, 12), label="questions")):
        step = data.draw(st.integers(0, len(chain) - 1), label="ledger")
        asked = chain[step]
        k = data.draw(st.integers(0, len(asked)), label="k")
        g = data.draw(st.sampled_from(asked.grants), label="grant")
        assert g.validity.end is not None
        first, last = g.validity.start - timedelta(days=62), g.validity.end + timedelta(days=62)
        day = data.draw(st.dates(first, last), label="on")
        moment = checked_midnight(day) + data.draw(st.integers(0, 86399), label="second")
        target = quota_period(g, day)
        extra: list[tuple[int, int]] = []
        if data.draw(st.booleans(), label="extra"):
            s = checked_midnight(data.draw(st.dates(first, last))) + 3600 * 18
            extra.append((s, s + 3600 * data.draw(st.integers(1, 60))))
        note(f"ledger {step}, k={k}, {g.id}, {target}, extra={extra}")
        assert figures(asked, g.id, target, moment, k, extra) == rebuilt(
            asked, g.id, target, moment, k, extra
        )


@given(ledgers(max_entries=10, policies=carrying_policies()), st.data())
def test_balances_of_every_period_equal_the_rebuild(ledger: Ledger, data: st.DataObject) -> None:
    """``balances`` (every period of a grant) from the snapshot equals the rebuild."""
    g = data.draw(st.sampled_from(ledger.grants))
    assert g.validity.end is not None
    day = data.draw(st.dates(g.validity.start, g.validity.end - timedelta(days=1)))
    moment = checked_midnight(day)
    got = [
        (b.granted, b.carried_over, b.used, b.reserved, b.remaining, b.over_quota)
        for b in ledger.balances(g.id, day)
    ]
    want = [rebuilt(ledger, g.id, period, moment, len(ledger)) for period in quota_periods(g)]
    assert got == want


def test_a_long_grant_carries_over_as_rebuilt() -> None:
    """A 30-year grant, capped carry-over, booked unevenly with cancellations in time and
    late: the last month's balance and an ``as_of`` in its first year equal the rebuild."""
    policy = RespitePolicy(
        municipality="N",
        kinds=frozenset({grant().kind}),
        carry_over=CarryOver.CAPPED,
        carry_over_cap=4,
        late_cancellation_hours=24,
    )
    long = grant(validity=Period(date(2026, 1, 1), date(2056, 1, 1)))
    rng = random.Random(14)
    ledger = Ledger(policies=(policy,), grants=(long,))
    made = local(2025, 12, 1, 9)
    for i in range(360):
        year, month = 2026 + i // 12, i % 12 + 1
        for n in range(rng.randrange(0, 7)):  # some months over the quota, most not
            dom = rng.randrange(1, 28)
            start = local(year, month, dom, 17)
            entry = booking(f"B-{i}-{n}", start, start.add(hours=rng.randrange(1, 6)), made_at=made)
            ledger = ledger.book(entry)
            if rng.random() < 0.1:  # some in time, some late
                at = made if rng.random() < 0.5 else start.subtract(hours=2)
                made = max(made, at)
                ledger = ledger.cancel(entry.id, at=made)
    for day in (date(2026, 1, 15), date(2040, 6, 1), date(2055, 12, 31), date(2056, 3, 1)):
        target = quota_period(long, day)
        # Backwards from the newest snapshot (near and far), then forwards again.
        n = len(ledger)
        for k in (n, n - 5, n * 3 // 4, n // 3, 0, n // 2, n - 1, n):
            moment = checked_midnight(day)
            assert figures(ledger, long.id, target, moment, k) == rebuilt(
                ledger, long.id, target, moment, k
            ), (day, k)


def test_the_carry_cache_is_not_pickled_and_rebuilds_after() -> None:
    ledger = Ledger(
        policies=(
            RespitePolicy(
                municipality="N", kinds=frozenset({grant().kind}), carry_over=CarryOver.FULL
            ),
        ),
        grants=(grant(),),
    ).book(booking("B-1", local(2026, 1, 5, 9), local(2026, 1, 5, 12)))
    before = ledger.balance("G-1", date(2026, 3, 1))
    copy = pickle.loads(pickle.dumps(ledger))
    assert copy.balance("G-1", date(2026, 3, 1)) == before
    assert (
        copy.book(booking("B-2", local(2026, 2, 5, 9), local(2026, 2, 5, 12)))
        .balance("G-1", date(2026, 3, 1))
        .carried_over
        == before.carried_over - 3 * 3600
    )


# --- threads -------------------------------------------------------------------------------

POLICY = RespitePolicy(
    municipality="N",
    kinds=frozenset({grant().kind}),
    carry_over=CarryOver.CAPPED,
    carry_over_cap=6,
    late_cancellation_hours=24,
)
LONG = grant(validity=Period(date(2026, 1, 1), date(2031, 1, 1)))
MADE = local(2025, 12, 1, 9)


def _carry_race(seed: int) -> list[tuple[Ledger, date, int, Figures]]:
    """One thread books 120 bookings one by one on a 5-year grant (one shared index,
    cancelling some), while three ask balances of the ledgers made so far, newest and
    older, with ``as_of`` cuts: every thread moves the same per-grant snapshot."""
    rng = random.Random(seed)
    chain = [Ledger(policies=(POLICY,), grants=(LONG,))]
    plan: list[Booking] = []
    for i in range(120):
        start = local(2026 + rng.randrange(5), rng.randrange(1, 13), rng.randrange(1, 28), 17)
        plan.append(booking(f"B-{i}", start, start.add(hours=rng.randrange(1, 6)), made_at=MADE))
    asked: list[tuple[Ledger, date, int, Figures]] = []

    def append() -> None:
        for i, entry in enumerate(plan):
            ledger = chain[-1].book(entry)
            if i % 9 == 0:
                ledger = ledger.cancel(entry.id, at=MADE)
            chain.append(ledger)

    def ask(seed: int) -> Callable[[], None]:
        def run() -> None:
            rng = random.Random(seed)
            # At least once: on a loaded machine the booking thread may be done first.
            while True:
                booked = len(chain) > len(plan)
                ledger = chain[rng.randrange(len(chain))]
                day = date(2026 + rng.randrange(6), rng.randrange(1, 13), 1)
                k = rng.choice((len(ledger), rng.randrange(len(ledger) + 1)))
                got = figures(ledger, LONG.id, quota_period(LONG, day), checked_midnight(day), k)
                asked.append((ledger, day, k, got))
                if booked:
                    return

        return run

    errors = run_together([append, ask(seed + 1), ask(seed + 2), ask(seed + 3)])
    assert errors == [], errors
    return asked


def test_balances_asked_from_threads_while_booking_equal_the_rebuild() -> None:
    """The per-grant carry-over snapshot, moved forwards and back by several threads at
    once while another books, never gives an answer the rebuild does not."""
    for round_number in Deadline(rounds=10, seconds=4.0):
        asked = _carry_race(round_number * 7)
        assert asked
        for ledger, day, k, got in asked[::3]:
            target = quota_period(LONG, day)
            assert got == rebuilt(ledger, LONG.id, target, checked_midnight(day), k), (day, k)
