"""The registry: append-only, indexed by person, history readable, decisions memoised."""

from __future__ import annotations

import tracemalloc
import weakref

import pytest

from anhorig.consent import (
    AuditRecord,
    Block,
    BlockLift,
    ConsentRegistry,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    Outcome,
    Provision,
    ProvisionType,
    evaluate,
)
from anhorig.errors import InvalidInput
from anhorig.serialization import from_json, to_json
from anhorig.time import local
from tests.consent.consent_scenario import ANNA, EVA, GIVEN, TOWN, consent, request


def test_add_revoke_and_decide_as_of_any_instant() -> None:
    """Before a revocation the answer is permit, from it not; asking again changes nothing."""
    registry = ConsentRegistry([consent()])
    before = request(at=local(2026, 3, 31))
    assert registry.decide(before).permitted
    revocation = registry.revoke("c-1", at=local(2026, 4, 1))
    assert not registry.decide(request(at=local(2026, 4, 2))).permitted
    assert registry.decide(before).permitted
    assert registry.history() == (consent(), revocation)
    assert len(registry) == 2
    assert registry.subject_count == 1


def test_history_by_subject_and_as_of() -> None:
    """History lists records in the order added, for one person, in effect by an instant."""
    registry = ConsentRegistry([consent(), consent("c-2", subject=EVA, given_at=local(2026, 5, 1))])
    assert [c.id for c in registry.history(EVA)] == ["c-2"]  # type: ignore[union-attr]
    assert [c.id for c in registry.history(as_of=local(2026, 4, 1))] == ["c-1"]  # type: ignore[union-attr]
    assert registry.consent("c-2") is not None
    assert registry.consent("nope") is None


def test_append_only_rules() -> None:
    """The same consent twice is a no-op; a different one with the same id, a revocation
    of an unknown consent and a lift of an unknown block are refused."""
    registry = ConsentRegistry([consent()])
    registry.add(consent())
    assert len(registry) == 1
    with pytest.raises(InvalidInput):
        registry.add(consent(given_at=local(2026, 1, 1)))
    with pytest.raises(InvalidInput):
        registry.revoke("nope", at=GIVEN)
    lift = BlockLift(
        block_id="b-9",
        subject=ANNA,
        lifted_at=GIVEN,
        evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-1", documented_at=GIVEN),
    )
    with pytest.raises(InvalidInput):
        registry.add(lift)
    with pytest.raises(InvalidInput):
        registry.add("junk")  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        registry.decide("junk")  # type: ignore[arg-type]


def test_a_different_consent_under_a_known_id_is_refused_by_its_id() -> None:
    """Added one at a time or given to the constructor, a second consent with a known
    id is refused naming the id, in Swedish and English; the registry is unchanged."""
    for registry in (ConsentRegistry([consent()]), ConsentRegistry()):
        if not len(registry):
            registry.add(consent())
        with pytest.raises(InvalidInput) as refused:
            registry.add(consent(given_at=local(2026, 1, 1)))
        (problem,) = refused.value.problems
        assert problem.path == "id"
        assert problem.message.sv == "ett annat samtycke med id 'c-1' finns redan"
        assert problem.message.en == "another consent with id 'c-1' is already registered"
        assert registry.history() == (consent(),)
    with pytest.raises(InvalidInput) as built:
        ConsentRegistry([consent(), consent(given_at=local(2026, 1, 1))])
    assert [p.path for p in built.value.problems] == ["id"]


def test_new_records_invalidate_memoised_answers() -> None:
    """A block added after a decision was memoised changes later answers."""
    registry = ConsentRegistry([consent()])
    ask = request(at=local(2026, 6, 1))
    assert registry.decide(ask).permitted
    from tests.consent.consent_scenario import TOWN

    registry.add(Block(id="b-1", subject=ANNA, holder=TOWN, placed_at=local(2026, 5, 1)))
    assert registry.decide(ask).outcome is Outcome.DENY
    assert registry.decide(request(at=local(2026, 4, 1))).permitted


def test_audit_record_is_fit_for_the_journal() -> None:
    """Every decision becomes an audit record with a masked journal line, and round-trips."""
    registry = ConsentRegistry([consent()])
    ask = request()
    record = AuditRecord.of(ask, registry.decide(ask))
    line = record.journal_text("sv")
    assert line.startswith(
        "2026-05-04 09:30 Socialnämnden i Nyköping (kommun-0480-son): lämna ut hemtjänst om 19391225-****"
    )
    assert "CONSENT-PERMIT" in line
    assert "Samtycke: c-1" in line
    assert from_json(AuditRecord, to_json(record)) == record
    assert repr(registry) == "ConsentRegistry(1 records, 1 people)"


def test_equal_provisions_share_one_compiled_tree_while_held() -> None:
    """Consents read from documents hold equal provisions as distinct objects; the
    registry compiles the tree once (issue 14: memory per consent), and only while a
    compiled consent holds it."""
    import gc

    from anhorig.consent._compiled import _ROOTS, root_node
    from anhorig.consent.rules.validity import shared_compiled

    first = consent("S-1")
    second = from_json(type(first), to_json(first))
    assert second.provision == first.provision
    assert second.provision is not first.provision
    shared = root_node(first.provision)
    assert root_node(second.provision) is shared
    deny = consent("S-2", provision=Provision(decision=ProvisionType.DENY))
    kept = root_node(deny.provision)
    assert kept is not shared
    assert not kept.permit
    assert first.provision in _ROOTS
    del shared
    shared_compiled.cache_clear()  # evaluate's cache, filled by earlier tests, holds trees
    gc.collect()
    assert first.provision not in _ROOTS


def _asks(count: int, **changes: object) -> list[DisclosureRequest]:
    """``count`` distinct request objects, a second apart, all inside one answer."""
    return [request(at=local(2026, 6, 1, 10).add(seconds=k), **changes) for k in range(count)]


def test_kept_answers_follow_additions_for_every_kind_of_request() -> None:
    """Answers kept for request objects (about a person with records, about someone
    with none, about several people) are served again only while the records they
    came from stand: after an addition each is what a fresh registry answers."""
    registry = ConsentRegistry([consent()])
    everything = _asks(4) + _asks(4, subject=EVA) + _asks(4, also_about=(EVA,))
    first = [registry.decide(r) for r in everything]
    assert [registry.decide(r) for r in everything] == first
    assert [d.outcome for d in first] == [evaluate(r, [consent()]).outcome for r in everything]
    registry.add(Block(id="b-1", subject=ANNA, holder=TOWN, placed_at=local(2026, 5, 1)))
    after = [registry.decide(r).outcome for r in everything]
    fresh = ConsentRegistry(registry.history())
    assert after == [fresh.decide(r).outcome for r in everything]
    assert after[:4] == [Outcome.DENY] * 4
    assert after[4:8] == [d.outcome for d in first[4:8]]  # about Eva alone
    registry.add(consent("c-eva", subject=EVA))
    fresh = ConsentRegistry(registry.history())
    assert [registry.decide(r) for r in everything] == [fresh.decide(r) for r in everything]


def test_requests_asked_are_not_kept_alive() -> None:
    """A request object the caller dropped is let go, and what the registry kept for
    it with it: however many distinct ones are asked, memory stops growing."""
    registry = ConsentRegistry([consent()])
    registry.decide(request())  # the question's timeline holds the first one asked
    first = request(at=local(2026, 6, 1, 9))
    registry.decide(first)
    gone = weakref.ref(first)
    del first
    kept = gone() is not None
    assert not kept
    made = 0

    def ask(count: int) -> None:
        nonlocal made
        for k in range(made, made + count):
            registry.decide(request(at=local(2026, 6, 1, 10).add(seconds=k)))
        made += count

    tracemalloc.start()
    try:
        ask(256)
        before = tracemalloc.get_traced_memory()[0]
        ask(1024)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    # Bytes, for 1,024 more requests: keeping each would grow by hundreds of bytes.
    assert grown < 50_000
