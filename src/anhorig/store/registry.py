"""A consent registry that decides from a store, loading each person on first use.

:class:`StoreRegistry` has the interface of :class:`~anhorig.consent.ConsentRegistry`
(``add``, ``revoke``, ``consent``, ``decide``, ``history``) and gives the same answers,
but keeps in memory only the people it was asked about: each person's records are read
from the store the first time a decision needs them and kept in a least-recently-used
cache of ``cache_size`` people. Each person is an ordinary ``ConsentRegistry`` of their
own records, so decisions are the library's own, memoised as usual.

Before every decision the registry asks the store one cheap question, its newest
sequence number: if another process (or connection) appended since, the person asked
about is brought up to date with just their new records before the answer. A gallring
empties the cache.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from datetime import datetime

from anhorig.consent import (
    Block,
    BlockLift,
    Consent,
    ConsentRecord,
    ConsentRegistry,
    Decision,
    DecisionPolicy,
    DisclosureRequest,
    Evidence,
    HarmAssessment,
    Revocation,
    evaluate,
)
from anhorig.consent.model import person_key
from anhorig.errors import InvalidInput, Problem
from anhorig.people import Person
from anhorig.serialization import from_json
from anhorig.store._kinds import CONSENT_KINDS, KINDS, NO_LIMIT
from anhorig.store._records import RecordSource

__all__ = ["StoreRegistry"]

_TYPES = (Consent, Revocation, Block, BlockLift, HarmAssessment)


class _Loaded:
    """One person's records as an in-memory registry, and the sequence number it is
    up to date with."""

    __slots__ = ("registry", "synced")

    def __init__(self, registry: ConsentRegistry, synced: int) -> None:
        self.registry = registry
        self.synced = synced


def _read_only() -> InvalidInput:
    return InvalidInput.at(
        "store",
        sv="ett register läst som det var vid en tidigare tidpunkt kan inte ändras",
        en="a registry read as it was at an earlier instant cannot be changed",
    )


class StoreRegistry:
    """A consent registry backed by a store (*samtyckesregister i databas*).

    Made by :meth:`Store.registry`. ``as_recorded``: the registry as the store stood at
    that instant (records recorded later are invisible, and it cannot be added to), so a
    decision made then can be asked again and comes out the same.
    """

    def __init__(
        self,
        store: RecordSource,
        *,
        cache_size: int = 10_000,
        policy: DecisionPolicy | None = None,
        as_recorded: datetime | None = None,
    ) -> None:
        if not isinstance(cache_size, int) or isinstance(cache_size, bool) or cache_size < 1:
            raise InvalidInput.at(
                "cache_size", sv="måste vara ett heltal >= 1", en="must be an integer >= 1"
            )
        self.store = store
        self.policy = policy if policy is not None else DecisionPolicy()
        self.cache_size = cache_size
        self._limit = None if as_recorded is None else store.seq_recorded_by(as_recorded)
        self._cache: OrderedDict[str, _Loaded] = OrderedDict()
        self._seen = (-1, -1)
        self._lock = threading.RLock()

    # --- keeping up with the store ----------------------------------------------------

    def _upto(self) -> int:
        """The sequence number answers are given as of: the view's, or the store's newest
        (noticing another process's appends and any gallring)."""
        if self._limit is not None:
            return self._limit
        newest, purge = self.store.high_water()
        if purge != self._seen[1]:
            self._cache.clear()
        self._seen = (newest, purge)
        return newest

    def _loaded(self, person: Person, upto: int) -> _Loaded:
        key = person_key(person)
        entry = self._cache.get(key)
        if entry is None:
            rows = self.store.rows_about(person, kinds=CONSENT_KINDS, upto=upto)
            records = [from_json(KINDS[kind], document) for _, kind, document in rows]
            entry = _Loaded(ConsentRegistry(records, policy=self.policy), upto)
            self._cache[key] = entry
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
            return entry
        self._cache.move_to_end(key)
        if entry.synced < upto:
            for _, kind, document in self.store.rows_about(
                person, kinds=CONSENT_KINDS, after=entry.synced, upto=upto
            ):
                entry.registry.add(from_json(KINDS[kind], document))
            entry.synced = upto
        return entry

    @property
    def cached_people(self) -> int:
        """How many people's records are in memory now."""
        return len(self._cache)

    # --- the ConsentRegistry interface ------------------------------------------------

    def add(self, record: ConsentRecord) -> None:
        """Append ``record`` to the store (see :meth:`Store.append` for what is refused;
        adding the same record again does nothing)."""
        if not isinstance(record, _TYPES):
            raise InvalidInput.at(
                "record",
                sv="väntade Consent, Revocation, Block, BlockLift eller HarmAssessment, "
                f"fick {type(record).__name__}",
                en="expected Consent, Revocation, Block, BlockLift or HarmAssessment, "
                f"got {type(record).__name__}",
            )
        if self._limit is not None:
            raise _read_only()
        try:
            self.store.append([record])
        except InvalidInput as exc:
            raise InvalidInput(
                Problem(p.path.removeprefix("[0]").lstrip(".") or "record", p.message)
                for p in exc.problems
            ) from None

    def revoke(
        self, consent_id: str, *, at: datetime, evidence: Evidence | None = None
    ) -> Revocation:
        """Append a revocation of ``consent_id`` effective from ``at``; returns it."""
        consent = self.consent(consent_id)
        if consent is None:
            raise InvalidInput.at(
                "consent_id",
                sv=f"okänt samtycke {consent_id!r}",
                en=f"unknown consent {consent_id!r}",
            )
        revocation = Revocation(
            consent_id=consent_id, subject=consent.subject, revoked_at=at, evidence=evidence
        )
        self.add(revocation)
        return revocation

    def consent(self, consent_id: str) -> Consent | None:
        """The consent with ``consent_id``, if the store has it."""
        found: Consent | None = self.store.get(
            Consent, consent_id, upto=NO_LIMIT if self._limit is None else self._limit
        )
        return found

    def decide(self, request: DisclosureRequest) -> Decision:
        """The decision on ``request`` as of its instant: equal to ``evaluate(request,
        every record in the store)``, including those another process just appended."""
        if not isinstance(request, DisclosureRequest):
            return evaluate(request, (), policy=self.policy)  # refuses it, naming why
        with self._lock:
            upto = self._upto()
            subjects = {person_key(p): p for p in request.subjects}
            if len(subjects) == 1:
                return self._loaded(request.subject, upto).registry.decide(request)
            records: list[ConsentRecord] = []
            for person in subjects.values():
                records.extend(self._loaded(person, upto).registry.history())
            return evaluate(request, records, policy=self.policy)

    def history(
        self, subject: Person | None = None, *, as_of: datetime | None = None
    ) -> tuple[ConsentRecord, ...]:
        """Every record in the order added; only those about ``subject`` if given, and
        only those in effect by ``as_of`` (their own instant at or before it) if given."""
        with self._lock:
            upto = self._upto()
            if subject is not None:
                return self._loaded(subject, upto).registry.history(as_of=as_of)
            every = [
                stored.record
                for stored in self.store.history(kinds=CONSENT_KINDS)
                if stored.seq <= upto and isinstance(stored.record, _TYPES)
            ]
            return ConsentRegistry(every, policy=self.policy).history(as_of=as_of)

    def __len__(self) -> int:
        return self._count("count(*)")

    @property
    def subject_count(self) -> int:
        """How many people have records."""
        return self._count("count(DISTINCT person)")

    def _count(self, what: str) -> int:
        return self.store.count(
            CONSENT_KINDS,
            upto=NO_LIMIT if self._limit is None else self._limit,
            people=what != "count(*)",
        )

    def __repr__(self) -> str:
        return f"StoreRegistry({self.store!r}, {len(self._cache)} people cached)"
