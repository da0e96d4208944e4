""" "As of" is exact for the whole decision (issue 10, item 7).

A decision at an instant ``t`` rests only on the records in effect by ``t``: adding a
record that takes effect later (a consent given later, a revocation, a block, a block
lift or a harm assessment effective later) never changes its outcome, basis,
obligations or reasons, nor how it is explained in either language.
"""

from __future__ import annotations

from datetime import timedelta

import attrs
import pendulum
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Action,
    Block,
    Circumstance,
    Consent,
    ConsentRecord,
    ConsentRegistry,
    Decision,
    DecisionPolicy,
    DisclosureRequest,
    HarmAssessment,
    HarmConclusion,
    Outcome,
    evaluate,
)
from anhorig.consent.engine import record_instant
from anhorig.testing.strategies import (
    block_lifts,
    blocks,
    consent_instants,
    consent_records,
    consents,
    decision_policies,
    disclosure_requests,
    harm_assessments,
    organisations,
    recipients,
    revocations,
    subject_pools,
)
from anhorig.time import as_instant, local
from tests.consent.consent_scenario import ANNA, REGION, consent, request

World = tuple[DisclosureRequest, list[ConsentRecord], ConsentRecord, DecisionPolicy]


def _later(draw: st.DrawFn, t: pendulum.DateTime) -> pendulum.DateTime:
    """An instant after ``t``: a microsecond to a second later, or up to a year."""
    if draw(st.booleans()):
        return as_instant(t + timedelta(microseconds=draw(st.integers(1, 1_000_000))))
    return as_instant(t + timedelta(minutes=draw(st.integers(1, 60 * 24 * 365))))


@st.composite
def worlds_and_a_later_record(draw: st.DrawFn) -> World:
    """Records about a few people, a request at ``t`` about them that may assert any
    circumstance and take any action, and one more record of any kind that takes
    effect after ``t`` (a registry would accept it after the others)."""
    pool = draw(subject_pools(max_size=2))
    people = st.sampled_from(pool)
    orgs = organisations()
    who = recipients(people_=people, organisations_=orgs)
    records: list[ConsentRecord] = draw(
        consent_records(subjects=people, organisations_=orgs, recipients_=who, max_consents=4)
    )
    given_consents = [r for r in records if isinstance(r, Consent)]
    placed = [r for r in records if isinstance(r, Block)]
    asked = draw(
        disclosure_requests(
            subjects=people,
            organisations_=orgs,
            recipients_=recipients(people_=people, organisations_=orgs, concrete=True),
            actions=st.sampled_from(Action),
            circumstances=st.frozensets(st.sampled_from(Circumstance), max_size=3),
        )
    )
    t = asked.at
    kind = draw(st.sampled_from(["consent", "revocation", "block", "lift", "assessment"]))
    later: ConsentRecord
    if kind == "revocation" and given_consents:
        target = draw(st.sampled_from(given_consents))
        later = draw(revocations(of=st.just(target)))
        later = attrs.evolve(later, revoked_at=max(later.revoked_at, _later(draw, t)))
    elif kind == "lift" and placed:
        lift = draw(block_lifts(of=st.just(draw(st.sampled_from(placed)))))
        at = max(lift.lifted_at, _later(draw, t))
        evidence = attrs.evolve(lift.evidence, documented_at=at)
        later = attrs.evolve(lift, lifted_at=at, evidence=evidence)
    elif kind == "block":
        block = draw(blocks(subjects=people, organisations_=orgs))
        later = attrs.evolve(block, id=f"later-{block.id}", placed_at=_later(draw, t))
    elif kind == "assessment":
        later = draw(
            harm_assessments(
                subjects=people,
                organisations_=orgs,
                recipients_=who,
                ids=st.just("mp-later"),
                at=st.just(_later(draw, t)),
            )
        )
    else:
        drawn = draw(consents(subjects=people, organisations_=orgs, recipients_=who))
        given_at = _later(draw, t)
        # Sometimes valid from an earlier instant (backdated): it was still not given at t.
        valid_from = draw(st.sampled_from([given_at, draw(consent_instants())]))
        valid_until = drawn.valid_until
        if valid_until is not None and valid_until <= valid_from:
            valid_until = None
        documented = drawn.evidence and attrs.evolve(drawn.evidence, documented_at=given_at)
        later = attrs.evolve(
            drawn,
            id="c-later",
            given_at=given_at,
            valid_from=valid_from,
            valid_until=valid_until,
            evidence=documented,
        )
    assert record_instant(later) > t
    return asked, records, later, draw(decision_policies())


def _same(before: Decision, after: Decision) -> None:
    assert after.outcome is before.outcome
    assert after.basis == before.basis
    assert after.obligations == before.obligations
    assert after.reasons == before.reasons
    assert after == before
    for lang in ("sv", "en"):
        assert after.explain(lang) == before.explain(lang)


@given(worlds_and_a_later_record())
def test_a_record_taking_effect_later_changes_nothing_at_an_earlier_instant(world: World) -> None:
    """``evaluate`` at ``t`` is the same with or without a record effective after ``t``."""
    asked, records, later, policy = world
    _same(
        evaluate(asked, records, policy=policy), evaluate(asked, [*records, later], policy=policy)
    )


@given(worlds_and_a_later_record())
def test_the_registry_answers_as_it_did_after_a_later_record_is_added(world: World) -> None:
    """A registry asked at ``t``, then given a record effective after ``t``, answers the
    same again; and its answer is ``evaluate`` over the records in effect by ``t``."""
    asked, records, later, policy = world
    registry = ConsentRegistry(records, policy=policy)
    before = registry.decide(asked)
    registry.add(later)
    _same(before, registry.decide(asked))
    in_effect = registry.history(as_of=asked.at)
    _same(evaluate(asked, in_effect, policy=policy), registry.decide(asked))


def test_a_consent_given_in_june_backdated_to_march_does_not_permit_in_april() -> None:
    """A consent is relied on from when it was given, whatever its ``valid_from``: in
    April a consent given in June (valid from March) was not there to rely on."""
    june = local(2026, 6, 1, 10)
    backdated = attrs.evolve(consent(given_at=june), valid_from=local(2026, 3, 1))
    april = request(at=local(2026, 4, 15))
    assert evaluate(april, [backdated]) == evaluate(april, [])
    assert evaluate(april, [backdated]).outcome is Outcome.NOT_APPLICABLE
    assert evaluate(request(at=local(2026, 6, 2)), [backdated]).permitted


def test_a_consent_given_later_is_not_listed_as_not_in_force() -> None:
    """Asked in April, a consent given in June is not among the reasons (it did not
    exist yet); one given in March and expired by April is."""
    june = consent("c-june", given_at=local(2026, 6, 1, 10))
    expired = consent("c-march", valid_until=local(2026, 4, 1))
    april = request(at=local(2026, 4, 15))
    codes = [(r.code, r.path) for r in evaluate(april, [june, expired]).reasons]
    assert ("CONSENT-NOT-IN-FORCE", "consents[c-march]") in codes
    assert not any("c-june" in path for _, path in codes)


def test_a_harm_assessment_made_later_is_not_among_the_reasons() -> None:
    """Asked before a harm assessment was made (by another holder, so it would never
    count), the decision does not mention it."""
    asked = request(at=local(2026, 5, 4, 9, 30))
    assessment = HarmAssessment(
        id="mp-1",
        subject=ANNA,
        holder=REGION,
        assessed_by="hsa-17",
        assessed_at=local(2026, 6, 1, 10),
        categories=frozenset({asked.category}),
        recipient=asked.recipient,
        purpose=asked.purpose,
        conclusion=HarmConclusion.CLEARLY_NO_HARM,
    )
    assert evaluate(asked, [assessment]) == evaluate(asked, [])
