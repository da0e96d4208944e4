"""The consent registry: append-only, indexed by person, the same answer however often asked.

:class:`ConsentRegistry` keeps every consent, revocation, block, block lift and harm
assessment (*menprövning*) ever added, in the order added; nothing is removed or changed. A revocation is a new
record effective from its instant, so every decision about an earlier instant comes
out as it did. Records are indexed by the person they are about, so the cost of a
decision depends on how much is recorded about that person, not on the size of the
registry; and decisions are memoised between the instants where the answer can
change (see :class:`~anhorig.consent.engine.Timeline`).

A registry may be shared by threads: ``add``, ``revoke`` and ``decide`` may run at
once, and every answer is one a single thread calling them in some order would get
(see :class:`ConsentRegistry`).

>>> from anhorig.people import Person, PersonId
>>> from anhorig.time import local
>>> from anhorig.consent.model import *
>>> anna = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
>>> town = Organisation(id="kommun-1", name="Socialnämnden", principal=Principal.MUNICIPALITY,
...                     sector=Sector.SOCIAL_SERVICES)
>>> daughter = Person(name="Eva Karlsson")
>>> registry = ConsentRegistry()
>>> registry.add(Consent.grant(id="c-1", subject=anna, obtained_by=town,
...     to=(Recipient.of_person(daughter, role=RecipientRole.RELATIVE),),
...     evidence=Evidence(form=EvidenceForm.WRITTEN, documented_by="hsa-17",
...                       documented_at=local(2026, 3, 2, 10)),
...     given_at=local(2026, 3, 2, 10)))
>>> revocation = registry.revoke("c-1", at=local(2026, 6, 1, 12))
>>> def ask(at):
...     return registry.decide(DisclosureRequest(subject=anna, action=Action.DISCLOSE,
...         category=InfoCategory.SOCIAL_HOME_CARE, holder=town, purpose=Purpose.INFORMING_RELATIVE,
...         recipient=Recipient.of_person(daughter, role=RecipientRole.RELATIVE), at=at)).outcome
>>> ask(local(2026, 5, 31)), ask(local(2026, 6, 1, 12))
(<Outcome.PERMIT: 'permit'>, <Outcome.NOT_APPLICABLE: 'not_applicable'>)
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from anhorig.consent._compiled import CompiledConsent, Judging, SubjectRecords, seconds
from anhorig.consent._timeline import Timeline, question_key, timeline_for, timeline_of
from anhorig.consent.decision import Decision, DecisionPolicy
from anhorig.consent.engine import check_request, record_instant
from anhorig.consent.model import (
    Block,
    BlockLift,
    Consent,
    ConsentRecord,
    DisclosureRequest,
    Evidence,
    HarmAssessment,
    Revocation,
    person_key,
)
from anhorig.consent.rules.validity import judge
from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.time import as_instant

__all__ = ["ConsentRegistry"]

_new = object.__new__  # looked up once: a type's attributes are not cached


class ConsentRegistry:
    """An append-only store of consent records, indexed by person (*samtyckesregister*).

    ``add`` appends, ``revoke`` appends a revocation, ``decide`` answers a request as
    of its instant, ``history`` reads what was recorded. The registry is a service
    object, not a value: it grows, but nothing in it ever changes.

    Threads may share one registry. Each call takes effect at one instant between its
    start and its return, so every answer is what a single thread making the same
    calls in some order would get: a decision is ``evaluate`` over the records added
    before it (and perhaps some being added meanwhile), never an exception, never an
    answer worked out before a record about the person was added. Additions take a
    lock; ``decide`` does not, except briefly on the first ask of a question about
    several people or about someone with no records.
    """

    __slots__ = (
        "_asked",
        "_asked_by_id",
        "_assessments",
        "_building",
        "_by_subject",
        "_consents",
        "_forget",
        "_judging",
        "_lock",
        "_log",
        "_memo",
        "_memo_keys",
        "_policy",
    )

    def __init__(
        self, records: Iterable[ConsentRecord] = (), *, policy: DecisionPolicy | None = None
    ) -> None:
        self._policy = policy if policy is not None else DecisionPolicy()
        # The judge and policy every consent added is compiled with (one pair).
        self._judging: Judging = (judge, self._policy)
        # Held to add a record, to read the log and the ids, and to put a timeline in
        # the memo; ``decide`` reads the published records and the memo without it.
        self._lock = threading.Lock()
        self._log: list[ConsentRecord] = []
        # Per person, records that are never changed once put here: an addition puts
        # a new object in their place.
        self._by_subject: dict[str, SubjectRecords] = {}
        self._consents: dict[str, Consent] = {}
        self._assessments: dict[str, HarmAssessment] = {}
        # Only timelines built from the records now in ``_by_subject``: an addition
        # takes the person's out before it publishes their new records. (A question
        # about one person with records keeps its timeline with them instead.)
        self._memo: dict[tuple[Any, ...], Timeline] = {}
        self._memo_keys: dict[str, set[tuple[Any, ...]]] = {}
        self._asked = _Asked()
        # While building, no other thread can see the registry: a person's records are
        # merged in place, not copied.
        self._building = True
        self._asked_by_id = self._asked.by_id  # read on every ask: one lookup less
        self._forget = self._asked.forget
        for record in records:
            self.add(record)
        self._building = False

    @property
    def policy(self) -> DecisionPolicy:
        """The decision policy every answer follows (fixed for the registry's life)."""
        return self._policy

    def __len__(self) -> int:
        with self._lock:
            return len(self._log)

    @property
    def subject_count(self) -> int:
        """How many people have records."""
        with self._lock:
            return len(self._by_subject)

    def add(self, record: ConsentRecord) -> None:
        """Append ``record``. A consent id may be added only once, and so may a harm
        assessment's (adding the same record again does nothing); a revocation must name a known consent about the
        same person; a lift must name a known block."""
        if type(record) is not Consent:
            self._add_other(record)
            return
        # A consent, by far the most common record, written out: each call and lookup
        # saved here is a few per cent of an addition. The person's key as person_key
        # gives it; the consent compiled as CompiledConsent(record, judging) makes it
        # (outside the lock: it depends on the record and the policy only, and its
        # validity is worked out when first asked about).
        subject = record.subject
        ident = subject.id
        key = person_key(subject) if ident is None else ident.value
        consent_id = record.id
        compiled = _new(CompiledConsent)
        compiled.consent = record
        compiled.id = consent_id
        compiled._judge = self._judging
        lock = self._lock
        lock.acquire()  # not ``with``: its lookups and calls cost twice as much
        try:
            consents = self._consents
            known = consents.get(consent_id)
            if known is None:
                consents[consent_id] = record
            elif _added_again(known, record):
                return
            by_subject = self._by_subject
            mine = by_subject.get(key)
            if self._memo_keys:
                self._drop_timelines(key)
            if mine is None:
                # Filled before it is published: readers take no lock.
                mine = SubjectRecords()
                mine.consents[consent_id] = compiled
                by_subject[key] = mine
            elif self._building:
                mine.add_consent(compiled)
            else:
                # Before the new records are published, so that an answer kept from
                # these is never served once they are (see ``decide``).
                mine.superseded = True
                # These records and the consent as a new object, sharing every dict
                # but ``consents`` (neither object changes after): written out, as a
                # call costs a twentieth of an addition; every slot is set.
                out = _new(SubjectRecords)
                mine_consents = mine.consents.copy()  # cheaper than {**d, k: v}
                mine_consents[consent_id] = compiled
                out.consents = mine_consents
                out.blocks = mine.blocks
                out.assessments = mine.assessments
                out.revoked = mine.revoked
                out.lifts = mine.lifts
                out.derived = None
                out.superseded = False
                by_subject[key] = out
            self._log.append(record)
        finally:
            lock.release()

    def _add_other(self, record: ConsentRecord) -> None:
        """``add`` for a record that is not a consent."""
        if not isinstance(record, Consent | Revocation | Block | BlockLift | HarmAssessment):
            raise InvalidInput.at(
                "record",
                sv="väntade Consent, Revocation, Block, BlockLift eller HarmAssessment, "
                f"fick {type(record).__name__}",
                en="expected Consent, Revocation, Block, BlockLift or HarmAssessment, "
                f"got {type(record).__name__}",
            )
        key = person_key(record.subject)
        # Compiled outside the lock; one record alone can clash with nothing.
        new = SubjectRecords()
        new.add(record, self._policy)
        with self._lock:
            if not self._admits(record, key):
                return
            mine = self._by_subject.get(key)
            if self._memo_keys:
                self._drop_timelines(key)
            if mine is None:
                self._by_subject[key] = new
            elif self._building:
                mine.absorb(new)
            else:
                mine.superseded = True  # before the new records are published
                self._by_subject[key] = mine.merged(new)
            self._log.append(record)

    def _drop_timelines(self, key: str) -> None:
        """Forget the timelines kept in the memo that ``key``'s records were read for,
        before their new records are visible, so that no timeline built from the old
        ones is served after. Called with the lock held."""
        memo_keys = self._memo_keys.pop(key, None)
        if memo_keys is not None:
            for memo_key in memo_keys:
                self._memo.pop(memo_key, None)

    def _admits(self, record: ConsentRecord, key: str) -> bool:
        """Whether ``record`` is new (``False``: added before, nothing to do); refuses a
        record that clashes with the registry. Called with the lock held."""
        if isinstance(record, Consent):
            return not _added_before(
                self._consents, record, sv="ett annat samtycke", en="another consent"
            )
        if isinstance(record, HarmAssessment):
            return not _added_before(
                self._assessments, record, sv="en annan menprövning", en="another harm assessment"
            )
        if isinstance(record, Revocation):
            known = self._consents.get(record.consent_id)
            if known is None or person_key(known.subject) != key:
                raise InvalidInput.at(
                    "consent_id",
                    sv=f"inget samtycke {record.consent_id!r} om den personen",
                    en=f"no consent {record.consent_id!r} about that person",
                )
        elif isinstance(record, BlockLift):
            records = self._by_subject.get(key)
            if records is None or record.block_id not in records.blocks:
                raise InvalidInput.at(
                    "block_id",
                    sv=f"ingen spärr {record.block_id!r} om den personen",
                    en=f"no block {record.block_id!r} about that person",
                )
        return True

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
        """The consent with ``consent_id``, if registered."""
        with self._lock:
            return self._consents.get(consent_id)

    def decide(self, request: DisclosureRequest) -> Decision:
        """The decision on ``request`` as of its instant; equal to
        ``evaluate(request, every record)`` and the same however often asked."""
        # The asked-before lookup is written out here: a warm ask is a few hundred
        # nanoseconds, and a method call would add a third.
        asked = self._asked_by_id
        seen = asked.get(id(request))
        if seen is not None:
            held, key, t, asked_about, answered_from, answer = seen
            if held() is request:
                if answer is not None:
                    if answered_from is not None:
                        # Answered from the person's records, not superseded since
                        # (an addition marks them before publishing new ones).
                        if not answered_from.superseded:
                            return answer
                    elif self._by_subject.get(asked_about) is None:
                        return answer  # about someone who still has no records
            else:
                seen = None  # another object, under the id of one that is gone
        if seen is None:
            # A weak reference that drops the entry when the request goes, the
            # question key and the instant in seconds, kept under the reference's
            # ident (written out here: a call and a tuple less on every first ask).
            if not isinstance(request, DisclosureRequest):
                check_request(request)  # raises, naming what it is
            held = _Held(request, self._forget)
            held.ident = id(request)
            key = question_key(request)
            t = seconds(request.at)
        if request.also_about:
            # Its key and instant are kept on the object; the answer is not.
            asked[held.ident] = (held, key, t, "", None, None)
            timeline = self._memo.get(key)
            if timeline is None:
                timeline = self._timeline(request, key)
            return timeline.decide(t)
        # About one person with records: the question's timeline is kept with the
        # records it was made from (published records never change, and an addition
        # publishes new ones), so no lock and no list of keys to forget.
        person = key[0]
        records = self._by_subject.get(person)
        if records is None:
            timeline = self._memo.get(key)
            if timeline is None:
                timeline = self._timeline(request, key)
        else:
            derived = records.derived
            kept = derived.timelines if derived is not None else None
            found = kept.get(key) if kept is not None else None
            if found is None:
                timeline = timeline_of(request, person, records, self._policy)
                if kept is None:
                    kept = records.worked().timelines = {}
                kept[key] = timeline
            else:
                timeline = found
        decision = timeline.decide(t)
        # Kept on the object with the records it was made from, for the next time the
        # same object is asked.
        asked[held.ident] = (held, key, t, person, records, decision)
        return decision

    def _timeline(self, request: DisclosureRequest, key: tuple[Any, ...]) -> Timeline:
        """A timeline for ``request``'s question on the records now published, kept in
        the memo unless a record about one of its people was added meanwhile (questions
        about one person with records keep theirs with the records, see ``decide``)."""
        people = [person_key(person) for person in request.subjects]
        if len(people) == 1:
            timeline = timeline_for(request, self._by_subject, self._policy)
        else:
            # The records of every person as they stood at one instant.
            with self._lock:
                now = {p: self._by_subject[p] for p in people if p in self._by_subject}
            timeline = timeline_for(request, now, self._policy)
        kept = timeline.records
        with self._lock:
            by_subject = self._by_subject
            if len(people) == 1:
                current = by_subject.get(people[0]) is kept.get(people[0])
            else:
                current = all(by_subject.get(p) is kept.get(p) for p in people)
            if current:
                self._memo[key] = timeline
                for person in people:
                    self._memo_keys.setdefault(person, set()).add(key)
        return timeline

    def history(
        self, subject: Person | None = None, *, as_of: datetime | None = None
    ) -> tuple[ConsentRecord, ...]:
        """Every record in the order added; only those about ``subject`` if given, and
        only those in effect by ``as_of`` (their own instant at or before it) if given."""
        limit = None if as_of is None else as_instant(as_of, path="as_of")
        wanted = None if subject is None else person_key(subject)
        with self._lock:
            log = tuple(self._log)
        if wanted is None and limit is None:
            return log
        return tuple(
            record
            for record in log
            if (wanted is None or person_key(record.subject) == wanted)
            and (limit is None or record_instant(record) <= limit)
        )

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its records and policy (the lock and the memo are not state).
        return (_restored, (self.history(), self._policy))

    def __repr__(self) -> str:
        with self._lock:
            records, people = len(self._log), len(self._by_subject)
        return f"ConsentRegistry({records} records, {people} people)"


class _Held(weakref.ref[DisclosureRequest]):
    """A weak reference to an asked request that knows the id it is kept under."""

    __slots__ = ("ident",)
    ident: int


_Entry = tuple[_Held, tuple[Any, ...], float, str, SubjectRecords | None, Decision | None]


class _Asked:
    """The memo key and instant of each request object asked about while it lives.

    Working them out costs microseconds (a time-zone lookup for the instant), so a
    request asked again as the same object is not worked out again. Entries are held
    by identity with a weak reference, and go when their request does.
    """

    __slots__ = ("by_id", "forget")

    def __init__(self) -> None:
        # Each request's weak reference, question key, instant, and for a request
        # about one person: their key, the records answered from and the answer
        # (put in by ``ConsentRegistry.decide``).
        self.by_id: dict[int, _Entry] = {}
        self.forget = self._forget  # one bound method for every weak reference

    def _forget(self, held: _Held) -> None:
        entry = self.by_id.get(held.ident)
        if entry is not None and entry[0] is held:
            del self.by_id[held.ident]


def _restored(records: tuple[ConsentRecord, ...], policy: DecisionPolicy) -> ConsentRegistry:
    return ConsentRegistry(records, policy=policy)


def _added_before(
    store: dict[str, Any], record: Consent | HarmAssessment, *, sv: str, en: str
) -> bool:
    """Whether ``record`` is in ``store`` already (adding it again does nothing); a
    different record with its id is refused; else it is put in ``store``."""
    known = store.get(record.id)
    if known is None:
        store[record.id] = record
        return False
    return _added_again(known, record, sv=sv, en=en)


def _added_again(
    known: Consent | HarmAssessment,
    record: Consent | HarmAssessment,
    *,
    sv: str = "ett annat samtycke",
    en: str = "another consent",
) -> bool:
    """``True`` if ``record`` is ``known``, the record kept under its id (adding it
    again does nothing); a different record with that id is refused."""
    if known == record:
        return True
    raise InvalidInput.at(
        "id",
        sv=f"{sv} med id {record.id!r} finns redan",
        en=f"{en} with id {record.id!r} is already registered",
    )
