"""Strategies for the consent area: consents valid by construction, records, requests,
decisions, and consents that break one named rule on purpose.

Everything is drawn from small pools by default (a handful of people, organisations
and recipients, instants within 2025–2027) so that requests and consents meet often
enough for properties about decisions to bite.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.consent.audit import AuditRecord
from anhorig.consent.engine import (
    Basis,
    Combining,
    ConsentRecord,
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
    Identifier,
    InfoCategory,
    InformationKind,
    InformationSelector,
    Organisation,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientRole,
    RecordLink,
    Revocation,
)
from anhorig.consent.rules.validity import may_consent_alone
from anhorig.people import Person
from anhorig.testing.strategies._core import (
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


def prefixed_ids(prefix: str) -> st.SearchStrategy[str]:
    """Short ids such as ``a-3f``, one prefix per kind of record."""
    return st.from_regex(rf"{prefix}-[0-9a-f]{{1,6}}", fullmatch=True)


def person_pool() -> st.SearchStrategy[Person]:
    """Synthetic people born 1930–2020: whom consents and records are about by default."""
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
    persons = people_ if people_ is not None else person_pool()
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


_LABELS = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
_SENSITIVE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
_LOINC = "http://loinc.org"
_SELECTOR_POOL: tuple[tuple[InformationKind, str, str], ...] = (
    (InformationKind.SECURITY_LABEL, _LABELS, "N"),
    (InformationKind.SECURITY_LABEL, _LABELS, "R"),
    (InformationKind.SECURITY_LABEL, _SENSITIVE, "PSY"),
    (InformationKind.CODE, _LOINC, "34133-9"),
    (InformationKind.CODE, _LOINC, "18842-5"),
    (InformationKind.RESOURCE_KIND, "http://hl7.org/fhir/resource-types", "MedicationRequest"),
    (InformationKind.DOCUMENT_TYPE, "urn:ietf:bcp:13", "application/hl7-cda+xml"),
    (InformationKind.AUTHOR, "", "Practitioner/xcda-author"),
    (InformationKind.RECORD, "", "Task/1"),
    (InformationKind.RECORD, "", "MedicationRequest/7"),
)


@st.composite
def information_selectors(draw: st.DrawFn) -> InformationSelector:
    """Information selectors from a small pool (security labels, codes, a resource kind,
    a document type, an author, two records with any link), so that a provision's and a
    request's often meet. Shrinks towards the confidentiality label N."""
    kind, system, code = draw(st.sampled_from(_SELECTOR_POOL))
    link = draw(st.sampled_from(RecordLink)) if kind is InformationKind.RECORD else None
    return InformationSelector(kind=kind, system=system, code=code, link=link)


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
    # Narrowed now and then: for part of the time, some holders', some information.
    valid_from = valid_until = None
    if draw(st.integers(0, 5)) == 0:
        valid_from = draw(st.none() | consent_instants())
        if draw(st.booleans()):
            start = valid_from if valid_from is not None else pendulum.datetime(2025, 1, 1, tz=ZONE)
            valid_until = start.add(days=draw(st.integers(1, 400)))
    holders = (
        draw(st.frozensets(organisations(), max_size=2))
        if draw(st.integers(0, 5)) == 0
        else frozenset()
    )
    information = (
        draw(st.frozensets(information_selectors(), max_size=2))
        if draw(st.integers(0, 4)) == 0
        else frozenset()
    )
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
        actions=draw(
            st.frozensets(
                st.sampled_from((Action.DISCLOSE, Action.ACCESS, Action.CORRECT)), max_size=2
            )
        ),
        categories=draw(st.frozensets(st.sampled_from(InfoCategory), max_size=2)),
        recipients=draw(st.frozensets(who, max_size=2)),
        purposes=draw(st.frozensets(st.sampled_from(Purpose), max_size=2)),
        data_period=data_period,
        exceptions=exceptions,
        valid_from=valid_from,
        valid_until=valid_until,
        holders=holders,
        information=information,
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
        verified_with=draw(st.none() | person_pool()),
    )


def identifiers() -> st.SearchStrategy[Identifier]:
    """Business identifiers as regions write them (an OID or URL system, a number or a
    UUID-like value); shrinks towards a short OID and number."""
    return st.builds(
        Identifier,
        system=st.sampled_from(
            ("urn:oid:1.2.752.29.4.19", "urn:ietf:rfc:3986", "https://region.example/samtycke")
        ),
        value=st.from_regex(r"[A-Z]{0,4}-?[0-9a-f]{1,12}", fullmatch=True),
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
    grantees_: st.SearchStrategy[frozenset[Recipient]] | None = None,
) -> Consent:
    """Valid consents: given by the person themselves, or, for a child who may not yet
    consent alone (under 15 by the default policy, ``may_consent_alone``), by a custodian
    with the child's view recorded (not an objection); documented; valid from when given,
    for a while or until revoked; with business identifiers or not. Granted to no one in
    particular unless ``grantees_`` draws whom (a grantee narrows every permit). Shrinks
    towards an adult's own permanent unscoped permit."""
    subject = draw(subjects if subjects is not None else person_pool())
    given = draw(consent_instants())
    grantor = Grantor(person=subject, capacity=GrantorCapacity.SELF)
    born = subject.birth_date
    if born is not None and born <= given.date() and not may_consent_alone(subject, given.date()):
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
        identifiers=tuple(draw(st.lists(identifiers(), max_size=2))),
        grantees=draw(grantees_ if grantees_ is not None else st.just(frozenset())),
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
                    GrantorCapacity.EMERGENCY_CONTACT,
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
        "identifiers": consent.identifiers,
        "grantees": consent.grantees,
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
        subject=draw(subjects if subjects is not None else person_pool()),
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
    who = subjects if subjects is not None else person_pool()
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
        information=draw(st.frozensets(information_selectors(), max_size=3)),
    )


def decision_policies() -> st.SearchStrategy[DecisionPolicy]:
    """Decision policies: either combining rule, a child-decides age or none, a
    child-consents age or none, and a harm assessment relied on for one to seven days."""
    return st.builds(
        DecisionPolicy,
        combining=st.sampled_from(Combining),
        child_decides_from_age=st.none() | st.integers(12, 17),
        child_consents_from_age=st.none() | st.integers(12, 17),
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
        id=draw(ids if ids is not None else prefixed_ids("mp")),
        subject=draw(subjects if subjects is not None else person_pool()),
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


@st.composite
def consent_records(
    draw: st.DrawFn,
    *,
    subjects: st.SearchStrategy[Person],
    organisations_: st.SearchStrategy[Organisation] | None = None,
    recipients_: st.SearchStrategy[Recipient] | None = None,
    max_consents: int = 4,
) -> list[ConsentRecord]:
    """Records of every kind about ``subjects``, in an order a registry accepts: up to
    ``max_consents`` consents, some revoked, up to two blocks (*spärr*), some lifted,
    and up to two harm assessments (*menprövning*); a revocation or lift comes after
    its record. Shrinks towards no records."""
    if max_consents < 0:
        raise InvalidArgument(f"max_consents={max_consents} must be >= 0")
    orgs = organisations_ if organisations_ is not None else organisations()
    who = (
        recipients_
        if recipients_ is not None
        else recipients(people_=subjects, organisations_=orgs)
    )
    given = draw(
        st.lists(
            consents(subjects=subjects, organisations_=orgs, recipients_=who),
            max_size=max_consents,
            unique_by=lambda c: c.id,
        )
    )
    records: list[ConsentRecord] = list(given)
    for consent in given:
        if draw(st.booleans()):
            records.append(draw(revocations(of=st.just(consent))))
    placed = draw(
        st.lists(
            blocks(subjects=subjects, organisations_=orgs), max_size=2, unique_by=lambda b: b.id
        )
    )
    records.extend(placed)
    for block in placed:
        if draw(st.booleans()):
            records.append(draw(block_lifts(of=st.just(block))))
    assessed: list[HarmAssessment] = draw(
        st.lists(
            harm_assessments(subjects=subjects, organisations_=orgs, recipients_=who),
            max_size=2,
            unique_by=lambda a: a.id,
        )
    )
    records.extend(assessed)
    return records


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
        InformationSelector: information_selectors(),
        Provision: provisions(),
        Evidence: evidences(),
        Grantor: st.builds(Grantor, person=person_pool(), capacity=st.just(GrantorCapacity.SELF)),
        ChildView: st.builds(
            ChildView, opinion=st.sampled_from(ChildOpinion), recorded_at=consent_instants()
        ),
        Consent: consents(grantees_=st.frozensets(recipients(), max_size=2)),
        Identifier: identifiers(),
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
