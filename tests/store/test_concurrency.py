"""Several processes appending to one store at once lose nothing and duplicate nothing,
and a registry and a ledger in another process see everything they wrote (SQLite and
PostgreSQL, with real processes started by ``spawn``)."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import date

from anhorig.consent import Consent, evaluate
from anhorig.respite import Booking, Cancellation, Ledger, RespiteGrant
from anhorig.store import open_store
from tests.consent.consent_scenario import request
from tests.store._workers import append_many, person, shared

WORKERS = 4
BATCHES = 6
SIZE = 15


def test_processes_appending_at_once_lose_and_duplicate_nothing(store_url: str) -> None:
    """Four processes each append six batches (their own records and the same shared
    ones) at once: afterwards every record is there exactly once, sequence numbers are
    unique and the recording instants never go back; a registry and a ledger opened before
    the processes started answer as the in-memory ones over everything."""
    with open_store(store_url) as store:
        registry = store.registry(cache_size=2)
        ledger = store.ledger()
        asked = request(subject=person(0))
        assert not registry.decide(asked).permitted
        context = multiprocessing.get_context("spawn")
        workers = [
            context.Process(target=append_many, args=(store_url, w, BATCHES, SIZE))
            for w in range(WORKERS)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=300)
            assert worker.exitcode == 0
        stored = store.history()
        own = WORKERS * (1 + BATCHES * (SIZE + 1) + BATCHES // 2)
        assert len(stored) == own + BATCHES * len(shared(0))
        keys = [(type(s.record).__name__, getattr(s.record, "id", s.seq)) for s in stored]
        assert len(set(keys)) == len(keys)
        assert [s.seq for s in stored] == sorted({s.seq for s in stored})
        assert [s.recorded_at for s in stored] == sorted(s.recorded_at for s in stored)
        records = [s.record for s in stored]
        consents = [r for r in records if isinstance(r, Consent)]
        assert registry.decide(asked) == evaluate(asked, consents)
        assert registry.decide(asked).permitted
        grants = [r for r in records if isinstance(r, RespiteGrant)]
        entries = [r for r in records if isinstance(r, Booking | Cancellation)]
        grant_of = {e.id: e.grant_id for e in entries if isinstance(e, Booking)}
        for w in range(WORKERS):
            gid = f"G-w{w}"
            mine = tuple(
                e
                for e in entries
                if grant_of[e.id if isinstance(e, Booking) else e.booking_id] == gid
            )
            memory = Ledger(grants=tuple(g for g in grants if g.id == gid), entries=mine)
            assert ledger.balance(gid, date(2026, 3, 1)) == memory.balance(gid, date(2026, 3, 1))


def test_threads_sharing_one_registry_get_the_single_threaded_answers(sqlite_url: str) -> None:
    """Threads deciding through one store-backed registry while another thread appends
    get the answers a single thread gets once everything is in."""
    with open_store(sqlite_url) as store:
        registry = store.registry(cache_size=3)
        errors: list[BaseException] = []

        def ask() -> None:
            try:
                for n in range(40):
                    registry.decide(request(subject=person(n % 5)))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=ask) for _ in range(3)]
        for thread in threads:
            thread.start()
        append_many(sqlite_url, 9, 3, 5)
        for thread in threads:
            thread.join()
        assert errors == []
        consents = [s.record for s in store.history() if isinstance(s.record, Consent)]
        for n in range(5):
            asked = request(subject=person(n))
            assert registry.decide(asked) == evaluate(asked, consents)
