"""A respite ledger that answers from a store, loading each grant on first use.

:class:`StoreLedger` has the interface of :class:`~anhorig.respite.Ledger` that a
service needs (``book``, ``cancel``, ``extend``, ``with_grant``, ``grant``, ``balance``,
``balances``, ``as_of``) and gives the same balances. It keeps in memory only the
grants it was asked about: the first balance of a grant reads the grant, its bookings
and cancellations from the store into an ordinary in-memory ``Ledger`` of that grant,
kept in a least-recently-used cache of ``cache_size`` grants.

Unlike ``Ledger``, it is a service object: ``book`` appends to the store and returns
the same ledger (so ``ledger = ledger.book(b)`` works with both). Each grant's entries
are kept in time order, as a ledger keeps them; the store holds many families' grants,
whose entries need not be in time order with each other's. The policy governing a kind
is the one recorded last for it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable
from datetime import date, datetime

from anhorig.errors import InvalidInput
from anhorig.respite import (
    DEFAULT_POLICY,
    Balance,
    Booking,
    Cancellation,
    Entry,
    Ledger,
    RespiteGrant,
    RespiteKind,
    RespitePolicy,
    ShortStayUnit,
)
from anhorig.serialization import from_json
from anhorig.store._kinds import KINDS
from anhorig.store._records import RecordSource
from anhorig.time import as_instant

__all__ = ["StoreLedger"]


class _Loaded:
    __slots__ = ("ledger", "synced")

    def __init__(self, ledger: Ledger, synced: int) -> None:
        self.ledger = ledger
        self.synced = synced


class StoreLedger:
    """A respite ledger backed by a store (*avlösningsliggare i databas*).

    Made by :meth:`Store.ledger`. ``as_recorded``: the ledger as the store stood at that
    instant (read-only); :meth:`as_of`: the entries made by an instant, as
    :meth:`Ledger.as_of`.
    """

    def __init__(
        self,
        store: RecordSource,
        *,
        cache_size: int = 10_000,
        as_recorded: datetime | None = None,
        entries_as_of: datetime | None = None,
    ) -> None:
        if not isinstance(cache_size, int) or isinstance(cache_size, bool) or cache_size < 1:
            raise InvalidInput.at(
                "cache_size", sv="måste vara ett heltal >= 1", en="must be an integer >= 1"
            )
        self.store = store
        self.cache_size = cache_size
        self._as_recorded = as_recorded
        self._limit = None if as_recorded is None else store.seq_recorded_by(as_recorded)
        self._entries_as_of = (
            None if entries_as_of is None else as_instant(entries_as_of, path="as_of")
        )
        self._cache: OrderedDict[str, _Loaded] = OrderedDict()
        self._policies: dict[RespiteKind, RespitePolicy] = {}
        self._units: dict[str, ShortStayUnit] = {}
        self._meta_synced = 0
        self._seen = (-1, -1)
        self._lock = threading.RLock()

    # --- keeping up with the store ----------------------------------------------------

    def _upto(self) -> int:
        if self._limit is not None:
            newest, purge = self._limit, 0
        else:
            newest, purge = self.store.high_water()
        if purge != self._seen[1]:
            self._cache.clear()
        if newest != self._seen[0]:
            changed = False
            for kind in ("RespitePolicy", "ShortStayUnit"):
                for _, _, document in self.store.rows_of_kind(
                    kind, after=self._meta_synced, upto=newest
                ):
                    record = from_json(KINDS[kind], document)
                    if isinstance(record, RespitePolicy):
                        for governed in record.kinds:
                            self._policies[governed] = record
                    else:
                        self._units[record.id] = record
                    changed = True
            self._meta_synced = max(self._meta_synced, newest)
            if changed:
                self._cache.clear()  # policies and units live inside each grant's ledger
        self._seen = (newest, purge)
        return newest

    def _loaded(self, grant_id: str) -> _Loaded:
        upto = self._upto()
        entry = self._cache.get(grant_id)
        if entry is None:
            rows = self.store.rows_of_grant(grant_id, upto=upto)
            grants = [from_json(RespiteGrant, d) for _, k, d in rows if k == "RespiteGrant"]
            if not grants:
                raise InvalidInput.at(
                    "grant_id", sv=f"okänd insats {grant_id!r}", en=f"unknown grant {grant_id!r}"
                )
            grant = grants[0]
            policy = self._policies.get(grant.kind)
            entries: list[Entry] = [
                from_json(KINDS[k], d) for _, k, d in rows if k in ("Booking", "Cancellation")
            ]
            ledger = Ledger(
                policies=(policy,) if policy is not None else (),
                grants=(grant,),
                units=tuple(self._units.values()),
                entries=tuple(entries),
            )
            entry = self._cache[grant_id] = _Loaded(ledger, upto)
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
            return entry
        self._cache.move_to_end(grant_id)
        if entry.synced < upto:
            rows = self.store.rows_of_grant(grant_id, after=entry.synced, upto=upto)
            new = [from_json(KINDS[k], d) for _, k, d in rows if k in ("Booking", "Cancellation")]
            if new:
                entry.ledger = entry.ledger.extend(new)
            entry.synced = upto
        return entry

    @property
    def cached_grants(self) -> int:
        """How many grants' ledgers are in memory now."""
        return len(self._cache)

    def _writable(self) -> None:
        if self._limit is not None or self._entries_as_of is not None:
            raise InvalidInput.at(
                "store",
                sv="en liggare läst som den var vid en tidigare tidpunkt kan inte ändras",
                en="a ledger read as it was at an earlier instant cannot be changed",
            )

    # --- appending --------------------------------------------------------------------

    def extend(self, entries: Iterable[Entry]) -> StoreLedger:
        """Append ``entries`` to the store in one transaction; returns this ledger."""
        self._writable()
        self.store.append(list(entries))
        return self

    def book(self, booking: Booking) -> StoreLedger:
        """Record ``booking`` (not judged: see :func:`anhorig.respite.rules.check_booking`)."""
        if not isinstance(booking, Booking):
            raise InvalidInput.at(
                "booking",
                sv=f"väntade Booking, fick {type(booking).__name__}",
                en=f"expected Booking, got {type(booking).__name__}",
            )
        return self.extend((booking,))

    def cancel(self, booking_id: str, *, at: datetime, reason: str = "") -> StoreLedger:
        """Record the cancellation of ``booking_id`` from ``at``."""
        return self.extend((Cancellation(booking_id=booking_id, at=at, reason=reason),))

    def with_grant(self, grant: RespiteGrant) -> StoreLedger:
        """Record ``grant``."""
        self._writable()
        self.store.append([grant])
        return self

    def with_policy(self, policy: RespitePolicy) -> StoreLedger:
        """Record ``policy``: from now on it governs its kinds."""
        self._writable()
        self.store.append([policy])
        return self

    def with_unit(self, unit: ShortStayUnit) -> StoreLedger:
        """Record the short-stay unit ``unit``."""
        self._writable()
        self.store.append([unit])
        return self

    # --- looking up and balances ------------------------------------------------------

    def ledger_for(self, grant_id: str) -> Ledger:
        """The in-memory ledger of grant ``grant_id`` (its policy, the units, its entries)."""
        with self._lock:
            ledger = self._loaded(grant_id).ledger
        return ledger if self._entries_as_of is None else ledger.as_of(self._entries_as_of)

    def grant(self, grant_id: str) -> RespiteGrant:
        """The grant ``grant_id``; ``InvalidInput`` if the store has none."""
        return self.ledger_for(grant_id).grant(grant_id)

    def policy_for(self, kind: RespiteKind) -> RespitePolicy:
        """The policy governing ``kind`` (or the library's default)."""
        with self._lock:
            self._upto()
            return self._policies.get(kind, DEFAULT_POLICY)

    def _as_of(self, as_of: datetime | None) -> datetime | None:
        if as_of is None:
            return self._entries_as_of
        if self._entries_as_of is None:
            return as_of
        return min(as_instant(as_of, path="as_of"), self._entries_as_of)

    def balance(
        self, grant_id: str, on: date | datetime, *, as_of: datetime | None = None
    ) -> Balance:
        """The balance of ``grant_id`` in the quota period containing ``on``, as
        :meth:`Ledger.balance` gives it, from every entry in the store."""
        with self._lock:
            ledger = self._loaded(grant_id).ledger
        return ledger.balance(grant_id, on, as_of=self._as_of(as_of))

    def balances(
        self, grant_id: str, on: date | datetime, *, as_of: datetime | None = None
    ) -> tuple[Balance, ...]:
        """The balance of every quota period of ``grant_id``, split at ``on``."""
        with self._lock:
            ledger = self._loaded(grant_id).ledger
        return ledger.balances(grant_id, on, as_of=self._as_of(as_of))

    def as_of(self, instant: datetime) -> StoreLedger:
        """The ledger as it stood at ``instant``: the entries made by then (read-only)."""
        return StoreLedger(
            self.store,
            cache_size=self.cache_size,
            as_recorded=self._as_recorded,
            entries_as_of=self._as_of(instant),
        )

    def __repr__(self) -> str:
        return f"StoreLedger({self.store!r}, {len(self._cache)} grants cached)"
