"""Issue 12's respite cases, each written as the issue writes it, and the invariants
behind them: what an age group may be granted without a decision (Habo), växelvård
apart from korttid (Sunne), time away against time at home in the stays booked
(Högsby), and the municipality's riktlinjer cited as the municipality's."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.respite import (
    HABO,
    HOGSBY,
    PRESETS,
    SUNNE,
    AgeCeiling,
    AlternatingPattern,
    Ledger,
    Quota,
    QuotaPeriod,
    QuotaUnit,
    RespiteKind,
    RespitePolicy,
    alternating,
    check,
    check_booking,
    check_grant,
    check_pattern,
    check_series,
)
from anhorig.respite.rules.pattern import nights_at_home, nights_away
from anhorig.testing.strategies import breaking
from anhorig.testing.strategies._respite import ledgers, respite_grants, respite_policies
from anhorig.time import Period, local

from ._helpers import MUNICIPAL, booking, grant

ON = date(2026, 5, 4)
DECISION_CODES = {"RESPITE-DECISION-REQUIRED", "RESPITE-DECISION-CEILING"}


def _hours(amount: int) -> Quota:
    return Quota(amount=amount, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)


# --- Habo: the age exemption covers the quota, not any amount (case 1) ----------------------


def test_habo_seventy_five_forty_hours_without_decision_is_a_finding() -> None:
    """Issue 12, case 1: "a cared-for person aged 75 with an in-home grant of 40 h/month
    and no decision gets no finding. The age exemption from a decision covers Habo's
    quota (20 h), not any amount." """
    aged_75 = Person(name="Aino Ström", birth_date=date(1951, 5, 4))
    assert aged_75.age_on(ON) == 75
    report = check_grant(grant(decision=False, amount=40, cared_for=aged_75), HABO, on=ON)
    assert report.codes == {"RESPITE-DECISION-CEILING"}
    assert not report.ok
    said = report.findings[0].message
    assert "75 år" in said.sv
    assert "Habo" in said.sv
    assert "högst 20 timmar per månad från 75 år" in said.sv
    assert "40 timmar per månad" in said.sv
    assert "at most 20 hours per month from age 75" in said.en
    # Habo's quota itself needs no decision at 75, and with a decision 40 h is in order.
    assert check_grant(grant(decision=False, amount=20, cared_for=aged_75), HABO, on=ON).ok
    assert check_grant(grant(amount=40, cared_for=aged_75), HABO, on=ON).ok


def test_habo_the_day_before_seventy_five_needs_a_decision_for_any_hours() -> None:
    """Under 75 Habo's avlösning must be applied for: a decision is required."""
    turns_75_tomorrow = Person(name="Aino Ström", birth_date=date(1951, 5, 5))
    report = check_grant(grant(decision=False, amount=20, cared_for=turns_75_tomorrow), HABO, on=ON)
    assert report.codes == {"RESPITE-DECISION-REQUIRED"}


def test_habo_ceiling_is_the_seeds_twenty_hours_from_seventy_five() -> None:
    """Habo's data from DOMAIN.md §6.1: 20 h/month, no beslut if aged 75+."""
    assert HABO.without_decision_by_age == (AgeCeiling(from_age=75, ceiling=_hours(20)),)
    assert HABO.age_ceiling(74) is None
    group = HABO.age_ceiling(98)
    assert group is not None
    assert group.ceiling == _hours(20)


def test_an_exemption_age_alone_covers_the_standard_quota_only() -> None:
    """A policy (or a document written before age groups) with only
    ``decision_exempt_from_age`` exempts the standard quota, not any amount; without a
    standard quota it exempts nothing."""
    legacy = RespitePolicy(
        municipality="Habo",
        kinds=HABO.kinds,
        standard_quota=_hours(20),
        decision_exempt_from_age=75,
    )
    old = Person(name="Aino Ström", birth_date=date(1940, 1, 1))
    assert check_grant(grant(decision=False, amount=20, cared_for=old), legacy, on=ON).ok
    over = check_grant(grant(decision=False, amount=21, cared_for=old), legacy, on=ON)
    assert over.codes == {"RESPITE-DECISION-CEILING"}
    bare = attrs.evolve(legacy, standard_quota=None)
    assert check_grant(grant(decision=False, amount=1, cared_for=old), bare, on=ON).codes == {
        "RESPITE-DECISION-REQUIRED"
    }


def test_age_groups_must_rise() -> None:
    """The age groups stand in increasing age, each age once; an age is at most 150."""
    with pytest.raises(InvalidInput) as caught:
        RespitePolicy(
            municipality="Exempel",
            without_decision_by_age=(
                AgeCeiling(from_age=80, ceiling=_hours(10)),
                AgeCeiling(from_age=80, ceiling=_hours(20)),
            ),
        )
    assert caught.value.paths == ("without_decision_by_age",)
    with pytest.raises(InvalidInput) as caught:
        AgeCeiling(from_age=151, ceiling=_hours(10))
    assert caught.value.paths == ("from_age",)


def _within(quota: Quota, ceiling: Quota) -> bool:
    return (quota.unit, quota.per) == (ceiling.unit, ceiling.per) and quota.amount <= ceiling.amount


@given(respite_policies(), respite_grants(), st.dates(date(2025, 1, 1), date(2029, 12, 31)))
def test_without_decision_exactly_what_the_age_group_or_everyone_gets(
    policy: RespitePolicy, drawn: object, on: date
) -> None:
    """A grant without a decision under a policy governing it has a decision finding
    exactly when it is beyond both the hours free to everyone and the ceiling of the
    oldest age group its person has reached; the ceiling finding only where a group
    applies."""
    from anhorig.respite import GrantBasis, RespiteGrant

    assert isinstance(drawn, RespiteGrant)
    g = attrs.evolve(drawn, basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT, decision_ref=None)
    policy = attrs.evolve(policy, kinds=frozenset({g.kind}))
    found = check_grant(g, policy, on=on).codes & DECISION_CODES
    person = g.cared_for
    age = person.age_on(on) if person.birth_date is not None else None
    groups = [a for a in policy.without_decision_by_age if age is not None and a.from_age <= age]
    exempt = policy.decision_exempt_from_age
    reached = exempt is not None and age is not None and age >= exempt
    if not groups and reached and exempt is not None and policy.standard_quota is not None:
        groups = [AgeCeiling(from_age=exempt, ceiling=policy.standard_quota)]
    allowed = _within(g.quota, _hours(policy.free_hours_without_decision)) or (
        bool(groups) and _within(g.quota, groups[-1].ceiling)
    )
    if allowed:
        assert not found
    elif groups:
        assert found == {"RESPITE-DECISION-CEILING"}
    else:
        assert found == {"RESPITE-DECISION-REQUIRED"}


@given(respite_grants(kinds=st.just(RespiteKind.IN_HOME)), st.integers(0, 700))
def test_more_hours_never_need_a_decision_less(drawn: object, amount: int) -> None:
    """Monotone: if a grant of some hours a month needs a decision under Habo, one hour
    more does too."""
    from anhorig.respite import GrantBasis, RespiteGrant

    assert isinstance(drawn, RespiteGrant)
    base = attrs.evolve(
        drawn,
        basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
        decision_ref=None,
        quota=_hours(amount),
    )
    more = attrs.evolve(base, quota=_hours(amount + 1))
    start = base.validity.start
    if check_grant(base, HABO, on=start).codes & DECISION_CODES:
        assert check_grant(more, HABO, on=start).codes & DECISION_CODES


# --- Högsby: time away against time at home in the stays booked (case 7) ---------------------


def _vaxelvard_ledger(*stays: tuple[datetime, datetime]) -> Ledger:
    g = grant(
        kind=RespiteKind.ALTERNATING_CARE, amount=366, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR
    )
    entries = [booking(f"V-{i + 1}", s, e) for i, (s, e) in enumerate(stays)]
    return Ledger(policies=(HOGSBY,), grants=(g,)).extend(entries)


def test_hogsby_checks_the_stays_booked_not_only_the_pattern() -> None:
    """Issue 12, case 7: '"Time away ≤ time at home" (Högsby) is checked on a pattern,
    never on the stays actually booked.'

    A week away, a week at home, then eight nights away: the second stay is found,
    citing Högsby; a week away again (equal) is in order."""
    first = (local(2026, 1, 5, 14), local(2026, 1, 12, 12))  # 7 nights away
    equal = _vaxelvard_ledger(first, (local(2026, 1, 19, 14), local(2026, 1, 26, 12)))
    assert not check(equal, on=ON).codes
    longer = _vaxelvard_ledger(first, (local(2026, 1, 19, 14), local(2026, 1, 27, 12)))
    report = check(longer, on=ON)
    assert report.codes == {"RESPITE-BOOKED-AWAY-EXCEEDS-HOME"}
    (finding,) = report.findings
    assert finding.path == "entries[1].interval"
    assert "8 nätter borta efter 7 nätter hemma" in finding.message.sv
    assert "Högsby" in finding.message.sv
    # The same rhythm as a pattern is found by the pattern check.
    assert check_pattern(AlternatingPattern(home_days=7, away_days=8), HOGSBY, on=ON).codes == {
        "RESPITE-AWAY-EXCEEDS-HOME"
    }


def test_equal_time_away_and_home_is_allowed_across_the_clock_change() -> None:
    """Counted in nights: fourteen away after fourteen at home is in order even when the
    spring change makes the stay an hour shorter in elapsed time, and one more night away
    is found."""
    first = (local(2026, 3, 1, 14), local(2026, 3, 15, 12))
    at_home_14 = (local(2026, 3, 29, 14), local(2026, 4, 12, 12))  # over 29 March 02:00
    assert not check(_vaxelvard_ledger(first, at_home_14), on=ON).codes
    one_more = (local(2026, 3, 29, 14), local(2026, 4, 13, 12))
    assert check(_vaxelvard_ledger(first, one_more), on=ON).codes == {
        "RESPITE-BOOKED-AWAY-EXCEEDS-HOME"
    }


def test_only_stays_under_a_policy_that_asks_are_judged() -> None:
    """Korttid under no such policy, and a cancelled stay, are not judged."""
    first = (local(2026, 1, 5, 14), local(2026, 1, 12, 12))
    second = (local(2026, 1, 13, 14), local(2026, 1, 27, 12))
    ledger = _vaxelvard_ledger(first, second)
    assert check(ledger, on=ON).codes == {"RESPITE-BOOKED-AWAY-EXCEEDS-HOME"}
    assert not check(ledger.cancel("V-2", at=local(2026, 1, 2)), on=ON).codes
    korttid = attrs.evolve(ledger.grants[0], kind=RespiteKind.SHORT_STAY)
    as_korttid = Ledger(policies=(HOGSBY,), grants=(korttid,)).extend(ledger.entries)
    assert not check(as_korttid, on=ON).codes


_EPOCHS = st.integers(int(local(2025, 1, 1).timestamp()), int(local(2028, 12, 31).timestamp())).map(
    lambda x: x - x % 60
)


@given(st.lists(_EPOCHS, min_size=4, max_size=4, unique=True).map(sorted))
def test_a_night_is_away_or_at_home_never_both(stamps: list[int]) -> None:
    """Between two stays every local midnight is counted once: away in the first, at
    home, or away in the second; together they are the midnights inside the span."""
    s1, e1, s2, e2 = stamps
    total = nights_away(s1, e2)
    assert nights_away(s1, e1) + nights_at_home(e1, s2) + nights_away(s2, e2) == total


@given(
    st.integers(1, 28),
    st.integers(1, 28),
    st.integers(0, 23),
    st.integers(0, 23),
    st.dates(date(2025, 1, 1), date(2027, 12, 31)),
)
@example(5, 5, 2, 0, date(2027, 3, 3))  # CI: arrival at 02:00 on the spring change day
def test_a_rhythm_booked_is_judged_as_its_pattern(
    home: int, away: int, arrive: int, leave: int, start: date
) -> None:
    """The stays ``alternating`` lays out under Högsby are found exactly when the pattern
    is (more days away than at home), the rhythm giving three whole stays. A stay leaving
    at midnight leaves before that night, so it is a night shorter: found only if the
    pattern is too."""
    pattern = AlternatingPattern(
        home_days=home, away_days=away, arrive_hour=arrive, leave_hour=leave
    )
    g = grant(
        kind=RespiteKind.ALTERNATING_CARE,
        amount=366,
        unit=QuotaUnit.DYGN,
        per=QuotaPeriod.YEAR,
        validity=Period(start, start + timedelta(days=3 * (home + away) + 1)),
    )
    stays = alternating(g, pattern, start=start, made_at=local(2024, 12, 1), provider=MUNICIPAL)
    ledger = Ledger(policies=(HOGSBY,), grants=(g,)).extend(stays)
    booked = "RESPITE-BOOKED-AWAY-EXCEEDS-HOME" in check(ledger, on=start).codes
    if leave > 0:
        assert booked == (away > home)
    else:
        assert not booked or away > home


# --- Citations: the municipality's riktlinjer, not the law ----------------------------------


def test_respite_rules_cite_the_policy_not_the_duty_to_offer_support() -> None:
    """Issue 12: 'Every respite rule cites SoL 13 kap. 9 § (notice, weekdays, overlap,
    quota): those are the municipality's riktlinjer. Cite the policy ... and keep the law
    for the duty itself.'"""
    from anhorig.law import CARER_SUPPORT
    from anhorig.respite import RULES

    by_code = {rule.code: rule for rule in RULES}
    for code in (
        "RESPITE-NOTICE",
        "RESPITE-WEEKDAY",
        "RESPITE-OVERLAP",
        "RESPITE-OVER-QUOTA",
        "RESPITE-AWAY-EXCEEDS-HOME",
        "RESPITE-BOOKED-AWAY-EXCEEDS-HOME",
        "RESPITE-DECISION-CEILING",
    ):
        assert by_code[code].cites_policy, code
    duty = [rule.code for rule in RULES if CARER_SUPPORT in rule.law]
    assert duty == ["RESPITE-VOLUNTEER"]


def test_a_notice_finding_cites_sunnes_document_in_swedish() -> None:
    """The finding names Sunne's document as Sunne's, after no statute."""
    ledger = Ledger(policies=(SUNNE,), grants=(grant(decision=False),))
    late = booking(
        "B", local(2026, 6, 12, 18), local(2026, 6, 12, 22), made_at=local(2026, 6, 10, 9)
    )
    (finding,) = check_booking(ledger, late, on=date(2026, 6, 10)).findings
    assert finding.code == "RESPITE-NOTICE"
    assert finding.references == ()
    assert finding.policy_source == SUNNE.source
    said = finding.explain("sv")
    assert said.endswith("(Sunne kommun: Avlösning i hemmet, kommunens webbplats)")
    assert "SoL" not in said


def test_a_decision_finding_cites_the_law_and_the_policy() -> None:
    """Whether a grant needs a decision is law (bistånd, insatser utan individuell
    behovsprövning) applied with the municipality's ceiling: both are cited."""
    aged_75 = Person(name="Aino Ström", birth_date=date(1951, 5, 4))
    (finding,) = check_grant(grant(decision=False, amount=40, cared_for=aged_75), HABO, on=ON)
    assert {str(ref) for ref in finding.references} == {
        "SoL (2025:400) 11 kap. 5 §",
        "SoL (2025:400) 11 kap. 1 §",
    }
    assert finding.explain("sv").endswith("; Habo kommun: Avlösning i hemmet, kommunens webbplats)")


def test_policy_source_is_a_source_or_a_known_key() -> None:
    """A policy's source is a Source, or a key of anhorig.law.SOURCES read as that source;
    an unknown key is refused, naming the field; it round-trips through JSON."""
    from anhorig.law import SOURCES, Source
    from anhorig.serialization import from_json, to_json

    keyed = RespitePolicy(municipality="Exempel", source="municipal-respite-rules")
    assert keyed.source == SOURCES["municipal-respite-rules"]
    with pytest.raises(InvalidInput) as caught:
        RespitePolicy(municipality="Exempel", source="no-such-key")
    assert caught.value.paths == ("source",)
    with pytest.raises(InvalidInput) as caught:
        RespitePolicy(municipality="Exempel", source=5)
    assert caught.value.paths == ("source",)
    own = attrs.evolve(
        SUNNE, source=Source(key="sunne-2027", title="Riktlinjer för anhörigstöd", year=2027)
    )
    assert from_json(RespitePolicy, to_json(own)) == own
    assert all(policy.source is not None for policy in PRESETS.values())


@given(ledgers())
def test_findings_cite_only_the_policies_of_their_ledger(ledger: Ledger) -> None:
    """Every finding citing a policy cites one of the ledger's policies' documents, and
    only rules that apply a policy cite one; no finding but a volunteer's cites the duty
    to offer support."""
    from anhorig.findings import rule
    from anhorig.law import CARER_SUPPORT

    sources = {policy.source for policy in ledger.policies}
    duty = {str(ref) for ref in CARER_SUPPORT.refs}
    for finding in check(ledger, on=ON):
        if finding.policy_source is not None:
            assert rule(finding.code).cites_policy
            assert finding.policy_source in sources
        if finding.code != "RESPITE-VOLUNTEER":
            assert not duty & {str(ref) for ref in finding.references}


def test_a_series_booked_under_hogsby_is_judged_as_booked() -> None:
    """``check_series`` judges the stays it books against the time at home before each,
    with the series' own paths."""
    g = grant(
        kind=RespiteKind.ALTERNATING_CARE, amount=366, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR
    )
    heavy = AlternatingPattern(home_days=7, away_days=8)
    stays = alternating(
        g, heavy, start=date(2026, 1, 5), made_at=local(2025, 12, 1), provider=MUNICIPAL
    )
    _, report = check_series(Ledger(policies=(HOGSBY,), grants=(g,)), stays, on=ON)
    found = [f for f in report if f.code == "RESPITE-BOOKED-AWAY-EXCEEDS-HOME"]
    assert [f.path for f in found] == [f"bookings[{i}].interval" for i in range(1, len(stays))]
    even = AlternatingPattern(home_days=8, away_days=8)
    stays = alternating(
        g, even, start=date(2026, 1, 5), made_at=local(2025, 12, 1), provider=MUNICIPAL
    )
    _, report = check_series(Ledger(policies=(HOGSBY,), grants=(g,)), stays, on=ON)
    assert report.ok
    assert not report.codes


_NOT_SWEDISH = re.compile(
    r"\b(hours?|nights?|from age|at most|alternating|short stay|None|True|False)\b"
    r"|ALTERNATING_CARE|SHORT_STAY|\d{4}-\d{2}-\d{2}"
)


@given(
    st.sampled_from(["RESPITE-DECISION-CEILING", "RESPITE-BOOKED-AWAY-EXCEEDS-HOME"]).flatmap(
        breaking
    )
)
def test_the_new_findings_are_all_swedish_in_swedish(case: object) -> None:
    """The new rules' findings say everything in Swedish in Swedish mode: no English word,
    no enum name, no ISO date, no Python value."""
    from anhorig.testing.strategies import Broken

    assert isinstance(case, Broken)
    for finding in case.report():
        said = finding.explain("sv")
        assert not _NOT_SWEDISH.search(said), said
