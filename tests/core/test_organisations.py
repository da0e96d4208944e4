"""The core vocabulary of organisations: huvudman, verksamhet, utförare."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import anhorig
import anhorig.consent
import anhorig.consent.model
import anhorig.plans
import anhorig.respite
from anhorig import InvalidInput
from anhorig.organisations import Organisation, Principal, Provider, ProviderKind, Sector
from anhorig.serialization import from_json, to_json
from anhorig.testing.strategies import providers
from anhorig.testing.strategies._core import ORGANISATION_POOL


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (
            Principal,
            ["municipality", "region", "private_provider", "voluntary_organisation", "other"],
        ),
        (Sector, ["health_care", "social_services", "other"]),
        (
            ProviderKind,
            ["municipality", "region", "contractor", "voluntary_organisation", "other"],
        ),
    ],
)
def test_values(enum: Any, values: list[str]) -> None:
    """The values JSON holds, in declaration order; Principal and ProviderKind spell alike."""
    assert [m.value for m in enum] == values


@pytest.mark.parametrize(
    ("member", "sv", "en"),
    [
        (Principal.MUNICIPALITY, "kommun", "municipality"),
        (Principal.PRIVATE_PROVIDER, "privat utförare", "private provider"),
        (Principal.OTHER, "annan huvudman", "other principal"),
        (Sector.HEALTH_CARE, "hälso- och sjukvård (OSL 25 kap.)", "health care (OSL ch. 25)"),
        (Sector.SOCIAL_SERVICES, "socialtjänst (OSL 26 kap.)", "social services (OSL ch. 26)"),
        (Sector.OTHER, "annan verksamhet", "other"),
        (ProviderKind.MUNICIPALITY, "kommunen", "the municipality"),
        (
            ProviderKind.CONTRACTOR,
            "utförare på kommunens uppdrag",
            "contractor for the municipality",
        ),
        (ProviderKind.VOLUNTARY_ORGANISATION, "frivilligorganisation", "voluntary organisation"),
    ],
)
def test_labels(member: Any, sv: str, en: str) -> None:
    """Every member reads in Swedish (the default) and English."""
    assert member.label() == member.label("sv") == sv
    assert member.label("en") == en


def test_every_member_has_both_labels() -> None:
    members = [m for enum in (Principal, Sector, ProviderKind) for m in enum]
    assert all(m.label("sv") for m in members)
    assert all(m.label("en") for m in members)


@pytest.mark.parametrize(
    "where", [anhorig, anhorig.consent, anhorig.consent.model, anhorig.plans, anhorig.respite]
)
def test_one_vocabulary_wherever_users_find_it(where: Any) -> None:
    """The areas re-export the core classes themselves, not look-alikes."""
    found = {name: getattr(where, name) for name in where.__all__}
    core = {
        "Organisation": Organisation,
        "Principal": Principal,
        "Provider": Provider,
        "ProviderKind": ProviderKind,
        "Sector": Sector,
    }
    assert all(found[name] is cls for name, cls in core.items() if name in found)
    assert {"Principal", "Sector", "Organisation", "Provider"} & set(found)


def test_provider_refuses_every_bad_field_at_once() -> None:
    with pytest.raises(InvalidInput) as err:
        Provider(name="  ", kind="municipal")  # type: ignore[arg-type]
    assert set(err.value.paths) == {"name", "kind"}


def test_organisation_refuses_every_bad_field_at_once() -> None:
    with pytest.raises(InvalidInput) as err:
        Organisation(id="a b", name="", principal="kommun", sector=None)  # type: ignore[arg-type]
    assert set(err.value.paths) == {"id", "name", "principal", "sector"}
    assert "id" in err.value.explain("en")


def test_names_are_not_masked() -> None:
    """Organisations are not personal data: their names show as they are."""
    org = Organisation(
        id="fk-1", name="Försäkringskassan", principal=Principal.OTHER, sector=Sector.OTHER
    )
    assert "Försäkringskassan" in repr(org)
    assert str(org) == "Försäkringskassan (fk-1)"
    assert "Röda korset" in repr(Provider(name="Röda korset", kind=ProviderKind.OTHER))


def test_old_respite_spellings_are_refused() -> None:
    """'municipal', 'contracted' and 'volunteer' became the Principal-like spellings."""
    for old in ("municipal", "contracted", "volunteer"):
        with pytest.raises(InvalidInput):
            from_json(
                Provider,
                f'{{"type": "Provider", "schema_version": 1, "name": "X", "kind": "{old}"}}',
            )


def test_the_strategies_reach_every_member() -> None:
    """So the round trip below meets every principal, sector and provider kind."""
    assert {o.principal for o in ORGANISATION_POOL} == set(Principal)
    assert {o.sector for o in ORGANISATION_POOL} == set(Sector)
    assert {p.kind for p in _drawn(providers())} == set(ProviderKind)


def _drawn(strategy: st.SearchStrategy[Provider]) -> list[Provider]:
    seen: list[Provider] = []

    @given(strategy)
    @settings(max_examples=200, database=None, derandomize=True)
    def collect(provider: Provider) -> None:
        seen.append(provider)

    collect()
    return seen


@given(st.from_type(Organisation) | st.from_type(Provider))
def test_json_round_trip(thing: Organisation | Provider) -> None:
    """Every organisation type reads back as the value it was written from."""
    assert from_json(type(thing), to_json(thing)) == thing
