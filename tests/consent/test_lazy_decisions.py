"""Decisions build their explanation when it is first read, not while deciding.

A decision read late (after more records were added and other questions asked) must
say exactly what one read at once says: the same basis, reasons, citations,
explanation and journal line (threads reading one at once:
``tests/consent/test_registry_threads.py``).
"""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Basis,
    Consent,
    ConsentRecord,
    ConsentRegistry,
    Decision,
    DecisionPolicy,
    DisclosureRequest,
    evaluate,
)
from anhorig.findings import Finding
from anhorig.testing.strategies import consent_instants, decision_policies
from tests.consent.consent_scenario import said
from tests.consent.test_consent_properties import (
    question_for,
    rich_worlds_asked,
    with_consent_questions,
)


def _checked_again(decision: Decision) -> Decision:
    """The decision rebuilt through the public, validating constructors: the engine's
    parts, made without checks, must pass them."""
    return Decision(
        outcome=decision.outcome,
        basis=tuple(Basis(**attrs.asdict(b, recurse=False)) for b in decision.basis),
        obligations=decision.obligations,
        reasons=tuple(Finding(**attrs.asdict(r, recurse=False)) for r in decision.reasons),
    )


@given(rich_worlds_asked(questions=3), st.data(), decision_policies())
def test_a_decision_read_late_says_what_one_read_at_once_says(
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
    policy: DecisionPolicy,
) -> None:
    """Records are added one at a time and questions asked between; each answer is
    kept unread until every record is in. Read then, it equals ``evaluate`` over the
    records added before it was asked, read at once."""
    questions, records = world
    questions = with_consent_questions(data, questions, records)
    registry = ConsentRegistry(policy=policy)
    added: list[ConsentRecord] = []
    kept: list[tuple[DisclosureRequest, Decision, tuple[object, ...]]] = []
    for record in [None, *records]:
        if record is not None:
            registry.add(record)
            added.append(record)
        for _ in range(data.draw(st.integers(min_value=0, max_value=2), label="asks")):
            question = data.draw(st.sampled_from(questions), label="question")
            asked = attrs.evolve(question, at=data.draw(consent_instants(), label="at"))
            now = evaluate(asked, added, policy=policy)
            kept.append((asked, registry.decide(asked), said(now, asked)))
    for asked, late, said_at_once in kept:
        assert said(late, asked) == said_at_once
        assert _checked_again(late) == late


@given(rich_worlds_asked(questions=3), st.data(), decision_policies())
def test_the_same_request_object_asked_again_after_an_addition(
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
    policy: DecisionPolicy,
) -> None:
    """The registry keeps the answer on a request object it was asked with; a record
    added about the person since must not leave that answer standing."""
    questions, records = world
    # Questions a consent's provision speaks to, asked once the consent is in force.
    for granted in records:
        if isinstance(granted, Consent):
            question = data.draw(question_for(granted), label="question for a consent")
            questions.append(attrs.evolve(question, at=granted.valid_from))
    registry = ConsentRegistry(policy=policy)
    added: list[ConsentRecord] = []
    for record in [None, *records]:
        if record is not None:
            registry.add(record)
            added.append(record)
        for question in questions:  # the very same objects each time
            expected = evaluate(question, added, policy=policy)
            assert registry.decide(question) == expected
            assert registry.decide(question) == expected


@given(rich_worlds_asked(questions=3), st.data(), decision_policies())
def test_an_equal_new_request_after_an_addition(
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
    policy: DecisionPolicy,
) -> None:
    """A question about one person keeps its timeline with the records it was made
    from: asked again with an equal new request object after a record was added, it
    answers from the records added since, never from the timeline of before."""
    questions, records = world
    questions = with_consent_questions(data, questions, records)
    instants = data.draw(st.lists(consent_instants(), min_size=1, max_size=3), label="instants")
    registry = ConsentRegistry(policy=policy)
    added: list[ConsentRecord] = []
    for record in [None, *records]:
        if record is not None:
            registry.add(record)
            added.append(record)
        for question in questions:
            for at in instants:
                expected = evaluate(attrs.evolve(question, at=at), added, policy=policy)
                # Two new objects: the second finds the timeline the first left.
                assert registry.decide(attrs.evolve(question, at=at)) == expected
                assert registry.decide(attrs.evolve(question, at=at)) == expected
