"""Each municipal preset against its rule as written in DOMAIN.md part 2 §6."""

from __future__ import annotations

from datetime import date

import attrs

from anhorig.people import Person
from anhorig.respite import (
    HABO,
    HOGSBY,
    HUDIKSVALL,
    PRESETS,
    RONNEBY,
    SUNNE,
    THREE_HOME_ONE_AWAY,
    TRANEMO,
    TWO_HOME_TWO_AWAY,
    VAXJO,
    VAXJO_ALTERNATING_CARE,
    VAXJO_SHORT_STAY,
    AlternatingPattern,
    CarryOver,
    Ledger,
    Overage,
    QuotaPeriod,
    QuotaUnit,
    RespiteKind,
    check_booking,
    check_grant,
    check_pattern,
)
from anhorig.time import local

from ._helpers import HOUR, booking, grant

ON = date(2026, 5, 4)


def codes(ledger: Ledger, *entries: object) -> frozenset[str]:
    """The codes found for the last of ``entries`` after booking the others."""
    *before, last = entries
    for entry in before:
        ledger = ledger.book(entry)  # type: ignore[arg-type]
    return check_booking(ledger, last, on=ON).codes  # type: ignore[arg-type]


def test_sunne_ten_free_hours_without_assessment() -> None:
    """Sunne: 10 h/month with no biståndsbedömning; more needs a decision."""
    assert SUNNE.standard_quota is not None
    assert SUNNE.standard_quota.amount == 10
    assert check_grant(grant(decision=False), SUNNE, on=ON).ok
    more = check_grant(grant(decision=False, amount=12), SUNNE, on=ON)
    assert more.codes == {"RESPITE-DECISION-REQUIRED"}


def test_sunne_carer_adult_and_living_together() -> None:
    """Sunne: the carer must be 18+ and live with the person cared for."""
    young = Person(name="Ada Berg", birth_date=date(2009, 6, 1))
    report = check_grant(grant(decision=False, carer=young, lives_together=False), SUNNE, on=ON)
    assert report.codes == {"RESPITE-CARER-AGE", "RESPITE-LIVING-TOGETHER"}
    unknown = check_grant(grant(decision=False, carer=None, lives_together=None), SUNNE, on=ON)
    assert unknown.codes == {"RESPITE-ELIGIBILITY-UNKNOWN"}
    assert unknown.ok


def test_sunne_one_week_ahead_any_time() -> None:
    """Sunne: book one week ahead; any time of day, any day."""
    ledger = Ledger(policies=(SUNNE,), grants=(grant(decision=False),))
    night = (local(2026, 5, 16, 22), local(2026, 5, 17, 4))  # a Saturday night
    ok = booking("B", *night, made_at=local(2026, 5, 9, 23))
    assert check_booking(ledger, ok, on=ON).ok
    late = booking("B", *night, made_at=local(2026, 5, 10, 9))
    assert check_booking(ledger, late, on=ON).codes == {"RESPITE-NOTICE"}


def test_sunne_not_combined_with_short_stay_or_day_care() -> None:
    """Sunne: in-home respite is not combined with växelvård or dagverksamhet."""
    stay = grant("G-2", kind=RespiteKind.ALTERNATING_CARE, unit=QuotaUnit.DYGN)
    day = grant("G-3", kind=RespiteKind.DAY_CARE)
    ledger = Ledger(policies=(SUNNE,), grants=(grant(decision=False), stay, day))
    entry = booking("B", local(2026, 6, 1, 9), local(2026, 6, 1, 12))
    report = check_booking(ledger, entry, on=ON)
    assert report.codes == {"RESPITE-COMBINATION"}
    assert len(report) == 2


def test_sunne_combines_korttid_not_vaxelvard() -> None:
    """Issue 12, case 6: "Växelvård is not korttid. One kind SHORT_STAY means both, so
    Sunne's rule 'not combined with växelvård' refuses every korttid grant too."

    A korttid grant beside Sunne's avlösning is no finding; a växelvård grant is."""
    entry = booking("B", local(2026, 6, 1, 9), local(2026, 6, 1, 12))
    korttid = grant("G-2", kind=RespiteKind.SHORT_STAY, unit=QuotaUnit.DYGN)
    ledger = Ledger(policies=(SUNNE,), grants=(grant(decision=False), korttid))
    assert check_booking(ledger, entry, on=ON).ok
    assert not check_booking(ledger, entry, on=ON).codes
    vaxelvard = attrs.evolve(korttid, kind=RespiteKind.ALTERNATING_CARE)
    ledger = Ledger(policies=(SUNNE,), grants=(grant(decision=False), vaxelvard))
    report = check_booking(ledger, entry, on=ON)
    assert report.codes == {"RESPITE-COMBINATION"}
    assert "växelvård" in report.findings[0].message.sv
    assert "korttid" not in report.findings[0].message.sv


def test_tranemo_weekdays_only_no_carry_over() -> None:
    """Tranemo: 12 h/month by decision, weekdays only, unused hours not carried over."""
    assert TRANEMO.carry_over is CarryOver.NONE
    ledger = Ledger(policies=(TRANEMO,), grants=(grant(amount=12),))
    weekday = booking("B", local(2026, 6, 3, 9), local(2026, 6, 3, 12))
    saturday = booking("B", local(2026, 6, 6, 9), local(2026, 6, 6, 12))
    national_day = booking("B", local(2026, 6, 8, 9), local(2026, 6, 8, 12))
    assert check_booking(ledger, weekday, on=ON).ok
    assert check_booking(ledger, saturday, on=ON).codes == {"RESPITE-WEEKDAY"}
    assert check_booking(ledger, national_day, on=ON).ok  # 8 June 2026 is a Monday
    midsummer = booking("B", local(2026, 6, 19, 9), local(2026, 6, 19, 12))
    assert check_booking(ledger, midsummer, on=ON).codes == {"RESPITE-WEEKDAY"}
    used = ledger.book(booking("B", local(2026, 6, 3, 9), local(2026, 6, 3, 11)))
    assert used.balance("G-1", date(2026, 7, 1)).carried_over == 0
    assert used.balance("G-1", date(2026, 7, 1)).remaining == 12 * HOUR
    assert check_grant(grant(decision=False, amount=12), TRANEMO, on=ON).codes == {
        "RESPITE-DECISION-REQUIRED"
    }


def test_vaxjo_twenty_hours_every_day() -> None:
    """Växjö: 20 h/month by decision, all days; the 21st hour is refused."""
    ledger = Ledger(policies=(VAXJO,), grants=(grant(amount=20),))
    sunday = booking("A", local(2026, 6, 7, 8), local(2026, 6, 7, 20))
    ledger = ledger.book(sunday)
    assert ledger.balance("G-1", date(2026, 6, 1)).remaining == 8 * HOUR
    more = booking("B", local(2026, 6, 14, 8), local(2026, 6, 14, 17))
    assert check_booking(ledger, more, on=ON).codes == {"RESPITE-OVER-QUOTA"}


def test_vaxjo_short_stay_fourteen_a_month_two_weeks_as_a_rule() -> None:
    """Växjö: växelvård at most 14 dygn a month; korttid "i regel" 2 weeks.

    Two presets since korttid and växelvård are two kinds: the monthly limit is
    växelvård's, the rule of thumb korttid's."""
    stay = grant(kind=RespiteKind.SHORT_STAY, amount=60, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR)
    ledger = Ledger(policies=(VAXJO_SHORT_STAY,), grants=(stay,))
    two_weeks = booking("A", local(2026, 6, 1, 14), local(2026, 6, 15, 12))
    assert check_booking(ledger, two_weeks, on=ON).ok
    longer = booking("A", local(2026, 6, 1, 14), local(2026, 6, 17, 12))
    assert check_booking(ledger, longer, on=ON).codes == {"RESPITE-CONSECUTIVE-GUIDELINE"}
    vaxelvard = attrs.evolve(stay, kind=RespiteKind.ALTERNATING_CARE)
    ledger = Ledger(policies=(VAXJO_ALTERNATING_CARE,), grants=(vaxelvard,))
    assert check_booking(ledger, two_weeks, on=ON).ok
    assert check_booking(ledger, longer, on=ON).codes == {"RESPITE-DYGN-PER-MONTH"}
    booked = ledger.book(two_weeks)
    third = booking("B", local(2026, 6, 20, 14), local(2026, 6, 21, 12))
    assert check_booking(booked, third, on=ON).codes == {"RESPITE-DYGN-PER-MONTH"}


def test_habo_no_decision_from_seventy_five() -> None:
    """Habo: 20 h/month; no decision if aged 75+, under 75 must apply."""
    old = Person(name="Aino Ström", birth_date=date(1950, 1, 1))
    young = Person(name="Aino Ström", birth_date=date(1952, 1, 1))
    assert check_grant(grant(decision=False, amount=20, cared_for=old), HABO, on=ON).ok
    report = check_grant(grant(decision=False, amount=20, cared_for=young), HABO, on=ON)
    assert report.codes == {"RESPITE-DECISION-REQUIRED"}
    assert check_grant(grant(amount=20, cared_for=young), HABO, on=ON).ok


def test_ronneby_beyond_24_hours_charged() -> None:
    """Ronneby: 24 h/month; above 24 h charged at hemtjänst taxa (a warning, shown)."""
    assert RONNEBY.overage is Overage.CHARGE
    ledger = Ledger(policies=(RONNEBY,), grants=(grant(amount=24),))
    ledger = ledger.book(booking("A", local(2026, 6, 1, 0), local(2026, 6, 2, 0)))
    more = booking("B", local(2026, 6, 3, 9), local(2026, 6, 3, 12))
    report = check_booking(ledger, more, on=ON)
    assert report.codes == {"RESPITE-OVERAGE-CHARGED"}
    assert report.ok
    after = ledger.book(more).balance("G-1", date(2026, 6, 1))
    assert (after.over_quota, after.charged) == (3 * HOUR, True)


def test_hudiksvall_patterns_and_shared_household() -> None:
    """Hudiksvall: 3 weeks home + 1 away or 2 + 2; the household must be shared."""
    assert (THREE_HOME_ONE_AWAY.home_days, THREE_HOME_ONE_AWAY.away_days) == (21, 7)
    assert (TWO_HOME_TWO_AWAY.home_days, TWO_HOME_TWO_AWAY.away_days) == (14, 14)
    stay = grant(kind=RespiteKind.SHORT_STAY, unit=QuotaUnit.DYGN, lives_together=False)
    assert check_grant(stay, HUDIKSVALL, on=ON).codes == {"RESPITE-LIVING-TOGETHER"}


def test_hogsby_away_not_longer_than_home() -> None:
    """Högsby: time away should not exceed time at home."""
    assert check_pattern(TWO_HOME_TWO_AWAY, HOGSBY, on=ON).ok
    assert not check_pattern(TWO_HOME_TWO_AWAY, HOGSBY, on=ON).codes
    heavy = AlternatingPattern(home_days=7, away_days=21)
    assert check_pattern(heavy, HOGSBY, on=ON).codes == {"RESPITE-AWAY-EXCEEDS-HOME"}


def test_presets_are_listed_and_correctable() -> None:
    """Every preset is in PRESETS, and a municipality corrects one with evolve."""
    assert set(PRESETS.values()) >= {SUNNE, TRANEMO, VAXJO, RONNEBY, HABO}
    corrected = attrs.evolve(SUNNE, notice=5)
    assert corrected.notice == 5
    assert SUNNE.notice == 7
