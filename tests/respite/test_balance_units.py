"""`Balance` says its unit: amounts counted in seconds or dygn, hours as exact decimals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from anhorig.errors import InvalidInput
from anhorig.respite import QuotaUnit
from anhorig.respite.ledger import AMOUNT_FIELDS, Balance
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
