"""One registry shared by threads: ``add`` and ``decide`` may run at once.

A decision must never fail, and must be the decision ``evaluate`` gives over the
records added before it, or over those plus some of the ones being added while it
was asked: the answer of a single-threaded run of the same calls in some order.
"""

from __future__ import annotations

import itertools
import pickle
import random
import threading
from collections import Counter
from collections.abc import Callable
from datetime import date

import attrs
import pendulum

from anhorig.consent import (
    Action,
    Block,
    BlockLift,
    Consent,
    ConsentRecord,
    ConsentRegistry,
    Decision,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    HarmAssessment,
    HarmConclusion,
    InfoCategory,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientRole,
    Revocation,
    evaluate,
)
from anhorig.consent.model import person_key
from anhorig.people import Person
from anhorig.time import local
from tests._threads import Deadline, run_together
from tests.consent.consent_scenario import ANNA, EVA, NILS, REGION, TOWN, TOWN_HEALTH

PEOPLE = (ANNA, EVA)
RECIPIENTS = (
    Recipient.of_organisation(REGION),
    Recipient.of_organisation(TOWN_HEALTH),
    Recipient.of_person(NILS, role=RecipientRole.RELATIVE),
)
CATEGORIES = (InfoCategory.SOCIAL_HOME_CARE, InfoCategory.SOCIAL_ECONOMY)
PURPOSES = (Purpose.SIP, Purpose.INFORMING_RELATIVE)


def _instant(rng: random.Random) -> pendulum.DateTime:
    return local(2026, rng.randrange(1, 13), rng.randrange(1, 29), rng.randrange(24))


def _evidence(at: pendulum.DateTime) -> Evidence:
    return Evidence(form=EvidenceForm.WRITTEN, documented_by="hsa-17", documented_at=at)


def _records(
    rng: random.Random, count: int, prefix: str = "", people: tuple[Person, ...] = PEOPLE
) -> list[ConsentRecord]:
    """``count`` records about ``people`` taking effect all over 2026, in an order a
    registry accepts (a revocation or a lift after what it names)."""
    made: list[ConsentRecord] = []
    consents: list[Consent] = []
    blocks: list[Block] = []
    for number in range(count):
        kind = rng.choice(["consent", "consent", "revocation", "block", "lift", "assessment"])
        subject = rng.choice(people)
        at = _instant(rng)
        ident = f"{prefix}{kind[0]}-{number}"
        if kind == "revocation" and consents:
            target = rng.choice(consents)
            made.append(Revocation(consent_id=target.id, subject=target.subject, revoked_at=at))
        elif kind == "lift" and blocks:
            block = rng.choice(blocks)
            made.append(
                BlockLift(
                    block_id=block.id, subject=block.subject, lifted_at=at, evidence=_evidence(at)
                )
            )
        elif kind == "block":
            categories = frozenset(rng.sample(CATEGORIES, rng.randrange(2)))
            blocks.append(
                Block(id=ident, subject=subject, holder=TOWN, placed_at=at, categories=categories)
            )
            made.append(blocks[-1])
        elif kind == "assessment":
            made.append(
                HarmAssessment(
                    id=ident,
                    subject=subject,
                    holder=TOWN,
                    assessed_by="hsa-17",
                    assessed_at=at,
                    categories=frozenset({rng.choice(CATEGORIES)}),
                    recipient=rng.choice(RECIPIENTS),
                    purpose=rng.choice(PURPOSES),
                    conclusion=rng.choice(list(HarmConclusion)),
                )
            )
        else:
            denied = Provision(
                decision=ProvisionType.DENY, categories=frozenset({rng.choice(CATEGORIES)})
            )
            consents.append(
                Consent.grant(
                    id=ident,
                    subject=subject,
                    obtained_by=TOWN,
                    to=rng.sample(RECIPIENTS, rng.randrange(3)),
                    categories=rng.sample(CATEGORIES, rng.randrange(2)),
                    purposes=rng.sample(PURPOSES, rng.randrange(2)),
                    evidence=_evidence(at),
                    given_at=at,
                    valid_until=at.add(months=rng.randrange(2, 8)) if rng.random() < 0.3 else None,
                    exceptions=(denied,) if rng.random() < 0.3 else (),
                )
            )
            made.append(consents[-1])
    return made


def _questions(rng: random.Random, count: int) -> list[DisclosureRequest]:
    """Requests by the municipality about Anna, Eva or both (their instant is changed
    when asked)."""
    questions = []
    for _ in range(count):
        subject = rng.choice(PEOPLE)
        also: tuple[Person, ...] = ()
        if rng.random() < 0.25:
            also = (EVA if subject is ANNA else ANNA,)
        questions.append(
            DisclosureRequest(
                subject=subject,
                also_about=also,
                action=Action.DISCLOSE,
                category=rng.choice(CATEGORIES),
                holder=TOWN,
                recipient=rng.choice(RECIPIENTS),
                purpose=rng.choice(PURPOSES),
                at=local(2026, 1, 1),
            )
        )
    return questions


Asked = list[tuple[DisclosureRequest, int, int, Decision]]
"""What was asked, how many adds had returned before, how many had begun after, and
the answer."""


def _race(seed: int) -> tuple[list[ConsentRecord], Asked]:
    """One thread adds 40 records one by one while three ask questions at instants all
    over 2026 (each question's first ask after an add is a cold one)."""
    rng = random.Random(seed)
    records = _records(rng, 40)
    questions = _questions(rng, 12)
    registry = ConsentRegistry()
    begun = [0]
    returned = [0]
    asked: Asked = []
    done = threading.Event()

    def add() -> None:
        try:
            for record in records:
                begun[0] += 1
                registry.add(record)
                returned[0] += 1
        finally:
            done.set()

    def ask(seed: int) -> Callable[[], None]:
        def run() -> None:
            rng = random.Random(seed)
            while not done.is_set():
                request = attrs.evolve(rng.choice(questions), at=_instant(rng))
                before = returned[0]
                decision = registry.decide(request)
                asked.append((request, before, begun[0], decision))

        return run

    errors = run_together([add, ask(seed + 1), ask(seed + 2), ask(seed + 3)])
    assert errors == [], errors
    return records, asked


def _check(records: list[ConsentRecord], asked: Asked) -> None:
    """Each answer is ``evaluate`` over the first ``k`` records for a ``k`` between
    the adds returned before it was asked and those begun by when it was answered."""
    expected: dict[tuple[DisclosureRequest, int], Decision] = {}
    for request, low, high, decision in asked:
        possible = []
        for count in range(low, high + 1):
            key = (request, count)
            if key not in expected:
                expected[key] = evaluate(request, records[:count])
            possible.append(expected[key])
        assert decision in possible, (request, low, high, decision.explain("en"))


def test_decisions_during_additions_are_those_of_some_order() -> None:
    """Decisions asked while one thread adds records never fail and never come from a
    memoised timeline that missed a record (a March request permitted on a consent
    given in June)."""
    for round_number in Deadline(rounds=40, seconds=4.0):
        _check(*_race(round_number * 10))


CROWD = tuple(Person(name=f"Person {n}", birth_date=date(1940 + n, 1, 1)) for n in range(30))
"""People the registry hears of for the first time from several threads at once."""


def _adders(seed: int) -> tuple[ConsentRegistry, list[ConsentRecord], list[list[ConsentRecord]]]:
    """Four threads each add the same consents and harm assessments (which a registry
    keeps once) and 30 records of their own, about the same 30 people, into a registry
    that knows nothing of them yet."""
    rng = random.Random(seed)
    kept_once = (Consent, HarmAssessment)
    shared: list[ConsentRecord] = []
    for record in _records(rng, 60, prefix="s.", people=CROWD):
        if isinstance(record, kept_once) and len(shared) < 30:
            shared.append(record)
    own = [_records(rng, 30, prefix=f"t{i}.", people=CROWD) for i in range(4)]
    registry = ConsentRegistry()

    def add(records: list[ConsentRecord]) -> Callable[[], None]:
        def run() -> None:
            for mine, common in itertools.zip_longest(records, shared):
                for record in (mine, common):
                    if record is not None:
                        registry.add(record)

        return run

    errors = run_together([add(records) for records in own])
    assert errors == [], errors
    return registry, shared, own


def test_additions_from_threads_are_all_kept_once() -> None:
    """Records added by several threads at once are all in the registry, each thread's
    in its order; a record several threads add is kept once (adding it again does
    nothing); and every decision afterwards is ``evaluate`` over all of them."""
    for round_number in Deadline(rounds=40, seconds=3.0):
        registry, shared, own = _adders(round_number)
        everything = [*shared, *(record for records in own for record in records)]
        history = registry.history()
        assert Counter(history) == Counter(everything)
        assert len(registry) == len(everything)
        assert registry.subject_count == len({person_key(r.subject) for r in everything})
        for records in (shared, *own):
            mine = set(records)
            assert [r for r in history if r in mine] == records
        rng = random.Random(round_number)
        for person in rng.sample(CROWD, 5):
            for question in _questions(rng, 3):
                asked = attrs.evolve(question, subject=person, also_about=(), at=_instant(rng))
                assert registry.decide(asked) == evaluate(asked, everything)


def test_a_registry_still_pickles() -> None:
    """A registry pickles as its records and policy (not its lock or memo) and answers
    as the original."""
    rng = random.Random(7)
    records = _records(rng, 30)
    registry = ConsentRegistry(records)
    copy = pickle.loads(pickle.dumps(registry))
    assert copy.history() == registry.history()
    assert copy.policy == registry.policy
    for question in _questions(rng, 5):
        asked = attrs.evolve(question, at=_instant(rng))
        assert copy.decide(asked) == registry.decide(asked)


def test_threads_reading_a_fresh_decision_get_the_same_objects() -> None:
    """Threads read the explanation of a decision no one has read yet, at once: each
    gets the very same basis and reasons (built once, then kept), and the same words."""
    rng = random.Random(14)
    records = _records(rng, 40)
    registry = ConsentRegistry(records)
    questions = _questions(rng, 10)
    for round_number in Deadline(rounds=30, seconds=4.0):
        question = questions[round_number % len(questions)]
        asked = attrs.evolve(question, at=_instant(rng))
        fresh = [registry.decide(asked), evaluate(asked, records)]
        seen: list[tuple[Decision, object, object, str]] = []

        def read(
            decisions: list[Decision] = fresh,
            seen: list[tuple[Decision, object, object, str]] = seen,
        ) -> None:
            for decision in decisions:
                seen.append((decision, decision.reasons, decision.basis, decision.explain("en")))

        assert run_together([read] * 6) == []
        for decision in fresh:
            got = [(r, b, e) for d, r, b, e in seen if d is decision]
            assert len(got) == 6
            assert all(r is decision.reasons and b is decision.basis for r, b, _ in got)
            assert {e for _, _, e in got} == {decision.explain("en")}
        assert fresh[0] == fresh[1]
