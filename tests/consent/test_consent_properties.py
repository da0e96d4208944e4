"""Properties of decisions, the registry and the round trips, over generated data."""

from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
from fhir.resources.consent import Consent as FhirR5Consent
from fhir.resources.R4B.consent import Consent as FhirR4BConsent
from hypothesis import given, settings
from hypothesis import strategies as st

from anhorig.consent import (
    Action,
    AuditRecord,
    Basis,
    Block,
    BlockLift,
    Circumstance,
    Consent,
    ConsentRecord,
    ConsentRegistry,
    Decision,
    DecisionPolicy,
    DisclosureRequest,
    Evidence,
    HarmAssessment,
    Identifier,
    InfoCategory,
    Obligation,
    Organisation,
    Outcome,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientKind,
    Revocation,
    evaluate,
)
from anhorig.consent.checks import check, is_valid
from anhorig.consent.fhir import from_fhir, to_fhir
from anhorig.serialization import from_json, json_schema, to_json
from anhorig.testing.strategies import (
    BREAKABLE_RULES,
    consent_instants,
    consent_records,
    consents,
    consents_breaking,
    decision_policies,
    disclosure_requests,
    organisations,
    provisions,
    recipients,
    revocations,
    subject_pools,
)
from tests.consent.consent_scenario import ANNA


@st.composite
def worlds(draw: st.DrawFn, *, max_consents: int = 5) -> tuple[DisclosureRequest, list[Consent]]:
    """A request and consents about the same few people and organisations."""
    pool = draw(subject_pools(max_size=2))
    people = st.sampled_from(pool)
    orgs = organisations()
    who = recipients(people_=people, organisations_=orgs)
    given_consents = draw(
        st.lists(
            consents(subjects=people, organisations_=orgs, recipients_=who),
            max_size=max_consents,
            unique_by=lambda c: c.id,
        )
    )
    request = draw(
        disclosure_requests(
            subjects=people,
            organisations_=orgs,
            recipients_=recipients(people_=people, organisations_=orgs, concrete=True),
        )
    )
    return request, given_consents


@given(disclosure_requests())
def test_deny_by_default(request: DisclosureRequest) -> None:
    """Without any record, and without asserting any circumstance, nothing is permitted
    across a secrecy boundary; within the holder's own branch none is crossed (OSL 8 kap.
    1–2 §§, issue 12 item 10)."""
    decision = evaluate(request, ())
    if {b.code for b in decision.basis} == {"CONSENT-WITHIN-AUTHORITY"}:
        assert request.recipient.organisation == request.holder
        assert decision.permitted
    else:
        assert decision.outcome is Outcome.NOT_APPLICABLE
        assert not decision.permitted


@given(worlds(), st.randoms(use_true_random=False), decision_policies())
def test_order_of_consents_never_changes_the_answer(
    world: tuple[DisclosureRequest, list[Consent]], random: Any, policy: DecisionPolicy
) -> None:
    """Shuffling the consents gives the same decision, reasons and all."""
    request, given_consents = world
    shuffled = list(given_consents)
    random.shuffle(shuffled)
    assert evaluate(request, given_consents, policy=policy) == evaluate(
        request, shuffled, policy=policy
    )


@given(worlds(), st.data())
def test_a_deny_consent_never_turns_a_deny_into_a_permit(
    world: tuple[DisclosureRequest, list[Consent]], data: st.DataObject
) -> None:
    """Adding a consent that only denies never makes a refused request permitted."""
    request, given_consents = world
    before = evaluate(request, given_consents)
    refusal = data.draw(
        consents(
            subjects=st.just(request.subject),
            provisions_=provisions(decision=ProvisionType.DENY, max_depth=0),
            ids=st.just("zz-deny"),
        )
    )
    after = evaluate(request, [*given_consents, refusal])
    if not before.permitted:
        assert not after.permitted


@given(worlds(max_consents=3), st.data())
def test_nothing_is_permitted_after_a_revocation(
    world: tuple[DisclosureRequest, list[Consent]], data: st.DataObject
) -> None:
    """With every consent revoked, nothing rests on a consent from the revocation on (the
    answer is the one without any consent: the holder's own use, say, needs none);
    before it, every answer is as it was."""
    request, given_consents = world
    revoked = [data.draw(revocations(of=st.just(c))) for c in given_consents]
    with_revocations: list[ConsentRecord] = [*given_consents, *revoked]
    first = min((r.revoked_at for r in revoked), default=None)
    decision = evaluate(request, with_revocations)
    latest = max((r.revoked_at for r in revoked), default=None)
    if latest is not None and request.at >= latest:
        assert not decision.consent_ids
        # Only a basis that needs no consent may still permit (within one authority,
        # say: the holder's own branch using its information).
        assert not decision.permitted or evaluate(request, ()).permitted
    if first is not None and request.at < first:
        assert decision == evaluate(request, given_consents)


@given(worlds())
def test_decision_depends_only_on_consents_valid_at_the_instant(
    world: tuple[DisclosureRequest, list[Consent]],
) -> None:
    """Dropping the consents not in force at the request's instant changes neither the
    outcome nor the basis (only the reasons that mention them)."""
    request, given_consents = world
    in_force = [
        c
        for c in given_consents
        if c.valid_from <= request.at and (c.valid_until is None or request.at < c.valid_until)
    ]
    full = evaluate(request, given_consents)
    only = evaluate(request, in_force)
    assert (full.outcome, full.basis, full.obligations) == (
        only.outcome,
        only.basis,
        only.obligations,
    )


@given(worlds(), st.lists(consent_instants(), max_size=4))
def test_registry_answers_as_evaluate_does_however_often_asked(
    world: tuple[DisclosureRequest, list[Consent]], instants: list[Any]
) -> None:
    """The registry's memoised answer equals a fresh evaluation at every instant, and
    asking again gives the same answer."""
    request, given_consents = world
    registry = ConsentRegistry(given_consents)
    for at in [request.at, *instants]:
        asked = DisclosureRequest(
            subject=request.subject,
            action=request.action,
            category=request.category,
            holder=request.holder,
            recipient=request.recipient,
            purpose=request.purpose,
            at=at,
            also_about=request.also_about,
            data_period=request.data_period,
            circumstances=request.circumstances,
        )
        first = registry.decide(asked)
        assert first == evaluate(asked, given_consents)
        assert registry.decide(asked) == first


@given(worlds(), st.data())
def test_registry_after_a_revocation_keeps_the_past(
    world: tuple[DisclosureRequest, list[Consent]], data: st.DataObject
) -> None:
    """Adding a revocation to a registry that already answered leaves every answer for
    an earlier instant unchanged."""
    request, given_consents = world
    if not given_consents:
        return
    registry = ConsentRegistry(given_consents)
    before = registry.decide(request)
    target = data.draw(st.sampled_from(given_consents))
    revocation = data.draw(revocations(of=st.just(target)))
    registry.add(revocation)
    after = registry.decide(request)
    assert after == evaluate(request, [*given_consents, revocation])
    if request.at < revocation.revoked_at:
        assert after == before


@given(consents())
def test_generated_consents_are_valid_when_documented(consent: Consent) -> None:
    """The strategy's consents pass the consent rules on the day they were documented."""
    assert consent.evidence is not None
    assert consent.evidence.documented_at is not None
    assert is_valid(consent, on=consent.evidence.documented_at.date())


@given(
    st.sampled_from(BREAKABLE_RULES).flatmap(
        lambda code: st.tuples(st.just(code), consents_breaking(code))
    )
)
def test_breaking_strategies_break_exactly_their_rule(pair: tuple[str, Consent]) -> None:
    """Each breaking strategy gives consents that fail with exactly the named code."""
    code, consent = pair
    report = check(consent, on=consent.given_at.date())
    assert report.codes == {code}
    assert not report.ok


_TYPES = (
    Organisation,
    Recipient,
    Provision,
    Evidence,
    Identifier,
    Consent,
    Revocation,
    Block,
    BlockLift,
    HarmAssessment,
    DisclosureRequest,
    DecisionPolicy,
    Decision,
    Basis,
    Obligation,
    AuditRecord,
)


@settings(max_examples=15)
@given(st.sampled_from(_TYPES).flatmap(lambda cls: st.tuples(st.just(cls), st.from_type(cls))))
def test_json_round_trip_and_schema(pair: tuple[type, object]) -> None:
    """Every consent type survives JSON unchanged and its documents validate against
    the exported JSON Schema."""
    cls, value = pair
    text = to_json(value)
    assert from_json(cls, text) == value
    jsonschema.validate(json.loads(text), json_schema(cls))


@given(
    consents(subjects=st.sampled_from((ANNA,)))
    | consents(grantees_=st.frozensets(recipients(), max_size=2)),
    st.sampled_from(("R4", "R5")),
)
def test_fhir_round_trip_validates_with_a_real_fhir_model(consent: Consent, version: str) -> None:
    """What to_fhir writes is a valid FHIR R4B / R5 Consent, and reads back unchanged:
    business identifiers, grantees (R4: anhorig's extension) and whom the consent was
    checked with included."""
    resource = to_fhir(consent, version)  # type: ignore[arg-type]
    model = FhirR4BConsent if version == "R4" else FhirR5Consent
    model.model_validate(resource)
    assert from_fhir(json.loads(json.dumps(resource))) == consent


@given(worlds(max_consents=2))
def test_audit_record_masks_and_round_trips(world: tuple[DisclosureRequest, list[Consent]]) -> None:
    """The journal line never shows a full personnummer or name."""
    request, given_consents = world
    record = AuditRecord.of(request, evaluate(request, given_consents))
    line = record.journal_text("sv") + record.journal_text("en")
    for person in request.subjects:
        if person.id is not None:
            assert person.id.value not in line
        assert person.name not in line


@given(worlds(max_consents=0))
def test_listening_is_always_permitted(world: tuple[DisclosureRequest, list[Consent]]) -> None:
    """Taking in information (COLLECT) is permitted whatever is recorded."""
    request, _ = world
    listening = DisclosureRequest(
        subject=request.subject,
        action=Action.COLLECT,
        category=request.category,
        holder=request.holder,
        recipient=request.recipient,
        purpose=request.purpose,
        at=request.at,
    )
    assert evaluate(listening, ()).permitted


@st.composite
def rich_worlds(draw: st.DrawFn) -> tuple[DisclosureRequest, list[ConsentRecord]]:
    """Consents, revocations, blocks, lifts and harm assessments about a few people, and a
    request that
    may assert any circumstance and take any action."""
    (request,), records = draw(rich_worlds_asked(questions=1))
    return request, records


@st.composite
def rich_worlds_asked(
    draw: st.DrawFn, *, questions: int
) -> tuple[list[DisclosureRequest], list[ConsentRecord]]:
    """As :func:`rich_worlds`, with 1 to ``questions`` requests about the same people;
    the records in an order a registry accepts (a revocation or lift after its record)."""
    pool = draw(subject_pools(max_size=2))
    people = st.sampled_from(pool)
    orgs = organisations()
    who = recipients(people_=people, organisations_=orgs)
    records: list[ConsentRecord] = draw(
        consent_records(subjects=people, organisations_=orgs, recipients_=who, max_consents=4)
    )
    requests = draw(
        st.lists(
            disclosure_requests(
                subjects=people,
                organisations_=orgs,
                recipients_=recipients(people_=people, organisations_=orgs, concrete=True),
                actions=st.sampled_from(Action),
                circumstances=st.frozensets(st.sampled_from(Circumstance), max_size=3),
            ),
            min_size=1,
            max_size=questions,
        )
    )
    return requests, records


@given(rich_worlds(), st.lists(consent_instants(), max_size=4), decision_policies())
def test_registry_equals_evaluate_with_every_kind_of_record(
    world: tuple[DisclosureRequest, list[ConsentRecord]],
    instants: list[Any],
    policy: DecisionPolicy,
) -> None:
    """With revocations, blocks, lifts and asserted circumstances too, the registry's
    memoised answer is the fresh evaluation at every instant, whatever order the
    records came in."""
    request, records = world
    registry = ConsentRegistry(records, policy=policy)
    for at in [request.at, *instants]:
        asked = attrs.evolve(request, at=at)
        assert registry.decide(asked) == evaluate(asked, list(reversed(records)), policy=policy)


@given(rich_worlds_asked(questions=3), st.data(), decision_policies())
def test_cold_asks_in_any_order_between_additions_equal_evaluate(
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
    policy: DecisionPolicy,
) -> None:
    """Records are added one at a time (now and then a revocation through ``revoke``),
    and after each addition questions are asked in any order at any instant, the first
    of them since the person's records changed a cold ask: every answer is what
    ``evaluate`` gives over every record added so far."""
    questions, records = world
    questions = with_consent_questions(data, questions, records)
    registry = ConsentRegistry(policy=policy)
    added: list[ConsentRecord] = []
    for record in [None, *records]:
        if record is not None:
            registry.add(record)
            added.append(record)
        consents_so_far = [r for r in added if isinstance(r, Consent)]
        if consents_so_far and data.draw(st.integers(0, 3), label="revoke?") == 0:
            consent = data.draw(st.sampled_from(consents_so_far), label="revoked")
            at = data.draw(consent_instants(), label="revoked_at")
            added.append(registry.revoke(consent.id, at=at))
        for _ in range(data.draw(st.integers(min_value=0, max_value=3), label="asks")):
            question = data.draw(st.sampled_from(questions), label="question")
            asked = attrs.evolve(question, at=data.draw(consent_instants(), label="at"))
            got = registry.decide(asked)
            expected = evaluate(asked, added, policy=policy)
            assert got.outcome is expected.outcome
            assert got.basis == expected.basis
            assert got.reasons == expected.reasons
            assert got.obligations == expected.obligations
    assert len(registry) == len(added)


def with_consent_questions(
    data: st.DataObject, questions: list[DisclosureRequest], records: list[ConsentRecord]
) -> list[DisclosureRequest]:
    """``questions`` and one a consent's provision speaks to for each consent in
    ``records``, so that answers rest on consents too."""
    return questions + [
        data.draw(question_for(record), label="question for a consent")
        for record in records
        if isinstance(record, Consent)
    ]


@st.composite
def question_for(draw: st.DrawFn, consent: Consent) -> DisclosureRequest:
    """A request that ``consent``'s provision (not always its exceptions) matches: by
    its own holder, about its subject, with an action, category, purpose and concrete
    recipient the provision names (any, where it names none)."""
    provision = consent.provision
    named = sorted(
        (
            r
            for r in provision.recipients
            if r.kind in (RecipientKind.PERSON, RecipientKind.ORGANISATION)
        ),
        key=repr,
    )
    if named:
        recipient = draw(st.sampled_from(named))
    else:
        recipient = draw(recipients(people_=st.just(consent.subject), concrete=True))
    return DisclosureRequest(
        subject=consent.subject,
        action=draw(st.sampled_from(sorted(provision.actions) or [Action.DISCLOSE, Action.ACCESS])),
        category=draw(st.sampled_from(sorted(provision.categories) or list(InfoCategory))),
        holder=consent.obtained_by,
        recipient=recipient,
        purpose=draw(st.sampled_from(sorted(provision.purposes) or list(Purpose))),
        at=consent.given_at,
    )
