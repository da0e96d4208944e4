"""Short-stay capacity night by night, hotel-like booking, and växelvård patterns."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest

from anhorig.errors import InvalidInput
from anhorig.respite import (
    THREE_HOME_ONE_AWAY,
    TWO_HOME_TWO_AWAY,
    VAXJO_ALTERNATING_CARE,
    AlternatingPattern,
    DygnCount,
    Ledger,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    ShortStayUnit,
    alternating,
    availability,
    book_like_hotel,
    check_series,
    hotel_stay,
    occupancy,
)
from anhorig.time import Period, local

from ._helpers import CARED_FOR, MUNICIPAL, grant

ON = date(2026, 1, 2)
UNIT = ShortStayUnit(id="U", name="Tallbacken", beds=2)


def _stay_grant(
    gid: str = "G-1", amount: int = 120, kind: RespiteKind = RespiteKind.SHORT_STAY
) -> RespiteGrant:
    return grant(gid, kind=kind, amount=amount, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR)


VAXELVARD = RespiteKind.ALTERNATING_CARE


def test_occupancy_night_by_night() -> None:
    """A stay takes a bed on each night it covers, not on the day it leaves."""
    ledger = Ledger(grants=(_stay_grant(),), units=(UNIT,))
    stay = hotel_stay(
        grant_id="G-1",
        unit_id="U",
        arrive=date(2026, 3, 2),
        nights=3,
        booking_id="H",
        made_at=local(2026, 1, 1),
        provider=MUNICIPAL,
    )
    ledger = ledger.book(stay)
    nights = availability(ledger, "U", Period(date(2026, 3, 1), date(2026, 3, 6)))
    assert [n.occupied for n in nights] == [0, 1, 1, 1, 0]
    assert occupancy(ledger, "U", date(2026, 3, 3)).free == 1
    cancelled = ledger.cancel("H", at=local(2026, 1, 2))
    assert occupancy(cancelled, "U", date(2026, 3, 3)).occupied == 0
    assert occupancy(cancelled, "U", date(2026, 3, 3), as_of=local(2026, 1, 1, 12)).occupied == 1


def test_book_like_a_hotel_until_full() -> None:
    """An annual quota of dygn is booked against free beds; the third guest is refused."""
    other = attrs.evolve(
        _stay_grant("G-2"), cared_for=attrs.evolve(CARED_FOR, id=None, name="Lars Öberg")
    )
    third = attrs.evolve(
        _stay_grant("G-3"), cared_for=attrs.evolve(CARED_FOR, id=None, name="Aino Hassan")
    )
    ledger = Ledger(grants=(_stay_grant(), other, third), units=(UNIT,))
    for index, gid in enumerate(("G-1", "G-2")):
        stay = hotel_stay(
            grant_id=gid,
            unit_id="U",
            arrive=date(2026, 5, 10),
            nights=4,
            booking_id=f"H{index}",
            made_at=local(2026, 1, 1),
            provider=MUNICIPAL,
        )
        ledger, report = book_like_hotel(ledger, stay, on=ON)
        assert report.ok
    late = hotel_stay(
        grant_id="G-3",
        unit_id="U",
        arrive=date(2026, 5, 13),
        nights=2,
        booking_id="H9",
        made_at=local(2026, 1, 1),
        provider=MUNICIPAL,
    )
    same, report = book_like_hotel(ledger, late, on=ON)
    assert same is ledger
    assert [f.code for f in report] == ["RESPITE-NO-BED"]
    with pytest.raises(InvalidInput):
        hotel_stay(
            grant_id="G-3",
            unit_id="U",
            arrive=date(2026, 5, 13),
            nights=0,
            booking_id="H9",
            made_at=local(2026, 1, 1),
            provider=MUNICIPAL,
        )


def test_three_weeks_home_one_away_over_a_year() -> None:
    """3 + 1 over 2026 from Monday 5 January gives 12 stays of 7 nights and a cut one."""
    g = _stay_grant(amount=100, kind=VAXELVARD)
    stays = alternating(
        g,
        THREE_HOME_ONE_AWAY,
        start=date(2026, 1, 5),
        made_at=local(2025, 12, 1),
        provider=MUNICIPAL,
        unit_id="U",
    )
    assert len(stays) == 13
    assert all(s.interval.start.weekday() == 0 for s in stays)
    # The last stay, arriving 28 December, is cut to leave by 31 December.
    assert stays[-1].interval.end.date() == date(2026, 12, 31)
    ledger = Ledger(policies=(VAXJO_ALTERNATING_CARE,), grants=(g,), units=(UNIT,))
    booked, report = check_series(ledger, stays, on=ON)
    assert report.ok, report.explain("en")
    assert booked.balance("G-1", date(2026, 1, 1)).reserved == 12 * 7 + 3


def test_two_and_two_capped_at_fourteen_a_month() -> None:
    """2 + 2 with at most 14 dygn a month shortens stays instead of passing the cap."""
    g = _stay_grant(amount=200, kind=VAXELVARD)
    capped = attrs.evolve(TWO_HOME_TWO_AWAY, max_dygn_per_month=14)
    stays = alternating(
        g, capped, start=date(2026, 1, 1), made_at=local(2025, 12, 1), provider=MUNICIPAL
    )
    ledger = Ledger(policies=(VAXJO_ALTERNATING_CARE,), grants=(g,))
    _, report = check_series(ledger, stays, on=ON)
    assert report.ok, report.explain("en")
    uncapped = alternating(
        g, TWO_HOME_TWO_AWAY, start=date(2026, 1, 1), made_at=local(2025, 12, 1), provider=MUNICIPAL
    )
    _, too_much = check_series(ledger, uncapped, on=ON)
    assert "RESPITE-DYGN-PER-MONTH" in too_much.codes
    assert all(f.path.startswith("bookings[") for f in too_much)


def test_calendar_day_counting_in_patterns() -> None:
    """Counting calendar days, a 7-night stay uses 8 dygn of a monthly cap."""
    g = _stay_grant(amount=200)
    pattern = AlternatingPattern(home_days=3, away_days=7, max_dygn_per_month=8)
    stays = alternating(
        g,
        pattern,
        start=date(2026, 2, 1),
        made_at=local(2025, 12, 1),
        provider=MUNICIPAL,
        count=DygnCount.CALENDAR_DAYS,
    )
    assert stays[0].interval.start.day == 4
    assert (stays[0].interval.end.date() - stays[0].interval.start.date()).days == 7


def test_a_rhythm_at_two_at_night_crosses_the_spring_change() -> None:
    """CI found it: a rhythm arriving and leaving at 02:00 met Sunday 28 March 2027, when
    the clock skips 02:00-02:59, and ``alternating`` raised. The hour is read as RFC 5545
    reads a recurring time in a gap: 03:00 summer time, one hour after 01:00."""
    g = grant(
        kind=RespiteKind.ALTERNATING_CARE,
        amount=200,
        unit=QuotaUnit.DYGN,
        per=QuotaPeriod.YEAR,
        validity=Period.year(2027),
    )
    pattern = AlternatingPattern(home_days=5, away_days=5, arrive_hour=2, leave_hour=2)
    stays = alternating(
        g, pattern, start=date(2027, 3, 3), made_at=local(2026, 12, 1), provider=MUNICIPAL
    )
    on_change, *others = [
        t
        for s in stays
        for t in (s.interval.start, s.interval.end)
        if t.date() == date(2027, 3, 28)
    ]
    assert not others
    assert (on_change.hour, on_change.utcoffset()) == (3, timedelta(hours=2))
    assert all(
        t.hour == 2 for s in stays for t in (s.interval.start, s.interval.end) if t != on_change
    )


def test_pattern_refuses_bad_values() -> None:
    """A pattern needs at least a day home and a night away, and real hours."""
    with pytest.raises(InvalidInput) as caught:
        AlternatingPattern(home_days=0, away_days=0, arrive_hour=25)
    assert set(caught.value.paths) == {"home_days", "away_days", "arrive_hour"}


def test_capacity_of_a_parent_ledger_ignores_a_branch() -> None:
    """A ledger sharing its index with a longer branch counts only its own beds."""
    ledger = Ledger(grants=(_stay_grant(),), units=(UNIT,))
    stay = hotel_stay(
        grant_id="G-1",
        unit_id="U",
        arrive=date(2026, 3, 2),
        nights=3,
        booking_id="H",
        made_at=local(2026, 1, 1),
        provider=MUNICIPAL,
    )
    branch = ledger.book(stay)
    assert occupancy(branch, "U", date(2026, 3, 3)).occupied == 1
    assert occupancy(ledger, "U", date(2026, 3, 3)).occupied == 0
    _, report = book_like_hotel(ledger, stay, on=ON)
    assert report.ok


def test_korttid_and_vaxelvard_share_the_beds() -> None:
    """Korttid and växelvård are two kinds but stays at the same units: a växelvård stay
    takes the bed a korttid stay would need (DOMAIN.md part 2 §6.2–6.3, seed 004)."""
    one_bed = ShortStayUnit(id="U", name="Tallbacken", beds=1)
    korttid = _stay_grant("G-1")
    neighbour = attrs.evolve(CARED_FOR, name="Per Ek")
    vaxelvard = attrs.evolve(_stay_grant("G-2", kind=VAXELVARD), cared_for=neighbour)
    ledger = Ledger(grants=(korttid, vaxelvard), units=(one_bed,))
    stays = {
        gid: hotel_stay(
            grant_id=gid,
            unit_id="U",
            arrive=date(2026, 3, 2),
            nights=2,
            booking_id=f"B-{gid}",
            made_at=local(2026, 1, 1),
            provider=MUNICIPAL,
        )
        for gid in ("G-1", "G-2")
    }
    ledger, report = book_like_hotel(ledger, stays["G-2"], on=ON)
    assert report.ok
    assert occupancy(ledger, "U", date(2026, 3, 2)).free == 0
    _, refused = book_like_hotel(ledger, stays["G-1"], on=ON)
    assert refused.codes == {"RESPITE-NO-BED"}
