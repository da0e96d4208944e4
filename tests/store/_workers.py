"""What each process does in the concurrency tests (importable by spawned processes)."""

from __future__ import annotations

from datetime import date, timedelta

from stdnum import luhn

from anhorig.people import Person, PersonId
from anhorig.respite import Cancellation
from anhorig.store import StoreRecord, open_store
from anhorig.time import local
from tests.consent.consent_scenario import consent
from tests.respite._helpers import booking, grant


def person(n: int) -> Person:
    """A made-up person with a Luhn-valid number."""
    born = date(1940, 1, 1) + timedelta(days=n)
    nine = f"{born:%y%m%d}{n % 1000:03d}"
    return Person(
        id=PersonId(f"{born:%Y%m%d}-{n % 1000:03d}{luhn.calc_check_digit(nine)}"), name=f"P {n}"
    )


def shared(batch: int) -> list[StoreRecord]:
    """Records every worker appends in its batch ``batch``: the same in each process."""
    return [consent(f"shared-{batch}", subject=person(batch % 5)), grant(f"G-shared-{batch}")]


def append_many(url: str, worker: int, batches: int, size: int) -> None:
    """Append ``batches`` batches: ``size`` consents of this worker's own, the shared
    records, and a booking and a cancellation on this worker's own grant."""
    with open_store(url) as store:
        store.append([grant(f"G-w{worker}")])
        for batch in range(batches):
            own: list[StoreRecord] = [
                consent(f"w{worker}-{batch}-{i}", subject=person(i % 5)) for i in range(size)
            ]
            made = local(2025, 12, 1).add(hours=batch)
            own.append(
                booking(
                    f"B-w{worker}-{batch}",
                    local(2026, 3, 2, 9),
                    local(2026, 3, 2, 10),
                    gid=f"G-w{worker}",
                    made_at=made,
                )
            )
            if batch % 2:
                own.append(Cancellation(booking_id=f"B-w{worker}-{batch}", at=made.add(minutes=5)))
            store.append([*shared(batch), *own])
