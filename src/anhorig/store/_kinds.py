"""What a store keeps: the kinds of record, their keys and the people they name.

The store keeps the consent family's records and the respite ledger's, each under its
document type (its *kind*) and a key: the record's own id, or for the kinds without one a
digest of its document.
"""

from __future__ import annotations

import hashlib
from typing import Any, Final

from anhorig.consent import (
    Block,
    BlockLift,
    Consent,
    HarmAssessment,
    Provision,
    Revocation,
)
from anhorig.consent.model import person_key
from anhorig.errors import InvalidInput
from anhorig.people import Person, PersonId
from anhorig.respite import (
    Booking,
    Cancellation,
    RespiteGrant,
    RespitePolicy,
    ShortStayUnit,
)

__all__ = [
    "CHUNK",
    "CONSENT_KINDS",
    "CONSENT_TYPES",
    "KINDS",
    "LEDGER_ENTRY_KINDS",
    "NO_LIMIT",
    "StoreRecord",
    "content_digest",
    "named_people",
    "person_of",
    "record_id_of",
]

StoreRecord = (
    Consent
    | Revocation
    | Block
    | BlockLift
    | HarmAssessment
    | RespiteGrant
    | Booking
    | Cancellation
    | RespitePolicy
    | ShortStayUnit
)
"""What a store keeps: the consent family's records and the respite ledger's."""

KINDS: Final[dict[str, type[Any]]] = {
    cls.__name__: cls
    for cls in (
        Consent,
        Revocation,
        Block,
        BlockLift,
        HarmAssessment,
        RespiteGrant,
        Booking,
        Cancellation,
        RespitePolicy,
        ShortStayUnit,
    )
}
"""Every kind of record a store keeps, by its document type."""

CONSENT_KINDS: Final = ("Consent", "Revocation", "Block", "BlockLift", "HarmAssessment")
"""The consent family's kinds, by document type."""

LEDGER_ENTRY_KINDS: Final = ("Booking", "Cancellation")
"""A respite ledger's entries, by document type."""

CONSENT_TYPES: Final = (Consent, Revocation, Block, BlockLift, HarmAssessment)
"""The consent family's kinds, as classes."""

NO_LIMIT: Final = 2**62
"""A sequence number above every record's: "up to the newest"."""

CHUNK: Final = 500
"""How many ids one query names at most."""


def content_digest(text: str) -> str:
    """A short SHA-256 digest of ``text``: the key of a record without an id of its own."""
    return hashlib.sha256(text.encode()).hexdigest()[:40]


def record_id_of(record: StoreRecord, document: str, person: str) -> str:
    """The record's own id; for the kinds without one, a digest of its document (so the
    same revocation added twice is one record, and two different ones are two). A block's
    id is its person's, as in the registry: two people may each have a block ``b-1``."""
    if isinstance(record, Block):
        return f"{record.id}@{person}"
    if isinstance(record, Consent | HarmAssessment | RespiteGrant | Booking | ShortStayUnit):
        return record.id
    if isinstance(record, Cancellation):
        return record.booking_id  # a booking is cancelled once
    return "sha256:" + content_digest(document)


def named_people(record: StoreRecord) -> list[Person]:
    """The people a record names besides the one it is about (for the right of access)."""
    if isinstance(record, Consent):
        found = [record.grantor.person]
        stack: list[Provision] = [record.provision]
        while stack:
            provision = stack.pop()
            found.extend(r.person for r in provision.recipients if r.person is not None)
            stack.extend(provision.exceptions)
        return found
    if isinstance(record, HarmAssessment):
        return [record.recipient.person] if record.recipient.person is not None else []
    if isinstance(record, RespiteGrant):
        return [record.carer] if record.carer is not None else []
    return []


def person_of(who: Person | PersonId) -> str:
    if isinstance(who, PersonId):
        return who.value
    if isinstance(who, Person):
        return person_key(who)
    raise InvalidInput.at(
        "person",
        sv=f"väntade Person eller PersonId, fick {type(who).__name__}",
        en=f"expected Person or PersonId, got {type(who).__name__}",
    )
