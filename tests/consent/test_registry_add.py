"""``ConsentRegistry.add`` of a consent, written out for speed (issue 14): it publishes
what the general compilation (``compile_records``, which ``evaluate`` uses) makes of the
same records, never changes a person's records once published (but for the superseded
mark), and refuses and ignores what it did before."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Block,
    Consent,
    ConsentRecord,
    ConsentRegistry,
    DecisionPolicy,
    DisclosureRequest,
    evaluate,
)
from anhorig.consent._compiled import CompiledConsent, SubjectRecords
from anhorig.consent.engine import compile_records
from anhorig.consent.model import person_key
from anhorig.consent.rules.validity import compile_consent
from anhorig.errors import InvalidInput
from anhorig.testing.strategies import decision_policies
from anhorig.time import local
from tests.consent.consent_scenario import ANNA, EVA, REGION, consent, request
from tests.consent.test_consent_properties import rich_worlds_asked, with_consent_questions

_WORKED_OUT = sorted(set(CompiledConsent.__slots__) - {"_judge", "consent", "id", "root"})
"""What a compiled consent works out when first read (its root is compared by its
instants: equal provisions may or may not share one tree)."""

_UNSET = object()


def _slot(obj: object, name: str) -> Any:
    """A slot's value without working anything out; ``_UNSET`` if not set."""
    try:
        return object.__getattribute__(obj, name)
    except AttributeError:
        return _UNSET


def _contents(records: SubjectRecords) -> tuple[Any, ...]:
    """Everything one person's compiled records hold (the consents and harm assessments
    by the identity of their record), comparable between two compilations."""
    return (
        {
            ident: (id(c.consent), tuple(getattr(c, name) for name in _WORKED_OUT))
            for ident, c in records.consents.items()
        },
        dict(records.revoked),
        {ident: id(block) for ident, block in records.blocks.items()},
        dict(records.lifts),
        {
            ident: (id(a.assessment), a.start, a.until, a.categories, a.recipients)
            for ident, a in records.assessments.items()
        },
    )


def _published(registry: ConsentRegistry) -> dict[str, SubjectRecords]:
    return dict(registry._by_subject)


@given(rich_worlds_asked(questions=3), st.data(), decision_policies())
def test_added_one_by_one_the_registry_holds_what_compiling_the_records_gives(
    world: tuple[list[DisclosureRequest], list[ConsentRecord]],
    data: st.DataObject,
    policy: DecisionPolicy,
) -> None:
    """Records added one at a time (a consent after the first about its person is the
    written-out copy), some consents added again, hold what ``compile_records`` makes
    of them, as a registry built from them at once (merged in place) does; every
    person's records, once published, keep what they held, and only those replaced
    are marked superseded; the answers are ``evaluate``'s."""
    questions, records = world
    consents = [r for r in records if isinstance(r, Consent)]
    again = data.draw(st.lists(st.sampled_from(consents), max_size=3)) if consents else []
    registry = ConsentRegistry(policy=policy)
    seen: list[tuple[SubjectRecords, tuple[Any, ...]]] = []
    for record in [*records, *again]:
        registry.add(record)
        for mine in _published(registry).values():
            if not any(kept is mine for kept, _ in seen):
                seen.append((mine, _contents(mine)))
    built = ConsentRegistry(records, policy=policy)
    expected = {k: _contents(v) for k, v in compile_records(records, policy, shared=False).items()}
    for made in (registry, built):
        assert {k: _contents(v) for k, v in _published(made).items()} == expected
        assert made.history() == tuple(records)
    current = {id(mine) for mine in _published(registry).values()}
    for mine, contents in seen:
        assert _contents(mine) == contents
        assert mine.superseded is (id(mine) not in current)
    for question in with_consent_questions(data, questions, records):
        answer = evaluate(question, records, policy=policy)
        assert registry.decide(question) == answer
        assert built.decide(question) == answer


def test_a_consent_added_is_made_as_compile_consent_makes_it() -> None:
    """The same slots set to the same values before anything is worked out, and the
    same values worked out; every slot of the person's new records set."""
    policy = DecisionPolicy()
    registry = ConsentRegistry(policy=policy)
    first, second = consent("c-1"), consent("c-2", valid_until=local(2027, 1, 1))
    registry.add(first)
    registry.add(second)
    mine = _published(registry)[person_key(ANNA)]
    for added in (first, second):
        got = mine.consents[added.id]
        made = compile_consent(added, policy)
        assert [_slot(got, n) for n in CompiledConsent.__slots__] == [
            _slot(made, n) for n in CompiledConsent.__slots__
        ]
        assert [getattr(got, n) for n in _WORKED_OUT] == [getattr(made, n) for n in _WORKED_OUT]
    assert all(_slot(mine, n) is not _UNSET for n in SubjectRecords.__slots__)
    assert not mine.superseded


def test_someone_without_a_personnummer_is_kept_under_their_key() -> None:
    """Consents about a person known by name and birth date are indexed as
    ``person_key`` names them, so that a decision about them finds every one."""
    registry = ConsentRegistry()
    added = [consent("e-1", subject=EVA), consent("e-2", subject=EVA)]
    for record in added:
        registry.add(record)
    assert list(_published(registry)) == [person_key(EVA)]
    assert set(_published(registry)[person_key(EVA)].consents) == {"e-1", "e-2"}
    asked = attrs.evolve(request(), subject=EVA)
    assert registry.decide(asked) == evaluate(asked, added)
    assert registry.history(EVA) == tuple(added)


def test_a_consent_refused_or_added_again_changes_nothing_published() -> None:
    """Adding the same consent again does nothing, and a different one under a known
    id is refused by its id: the person's published records stay, not superseded,
    and the lock is free after (a refusal inside it releases it)."""
    registry = ConsentRegistry(
        [Block(id="b-1", subject=ANNA, holder=REGION, placed_at=local(2026, 5, 1))]
    )
    registry.add(consent())
    mine = _published(registry)[person_key(ANNA)]
    registry.add(consent())
    with pytest.raises(InvalidInput) as refused:
        registry.add(consent(given_at=local(2026, 1, 1)))
    assert [p.path for p in refused.value.problems] == ["id"]
    assert _published(registry)[person_key(ANNA)] is mine
    assert not mine.superseded
    assert len(registry) == 2
    assert registry._lock.acquire(blocking=False)
    registry._lock.release()
