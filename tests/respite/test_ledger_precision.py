"""The ledger compares the instants entries are recorded at exactly, to the microsecond:
the order of entries, "as of" and the late-cancellation cut-off (issue 10, item 4)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pendulum
import pytest

from anhorig.errors import InvalidInput
from anhorig.respite import Ledger, RespiteKind, RespitePolicy
from anhorig.time import local

from ._helpers import HOUR, booking, grant

POLICY = RespitePolicy(
    municipality="Exempel", kinds=frozenset({RespiteKind.IN_HOME}), late_cancellation_hours=24
)
START = local(2026, 6, 1, 8)
NIGHT = booking(
    "B", START, local(2026, 6, 1, 12), made_at=local(2026, 5, 1, 10).replace(microsecond=900_000)
)


def _ledger() -> Ledger:
    return Ledger(policies=(POLICY,), grants=(grant(),)).book(NIGHT)


def _paths(error: pytest.ExceptionInfo[InvalidInput]) -> list[str]:
    return [problem.path for problem in error.value.problems]


def test_a_cancellation_0_8_s_before_its_booking_is_refused() -> None:
    """Booked at 10:00:00.9, cancelled at 10:00:00.1: older than the entry before."""
    with pytest.raises(InvalidInput) as error:
        _ledger().cancel("B", at=local(2026, 5, 1, 10).replace(microsecond=100_000))
    assert _paths(error) == ["entries[1].at"]


def test_a_booking_recorded_a_fraction_of_a_second_earlier_is_refused() -> None:
    """Two bookings in the same whole second, the second recorded 0.5 s before the first."""
    earlier = booking(
        "B-2",
        local(2026, 6, 2, 8),
        local(2026, 6, 2, 9),
        made_at=local(2026, 5, 1, 10).replace(microsecond=400_000),
    )
    with pytest.raises(InvalidInput) as error:
        _ledger().book(earlier)
    assert _paths(error) == ["entries[1].made_at"]


def test_an_entry_at_the_same_microsecond_or_later_is_kept() -> None:
    """Equal instants keep the order (a series booked at once); a microsecond later too,
    also when the instant comes in another zone."""
    same = _ledger().cancel("B", at=NIGHT.made_at)
    assert len(same) == 2
    in_utc = datetime(2026, 5, 1, 8, 0, 0, 900_001, tzinfo=UTC)
    assert len(_ledger().cancel("B", at=in_utc)) == 2
    with pytest.raises(InvalidInput):
        _ledger().cancel("B", at=datetime(2026, 5, 1, 8, 0, 0, 899_999, tzinfo=UTC))


def test_as_of_cuts_between_microseconds() -> None:
    """Asked as of 10:00:00.5, a booking recorded at 10:00:00.9 is not there yet."""
    ledger = _ledger()
    before = local(2026, 5, 1, 10).replace(microsecond=500_000)
    assert ledger.cutoff(before) == 0
    assert ledger.as_of(before) == Ledger(policies=(POLICY,), grants=(grant(),))
    assert ledger.balance("G-1", date(2026, 6, 1), as_of=before).reserved == 0
    assert ledger.cutoff(NIGHT.made_at) == 1
    assert ledger.balance("G-1", date(2026, 6, 1), as_of=NIGHT.made_at).reserved == 4 * HOUR


def test_the_late_cancellation_cut_off_is_exact() -> None:
    """With a 24-hour cut-off, a cancellation half a second after it counts as used;
    one exactly at it does not."""
    cut_off = pendulum.instance(START).subtract(hours=24)
    at_cut_off = _ledger().cancel("B", at=cut_off)
    assert at_cut_off.balance("G-1", date(2026, 6, 1)).used == 0
    just_after = _ledger().cancel("B", at=cut_off.replace(microsecond=500_000))
    assert just_after.balance("G-1", date(2026, 6, 1)).used == 4 * HOUR
