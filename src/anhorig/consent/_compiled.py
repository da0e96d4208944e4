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
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

import pendulum

from anhorig import _calendar
from anhorig.consent.decision import DecisionPolicy
from anhorig.consent.grantors import birthday
from anhorig.consent.model import (
    Action,
    Block,
    BlockLift,
    Consent,
    ConsentRecord,
    DisclosureRequest,
    HarmAssessment,
    InfoCategory,
    InformationKind,
    InformationSelector,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientKind,
    Revocation,
    person_key,
)
from anhorig.findings import Rule
from anhorig.time import CEST, CET, ZONE

__all__ = [
    "CompiledAssessment",
    "CompiledConsent",
    "Derived",
    "Match",
    "Node",
    "Question",
    "RecipientKey",
    "SubjectRecords",
    "Validity",
    "birthday",
    "by_kind",
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
    # pendulum DateTime (ZONE is a zoneinfo.ZoneInfo). Since 1970 Stockholm's offset
    # is whole hours, so a local day starts on the hour: the date is the hour's.
    if t >= 0:
        return _date_of_hour(int(t // 3600))
    return datetime.fromtimestamp(t, ZONE).date()


@functools.lru_cache(maxsize=4096)
def _date_of_hour(hour: int) -> date:
    return datetime.fromtimestamp(hour * 3600, ZONE).date()


_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def seconds(instant: pendulum.DateTime) -> float:
    """``instant`` as seconds since the epoch (UTC): ``instant.timestamp()``, which for
    an instant in one of anhorig's fixed zones is worked out here, to the same float,
    in a fifth of the time (the whole microseconds divided once, as ``timestamp``
    does)."""
    zone = instant.tzinfo
    offset = 3600 if zone is CET else 7200 if zone is CEST else None
    if offset is None:
        return instant.timestamp()
    whole = (
        (instant.toordinal() - _EPOCH_ORDINAL) * 86400
        + instant.hour * 3600
        + instant.minute * 60
        + instant.second
        - offset
    )
    return (whole * 1_000_000 + instant.microsecond) / 1_000_000


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


@functools.lru_cache(maxsize=4096)
def recipient_keys(recipient: Recipient) -> frozenset[RecipientKey]:
    """What a provision's recipient must share with a request's for it to match (kept
    for the recipients last asked about: every question asks it; a recipient's hash
    is kept on it)."""
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
        "information",
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
        self.information = by_kind(request.information) if request.information else _NOTHING


def by_kind(
    selectors: Iterable[InformationSelector],
) -> dict[InformationKind, tuple[InformationSelector, ...]]:
    """``selectors`` grouped by kind (each group sorted, so that equal sets compile alike)."""
    found: dict[InformationKind, list[InformationSelector]] = {}
    for selector in selectors:
        found.setdefault(selector.kind, []).append(selector)
    return {
        kind: tuple(sorted(group, key=lambda s: (s.system, s.code, s.link or "")))
        for kind, group in found.items()
    }


_ALWAYS = -math.inf
"""The start of a provision that holds from the consent's own start (one shared float)."""

_NOTHING: dict[InformationKind, tuple[InformationSelector, ...]] = {}
"""A request that does not say what its information is (shared, never changed)."""


def _information_matches(
    wanted: dict[InformationKind, tuple[InformationSelector, ...]],
    given: dict[InformationKind, tuple[InformationSelector, ...]],
    permit: bool,
) -> bool:
    """Whether a provision narrowed to ``wanted`` covers information described by
    ``given``, kind by kind. A kind the request does not describe is inside a deny and
    outside a permit; a permit needs every piece the request names covered, a deny any."""
    for kind, selectors in wanted.items():
        tags = given.get(kind)
        if not tags:
            if permit:
                return False
            continue
        covered = (any(s.covers(tag) for s in selectors) for tag in tags)
        if not (all(covered) if permit else any(covered)):
            return False
    return True


class Node:
    """A provision compiled: its scope as bit masks and keys, its exceptions below it."""

    __slots__ = (
        "__weakref__",
        "actions",
        "categories",
        "data_from",
        "data_until",
        "exceptions",
        "from_",
        "has_period",
        "holders",
        "information",
        "path",
        "permit",
        "purposes",
        "recipients",
        "result",
        "until",
    )

    def __init__(self, provision: Provision, path: str) -> None:
        self.permit = provision.decision is ProvisionType.PERMIT
        self.path = path
        # What decide answers when this provision is the deepest match (one tuple,
        # not one a decision).
        self.result = (self.permit, path)
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
        self.from_ = _ALWAYS if provision.valid_from is None else seconds(provision.valid_from)
        self.until = math.inf if provision.valid_until is None else seconds(provision.valid_until)
        self.holders: frozenset[str] | None = (
            frozenset(o.id for o in provision.holders) if provision.holders else None
        )
        # None unless narrowed: most provisions are not, and an empty dict costs 64 bytes.
        self.information = by_kind(provision.information) if provision.information else None
        self.exceptions = tuple(
            Node(child, f"{path}.exceptions[{i}]") for i, child in enumerate(provision.exceptions)
        )

    def matches(self, q: Question, t: float) -> bool:
        """Whether the question at ``t`` lies within this provision's scope."""
        # Every test must pass; the cheapest, and those most often failing, first.
        if self.actions and not self.actions & q.action:
            return False
        if self.categories and not self.categories & q.category:
            return False
        if self.purposes and not self.purposes & q.purpose:
            return False
        if not self.from_ <= t < self.until:
            return False
        if self.holders is not None and q.holder.id not in self.holders:
            return False
        if self.information is not None and not _information_matches(
            self.information, q.information, self.permit
        ):
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

    def decide(self, q: Question, t: float) -> tuple[bool, str] | None:
        """``(permit, path)`` of the deepest provision matching at ``t``, or ``None``.

        Sibling exceptions that both match are combined deny-first, so their order
        in the tree never matters.
        """
        if not self.matches(q, t):
            return None
        exceptions = self.exceptions
        if not exceptions:
            return self.result
        found: tuple[bool, str] | None = None
        for child in exceptions:
            result = child.decide(q, t)
            if result is None:
                continue
            if found is None or (found[0] and not result[0]):
                found = result
        return found if found is not None else self.result

    def instants(self) -> list[float]:
        """Where a provision of this tree starts or stops holding (finite ones)."""
        points = [p for p in (self.from_, self.until) if math.isfinite(p)]
        for child in self.exceptions:
            points.extend(child.instants())
        return points


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


Validity = tuple[
    tuple[Rule, dict[str, object]] | None, float, float | None, float | None, float | None
]
"""What a consent's validity comes to whatever the instant: ``(invalid, documented_at,
adult_at, mature_at, own_from)`` (see :class:`CompiledConsent`)."""


Judging = tuple[Callable[[Consent, DecisionPolicy], Validity], DecisionPolicy]
"""How a consent's validity is worked out: the judge and the policy it judges under."""


class CompiledConsent:
    """A consent prepared for fast matching, with its static validity worked out.

    ``invalid`` is why it never counts (a catalogue rule and its parameters), or
    ``None``; ``documented_at``, ``adult_at`` and ``mature_at`` are the instants from
    which it is documented, the child is of age, and the child decides for themselves;
    ``own_from`` the instant from which a child's own consent counts (``None``: the
    grantor is not a child consenting alone, or has no known birth date) (see
    :mod:`anhorig.consent.rules.validity`, whose ``judge`` works them out).

    Only ``consent``, ``id`` and the judging pair are set when it is made (also by
    ``ConsentRegistry.add``, which sets these three without the call): the rest is
    worked out when first read (a registry adds many consents it is never asked
    about). Threads may read one at once: each value is worked out from the consent
    alone, so two threads that both work it out set equal values.
    """

    __slots__ = (
        "_judge",
        "adult_at",
        "consent",
        "documented_at",
        "given",
        "grantees",
        "id",
        "invalid",
        "mature_at",
        "own_from",
        "provision_points",
        "relying_id",
        "root",
        "start",
        "until",
    )

    adult_at: float | None
    documented_at: float
    given: float
    invalid: tuple[Rule, dict[str, object]] | None
    mature_at: float | None
    own_from: float | None
    relying_id: str
    root: Node
    start: float
    until: float

    def __init__(self, consent: Consent, judging: Judging) -> None:
        """``judging`` is the judge and the policy, one pair shared by every consent
        a registry adds (a pair each would cost 64 B a consent)."""
        self.consent = consent
        self.id = consent.id
        self._judge = judging

    def _fill(self) -> None:
        """Work out everything but ``consent`` and ``id``."""
        consent = self.consent
        judge, policy = self._judge
        invalid, documented_at, adult_at, mature_at, own_from = judge(consent, policy)
        self.relying_id = consent.obtained_by.id
        self.root = root_node(consent.provision)
        # Where a provision holding for part of the time starts or stops.
        self.provision_points = tuple(self.root.instants())  # () is shared
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

    def decide(self, q: Question, t: float) -> tuple[bool, str] | None:
        """``(permit, path)`` of the deepest provision matching at ``t``, or ``None``
        (whether a permit reaches the recipient is :meth:`granted_to`)."""
        return self.root.decide(q, t)

    def granted_to(self, q: Question) -> bool:
        """Whether the request's recipient is among the consent's grantees, when it names
        any: a permit holds for them only (a deny holds whoever asks)."""
        return self.grantees is None or not self.grantees.isdisjoint(q.recipient_keys)

    def breakpoints(self) -> list[float]:
        """The instants where the consent's standing can change."""
        points = [self.given, self.start, self.until, self.documented_at]
        if self.adult_at is not None:
            points.append(self.adult_at)
        if self.mature_at is not None:
            points.append(self.mature_at)
        if self.own_from is not None:
            points.append(self.own_from)
        points.extend(self.provision_points)
        return [p for p in points if math.isfinite(p)]


_WORKED_OUT = frozenset(CompiledConsent.__slots__) - {"_judge", "consent", "id"}


def _worked_out(compiled: CompiledConsent, name: str) -> object:
    if name not in _WORKED_OUT:
        raise AttributeError(f"'CompiledConsent' object has no attribute {name!r}")
    compiled._fill()
    return object.__getattribute__(compiled, name)


# Set here, not in the class body, so that type checkers still reject unknown names.
CompiledConsent.__getattr__ = _worked_out  # type: ignore[attr-defined]


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


class Derived:
    """What is worked out from one person's records, kept with them: each part filled
    on first use and set in one assignment, so a reader sees all of it or none. One
    object, made when the person is first asked about, so that records never asked
    about hold one empty slot, not five."""

    __slots__ = ("alone", "breaks", "by_recipient", "for_keys", "sorted", "timelines")

    def __init__(self) -> None:
        self.sorted: list[CompiledConsent] | None = None
        # The sorted change points, by the people's points put in with them.
        self.breaks: dict[tuple[float, ...], list[float]] | None = None
        # Consents by recipient key, and those naming no recipient.
        self.by_recipient: (
            tuple[dict[RecipientKey, list[CompiledConsent]], list[CompiledConsent]] | None
        ) = None
        # consents_for's answers by the keys asked with (a request's keys are few).
        self.for_keys: dict[frozenset[RecipientKey], list[CompiledConsent]] | None = None
        # The registry's timelines of questions about this person alone, made from
        # these records: they go with them when an addition publishes new ones. (Any:
        # a Timeline, whose module imports this one.)
        self.timelines: dict[tuple[object, ...], Any] | None = None
        # The records by the person's key, shared by the timelines of questions about
        # this person alone (one mapping, not one per question).
        self.alone: dict[str, SubjectRecords] | None = None


class SubjectRecords:
    """Everything recorded about one person, compiled.

    Built by :meth:`add`, :meth:`add_consent` and :meth:`absorb` while private to one
    thread; once a registry publishes it (or ``evaluate`` decides on it) it is never
    changed again, so threads may read it without a lock: a registry publishes a new
    one (:meth:`merged`; for a consent, ``ConsentRegistry.add`` makes it, setting every
    slot) when a record is added. What is worked out from the records (consents in id
    order, change points, the recipient index) is kept between calls, filled on first
    use and set in one assignment, so a reader sees all of it or none.
    ``superseded`` is the one thing set after publishing, once, from ``False`` to
    ``True``: by the registry, just before it publishes the records that replace these
    (so that an answer kept from these is known to be old by one attribute read).
    """

    __slots__ = ("assessments", "blocks", "consents", "derived", "lifts", "revoked", "superseded")

    def __init__(self) -> None:
        self.consents: dict[str, CompiledConsent] = {}
        self.revoked: dict[str, float] = {}
        self.blocks: dict[str, Block] = {}
        self.lifts: dict[str, float] = {}
        self.assessments: dict[str, CompiledAssessment] = {}
        self.derived: Derived | None = None
        self.superseded = False

    def changed(self) -> None:
        """Forget what was worked out from the records (they were added to)."""
        self.derived = None

    def worked(self) -> Derived:
        """What is worked out from the records (made empty when first asked for)."""
        found = self.derived
        if found is None:
            found = self.derived = Derived()
        return found

    def sorted_consents(self) -> list[CompiledConsent]:
        """The consents in id order."""
        derived = self.worked()
        found = derived.sorted
        if found is None:
            found = derived.sorted = [self.consents[k] for k in sorted(self.consents)]
        return found

    def consents_for(self, keys: frozenset[RecipientKey]) -> list[CompiledConsent]:
        """In id order, the consents whose provision can match a recipient with
        ``keys``: those naming one of the keys and those naming no recipient. The
        others cannot match (:meth:`Node.matches`), so they are not tried."""
        derived = self.worked()
        answers = derived.for_keys
        if answers is None:
            answers = derived.for_keys = {}
        found = answers.get(keys)
        if found is None:
            found = answers[keys] = self._consents_for(keys)
        return found

    def _consents_for(self, keys: frozenset[RecipientKey]) -> list[CompiledConsent]:
        derived = self.worked()
        built = derived.by_recipient
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
            built = derived.by_recipient = (index, unnamed)
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

    def alone(self, key: str) -> dict[str, SubjectRecords]:
        """``{key: self}``, made once and shared, so never to be changed by the caller;
        ``key`` is the person's :func:`~anhorig.consent.model.person_key`, the same in
        every call."""
        derived = self.worked()
        found = derived.alone
        if found is None:
            found = derived.alone = {key: self}
        return found

    def breaks(self, law_changes: Iterable[float], people: tuple[float, ...] = ()) -> list[float]:
        """The sorted, distinct instants where an answer about this person can change
        (``law_changes``, the records' and ``people``'s, their birth and majority);
        worked out once for each ``people`` and shared, so never to be changed by the
        caller. ``law_changes`` must be the same in every call."""
        derived = self.worked()
        kept = derived.breaks
        if kept is None:
            kept = derived.breaks = {}
        found = kept.get(people)
        if found is None:
            plain = kept.get(())
            if plain is None:
                plain = kept[()] = sorted({*law_changes, *self.breakpoints()})
            found = kept[people] = sorted({*plain, *people}) if people else plain
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
