"""Decisions: may this information go to that recipient, at this instant, for this purpose?

``evaluate(request, records)`` answers a :class:`~anhorig.consent.model.DisclosureRequest`
from consent records (consents, revocations, blocks, block lifts) and the legal bases
that need no consent, and explains the answer. The order of the checks:

1. Listening (``COLLECT``) is always permitted.
2. A report of concern about a child to the social welfare committee is permitted.
3. A relative who does not want information is not given it.
4. For each person the information is about: a block holds (unless an emergency
   breaks it); the OSL 25:12 / 26:9 groups may be exchanged between health care and
   social services; otherwise the valid consents obtained by the relying authority
   decide, combined by deny-overrides (configurable); without one, a documented
   menprövning by the holder that it is clear no harm results (OSL 25:1 / 26:1),
   Patientlagen 3:4 or an emergency may apply; else there is no basis. The person's
   own no (a block, a deny in their consent, signs they would object) goes before a
   menprövning.
5. Every person needs a basis: one deny denies, one missing basis leaves it not
   applicable (deny by default).

Consents are considered sorted by id, so the order they were given in never changes
an answer.

>>> from anhorig.people import Person, PersonId
>>> from anhorig.time import local
>>> from anhorig.consent.model import *
>>> anna = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
>>> town = Organisation(id="kommun-1", name="Socialnämnden", principal=Principal.MUNICIPALITY,
...                     sector=Sector.SOCIAL_SERVICES)
>>> region = Organisation(id="region-1", name="Regionen", principal=Principal.REGION,
...                       sector=Sector.HEALTH_CARE)
>>> request = DisclosureRequest(subject=anna, action=Action.DISCLOSE,
...     category=InfoCategory.SOCIAL_HOME_CARE, holder=town,
...     recipient=Recipient.of_organisation(region), purpose=Purpose.SIP,
...     at=local(2026, 5, 4, 9))
>>> evaluate(request, ()).outcome
<Outcome.NOT_APPLICABLE: 'not_applicable'>
>>> consent = Consent.grant(id="c-1", subject=anna, obtained_by=town,
...     to=(Recipient.any_of_principal(Principal.REGION),),
...     categories=(InfoCategory.SOCIAL_SERVICES,), purposes=(Purpose.SIP,),
...     evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17",
...                       documented_at=local(2026, 3, 2, 10)),
...     given_at=local(2026, 3, 2, 10))
>>> decision = evaluate(request, (consent,))
>>> decision.permitted, decision.consent_ids
(True, ('c-1',))
>>> print(decision.explain("en"))
PERMIT
basis: CONSENT-PERMIT consent c-1 provision (OSL (2009:400) 12 kap. 2 §)
must: Document the disclosure in the record: what, to whom, on what basis.
why: Consent c-1 (provision) from A. K. permits it.
"""

from __future__ import annotations

import functools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Union

import attrs
import pendulum

from anhorig import _calendar
from anhorig._checks import and_, collecting, each, ge, instance_of, optional, text
from anhorig.bounds import MAX_NOTICE_DAYS, at_most
from anhorig.consent import rules
from anhorig.consent.model import (
    Action,
    Block,
    BlockLift,
    ChildOpinion,
    Circumstance,
    Consent,
    DisclosureRequest,
    GrantorCapacity,
    HarmAssessment,
    HarmConclusion,
    InfoCategory,
    Principal,
    Provision,
    ProvisionType,
    Purpose,
    RecipientKind,
    RecipientRole,
    Revocation,
    Sector,
    person_key,
)
from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Rule
from anhorig.language import LabelledEnum, Lang, Text, check_lang, mask_value
from anhorig.law import (
    CONSENT_WAIVER_CHILD,
    HEALTH_SOCIAL_EXCHANGE_HEALTH,
    HEALTH_SOCIAL_EXCHANGE_SOCIAL,
    SECRECY_HEALTH_CARE,
    SECRECY_SOCIAL_SERVICES,
    LawTopic,
    LegalRef,
)
from anhorig.people import Person
from anhorig.relations import Relationship
from anhorig.time import ZONE

__all__ = [
    "Basis",
    "Combining",
    "ConsentRecord",
    "Decision",
    "DecisionPolicy",
    "Obligation",
    "ObligationKind",
    "Outcome",
    "Timeline",
    "circumstances_from",
    "compile_records",
    "evaluate",
    "record_instant",
    "record_subject",
    "timeline_for",
]

ConsentRecord = Union[Consent, Revocation, Block, BlockLift, HarmAssessment]  # noqa: UP007
"""Anything the registry and ``evaluate`` take: a consent or an event about one, or a
documented harm assessment (*menprövning*)."""


class Outcome(LabelledEnum):
    """A decision's outcome (*utfall*). ``NOT_APPLICABLE`` means no basis: deny by default."""

    PERMIT = "permit", "tillåtet", "permitted"
    DENY = "deny", "nekat", "denied"
    NOT_APPLICABLE = "not_applicable", "inget stöd (nekas)", "no basis (denied)"


class Combining(LabelledEnum):
    """How applicable consents are combined (*kombinationsregel*); never by order."""

    DENY_OVERRIDES = "deny_overrides", "nekande går före", "deny overrides"
    PERMIT_OVERRIDES = "permit_overrides", "tillåtande går före", "permit overrides"


class ObligationKind(LabelledEnum):
    """Something that must be done with a decision (*skyldighet*)."""

    DOCUMENT_DISCLOSURE = (
        "document_disclosure",
        "dokumentera utlämnandet",
        "document the disclosure",
    )
    RECORD_EMERGENCY = "record_emergency", "dokumentera nödsituationen", "record the emergency"
    DOCUMENT_WHAT_WAS_SAID = (
        "document_what_was_said",
        "dokumentera det som sades",
        "document what was said",
    )
    REPORT_AT_ONCE = "report_at_once", "anmäl genast", "report at once"


_OBLIGATION_TEXT = {
    ObligationKind.DOCUMENT_DISCLOSURE: Text(
        sv="Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.",
        en="Document the disclosure in the record: what, to whom, on what basis.",
    ),
    ObligationKind.RECORD_EMERGENCY: Text(
        sv="Dokumentera nödsituationen och åtkomsten; den granskas i efterhand.",
        en="Record the emergency and the access; it is reviewed afterwards.",
    ),
    ObligationKind.DOCUMENT_WHAT_WAS_SAID: Text(
        sv="Dokumentera det som sades; uppgifterna skyddas av sekretess.",
        en="Document what was said; the information is protected by secrecy.",
    ),
    ObligationKind.REPORT_AT_ONCE: Text(
        sv="Gör anmälan till socialnämnden genast.",
        en="Report to the social welfare committee at once.",
    ),
}
_OBLIGATION_ORDER = {kind: index for index, kind in enumerate(ObligationKind)}


@collecting
@attrs.frozen(kw_only=True, order=False)
class Obligation:
    """What must be done when the decision is acted on (*skyldighet*)."""

    kind: ObligationKind = attrs.field(validator=instance_of(ObligationKind))
    message: Text = attrs.field(validator=instance_of(Text))

    @classmethod
    def of(cls, kind: ObligationKind) -> Obligation:
        """The obligation of ``kind`` with its standard wording."""
        return _OBLIGATIONS[kind]


_OBLIGATIONS = {kind: Obligation(kind=kind, message=msg) for kind, msg in _OBLIGATION_TEXT.items()}


@collecting
@attrs.frozen(kw_only=True, order=False)
class Basis:
    """What a decision rests on (*grund*): a catalogue code, and the consent and
    provision or the legal references.

    ``subject`` is the masked person the basis is about (``A. K.``).
    """

    code: str = attrs.field(validator=text)
    subject: str = attrs.field(validator=text)
    consent_id: str | None = attrs.field(default=None, validator=optional(text))
    provision: str | None = attrs.field(default=None, validator=optional(text))
    references: tuple[LegalRef, ...] = attrs.field(default=(), validator=each(LegalRef))
    assessment_id: str | None = attrs.field(default=None, validator=optional(text))
    """The harm assessment (*menprövning*) the basis rests on, if any."""

    def explain(self) -> str:
        """One line: code, consent and provision or assessment, references."""
        parts = [self.code]
        # Ids are the vendor's, and are shown masked like any input (no personnummer).
        if self.consent_id is not None:
            parts.append(f"consent {mask_value(self.consent_id)}")
        if self.assessment_id is not None:
            parts.append(f"assessment {mask_value(self.assessment_id)}")
        if self.provision is not None:
            parts.append(mask_value(self.provision))
        cited = "; ".join(str(r) for r in self.references)
        return " ".join(parts) + (f" ({cited})" if cited else "")


@collecting
@attrs.frozen(kw_only=True, order=False)
class Decision:
    """The answer to a disclosure request (*beslut om utlämnande*), with its reasons.

    ``outcome`` is PERMIT, DENY or NOT_APPLICABLE (no basis, so denied);
    ``basis`` what it rests on; ``obligations`` what must be done; ``reasons`` the
    findings that explain it, in Swedish and English with references.
    """

    outcome: Outcome = attrs.field(validator=instance_of(Outcome))
    basis: tuple[Basis, ...] = attrs.field(default=(), validator=each(Basis))
    obligations: tuple[Obligation, ...] = attrs.field(default=(), validator=each(Obligation))
    reasons: tuple[Finding, ...] = attrs.field(default=(), validator=each(Finding))

    @property
    def permitted(self) -> bool:
        """Whether the information may go."""
        return self.outcome is Outcome.PERMIT

    @property
    def consent_ids(self) -> tuple[str, ...]:
        """The consents the decision rests on, in order, without repeats."""
        seen: dict[str, None] = {}
        for basis in self.basis:
            if basis.consent_id is not None:
                seen.setdefault(basis.consent_id, None)
        return tuple(seen)

    @property
    def assessment_ids(self) -> tuple[str, ...]:
        """The harm assessments (*menprövningar*) the decision rests on, in order."""
        return tuple(dict.fromkeys(b.assessment_id for b in self.basis if b.assessment_id))

    def explain(self, lang: Lang = "sv") -> str:
        """The decision in words: outcome, basis, obligations and reasons."""
        language = check_lang(lang)
        sv = language == "sv"
        lines = [self.outcome.name]
        lines.extend(f"{'grund' if sv else 'basis'}: {b.explain()}" for b in self.basis)
        lines.extend(
            f"{'ska' if sv else 'must'}: {o.message.in_(language)}" for o in self.obligations
        )
        lines.extend(
            f"{'varför' if sv else 'why'}: {r.message.in_(language)}" for r in self.reasons
        )
        return "\n".join(lines)


@collecting
@attrs.frozen(kw_only=True, order=False)
class DecisionPolicy:
    """How decisions are made where the law leaves room (*beslutspolicy*).

    ``combining``: deny-overrides by default. ``child_decides_from_age``: from this age
    a child's objection makes a custodian's consent invalid (OSL 12 kap. 3 §; there is
    no fixed age in law, so this is the municipality's choice; ``None`` never).
    ``harm_assessment_days``: a harm assessment (*menprövning*) is relied on from when it
    was made until the start of the local day this many days after the day it was made;
    1 (the default) means the same day only. The harm test is made for the disclosure
    at hand, on what is known then (OSL 25 kap. 1 §, 26 kap. 1 §: secrecy is presumed
    unless it is *clear* no harm results; DOMAIN part 2 §4.2); what is clear today need
    not be clear next week, so the law gives no standing assessment and a longer time
    is the municipality's choice. An age is 0–18 (at 18 no one is a child), the days at
    most 365.
    """

    combining: Combining = attrs.field(
        default=Combining.DENY_OVERRIDES, validator=instance_of(Combining)
    )
    child_decides_from_age: int | None = attrs.field(
        default=15,
        validator=optional(
            and_(
                instance_of(int),
                ge(0),
                at_most(18, sv="år, myndighetsåldern", en="years, the age of majority"),
            )
        ),
    )
    harm_assessment_days: int = attrs.field(
        default=1,
        validator=and_(
            instance_of(int),
            ge(1),
            at_most(MAX_NOTICE_DAYS, sv="dagar, ett år", en="days, one year"),
        ),
    )


# --- compiled form ------------------------------------------------------------------------

_ACTION_BIT = {a: 1 << i for i, a in enumerate(Action)}
_PURPOSE_BIT = {p: 1 << i for i, p in enumerate(Purpose)}
_CATEGORY_BIT = {c: 1 << i for i, c in enumerate(InfoCategory)}
_INF = math.inf


def _category_mask(categories: Iterable[InfoCategory]) -> int:
    mask = 0
    for granted in categories:
        for other in InfoCategory:
            if granted.covers(other):
                mask |= _CATEGORY_BIT[other]
    return mask


class _Question:
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
        self.recipient_keys = request.recipient.keys()
        self.holder = request.holder
        self.circumstances = request.circumstances
        period = request.data_period
        self.data_from = None if period is None else period.start.toordinal()
        self.data_until = None if period is None or period.end is None else period.end.toordinal()


class _Node:
    __slots__ = (
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
        keys: set[str] = set()
        for recipient in provision.recipients:
            keys |= _selector_keys(recipient.kind, recipient.keys())
        self.recipients: frozenset[str] | None = frozenset(keys) if provision.recipients else None
        period = provision.data_period
        self.has_period = period is not None
        self.data_from = period.start.toordinal() if period is not None else 0
        self.data_until = (
            period.end.toordinal() if period is not None and period.end is not None else None
        )
        self.exceptions = tuple(
            _Node(child, f"{path}.exceptions[{i}]") for i, child in enumerate(provision.exceptions)
        )

    def matches(self, q: _Question) -> bool:
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

    def decide(self, q: _Question) -> tuple[bool, str] | None:
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


def _selector_keys(kind: RecipientKind, keys: frozenset[str]) -> frozenset[str]:
    """What a provision's recipient accepts: a person selector only the person (not
    everyone with the same role), an organisation only itself."""
    if kind is RecipientKind.PERSON:
        return frozenset(k for k in keys if k.startswith("p:"))
    if kind is RecipientKind.ORGANISATION:
        return frozenset(k for k in keys if k.startswith("o:"))
    return keys


def _ts(instant: pendulum.DateTime) -> float:
    return instant.timestamp()


@functools.lru_cache(maxsize=4096)
def _start_of_day(day: date) -> float:
    return float(_calendar.midnight(day))


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February: a year older on 1 March in common years
        return date(born.year + years, 3, 1)


class _Compiled:
    """A consent prepared for fast matching, with its static validity worked out."""

    __slots__ = (
        "adult_at",
        "consent",
        "documented_at",
        "given",
        "id",
        "invalid",
        "mature_at",
        "relying_id",
        "root",
        "start",
        "until",
    )

    def __init__(self, consent: Consent, policy: DecisionPolicy) -> None:
        self.consent = consent
        self.id = consent.id
        self.relying_id = consent.obtained_by.id
        self.root = _Node(consent.provision, "provision")
        # Before it was given a consent is not there to rely on or to mention, even
        # when its validity starts earlier (backdated).
        self.given = _ts(consent.given_at)
        self.start = _ts(consent.valid_from)
        self.until = _INF if consent.valid_until is None else _ts(consent.valid_until)
        self.invalid: tuple[Rule, dict[str, object]] | None = None
        self.documented_at = -_INF
        self.adult_at: float | None = None
        self.mature_at: float | None = None
        evidence = consent.evidence
        grantor = consent.grantor
        subject = consent.subject
        if grantor.capacity is GrantorCapacity.SELF:
            if person_key(grantor.person) != person_key(subject):
                self.invalid = (
                    rules.NO_AUTHORITY,
                    {
                        "why": Text(
                            sv=f"{grantor.person} är inte {subject}, som uppgifterna gäller",
                            en=f"{grantor.person} is not {subject}, whom the information is about",
                        )
                    },
                )
        elif grantor.capacity is GrantorCapacity.CUSTODIAN:
            if subject.birth_date is None:
                self.invalid = (
                    rules.NO_AUTHORITY,
                    {
                        "why": Text(
                            sv="det går inte att visa att den enskilde är ett barn",
                            en="the person cannot be shown to be a child",
                        )
                    },
                )
            elif grantor.child_view is None:
                self.invalid = (rules.CHILD_VIEW_MISSING, {})
            else:
                self.adult_at = _start_of_day(_birthday(subject.birth_date, 18))
                age = policy.child_decides_from_age
                if grantor.child_view.opinion is ChildOpinion.OBJECTS and age is not None:
                    self.mature_at = _start_of_day(_birthday(subject.birth_date, age))
        else:
            self.invalid = (
                rules.NO_AUTHORITY,
                {
                    "why": Text(
                        sv=f"{grantor.person} samtycker som {grantor.capacity.label('sv')}",
                        en=f"{grantor.person} consents as {grantor.capacity.label('en')}",
                    )
                },
            )
        if self.invalid is None:
            if evidence is None:
                self.invalid = (
                    rules.UNDOCUMENTED,
                    {
                        "why": Text(
                            sv="det finns ingen dokumentation", en="there is no documentation"
                        )
                    },
                )
            elif evidence.documented_by is None or evidence.documented_at is None:
                missing = "documented_by" if evidence.documented_by is None else "documented_at"
                self.invalid = (
                    rules.UNDOCUMENTED,
                    {
                        "why": Text(
                            sv=f"dokumentationen saknar {missing} (vem och när)",
                            en=f"the documentation lacks {missing} (who and when)",
                        )
                    },
                )
            else:
                self.documented_at = _ts(evidence.documented_at)

    def breakpoints(self) -> list[float]:
        points = [self.given, self.start, self.until, self.documented_at]
        if self.adult_at is not None:
            points.append(self.adult_at)
        if self.mature_at is not None:
            points.append(self.mature_at)
        return [p for p in points if math.isfinite(p)]


@functools.lru_cache(maxsize=65536)
def _compiled(consent: Consent, policy: DecisionPolicy) -> _Compiled:
    """The compiled form of ``consent``, shared between equal consents (both are
    immutable), so that ``evaluate`` does not compile the same consent twice."""
    return _Compiled(consent, policy)


class _Assessment:
    """A harm assessment with the span it may be relied on, and what it covers."""

    __slots__ = ("assessment", "categories", "recipients", "start", "until")

    def __init__(self, assessment: HarmAssessment, policy: DecisionPolicy) -> None:
        self.assessment = assessment
        self.start = _ts(assessment.assessed_at)
        day = pendulum.from_timestamp(self.start, tz=ZONE).date()
        self.until = _start_of_day(day + timedelta(days=policy.harm_assessment_days))
        self.categories = _category_mask(assessment.categories)
        recipient = assessment.recipient
        self.recipients = _selector_keys(recipient.kind, recipient.keys())

    def covers(self, q: _Question) -> bool:
        """Whether it is about the request's disclosure: category, recipient, purpose."""
        return (
            q.request.action is Action.DISCLOSE
            and bool(self.categories & q.category)
            and q.request.purpose is self.assessment.purpose
            and not self.recipients.isdisjoint(q.recipient_keys)
        )


class _SubjectRecords:
    """Everything recorded about one person, compiled.

    Built by :meth:`add` and :meth:`absorb` while private to one thread; once a
    registry publishes it (or ``evaluate`` decides on it) it is never changed again, so
    threads may read it without a lock: a registry publishes a new one
    (:meth:`merged`) when a record is added. What is worked out from the records
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
        self.consents: dict[str, _Compiled] = {}
        self.revoked: dict[str, float] = {}
        self.blocks: dict[str, Block] = {}
        self.lifts: dict[str, float] = {}
        self.assessments: dict[str, _Assessment] = {}
        self._sorted: list[_Compiled] | None = None
        self._breaks: list[float] | None = None
        # Consents by recipient key, and those naming no recipient.
        self._by_recipient: tuple[dict[str, list[_Compiled]], list[_Compiled]] | None = None

    def changed(self) -> None:
        """Forget what was worked out from the records (they were added to)."""
        self._sorted = None
        self._breaks = None
        self._by_recipient = None

    def sorted_consents(self) -> list[_Compiled]:
        found = self._sorted
        if found is None:
            found = self._sorted = [self.consents[k] for k in sorted(self.consents)]
        return found

    def consents_for(self, recipient_keys: frozenset[str]) -> list[_Compiled]:
        """In id order, the consents whose provision can match a recipient with
        ``recipient_keys``: those naming one of the keys and those naming no recipient.
        The others cannot match (:meth:`_Node.matches`), so they are not tried."""
        built = self._by_recipient
        if built is None:
            index: dict[str, list[_Compiled]] = {}
            unnamed: list[_Compiled] = []
            for compiled in self.sorted_consents():
                named = compiled.root.recipients
                if named is None:
                    unnamed.append(compiled)
                else:
                    for key in named:
                        index.setdefault(key, []).append(compiled)
            built = self._by_recipient = (index, unnamed)
        index, unnamed = built
        chosen: dict[str, _Compiled] = {}
        for key in recipient_keys:
            for compiled in index.get(key, ()):
                chosen[compiled.id] = compiled
        if not chosen:
            return unnamed
        for compiled in unnamed:
            chosen[compiled.id] = compiled
        return [chosen[k] for k in sorted(chosen)]

    def breaks(self) -> list[float]:
        """The sorted, distinct instants where an answer about this person can change
        (the law's and the records'); shared, so never to be changed by the caller."""
        found = self._breaks
        if found is None:
            found = self._breaks = sorted({*_LAW_CHANGES, *self.breakpoints()})
        return found

    def breakpoints(self) -> list[float]:
        points: list[float] = []
        for compiled in self.consents.values():
            points.extend(compiled.breakpoints())
        points.extend(self.revoked.values())
        points.extend(_ts(b.placed_at) for b in self.blocks.values())
        points.extend(self.lifts.values())
        for assessment in self.assessments.values():
            points.extend((assessment.start, assessment.until))
        return points

    def add(self, record: ConsentRecord, policy: DecisionPolicy, *, shared: bool = True) -> None:
        self.changed()
        if isinstance(record, Consent):
            self.consents[record.id] = (
                _compiled(record, policy) if shared else _Compiled(record, policy)
            )
        elif isinstance(record, Revocation):
            at = _ts(record.revoked_at)
            self.revoked[record.consent_id] = min(at, self.revoked.get(record.consent_id, _INF))
        elif isinstance(record, Block):
            self.blocks[record.id] = record
        elif isinstance(record, HarmAssessment):
            self.assessments[record.id] = _Assessment(record, policy)
        elif record.evidence.is_complete:
            at = _ts(record.lifted_at)
            self.lifts[record.block_id] = min(at, self.lifts.get(record.block_id, _INF))

    def absorb(self, new: _SubjectRecords) -> None:
        """Add the records of ``new`` to these in place: only while no other thread can
        see this object, and it shares no dict with another (see :meth:`merged`)."""
        self.changed()
        self.consents.update(new.consents)
        self.blocks.update(new.blocks)
        self.assessments.update(new.assessments)
        _keep_earliest(self.revoked, new.revoked)
        _keep_earliest(self.lifts, new.lifts)

    def merged(self, new: _SubjectRecords) -> _SubjectRecords:
        """These records and those of ``new``, as a new object; this one is unchanged.
        The dicts ``new`` adds nothing to are shared, not copied (neither object
        changes after)."""
        out = _SubjectRecords()
        out.consents = {**self.consents, **new.consents} if new.consents else self.consents
        out.blocks = {**self.blocks, **new.blocks} if new.blocks else self.blocks
        out.assessments = (
            {**self.assessments, **new.assessments} if new.assessments else self.assessments
        )
        out.revoked = (
            _keep_earliest(dict(self.revoked), new.revoked) if new.revoked else self.revoked
        )
        out.lifts = _keep_earliest(dict(self.lifts), new.lifts) if new.lifts else self.lifts
        return out


def _keep_earliest(into: dict[str, float], new: dict[str, float]) -> dict[str, float]:
    """``into`` with each instant of ``new`` put in where it is earlier (a consent
    revoked twice is revoked from the first; a block lifted twice, from the first)."""
    for ident, at in new.items():
        into[ident] = min(at, into.get(ident, at))
    return into


def record_subject(record: ConsentRecord) -> Person:
    """The person a record is about."""
    return record.subject


def record_instant(record: ConsentRecord) -> pendulum.DateTime:
    """The instant a record takes effect."""
    if isinstance(record, Consent):
        return record.given_at
    if isinstance(record, Revocation):
        return record.revoked_at
    if isinstance(record, Block):
        return record.placed_at
    if isinstance(record, HarmAssessment):
        return record.assessed_at
    return record.lifted_at


# --- law changes and ages: when an answer may change ----------------------------------------


def _law_change_points() -> list[float]:
    points: set[float] = set()
    for rule in rules.RULES:
        for topic in rule.law:
            for ref in topic.refs:
                for day in (ref.in_force_from, ref.in_force_until):
                    if day is not None:
                        points.add(_start_of_day(day))
    for topic in (
        CONSENT_WAIVER_CHILD,
        HEALTH_SOCIAL_EXCHANGE_HEALTH,
        HEALTH_SOCIAL_EXCHANGE_SOCIAL,
    ):
        for ref in topic.refs:
            if ref.in_force_from is not None:
                points.add(_start_of_day(ref.in_force_from))
    return sorted(points)


_LAW_CHANGES = _law_change_points()


def _adult_at(person: Person) -> float | None:
    if person.birth_date is None:
        return None
    return _start_of_day(_birthday(person.birth_date, 18))


def _is_child(person: Person, t: float) -> bool:
    born = person.birth_date
    return born is not None and _start_of_day(born) <= t < _start_of_day(_birthday(born, 18))


# --- the decision -------------------------------------------------------------------------


class _Verdict:
    __slots__ = ("basis", "obligations", "outcome", "reasons")

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.basis: list[Basis] = []
        self.obligations: set[ObligationKind] = set()
        self.reasons: list[Finding] = []


def _finding(rule: Rule, path: str, on: date, /, **params: object) -> Finding:
    return rule.finding(path, on=on, **params)


def _basis(
    rule: Rule,
    subject: str,
    on: date,
    *,
    consent_id: str | None = None,
    provision: str | None = None,
    references: tuple[LegalRef, ...] | None = None,
    assessment_id: str | None = None,
) -> Basis:
    return Basis(
        code=rule.code,
        subject=subject,
        consent_id=consent_id,
        provision=provision,
        references=rule.references(on) if references is None else references,
        assessment_id=assessment_id,
    )


def _relying_id(q: _Question) -> str:
    recipient = q.recipient
    if (
        q.request.action is Action.ACCESS
        and recipient.kind is RecipientKind.ORGANISATION
        and recipient.organisation is not None
    ):
        return recipient.organisation.id
    return q.holder.id


def _instant_text(t: float) -> str:
    return pendulum.from_timestamp(t, tz=ZONE).isoformat()


def _period_text(compiled: _Compiled) -> Text:
    start = _instant_text(compiled.start)
    if math.isinf(compiled.until):
        return Text(sv=f"från {start} tills vidare", en=f"from {start} until revoked")
    end = _instant_text(compiled.until)
    return Text(sv=f"från {start} till {end}", en=f"from {start} to {end}")


def _subject_verdict(
    q: _Question,
    person: Person,
    records: _SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
) -> _Verdict:
    request = q.request
    subject = str(person)
    circumstances = q.circumstances
    recipient = q.recipient
    recipient_org = recipient.organisation if recipient.kind is RecipientKind.ORGANISATION else None
    crossing = recipient_org is None or recipient_org.id != q.holder.id
    emergency_ok = (
        Circumstance.EMERGENCY in circumstances
        and request.action is Action.ACCESS
        and request.purpose is Purpose.CARE_AND_TREATMENT
        and recipient_org is not None
        and recipient_org.sector is Sector.HEALTH_CARE
    )

    # A block (spärr) on what the holder keeps.
    if records is not None and crossing and request.action is not Action.COLLECT:
        blocked = _block_verdict(q, subject, records, t, on, emergency_ok=emergency_ok)
        if blocked is not None:
            if blocked.outcome is Outcome.DENY:
                by = Text(sv="spärren", en="the block")
                blocked.reasons.extend(_overridden(q, subject, records, t, on, by))
            return blocked

    reasons: list[Finding] = []

    # OSL 25:12 / 26:9: health care <-> social services for certain groups.
    exchange = _care_exchange(q, person, t, on)
    if exchange is not None:
        group, references = exchange
        verdict = _Verdict(Outcome.PERMIT)
        verdict.basis.append(_basis(rules.CARE_EXCHANGE, subject, on, references=references))
        verdict.reasons.append(
            _finding(rules.CARE_EXCHANGE, "$.subject", on, subject=subject, group=group)
        )
        return verdict

    # Consents.
    decided = _consents_decide(q, subject, records, t, on, policy, reasons)
    if decided is not None:
        return decided

    # Menprövning: the holder documented that it is clear no harm results.
    permits, assessment_reasons = _assessments_verdict(q, subject, records, t, on)
    if permits:
        verdict = _Verdict(Outcome.PERMIT)
        verdict.basis.extend(permits)
        verdict.reasons.extend(assessment_reasons)
        verdict.reasons.extend(reasons)
        return verdict
    reasons.extend(assessment_reasons)

    # Patientlagen 3:4: the patient cannot take in the information.
    if Circumstance.PATIENT_CANNOT_TAKE_IN in circumstances:
        why = _cannot_take_in_fails(q)
        if why is None:
            verdict = _Verdict(Outcome.PERMIT)
            verdict.basis.append(_basis(rules.PATIENT_CANNOT_TAKE_IN_BASIS, subject, on))
            verdict.reasons.append(
                _finding(rules.PATIENT_CANNOT_TAKE_IN_BASIS, "$.circumstances", on, subject=subject)
            )
            verdict.reasons.extend(reasons)
            return verdict
        reasons.append(
            _finding(
                rules.BASIS_NOT_MET,
                "$.circumstances",
                on,
                basis=Text(sv="Patientlagen 3 kap. 4 §", en="Patientlagen ch. 3 s. 4"),
                why=why,
            )
        )

    if emergency_ok:
        verdict = _Verdict(Outcome.PERMIT)
        verdict.basis.append(_basis(rules.EMERGENCY, subject, on))
        verdict.obligations.add(ObligationKind.RECORD_EMERGENCY)
        verdict.reasons.append(
            _finding(rules.EMERGENCY, "$.circumstances", on, subject=subject, broken="")
        )
        verdict.reasons.extend(reasons)
        return verdict

    verdict = _Verdict(Outcome.NOT_APPLICABLE)
    topic = (
        SECRECY_HEALTH_CARE
        if request.category.root is InfoCategory.HEALTH_CARE
        else SECRECY_SOCIAL_SERVICES
    )
    verdict.basis.append(_basis(rules.NO_BASIS, subject, on, references=topic.cite_all(on)))
    verdict.reasons.append(_finding(rules.NO_BASIS, "$", on, subject=subject))
    verdict.reasons.extend(reasons)
    return verdict


def _consents_decide(
    q: _Question,
    subject: str,
    records: _SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
    reasons: list[Finding],
) -> _Verdict | None:
    """The verdict of the valid, applicable consents combined by the policy, or ``None``
    when none applies (the reasons the others do not count go to ``reasons``)."""
    permits, denies, applicable_reasons = _consents_verdict(
        q, subject, records, t, on, policy, reasons
    )
    if permits or denies:
        deny_wins = policy.combining is Combining.DENY_OVERRIDES
        if permits and denies:
            reasons.append(
                _finding(
                    rules.CONFLICT,
                    "consents",
                    on,
                    subject=subject,
                    rule=policy.combining.text,
                )
            )
        if denies and (deny_wins or not permits):
            verdict = _Verdict(Outcome.DENY)
            verdict.basis.extend(denies)
            verdict.reasons.extend(r for r in applicable_reasons if r.code == rules.DENY.code)
            ids = ", ".join(b.consent_id for b in denies if b.consent_id is not None)
            by = Text(sv=f"nekandet i samtycke {ids}", en=f"the denial in consent {ids}")
            verdict.reasons.extend(_overridden(q, subject, records, t, on, by))
        else:
            verdict = _Verdict(Outcome.PERMIT)
            verdict.basis.extend(permits)
            verdict.reasons.extend(r for r in applicable_reasons if r.code == rules.PERMIT.code)
        verdict.reasons.extend(reasons)
        return verdict
    return None


def _secrecy_topic(sector: Sector) -> tuple[LawTopic, ...]:
    """The secrecy provision whose harm test the holder's assessment answers."""
    if sector is Sector.HEALTH_CARE:
        return (SECRECY_HEALTH_CARE,)
    if sector is Sector.SOCIAL_SERVICES:
        return (SECRECY_SOCIAL_SERVICES,)
    return ()


def _cited(rule: Rule, path: str, on: date, sector: Sector, /, **params: object) -> Finding:
    """A finding of ``rule`` citing only the holder's secrecy chapter (25 or 26)."""
    found = _finding(rule, path, on, **params)
    topics = _secrecy_topic(sector)
    if not topics:
        return found
    return attrs.evolve(found, references=tuple(r for tp in topics for r in tp.cite_all(on)))


def _assessments_verdict(
    q: _Question,
    subject: str,
    records: _SubjectRecords | None,
    t: float,
    on: date,
) -> tuple[list[Basis], list[Finding]]:
    """The bases of the harm assessments that let the information go, and the reasons
    the others that are about this disclosure do not, in id order."""
    permits: list[Basis] = []
    reasons: list[Finding] = []
    if records is None or not records.assessments:
        return permits, reasons
    holder = q.holder
    objects = Circumstance.SIGNS_OF_OBJECTION in q.circumstances
    for assessment_id in sorted(records.assessments):
        compiled = records.assessments[assessment_id]
        if compiled.start > t or not compiled.covers(q):
            continue  # made later ("as of" t it does not exist), or about another disclosure
        assessment = compiled.assessment
        path = f"assessments[{assessment_id}]"
        why: Text | None = None
        if assessment.holder.id != holder.id:
            why = Text(
                sv=f"den gjordes av {assessment.holder}, inte av {holder}, som har uppgifterna",
                en=f"it was made by {assessment.holder}, not by {holder}, which holds the "
                "information",
            )
        elif not _secrecy_topic(holder.sector):
            why = Text(
                sv=f"{holder} lyder inte under sekretessen i OSL 25 kap. 1 § eller 26 kap. 1 §",
                en=f"{holder} is not bound by the secrecy of OSL ch. 25 s. 1 or ch. 26 s. 1",
            )
        elif t >= compiled.until:
            start, until = _instant_text(compiled.start), _instant_text(compiled.until)
            why = Text(
                sv=f"den gäller från {start} till {until}, inte vid tidpunkten",
                en=f"it holds from {start} to {until}, not at that instant",
            )
        if why is not None:
            reasons.append(
                _cited(
                    rules.HARM_ASSESSMENT_NOT_COUNTED,
                    path,
                    on,
                    holder.sector,
                    assessment=assessment_id,
                    why=why,
                )
            )
            continue
        if assessment.conclusion is HarmConclusion.HARM_POSSIBLE:
            reasons.append(
                _cited(
                    rules.HARM_POSSIBLE,
                    path,
                    on,
                    holder.sector,
                    assessment=assessment_id,
                    holder=str(holder),
                    subject=subject,
                )
            )
            continue
        if objects:
            by = Text(
                sv="tecken på att den enskilde skulle motsätta sig",
                en="signs that the person would object",
            )
            reasons.append(
                _cited(
                    rules.HARM_ASSESSMENT_OVERRIDDEN,
                    path,
                    on,
                    holder.sector,
                    assessment=assessment_id,
                    by=by,
                )
            )
            continue
        references = tuple(r for tp in _secrecy_topic(holder.sector) for r in tp.cite_all(on))
        permits.append(
            _basis(
                rules.HARM_ASSESSMENT,
                subject,
                on,
                references=references,
                assessment_id=assessment_id,
            )
        )
        reasons.append(
            _cited(
                rules.HARM_ASSESSMENT,
                path,
                on,
                holder.sector,
                assessment=assessment_id,
                holder=str(holder),
                subject=subject,
            )
        )
    return permits, reasons


def _overridden(
    q: _Question,
    subject: str,
    records: _SubjectRecords | None,
    t: float,
    on: date,
    by: Text,
) -> list[Finding]:
    """For each assessment that would have let the information go: that ``by`` beats it."""
    permits, _ = _assessments_verdict(q, subject, records, t, on)
    return [
        _cited(
            rules.HARM_ASSESSMENT_OVERRIDDEN,
            f"assessments[{basis.assessment_id}]",
            on,
            q.holder.sector,
            assessment=basis.assessment_id,
            by=by,
        )
        for basis in permits
    ]


def _block_verdict(
    q: _Question,
    subject: str,
    records: _SubjectRecords,
    t: float,
    on: date,
    *,
    emergency_ok: bool,
) -> _Verdict | None:
    """DENY if a block in force covers the request (PERMIT if an emergency breaks it)."""
    request = q.request
    for block_id in sorted(records.blocks):
        block = records.blocks[block_id]
        if block.holder.id != q.holder.id or _ts(block.placed_at) > t:
            continue
        if records.lifts.get(block_id, _INF) <= t:
            continue
        if block.categories and not any(c.covers(request.category) for c in block.categories):
            continue
        if emergency_ok:
            verdict = _Verdict(Outcome.PERMIT)
            verdict.basis.append(_basis(rules.EMERGENCY, subject, on))
            verdict.obligations.add(ObligationKind.RECORD_EMERGENCY)
            broken = Text(sv=f" (spärr {block_id} bryts)", en=f" (block {block_id} is broken)")
            verdict.reasons.append(
                _finding(rules.EMERGENCY, f"blocks[{block_id}]", on, subject=subject, broken=broken)
            )
            return verdict
        verdict = _Verdict(Outcome.DENY)
        verdict.basis.append(_basis(rules.BLOCKED, subject, on))
        verdict.reasons.append(
            _finding(
                rules.BLOCKED,
                f"blocks[{block_id}]",
                on,
                subject=subject,
                holder=str(block.holder),
                block=block_id,
            )
        )
        return verdict
    return None


def _consents_verdict(
    q: _Question,
    subject: str,
    records: _SubjectRecords | None,
    t: float,
    on: date,
    policy: DecisionPolicy,
    reasons: list[Finding],
) -> tuple[list[Basis], list[Basis], list[Finding]]:
    """The permit and deny bases of the valid, applicable consents; the reasons the
    others do not count are appended to ``reasons``."""
    relying = _relying_id(q)
    permits: list[Basis] = []
    denies: list[Basis] = []
    applicable_reasons: list[Finding] = []
    if records is not None:
        for compiled in records.consents_for(q.recipient_keys):
            if compiled.given > t:
                continue  # given later: "as of" t it does not exist
            result = compiled.root.decide(q)
            if result is None:
                continue
            consent = compiled.consent
            path = f"consents[{compiled.id}]"
            if not compiled.start <= t < compiled.until:
                reasons.append(
                    _finding(
                        rules.NOT_IN_FORCE,
                        path,
                        on,
                        consent=compiled.id,
                        period=_period_text(compiled),
                    )
                )
                continue
            revoked = records.revoked.get(compiled.id, _INF)
            if revoked <= t:
                reasons.append(
                    _finding(
                        rules.REVOKED, path, on, consent=compiled.id, revoked=_instant_text(revoked)
                    )
                )
                continue
            if compiled.relying_id != relying:
                reasons.append(
                    _finding(
                        rules.OTHER_AUTHORITY,
                        path,
                        on,
                        consent=compiled.id,
                        obtained_by=str(consent.obtained_by),
                        relying=relying,
                    )
                )
                continue
            invalid = _invalid_at(compiled, t, policy)
            if invalid is not None:
                rule, params = invalid
                reasons.append(_finding(rule, path, on, consent=compiled.id, **params))
                continue
            permit, where = result
            rule = rules.PERMIT if permit else rules.DENY
            references = rule.references(on)
            if consent.grantor.capacity is GrantorCapacity.CUSTODIAN:
                references = (*references, *CONSENT_WAIVER_CHILD.cite_all(on))
            basis = _basis(
                rule, subject, on, consent_id=compiled.id, provision=where, references=references
            )
            (permits if permit else denies).append(basis)
            applicable_reasons.append(
                _finding(
                    rule,
                    f"{path}.{where}",
                    on,
                    consent=compiled.id,
                    where=where,
                    grantor=str(consent.grantor.person),
                )
            )
    return permits, denies, applicable_reasons


def _invalid_at(
    compiled: _Compiled, t: float, policy: DecisionPolicy
) -> tuple[Rule, dict[str, object]] | None:
    if compiled.invalid is not None:
        return compiled.invalid
    if compiled.documented_at > t:
        return (
            rules.UNDOCUMENTED,
            {
                "why": Text(
                    sv="det dokumenterades först senare",
                    en="it was only documented later",
                )
            },
        )
    if compiled.adult_at is not None and t >= compiled.adult_at:
        return (
            rules.NO_AUTHORITY,
            {
                "why": Text(
                    sv="den enskilde har fyllt 18 år; vårdnadshavaren kan inte längre samtycka",
                    en="the person has turned 18; the custodian can no longer consent",
                )
            },
        )
    if compiled.mature_at is not None and t >= compiled.mature_at:
        return (rules.CHILD_OBJECTS, {"age": policy.child_decides_from_age})
    return None


def _care_exchange(
    q: _Question, person: Person, t: float, on: date
) -> tuple[Text, tuple[LegalRef, ...]] | None:
    request = q.request
    if request.action is not Action.DISCLOSE or Circumstance.NECESSARY_CARE not in q.circumstances:
        return None
    recipient = q.recipient
    org = recipient.organisation if recipient.kind is RecipientKind.ORGANISATION else None
    if org is None:
        return None
    holder = q.holder.sector
    pairs = {
        (Sector.HEALTH_CARE, Sector.SOCIAL_SERVICES, InfoCategory.HEALTH_CARE): (
            HEALTH_SOCIAL_EXCHANGE_HEALTH
        ),
        (Sector.SOCIAL_SERVICES, Sector.HEALTH_CARE, InfoCategory.SOCIAL_SERVICES): (
            HEALTH_SOCIAL_EXCHANGE_SOCIAL
        ),
    }
    topic = pairs.get((holder, org.sector, request.category.root))
    if topic is None:
        return None
    groups_sv: list[str] = []
    groups_en: list[str] = []
    if _is_child(person, t):
        groups_sv.append("under 18 år")
        groups_en.append("under 18")
    if Circumstance.CONTINUOUS_SUBSTANCE_MISUSE in q.circumstances:
        groups_sv.append("fortgående missbruk")
        groups_en.append("continuous substance misuse")
    if Circumstance.COMPULSORY_CARE in q.circumstances:
        groups_sv.append("vård enligt LPT, LRV, LVM eller LVU")
        groups_en.append("compulsory care")
    if not groups_sv:
        return None
    return Text(sv=", ".join(groups_sv), en=", ".join(groups_en)), topic.cite_all(on)


def _cannot_take_in_fails(q: _Question) -> Text | None:
    request = q.request
    if Circumstance.SIGNS_OF_OBJECTION in q.circumstances:
        return Text(
            sv="det finns tecken på att patienten skulle motsätta sig",
            en="there are signs the patient would object",
        )
    recipient = q.recipient
    if not (
        request.action is Action.DISCLOSE
        and request.category.root is InfoCategory.HEALTH_CARE
        and q.holder.sector is Sector.HEALTH_CARE
        and recipient.kind is RecipientKind.PERSON
        and recipient.role is RecipientRole.RELATIVE
    ):
        return Text(
            sv="det gäller bara hälso- och sjukvårdens information till en närstående person",
            en="it only covers health care information given to a relative",
        )
    return None


def _report_of_concern_fails(q: _Question, t: float) -> Text | None:
    request = q.request
    org = q.recipient.organisation if q.recipient.kind is RecipientKind.ORGANISATION else None
    if request.action is not Action.DISCLOSE or request.purpose is not Purpose.CHILD_PROTECTION:
        return Text(
            sv="det gäller bara utlämnande med ändamålet skydd av barn",
            en="it only covers disclosure for the purpose of child protection",
        )
    if (
        org is None
        or org.principal is not Principal.MUNICIPALITY
        or org.sector is not Sector.SOCIAL_SERVICES
    ):
        return Text(
            sv="mottagaren måste vara socialnämnden",
            en="the recipient must be the social welfare committee",
        )
    if not any(_is_child(p, t) for p in request.subjects):
        return Text(
            sv="ingen av personerna är ett barn vid tidpunkten",
            en="none of the people is a child at that instant",
        )
    return None


def _recipient_text(request: DisclosureRequest) -> Text:
    return Text(sv=request.recipient.describe("sv"), en=request.recipient.describe("en"))


def _decide(
    q: _Question,
    t: float,
    by_subject: Mapping[str, _SubjectRecords],
    policy: DecisionPolicy,
) -> Decision:
    request = q.request
    # The local date, as pendulum.from_timestamp(t, tz=ZONE).date() gives it, but
    # without building a pendulum DateTime (ZONE is a zoneinfo.ZoneInfo).
    on = datetime.fromtimestamp(t, ZONE).date()

    if request.action is Action.COLLECT:
        return Decision(
            outcome=Outcome.PERMIT,
            basis=(_basis(rules.LISTENING, str(request.subject), on),),
            obligations=(Obligation.of(ObligationKind.DOCUMENT_WHAT_WAS_SAID),),
            reasons=(
                _finding(rules.LISTENING, "$.action", on, recipient=_recipient_text(request)),
            ),
        )

    leading: list[Finding] = []
    if Circumstance.REPORT_OF_CONCERN in q.circumstances:
        why = _report_of_concern_fails(q, t)
        if why is None:
            return Decision(
                outcome=Outcome.PERMIT,
                basis=(_basis(rules.REPORT_OF_CONCERN_BASIS, str(request.subject), on),),
                obligations=(
                    Obligation.of(ObligationKind.DOCUMENT_DISCLOSURE),
                    Obligation.of(ObligationKind.REPORT_AT_ONCE),
                ),
                reasons=(_finding(rules.REPORT_OF_CONCERN_BASIS, "$.circumstances", on),),
            )
        leading.append(
            _finding(
                rules.BASIS_NOT_MET,
                "$.circumstances",
                on,
                basis=Text(sv="Orosanmälan", en="A report of concern"),
                why=why,
            )
        )

    if (
        Circumstance.RECIPIENT_DECLINES in q.circumstances
        and request.recipient.kind is RecipientKind.PERSON
    ):
        return Decision(
            outcome=Outcome.DENY,
            basis=(_basis(rules.RECIPIENT_DECLINES, str(request.subject), on),),
            reasons=(
                *leading,
                _finding(
                    rules.RECIPIENT_DECLINES, "$.recipient", on, recipient=_recipient_text(request)
                ),
            ),
        )

    verdicts: list[tuple[Person, _Verdict]] = []
    seen: set[str] = set()
    for person in request.subjects:
        key = person_key(person)
        if key in seen:
            continue
        seen.add(key)
        verdicts.append((person, _subject_verdict(q, person, by_subject.get(key), t, on, policy)))
    outcomes = [v.outcome for _, v in verdicts]
    if Outcome.DENY in outcomes:
        outcome = Outcome.DENY
    elif Outcome.NOT_APPLICABLE in outcomes:
        outcome = Outcome.NOT_APPLICABLE
    else:
        outcome = Outcome.PERMIT
    basis: list[Basis] = []
    obligations: set[ObligationKind] = set()
    reasons = list(leading)
    for person, verdict in verdicts:
        basis.extend(verdict.basis)
        obligations |= verdict.obligations
        reasons.extend(verdict.reasons)
        if len(verdicts) > 1 and verdict.outcome is Outcome.NOT_APPLICABLE:
            reasons.append(_finding(rules.EACH_PERSON, "$.also_about", on, subject=str(person)))
    if outcome is Outcome.PERMIT:
        obligations.add(ObligationKind.DOCUMENT_DISCLOSURE)
    else:
        obligations.clear()
    return Decision(
        outcome=outcome,
        basis=tuple(basis),
        obligations=tuple(
            Obligation.of(kind) for kind in sorted(obligations, key=_OBLIGATION_ORDER.__getitem__)
        ),
        reasons=tuple(reasons),
    )


def circumstances_from(relationship: Relationship, *, on: date) -> frozenset[Circumstance]:
    """What a recorded relationship says about a request to inform its carer.

    ``{RECIPIENT_DECLINES}`` when the carer's involvement in force on ``on`` says they
    do not want information (the anhörigperspektiv keeps a relative informed only if
    they want to take part); otherwise nothing.
    """
    current = relationship.involvement_on(on)
    if current is not None and not current.wants_information:
        return frozenset({Circumstance.RECIPIENT_DECLINES})
    return frozenset()


def _check_request(request: object) -> DisclosureRequest:
    if not isinstance(request, DisclosureRequest):
        raise InvalidInput.at(
            "request",
            sv=f"väntade DisclosureRequest, fick {type(request).__name__}",
            en=f"expected DisclosureRequest, got {type(request).__name__}",
        )
    return request


_ID_CLASH = {
    Consent: Text(sv="samtycken", en="consents"),
    HarmAssessment: Text(sv="menprövningar", en="harm assessments"),
}
"""What two records of a kind that share an id are called, when they differ."""


def compile_records(
    records: Iterable[object], policy: DecisionPolicy, *, shared: bool = True
) -> dict[str, _SubjectRecords]:
    """Index ``records`` by person; ``InvalidInput`` names every bad or clashing record.

    ``shared`` reuses compiled consents between calls (for ``evaluate``); a registry,
    which compiles each consent once, does without."""
    by_subject: dict[str, _SubjectRecords] = {}
    problems: list[InvalidInput] = []
    seen: dict[tuple[type, str], Consent | HarmAssessment] = {}
    records_list = list(records)
    for index, record in enumerate(records_list):
        if not isinstance(record, Consent | Revocation | Block | BlockLift | HarmAssessment):
            problems.append(
                InvalidInput.at(
                    f"consents[{index}]",
                    sv="väntade Consent, Revocation, Block, BlockLift eller HarmAssessment, "
                    f"fick {type(record).__name__}",
                    en="expected Consent, Revocation, Block, BlockLift or HarmAssessment, "
                    f"got {type(record).__name__}",
                )
            )
            continue
        if isinstance(record, Consent | HarmAssessment):
            other = seen.setdefault((type(record), record.id), record)
            if other is not record and other != record:
                words = _ID_CLASH[type(record)]
                problems.append(
                    InvalidInput.at(
                        f"consents[{index}].id",
                        sv=f"två olika {words.sv} har id {record.id!r}",
                        en=f"two different {words.en} have id {record.id!r}",
                    )
                )
                continue
        key = person_key(record.subject)
        by_subject.setdefault(key, _SubjectRecords()).add(record, policy, shared=shared)
    for index, record in enumerate(records_list):
        if isinstance(record, Revocation):
            revoked = seen.get((Consent, record.consent_id))
            if revoked is not None and person_key(revoked.subject) != person_key(record.subject):
                problems.append(
                    InvalidInput.at(
                        f"consents[{index}].subject",
                        sv=f"återkallelsen gäller en annan person än samtycke {record.consent_id!r}",
                        en=f"the revocation is about someone else than consent {record.consent_id!r}",
                    )
                )
    if problems:
        raise InvalidInput(p for err in problems for p in err.problems)
    return by_subject


def evaluate(
    request: DisclosureRequest,
    consents: Iterable[ConsentRecord],
    *,
    policy: DecisionPolicy | None = None,
) -> Decision:
    """Decide ``request`` from ``consents`` (consents, revocations, blocks, lifts and
    harm assessments).

    Deny by default: without a basis the outcome is ``NOT_APPLICABLE``. The order of
    ``consents`` never changes the answer.
    """
    request = _check_request(request)
    chosen = policy if policy is not None else DecisionPolicy()
    by_subject = compile_records(consents, chosen)
    return _decide(_Question(request), _ts(request.at), by_subject, chosen)


# --- timelines: the same decisions, memoised between the instants where they can change ----


class Timeline:
    """The decisions for one question (a request without its instant) over time, on
    fixed records.

    The answer can only change at the instants in ``breaks`` (validity starts and
    ends, documentation, revocations, blocks, birthdays, law changes); between two
    of them it is computed once, on first use, and then reused. ``records`` are the
    compiled records of the question's people it answers from (never changed after,
    see :class:`_SubjectRecords`), ``policy`` the decision policy. ``ordered`` says
    ``points`` is sorted and distinct already; it is then kept, not copied.

    Threads may share a timeline: two first asks in one segment compute equal
    decisions, and either may stay.
    """

    __slots__ = ("breaks", "decisions", "policy", "question", "records")

    def __init__(
        self,
        question: _Question,
        points: Iterable[float],
        records: Mapping[str, _SubjectRecords],
        policy: DecisionPolicy,
        *,
        ordered: bool = False,
    ) -> None:
        self.question = question
        self.records = records
        self.policy = policy
        self.breaks: list[float] = (
            points if ordered and isinstance(points, list) else sorted(set(points))
        )
        # By segment, filled on first use: a question asked at one instant costs
        # one decision, not one for every segment.
        self.decisions: dict[int, Decision] = {}

    def decide(self, t: float) -> Decision:
        index = bisect_right(self.breaks, t)
        found = self.decisions.get(index)
        if found is None:
            found = _decide(self.question, t, self.records, self.policy)
            self.decisions[index] = found
        return found


_LAW_BREAKS = sorted(set(_LAW_CHANGES))
"""The change points of a person without records, shared."""


def _person_points(person: Person) -> tuple[float, ...]:
    """When ``person`` is born and comes of age (an answer can change at both)."""
    adult = _adult_at(person)
    if adult is None or person.birth_date is None:
        return ()
    return (adult, _start_of_day(person.birth_date))


def timeline_for(
    request: DisclosureRequest,
    by_subject: Mapping[str, _SubjectRecords],
    policy: DecisionPolicy,
) -> Timeline:
    """A fresh :class:`Timeline` for ``request``'s question over ``by_subject``.

    Only the request's subjects' records are read, each once; the timeline keeps them
    (:attr:`Timeline.records`), so it answers from them whatever is added later. For
    one subject the sorted change points the records keep are reused, with the
    person's birth and majority put in (a copy only when they are not there already),
    so a first ask does not sort.
    """
    subjects = request.subjects
    if len(subjects) == 1:
        (person,) = subjects
        key = person_key(person)
        records = by_subject.get(key)
        breaks = records.breaks() if records is not None else _LAW_BREAKS
        copied = False
        for point in _person_points(person):
            index = bisect_left(breaks, point)
            if index < len(breaks) and breaks[index] == point:
                continue
            if not copied:
                breaks, copied = list(breaks), True
            breaks.insert(index, point)
        kept = {} if records is None else {key: records}
        return Timeline(_Question(request), breaks, kept, policy, ordered=True)
    points: list[float] = list(_LAW_CHANGES)
    kept = {}
    for person in subjects:
        key = person_key(person)
        records = by_subject.get(key)
        if records is not None:
            kept[key] = records
            points.extend(records.breakpoints())
        points.extend(_person_points(person))
    return Timeline(_Question(request), points, kept, policy)
