"""`Balance` says its unit: amounts counted in seconds or dygn, hours as exact decimals."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import jsonschema
import pytest

from anhorig.errors import InvalidInput
from anhorig.respite import QuotaUnit
from anhorig.respite.ledger import AMOUNT_FIELDS, Balance
from anhorig.serialization import from_json, json_schema, to_json
from anhorig.time import Period


def _balance(unit: QuotaUnit, **amounts: int) -> Balance:
    fields: dict[str, Any] = dict.fromkeys(AMOUNT_FIELDS, 0)
    fields.update(amounts)
    return Balance(grant_id="G-1", period=Period.month(2026, 3), unit=unit, charged=False, **fields)


def test_an_hours_quota_counts_seconds_and_gives_hours() -> None:
    """36000 seconds are 10 hours; 37800 are 10.5; the JSON names say which is which."""
    b = _balance(QuotaUnit.HOURS, granted=36000, used=37800, over_quota=1800)
    assert b.amount_unit == "seconds"
    assert (b.hours("granted"), b.hours("used"), b.hours("over_quota")) == (
        Decimal("10"),
        Decimal("10.5"),
        Decimal("0.5"),
    )
    assert str(b.hours("granted")) == "10"
    named = b.amounts()
    assert named["granted_seconds"] == 36000
    assert named["granted_hours"] == Decimal(10)
    assert set(named) == {f"{f}_{u}" for f in AMOUNT_FIELDS for u in ("seconds", "hours")}


def test_hours_are_exact_to_the_hundredth() -> None:
    """A minute is 0.02 h when rounded to hundredths (half to even); seconds stay exact."""
    b = _balance(QuotaUnit.HOURS, granted=60, used=36 * 7)
    assert b.hours("granted") == Decimal("0.02")
    assert b.hours("used") == Decimal("0.07")
    assert b.amounts()["granted_seconds"] == 60


def test_a_dygn_quota_counts_dygn_and_has_no_hours() -> None:
    """A dygn quota's amounts are named _dygn; asking for hours is refused."""
    b = _balance(QuotaUnit.DYGN, granted=30, reserved=3, remaining=27)
    assert b.amount_unit == "dygn"
    assert b.amounts() == {
        "granted_dygn": 30,
        "carried_over_dygn": 0,
        "used_dygn": 0,
        "reserved_dygn": 3,
        "remaining_dygn": 27,
        "over_quota_dygn": 0,
    }
    with pytest.raises(InvalidInput):
        b.hours("granted")


# --- the document (issue 17): amounts named for their unit, version 1 still read ----------

_V1_HOURS = """{"type": "Balance", "schema_version": 1, "grant_id": "G-1",
 "period": {"start": "2026-03-01", "end": "2026-04-01"}, "unit": "hours",
 "granted": 36000, "carried_over": 0, "used": 37800, "reserved": 0, "remaining": 0,
 "over_quota": 1800, "charged": false}"""
"""A Balance document as version 1 wrote it: seconds under the fields' own names."""


def test_the_document_names_every_amount_for_its_unit() -> None:
    """An hours quota's amounts are written as seconds under _seconds, a dygn quota's
    under _dygn; the document's schema_version is 2, and it reads back equal."""
    hours = _balance(QuotaUnit.HOURS, granted=36000, used=37800, over_quota=1800)
    written = json.loads(to_json(hours))
    assert written["schema_version"] == 2
    assert written["granted_seconds"] == 36000
    assert written["over_quota_seconds"] == 1800
    assert not {"granted", "granted_dygn", "used"} & set(written)
    assert from_json(Balance, to_json(hours)) == hours
    dygn = _balance(QuotaUnit.DYGN, granted=30, reserved=3, remaining=27)
    written = json.loads(to_json(dygn))
    assert (written["granted_dygn"], written["remaining_dygn"]) == (30, 27)
    assert not {"granted", "granted_seconds"} & set(written)
    assert from_json(None, to_json(dygn)) == dygn


def test_a_version_1_document_is_still_read_with_the_same_meaning() -> None:
    """granted 36000 in a version 1 document is 36000 seconds (10 hours), as then."""
    read = from_json(Balance, _V1_HOURS)
    assert read == _balance(QuotaUnit.HOURS, granted=36000, used=37800, over_quota=1800)
    assert read.hours("granted") == Decimal(10)
    assert json.loads(to_json(read))["granted_seconds"] == 36000


def test_the_versions_do_not_mix() -> None:
    """Version 2's names in a version 1 document are unknown fields, and the other way
    round; an amount of the other unit is named, and an unknown version lists both."""
    v1_names = _V1_HOURS.replace('"schema_version": 1', '"schema_version": 2')
    with pytest.raises(InvalidInput) as caught:
        from_json(Balance, v1_names)
    assert "$.granted" in {p.path for p in caught.value.problems}
    v2 = to_json(_balance(QuotaUnit.HOURS, granted=60))
    with pytest.raises(InvalidInput) as caught:
        from_json(Balance, v2.replace('"schema_version": 2', '"schema_version": 1'))
    assert "$.granted_seconds" in {p.path for p in caught.value.problems}
    with pytest.raises(InvalidInput) as caught:
        from_json(Balance, v2.replace("granted_seconds", "granted_dygn"))
    paths = {p.path: p.message.en for p in caught.value.problems}
    assert set(paths) == {"$.granted_seconds", "$.granted_dygn"}
    assert paths["$.granted_dygn"] == "a quota in hours has no granted_dygn"
    with pytest.raises(InvalidInput) as caught:
        from_json(Balance, v2.replace('"schema_version": 2', '"schema_version": 3'))
    assert str(caught.value) == "$.schema_version: väntade 2 eller 1, fick 3"


def test_the_schema_is_version_2_and_a_validator_tells_the_units_apart() -> None:
    """The schema's $id and const say version 2; jsonschema accepts what to_json writes
    and refuses an hours balance given in dygn, or without its seconds."""
    schema = json_schema(Balance)
    assert schema["$id"] == "urn:anhorig:schema:Balance:2"
    assert schema["properties"]["schema_version"]["const"] == 2
    assert schema["properties"]["granted_seconds"]["x-unit"] == "s"
    validator = jsonschema.Draft202012Validator(schema)
    good = json.loads(to_json(_balance(QuotaUnit.HOURS, granted=60)))
    assert validator.is_valid(good)
    assert validator.is_valid(json.loads(to_json(_balance(QuotaUnit.DYGN, granted=3))))
    wrong = {k.replace("_seconds", "_dygn"): v for k, v in good.items()}
    assert not validator.is_valid(wrong)
    assert not validator.is_valid({k: v for k, v in good.items() if k != "used_seconds"})
    assert not validator.is_valid(json.loads(_V1_HOURS))  # the schema is version 2's
