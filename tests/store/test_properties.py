"""Store-backed answers equal the in-memory ones (hypothesis), on SQLite and PostgreSQL.

Records go into the store in random batches, alternately through two connections (as two
processes would), while a registry and a ledger opened before any of it keep answering:
every decision must equal ``evaluate`` over the records added so far, every balance the
in-memory ``Ledger``'s over the entries added so far; and asked again later *as recorded*
then, each answer comes out the same.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anhorig.consent import (
    Action,
    Circumstance,
    ConsentRecord,
    DecisionPolicy,
    DisclosureRequest,
    evaluate,
)
from anhorig.respite import Booking, Cancellation, Ledger
from anhorig.store import open_store
from anhorig.testing.strategies import (
    consent_instants,
    consent_records,
    decision_policies,
    disclosure_requests,
    ledgers,
    organisations,
    recipients,
    subject_pools,
)

FIXTURES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@st.composite
def worlds(draw: st.DrawFn) -> tuple[list[DisclosureRequest], list[ConsentRecord]]:
    """Records of every kind about two or three people, in an order a registry accepts,
    and questions about them (sometimes about two people at once)."""
    pool = draw(subject_pools(max_size=3))
    people = st.sampled_from(pool)
    orgs = organisations()
    who = recipients(people_=people, organisations_=orgs)
    records: list[ConsentRecord] = draw(
        consent_records(subjects=people, organisations_=orgs, recipients_=who, max_consents=5)
    )
    questions = draw(
        st.lists(
            disclosure_requests(
                subjects=people,
                organisations_=orgs,
                recipients_=recipients(people_=people, organisations_=orgs, concrete=True),
                actions=st.sampled_from(Action),
                circumstances=st.frozensets(st.sampled_from(Circumstance), max_size=2),
            ),
            min_size=1,
            max_size=3,
        )
    )
    return questions, records


def _cuts(data: st.DataObject, size: int) -> list[int]:
    """Random batch boundaries ``0 = c0 < c1 < ... = size``."""
    inner = data.draw(st.sets(st.integers(1, max(1, size - 1)), max_size=4)) if size > 1 else set()
    return [0, *sorted(c for c in inner if c < size), size]


@FIXTURES
@given(worlds(), st.data(), decision_policies())
def test_registry_decisions_equal_evaluate_between_appends_by_another_connection(
    fresh_urls: Callable[[], str],
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
    policy: DecisionPolicy,
) -> None:
    """After each batch (written by one connection or the other), every question at
    random instants gets ``evaluate``'s answer over the records so far; at the end each
    earlier answer is asked again as recorded then and comes out the same."""
    questions, records = world
    url = fresh_urls()
    with open_store(url) as mine, open_store(url) as theirs:
        registry = mine.registry(cache_size=data.draw(st.integers(1, 3)), policy=policy)
        asked: list[tuple[Any, DisclosureRequest, Any]] = []
        cuts = _cuts(data, len(records))
        for start, end in itertools.pairwise(cuts):
            writer = data.draw(st.sampled_from((mine, theirs)))
            done = writer.append(records[start:end])
            so_far = records[:end]
            for question in questions:
                at = data.draw(consent_instants())
                request = attrs.evolve(question, at=at)
                decision = registry.decide(request)
                assert decision == evaluate(request, so_far, policy=policy)
                asked.append((done.recorded_at, request, decision))
        for recorded, request, decision in asked:
            if recorded is not None:
                then = mine.registry(as_recorded=recorded, policy=policy)
                assert then.decide(request) == decision
        for person in {q.subject for q in questions}:
            assert set(registry.history(person)) == {r for r in records if r.subject == person}


@FIXTURES
@given(ledgers(max_grants=3, max_entries=12), st.data())
def test_store_balances_equal_the_in_memory_ledger_between_appends(
    fresh_urls: Callable[[], str], ledger: Ledger, data: st.DataObject
) -> None:
    """Policies, units and grants first, then the entries in random batches through
    either connection: after each batch every grant's balance (at a random date, as of a
    random instant) equals the in-memory ledger's over the entries so far."""
    url = fresh_urls()
    entries: list[Booking | Cancellation] = list(ledger.entries)
    with open_store(url) as mine, open_store(url) as theirs:
        mine.append([*ledger.policies, *ledger.units, *ledger.grants])
        stored = mine.ledger(cache_size=data.draw(st.integers(1, 3)))
        cuts = _cuts(data, len(entries))
        for start, end in itertools.pairwise(cuts):
            data.draw(st.sampled_from((mine, theirs))).append(entries[start:end])
            memory = Ledger(
                policies=ledger.policies,
                grants=ledger.grants,
                units=ledger.units,
                entries=tuple(entries[:end]),
            )
            for grant in ledger.grants:
                assert grant.validity.end is not None
                on = data.draw(
                    st.dates(grant.validity.start, grant.validity.end - timedelta(days=1))
                )
                as_of = data.draw(st.none() | consent_instants())
                assert stored.balance(grant.id, on, as_of=as_of) == memory.balance(
                    grant.id, on, as_of=as_of
                )
                assert stored.balances(grant.id, on) == memory.balances(grant.id, on)
                if as_of is not None:
                    assert stored.as_of(as_of).balance(grant.id, on) == memory.as_of(as_of).balance(
                        grant.id, on
                    )


@FIXTURES
@given(worlds(), st.data())
def test_purge_never_changes_an_answer_from_its_date_on(
    fresh_urls: Callable[[], str],
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
) -> None:
    """Gallring removes only what can no longer matter: for every instant from the date
    on, the outcome, basis and obligations are what they were before it."""
    questions, records = world
    before = data.draw(st.dates(date(2025, 1, 1), date(2029, 1, 1)))
    with open_store(fresh_urls()) as store:
        store.append(records)
        registry = store.registry()
        for question in questions:
            store.purge(question.subject, before=before, reason="test", by="hsa-1")
        left = [s.record for s in store.history()]
        for question in questions:
            at = data.draw(consent_instants())
            request = attrs.evolve(question, at=max(at, _midnight(before)))
            full = evaluate(request, records)
            after = registry.decide(request)
            assert after == evaluate(request, left)  # type: ignore[arg-type]
            assert (after.outcome, after.basis, after.obligations) == (
                full.outcome,
                full.basis,
                full.obligations,
            )


def _midnight(day: date) -> Any:
    from anhorig.time import local

    return local(day.year, day.month, day.day)
