"""What the store hands back (a stored record, the result of an append) and what its
adapters read it through.

The registry and the ledger that answer from a store (:class:`StoreRegistry`,
:class:`StoreLedger`) read it through :class:`RecordSource`, so that
:class:`~anhorig.store.Store` can build them without the adapters importing it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, Protocol

import attrs
import pendulum

from anhorig.people import Person, PersonId
from anhorig.store._kinds import KINDS, NO_LIMIT, StoreRecord

__all__ = ["Appended", "RecordSource", "Stored"]


@attrs.frozen
class Stored:
    """A record as the store keeps it: its sequence number (``seq``, increasing with
    every record added) and the instant it was recorded, by the database's clock."""

    seq: int
    recorded_at: pendulum.DateTime
    record: StoreRecord


@attrs.frozen
class Appended:
    """What :meth:`Store.append` did: how many records it ``added``, how many were
    ``already`` there (the same record again), and the instant they were recorded
    (``None`` if nothing was added)."""

    added: int
    already: int
    recorded_at: pendulum.DateTime | None
    last_seq: int


class RecordSource(Protocol):
    """The part of :class:`~anhorig.store.Store` its registry and ledger read and write."""

    def append(self, records: Iterable[StoreRecord]) -> Appended: ...

    def high_water(self) -> tuple[int, int]: ...

    def seq_recorded_by(self, instant: datetime) -> int: ...

    def rows_about(
        self, who: Person | PersonId, *, kinds: Sequence[str], after: int = 0, upto: int = NO_LIMIT
    ) -> list[tuple[int, str, str]]: ...

    def rows_of_grant(
        self, grant_id: str, *, after: int = 0, upto: int = NO_LIMIT
    ) -> list[tuple[int, str, str]]: ...

    def rows_of_kind(
        self, kind: str, *, after: int = 0, upto: int = NO_LIMIT
    ) -> list[tuple[int, str, str]]: ...

    def get(self, kind: type[Any], record_id: str, *, upto: int = NO_LIMIT) -> Any | None: ...

    def history(
        self, who: Person | PersonId | None = None, *, kinds: Sequence[str] = tuple(KINDS)
    ) -> list[Stored]: ...

    def count(
        self, kinds: Sequence[str] = tuple(KINDS), *, upto: int = NO_LIMIT, people: bool = False
    ) -> int: ...
