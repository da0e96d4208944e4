"""The common question is decided by the consents alone and explained when read.

``procedure.decide`` answers a question about one person, without circumstances,
across a secrecy boundary, about someone with no block and no harm assessment, from
their consents without noting why; ``decide_fully`` notes every basis and reason.
Both must say exactly the same: outcome, obligations, basis, reasons, explanation
and journal line, whatever the records, the question, the instant and the policy.
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Circumstance,
    Consent,
    ConsentRecord,
    ConsentRegistry,
    Decision,
    DecisionPolicy,
    DisclosureRequest,
    InfoCategory,
    Outcome,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    Revocation,
    evaluate,
)
from anhorig.consent._compiled import Question, seconds
from anhorig.consent._timeline import question_key
from anhorig.consent.engine import compile_records
from anhorig.consent.rules.procedure import decide, decide_fully
from anhorig.testing.strategies import consent_instants, decision_policies
from anhorig.time import Period
from tests.consent.consent_scenario import TOWN, consent, request, said
from tests.consent.test_consent_properties import rich_worlds_asked, with_consent_questions


def _explained_later(decision: Decision) -> bool:
    """Whether the decision was made without noting why (read before its basis is)."""
    return not isinstance(object.__getattribute__(decision, "_later")[0], tuple)


def _plain(asked: DisclosureRequest) -> DisclosureRequest:
    """``asked`` as the common question: no circumstances, about one person."""
    return attrs.evolve(asked, circumstances=frozenset(), also_about=(), concerns=None)


@given(rich_worlds_asked(questions=3), st.data(), decision_policies())
def test_the_quick_decision_says_what_the_full_one_says(
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
    policy: DecisionPolicy,
) -> None:
    """With every kind of record and question (and each question also as the common
    one), and with the consents and revocations alone (no block or harm assessment to
    send a question the full way), at any instant: ``decide`` equals ``decide_fully``
    in every word."""
    questions, records = world
    questions = with_consent_questions(data, questions, records)
    consents_only = [r for r in records if isinstance(r, Consent | Revocation)]
    instants = data.draw(st.lists(consent_instants(), max_size=3), label="instants")
    # Also when each consent is documented, so that some count.
    instants += [
        r.evidence.documented_at
        for r in records
        if isinstance(r, Consent)
        and r.evidence is not None
        and r.evidence.documented_at is not None
    ]
    for kept in (records, consents_only):
        by_subject = compile_records(kept, policy)
        for question in questions:
            for asked in (question, _plain(question)):
                for at in [asked.at, *instants]:
                    asked_at = attrs.evolve(asked, at=at)
                    q, t = Question(asked_at), seconds(asked_at.at)
                    quick = decide(q, t, by_subject, policy)
                    full = decide_fully(q, t, by_subject, policy)
                    assert said(quick, asked_at) == said(full, asked_at)


def test_the_common_question_is_explained_when_read() -> None:
    """A permit, a deny and no basis at all, each decided without noting why, then
    explained exactly as ``decide_fully`` explains it."""
    permit_except_economy = Provision(
        decision=ProvisionType.PERMIT,
        purposes=frozenset({Purpose.SIP}),
        exceptions=(
            Provision(
                decision=ProvisionType.DENY,
                categories=frozenset({InfoCategory.SOCIAL_ECONOMY}),
            ),
        ),
    )
    records = [consent(provision=permit_except_economy)]
    asked = [
        request(),
        request(category=InfoCategory.SOCIAL_ECONOMY),
        request(purpose=Purpose.INFORMING_RELATIVE),
    ]
    outcomes = []
    for question in asked:
        registry = ConsentRegistry(records)
        decision = registry.decide(question)
        assert _explained_later(decision)
        outcomes.append(decision.outcome)
        q, t = Question(question), seconds(question.at)
        full = decide_fully(q, t, compile_records(records, registry.policy), registry.policy)
        assert said(decision, question) == said(full, question)
        assert decision == evaluate(question, records)
    assert outcomes == [Outcome.PERMIT, Outcome.DENY, Outcome.NOT_APPLICABLE]


def test_other_questions_note_why_while_deciding() -> None:
    """The holder's own organisation, or a question with a circumstance, goes the full
    way (their rules note findings of their own)."""
    records = [consent()]
    assert _explained_later(evaluate(request(), records))
    own = request(recipient=Recipient.of_organisation(TOWN))
    assert not _explained_later(evaluate(own, records))
    necessary = request(circumstances=frozenset({Circumstance.NECESSARY_CARE}))
    assert not _explained_later(evaluate(necessary, records))


def test_a_question_key_tells_data_periods_apart() -> None:
    """The memo key holds a period as its two days: equal exactly when the periods are."""
    assert [f.name for f in attrs.fields(Period) if f.eq] == ["start", "end"]
    january = request(data_period=Period(date(2026, 1, 1), date(2026, 2, 1)))
    onwards = request(data_period=Period(date(2026, 1, 1)))
    assert question_key(onwards) == question_key(request(data_period=Period(date(2026, 1, 1))))
    assert len({question_key(january), question_key(onwards), question_key(request())}) == 3
