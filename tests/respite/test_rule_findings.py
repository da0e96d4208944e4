"""What each respite finding says and where it points, and the whole-ledger check's
bookkeeping (continuity, cancellations, dygn per month, combinations, carry-over into
later months) asked of the same ledger as the one-booking check.

Written against the survivors of mutation testing (docs/explanation): a finding whose
message names the wrong booking, or a whole-ledger answer that forgets a cancellation,
must fail a test.
"""

from __future__ import annotations

from datetime import date, datetime

import attrs
import pytest

from anhorig.errors import InvalidInput
from anhorig.findings import Report
from anhorig.people import Person
from anhorig.respite import (
    SUNNE,
    Booking,
    CarryOver,
    DygnCount,
    Ledger,
    NoticeUnit,
    Provider,
    ProviderKind,
    QuotaPeriod,
    QuotaUnit,
    RespiteKind,
    RespitePolicy,
    ShortStayUnit,
    Weekday,
    check,
    check_booking,
    check_grant,
)
from anhorig.time import Period, local

from ._helpers import booking, grant

ON = date(2026, 1, 2)
WEEKDAYS = frozenset(Weekday) - {Weekday.SATURDAY, Weekday.SUNDAY}
EXEMPEL = RespitePolicy(
    municipality="Exempel",
    kinds=frozenset({RespiteKind.IN_HOME}),
    notice=5,
    notice_unit=NoticeUnit.CALENDAR_DAYS,
    weekdays=WEEKDAYS,
    exclude_holidays=True,
    day_starts_at=8,
    day_ends_at=20,
    min_carer_age=18,
    requires_living_together=True,
    min_cared_for_age=65,
)


def _said(report: Report) -> list[tuple[str, str, str, str]]:
    return [(f.code, f.path, f.message.sv, f.message.en) for f in report.findings]


def _at(report: Report, seq: int) -> list[tuple[str, str, str, str]]:
    return [s for s in _said(report) if s[1].startswith(f"entries[{seq}]")]


def _record(ledger: Ledger, *entries: Booking | tuple[str, datetime]) -> Ledger:
    for entry in entries:
        if isinstance(entry, Booking):
            ledger = ledger.book(entry)
        else:
            ledger = ledger.cancel(entry[0], at=entry[1])
    return ledger


def _recorded(ledger: Ledger, seq: int) -> Booking:
    entry = ledger.entry(seq)
    assert isinstance(entry, Booking)
    return entry


# --- what each finding says ---------------------------------------------------------------


def test_a_booking_on_good_friday_at_short_notice_and_out_of_hours() -> None:
    ledger = Ledger(policies=(EXEMPEL,), grants=(grant(amount=10),))
    friday = booking(
        "B-1", local(2026, 4, 3, 7), local(2026, 4, 3, 19), made_at=local(2026, 4, 1, 9)
    )
    assert _said(check_booking(ledger, friday, on=ON)) == [
        (
            "RESPITE-NOTICE",
            "made_at",
            "Bokningen gjordes med 2 kalenderdagar varsel; Exempel kräver 5.",
            "The booking was made with 2 calendar days notice; Exempel asks for 5.",
        ),
        (
            "RESPITE-OVER-QUOTA",
            "interval",
            "Bokningen går 2 h över kvoten för 1 april 2026–30 april 2026.",
            "The booking goes 2 h over the quota for 1 April 2026–30 April 2026.",
        ),
        (
            "RESPITE-WEEKDAY",
            "interval",
            "3 april 2026 (helgdag) ges ingen avlösning i Exempel.",
            "Exempel gives no respite on 3 April 2026 (public holiday).",
        ),
        (
            "RESPITE-TIME-OF-DAY",
            "interval",
            "Avlösning ges 08:00–20:00 i Exempel; bokningen ligger utanför.",
            "Exempel gives respite 08:00–20:00; the booking lies outside.",
        ),
    ]


def test_unknown_grant_outside_validity_and_volunteers_name_the_booking() -> None:
    ledger = Ledger(grants=(grant(amount=10),))
    assert _said(
        check_booking(
            ledger, booking("B-2", local(2026, 4, 6, 9), local(2026, 4, 6, 10), gid="G-9"), on=ON
        )
    ) == [
        (
            "RESPITE-UNKNOWN-GRANT",
            "grant_id",
            "Bokningen B-2 hänvisar till en insats som inte finns: G-9.",
            "Booking B-2 refers to a grant that does not exist: G-9.",
        )
    ]
    late = booking("B-3", local(2026, 12, 31, 22), local(2027, 1, 1, 2))
    assert _said(check_booking(ledger, late, on=ON)) == [
        (
            "RESPITE-OUTSIDE-VALIDITY",
            "interval",
            "Bokningen B-3 ligger utanför insatsens giltighetstid 1 januari 2026–31 december 2026.",
            "Booking B-3 lies outside the grant's validity 1 January 2026–31 December 2026.",
        )
    ]
    red_cross = Provider(name="Röda korset", kind=ProviderKind.VOLUNTARY_ORGANISATION)
    volunteer = booking("B-4", local(2026, 4, 7, 9), local(2026, 4, 7, 10), provider=red_cross)
    assert [s[:2] for s in _said(check_booking(ledger, volunteer, on=ON))] == [
        ("RESPITE-VOLUNTEER", "provider.kind")
    ]


def test_an_overlap_names_both_bookings() -> None:
    first = booking("A", local(2026, 3, 2, 10), local(2026, 3, 2, 12))
    ledger = Ledger(grants=(grant(amount=10),)).book(first)
    second = booking("B", local(2026, 3, 2, 11), local(2026, 3, 2, 13), made_at=local(2025, 12, 2))
    assert _said(check_booking(ledger, second, on=ON)) == [
        (
            "RESPITE-OVERLAP",
            "interval",
            "Bokningen B överlappar bokningen A för samma person.",
            "Booking B overlaps booking A for the same person.",
        )
    ]


def test_eligibility_findings_name_the_person_and_the_limit() -> None:
    grant_ = grant(
        carer=Person(name="Ada Berg", birth_date=date(2008, 6, 1)),
        cared_for=Person(name="Ove Berg", birth_date=date(1965, 1, 1)),
        lives_together=False,
    )
    assert _said(check_grant(grant_, EXEMPEL, on=ON)) == [
        (
            "RESPITE-CARER-AGE",
            "$",
            "A. B. är 17 år; Exempel kräver att anhörig är minst 18 år.",
            "A. B. is 17; Exempel requires the carer to be at least 18.",
        ),
        (
            "RESPITE-LIVING-TOGETHER",
            "$",
            "Exempel kräver att anhörig och närstående bor tillsammans.",
            "Exempel requires the carer and the person cared for to live together.",
        ),
        (
            "RESPITE-CARED-FOR-AGE",
            "$",
            "O. B. är 61 år; Exempel kräver minst 65 år.",
            "O. B. is 61; Exempel requires at least 65.",
        ),
    ]
    # In a ledger, the finding points at the booking's grant.
    ledger = Ledger(policies=(EXEMPEL,), grants=(grant_,))
    stay = booking("B", local(2026, 3, 2, 10), local(2026, 3, 2, 12))
    paths = {(s[0], s[1]) for s in _said(check_booking(ledger, stay, on=ON))}
    assert {
        ("RESPITE-CARER-AGE", "grant_id"),
        ("RESPITE-LIVING-TOGETHER", "grant_id"),
        ("RESPITE-CARED-FOR-AGE", "grant_id"),
    } <= paths


def test_a_carer_who_turned_the_age_limit_that_day_is_old_enough() -> None:
    eighteen_today = Person(name="Ada Berg", birth_date=date(2008, 1, 2))
    assert check_grant(grant(carer=eighteen_today), EXEMPEL, on=ON).codes == set()
    assert check_grant(grant(carer=eighteen_today), EXEMPEL, on=date(2026, 1, 1)).codes == {
        "RESPITE-CARER-AGE"
    }


def test_unrecorded_facts_are_named() -> None:
    grant_ = grant(carer=None, cared_for=Person(name="Ove Berg"), lives_together=None)
    assert [s[2:] for s in _said(check_grant(grant_, EXEMPEL, on=ON))] == [
        (
            "Exempel ställer villkoret anhörig minst 18 år, men uppgiften saknas.",
            "Exempel sets the condition carer at least 18, but the fact is not recorded.",
        ),
        (
            "Exempel ställer villkoret sammanboende, men uppgiften saknas.",
            "Exempel sets the condition living together, but the fact is not recorded.",
        ),
        (
            "Exempel ställer villkoret närstående minst 65 år, men uppgiften saknas.",
            "Exempel sets the condition person cared for at least 65, but the fact is not recorded.",
        ),
    ]


def test_a_decision_required_names_the_quota_and_what_is_free() -> None:
    assert _said(check_grant(grant(decision=False, amount=12), SUNNE, on=ON)) == [
        (
            "RESPITE-DECISION-REQUIRED",
            "basis",
            "12 timmar per månad utan beslut går utöver vad Sunne ger utan behovsprövning"
            " (10 timmar per månad).",
            "12 hours per month without a decision goes beyond what Sunne gives without a"
            " needs assessment (10 hours per month).",
        )
    ]


def test_dygn_over_the_quota_are_counted_in_dygn() -> None:
    stay_grant = grant(
        kind=RespiteKind.SHORT_STAY, amount=2, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR
    )
    ledger = Ledger(grants=(stay_grant,))
    stay = booking("S", local(2026, 3, 2, 14), local(2026, 3, 6, 12))
    assert [s[3] for s in _said(check_booking(ledger, stay, on=ON))] == [
        "The booking goes 2 dygn over the quota for 1 January 2026–31 December 2026."
    ]


def test_an_unknown_unit_is_named_at_the_unit_id() -> None:
    stay_grant = grant(
        kind=RespiteKind.SHORT_STAY, amount=30, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR
    )
    ledger = Ledger(grants=(stay_grant,))
    stay = booking("S", local(2026, 3, 2, 14), local(2026, 3, 4, 12), unit_id="U-9")
    assert _said(check_booking(ledger, stay, on=ON)) == [
        (
            "RESPITE-UNKNOWN-UNIT",
            "unit_id",
            "Bokningen S hänvisar till en enhet som inte finns: U-9.",
            "Booking S refers to a unit that does not exist: U-9.",
        )
    ]


def test_open_until_midnight_is_not_outside_the_hours() -> None:
    evenings = RespitePolicy(municipality="Exempel", day_starts_at=8, day_ends_at=24)
    ledger = Ledger(policies=(evenings,), grants=(grant(amount=40),))
    late = booking("L", local(2026, 3, 2, 20), local(2026, 3, 2, 23))
    assert check_booking(ledger, late, on=ON).codes == set()
    assert check_booking(
        ledger, booking("E", local(2026, 3, 2, 7), local(2026, 3, 2, 9)), on=ON
    ).codes == {"RESPITE-TIME-OF-DAY"}


def test_the_date_to_judge_on_must_be_a_date() -> None:
    ledger = Ledger(grants=(grant(),))
    stay = booking("B", local(2026, 3, 2, 10), local(2026, 3, 2, 12))
    for bad in (datetime(2026, 1, 2, 9), "2026-01-02"):
        with pytest.raises(InvalidInput) as caught:
            check_booking(ledger, stay, on=bad)  # type: ignore[arg-type]
        assert caught.value.paths == ("on",)
        assert caught.value.explain("en") == "on: expected a date"
        with pytest.raises(InvalidInput):
            check(ledger, on=bad)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput) as wrong:
        check_booking(stay, stay, on=ON)  # type: ignore[arg-type]
    assert wrong.value.explain("sv") == "ledger: väntade Ledger, fick Booking"
    assert wrong.value.explain("en") == "ledger: expected Ledger, got Booking"


# --- continuity of staff ---------------------------------------------------------------------


def _staffed(bid: str, day: int, staff: tuple[str, ...] = ()) -> Booking:
    made = local(2025, 12, day)
    stay = booking(bid, local(2026, 3, day, 10), local(2026, 3, day, 12), made_at=made)
    return attrs.evolve(stay, preferred_staff=staff)


def test_continuity_is_asked_of_earlier_bookings_only() -> None:
    ledger = _record(
        Ledger(grants=(grant(amount=40),)),
        _staffed("A", 2),
        _staffed("B", 3, ("S-1",)),
        _staffed("C", 4),
    )
    report = check(ledger, on=ON)
    assert _at(report, 0) == []
    assert _at(report, 1) == []
    assert _at(report, 2) == [
        (
            "RESPITE-CONTINUITY",
            "entries[2].preferred_staff",
            "Familjen har tidigare önskat S-1; bokningen C nämner ingen av dem.",
            "The family has asked for S-1 before; booking C names none of them.",
        )
    ]
    assert check_booking(ledger, _recorded(ledger, 0), on=ON).codes == set()
    assert check_booking(ledger, _recorded(ledger, 2), on=ON).codes == {"RESPITE-CONTINUITY"}
    asked_again = attrs.evolve(_recorded(ledger, 2), preferred_staff=("S-1",))
    assert check_booking(ledger, asked_again, on=ON).codes == set()


def test_a_cancelled_request_for_staff_no_longer_counts() -> None:
    ledger = _record(
        Ledger(grants=(grant(amount=40),)),
        _staffed("B", 3, ("S-1",)),
        ("B", local(2025, 12, 3, 12)),
        _staffed("C", 4),
    )
    assert check(ledger, on=ON).codes == set()


# --- the whole-ledger check's bookkeeping --------------------------------------------------


def test_a_cancellation_frees_the_quota_in_the_whole_ledger() -> None:
    eight = booking("A", local(2026, 3, 2, 8), local(2026, 3, 2, 16))
    again = booking("B", local(2026, 3, 3, 8), local(2026, 3, 3, 16), made_at=local(2025, 12, 3))
    ledger = _record(Ledger(grants=(grant(amount=10),)), eight, ("A", local(2025, 12, 2)), again)
    assert check(ledger, on=ON).codes == set()
    ledger = _record(Ledger(grants=(grant(amount=10),)), eight, again)
    assert [s[0] for s in _at(check(ledger, on=ON), 1)] == ["RESPITE-OVER-QUOTA"]


def test_an_earlier_month_booked_later_can_overdraw_a_later_month() -> None:
    # Ten hours a month carried over in full: April's 20 hours rely on what March leaves.
    policy = RespitePolicy(municipality="Exempel", carry_over=CarryOver.FULL)
    april = booking("APR", local(2026, 4, 6, 0), local(2026, 4, 6, 20))
    march = booking("MAR", local(2026, 3, 2, 0), local(2026, 3, 3, 1), made_at=local(2025, 12, 2))
    ledger = _record(Ledger(policies=(policy,), grants=(grant(amount=10),)), april, march)
    expected = [
        (
            "RESPITE-OVER-QUOTA",
            "entries[1].interval",
            "Bokningen går 5 h över kvoten för 1 april 2026–30 april 2026.",
            "The booking goes 5 h over the quota for 1 April 2026–30 April 2026.",
        )
    ]
    assert _at(check(ledger, on=ON), 1) == expected
    assert [(c, p.removeprefix("entries[1]."), sv, en) for c, p, sv, en in expected] == _said(
        check_booking(ledger, _recorded(ledger, 1), on=ON)
    )


def test_carry_over_reaches_december() -> None:
    policy = RespitePolicy(municipality="Exempel", carry_over=CarryOver.FULL)
    for hours, codes in ((120, set()), (121, {"RESPITE-OVER-QUOTA"})):
        start = local(2026, 12, 1)
        december = booking("DEC", start, start.add(hours=hours))
        ledger = Ledger(policies=(policy,), grants=(grant(amount=10),)).book(december)
        assert check(ledger, on=ON).codes == codes
        assert check_booking(ledger, december, on=ON).codes == codes


def test_a_booking_ending_at_midnight_does_not_touch_the_next_day() -> None:
    # In-home respite is not combined with day care, which starts on 2 March.
    policy = RespitePolicy(
        municipality="Exempel",
        kinds=frozenset({RespiteKind.IN_HOME}),
        not_combined_with=frozenset({RespiteKind.DAY_CARE}),
    )
    day_care = grant(
        "G-2", kind=RespiteKind.DAY_CARE, validity=Period(date(2026, 3, 2), date(2026, 6, 1))
    )
    ledger = Ledger(policies=(policy,), grants=(grant(amount=40), day_care))
    evening = booking("E", local(2026, 3, 1, 20), local(2026, 3, 2))
    assert check_booking(ledger, evening, on=ON).codes == set()
    into_the_day = booking("F", local(2026, 3, 1, 20), local(2026, 3, 2, 0, 1))
    assert check_booking(ledger, into_the_day, on=ON).codes == {"RESPITE-COMBINATION"}
    report = check(ledger.book(into_the_day), on=ON)
    assert [s[:2] for s in _said(report)] == [("RESPITE-COMBINATION", "entries[0].grant_id")]


def test_either_kind_s_policy_may_forbid_the_combination() -> None:
    # Day care's policy forbids in-home respite; in-home respite's says nothing.
    day_care_rules = RespitePolicy(
        municipality="Exempel",
        kinds=frozenset({RespiteKind.DAY_CARE}),
        not_combined_with=frozenset({RespiteKind.IN_HOME}),
    )
    in_home_rules = RespitePolicy(municipality="Exempel", kinds=frozenset({RespiteKind.IN_HOME}))
    day_care = grant("G-2", kind=RespiteKind.DAY_CARE)
    stay = booking("E", local(2026, 3, 2, 10), local(2026, 3, 2, 12))
    forbidden = Ledger(
        policies=(in_home_rules, day_care_rules), grants=(grant(amount=40), day_care)
    )
    assert check_booking(forbidden, stay, on=ON).codes == {"RESPITE-COMBINATION"}
    assert check(forbidden.book(stay), on=ON).codes == {"RESPITE-COMBINATION"}
    allowed = Ledger(
        policies=(in_home_rules, attrs.evolve(day_care_rules, not_combined_with=frozenset())),
        grants=(grant(amount=40), day_care),
    )
    assert check_booking(allowed, stay, on=ON).codes == set()
    assert check(allowed.book(stay), on=ON).codes == set()


# --- dygn, beds and overlaps in the whole ledger ---------------------------------------------


def _stay(
    bid: str, arrive: date, leave: date, made: date, *, gid: str = "G-1", unit: str | None = None
) -> Booking:
    return booking(
        bid,
        local(arrive.year, arrive.month, arrive.day, 14),
        local(leave.year, leave.month, leave.day, 12),
        made_at=local(made.year, made.month, made.day),
        gid=gid,
        unit_id=unit,
    )


def _stay_ledger(policy: RespitePolicy, *people: Person, beds: int = 5) -> Ledger:
    grants = tuple(
        grant(
            f"G-{i + 1}",
            kind=RespiteKind.SHORT_STAY,
            amount=60,
            unit=QuotaUnit.DYGN,
            per=QuotaPeriod.YEAR,
            cared_for=person,
        )
        for i, person in enumerate(people)
    )
    return Ledger(
        policies=(policy,),
        grants=grants,
        units=(ShortStayUnit(id="U", name="Tallbacken", beds=beds),),
    )


FOURTEEN_A_MONTH = RespitePolicy(
    municipality="Exempel", kinds=frozenset({RespiteKind.SHORT_STAY}), max_dygn_per_month=14
)
ERIK = Person(name="Erik Ström", birth_date=date(1938, 2, 3))
GUN = Person(name="Gun Lind", birth_date=date(1936, 7, 9))
KARL = Person(name="Karl Ek", birth_date=date(1934, 1, 9))


def test_dygn_per_month_in_the_whole_ledger_and_after_a_cancellation() -> None:
    first = _stay("A", date(2026, 3, 2), date(2026, 3, 12), date(2025, 12, 1))  # 10 nights
    second = _stay("B", date(2026, 3, 16), date(2026, 3, 22), date(2025, 12, 2))  # 6 nights
    ledger = _record(_stay_ledger(FOURTEEN_A_MONTH, ERIK), first, second)
    said = [
        (
            "RESPITE-DYGN-PER-MONTH",
            "entries[1].interval",
            "2026-03: 16 dygn borta; högst 14 dygn per månad.",
            "2026-03: 16 dygn away; at most 14 dygn a month.",
        )
    ]
    assert _at(check(ledger, on=ON), 1) == said
    assert check_booking(ledger, second, on=ON).codes == {"RESPITE-DYGN-PER-MONTH"}
    # The same booking judged where it stands: the first stay, cancelled only later, counts.
    cancelled_after = ledger.cancel("A", at=local(2025, 12, 3))
    assert check_booking(cancelled_after, _recorded(cancelled_after, 1), on=ON).codes == {
        "RESPITE-DYGN-PER-MONTH"
    }
    cancelled_before = _record(
        _stay_ledger(FOURTEEN_A_MONTH, ERIK), first, ("A", local(2025, 12, 1, 12)), second
    )
    assert check(cancelled_before, on=ON).codes == set()


def test_dygn_per_month_counts_every_month_a_stay_touches() -> None:
    # 27 February to 20 March: two nights in February, nineteen in March.
    across = _stay("A", date(2026, 2, 27), date(2026, 3, 20), date(2025, 12, 1))
    ledger = _stay_ledger(FOURTEEN_A_MONTH, ERIK).book(across)
    assert [s[3] for s in _said(check(ledger, on=ON))] == [
        "2026-03: 19 dygn away; at most 14 dygn a month."
    ]
    later = _stay("B", date(2026, 3, 25), date(2026, 3, 27), date(2025, 12, 2))
    report = check(ledger.book(later), on=ON)
    assert [s[2] for s in _at(report, 1)] == ["2026-03: 21 dygn borta; högst 14 dygn per månad."]
    # The whole-ledger check counts the nights the first stay spends in February too.
    february = _stay("C", date(2026, 2, 2), date(2026, 2, 15), date(2025, 12, 3))
    report = check(ledger.book(later).book(february), on=ON)
    assert [s[3] for s in _at(report, 2)] == ["2026-02: 15 dygn away; at most 14 dygn a month."]


def test_calendar_days_are_counted_against_a_dygn_quota_in_the_whole_ledger() -> None:
    policy = RespitePolicy(
        municipality="Exempel",
        kinds=frozenset({RespiteKind.SHORT_STAY}),
        dygn_count=DygnCount.CALENDAR_DAYS,
    )
    three = grant(kind=RespiteKind.SHORT_STAY, amount=3, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR)
    stay = _stay("A", date(2026, 3, 2), date(2026, 3, 5), date(2025, 12, 1))  # 3 nights, 4 days
    ledger = Ledger(policies=(policy,), grants=(three,)).book(stay)
    assert [s[3] for s in _said(check(ledger, on=ON))] == [
        "The booking goes 1 dygn over the quota for 1 January 2026–31 December 2026."
    ]
    nights = Ledger(policies=(attrs.evolve(policy, dygn_count=DygnCount.NIGHTS),), grants=(three,))
    assert check(nights.book(stay), on=ON).codes == set()


def test_a_third_stay_finds_no_bed_when_two_beds_are_taken() -> None:
    stays = (
        _stay("A", date(2026, 3, 2), date(2026, 3, 6), date(2025, 12, 1), gid="G-1", unit="U"),
        _stay("B", date(2026, 3, 3), date(2026, 3, 6), date(2025, 12, 2), gid="G-2", unit="U"),
        _stay("C", date(2026, 3, 4), date(2026, 3, 5), date(2025, 12, 3), gid="G-3", unit="U"),
    )
    ledger = _record(_stay_ledger(FOURTEEN_A_MONTH, ERIK, GUN, KARL, beds=2), *stays)
    report = check(ledger, on=ON)
    assert _at(report, 2) == [
        (
            "RESPITE-NO-BED",
            "entries[2].unit_id",
            "Tallbacken har inga lediga platser natten mot 5 mars 2026 (2 platser).",
            "Tallbacken has no free bed the night before 5 March 2026 (2 beds).",
        )
    ]
    assert _at(report, 0) == _at(report, 1) == []


def test_a_copy_of_a_recorded_stay_does_not_clash_with_itself() -> None:
    stay = _stay("A", date(2026, 3, 2), date(2026, 3, 6), date(2025, 12, 1), unit="U")
    ledger = _stay_ledger(FOURTEEN_A_MONTH, ERIK, beds=1).book(stay)
    copy = attrs.evolve(stay)  # equal, not the same object: read back from JSON, say
    assert copy == stay
    assert copy is not stay
    assert check_booking(ledger, copy, on=ON).codes == set()


def test_an_earlier_stay_recorded_later_is_found_overlapping() -> None:
    later_stay = _stay("A", date(2026, 3, 10), date(2026, 3, 14), date(2025, 12, 1))
    earlier_stay = _stay("B", date(2026, 3, 8), date(2026, 3, 11), date(2025, 12, 2))
    ledger = _record(_stay_ledger(FOURTEEN_A_MONTH, ERIK), later_stay, earlier_stay)
    report = check(ledger, on=ON)
    assert [s[:2] for s in _said(report)] == [("RESPITE-OVERLAP", "entries[1].interval")]
    assert _said(report)[0][3] == "Booking B overlaps booking A for the same person."


def test_a_short_notice_booking_with_exactly_the_notice_is_not_short() -> None:
    policy = RespitePolicy(
        municipality="Exempel",
        notice=5,
        notice_unit=NoticeUnit.CALENDAR_DAYS,
        short_notice_allowance=1,
    )
    exactly = booking(
        "A", local(2026, 3, 6, 10), local(2026, 3, 6, 12), made_at=local(2026, 3, 1, 9)
    )
    short = booking(
        "B", local(2026, 3, 12, 10), local(2026, 3, 12, 12), made_at=local(2026, 3, 10, 9)
    )
    ledger = _record(Ledger(policies=(policy,), grants=(grant(amount=40),)), exactly, short)
    assert _said(check_booking(ledger, short, on=ON)) == [
        (
            "RESPITE-SHORT-NOTICE",
            "made_at",
            "Bokningen gjordes med kort varsel; 0 av 1 bokningar med kort varsel återstår 2026.",
            "The booking was made at short notice; 0 of 1 short-notice bookings are left in 2026.",
        )
    ]
    assert [s[0] for s in _said(check(ledger, on=ON))] == ["RESPITE-SHORT-NOTICE"]
