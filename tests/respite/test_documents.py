"""Every respite type round-trips through JSON and matches its exported schema."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from anhorig.errors import InvalidInput
from anhorig.respite import Booking, Ledger, RespitePolicy
from anhorig.serialization import document_types, from_json, json_schema, to_json
from anhorig.testing.strategies import _respite, type_strategies

RESPITE_TYPES = sorted(_respite.type_strategies(), key=lambda t: t.__name__)


@pytest.mark.parametrize("cls", RESPITE_TYPES, ids=lambda t: t.__name__)
def test_round_trip_and_schema(cls: type) -> None:
    """``from_json(type(x), to_json(x)) == x`` and the document validates against the schema."""
    schema = json_schema(cls)
    jsonschema.Draft202012Validator.check_schema(schema)

    @settings(max_examples=15)
    @given(type_strategies()[cls])
    def check(value: Any) -> None:
        text = to_json(value)
        assert from_json(cls, text) == value
        jsonschema.validate(json.loads(text), schema)

    check()


def test_respite_types_are_documents() -> None:
    """The respite types are listed as document types and have strategies."""
    names = set(document_types())
    assert {t.__name__ for t in RESPITE_TYPES} <= names
    assert "Ledger" in names
    assert "RespitePolicy" in names


def test_strict_reading_names_every_bad_path() -> None:
    """A bad ledger document names each bad path; a bad entry is refused with its index."""
    text = json.dumps({"type": "Ledger", "schema_version": 1, "grants": [{"id": 5}], "nick": 1})
    with pytest.raises(InvalidInput) as caught:
        from_json(Ledger, text)
    assert "$.nick" in caught.value.paths
    assert any(p.startswith("$.grants[0]") for p in caught.value.paths)


def test_policy_constructor_names_every_bad_field() -> None:
    """A policy with several bad fields reports them all."""
    with pytest.raises(InvalidInput) as caught:
        RespitePolicy(
            municipality="", notice=-1, day_starts_at=20, day_ends_at=8, carry_over_cap=3
        )  # cap without CAPPED
    assert set(caught.value.paths) == {"municipality", "notice", "day_ends_at", "carry_over_cap"}


@given(st.data())
def test_booking_needs_aware_made_at(data: st.DataObject) -> None:
    """A naive ``made_at`` is refused, naming the field."""
    from datetime import datetime

    booking = data.draw(type_strategies()[Booking])
    with pytest.raises(InvalidInput) as caught:
        Booking(
            id=booking.id,
            grant_id=booking.grant_id,
            interval=booking.interval,
            made_at=datetime(2026, 1, 1),
            provider=booking.provider,
        )
    assert caught.value.paths == ("made_at",)


def test_a_document_written_before_vaxelvard_was_a_kind_still_reads() -> None:
    """Issue 12, case 6: documents say ``"short_stay"`` as before, and it means korttid;
    växelvård is ``"alternating_care"``."""
    from datetime import date

    from anhorig.people import Person
    from anhorig.respite import GrantBasis, Quota, QuotaPeriod, QuotaUnit, RespiteGrant, RespiteKind
    from anhorig.time import Period

    grant = RespiteGrant(
        id="G-1",
        kind=RespiteKind.SHORT_STAY,
        basis=GrantBasis.DECISION,
        decision_ref="SN-1",
        quota=Quota(amount=14, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR),
        validity=Period.year(2026),
        cared_for=Person(name="Karin Berg", birth_date=date(1940, 5, 1)),
    )
    old = json.loads(to_json(grant))
    assert old["kind"] == "short_stay"
    read = from_json(RespiteGrant, json.dumps(old))
    assert read.kind is RespiteKind.SHORT_STAY
    assert read.kind.label("sv") == "korttidsvistelse"
    old["kind"] = "alternating_care"
    assert from_json(RespiteGrant, json.dumps(old)).kind.label("sv") == "växelvård"
