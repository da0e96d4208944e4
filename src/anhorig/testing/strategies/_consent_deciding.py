"""Disclosure requests decided by one named basis: :func:`deciding` builds a request and
the records that decide it by exactly that basis (consent, a harm assessment, a block,
an emergency, ...), so properties about each basis can be checked one at a time.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

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
    Sector,
    person_key,
)
from anhorig.consent.rules.validity import may_consent_alone
from anhorig.people import Person
from anhorig.testing.strategies._consent import (
    blocks,
    consent_instants,
    consents,
    evidences,
    harm_assessments,
    person_pool,
    prefixed_ids,
    provisions,
    recipients,
    revocations,
)
from anhorig.testing.strategies._core import (
    ORGANISATION_POOL,
    organisations,
    people,
    periods,
)
from anhorig.time import ZONE, day_interval

__all__ = [
    "DECIDING_CODES",
    "NEVER_ALONE",
    "deciding",
]

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
    "CONSENT-WITHIN-AUTHORITY",
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
    "CONSENT-CHILD-TOO-YOUNG": _NOT_COUNTED,
    "CONSENT-CHILD-VIEW-WEIGHED": (
        "it is given only beside the CONSENT-PERMIT or CONSENT-DENY of the custodian's "
        "consent whose child objects"
    ),
    "CONSENT-BRANCH-BOUNDARY": (
        "it is only a leading reason, for information passing between branches of one "
        "organisation: evaluate() goes on and always adds the reason of the basis it finds "
        "(CONSENT-NO-BASIS, CONSENT-PERMIT, ...)"
    ),
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
    "CONSENT-NOT-GRANTEE": _NOT_COUNTED,
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


def _across_from(holder: Organisation) -> st.SearchStrategy[Recipient]:
    """Concrete recipients other than ``holder`` itself: to the holder, no secrecy
    boundary may be crossed at all (CONSENT-WITHIN-AUTHORITY, CONSENT-BRANCH-BOUNDARY)."""
    return recipients(concrete=True).filter(
        lambda r: r.organisation is None or r.organisation.id != holder.id
    )


def _any_consents(draw: st.DrawFn, subjects: tuple[Person, ...]) -> list[Consent]:
    """Consents about the request's people, of any kind (for bases decided before them)."""
    return draw(
        st.lists(
            consents(subjects=st.sampled_from(subjects), ids=prefixed_ids("a")),
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
            consents(subjects=st.sampled_from(subjects), ids=prefixed_ids("o"), provisions_=scoped),
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
            consents(subjects=others, ids=prefixed_ids("u")),
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
            harm_assessments(subjects=others, ids=prefixed_ids("hu")),
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
    """A person's own valid consent (a custodian's for a child who may not consent
    alone), in force at the request's instant and obtained by the authority that relies
    on it, that decides the request ``kind``."""
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
    grantor = Grantor(person=person, capacity=GrantorCapacity.SELF)
    if not may_consent_alone(person, request.at.date()):
        # A child: the custodian consents, the child agreeing (an objection is a reason).
        grantor = Grantor(
            person=draw(people(min_birth=date(1950, 1, 1), max_birth=date(1995, 12, 31))),
            capacity=GrantorCapacity.CUSTODIAN,
            child_view=ChildView(opinion=ChildOpinion.AGREES, recorded_at=given),
        )
    return Consent(
        id=f"c-{index}",
        subject=person,
        grantor=grantor,
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
        # The committee itself would use its own information (CONSENT-WITHIN-AUTHORITY).
        holder=draw(organisations().filter(lambda o: o.id != _SOCIAL_WELFARE.id)),
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
            draw(person_pool()), role=draw(st.none() | st.sampled_from(RecipientRole))
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
    holder = draw(organisations())
    reader = draw(st.sampled_from([o for o in _HEALTH_CARE if o.id != holder.id]))
    request = _request(
        draw,
        subjects,
        at,
        action=Action.ACCESS,
        holder=holder,
        recipient=Recipient.of_organisation(reader),
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
        holder = draw(organisations())
        request = _request(
            draw,
            subjects,
            at,
            action=draw(_DISCLOSE_OR_ACCESS),
            holder=holder,
            recipient=draw(_across_from(holder)),
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
        recipient=Recipient.of_person(draw(person_pool()), role=RecipientRole.RELATIVE),
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
        recipient=draw(_across_from(holder)),
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
    midnight = day_interval(day).start.timestamp()  # the one calendar's midnight
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
    holder = draw(st.sampled_from((_SOCIAL_WELFARE, *_HEALTH_CARE)))
    request = _request(
        draw,
        subjects,
        at,
        action=Action.DISCLOSE,
        holder=holder,
        recipient=draw(_across_from(holder)),
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


_BRANCH_OF = {
    Sector.HEALTH_CARE: InfoCategory.HEALTH_CARE,
    Sector.SOCIAL_SERVICES: InfoCategory.SOCIAL_SERVICES,
}


def _within_authority(draw: st.DrawFn, at: pendulum.DateTime, also: int) -> tuple[Any, list[Any]]:
    subjects = _subjects(draw, _with_id(), also)
    holder = draw(st.sampled_from((_SOCIAL_WELFARE, *_HEALTH_CARE)))
    root = _BRANCH_OF[holder.sector]
    request = _request(
        draw,
        subjects,
        at,
        action=draw(_DISCLOSE_OR_ACCESS),
        holder=holder,
        recipient=Recipient.of_organisation(holder),
        circumstances=_circumstances(draw, may=_OTHER_CIRCUMSTANCES),
        category=draw(st.sampled_from([c for c in InfoCategory if c.root is root])),
    )
    # Nothing recorded matters where no boundary is crossed: consents, blocks.
    records: list[Any] = _any_consents(draw, subjects)
    for index, person in enumerate(subjects):
        if draw(st.booleans()):
            records.extend(_blocks_on(draw, person, request, index))
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
    "CONSENT-WITHIN-AUTHORITY": _within_authority,
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
