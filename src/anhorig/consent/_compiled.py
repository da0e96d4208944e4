"""The consent engine's speed machinery: requests, provisions, consents and harm
assessments compiled for fast matching, and each person's records indexed.

Nothing here decides anything: the decision procedure (:mod:`anhorig.consent.rules`)
reads these objects. A request becomes a :class:`Question` (bit masks and typed
recipient keys), a provision tree a tree of :class:`Node` s, a consent a
:class:`CompiledConsent` with its instants as seconds, and everything recorded about one
person a :class:`SubjectRecords`. The names are public so that the family's modules
may share them; the module is private, its interface narrow.
"""

from __future__ import annotations

import enum
import functools
import math
import weakref
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import pendulum

from anhorig import _calendar
from anhorig.consent.decision import DecisionPolicy
from anhorig.consent.model import (
    Action,
    Block,
    BlockLift,
    Consent,
    ConsentRecord,
    DisclosureRequest,
    HarmAssessment,
    InfoCategory,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientKind,
    Revocation,
    person_key,
)
from anhorig.findings import Rule
from anhorig.time import ZONE

__all__ = [
    "CompiledAssessment",
    "CompiledConsent",
    "Match",
    "Node",
    "Question",
    "RecipientKey",
    "SubjectRecords",
    "birthday",
    "keep_earliest",
    "local_date",
    "recipient_keys",
    "seconds",
    "selector_keys",
    "start_of_day",
]

# --- local days in Stockholm ------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def start_of_day(day: date) -> float:
    """Local midnight in Stockholm at the start of ``day``, as seconds since the epoch
    (the one calendar's: :func:`anhorig._calendar.midnight`)."""
    return float(_calendar.midnight(day))


def local_date(t: float) -> date:
    """The local date in Stockholm at ``t`` (seconds since the epoch)."""
    # As pendulum.from_timestamp(t, tz=ZONE).date() gives it, without building a
    # pendulum DateTime (ZONE is a zoneinfo.ZoneInfo).
    return datetime.fromtimestamp(t, ZONE).date()


def seconds(instant: pendulum.DateTime) -> float:
    """``instant`` as seconds since the epoch (UTC)."""
    return instant.timestamp()


def birthday(born: date, years: int) -> date:
    """The day someone born on ``born`` turns ``years`` old."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February: a year older on 1 March in common years
        return date(born.year + years, 3, 1)


# --- recipients: typed match keys -------------------------------------------------------


class Match(enum.IntEnum):
    """What a recipient key names: one person, one organisation, any organisation of a
    principal, or anyone with a role."""

    PERSON = 0
    ORGANISATION = 1
    PRINCIPAL = 2
    ROLE = 3


RecipientKey = tuple[Match, str]
"""A match key: what it names and its value (a person's key, an id, an enum value)."""


def recipient_keys(recipient: Recipient) -> frozenset[RecipientKey]:
    """What a provision's recipient must share with a request's for it to match."""
    found: set[RecipientKey] = set()
    if recipient.person is not None:
        found.add((Match.PERSON, person_key(recipient.person)))
    if recipient.organisation is not None:
        found.add((Match.ORGANISATION, recipient.organisation.id))
        found.add((Match.PRINCIPAL, recipient.organisation.principal.value))
    if recipient.principal is not None:
        found.add((Match.PRINCIPAL, recipient.principal.value))
    if recipient.role is not None:
        found.add((Match.ROLE, recipient.role.value))
    return frozenset(found)


def selector_keys(recipient: Recipient) -> frozenset[RecipientKey]:
    """What a provision's recipient accepts: a person selector only the person (not
    everyone with the same role), an organisation only itself."""
    keys = recipient_keys(recipient)
    if recipient.kind is RecipientKind.PERSON:
        return frozenset(k for k in keys if k[0] is Match.PERSON)
    if recipient.kind is RecipientKind.ORGANISATION:
        return frozenset(k for k in keys if k[0] is Match.ORGANISATION)
    return keys


# --- the compiled question and provisions -----------------------------------------------

_ACTION_BIT = {a: 1 << i for i, a in enumerate(Action)}
_PURPOSE_BIT = {p: 1 << i for i, p in enumerate(Purpose)}
_CATEGORY_BIT = {c: 1 << i for i, c in enumerate(InfoCategory)}


_COVERED_BITS = {
    granted: sum(bit for other, bit in _CATEGORY_BIT.items() if granted.covers(other))
    for granted in InfoCategory
}
"""Each class's bit and its descendants' (worked out once: ``covers`` goes through the
enum's slow ``.value``)."""


def _category_mask(categories: Iterable[InfoCategory]) -> int:
    mask = 0
    for granted in categories:
        mask |= _COVERED_BITS[granted]
    return mask


class Question:
    """A request without its instant: what the compiled tree is matched against."""

    __slots__ = (
        "action",
        "category",
        "circumstances",
        "data_from",
        "data_until",
        "holder",
        "purpose",
        "recipient",
        "recipient_keys",
        "request",
    )

    def __init__(self, request: DisclosureRequest) -> None:
        self.request = request
        self.action = _ACTION_BIT[request.action]
        self.category = _CATEGORY_BIT[request.category]
        self.purpose = _PURPOSE_BIT[request.purpose]
        self.recipient = request.recipient
        self.recipient_keys = recipient_keys(request.recipient)
        self.holder = request.holder
        self.circumstances = request.circumstances
        period = request.data_period
        self.data_from = None if period is None else period.start.toordinal()
        self.data_until = None if period is None or period.end is None else period.end.toordinal()


class Node:
    """A provision compiled: its scope as bit masks and keys, its exceptions below it."""

    __slots__ = (
        "__weakref__",
        "actions",
        "categories",
        "data_from",
        "data_until",
        "exceptions",
        "has_period",
        "path",
        "permit",
        "purposes",
        "recipients",
    )

    def __init__(self, provision: Provision, path: str) -> None:
        self.permit = provision.decision is ProvisionType.PERMIT
        self.path = path
        self.actions = 0
        for a in provision.actions:
            self.actions |= _ACTION_BIT[a]
        self.purposes = 0
        for p in provision.purposes:
            self.purposes |= _PURPOSE_BIT[p]
        self.categories = _category_mask(provision.categories)
        keys: set[RecipientKey] = set()
        for recipient in provision.recipients:
            keys |= selector_keys(recipient)
        self.recipients: frozenset[RecipientKey] | None = (
            frozenset(keys) if provision.recipients else None
        )
        period = provision.data_period
        self.has_period = period is not None
        self.data_from = period.start.toordinal() if period is not None else 0
        self.data_until = (
            period.end.toordinal() if period is not None and period.end is not None else None
        )
        self.exceptions = tuple(
            Node(child, f"{path}.exceptions[{i}]") for i, child in enumerate(provision.exceptions)
        )

    def matches(self, q: Question) -> bool:
        """Whether the question lies within this provision's scope."""
        if self.actions and not self.actions & q.action:
            return False
        if self.categories and not self.categories & q.category:
            return False
        if self.purposes and not self.purposes & q.purpose:
            return False
        if self.recipients is not None and self.recipients.isdisjoint(q.recipient_keys):
            return False
        if self.has_period:
            if self.permit:
                # A permit covers only information wholly inside its data period.
                if q.data_from is None or q.data_from < self.data_from:
                    return False
                if self.data_until is not None and (
                    q.data_until is None or q.data_until > self.data_until
                ):
                    return False
            # A deny covers whatever may overlap its data period (unknown: all).
            elif q.data_from is not None:
                if self.data_until is not None and q.data_from >= self.data_until:
                    return False
                if q.data_until is not None and q.data_until <= self.data_from:
                    return False
        return True

    def decide(self, q: Question) -> tuple[bool, str] | None:
        """``(permit, path)`` of the deepest matching provision, or ``None``.

        Sibling exceptions that both match are combined deny-first, so their order
        in the tree never matters.
        """
        if not self.matches(q):
            return None
        found: tuple[bool, str] | None = None
        for child in self.exceptions:
            result = child.decide(q)
            if result is None:
                continue
            if found is None or (found[0] and not result[0]):
                found = result
        return found if found is not None else (self.permit, self.path)


_ROOTS: weakref.WeakValueDictionary[Provision, Node] = weakref.WeakValueDictionary()
"""Compiled provision trees by provision, while some compiled consent holds them:
consents read from documents hold equal provisions as distinct objects (a form's
standard wording), and a tree is only read once built."""


def root_node(provision: Provision) -> Node:
    """``provision`` compiled as a consent's root, shared between equal provisions."""
    node = _ROOTS.get(provision)
    if node is None:
        # Two threads may both build one; either is the same tree.
        node = _ROOTS.setdefault(provision, Node(provision, "provision"))
    return node


# --- compiled records -------------------------------------------------------------------


class CompiledConsent:
    """A consent prepared for fast matching, with its static validity worked out.

    ``invalid`` is why it never counts (a catalogue rule and its parameters), or
    ``None``; ``documented_at``, ``adult_at`` and ``mature_at`` are the instants from
    which it is documented, the child is of age, and the child decides for themselves;
    ``own_from`` the instant from which a child's own consent counts (``None``: the
    grantor is not a child consenting alone, or has no known birth date) (see
    :mod:`anhorig.consent.rules.validity`, which builds it).
    """

    __slots__ = (
        "adult_at",
        "consent",
        "documented_at",
        "given",
        "grantees",
        "id",
        "invalid",
        "mature_at",
        "own_from",
        "relying_id",
        "root",
        "start",
        "until",
    )

    def __init__(
        self,
        consent: Consent,
        *,
        invalid: tuple[Rule, dict[str, object]] | None,
        documented_at: float,
        adult_at: float | None,
        mature_at: float | None,
        own_from: float | None = None,
    ) -> None:
        self.consent = consent
        self.id = consent.id
        self.relying_id = consent.obtained_by.id
        self.root = root_node(consent.provision)
        # Whom the consent is granted to: its permits hold for them only.
        self.grantees: frozenset[RecipientKey] | None = (
            frozenset(k for r in consent.grantees for k in selector_keys(r))
            if consent.grantees
            else None
        )
        # Before it was given a consent is not there to rely on or to mention, even
        # when its validity starts earlier (backdated).
        self.given = seconds(consent.given_at)
        self.start = seconds(consent.valid_from)
        self.until = math.inf if consent.valid_until is None else seconds(consent.valid_until)
        self.invalid = invalid
        self.documented_at = documented_at
        self.adult_at = adult_at
        self.mature_at = mature_at
        self.own_from = own_from

    def decide(self, q: Question) -> tuple[bool, str] | None:
        """``(permit, path)`` of the deepest matching provision, or ``None``; a permit
        for a recipient who is not among the consent's grantees does not apply."""
        result = self.root.decide(q)
        if (
            result is not None
            and result[0]
            and self.grantees is not None
            and self.grantees.isdisjoint(q.recipient_keys)
        ):
            return None
        return result

    def breakpoints(self) -> list[float]:
        """The instants where the consent's standing can change."""
        points = [self.given, self.start, self.until, self.documented_at]
        if self.adult_at is not None:
            points.append(self.adult_at)
        if self.mature_at is not None:
            points.append(self.mature_at)
        if self.own_from is not None:
            points.append(self.own_from)
        return [p for p in points if math.isfinite(p)]


class CompiledAssessment:
    """A harm assessment with the span it may be relied on, and what it covers."""

    __slots__ = ("assessment", "categories", "recipients", "start", "until")

    def __init__(self, assessment: HarmAssessment, policy: DecisionPolicy) -> None:
        self.assessment = assessment
        self.start = seconds(assessment.assessed_at)
        day = local_date(self.start)
        self.until = start_of_day(day + timedelta(days=policy.harm_assessment_days))
        self.categories = _category_mask(assessment.categories)
        self.recipients = selector_keys(assessment.recipient)

    def covers(self, q: Question) -> bool:
        """Whether it is about the request's disclosure: category, recipient, purpose."""
        return (
            q.request.action is Action.DISCLOSE
            and bool(self.categories & q.category)
            and q.request.purpose is self.assessment.purpose
            and not self.recipients.isdisjoint(q.recipient_keys)
        )


class SubjectRecords:
    """Everything recorded about one person, compiled.

    Built by :meth:`add`, :meth:`add_consent` and :meth:`absorb` while private to one
    thread; once a registry publishes it (or ``evaluate`` decides on it) it is never
    changed again, so threads may read it without a lock: a registry publishes a new
    one (:meth:`merged`) when a record is added. What is worked out from the records
    (consents in id order, change points, the recipient index) is kept between calls,
    filled on first use and set in one assignment, so a reader sees all of it or none.
    """

    __slots__ = (
        "_breaks",
        "_by_recipient",
        "_sorted",
        "assessments",
        "blocks",
        "consents",
        "lifts",
        "revoked",
    )

    def __init__(self) -> None:
        self.consents: dict[str, CompiledConsent] = {}
        self.revoked: dict[str, float] = {}
        self.blocks: dict[str, Block] = {}
        self.lifts: dict[str, float] = {}
        self.assessments: dict[str, CompiledAssessment] = {}
        self._sorted: list[CompiledConsent] | None = None
        self._breaks: list[float] | None = None
        # Consents by recipient key, and those naming no recipient.
        self._by_recipient: (
            tuple[dict[RecipientKey, list[CompiledConsent]], list[CompiledConsent]] | None
        ) = None

    def changed(self) -> None:
        """Forget what was worked out from the records (they were added to)."""
        self._sorted = None
        self._breaks = None
        self._by_recipient = None

    def sorted_consents(self) -> list[CompiledConsent]:
        """The consents in id order."""
        found = self._sorted
        if found is None:
            found = self._sorted = [self.consents[k] for k in sorted(self.consents)]
        return found

    def consents_for(self, keys: frozenset[RecipientKey]) -> list[CompiledConsent]:
        """In id order, the consents whose provision can match a recipient with
        ``keys``: those naming one of the keys and those naming no recipient. The
        others cannot match (:meth:`Node.matches`), so they are not tried."""
        built = self._by_recipient
        if built is None:
            index: dict[RecipientKey, list[CompiledConsent]] = {}
            unnamed: list[CompiledConsent] = []
            for compiled in self.sorted_consents():
                named = compiled.root.recipients
                if named is None:
                    unnamed.append(compiled)
                else:
                    for key in named:
                        index.setdefault(key, []).append(compiled)
            built = self._by_recipient = (index, unnamed)
        index, unnamed = built
        chosen: dict[str, CompiledConsent] = {}
        for key in keys:
            for compiled in index.get(key, ()):
                chosen[compiled.id] = compiled
        if not chosen:
            return unnamed
        for compiled in unnamed:
            chosen[compiled.id] = compiled
        return [chosen[k] for k in sorted(chosen)]

    def breaks(self, law_changes: Iterable[float]) -> list[float]:
        """The sorted, distinct instants where an answer about this person can change
        (``law_changes`` and the records'); worked out once and shared, so never to
        be changed by the caller."""
        found = self._breaks
        if found is None:
            found = self._breaks = sorted({*law_changes, *self.breakpoints()})
        return found

    def breakpoints(self) -> list[float]:
        """The instants where the records' standing can change, unsorted."""
        points: list[float] = []
        for compiled in self.consents.values():
            points.extend(compiled.breakpoints())
        points.extend(self.revoked.values())
        points.extend(seconds(b.placed_at) for b in self.blocks.values())
        points.extend(self.lifts.values())
        for assessment in self.assessments.values():
            points.extend((assessment.start, assessment.until))
        return points

    def add_consent(self, compiled: CompiledConsent) -> None:
        """Put in a compiled consent (its id's earlier one, if any, is replaced)."""
        self.changed()
        self.consents[compiled.id] = compiled

    def add(self, record: ConsentRecord, policy: DecisionPolicy) -> None:
        """Put in a revocation, block, lift or harm assessment (consents go through
        :meth:`add_consent`, compiled by the rules that judge them)."""
        self.changed()
        if isinstance(record, Revocation):
            at = seconds(record.revoked_at)
            self.revoked[record.consent_id] = min(at, self.revoked.get(record.consent_id, math.inf))
        elif isinstance(record, Block):
            self.blocks[record.id] = record
        elif isinstance(record, HarmAssessment):
            self.assessments[record.id] = CompiledAssessment(record, policy)
        elif isinstance(record, BlockLift):
            if record.evidence.is_complete:
                at = seconds(record.lifted_at)
                self.lifts[record.block_id] = min(at, self.lifts.get(record.block_id, math.inf))
        else:
            raise TypeError(f"a consent goes through add_consent, not {type(record).__name__}")

    def absorb(self, new: SubjectRecords) -> None:
        """Add the records of ``new`` to these in place: only while no other thread can
        see this object, and it shares no dict with another (see :meth:`merged`)."""
        self.changed()
        self.consents.update(new.consents)
        self.blocks.update(new.blocks)
        self.assessments.update(new.assessments)
        keep_earliest(self.revoked, new.revoked)
        keep_earliest(self.lifts, new.lifts)

    def merged(self, new: SubjectRecords) -> SubjectRecords:
        """These records and those of ``new``, as a new object; this one is unchanged.
        The dicts ``new`` adds nothing to are shared, not copied (neither object
        changes after)."""
        out = SubjectRecords()
        out.consents = {**self.consents, **new.consents} if new.consents else self.consents
        out.blocks = {**self.blocks, **new.blocks} if new.blocks else self.blocks
        out.assessments = (
            {**self.assessments, **new.assessments} if new.assessments else self.assessments
        )
        out.revoked = (
            keep_earliest(dict(self.revoked), new.revoked) if new.revoked else self.revoked
        )
        out.lifts = keep_earliest(dict(self.lifts), new.lifts) if new.lifts else self.lifts
        return out


def keep_earliest(into: dict[str, float], new: dict[str, float]) -> dict[str, float]:
    """``into`` with each instant of ``new`` put in where it is earlier (a consent
    revoked twice is revoked from the first; a block lifted twice, from the first)."""
    for ident, at in new.items():
        into[ident] = min(at, into.get(ident, at))
    return into
