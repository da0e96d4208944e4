"""Strategies for the consent area: consents valid by construction, records, requests,
decisions, and consents that break one named rule on purpose.

Everything is drawn from small pools by default (a handful of people, organisations
and recipients, instants within 2025–2027) so that requests and consents meet often
enough for properties about decisions to bite.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.consent.audit import AuditRecord
from anhorig.consent.engine import (
    Basis,
    Combining,
    Decision,
    DecisionPolicy,
    Obligation,
    ObligationKind,
    evaluate,
)
from anhorig.consent.model import (
    Action,
    Block,
    BlockLift,
    ChildOpinion,
    ChildView,
    Circumstance,
    Consent,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    HarmAssessment,
    HarmConclusion,
    InfoCategory,
    Organisation,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientRole,
    Revocation,
    person_key,
)
from anhorig.people import Person
from anhorig.testing.strategies._core import (
    ORGANISATION_POOL,
    instants,
    organisations,
    people,
    periods,
    principals,
)
from anhorig.time import ZONE, as_instant

BREAKABLE_RULES = (
    "CONSENT-NO-AUTHORITY",
    "CONSENT-UNDOCUMENTED",
    "CONSENT-CHILD-VIEW-MISSING",
)
"""The rule codes :func:`consents_breaking` can break."""

_START = date(2025, 1, 1)
_END = date(2027, 12, 31)


def consent_instants() -> st.SearchStrategy[pendulum.DateTime]:
    """Instants in 2025–2027 (often near a DST change); shrinks towards 2025-01-01."""
    return instants(min_value=_START, max_value=_END)


def _person_pool() -> st.SearchStrategy[Person]:
    return people(min_birth=date(1930, 1, 1), max_birth=date(2020, 12, 31))


def subject_pools(*, min_size: int = 1, max_size: int = 4) -> st.SearchStrategy[tuple[Person, ...]]:
    """Small pools of distinct synthetic people for consents and requests to share."""
    if min_size < 1 or max_size < min_size:
        raise InvalidArgument(f"need 1 <= min_size <= max_size, got {min_size}, {max_size}")
    return st.lists(
        people(min_birth=date(1930, 1, 1), max_birth=date(2020, 12, 31), with_id=True),
        min_size=min_size,
        max_size=max_size,
        unique_by=lambda p: p.id.value if p.id is not None else p.name,
    ).map(tuple)


def recipients(
    *,
    people_: st.SearchStrategy[Person] | None = None,
    organisations_: st.SearchStrategy[Organisation] | None = None,
    concrete: bool = False,
) -> st.SearchStrategy[Recipient]:
    """Recipients: a person (with a role or not), an organisation, and unless
    ``concrete`` any organisation of a principal or anyone with a role. Shrinks
    towards an organisation."""
    persons = people_ if people_ is not None else _person_pool()
    orgs = organisations_ if organisations_ is not None else organisations()
    options = [
        orgs.map(Recipient.of_organisation),
        st.builds(
            Recipient.of_person,
            persons,
            role=st.none() | st.sampled_from(RecipientRole),
        ),
    ]
    if not concrete:
        options.append(principals().map(Recipient.any_of_principal))
        options.append(st.sampled_from(RecipientRole).map(Recipient.any_with_role))
    return st.one_of(options)


@st.composite
def provisions(
    draw: st.DrawFn,
    *,
    decision: ProvisionType | None = None,
    recipients_: st.SearchStrategy[Recipient] | None = None,
    max_depth: int = 2,
    max_exceptions: int = 2,
) -> Provision:
    """Provision trees whose exceptions alternate permit/deny; scope fields often
    empty (any). Shrinks towards an unscoped permit without exceptions."""
    if max_depth < 0 or max_exceptions < 0:
        raise InvalidArgument("max_depth and max_exceptions must be >= 0")
    kind = decision if decision is not None else draw(st.sampled_from(ProvisionType))
    who = recipients_ if recipients_ is not None else recipients()
    data_period = draw(st.none() | periods(max_days=400)) if draw(st.integers(0, 4)) == 0 else None
    exceptions: tuple[Provision, ...] = ()
    if max_depth > 0:
        exceptions = tuple(
            draw(
                st.lists(
                    provisions(
                        decision=kind.opposite,
                        recipients_=who,
                        max_depth=max_depth - 1,
                        max_exceptions=max_exceptions,
                    ),
                    max_size=max_exceptions,
                )
            )
        )
    return Provision(
        decision=kind,
        actions=draw(st.frozensets(st.sampled_from((Action.DISCLOSE, Action.ACCESS)), max_size=2)),
        categories=draw(st.frozensets(st.sampled_from(InfoCategory), max_size=2)),
        recipients=draw(st.frozensets(who, max_size=2)),
        purposes=draw(st.frozensets(st.sampled_from(Purpose), max_size=2)),
        data_period=data_period,
        exceptions=exceptions,
    )


@st.composite
def evidences(draw: st.DrawFn, *, at: pendulum.DateTime | None = None) -> Evidence:
    """Complete evidence (who documented it, and when: at ``at`` or within an hour
    after). Shrinks towards oral consent documented at once."""
    when = at if at is not None else draw(consent_instants())
    return Evidence(
        form=draw(st.sampled_from(EvidenceForm)),
        documented_by=draw(st.sampled_from(("hsa-17", "hsa-4711", "handlaggare-3"))),
        documented_at=when.add(minutes=draw(st.integers(0, 60))),
        document_ref=draw(st.sampled_from(("", "journal-2026-118"))),
    )


@st.composite
def consents(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[Person] | None = None,
    organisations_: st.SearchStrategy[Organisation] | None = None,
    recipients_: st.SearchStrategy[Recipient] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    provisions_: st.SearchStrategy[Provision] | None = None,
) -> Consent:
    """Valid consents: given by the person themselves, or by a custodian for a child
    under 15 with the child's view recorded (not an objection); documented; valid
    from when given, for a while or until revoked. Shrinks towards an adult's own
    permanent unscoped permit."""
    subject = draw(subjects if subjects is not None else _person_pool())
    given = draw(consent_instants())
    grantor = Grantor(person=subject, capacity=GrantorCapacity.SELF)
    if subject.birth_date is not None:
        fifteen = subject.birth_date + timedelta(days=15 * 365)
        if subject.birth_date <= given.date() < fifteen and draw(st.booleans()):
            grantor = Grantor(
                person=draw(people(min_birth=date(1950, 1, 1), max_birth=date(1995, 12, 31))),
                capacity=GrantorCapacity.CUSTODIAN,
                child_view=ChildView(
                    opinion=draw(
                        st.sampled_from(
                            (ChildOpinion.AGREES, ChildOpinion.NEUTRAL, ChildOpinion.UNABLE)
                        )
                    ),
                    recorded_at=given,
                ),
            )
    who = recipients_ if recipients_ is not None else recipients()
    until = None
    if draw(st.booleans()):
        # On a later local day (a day can have 25 hours), so in force all the day given.
        day = given.date() + timedelta(days=draw(st.integers(1, 500)))
        hour = draw(st.integers(0, 23))
        until = as_instant(pendulum.datetime(day.year, day.month, day.day, hour, tz=ZONE))
    return Consent(
        id=draw(ids if ids is not None else st.from_regex(r"c-[0-9a-f]{1,6}", fullmatch=True)),
        subject=subject,
        grantor=grantor,
        obtained_by=draw(organisations_ if organisations_ is not None else organisations()),
        given_at=given,
        evidence=draw(evidences(at=given)),
        provision=draw(provisions_ if provisions_ is not None else provisions(recipients_=who)),
        valid_from=given,
        valid_until=until,
    )


@st.composite
def consents_breaking(
    draw: st.DrawFn, code: str, *, subjects: st.SearchStrategy[Person] | None = None
) -> Consent:
    """Consents that break exactly the rule ``code`` (one of :data:`BREAKABLE_RULES`)
    and are otherwise valid."""
    if code not in BREAKABLE_RULES:
        raise InvalidArgument(f"code={code!r} is not one of {BREAKABLE_RULES}")
    base = draw(consents(subjects=subjects))
    if code == "CONSENT-NO-AUTHORITY":
        capacity = draw(
            st.sampled_from(
                (
                    GrantorCapacity.GOD_MAN,
                    GrantorCapacity.FORVALTARE,
                    GrantorCapacity.POWER_OF_ATTORNEY,
                    GrantorCapacity.RELATIVE,
                    GrantorCapacity.NEIGHBOUR,
                    GrantorCapacity.OTHER,
                )
            )
        )
        other = draw(people(min_birth=date(1940, 1, 1), max_birth=date(1990, 12, 31)))
        return _evolve(base, grantor=Grantor(person=other, capacity=capacity))
    if code == "CONSENT-UNDOCUMENTED":
        evidence = draw(
            st.one_of(
                st.none(),
                st.builds(Evidence, form=st.sampled_from(EvidenceForm)),
                st.builds(
                    Evidence,
                    form=st.just(EvidenceForm.ORAL),
                    documented_by=st.just("hsa-17"),
                ),
            )
        )
        adult_self = Grantor(person=base.subject, capacity=GrantorCapacity.SELF)
        return _evolve(base, evidence=evidence, grantor=adult_self)
    # CONSENT-CHILD-VIEW-MISSING: a custodian's consent for a child without the child's view.
    child = draw(people(min_birth=date(2012, 1, 1), max_birth=date(2020, 12, 31), with_id=True))
    custodian = draw(people(min_birth=date(1960, 1, 1), max_birth=date(1995, 12, 31)))
    return _evolve(
        base,
        subject=child,
        grantor=Grantor(person=custodian, capacity=GrantorCapacity.CUSTODIAN),
    )


def _evolve(consent: Consent, **changes: Any) -> Consent:
    fields: dict[str, Any] = {
        "id": consent.id,
        "subject": consent.subject,
        "grantor": consent.grantor,
        "obtained_by": consent.obtained_by,
        "given_at": consent.given_at,
        "evidence": consent.evidence,
        "provision": consent.provision,
        "valid_from": consent.valid_from,
        "valid_until": consent.valid_until,
    }
    fields.update(changes)
    return Consent(**fields)


@st.composite
def revocations(draw: st.DrawFn, *, of: st.SearchStrategy[Consent] | None = None) -> Revocation:
    """Revocations of a drawn consent, effective at or after it was given."""
    consent = draw(of if of is not None else consents())
    return Revocation(
        consent_id=consent.id,
        subject=consent.subject,
        revoked_at=consent.given_at.add(hours=draw(st.integers(0, 24 * 400))),
    )


@st.composite
def blocks(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[Person] | None = None,
    organisations_: st.SearchStrategy[Organisation] | None = None,
) -> Block:
    """Blocks (spärr) on what an organisation holds, on every or some categories."""
    return Block(
        id=draw(st.from_regex(r"b-[0-9a-f]{1,4}", fullmatch=True)),
        subject=draw(subjects if subjects is not None else _person_pool()),
        holder=draw(organisations_ if organisations_ is not None else organisations()),
        placed_at=draw(consent_instants()),
        categories=draw(st.frozensets(st.sampled_from(InfoCategory), max_size=2)),
    )


@st.composite
def block_lifts(draw: st.DrawFn, *, of: st.SearchStrategy[Block] | None = None) -> BlockLift:
    """Lifts of a drawn block, with complete evidence, at or after it was placed."""
    block = draw(of if of is not None else blocks())
    at = block.placed_at.add(hours=draw(st.integers(0, 24 * 300)))
    return BlockLift(
        block_id=block.id, subject=block.subject, lifted_at=at, evidence=draw(evidences(at=at))
    )


@st.composite
def disclosure_requests(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[Person] | None = None,
    organisations_: st.SearchStrategy[Organisation] | None = None,
    recipients_: st.SearchStrategy[Recipient] | None = None,
    actions: st.SearchStrategy[Action] | None = None,
    circumstances: st.SearchStrategy[frozenset[Circumstance]] | None = None,
    at: st.SearchStrategy[pendulum.DateTime] | None = None,
    max_also_about: int = 1,
) -> DisclosureRequest:
    """Disclosure requests naming concrete recipients. By default no circumstances are
    asserted and the action is disclose or access (never listening). Shrinks towards
    a disclosure to an organisation."""
    if max_also_about < 0:
        raise InvalidArgument(f"max_also_about={max_also_about} must be >= 0")
    who = subjects if subjects is not None else _person_pool()
    orgs = organisations_ if organisations_ is not None else organisations()
    subject = draw(who)
    return DisclosureRequest(
        subject=subject,
        action=draw(
            actions if actions is not None else st.sampled_from((Action.DISCLOSE, Action.ACCESS))
        ),
        category=draw(st.sampled_from(InfoCategory)),
        holder=draw(orgs),
        recipient=draw(
            recipients_
            if recipients_ is not None
            else recipients(organisations_=orgs, concrete=True)
        ),
        purpose=draw(st.sampled_from(Purpose)),
        at=draw(at if at is not None else consent_instants()),
        also_about=tuple(draw(st.lists(who, max_size=max_also_about))),
        data_period=draw(st.none() | periods(max_days=200)),
        circumstances=draw(circumstances if circumstances is not None else st.just(frozenset())),
    )


def decision_policies() -> st.SearchStrategy[DecisionPolicy]:
    """Decision policies: either combining rule, a child-decides age or none, and a
    harm assessment relied on for one to seven days."""
    return st.builds(
        DecisionPolicy,
        combining=st.sampled_from(Combining),
        child_decides_from_age=st.none() | st.integers(12, 17),
        harm_assessment_days=st.integers(1, 7),
    )


@st.composite
def harm_assessments(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[Person] | None = None,
    organisations_: st.SearchStrategy[Organisation] | None = None,
    recipients_: st.SearchStrategy[Recipient] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    at: st.SearchStrategy[pendulum.DateTime] | None = None,
    conclusions: st.SearchStrategy[HarmConclusion] | None = None,
) -> HarmAssessment:
    """Documented harm assessments (*menprövning*): by an organisation of the pool,
    about one person, of one or two categories, to one recipient, for one purpose,
    made at an instant ``at`` draws (default :func:`consent_instants`). Shrinks towards
    a CLEARLY_NO_HARM assessment by the social welfare committee."""
    return HarmAssessment(
        id=draw(ids if ids is not None else _ids("mp")),
        subject=draw(subjects if subjects is not None else _person_pool()),
        holder=draw(organisations_ if organisations_ is not None else organisations()),
        assessed_by=draw(st.sampled_from(("hsa-17", "hsa-4711", "handlaggare-3"))),
        assessed_at=draw(at if at is not None else consent_instants()),
        categories=draw(st.frozensets(st.sampled_from(InfoCategory), min_size=1, max_size=2)),
        recipient=draw(recipients_ if recipients_ is not None else recipients()),
        purpose=draw(st.sampled_from(Purpose)),
        conclusion=draw(
            conclusions if conclusions is not None else st.sampled_from(HarmConclusion)
        ),
        note=draw(st.sampled_from(("", "Den enskilde har själv berättat det för dottern."))),
    )


def decisions() -> st.SearchStrategy[Decision]:
    """Decisions made by :func:`~anhorig.consent.evaluate` on generated requests and
    consents (so every decision is one the engine can give)."""
    return st.builds(
        evaluate,
        disclosure_requests(),
        st.lists(consents(), max_size=3, unique_by=lambda c: c.id),
    )


def audit_records() -> st.SearchStrategy[AuditRecord]:
    """Audit records of generated decisions."""

    @st.composite
    def build(draw: st.DrawFn) -> AuditRecord:
        request = draw(disclosure_requests())
        records = draw(st.lists(consents(), max_size=3, unique_by=lambda c: c.id))
        return AuditRecord.of(request, evaluate(request, records))

    return build()


def type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """The consent types and their strategies, for hypothesis' ``from_type``."""
    return {
        Recipient: recipients(),
        Provision: provisions(),
        Evidence: evidences(),
        Grantor: st.builds(Grantor, person=_person_pool(), capacity=st.just(GrantorCapacity.SELF)),
        ChildView: st.builds(
            ChildView, opinion=st.sampled_from(ChildOpinion), recorded_at=consent_instants()
        ),
        Consent: consents(),
        Revocation: revocations(),
        Block: blocks(),
        BlockLift: block_lifts(),
        HarmAssessment: harm_assessments(),
        DisclosureRequest: disclosure_requests(),
        DecisionPolicy: decision_policies(),
        Decision: decisions(),
        Basis: decisions().flatmap(lambda d: st.sampled_from(d.basis) if d.basis else st.nothing()),
        Obligation: st.sampled_from(ObligationKind).map(Obligation.of),
        AuditRecord: audit_records(),
    }


# --- decisions resting on one named basis ----------------------------------------------------

DECIDING_CODES = (
    "CONSENT-BLOCKED",
    "CONSENT-CARE-EXCHANGE",
    "CONSENT-DENY",
    "CONSENT-EMERGENCY",
    "CONSENT-HARM-ASSESSMENT",
    "CONSENT-LISTENING",
    "CONSENT-NO-BASIS",
    "CONSENT-PATIENT-CANNOT-TAKE-IN",
    "CONSENT-PERMIT",
    "CONSENT-RECIPIENT-DECLINES",
    "CONSENT-REPORT-OF-CONCERN",
)
"""The decision codes :func:`deciding` can make ``evaluate`` give as its only reason."""

_NOT_COUNTED = (
    "it says why a consent that matches the request does not count; evaluate() then "
    "still decides on another basis, whose reason (CONSENT-PERMIT, CONSENT-DENY, "
    "CONSENT-PATIENT-CANNOT-TAKE-IN, CONSENT-EMERGENCY or CONSENT-NO-BASIS) always "
    "comes with it"
)
NEVER_ALONE: dict[str, str] = {
    "CONSENT-BASIS-NOT-MET": (
        "a report of concern or a Patientlagen 3:4 claim that does not hold is only a "
        "leading reason: evaluate() goes on and always adds the reason of the basis it "
        "does find (CONSENT-RECIPIENT-DECLINES, CONSENT-EMERGENCY, CONSENT-NO-BASIS, ...)"
    ),
    "CONSENT-CHILD-OBJECTS": _NOT_COUNTED,
    "CONSENT-CONFLICT": (
        "it is given only when valid consents both permit and deny, together with the "
        "winning consents' CONSENT-DENY (deny-overrides) or CONSENT-PERMIT reasons"
    ),
    "CONSENT-EACH-PERSON": (
        "it is given for a person without a basis in a request about several people, always "
        "next to that person's CONSENT-NO-BASIS"
    ),
    "CONSENT-NOT-IN-FORCE": _NOT_COUNTED,
    "CONSENT-HARM-POSSIBLE": (
        "a harm assessment that cannot rule out harm gives no basis: evaluate() goes on "
        "and always adds the reason of the basis it does find (CONSENT-NO-BASIS, "
        "CONSENT-PATIENT-CANNOT-TAKE-IN, CONSENT-EMERGENCY, ...)"
    ),
    "CONSENT-HARM-ASSESSMENT-NOT-COUNTED": (
        "it says why a harm assessment about the disclosure cannot be relied on (another "
        "organisation's, out of time, a holder outside OSL 25/26); evaluate() then still "
        "decides on another basis, whose reason comes with it"
    ),
    "CONSENT-HARM-ASSESSMENT-OVERRIDDEN": (
        "it is given only next to what beats the assessment: CONSENT-DENY, CONSENT-BLOCKED, "
        "or (for signs the person would object) the basis evaluate() goes on to find"
    ),
    "CONSENT-OTHER-AUTHORITY": _NOT_COUNTED,
    "CONSENT-REVOKED": _NOT_COUNTED,
}
"""The decision codes ``evaluate`` never gives alone, each with the reason why."""

_OTHER_CIRCUMSTANCES = (
    Circumstance.NECESSARY_CARE,
    Circumstance.CONTINUOUS_SUBSTANCE_MISUSE,
    Circumstance.COMPULSORY_CARE,
    Circumstance.PATIENT_CANNOT_TAKE_IN,
    Circumstance.SIGNS_OF_OBJECTION,
    Circumstance.EMERGENCY,
    Circumstance.RECIPIENT_DECLINES,
    Circumstance.REPORT_OF_CONCERN,
)
_SOCIAL_WELFARE = ORGANISATION_POOL[0]
_HEALTH_CARE = ORGANISATION_POOL[1:4]
_DISCLOSE_OR_ACCESS = st.sampled_from((Action.DISCLOSE, Action.ACCESS))

_Records = tuple[Consent | Revocation | Block | BlockLift | HarmAssessment, ...]


def _with_id() -> st.SearchStrategy[Person]:
    return people(min_birth=date(1930, 1, 1), max_birth=date(2020, 12, 31), with_id=True)


def _children(on: date) -> st.SearchStrategy[Person]:
    """People who are children (born, not yet 17) on ``on``."""
    return people(
        min_birth=on - timedelta(days=17 * 365), max_birth=on - timedelta(days=1), with_id=True
    )


def _circumstances(
    draw: st.DrawFn, *, must: frozenset[Circumstance] = frozenset(), may: tuple[Circumstance, ...]
) -> frozenset[Circumstance]:
    return must | draw(st.frozensets(st.sampled_from(may))) if may else must


def _subjects(
    draw: st.DrawFn, who: st.SearchStrategy[Person], max_also_about: int
) -> tuple[Person, ...]:
    return tuple(draw(st.lists(who, min_size=1, max_size=1 + max_also_about, unique_by=person_key)))


def _request(
    draw: st.DrawFn,
    subjects: tuple[Person, ...],
    at: pendulum.DateTime,
    *,
    action: Action,
    holder: Organisation,
    recipient: Recipient,
    circumstances: frozenset[Circumstance],
    category: InfoCategory | None = None,
    purpose: Purpose | None = None,
) -> DisclosureRequest:
    return DisclosureRequest(
        subject=subjects[0],
        action=action,
        category=category if category is not None else draw(st.sampled_from(InfoCategory)),
        holder=holder,
        recipient=recipient,
        purpose=purpose if purpose is not None else draw(st.sampled_from(Purpose)),
        at=at,
        also_about=subjects[1:],
        data_period=draw(st.none() | periods(max_days=200)),
        circumstances=circumstances,
    )


def _ids(prefix: str) -> st.SearchStrategy[str]:
    return st.from_regex(rf"{prefix}-[0-9a-f]{{1,6}}", fullmatch=True)


def _any_consents(draw: st.DrawFn, subjects: tuple[Person, ...]) -> list[Consent]:
    """Consents about the request's people, of any kind (for bases decided before them)."""
    return draw(
        st.lists(
            consents(subjects=st.sampled_from(subjects), ids=_ids("a")),
            max_size=2,
            unique_by=lambda c: c.id,
        )
    )


def _unmatched_consents(
    draw: st.DrawFn, subjects: tuple[Person, ...], request: DisclosureRequest
) -> list[Consent]:
    """Consents about the request's people scoped to another purpose: they never apply."""
    others = [p for p in Purpose if p is not request.purpose]
    scoped = provisions().map(
        lambda p: attrs.evolve(
            p, purposes=frozenset({others[0]}) | (p.purposes - {request.purpose})
        )
    )
    return draw(
        st.lists(
            consents(subjects=st.sampled_from(subjects), ids=_ids("o"), provisions_=scoped),
            max_size=2,
            unique_by=lambda c: c.id,
        )
    )


def _blocks_on(
    draw: st.DrawFn, person: Person, request: DisclosureRequest, index: int
) -> list[Block | BlockLift]:
    """A block in force at the request's instant on what its holder keeps, covering
    its category (sometimes lifted, but only later)."""
    at = request.at
    block = Block(
        id=f"b-{index}",
        subject=person,
        holder=request.holder,
        placed_at=at.subtract(minutes=draw(st.integers(0, 60 * 24 * 300))),
        categories=draw(
            st.sampled_from(
                (frozenset(), frozenset({request.category}), frozenset({request.category.root}))
            )
        ),
    )
    records: list[Block | BlockLift] = [block]
    if draw(st.booleans()):
        lifted = at.add(minutes=draw(st.integers(1, 60 * 24 * 300)))
        records.append(
            BlockLift(
                block_id=block.id,
                subject=person,
                lifted_at=lifted,
                evidence=draw(evidences(at=lifted)),
            )
        )
    return records


def _unrelated(
    draw: st.DrawFn, subjects: tuple[Person, ...], max_unrelated: int
) -> list[Consent | Revocation | Block | BlockLift | HarmAssessment]:
    """Records about other people than the request's: they cannot change the decision."""
    keys = {person_key(p) for p in subjects}
    others = _with_id().filter(lambda p: person_key(p) not in keys)
    records: list[Consent | Revocation | Block | BlockLift | HarmAssessment] = []
    for consent in draw(
        st.lists(
            consents(subjects=others, ids=_ids("u")),
            max_size=max_unrelated,
            unique_by=lambda c: c.id,
        )
    ):
        records.append(consent)
        if draw(st.booleans()):
            records.append(draw(revocations(of=st.just(consent))))
    records.extend(draw(st.lists(blocks(subjects=others), max_size=max_unrelated)))
    assessed: list[HarmAssessment] = draw(
        st.lists(
            harm_assessments(subjects=others, ids=_ids("hu")),
            max_size=max_unrelated,
            unique_by=lambda a: a.id,
        )
    )
    records.extend(assessed)
    return records


def _matching(draw: st.DrawFn, request: DisclosureRequest, kind: ProvisionType) -> Provision:
    """A provision whose decision for ``request`` is ``kind`` (at its root or in an
    exception), scoped to it or not."""
    scope: dict[str, Any] = {
        "actions": draw(st.sampled_from((frozenset(), frozenset({request.action})))),
        "categories": draw(
            st.sampled_from(
                (frozenset(), frozenset({request.category}), frozenset({request.category.root}))
            )
        ),
        "purposes": draw(st.sampled_from((frozenset(), frozenset({request.purpose})))),
        "recipients": draw(st.sampled_from((frozenset(), frozenset({request.recipient})))),
    }
    if draw(st.booleans()):
        return Provision(decision=kind.opposite, exceptions=(Provision(decision=kind, **scope),))
    return Provision(decision=kind, **scope)


def _deciding_consent(
    draw: st.DrawFn, person: Person, request: DisclosureRequest, kind: ProvisionType, index: int
) -> Consent:
    """A person's own valid consent, in force at the request's instant and obtained by
    the authority that relies on it, that decides the request ``kind``."""
    recipient = request.recipient
    relying = (
        recipient.organisation
        if request.action is Action.ACCESS and recipient.organisation is not None
        else request.holder
    )
    given = request.at.subtract(minutes=draw(st.integers(0, 60 * 24 * 400)))
    until = None
    if draw(st.booleans()):
        until = request.at.add(minutes=draw(st.integers(1, 60 * 24 * 400)))
    return Consent(
        id=f"c-{index}",
        subject=person,
        grantor=Grantor(person=person, capacity=GrantorCapacity.SELF),
        obtained_by=relying,
        given_at=given,
        evidence=Evidence(
            form=draw(st.sampled_from(EvidenceForm)), documented_by="hsa-17", documented_at=given
        ),
        provision=_matching(draw, request, kind),
        valid_from=given,
        valid_until=until,
    )


def _listening(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    subjects = _subjects(draw, _with_id(), also)
    request = _request(
        draw,
        subjects,
        at,
        action=Action.COLLECT,
        holder=draw(organisations()),
        recipient=draw(recipients(concrete=True)),
        circumstances=_circumstances(draw, may=_OTHER_CIRCUMSTANCES),
    )
    return request, _any_consents(draw, subjects)


def _report_of_concern(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    child = draw(_children(at.date()))
    # The child among the people the information is about, not necessarily first.
    others = draw(st.lists(_with_id(), max_size=also, unique_by=person_key))
    others = [p for p in others if person_key(p) != person_key(child)]
    subjects = tuple(draw(st.permutations([child, *others])))
    request = _request(
        draw,
        subjects,
        at,
        action=Action.DISCLOSE,
        holder=draw(organisations()),
        recipient=Recipient.of_organisation(_SOCIAL_WELFARE),
        circumstances=_circumstances(
            draw, must=frozenset({Circumstance.REPORT_OF_CONCERN}), may=_OTHER_CIRCUMSTANCES
        ),
        purpose=Purpose.CHILD_PROTECTION,
    )
    records: list[Any] = _any_consents(draw, subjects)
    for index, person in enumerate(subjects):
        if draw(st.booleans()):
            records.extend(_blocks_on(draw, person, request, index))
    return request, records


def _recipient_declines(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    subjects = _subjects(draw, _with_id(), also)
    request = _request(
        draw,
        subjects,
        at,
        action=draw(_DISCLOSE_OR_ACCESS),
        holder=draw(organisations()),
        recipient=Recipient.of_person(
            draw(_person_pool()), role=draw(st.none() | st.sampled_from(RecipientRole))
        ),
        circumstances=_circumstances(
            draw,
            must=frozenset({Circumstance.RECIPIENT_DECLINES}),
            may=_OTHER_CIRCUMSTANCES[:6],  # not a report of concern
        ),
    )
    return request, _any_consents(draw, subjects)


def _blocked(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    subjects = _subjects(draw, _with_id(), also)
    holder = draw(organisations())
    request = _request(
        draw,
        subjects,
        at,
        action=draw(_DISCLOSE_OR_ACCESS),
        holder=holder,
        recipient=draw(
            recipients(concrete=True).filter(
                lambda r: r.organisation is None or r.organisation.id != holder.id
            )
        ),
        circumstances=_circumstances(draw, may=_OTHER_CIRCUMSTANCES[:5]),  # no emergency,
    )
    records: list[Any] = _any_consents(draw, subjects)
    for index, person in enumerate(subjects):
        records.extend(_blocks_on(draw, person, request, index))
    return request, records


def _emergency(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    subjects = _subjects(draw, _with_id(), also)
    request = _request(
        draw,
        subjects,
        at,
        action=Action.ACCESS,
        holder=draw(organisations()),
        recipient=Recipient.of_organisation(draw(st.sampled_from(_HEALTH_CARE))),
        circumstances=_circumstances(
            draw,
            must=frozenset({Circumstance.EMERGENCY}),
            may=(
                Circumstance.NECESSARY_CARE,
                Circumstance.CONTINUOUS_SUBSTANCE_MISUSE,
                Circumstance.COMPULSORY_CARE,
                Circumstance.SIGNS_OF_OBJECTION,
                Circumstance.RECIPIENT_DECLINES,
            ),
        ),
        purpose=Purpose.CARE_AND_TREATMENT,
    )
    records: list[Any] = _unmatched_consents(draw, subjects, request)
    for index, person in enumerate(subjects):
        if draw(st.booleans()):  # the emergency breaks it
            records.extend(_blocks_on(draw, person, request, index))
    return request, records


def _care_exchange(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    groups = draw(
        st.frozensets(
            st.sampled_from(
                (Circumstance.CONTINUOUS_SUBSTANCE_MISUSE, Circumstance.COMPULSORY_CARE)
            )
        )
    )
    # Without a group asserted, only children are in one.
    subjects = _subjects(draw, _children(at.date()) if not groups else _with_id(), also)
    if draw(st.booleans()):
        holder, to = draw(st.sampled_from(_HEALTH_CARE)), _SOCIAL_WELFARE
        root = InfoCategory.HEALTH_CARE
    else:
        holder, to = _SOCIAL_WELFARE, draw(st.sampled_from(_HEALTH_CARE))
        root = InfoCategory.SOCIAL_SERVICES
    request = _request(
        draw,
        subjects,
        at,
        action=Action.DISCLOSE,
        holder=holder,
        recipient=Recipient.of_organisation(to),
        circumstances=_circumstances(
            draw,
            must=frozenset({Circumstance.NECESSARY_CARE}) | groups,
            may=(
                Circumstance.PATIENT_CANNOT_TAKE_IN,
                Circumstance.SIGNS_OF_OBJECTION,
                Circumstance.EMERGENCY,
                Circumstance.RECIPIENT_DECLINES,
            ),
        ),
        category=draw(st.sampled_from([c for c in InfoCategory if c.root is root])),
    )
    return request, _any_consents(draw, subjects)


def _by_consent(kind: ProvisionType) -> Any:
    def build(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
        subjects = _subjects(draw, _with_id(), also)
        request = _request(
            draw,
            subjects,
            at,
            action=draw(_DISCLOSE_OR_ACCESS),
            holder=draw(organisations()),
            recipient=draw(recipients(concrete=True)),
            circumstances=_circumstances(
                draw, may=_OTHER_CIRCUMSTANCES[1:6]
            ),  # bases after consents,
        )
        records: list[Any] = _unmatched_consents(draw, subjects, request)
        for index, person in enumerate(subjects):
            records.append(_deciding_consent(draw, person, request, kind, index))
        return request, records

    return build


def _patient_cannot_take_in(
    draw: st.DrawFn, at: pendulum.DateTime, also: int
) -> tuple[Any, list[Any]]:
    subjects = _subjects(draw, _with_id(), also)
    request = _request(
        draw,
        subjects,
        at,
        action=Action.DISCLOSE,
        holder=draw(st.sampled_from(_HEALTH_CARE)),
        recipient=Recipient.of_person(draw(_person_pool()), role=RecipientRole.RELATIVE),
        circumstances=_circumstances(
            draw,
            must=frozenset({Circumstance.PATIENT_CANNOT_TAKE_IN}),
            may=(
                Circumstance.NECESSARY_CARE,
                Circumstance.CONTINUOUS_SUBSTANCE_MISUSE,
                Circumstance.COMPULSORY_CARE,
                Circumstance.EMERGENCY,
            ),
        ),
        category=draw(
            st.sampled_from([c for c in InfoCategory if c.root is InfoCategory.HEALTH_CARE])
        ),
    )
    return request, _unmatched_consents(draw, subjects, request)


def _no_basis(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    # One person only: a second without a basis adds CONSENT-EACH-PERSON.
    subjects = _subjects(draw, _with_id(), 0)
    holder = draw(organisations())
    request = _request(
        draw,
        subjects,
        at,
        action=draw(_DISCLOSE_OR_ACCESS),
        holder=holder,
        recipient=draw(recipients(concrete=True)),
        circumstances=_circumstances(
            draw,
            may=(
                Circumstance.CONTINUOUS_SUBSTANCE_MISUSE,
                Circumstance.COMPULSORY_CARE,
                Circumstance.SIGNS_OF_OBJECTION,
            ),
        ),
    )
    records: list[Any] = _unmatched_consents(draw, subjects, request)
    elsewhere = organisations().filter(lambda o: o.id != holder.id)
    records.extend(
        draw(st.lists(blocks(subjects=st.just(subjects[0]), organisations_=elsewhere), max_size=1))
    )
    return request, records


def _deciding_assessment(
    draw: st.DrawFn, person: Person, request: DisclosureRequest, index: int
) -> HarmAssessment:
    """The holder's CLEARLY_NO_HARM assessment about ``person`` covering the request,
    made earlier on the request's local day (in force under the default policy)."""
    t = request.at.timestamp()
    day = request.at.date()
    midnight = pendulum.datetime(day.year, day.month, day.day, tz=ZONE).timestamp()
    back = draw(st.integers(0, int(t - midnight) // 60))
    recipient = request.recipient
    wider = [recipient]
    if recipient.organisation is not None:
        wider.append(Recipient.any_of_principal(recipient.organisation.principal))
    if recipient.role is not None:
        wider.append(Recipient.any_with_role(recipient.role))
    return HarmAssessment(
        id=f"mp-{index}",
        subject=person,
        holder=request.holder,
        assessed_by="handlaggare-3",
        assessed_at=pendulum.from_timestamp(max(midnight, t - 60 * back), tz=ZONE),
        categories=draw(
            st.sampled_from((frozenset({request.category}), frozenset({request.category.root})))
        ),
        recipient=draw(st.sampled_from(wider)),
        purpose=request.purpose,
        conclusion=HarmConclusion.CLEARLY_NO_HARM,
    )


def _by_assessment(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    subjects = _subjects(draw, _with_id(), also)
    request = _request(
        draw,
        subjects,
        at,
        action=Action.DISCLOSE,
        holder=draw(st.sampled_from((_SOCIAL_WELFARE, *_HEALTH_CARE))),
        recipient=draw(recipients(concrete=True)),
        circumstances=_circumstances(
            draw,
            may=(
                Circumstance.CONTINUOUS_SUBSTANCE_MISUSE,
                Circumstance.COMPULSORY_CARE,
                Circumstance.PATIENT_CANNOT_TAKE_IN,
                Circumstance.EMERGENCY,
            ),
        ),
    )
    records: list[Any] = _unmatched_consents(draw, subjects, request)
    other_purpose = next(p for p in Purpose if p is not request.purpose)
    for index, person in enumerate(subjects):
        deciding_one = _deciding_assessment(draw, person, request, index)
        records.append(deciding_one)
        if draw(st.booleans()):  # one about another purpose, which never applies
            records.append(
                attrs.evolve(
                    deciding_one,
                    id=f"mp-o{index}",
                    purpose=other_purpose,
                    conclusion=draw(st.sampled_from(HarmConclusion)),
                )
            )
    return request, records


_DECIDERS: dict[str, Any] = {
    "CONSENT-BLOCKED": _blocked,
    "CONSENT-CARE-EXCHANGE": _care_exchange,
    "CONSENT-DENY": _by_consent(ProvisionType.DENY),
    "CONSENT-EMERGENCY": _emergency,
    "CONSENT-HARM-ASSESSMENT": _by_assessment,
    "CONSENT-LISTENING": _listening,
    "CONSENT-NO-BASIS": _no_basis,
    "CONSENT-PATIENT-CANNOT-TAKE-IN": _patient_cannot_take_in,
    "CONSENT-PERMIT": _by_consent(ProvisionType.PERMIT),
    "CONSENT-RECIPIENT-DECLINES": _recipient_declines,
    "CONSENT-REPORT-OF-CONCERN": _report_of_concern,
}


@st.composite
def deciding(
    draw: st.DrawFn,
    code: str,
    *,
    at: st.SearchStrategy[pendulum.DateTime] | None = None,
    max_also_about: int = 1,
    max_unrelated: int = 2,
) -> tuple[DisclosureRequest, _Records]:
    """Requests and records whose decision rests on exactly the basis ``code``: the
    codes of ``evaluate(request, records).reasons`` (default policy) are ``{code}``,
    for each code in :data:`DECIDING_CODES`.

    ``at`` draws the request's instant (default :func:`consent_instants`);
    ``max_also_about`` bounds the other people the information is about (always 0
    for ``CONSENT-NO-BASIS``: a second person without a basis adds
    ``CONSENT-EACH-PERSON``); ``max_unrelated`` bounds the records about other people
    (consents, revocations, blocks) mixed in, which cannot change the decision.
    Records about the request's own people that leave the decision alone are mixed
    in where the basis allows: consents scoped to another purpose, consents a basis
    decided before them makes moot, a block an emergency breaks or one lifted later.

    Shrinks towards a request about one person, with no circumstances beyond those
    the basis needs, and only the records the basis needs (none, or one unscoped
    consent or block per person). A code in :data:`NEVER_ALONE` (or outside the
    catalogue's consent decisions) raises ``InvalidArgument``.
    """
    if code in NEVER_ALONE:
        raise InvalidArgument(f"code={code!r} is never the only reason: {NEVER_ALONE[code]}")
    if code not in _DECIDERS:
        raise InvalidArgument(f"code={code!r} is not one of {DECIDING_CODES}")
    if max_also_about < 0 or max_unrelated < 0:
        raise InvalidArgument(
            f"max_also_about={max_also_about} and max_unrelated={max_unrelated} must be >= 0"
        )
    instant = draw(at if at is not None else consent_instants())
    request, records = _DECIDERS[code](draw, instant, max_also_about)
    records.extend(_unrelated(draw, request.subjects, max_unrelated))
    return request, tuple(draw(st.permutations(records)))
