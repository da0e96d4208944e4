"""Behaviours of the respite rules that mutation testing found untested.

Each test pins one behaviour through the public API (``anhorig.respite``) and fails
when it is broken: the municipality's policy given to ``validate`` and ``is_valid``;
the yearly short-notice allowance in the whole-ledger check and its release on
cancellation; a booking already in the ledger judged against only the entries before
it; carry-over past the second period; bed capacity in the whole-ledger check.
The whole-ledger check (``check(ledger)``) and the one-booking check
(``check_booking``) are asked the same questions, since they are computed apart.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from anhorig.errors import RuleViolation
from anhorig.findings import Report
from anhorig.people import Person
from anhorig.respite import (
    SUNNE,
    Booking,
    CarryOver,
    Ledger,
    NoticeUnit,
    QuotaPeriod,
    QuotaUnit,
    RespiteKind,
    RespitePolicy,
    ShortStayUnit,
    check,
    check_booking,
    is_valid,
    validate,
)
from anhorig.time import Period, local

from ._helpers import booking, grant

ON = date(2026, 1, 2)


def _recorded(ledger: Ledger, seq: int) -> Booking:
    """The booking at ``entries[seq]``, the very object the ledger holds."""
    entry = ledger.entry(seq)
    assert isinstance(entry, Booking)
    return entry


def _record(ledger: Ledger, entries: tuple[Booking | tuple[str, datetime], ...]) -> Ledger:
    """``ledger`` with ``entries`` recorded: a booking, or ``(booking id, at)`` cancelling one."""
    for entry in entries:
        if isinstance(entry, Booking):
            ledger = ledger.book(entry)
        else:
            ledger = ledger.cancel(entry[0], at=entry[1])
    return ledger


def _codes_at(report: Report, seq: int) -> set[str]:
    """The codes of the findings about ``entries[seq]`` in a whole-ledger report."""
    prefix = f"entries[{seq}]"
    return {f.code for f in report.findings if f.path.startswith(prefix)}


# --- the policy given to validate and is_valid --------------------------------------------

OLD_ENOUGH = Person(name="Karin Berg", birth_date=date(1940, 5, 1))


def test_validate_judges_a_grant_by_the_policy_it_is_given() -> None:
    # Ten hours a month without a decision: free in Sunne, not under the defaults.
    free_in_sunne = grant(decision=False, amount=10, cared_for=OLD_ENOUGH)
    assert validate(free_in_sunne, on=ON, policy=SUNNE) is free_in_sunne
    assert is_valid(free_in_sunne, on=ON, policy=SUNNE)
    with pytest.raises(RuleViolation) as caught:
        validate(free_in_sunne, on=ON)
    assert "RESPITE-DECISION-REQUIRED" in str(caught.value)
    assert not is_valid(free_in_sunne, on=ON)


def test_validate_refuses_what_only_the_given_policy_forbids() -> None:
    # A carer of 16: no age limit by default, 18 in Sunne.
    young_carer = grant(carer=Person(name="Ada Berg", birth_date=date(2010, 1, 1)))
    assert validate(young_carer, on=ON) is young_carer
    assert is_valid(young_carer, on=ON)
    with pytest.raises(RuleViolation) as caught:
        validate(young_carer, on=ON, policy=SUNNE)
    assert "RESPITE-CARER-AGE" in str(caught.value)
    assert not is_valid(young_carer, on=ON, policy=SUNNE)


# --- the yearly short-notice allowance -----------------------------------------------------

ONE_SHORT_NOTICE = RespitePolicy(
    municipality="Exempel",
    kinds=frozenset({RespiteKind.IN_HOME}),
    notice=5,
    notice_unit=NoticeUnit.CALENDAR_DAYS,
    short_notice_allowance=1,
)
TWO_YEARS = Period(date(2026, 1, 1), date(2028, 1, 1))


def _short(bid: str, made: date, hours: int = 2) -> Booking:
    """A booking made at 09:00 on ``made`` for two days later, 10:00 to 10 + ``hours``."""
    day = date.fromordinal(made.toordinal() + 2)
    return booking(
        bid,
        local(day.year, day.month, day.day, 10),
        local(day.year, day.month, day.day, 10 + hours),
        made_at=local(made.year, made.month, made.day, 9),
    )


def _notice_ledger(*entries: Booking | tuple[str, datetime]) -> Ledger:
    ledger = Ledger(policies=(ONE_SHORT_NOTICE,), grants=(grant(amount=40, validity=TWO_YEARS),))
    return _record(ledger, entries)


def test_the_allowance_covers_one_short_notice_booking_a_year_in_the_whole_ledger() -> None:
    first, second = _short("A", date(2026, 3, 1)), _short("B", date(2026, 3, 10))
    ledger = _notice_ledger(first, second)
    report = check(ledger, on=ON)
    assert _codes_at(report, 0) == {"RESPITE-SHORT-NOTICE"}
    assert _codes_at(report, 1) == {"RESPITE-NOTICE"}
    assert check_booking(ledger, _recorded(ledger, 1), on=ON).codes == {"RESPITE-NOTICE"}


def test_the_allowance_is_counted_per_calendar_year_in_the_whole_ledger() -> None:
    december, january = _short("A", date(2026, 12, 20)), _short("B", date(2027, 1, 5))
    ledger = _notice_ledger(december, january)
    report = check(ledger, on=ON)
    assert _codes_at(report, 0) == {"RESPITE-SHORT-NOTICE"}
    assert _codes_at(report, 1) == {"RESPITE-SHORT-NOTICE"}


def test_a_cancellation_gives_the_allowance_back_in_the_whole_ledger() -> None:
    first, second = _short("A", date(2026, 3, 1)), _short("B", date(2026, 3, 10))
    ledger = _notice_ledger(first, ("A", local(2026, 3, 2, 9)), second)
    report = check(ledger, on=ON)
    assert _codes_at(report, 2) == {"RESPITE-SHORT-NOTICE"}
    assert "RESPITE-NOTICE" not in report.codes
    assert check_booking(ledger, second, on=ON).codes == {"RESPITE-SHORT-NOTICE"}


def test_a_booking_with_enough_notice_does_not_use_the_allowance() -> None:
    ahead = booking(
        "A", local(2026, 3, 20, 10), local(2026, 3, 20, 12), made_at=local(2026, 3, 1, 9)
    )
    ledger = _notice_ledger(ahead, _short("B", date(2026, 3, 10)))
    assert _codes_at(check(ledger, on=ON), 1) == {"RESPITE-SHORT-NOTICE"}


# --- a booking already in the ledger -------------------------------------------------------


def test_a_recorded_booking_is_judged_against_only_the_entries_before_it() -> None:
    first = booking("A", local(2026, 3, 2, 10), local(2026, 3, 2, 16))
    later = booking("B", local(2026, 3, 2, 12), local(2026, 3, 2, 18), made_at=local(2025, 12, 2))
    ledger = Ledger(grants=(grant(amount=10),)).book(first).book(later)
    # The first was in order when it was made; only the later one overlaps and overdraws.
    assert check_booking(ledger, _recorded(ledger, 0), on=ON).ok
    assert check_booking(ledger, _recorded(ledger, 0), on=ON).codes == set()
    assert check_booking(ledger, _recorded(ledger, 1), on=ON).codes == {
        "RESPITE-OVERLAP",
        "RESPITE-OVER-QUOTA",
    }
    report = check(ledger, on=ON)
    assert _codes_at(report, 0) == set()
    assert _codes_at(report, 1) == {"RESPITE-OVERLAP", "RESPITE-OVER-QUOTA"}


def test_a_booking_not_yet_recorded_is_judged_against_the_whole_ledger() -> None:
    first = booking("A", local(2026, 3, 2, 10), local(2026, 3, 2, 16))
    later = booking("B", local(2026, 3, 2, 12), local(2026, 3, 2, 18), made_at=local(2025, 12, 2))
    ledger = Ledger(grants=(grant(amount=10),)).book(later)
    assert check_booking(ledger, first, on=ON).codes == {"RESPITE-OVERLAP", "RESPITE-OVER-QUOTA"}


# --- carry-over past the second period -----------------------------------------------------


def _april(hours: int) -> Booking:
    """A stay from 1 April 00:00 lasting ``hours`` hours (within April, a 10 h/month grant)."""
    start = local(2026, 4, 1)
    return booking("APR", start, start.add(hours=hours), made_at=local(2025, 12, 2))


def _carry_ledger(policy: RespitePolicy, *entries: Booking) -> Ledger:
    return _record(Ledger(policies=(policy,), grants=(grant(amount=10),)), entries)


FULL = RespitePolicy(
    municipality="Exempel", kinds=frozenset({RespiteKind.IN_HOME}), carry_over=CarryOver.FULL
)
CAPPED = RespitePolicy(
    municipality="Exempel",
    kinds=frozenset({RespiteKind.IN_HOME}),
    carry_over=CarryOver.CAPPED,
    carry_over_cap=5,
)


@pytest.mark.parametrize(
    ("policy", "most"),
    [(FULL, 40), (CAPPED, 15)],
    ids=["full: 10 h a month for four months", "capped at 5 h: 10 + 5"],
)
def test_carry_over_reaches_the_fourth_month(policy: RespitePolicy, most: int) -> None:
    fits, over = _april(most), _april(most + 1)
    for stay, codes in ((fits, set()), (over, {"RESPITE-OVER-QUOTA"})):
        ledger = _carry_ledger(policy, stay)
        assert _codes_at(check(ledger, on=ON), 0) == codes
        assert check_booking(ledger, _recorded(ledger, 0), on=ON).codes == codes
        assert (
            check_booking(Ledger(policies=(policy,), grants=(grant(amount=10),)), stay, on=ON).codes
            == codes
        )


def test_what_an_earlier_month_uses_is_not_carried_to_the_fourth() -> None:
    january = booking("JAN", local(2026, 1, 5, 10), local(2026, 1, 5, 16))  # 6 of January's 10
    ledger = _carry_ledger(FULL, january, _april(34))
    assert "RESPITE-OVER-QUOTA" not in check(ledger, on=ON).codes
    ledger = _carry_ledger(FULL, january, _april(35))
    assert _codes_at(check(ledger, on=ON), 1) == {"RESPITE-OVER-QUOTA"}
    (finding,) = check(ledger, on=ON).findings
    assert finding.message.en.startswith("The booking goes 1 h over")


def test_without_carry_over_each_month_stands_alone() -> None:
    ledger = _carry_ledger(RespitePolicy(municipality="Exempel"), _april(11))
    assert _codes_at(check(ledger, on=ON), 0) == {"RESPITE-OVER-QUOTA"}


# --- beds in the whole-ledger check ---------------------------------------------------------

ERIK = Person(name="Erik Ström", birth_date=date(1938, 2, 3))
GUN = Person(name="Gun Lind", birth_date=date(1936, 7, 9))
SHORT_STAY = RespitePolicy(municipality="Exempel", kinds=frozenset({RespiteKind.SHORT_STAY}))


def _stay(bid: str, gid: str, arrive: int, leave: int, made: date = date(2025, 12, 1)) -> Booking:
    """A stay at unit U from 14:00 on ``arrive`` March to 12:00 on ``leave`` March."""
    return booking(
        bid,
        local(2026, 3, arrive, 14),
        local(2026, 3, leave, 12),
        gid=gid,
        unit_id="U",
        made_at=local(made.year, made.month, made.day),
    )


def _bed_ledger(beds: int, *entries: Booking | tuple[str, datetime]) -> Ledger:
    grants = tuple(
        grant(
            gid,
            kind=RespiteKind.SHORT_STAY,
            amount=30,
            unit=QuotaUnit.DYGN,
            per=QuotaPeriod.YEAR,
            cared_for=person,
        )
        for gid, person in (("G-E", ERIK), ("G-G", GUN))
    )
    ledger = Ledger(
        policies=(SHORT_STAY,),
        grants=grants,
        units=(ShortStayUnit(id="U", name="Tallbacken", beds=beds),),
    )
    return _record(ledger, entries)


def test_the_whole_ledger_check_finds_a_night_without_a_free_bed() -> None:
    ledger = _bed_ledger(1, _stay("E", "G-E", 2, 5), _stay("G", "G-G", 4, 6))
    report = check(ledger, on=ON)
    assert _codes_at(report, 0) == set()
    assert _codes_at(report, 1) == {"RESPITE-NO-BED"}
    (finding,) = report.findings
    assert finding.path == "entries[1].unit_id"
    assert "5 March 2026" in finding.message.en  # the night before 5 March, the only shared one


def test_a_second_bed_makes_room() -> None:
    ledger = _bed_ledger(2, _stay("E", "G-E", 2, 5), _stay("G", "G-G", 4, 6))
    assert check(ledger, on=ON).codes == set()


def test_arriving_the_day_another_leaves_shares_no_night() -> None:
    ledger = _bed_ledger(1, _stay("E", "G-E", 2, 5), _stay("G", "G-G", 5, 6))
    assert check(ledger, on=ON).codes == set()


def test_a_cancelled_stay_frees_its_bed_in_the_whole_ledger() -> None:
    ledger = _bed_ledger(
        1,
        _stay("E", "G-E", 2, 5),
        ("E", local(2026, 1, 10)),
        _stay("G", "G-G", 4, 6, made=date(2026, 1, 11)),
    )
    assert check(ledger, on=ON).codes == set()


def test_every_night_without_a_bed_is_named() -> None:
    ledger = _bed_ledger(1, _stay("E", "G-E", 2, 9), _stay("G", "G-G", 4, 7))
    report = check(ledger, on=ON)
    assert [f.code for f in report.findings] == ["RESPITE-NO-BED"] * 3
    assert check_booking(ledger, _recorded(ledger, 1), on=ON).codes == {"RESPITE-NO-BED"}


def test_a_month_used_up_exactly_carries_nothing_over() -> None:
    january = booking("JAN", local(2026, 1, 5, 8), local(2026, 1, 5, 18))  # all of January's 10
    february = booking("FEB", local(2026, 2, 2, 8), local(2026, 2, 2, 19))  # 11 of February's 10
    ledger = _carry_ledger(FULL, january, february)
    report = check(ledger, on=ON)
    assert _codes_at(report, 0) == set()
    (finding,) = report.findings
    assert (finding.code, finding.path) == ("RESPITE-OVER-QUOTA", "entries[1].interval")
    assert finding.message.en.startswith("The booking goes 1 h over")  # not a second less
    (alone,) = check_booking(ledger, _recorded(ledger, 1), on=ON).findings
    assert alone.message == finding.message


# --- the grants in the whole-ledger check ---------------------------------------------------


def test_the_whole_ledger_check_points_at_the_grant_that_needs_a_decision() -> None:
    # Twenty hours a month without a decision: more than Sunne gives without one.
    ledger = Ledger(
        policies=(SUNNE,),
        grants=(grant("G-0"), grant("G-1", decision=False, amount=20, cared_for=OLD_ENOUGH)),
    )
    (finding,) = check(ledger, on=ON).findings
    assert (finding.code, finding.path) == ("RESPITE-DECISION-REQUIRED", "grants[1].basis")
