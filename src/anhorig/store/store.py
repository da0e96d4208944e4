"""The store: an append-only database of consent records and respite ledgers (*register*).

:func:`open_store` opens (and on first use creates) a store at a URL:
``sqlite:///path/to/file.db`` (the standard library's SQLite, nothing to install) or
``postgresql://user@host/db`` (the ``postgres`` extra: ``pip install "anhorig[postgres]"``).
Both have the same tables and behave the same.

What it keeps: consents, revocations, blocks, block lifts and harm assessments
(*menprövningar*); respite grants, bookings and cancellations; the respite policies in
force and short-stay units. Each record is kept as anhorig's own JSON document with a
sequence number and the instant it was recorded. Nothing is ever changed or removed in
normal operation: :meth:`Store.append` adds a batch of records in one transaction, or
none of them. Adding a record that is already there does nothing; a different record
with the id of one already there is refused, and so is the whole batch.

Answers come from :meth:`Store.registry` (decisions, like a
:class:`~anhorig.consent.ConsentRegistry`) and :meth:`Store.ledger` (balances, like a
:class:`~anhorig.respite.Ledger`), which load what they need on first use. Both can be
opened *as recorded* at an earlier instant, and then answer exactly as they did then.

The exceptions to append-only are explicit: :meth:`Store.purge` removes one person's
records older than a date (*gallring*) and records that it did, without personal data.
:meth:`Store.export` gives everything about one person (GDPR art. 15, *registerutdrag*).

>>> import tempfile, pathlib
>>> from anhorig.consent import *
>>> from anhorig.people import Person, PersonId
>>> from anhorig.time import local
>>> folder = tempfile.mkdtemp()
>>> store = open_store(f"sqlite:///{folder}/anhorig.db")
>>> anna = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
>>> town = Organisation(id="kommun-1", name="Socialnämnden", principal=Principal.MUNICIPALITY,
...                     sector=Sector.SOCIAL_SERVICES)
>>> daughter = Person(name="Eva Karlsson")
>>> consent = Consent.grant(id="c-1", subject=anna, obtained_by=town,
...     to=(Recipient.of_person(daughter, role=RecipientRole.RELATIVE),),
...     evidence=Evidence(form=EvidenceForm.WRITTEN, documented_by="hsa-17",
...                       documented_at=local(2026, 3, 2, 10)),
...     given_at=local(2026, 3, 2, 10))
>>> store.append([consent]).added
1
>>> store.append([consent]).added      # the same record again: nothing to do
0
>>> registry = store.registry()
>>> request = DisclosureRequest(subject=anna, action=Action.DISCLOSE,
...     category=InfoCategory.SOCIAL_HOME_CARE, holder=town, purpose=Purpose.INFORMING_RELATIVE,
...     recipient=Recipient.of_person(daughter, role=RecipientRole.RELATIVE), at=local(2026, 5, 1))
>>> registry.decide(request).outcome
<Outcome.PERMIT: 'permit'>
>>> store
Store('sqlite:///.../anhorig.db', 1 records)
>>> store.close()
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

import attrs
import pendulum

from anhorig._arguments import checked
from anhorig.consent import (
    Block,
    BlockLift,
    Consent,
    DecisionPolicy,
    Revocation,
)
from anhorig.consent.fhir import to_fhir
from anhorig.consent.model import person_key
from anhorig.errors import InvalidInput, Problem
from anhorig.people import Person, PersonId
from anhorig.respite import (
    Booking,
    Cancellation,
    Ledger,
    RespiteGrant,
    ShortStayUnit,
)
from anhorig.serialization import from_json, to_document, to_json
from anhorig.store._backend import Backend, connect, masked_url
from anhorig.store._kinds import (
    CHUNK,
    CONSENT_TYPES,
    KINDS,
    NO_LIMIT,
    StoreRecord,
    named_people,
    person_of,
    record_id_of,
)
from anhorig.store._purge import purgeable
from anhorig.store._records import Appended, Stored
from anhorig.store._schema import create_or_upgrade
from anhorig.store.ledger import StoreLedger
from anhorig.store.registry import StoreRegistry
from anhorig.time import as_instant, epoch_seconds, local

__all__ = ["Appended", "Purge", "Store", "StoreRecord", "Stored", "open_store"]


@attrs.frozen
class Purge:
    """The audit of one gallring (*gallringslogg*): when it was done, which records it
    removed (those wholly older than ``before``), why, by whom, and how many of each kind.
    It names no person: the point of gallring is that the data is gone."""

    id: int
    purged_at: pendulum.DateTime
    before: date
    reason: str
    operator: str
    counts: dict[str, int]


_ENTRY_PATH = re.compile(r"^entries\[(\d+)\]")


class Store:
    """An open store (*lager*): append, read, export and purge; see the module docs.

    Safe to share between threads (one connection, used under a lock); for several
    processes, open one store in each: they see each other's records.
    """

    def __init__(self, url: str, db: Backend, meta: dict[str, str]) -> None:
        self.url = url
        self._db = db
        self._secret = bytes.fromhex(meta["person_key_secret"])
        self.schema_version = int(meta["schema_version"])
        self._digests: dict[str, str] = {}
        self._lock = threading.RLock()

    # --- keys -------------------------------------------------------------------------

    def person_digest(self, who: Person | PersonId) -> str:
        """The key under which the store indexes a person: an HMAC-SHA256 of their
        personnummer (else name and birth date) with this store's own secret, so no
        index column, query parameter or server log line holds a personnummer."""
        key = person_of(who)
        found = self._digests.get(key)
        if found is None:
            if len(self._digests) > 100_000:
                self._digests.clear()
            found = hmac.new(self._secret, key.encode(), hashlib.sha256).hexdigest()[:40]
            self._digests[key] = found
        return found

    # --- reading ----------------------------------------------------------------------

    def high_water(self) -> tuple[int, int]:
        """The newest sequence number and the newest purge: when either changes, a
        reader's cache may be out of date. One cheap query."""
        row = self._db.query("SELECT (SELECT max(seq) FROM records), (SELECT max(id) FROM purges)")[
            0
        ]
        return int(row[0] or 0), int(row[1] or 0)

    def seq_recorded_by(self, instant: datetime) -> int:
        """The last sequence number recorded at or before ``instant``. Recording instants
        never decrease with ``seq``, so a binary search over ``seq`` finds it without an
        index on ``recorded_at`` (one less index for every append to keep up)."""
        when = as_instant(instant, path="as_recorded")
        row = self._db.query("SELECT min(seq), max(seq) FROM records")[0]
        if row[0] is None:
            return 0
        low, high = int(row[0]) - 1, int(row[1])  # seq <= low is recorded by then
        while low < high:
            middle = (low + high + 1) // 2
            found = self._db.query(
                "SELECT seq, recorded_at FROM records WHERE seq >= ? ORDER BY seq LIMIT 1",
                (middle,),
            )[0]
            if self._db.instant_out(found[1]) <= when:
                low = max(middle, int(found[0]))
            else:
                high = middle - 1
        return low

    def _decode(self, kind: str, document: str) -> Any:
        return from_json(KINDS[kind], document)

    def _stored(self, rows: Iterable[tuple[Any, ...]]) -> list[Stored]:
        return [
            Stored(
                seq=int(seq),
                recorded_at=as_instant(self._db.instant_out(recorded)),
                record=self._decode(str(kind), str(document)),
            )
            for seq, kind, document, recorded in rows
        ]

    def rows_about(
        self, who: Person | PersonId, *, kinds: Sequence[str], after: int = 0, upto: int = NO_LIMIT
    ) -> list[tuple[int, str, str]]:
        """``(seq, kind, document)`` of the records about ``who`` of ``kinds``, in order."""
        marks = ", ".join("?" * len(kinds))
        return [
            (int(seq), str(kind), str(doc))
            for seq, kind, doc in self._db.query(
                "SELECT seq, kind, document FROM records WHERE person = ? AND seq > ? "
                f"AND seq <= ? AND kind IN ({marks}) ORDER BY seq",
                (self.person_digest(who), after, upto, *kinds),
            )
        ]

    def rows_of_grant(
        self, grant_id: str, *, after: int = 0, upto: int = NO_LIMIT
    ) -> list[tuple[int, str, str]]:
        """``(seq, kind, document)`` of a grant and its bookings and cancellations."""
        return [
            (int(seq), str(kind), str(doc))
            for seq, kind, doc in self._db.query(
                "SELECT seq, kind, document FROM records WHERE grant_id = ? AND seq > ? "
                "AND seq <= ? ORDER BY seq",
                (grant_id, after, upto),
            )
        ]

    def rows_of_kind(
        self, kind: str, *, after: int = 0, upto: int = NO_LIMIT
    ) -> list[tuple[int, str, str]]:
        """``(seq, kind, document)`` of every record of ``kind``, in order."""
        return [
            (int(seq), str(k), str(doc))
            for seq, k, doc in self._db.query(
                "SELECT seq, kind, document FROM records WHERE kind = ? AND seq > ? "
                "AND seq <= ? ORDER BY seq",
                (kind, after, upto),
            )
        ]

    def get(self, kind: type[Any], record_id: str, *, upto: int = NO_LIMIT) -> Any | None:
        """The record of ``kind`` with ``record_id``, if the store has it."""
        rows = self._db.query(
            "SELECT document FROM records WHERE kind = ? AND record_id = ? AND seq <= ?",
            (kind.__name__, record_id, upto),
        )
        return from_json(kind, str(rows[0][0])) if rows else None

    def history(
        self, who: Person | PersonId | None = None, *, kinds: Sequence[str] = tuple(KINDS)
    ) -> list[Stored]:
        """Every record (about ``who`` if given; of ``kinds``), in the order added."""
        marks = ", ".join("?" * len(kinds))
        if who is None:
            rows = self._db.query(
                "SELECT seq, kind, document, recorded_at FROM records "
                f"WHERE kind IN ({marks}) ORDER BY seq",
                tuple(kinds),
            )
        else:
            rows = self._db.query(
                "SELECT seq, kind, document, recorded_at FROM records "
                f"WHERE person = ? AND kind IN ({marks}) ORDER BY seq",
                (self.person_digest(who), *kinds),
            )
        return self._stored(rows)

    def count(
        self, kinds: Sequence[str] = tuple(KINDS), *, upto: int = NO_LIMIT, people: bool = False
    ) -> int:
        """How many records of ``kinds`` (with ``people``: how many people they are about)."""
        marks = ", ".join("?" * len(kinds))
        what = "count(DISTINCT person)" if people else "count(*)"
        rows = self._db.query(
            f"SELECT {what} FROM records WHERE kind IN ({marks}) AND seq <= ?", (*kinds, upto)
        )
        return int(rows[0][0])

    def __len__(self) -> int:
        return int(self._db.query("SELECT count(*) FROM records")[0][0])

    # --- appending --------------------------------------------------------------------

    def append(self, records: Iterable[StoreRecord]) -> Appended:
        """Add ``records`` in one transaction: all of them, or (``InvalidInput`` naming
        every problem, by position ``[i]``) none.

        Refused: a record of a kind the store does not keep; a different record with the
        id of one in the store or earlier in the batch; a revocation of a consent the
        store does not have about that person, a lift of an unknown block; a booking for
        an unknown grant or unit, a cancellation of an unknown booking or of one already
        cancelled; a booking or cancellation older than the last entry of its grant (each
        grant's entries are kept in time order, as a ledger keeps them); anything the
        ledger itself refuses (an instant outside 1900–2199).
        """
        batch = list(records)
        problems: list[Problem] = []
        encoded: list[tuple[int, str, str, str]] = []  # (index, kind, record_id, document)
        for index, record in enumerate(batch):
            kind = type(record).__name__
            if KINDS.get(kind) is not type(record):
                problems.append(
                    Problem.make(
                        f"[{index}]",
                        sv=f"lagret håller inte {kind}",
                        en=f"the store does not keep {kind}",
                    )
                )
                continue
            document = to_json(record)
            encoded.append(
                (
                    index,
                    kind,
                    record_id_of(
                        record,
                        document,
                        self.person_digest(record.subject) if isinstance(record, Block) else "",
                    ),
                    document,
                )
            )
        if problems:
            raise InvalidInput(problems)
        with self._lock, self._db.write():
            return self._append_locked(batch, encoded)

    def _existing(
        self, keys: Iterable[tuple[str, str]]
    ) -> dict[tuple[str, str], tuple[str, str | None, str | None]]:
        """``(kind, record_id) -> (document, person, grant_id)`` of those already stored."""
        by_kind: dict[str, list[str]] = defaultdict(list)
        for kind, record_id in keys:
            by_kind[kind].append(record_id)
        found: dict[tuple[str, str], tuple[str, str | None, str | None]] = {}
        for kind, ids in by_kind.items():
            unique = sorted(set(ids))
            for start in range(0, len(unique), CHUNK):
                chunk = unique[start : start + CHUNK]
                marks = ", ".join("?" * len(chunk))
                for record_id, document, person, grant in self._db.query(
                    "SELECT record_id, document, person, grant_id FROM records "
                    f"WHERE kind = ? AND record_id IN ({marks})",
                    (kind, *chunk),
                ):
                    found[kind, str(record_id)] = (
                        str(document),
                        None if person is None else str(person),
                        None if grant is None else str(grant),
                    )
        return found

    def _append_locked(  # noqa: PLR0915 (one pass: every check, then one insert)
        self, batch: list[Any], encoded: list[tuple[int, str, str, str]]
    ) -> Appended:
        problems: list[Problem] = []
        stored = self._existing((kind, record_id) for _, kind, record_id, _ in encoded)
        fresh: dict[tuple[str, str], int] = {}  # new in this batch: key -> batch index
        documents = {index: document for index, _, _, document in encoded}
        new: list[tuple[int, str, str, str]] = []
        already = 0
        for index, kind, record_id, document in encoded:
            key = (kind, record_id)
            if key in stored or key in fresh:
                other = stored[key][0] if key in stored else documents[fresh[key]]
                if other == document or from_json(KINDS[kind], other) == batch[index]:
                    already += 1
                    continue
                problems.append(_clash(index, kind, record_id, batch[index]))
                continue
            fresh[key] = index
            new.append((index, kind, record_id, document))

        # References: what a record names must be in the store or earlier in the batch.
        def find(kind: type[Any], record_id: str) -> tuple[Any, str | None] | None:
            """The record and its stored grant id (None if it is new in this batch)."""
            key = (kind.__name__, record_id)
            if key in fresh:
                return batch[fresh[key]], None
            row = stored.get(key)
            if row is None:
                rows = self._db.query(
                    "SELECT document, person, grant_id FROM records WHERE kind = ? AND record_id = ?",
                    key,
                )
                if not rows:
                    return None
                row = stored[key] = (str(rows[0][0]), rows[0][1], rows[0][2])
            return from_json(kind, row[0]), row[2]

        rows: list[tuple[int, str, str, str | None, str | None, int | None, str]] = []
        by_grant: dict[str, list[int]] = defaultdict(list)
        grants: dict[str, RespiteGrant] = {}
        for index, kind, record_id, document in new:
            record = batch[index]
            person: str | None = None
            grant_id: str | None = None
            at_s: int | None = None
            if isinstance(record, CONSENT_TYPES):
                person = self.person_digest(record.subject)
                problem = self._consent_reference(index, record, find)
                if problem is not None:
                    problems.append(problem)
                    continue
            elif isinstance(record, RespiteGrant):
                person = self.person_digest(record.cared_for)
                grant_id = record.id
            elif isinstance(record, Booking | Cancellation):
                if isinstance(record, Booking):
                    grant_id = record.grant_id
                    at_s = epoch_seconds(record.made_at)
                    if record.unit_id is not None and find(ShortStayUnit, record.unit_id) is None:
                        problems.append(_unknown(index, "unit_id", "enhet", "unit", record.unit_id))
                        continue
                else:
                    at_s = epoch_seconds(record.at)
                    booked = find(Booking, record.booking_id)
                    if booked is None:
                        problems.append(
                            Problem.make(
                                f"[{index}].booking_id",
                                sv=f"ingen tidigare bokning {record.booking_id!r}",
                                en=f"no earlier booking {record.booking_id!r}",
                            )
                        )
                        continue
                    grant_id = booked[0].grant_id
                assert grant_id is not None
                grant = grants.get(grant_id)
                if grant is None:
                    found = find(RespiteGrant, grant_id)
                    if found is None:
                        problems.append(_unknown(index, "grant_id", "insats", "grant", grant_id))
                        continue
                    grant = grants[grant_id] = found[0]
                person = self.person_digest(grant.cared_for)
                by_grant[grant_id].append(len(rows))
            rows.append((index, kind, record_id, person, grant_id, at_s, document))
        if not problems:
            for grant_id, positions in by_grant.items():
                problems.extend(
                    self._ledger_problems(
                        grants[grant_id], [rows[p] for p in positions], batch, find
                    )
                )
        if problems:
            raise InvalidInput(sorted(problems, key=_batch_order))
        last_seq = self.high_water()[0]
        if not rows:
            return Appended(added=0, already=already, recorded_at=None, last_seq=last_seq)
        # Recorded by the database's clock, and never before the record before.
        now = self._db.server_clock()
        newest = self._db.query("SELECT recorded_at FROM records ORDER BY seq DESC LIMIT 1")
        if newest:
            now = max(now, self._db.instant_out(newest[0][0]) + timedelta(microseconds=1))
        when = self._db.instant_in(now)
        self._db.run_many(
            "INSERT INTO records (kind, record_id, person, grant_id, at_s, recorded_at, document) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (kind, rid, person, grant, at_s, when, doc)
                for _, kind, rid, person, grant, at_s, doc in rows
            ],
        )
        mentions = []
        for index, kind, rid, person, *_ in rows:
            for named in named_people(batch[index]):
                digest = self.person_digest(named)
                if digest != person:
                    mentions.append((digest, kind, rid))
        self._db.run_many(
            "INSERT INTO mentions (person, seq) SELECT ?, seq FROM records "
            "WHERE kind = ? AND record_id = ? ON CONFLICT DO NOTHING",
            sorted(set(mentions)),
        )
        return Appended(
            added=len(rows),
            already=already,
            recorded_at=as_instant(now),
            last_seq=self.high_water()[0],
        )

    def _consent_reference(self, index: int, record: Any, find: Any) -> Problem | None:
        """A revocation must name a consent about the same person; a lift, a block."""
        if isinstance(record, Revocation):
            found = find(Consent, record.consent_id)
            if found is None or person_key(found[0].subject) != person_key(record.subject):
                return Problem.make(
                    f"[{index}].consent_id",
                    sv=f"inget samtycke {record.consent_id!r} om den personen",
                    en=f"no consent {record.consent_id!r} about that person",
                )
        elif isinstance(record, BlockLift):
            found = find(Block, f"{record.block_id}@{self.person_digest(record.subject)}")
            if found is None or person_key(found[0].subject) != person_key(record.subject):
                return Problem.make(
                    f"[{index}].block_id",
                    sv=f"ingen spärr {record.block_id!r} om den personen",
                    en=f"no block {record.block_id!r} about that person",
                )
        return None

    def _ledger_problems(
        self,
        grant: RespiteGrant,
        rows: list[tuple[int, str, str, str | None, str | None, int | None, str]],
        batch: list[Any],
        find: Any,
    ) -> list[Problem]:
        """Judge a grant's new entries with the ledger itself: in time order after the
        grant's last entry, and whatever else :meth:`Ledger.extend` refuses."""
        last = self._db.query(
            "SELECT max(at_s) FROM records WHERE grant_id = ? AND kind IN ('Booking', 'Cancellation')",
            (grant.id,),
        )[0][0]
        entries = [batch[row[0]] for row in rows]
        if last is not None:
            for row, entry in zip(rows, entries, strict=True):
                if row[5] is not None and row[5] < int(last):
                    field = "made_at" if isinstance(entry, Booking) else "at"
                    return [
                        Problem.make(
                            f"[{row[0]}].{field}",
                            sv="posten är äldre än insatsens senaste post: liggaren förs i tidsordning",
                            en="the entry is older than the grant's last entry: the ledger is kept in time order",
                        )
                    ]
        # The bookings that cancellations in the batch name, from the store, go first.
        targets: list[Booking] = []
        named = {e.booking_id for e in entries if isinstance(e, Cancellation)}
        mine = {e.id for e in entries if isinstance(e, Booking)}
        for booking_id in sorted(named - mine):
            found = find(Booking, booking_id)
            if found is not None:
                targets.append(found[0])
        targets.sort(key=lambda b: epoch_seconds(b.made_at))
        units = []
        for unit_id in sorted(
            {e.unit_id for e in (*targets, *entries) if isinstance(e, Booking) and e.unit_id}
        ):
            found = find(ShortStayUnit, unit_id)
            if found is not None:
                units.append(found[0])
        try:
            Ledger(grants=(grant,), units=tuple(units), entries=tuple(targets)).extend(entries)
        except InvalidInput as exc:
            out = []
            for problem in exc.problems:
                match = _ENTRY_PATH.match(problem.path)
                if match is None:
                    out.append(problem)
                    continue
                position = int(match.group(1)) - len(targets)
                index = rows[position][0] if 0 <= position < len(rows) else position
                out.append(Problem(f"[{index}]" + problem.path[match.end() :], problem.message))
            return out
        return []

    # --- answering --------------------------------------------------------------------

    def registry(
        self,
        *,
        cache_size: int = 10_000,
        policy: DecisionPolicy | None = None,
        as_recorded: datetime | None = None,
    ) -> StoreRegistry:
        """A registry deciding from this store (see :class:`~anhorig.store.StoreRegistry`)."""
        return StoreRegistry(self, cache_size=cache_size, policy=policy, as_recorded=as_recorded)

    def ledger(
        self, *, cache_size: int = 10_000, as_recorded: datetime | None = None
    ) -> StoreLedger:
        """A ledger answering from this store (see :class:`~anhorig.store.StoreLedger`)."""
        return StoreLedger(self, cache_size=cache_size, as_recorded=as_recorded)

    # --- the person's rights and gallring ---------------------------------------------

    def export(self, who: Person | PersonId, *, fhir: bool = False) -> list[dict[str, Any]]:
        """Everything the store holds about ``who`` (*registerutdrag*, GDPR art. 15): the
        records about them and those naming them (as grantor, recipient, carer), in the
        order recorded, as anhorig documents; with ``fhir`` consents as FHIR R5
        ``Consent`` resources."""
        digest = self.person_digest(who)
        rows = self._db.query(
            "SELECT seq, kind, document, recorded_at FROM records WHERE person = ? "
            "OR seq IN (SELECT seq FROM mentions WHERE person = ?) ORDER BY seq",
            (digest, digest),
        )
        out: list[dict[str, Any]] = []
        for item in self._stored(rows):
            record = item.record
            if fhir and isinstance(record, Consent):
                out.append(to_fhir(record))
            else:
                out.append(to_document(record))
        return out

    def purge(
        self,
        who: Person | PersonId,
        *,
        before: date,
        reason: str,
        by: str,
        policy: DecisionPolicy | None = None,
    ) -> Purge:
        """Remove what the store holds about ``who`` that is wholly older than ``before``
        (*gallring*), in one transaction, and record the removal without personal data.

        Records go in groups, so what stays is always a consistent registry and ledger
        and no decision or balance about an instant from ``before`` on changes: a consent
        with its revocations once it has ended (revoked or expired) before ``before``; a
        block with its lifts once lifted; a harm assessment once it can no longer be
        relied on (``policy.harm_assessment_days`` after it was made); a grant with its
        bookings and cancellations once its validity and every entry lie before
        ``before``. ``reason`` (the rule applied, e.g. "SoL 2025:400 gallring 5 år") and
        ``by`` (the operator's staff id) are recorded: never a personnummer there.
        """
        if not isinstance(before, date) or isinstance(before, datetime):
            raise InvalidInput.at("before", sv="väntade ett datum", en="expected a date")
        for name, value in (("reason", reason), ("by", by)):
            if not isinstance(value, str) or not value.strip():
                raise InvalidInput.at(name, sv="får inte vara tom", en="must not be empty")
        decision_policy = policy if policy is not None else DecisionPolicy()
        cutoff = local(before.year, before.month, before.day)
        digest = self.person_digest(who)
        with self._lock, self._db.write():
            rows = self._db.query(
                "SELECT seq, kind, record_id, document, grant_id FROM records WHERE person = ? ORDER BY seq",
                (digest,),
            )
            doomed = purgeable(
                [(int(s), str(k), str(d), g) for s, k, _, d, g in rows], cutoff, decision_policy
            )
            counts = Counter(kind for _, kind in doomed)
            seqs = [seq for seq, _ in doomed]
            for start in range(0, len(seqs), CHUNK):
                chunk = seqs[start : start + CHUNK]
                marks = ", ".join("?" * len(chunk))
                self._db.query(f"DELETE FROM mentions WHERE seq IN ({marks})", chunk)
                self._db.query(f"DELETE FROM records WHERE seq IN ({marks})", chunk)
            now = self._db.server_clock()
            before_value: object = before.isoformat() if self._db.dialect == "sqlite" else before
            self._db.query(
                "INSERT INTO purges (purged_at, before, reason, operator, counts) VALUES (?, ?, ?, ?, ?)",
                (
                    self._db.instant_in(now),
                    before_value,
                    reason,
                    by,
                    json.dumps(dict(sorted(counts.items()))),
                ),
            )
            (purge_id,) = self._db.query("SELECT max(id) FROM purges")[0]
        return Purge(
            id=int(purge_id),
            purged_at=as_instant(now),
            before=before,
            reason=reason,
            operator=by,
            counts=dict(sorted(counts.items())),
        )

    def purges(self) -> tuple[Purge, ...]:
        """Every gallring done in this store, oldest first."""
        return tuple(
            Purge(
                id=int(pid),
                purged_at=as_instant(self._db.instant_out(at)),
                before=before if isinstance(before, date) else date.fromisoformat(str(before)),
                reason=str(reason),
                operator=str(operator),
                counts={str(k): int(v) for k, v in json.loads(str(counts)).items()},
            )
            for pid, at, before, reason, operator, counts in self._db.query(
                "SELECT id, purged_at, before, reason, operator, counts FROM purges ORDER BY id"
            )
        )

    # --- housekeeping -----------------------------------------------------------------

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        shown = masked_url(self.url)
        if shown.startswith("sqlite:///"):
            shown = "sqlite:///..." + "/" + shown.rsplit("/", 1)[-1] if "/" in shown[10:] else shown
        return f"Store({shown!r}, {len(self)} records)"


def _batch_order(problem: Problem) -> tuple[int, str]:
    match = re.match(r"^\[(\d+)\]", problem.path)
    return (int(match.group(1)) if match else -1, problem.path)


def _clash(index: int, kind: str, record_id: str, record: Any) -> Problem:
    if isinstance(record, Block):
        record_id = record.id
    shown = record_id if not record_id.startswith("sha256:") else "(samma innehållsnyckel)"
    shown_en = record_id if not record_id.startswith("sha256:") else "(same content key)"
    if isinstance(record, Cancellation):
        return Problem.make(
            f"[{index}].booking_id",
            sv=f"bokningen {record_id!r} är redan avbokad",
            en=f"booking {record_id!r} is already cancelled",
        )
    return Problem.make(
        f"[{index}].id",
        sv=f"ett annat {kind}-dokument med id {shown!r} finns redan i lagret",
        en=f"another {kind} document with id {shown_en!r} is already in the store",
    )


def _unknown(index: int, field: str, sv: str, en: str, value: str) -> Problem:
    return Problem.make(
        f"[{index}].{field}", sv=f"okänd {sv} {value!r}", en=f"unknown {en} {value!r}"
    )


@checked
def open_store(url: str) -> Store:
    """Open the store at ``url`` (``sqlite:///path`` or ``postgresql://...``), creating
    its tables on first use and upgrading an older store's; a store written by a newer
    anhorig is refused with :class:`~anhorig.store.StoreError`."""
    from anhorig._version import __version__

    db = connect(url)
    try:
        meta = create_or_upgrade(
            db, secret=secrets.token_hex(32), created_by=f"anhorig {__version__}"
        )
    except BaseException:
        db.close()
        raise
    return Store(url, db, meta)
