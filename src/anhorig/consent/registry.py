"""The consent registry: append-only, indexed by person, the same answer however often asked.

:class:`ConsentRegistry` keeps every consent, revocation, block, block lift and harm
assessment (*menprövning*) ever added, in the order added; nothing is removed or changed. A revocation is a new
record effective from its instant, so every decision about an earlier instant comes
out as it did. Records are indexed by the person they are about, so the cost of a
decision depends on how much is recorded about that person, not on the size of the
registry; and decisions are memoised between the instants where the answer can
change (see :class:`~anhorig.consent.engine.Timeline`).

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

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from anhorig.consent.engine import (
    ConsentRecord,
    Decision,
    DecisionPolicy,
    Timeline,
    _check_request,
    _SubjectRecords,
    compile_records,
    record_instant,
    timeline_for,
)
from anhorig.consent.model import (
    Block,
    BlockLift,
    Consent,
    DisclosureRequest,
    Evidence,
    HarmAssessment,
    Revocation,
    person_key,
)
from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.time import as_instant

__all__ = ["ConsentRegistry"]


class ConsentRegistry:
    """An append-only store of consent records, indexed by person (*samtyckesregister*).

    ``add`` appends, ``revoke`` appends a revocation, ``decide`` answers a request as
    of its instant, ``history`` reads what was recorded. The registry is a service
    object, not a value: it grows, but nothing in it ever changes.
    """

    __slots__ = (
        "_assessments",
        "_by_subject",
        "_consents",
        "_log",
        "_memo",
        "_memo_keys",
        "policy",
    )

    def __init__(
        self, records: Iterable[ConsentRecord] = (), *, policy: DecisionPolicy | None = None
    ) -> None:
        self.policy = policy if policy is not None else DecisionPolicy()
        self._log: list[ConsentRecord] = []
        self._by_subject: dict[str, _SubjectRecords] = {}
        self._consents: dict[str, Consent] = {}
        self._assessments: dict[str, HarmAssessment] = {}
        self._memo: dict[tuple[Any, ...], Timeline] = {}
        self._memo_keys: dict[str, set[tuple[Any, ...]]] = {}
        for record in records:
            self.add(record)

    def __len__(self) -> int:
        return len(self._log)

    @property
    def subject_count(self) -> int:
        """How many people have records."""
        return len(self._by_subject)

    def add(self, record: ConsentRecord) -> None:
        """Append ``record``. A consent id may be added only once, and so may a harm
        assessment's (adding the same record again does nothing); a revocation must name a known consent about the
        same person; a lift must name a known block."""
        if isinstance(record, Consent):
            if _added_before(self._consents, record, sv="ett annat samtycke", en="another consent"):
                return
        elif isinstance(record, Revocation):
            known = self._consents.get(record.consent_id)
            if known is None or person_key(known.subject) != person_key(record.subject):
                raise InvalidInput.at(
                    "consent_id",
                    sv=f"inget samtycke {record.consent_id!r} om den personen",
                    en=f"no consent {record.consent_id!r} about that person",
                )
        elif isinstance(record, BlockLift):
            records = self._by_subject.get(person_key(record.subject))
            if records is None or record.block_id not in records.blocks:
                raise InvalidInput.at(
                    "block_id",
                    sv=f"ingen spärr {record.block_id!r} om den personen",
                    en=f"no block {record.block_id!r} about that person",
                )
        elif isinstance(record, HarmAssessment):
            if _added_before(
                self._assessments, record, sv="en annan menprövning", en="another harm assessment"
            ):
                return
        elif not isinstance(record, Block):
            raise InvalidInput.at(
                "record",
                sv="väntade Consent, Revocation, Block, BlockLift eller HarmAssessment, "
                f"fick {type(record).__name__}",
                en="expected Consent, Revocation, Block, BlockLift or HarmAssessment, "
                f"got {type(record).__name__}",
            )
        key = person_key(record.subject)
        compiled = compile_records((record,), self.policy, shared=False)[key]
        mine = self._by_subject.get(key)
        if mine is None:
            self._by_subject[key] = compiled
        else:
            _merge(mine, compiled)
        self._log.append(record)
        for memo_key in self._memo_keys.pop(key, ()):
            self._memo.pop(memo_key, None)

    def revoke(
        self, consent_id: str, *, at: datetime, evidence: Evidence | None = None
    ) -> Revocation:
        """Append a revocation of ``consent_id`` effective from ``at``; returns it."""
        consent = self._consents.get(consent_id)
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
        return self._consents.get(consent_id)

    def decide(self, request: DisclosureRequest) -> Decision:
        """The decision on ``request`` as of its instant; equal to
        ``evaluate(request, every record)`` and the same however often asked."""
        try:
            key = request.question
        except AttributeError:
            _check_request(request)
            raise
        timeline = self._memo.get(key)
        if timeline is None:
            timeline = timeline_for(request, self._by_subject)
            self._memo[key] = timeline
            for person in request.subjects:
                self._memo_keys.setdefault(person_key(person), set()).add(key)
        return timeline.decide(request.timestamp, self._by_subject, self.policy)

    def history(
        self, subject: Person | None = None, *, as_of: datetime | None = None
    ) -> tuple[ConsentRecord, ...]:
        """Every record in the order added; only those about ``subject`` if given, and
        only those in effect by ``as_of`` (their own instant at or before it) if given."""
        limit = None if as_of is None else as_instant(as_of, path="as_of")
        wanted = None if subject is None else person_key(subject)
        return tuple(
            record
            for record in self._log
            if (wanted is None or person_key(record.subject) == wanted)
            and (limit is None or record_instant(record) <= limit)
        )

    def __repr__(self) -> str:
        return f"ConsentRegistry({len(self._log)} records, {len(self._by_subject)} people)"


def _added_before(
    store: dict[str, Any], record: Consent | HarmAssessment, *, sv: str, en: str
) -> bool:
    """Whether ``record`` is in ``store`` already (adding it again does nothing); a
    different record with its id is refused; else it is put in ``store``."""
    known = store.get(record.id)
    if known is None:
        store[record.id] = record
        return False
    if known == record:
        return True
    raise InvalidInput.at(
        "id",
        sv=f"{sv} med id {record.id!r} finns redan",
        en=f"{en} with id {record.id!r} is already registered",
    )


def _merge(into: _SubjectRecords, new: _SubjectRecords) -> None:
    into.changed()
    into.consents.update(new.consents)
    for consent_id, at in new.revoked.items():
        into.revoked[consent_id] = min(at, into.revoked.get(consent_id, at))
    into.blocks.update(new.blocks)
    into.assessments.update(new.assessments)
    for block_id, at in new.lifts.items():
        into.lifts[block_id] = min(at, into.lifts.get(block_id, at))
