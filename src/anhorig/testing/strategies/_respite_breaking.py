"""Respite cases that break one rule on purpose: bookings each rule refuses, grants that
need a decision, alternating patterns away longer than the policy allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.bounds import MAX_AGE
from anhorig.organisations import Provider, ProviderKind
from anhorig.people import Person
from anhorig.respite.ledger import Ledger
from anhorig.respite.model import (
    Booking,
    GrantBasis,
    Quota,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    ShortStayUnit,
    max_quota,
)
from anhorig.respite.patterns import AlternatingPattern
from anhorig.respite.policy import (
    AgeCeiling,
    Overage,
    RespitePolicy,
    Weekday,
)
from anhorig.testing.strategies._core import (
    names,
    people,
)
from anhorig.testing.strategies._respite import (
    FIRST_DAY,
    LAST_DAY,
    respite_kinds,
    respite_providers,
)
from anhorig.time import ZONE, Interval, Period

__all__ = [
    "BREAKABLE",
    "BrokenBooking",
    "rule_breaking_bookings",
]


class BrokenBooking(NamedTuple):
    """A ledger and a booking that breaks the rule ``code`` when judged on ``on``."""

    code: str
    ledger: Ledger
    booking: Booking
    on: date


BREAKABLE: tuple[str, ...] = (
    "RESPITE-UNKNOWN-GRANT",
    "RESPITE-VOLUNTEER",
    "RESPITE-OUTSIDE-VALIDITY",
    "RESPITE-NOTICE",
    "RESPITE-OVER-QUOTA",
    "RESPITE-OVERLAP",
    "RESPITE-WEEKDAY",
    "RESPITE-CONSECUTIVE",
    "RESPITE-DYGN-PER-MONTH",
    "RESPITE-CARER-AGE",
    "RESPITE-LIVING-TOGETHER",
    "RESPITE-COMBINATION",
    "RESPITE-NO-BED",
    "RESPITE-SHORT-NOTICE",
    "RESPITE-OVERAGE-CHARGED",
    "RESPITE-TIME-OF-DAY",
    "RESPITE-CONSECUTIVE-GUIDELINE",
    "RESPITE-CARED-FOR-AGE",
    "RESPITE-ELIGIBILITY-UNKNOWN",
    "RESPITE-UNKNOWN-UNIT",
    "RESPITE-CONTINUITY",
)
"""The rule codes :func:`rule_breaking_bookings` can break on purpose."""


def _at(day: date, hour: int) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, tz=ZONE)


@st.composite
def _broken(draw: st.DrawFn, code: str) -> BrokenBooking:  # noqa: PLR0915 (one branch per rule)
    """One in-home booking of a few hours under a one-year grant with a permissive
    policy, judged 30 days ahead; each branch changes only what breaks ``code``.
    Shrinks towards a one-hour booking at 08:00 on 1 February 2025."""
    year = draw(st.integers(2025, 2029))
    validity = Period.year(year)
    day = draw(st.dates(date(year, 2, 1), date(year, 11, 1)))
    hour = draw(st.integers(8, 12))
    hours = draw(st.integers(1, 4))
    person = draw(people(min_birth=date(1925, 1, 1), max_birth=date(1960, 12, 31), with_id=False))
    carer = draw(people(min_birth=date(1940, 1, 1), max_birth=date(1990, 12, 31), with_id=False))
    policy = RespitePolicy(municipality="Exempel", kinds=frozenset({RespiteKind.IN_HOME}))
    quota = Quota(amount=40, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)
    kind = RespiteKind.IN_HOME
    lives_together: bool | None = True
    start, end = _at(day, hour), _at(day, hour + hours)
    made = _at(day - timedelta(days=30), 9)
    provider = draw(respite_providers())
    grant_id = "G-1"
    unit_id: str | None = None
    preferred: tuple[str, ...] = ()
    units: tuple[ShortStayUnit, ...] = ()
    extra_grants: list[RespiteGrant] = []
    before: list[Booking] = []
    on = day - timedelta(days=30)
    if code == "RESPITE-UNKNOWN-GRANT":
        grant_id = "G-404"
    elif code == "RESPITE-VOLUNTEER":
        provider = Provider(name="Röda korset", kind=ProviderKind.VOLUNTARY_ORGANISATION)
    elif code == "RESPITE-OUTSIDE-VALIDITY":
        validity = Period(date(year, 1, 1), day)
    elif code == "RESPITE-NOTICE":
        policy = attrs.evolve(policy, notice=draw(st.integers(1, 10)))
        made = _at(day, 7)
    elif code == "RESPITE-SHORT-NOTICE":
        # Too little notice, but the allowance for short notice still covers it.
        policy = attrs.evolve(
            policy,
            notice=draw(st.integers(1, 10)),
            short_notice_allowance=draw(st.integers(1, 3)),
        )
        made = _at(day, 7)
    elif code in ("RESPITE-OVER-QUOTA", "RESPITE-OVERAGE-CHARGED"):
        quota = Quota(amount=hours - 1, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)
        if code == "RESPITE-OVERAGE-CHARGED":
            policy = attrs.evolve(policy, overage=Overage.CHARGE)
    elif code == "RESPITE-TIME-OF-DAY":
        # Respite opens after the booking starts, or closes before it ends; the DST
        # change days included, since the window is read on the wall clock.
        if draw(st.booleans()):
            policy = attrs.evolve(policy, day_ends_at=hour + hours - 1)
        else:
            policy = attrs.evolve(policy, day_starts_at=hour + 1)
    elif code == "RESPITE-OVERLAP":
        before.append(
            Booking(
                id="B-0",
                grant_id="G-1",
                interval=Interval(start, end),
                made_at=made,
                provider=provider,
            )
        )
    elif code == "RESPITE-WEEKDAY":
        policy = attrs.evolve(
            policy, weekdays=frozenset(Weekday) - {Weekday.from_index(day.weekday())}
        )
    elif code in (
        "RESPITE-CONSECUTIVE",
        "RESPITE-CONSECUTIVE-GUIDELINE",
        "RESPITE-DYGN-PER-MONTH",
        "RESPITE-NO-BED",
    ):
        kind = RespiteKind.SHORT_STAY
        limit = draw(st.integers(1, 20))
        quota = Quota(amount=366, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR)
        policy = RespitePolicy(municipality="Exempel", kinds=frozenset({kind}))
        day = date(year, day.month, 1)
        nights = limit + draw(st.integers(1, 5))
        if code == "RESPITE-CONSECUTIVE":
            policy = attrs.evolve(policy, max_consecutive_dygn=limit)
        elif code == "RESPITE-CONSECUTIVE-GUIDELINE":
            policy = attrs.evolve(policy, max_consecutive_dygn=limit, consecutive_is_strict=False)
        elif code == "RESPITE-DYGN-PER-MONTH":
            policy = attrs.evolve(policy, max_dygn_per_month=limit)
        else:
            units = (ShortStayUnit(id="U-1", name="Tallbacken", beds=0),)
            unit_id = "U-1"
        start, end = _at(day, 14), _at(day + timedelta(days=nights), 12)
        made = _at(day - timedelta(days=30), 9)
        on = day - timedelta(days=30)
    elif code == "RESPITE-CARER-AGE":
        policy = attrs.evolve(policy, min_carer_age=18)
        born = date(on.year - draw(st.integers(8, 17)), on.month, 1)
        carer = attrs.evolve(carer, id=None, birth_date=born)
    elif code == "RESPITE-LIVING-TOGETHER":
        policy = attrs.evolve(policy, requires_living_together=True)
        lives_together = False
    elif code == "RESPITE-CARED-FOR-AGE":
        person = attrs.evolve(person, birth_date=date(year - 80, 1, 1))
        limit = person.age_on(on) + draw(st.integers(1, 15))
        policy = attrs.evolve(policy, min_cared_for_age=limit)
    elif code == "RESPITE-ELIGIBILITY-UNKNOWN":
        # A condition the grant does not record: living together, the carer's age or
        # the age of the person cared for.
        missing = draw(st.sampled_from(("living-together", "carer-age", "cared-for-age")))
        if missing == "living-together":
            policy = attrs.evolve(policy, requires_living_together=True)
            lives_together = None
        elif missing == "carer-age":
            policy = attrs.evolve(policy, min_carer_age=18)
            carer = attrs.evolve(carer, id=None, birth_date=None)
        else:
            policy = attrs.evolve(policy, min_cared_for_age=draw(st.integers(18, 65)))
            person = attrs.evolve(person, id=None, birth_date=None)
    elif code == "RESPITE-UNKNOWN-UNIT":
        units = draw(st.sampled_from(((), (ShortStayUnit(id="U-1", name="Tallbacken", beds=2),))))
        unit_id = "U-404"
    elif code == "RESPITE-CONTINUITY":
        # An earlier booking a week before asked for staff this one does not name.
        earlier = day - timedelta(days=7)
        before.append(
            Booking(
                id="B-0",
                grant_id="G-1",
                interval=Interval(_at(earlier, hour), _at(earlier, hour + hours)),
                made_at=_at(earlier - timedelta(days=30), 9),
                provider=provider,
                preferred_staff=("S-1",),
            )
        )
        preferred = draw(st.sampled_from(((), ("S-2",))))
    elif code == "RESPITE-COMBINATION":
        policy = attrs.evolve(policy, not_combined_with=frozenset({RespiteKind.SHORT_STAY}))
        extra_grants.append(
            RespiteGrant(
                id="G-2",
                kind=RespiteKind.SHORT_STAY,
                basis=GrantBasis.DECISION,
                decision_ref="SN-2",
                quota=Quota(amount=14, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR),
                validity=Period.year(year),
                cared_for=person,
            )
        )
    else:
        raise InvalidArgument(f"cannot break {code!r} on purpose; choose from {BREAKABLE}")
    grant = RespiteGrant(
        id="G-1",
        kind=kind,
        basis=GrantBasis.DECISION,
        decision_ref="SN-1",
        quota=quota,
        validity=validity,
        cared_for=person,
        carer=carer,
        lives_together=lives_together,
    )
    ledger = Ledger(
        policies=(policy,), grants=(grant, *extra_grants), units=units, entries=tuple(before)
    )
    booking = Booking(
        id="B-1",
        grant_id=grant_id,
        interval=Interval(start, end),
        made_at=made,
        provider=provider,
        preferred_staff=preferred,
        unit_id=unit_id,
    )
    return BrokenBooking(code=code, ledger=ledger, booking=booking, on=on)


class GrantUnderPolicy(NamedTuple):
    """A grant and the policy it is judged under on ``on``."""

    grant: RespiteGrant
    policy: RespitePolicy
    on: date


@st.composite
def grants_needing_decision(draw: st.DrawFn) -> GrantUnderPolicy:
    """A grant without a needs assessment whose quota goes beyond what the policy gives
    without a decision, for a person younger than any exemption age
    (``RESPITE-DECISION-REQUIRED``). Shrinks towards an in-home grant of 1 hour a
    month where nothing is free."""
    year = draw(st.integers(2025, 2029))
    on = date(year, 1, 1)
    kind = draw(respite_kinds())
    free = draw(st.integers(0, 24))
    if draw(st.booleans()):
        # Some other unit or period than hours a month is never free.
        pairs = [(u, p) for u in QuotaUnit for p in QuotaPeriod]
        unit, per = draw(
            st.sampled_from(
                [pair for pair in pairs if pair != (QuotaUnit.HOURS, QuotaPeriod.MONTH)]
            )
        )
        quota = Quota(
            amount=draw(st.integers(0, min(60, max_quota(unit, per)))), unit=unit, per=per
        )
    else:
        quota = Quota(
            amount=free + draw(st.integers(1, 40)), unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH
        )
    born = draw(st.dates(date(1925, 1, 1), date(1960, 12, 31)))
    person = Person(name=draw(names()), birth_date=born)
    exempt_from = draw(st.none() | st.integers(person.age_on(on) + 1, person.age_on(on) + 30))
    policy = RespitePolicy(
        municipality=draw(st.sampled_from(("Exempel", "Habo", "Sunne"))),
        kinds=frozenset({kind}),
        free_hours_without_decision=free,
        decision_exempt_from_age=exempt_from,
    )
    grant = RespiteGrant(
        id="G-1",
        kind=kind,
        basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
        quota=quota,
        validity=Period.year(year),
        cared_for=person,
    )
    return GrantUnderPolicy(grant=grant, policy=policy, on=on)


@st.composite
def grants_over_age_ceiling(draw: st.DrawFn) -> GrantUnderPolicy:
    """A grant without a needs assessment for a person old enough for an age group of
    the policy, beyond that group's ceiling and the hours free to all
    (``RESPITE-DECISION-CEILING``, issue 12: Habo's 40 hours at 75). Shrinks towards
    Habo's case: 20 hours a month from an age reached, one hour more granted."""
    year = draw(st.integers(2025, 2029))
    on = date(year, 1, 1)
    kind = draw(respite_kinds())
    born = draw(st.dates(date(1925, 1, 1), date(1960, 12, 31)))
    person = Person(name=draw(names()), birth_date=born)
    age = person.age_on(on)
    ceiling = Quota(amount=draw(st.integers(0, 40)), unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)
    free = draw(st.integers(0, ceiling.amount))
    younger = draw(st.integers(0, age))
    groups = [AgeCeiling(from_age=younger, ceiling=ceiling)]
    if age < MAX_AGE and draw(st.booleans()):
        # An older group the person has not reached does not apply.
        older = draw(st.integers(age + 1, MAX_AGE))
        groups.append(AgeCeiling(from_age=older, ceiling=attrs.evolve(ceiling, amount=744)))
    if draw(st.booleans()):
        quota = attrs.evolve(ceiling, amount=ceiling.amount + draw(st.integers(1, 40)))
    else:
        # A quota in another unit or period is never within an hours-a-month ceiling.
        pairs = [(u, p) for u in QuotaUnit for p in QuotaPeriod]
        unit, per = draw(
            st.sampled_from(
                [pair for pair in pairs if pair != (QuotaUnit.HOURS, QuotaPeriod.MONTH)]
            )
        )
        quota = Quota(
            amount=draw(st.integers(0, min(60, max_quota(unit, per)))), unit=unit, per=per
        )
    policy = RespitePolicy(
        municipality=draw(st.sampled_from(("Habo", "Exempel"))),
        kinds=frozenset({kind}),
        free_hours_without_decision=free,
        without_decision_by_age=tuple(groups),
    )
    grant = RespiteGrant(
        id="G-1",
        kind=kind,
        basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
        quota=quota,
        validity=Period.year(year),
        cared_for=person,
    )
    return GrantUnderPolicy(grant=grant, policy=policy, on=on)


class PatternUnderPolicy(NamedTuple):
    """A växelvård pattern and the policy it is judged under on ``on``."""

    pattern: AlternatingPattern
    policy: RespitePolicy
    on: date


@st.composite
def patterns_away_longer(draw: st.DrawFn) -> PatternUnderPolicy:
    """A växelvård rhythm with more days away than at home under a policy that wants
    time away not to exceed time at home (``RESPITE-AWAY-EXCEEDS-HOME``). Shrinks
    towards 1 day home and 2 away."""
    home = draw(st.integers(1, 27))
    pattern = AlternatingPattern(
        home_days=home,
        away_days=draw(st.integers(home + 1, 28)),
        arrive_hour=draw(st.integers(0, 23)),
        leave_hour=draw(st.integers(0, 23)),
        max_dygn_per_month=draw(st.none() | st.integers(1, 31)),
    )
    policy = RespitePolicy(
        municipality=draw(st.sampled_from(("Högsby", "Exempel"))),
        kinds=frozenset({RespiteKind.ALTERNATING_CARE}),
        away_not_longer_than_home=True,
    )
    return PatternUnderPolicy(
        pattern=pattern, policy=policy, on=draw(st.dates(FIRST_DAY, LAST_DAY))
    )


class LedgerOnDay(NamedTuple):
    """A ledger and the day ``check(ledger)`` judges it on."""

    ledger: Ledger
    on: date


@st.composite
def stays_away_longer(draw: st.DrawFn) -> LedgerOnDay:
    """Two växelvård stays booked for one person under a policy that wants time away not
    to exceed time at home, the second more nights away than the nights at home since
    the first left (``RESPITE-BOOKED-AWAY-EXCEEDS-HOME``, issue 12 case 7). Shrinks
    towards one night away, one at home, then two away."""
    year = draw(st.integers(2025, 2029))
    first = date(year, 1, 1) + timedelta(days=draw(st.integers(0, 200)))
    nights = draw(st.integers(1, 14))
    home = draw(st.integers(1, 27))
    away = home + draw(st.integers(1, 14))
    arrive_hour = draw(st.integers(12, 20))
    leave_hour = draw(st.integers(8, 12))
    left = first + timedelta(days=nights)
    again = left + timedelta(days=home)
    kind = RespiteKind.ALTERNATING_CARE
    policy = RespitePolicy(
        municipality=draw(st.sampled_from(("Högsby", "Exempel"))),
        kinds=frozenset({kind}),
        away_not_longer_than_home=True,
    )
    grant = RespiteGrant(
        id="G-1",
        kind=kind,
        basis=GrantBasis.DECISION,
        decision_ref="SN-1",
        quota=Quota(amount=366, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR),
        validity=Period(date(year, 1, 1), date(year + 1, 2, 1)),
        cared_for=Person(name=draw(names()), birth_date=date(1940, 1, 1)),
    )
    provider = Provider(name="Korttidsenheten", kind=ProviderKind.MUNICIPALITY)
    made = _at(date(year - 1, 12, 1), 9)
    stays = (
        Booking(
            id="V-1",
            grant_id="G-1",
            interval=Interval(_at(first, arrive_hour), _at(left, leave_hour)),
            made_at=made,
            provider=provider,
        ),
        Booking(
            id="V-2",
            grant_id="G-1",
            interval=Interval(
                _at(again, arrive_hour), _at(again + timedelta(days=away), leave_hour)
            ),
            made_at=made,
            provider=provider,
        ),
    )
    ledger = Ledger(policies=(policy,), grants=(grant,)).extend(stays)
    return LedgerOnDay(ledger=ledger, on=made.date())


def rule_breaking_bookings(
    *, codes: Sequence[str] | None = None
) -> st.SearchStrategy[BrokenBooking]:
    """A ledger and a booking breaking one named rule on purpose, labelled with its code
    (``RESPITE-NOTICE``, ...); ``codes`` picks which (default: all of :data:`BREAKABLE`).
    Other rules may be broken too; ``code`` always is. Shrinks towards the first code."""
    chosen = tuple(codes) if codes is not None else BREAKABLE
    unknown = [c for c in chosen if c not in BREAKABLE]
    if unknown or not chosen:
        raise InvalidArgument(f"codes={list(chosen)}: choose one or more of {BREAKABLE}")
    return st.sampled_from(chosen).flatmap(_broken)
