"""Provisions narrowed to part of the consent's time, to some holders' information, and to
particular information (issue 13): examples for each case, and the engine's invariants.

A narrowed permit never permits what its request does not show it covers; a narrowed deny
applies when the request does not say (deny by default).
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Consent,
    ConsentRegistry,
    DisclosureRequest,
    InformationKind,
    InformationSelector,
    Outcome,
    Provision,
    ProvisionType,
    RecordLink,
    evaluate,
)
from anhorig.consent._compiled import Question, root_node
from anhorig.errors import InvalidInput
from anhorig.serialization import from_json, json_schema, to_json
from anhorig.testing.strategies import (
    consent_instants,
    consents,
    disclosure_requests,
    information_selectors,
    organisations,
    provisions,
    recipients,
    subject_pools,
)
from anhorig.time import local
from tests.consent.consent_scenario import REGION, TOWN, TOWN_HEALTH, consent, request

LABELS = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
SENSITIVE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
N = InformationSelector(kind=InformationKind.SECURITY_LABEL, system=LABELS, code="N")
R = InformationSelector(kind=InformationKind.SECURITY_LABEL, system=LABELS, code="R")
PSY = InformationSelector(kind=InformationKind.SECURITY_LABEL, system=SENSITIVE, code="PSY")
CDA = InformationSelector(
    kind=InformationKind.DOCUMENT_TYPE, system="urn:ietf:bcp:13", code="application/hl7-cda+xml"
)
PERMIT, DENY = ProvisionType.PERMIT, ProvisionType.DENY


def deny_except(**scope: Any) -> Consent:
    """Anna's consent: deny, except permit within ``scope``."""
    return consent(
        provision=Provision(decision=DENY, exceptions=(Provision(decision=PERMIT, **scope),))
    )


def permit_except(**scope: Any) -> Consent:
    """Anna's consent: permit, except deny within ``scope``."""
    return consent(
        provision=Provision(decision=PERMIT, exceptions=(Provision(decision=DENY, **scope),))
    )


def outcome(c: Consent, **changes: object) -> Outcome:
    return evaluate(request(**changes), (c,)).outcome


# --- part of the consent's time -----------------------------------------------------------


def test_a_permit_for_part_of_the_time_holds_only_then() -> None:
    c = deny_except(valid_from=local(2026, 4, 1), valid_until=local(2026, 6, 1))
    assert outcome(c, at=local(2026, 3, 31, 23, 59)) is Outcome.DENY
    assert outcome(c, at=local(2026, 4, 1)) is Outcome.PERMIT
    assert outcome(c, at=local(2026, 5, 31, 23, 59)) is Outcome.PERMIT
    assert outcome(c, at=local(2026, 6, 1)) is Outcome.DENY  # the end is not inside


def test_a_deny_for_part_of_the_time_holds_only_then() -> None:
    c = permit_except(valid_from=local(2026, 4, 1), valid_until=local(2026, 6, 1))
    assert outcome(c, at=local(2026, 3, 20)) is Outcome.PERMIT
    assert outcome(c, at=local(2026, 5, 4)) is Outcome.DENY
    assert outcome(c, at=local(2026, 7, 1)) is Outcome.PERMIT


def test_the_registry_sees_a_provision_start_and_end() -> None:
    """The registry memoises between change points: a provision's start and end are some."""
    c = deny_except(valid_from=local(2026, 4, 1), valid_until=local(2026, 6, 1))
    registry = ConsentRegistry()
    registry.add(c)
    for at in (local(2026, 3, 20), local(2026, 4, 2), local(2026, 6, 2), local(2026, 4, 3)):
        assert registry.decide(request(at=at)).outcome == outcome(c, at=at)


def test_a_provision_ends_after_it_starts() -> None:
    with pytest.raises(InvalidInput) as err:
        Provision(decision=PERMIT, valid_from=local(2026, 6, 1), valid_until=local(2026, 6, 1))
    assert [p.path for p in err.value.problems] == ["valid_until"]
    with pytest.raises(InvalidInput) as err:
        Provision(decision=PERMIT, valid_from="2026-06-01")
    assert [p.path for p in err.value.problems] == ["valid_from"]


# --- whose information (the custodian) ---------------------------------------------------


def test_holders_limit_a_provision_to_their_information() -> None:
    c = permit_except(holders=frozenset({TOWN}))
    assert outcome(c) is Outcome.DENY  # the town holds it
    other = consent(
        obtained_by=TOWN_HEALTH,
        provision=Provision(
            decision=PERMIT, exceptions=(Provision(decision=DENY, holders=frozenset({TOWN})),)
        ),
    )
    assert outcome(other, holder=TOWN_HEALTH) is Outcome.PERMIT  # someone else's information


def test_holders_are_matched_by_id() -> None:
    renamed = attrs.evolve(TOWN, name="Socialnämnden (nytt namn)")
    c = deny_except(holders=frozenset({renamed}))
    assert outcome(c) is Outcome.PERMIT


# --- which information -------------------------------------------------------------------


def test_a_narrowed_permit_needs_the_request_to_say_what_the_information_is() -> None:
    c = deny_except(information=frozenset({N}))
    assert outcome(c) is Outcome.DENY  # not said: the permit does not apply
    assert outcome(c, information=frozenset({N})) is Outcome.PERMIT
    assert outcome(c, information=frozenset({R})) is Outcome.DENY
    # A permit covers information only when all of it the request names is covered.
    assert outcome(c, information=frozenset({N, R})) is Outcome.DENY
    # Another kind the request names does not matter to a permit on labels.
    assert outcome(c, information=frozenset({N, CDA})) is Outcome.PERMIT


def test_a_narrowed_deny_applies_when_the_request_does_not_say() -> None:
    c = permit_except(information=frozenset({PSY}))
    assert outcome(c) is Outcome.DENY
    assert outcome(c, information=frozenset({N})) is Outcome.PERMIT
    assert outcome(c, information=frozenset({N, PSY})) is Outcome.DENY  # any piece


def test_within_a_kind_any_across_kinds_all() -> None:
    c = deny_except(information=frozenset({N, R, CDA}))
    assert outcome(c, information=frozenset({R, CDA})) is Outcome.PERMIT
    assert outcome(c, information=frozenset({N})) is Outcome.DENY  # the document type unsaid


@pytest.mark.parametrize(
    ("provision_link", "request_link", "covered"),
    [
        (RecordLink.INSTANCE, RecordLink.INSTANCE, True),
        (RecordLink.INSTANCE, RecordLink.RELATED, False),
        (RecordLink.RELATED, RecordLink.INSTANCE, True),
        (RecordLink.RELATED, RecordLink.RELATED, True),
        (RecordLink.RELATED, RecordLink.DEPENDENTS, False),
        (RecordLink.DEPENDENTS, RecordLink.DEPENDENTS, True),
        (RecordLink.DEPENDENTS, RecordLink.INSTANCE, True),
        (RecordLink.AUTHORED_BY, RecordLink.INSTANCE, False),
        (RecordLink.AUTHORED_BY, RecordLink.AUTHORED_BY, True),
    ],
)
def test_record_links(provision_link: RecordLink, request_link: RecordLink, covered: bool) -> None:
    chosen = InformationSelector.record("Task/example3", provision_link)
    asked = InformationSelector.record("Task/example3", request_link)
    assert chosen.covers(asked) is covered
    assert not chosen.covers(InformationSelector.record("Task/other", request_link))


def test_a_selector_is_checked_and_masked() -> None:
    with pytest.raises(InvalidInput) as err:
        InformationSelector(kind=InformationKind.RECORD, code="")
    assert {p.path for p in err.value.problems} == {"code", "link"}
    with pytest.raises(InvalidInput) as err:
        InformationSelector(kind=InformationKind.CODE, code="x", link=RecordLink.INSTANCE)
    assert [p.path for p in err.value.problems] == ["link"]
    author = InformationSelector(kind=InformationKind.AUTHOR, code="Anna Karlsson 193912250028")
    assert "Anna Karlsson" not in repr(author)
    assert "0028" not in repr(author)
    assert "0028" not in author.describe("en")
    with pytest.raises(InvalidInput) as err:
        Provision(decision=PERMIT, information=frozenset({"N"}), holders=frozenset({"x"}))  # type: ignore[arg-type]
    assert {p.path for p in err.value.problems} == {"information[0]", "holders[0]"}


def test_the_receipt_says_how_a_provision_is_narrowed() -> None:
    c = deny_except(
        holders=frozenset({REGION}),
        information=frozenset({N}),
        valid_from=local(2026, 4, 1),
        valid_until=local(2026, 6, 1),
    )
    sv, en = c.receipt("sv"), c.receipt("en")
    assert "Uppgifter som finns hos: Region Sörmland" in sv
    assert "Information held by: Region Sörmland" in en
    assert "Gäller 2026-04-01 00:00 – 2026-06-01 00:00" in sv
    assert "Holds 2026-04-01 00:00 – 2026-06-01 00:00" in en
    assert "Bara uppgifterna: säkerhetsmärkning 'N'" in sv
    assert "Only the information: security label 'N'" in en


def test_the_decision_says_how_the_deciding_provision_is_narrowed() -> None:
    c = deny_except(holders=frozenset({TOWN}), information=frozenset({N}))
    decision = evaluate(request(information=frozenset({N})), (c,))
    assert decision.permitted
    sv, en = decision.explain("sv"), decision.explain("en")
    assert "undantag 1: bara uppgifter som finns hos Socialnämnden i Nyköping" in sv
    assert "säkerhetsmärkning 'N'" in sv
    assert "provision.exceptions[0]: only information held by Socialnämnden i Nyköping" in en
    assert "security label 'N'" in en


@given(
    st.from_type(InformationSelector) | st.from_type(Provision) | st.from_type(DisclosureRequest)
)
def test_round_trip_and_schema(value: object) -> None:
    import json

    import jsonschema

    text = to_json(value)
    assert from_json(type(value), text) == value
    jsonschema.validate(json.loads(text), json_schema(type(value)))


# --- the engine's invariants -------------------------------------------------------------


@st.composite
def worlds(draw: st.DrawFn) -> tuple[DisclosureRequest, list[Consent]]:
    pool = draw(subject_pools(max_size=2))
    people = st.sampled_from(pool)
    orgs = organisations()
    who = recipients(people_=people, organisations_=orgs)
    given_consents = draw(
        st.lists(
            consents(subjects=people, organisations_=orgs, recipients_=who),
            max_size=3,
            unique_by=lambda c: c.id,
        )
    )
    asked = draw(
        disclosure_requests(
            subjects=people,
            organisations_=orgs,
            recipients_=recipients(people_=people, organisations_=orgs, concrete=True),
        )
    )
    return asked, given_consents


@st.composite
def narrowings(draw: st.DrawFn) -> dict[str, object]:
    """One narrowing: a time window, some holders, or some information."""
    which = draw(st.sampled_from(("time", "holders", "information")))
    if which == "time":
        start = draw(consent_instants())
        return {"valid_from": start, "valid_until": start.add(days=draw(st.integers(1, 300)))}
    if which == "holders":
        return {"holders": draw(st.frozensets(organisations(), min_size=1, max_size=2))}
    return {"information": draw(st.frozensets(information_selectors(), min_size=1, max_size=2))}


def _paths(p: Provision, here: tuple[int, ...] = ()) -> list[tuple[tuple[int, ...], Provision]]:
    found = [(here, p)]
    for i, child in enumerate(p.exceptions):
        found += _paths(child, (*here, i))
    return found


def _narrowed(p: Provision, at: tuple[int, ...], changes: dict[str, object]) -> Provision:
    if not at:
        merged = dict(changes)
        if "information" in merged:
            merged["information"] = p.information | merged["information"]  # type: ignore[operator]
        if "holders" in merged and p.holders:
            merged["holders"] = p.holders & merged["holders"]  # type: ignore[operator]
            if not merged["holders"]:
                merged["holders"] = frozenset({next(iter(p.holders))})
        if "valid_from" in merged and (p.valid_from or p.valid_until):
            merged = {}  # already for part of the time: left as it is
        return attrs.evolve(p, **merged)  # type: ignore[arg-type]
    head, *rest = at
    children = list(p.exceptions)
    children[head] = _narrowed(children[head], tuple(rest), changes)
    return attrs.evolve(p, exceptions=tuple(children))


def _tree_verdict(p: Provision, asked: DisclosureRequest) -> bool | None:
    found = root_node(p).decide(Question(asked), asked.timestamp)
    return None if found is None else found[0]


@given(worlds(), narrowings(), st.data())
def test_narrowing_a_permit_never_permits_more(
    world: tuple[DisclosureRequest, list[Consent]], change: dict[str, object], data: st.DataObject
) -> None:
    """A consent's own answer never becomes a permit when one of its permits is narrowed;
    narrowed below the root (its parent a deny), the decision never becomes a permit."""
    asked, given_consents = world
    if not given_consents:
        return
    index = data.draw(st.integers(0, len(given_consents) - 1))
    chosen = given_consents[index]
    permits = [(at, p) for at, p in _paths(chosen.provision) if p.decision is PERMIT]
    if not permits:
        return
    at, _ = data.draw(st.sampled_from(permits))
    narrowed = attrs.evolve(chosen, provision=_narrowed(chosen.provision, at, change))
    before, after = _tree_verdict(chosen.provision, asked), _tree_verdict(narrowed.provision, asked)
    assert after is not True or before is True
    if at:
        changed = [*given_consents[:index], narrowed, *given_consents[index + 1 :]]
        if not evaluate(asked, given_consents).permitted:
            assert not evaluate(asked, changed).permitted


@given(worlds(), st.frozensets(information_selectors(), min_size=1, max_size=2), st.data())
def test_narrowing_a_deny_to_information_never_denies_less_when_the_request_does_not_say(
    world: tuple[DisclosureRequest, list[Consent]],
    information: frozenset[InformationSelector],
    data: st.DataObject,
) -> None:
    """For a request that does not say what its information is, a deny narrowed to some
    information applies as before: every decision is the same."""
    asked, given_consents = world
    asked = attrs.evolve(asked, information=frozenset())
    if not given_consents:
        return
    index = data.draw(st.integers(0, len(given_consents) - 1))
    chosen = given_consents[index]
    denies = [(at, p) for at, p in _paths(chosen.provision) if p.decision is DENY]
    if not denies:
        return
    at, _ = data.draw(st.sampled_from(denies))
    narrowed = attrs.evolve(
        chosen, provision=_narrowed(chosen.provision, at, {"information": information})
    )
    changed = [*given_consents[:index], narrowed, *given_consents[index + 1 :]]
    assert evaluate(asked, changed).outcome is evaluate(asked, given_consents).outcome


@given(worlds())
def test_a_request_that_does_not_say_never_gains_a_permit_from_a_narrowed_permit(
    world: tuple[DisclosureRequest, list[Consent]],
) -> None:
    """No permit a decision rests on comes from a provision narrowed to information the
    request does not describe."""
    asked, given_consents = world
    asked = attrs.evolve(asked, information=frozenset())
    decision = evaluate(asked, given_consents)
    by_id = {c.id: c for c in given_consents}
    for basis in decision.basis:
        if basis.consent_id is None or basis.provision is None or not decision.permitted:
            continue
        provision = dict(by_id[basis.consent_id].provision.walk())[basis.provision]
        assert not provision.information


@given(provisions(), disclosure_requests())
def test_a_provision_outside_its_time_never_matches(p: Provision, asked: DisclosureRequest) -> None:
    node = root_node(p)
    t = asked.timestamp
    if (p.valid_from is not None and asked.at < p.valid_from) or (
        p.valid_until is not None and asked.at >= p.valid_until
    ):
        assert node.decide(Question(asked), t) is None
