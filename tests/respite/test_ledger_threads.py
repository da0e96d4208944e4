"""One ledger shared by threads: ``book``/``cancel`` and the queries may run at once.

Every ledger a thread gets back must hold exactly its own history (the entries of the
ledger it was made from and its own entry), and every query must answer as the same
ledger rebuilt in one thread from those entries does.
"""

from __future__ import annotations

import pickle
import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from anhorig.respite import (
    Booking,
    Cancellation,
    CarryOver,
    Ledger,
    QuotaPeriod,
    QuotaUnit,
    RespiteKind,
    RespitePolicy,
    ShortStayUnit,
)
from anhorig.respite.capacity import occupancy
from anhorig.time import local
from tests._threads import Deadline, run_together
from tests.respite._helpers import booking, grant

UNIT = ShortStayUnit(id="U", name="Korttidsboendet", beds=3)
GRANTS = (
    grant("G-1"),
    grant("G-2", amount=20),
    grant("G-3", per=QuotaPeriod.YEAR, amount=100),
    grant("G-S", kind=RespiteKind.SHORT_STAY, amount=30, unit=QuotaUnit.DYGN),
)
POLICIES = (
    RespitePolicy(
        municipality="N",
        kinds=frozenset({RespiteKind.IN_HOME}),
        carry_over=CarryOver.FULL,
        late_cancellation_hours=24,
    ),
)
MADE = local(2025, 12, 1, 9)
"""Every entry is recorded at this instant (equal instants keep the ledger in order)."""


def _base() -> Ledger:
    ledger = Ledger(policies=POLICIES, grants=GRANTS, units=(UNIT,))
    return ledger.extend(
        booking(f"B-{i}", local(2026, 1 + i, 3, 18), local(2026, 1 + i, 3, 22), made_at=MADE)
        for i in range(3)
    )


def _new_booking(rng: random.Random, bid: str) -> Booking:
    gid = rng.choice([g.id for g in GRANTS])
    day = date(2026, 1, 1) + timedelta(days=rng.randrange(360))
    start = local(day.year, day.month, day.day, rng.randrange(8, 20))
    if gid == "G-S":
        return booking(
            bid, start, start.add(days=rng.randrange(1, 4)), gid=gid, made_at=MADE, unit_id="U"
        )
    return booking(bid, start, start.add(hours=rng.randrange(1, 7)), gid=gid, made_at=MADE)


def _rebuilt(ledger: Ledger) -> Ledger:
    """The same entries, in a ledger built in one thread with nothing shared."""
    return Ledger(policies=POLICIES, grants=GRANTS, units=(UNIT,), entries=ledger.entries)


def _query(ledger: Ledger, kind: str, arg: Any) -> Any:
    if kind == "balance":
        return ledger.balance(arg[0], arg[1])
    if kind == "seqs_of":
        return ledger.seqs_of(arg)
    if kind == "bookings":
        return ledger.bookings(arg)
    if kind == "seq_of":
        return ledger.seq_of(arg)
    assert kind == "occupancy"
    return occupancy(ledger, "U", arg)


Appended = list[tuple[Ledger, Booking | Cancellation, Ledger]]
Asked = list[tuple[Ledger, str, Any, Any]]


def _race(seed: int) -> tuple[Appended, Asked]:
    """Four threads append to the newest ledgers they see (often the same one) while
    two query them; what each appended and each answer, with the ledger it came from."""
    pool: list[Ledger] = [_base()]
    appended: Appended = []
    asked: Asked = []

    def writer(name: str, seed: int) -> Callable[[], None]:
        def run() -> None:
            rng = random.Random(seed)
            for step in range(40):
                parent = pool[-1 - rng.randrange(min(3, len(pool)))]
                active = parent.bookings()
                entry: Booking | Cancellation
                if active and rng.random() < 0.2:
                    child = parent.cancel(rng.choice(active).id, at=MADE)
                    entry = child.entry(len(child) - 1)
                else:
                    entry = _new_booking(rng, f"{name}-{step}")
                    child = parent.book(entry)
                appended.append((parent, entry, child))
                pool.append(child)

        return run

    def reader(seed: int) -> Callable[[], None]:
        def run() -> None:
            rng = random.Random(seed)
            for _ in range(60):
                ledger = pool[-1 - rng.randrange(min(4, len(pool)))]
                kind = rng.choice(["balance", "seqs_of", "bookings", "seq_of", "occupancy"])
                gid = rng.choice([g.id for g in GRANTS])
                arg: Any = {
                    "balance": (gid, date(2026, rng.randrange(1, 13), 1)),
                    "seqs_of": gid,
                    "bookings": gid,
                    "seq_of": f"W{rng.randrange(4)}-{rng.randrange(40)}",
                    "occupancy": date(2026, 1, 1) + timedelta(days=rng.randrange(360)),
                }[kind]
                asked.append((ledger, kind, arg, _query(ledger, kind, arg)))

        return run

    errors = run_together(
        [writer(f"W{i}", seed + i) for i in range(4)] + [reader(seed + 10 + i) for i in range(2)]
    )
    assert errors == [], errors
    return appended, asked


def test_books_and_cancels_from_threads_each_keep_their_own_history() -> None:
    """Each ledger returned by ``book``/``cancel`` from a thread is its parent plus its
    own entry, and each query answered during the race is the rebuilt ledger's answer."""
    for round_number in Deadline(rounds=30, seconds=3.0):
        appended, asked = _race(round_number * 100)
        for parent, entry, child in appended:
            assert child.entries == (*parent.entries, entry)
            assert len(child) == len(parent) + 1
        rebuilt: dict[int, Ledger] = {}
        for ledger, kind, arg, got in asked:
            alone = rebuilt.setdefault(id(ledger), _rebuilt(ledger))
            assert got == _query(alone, kind, arg), (kind, arg)
        for _, _, child in appended[::7]:
            alone = _rebuilt(child)
            for g in GRANTS:
                june = date(2026, 6, 1)
                assert child.balances(g.id, june) == alone.balances(g.id, june)
                assert child.seqs_of(g.id) == alone.seqs_of(g.id)


def _grow(seed: int) -> Asked:
    """One thread appends 150 bookings one by one to the newest ledger (so the index is
    shared and grows) while two ask the ledgers made so far about every grant."""
    rng = random.Random(seed)
    chain = [_base()]
    bookings = [_new_booking(rng, f"N-{i}") for i in range(150)]
    asked: Asked = []

    def append() -> None:
        for entry in bookings:
            chain.append(chain[-1].book(entry))

    def ask(seed: int) -> Callable[[], None]:
        def run() -> None:
            rng = random.Random(seed)
            while len(chain) <= len(bookings):
                ledger = chain[rng.randrange(len(chain))]
                for g in GRANTS:
                    asked.append((ledger, "seqs_of", g.id, ledger.seqs_of(g.id)))

        return run

    errors = run_together([append, ask(1), ask(2)])
    assert errors == [], errors
    return asked


def test_queries_while_one_thread_appends_answer_as_the_rebuilt_ledger() -> None:
    """Queries on older ledgers while the shared index grows neither fail nor see an
    entry recorded after their ledger."""
    for round_number in Deadline(rounds=30, seconds=3.0):
        for ledger, kind, arg, got in _grow(round_number)[::5]:
            assert got == _query(_rebuilt(ledger), kind, arg)


def test_a_ledger_still_pickles_and_books_after() -> None:
    """The index's lock is not pickled; the copy gets its own and books as the original."""
    ledger = _base()
    copy = pickle.loads(pickle.dumps(ledger))
    assert copy == ledger
    entry = _new_booking(random.Random(1), "P-1")
    assert copy.book(entry).entries == ledger.book(entry).entries
