"""Strategies for respite: quotas, policies, grants, bookings, units, ledgers, balances.

Everything is valid by construction: grants have a closed validity, bookings lie
in whole minutes (often across a DST change or a month boundary), ledgers keep
their entries in time order and cancel only bookings they hold. People are
synthetic (see :func:`people`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.organisations import Provider, ProviderKind
from anhorig.people import Person
from anhorig.respite.capacity import Occupancy, occupancy
from anhorig.respite.ledger import Balance, Entry, Ledger
from anhorig.respite.model import (
    Booking,
    Cancellation,
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
    PRESETS,
    AgeCeiling,
    CarryOver,
    DygnCount,
    NoticeUnit,
    Overage,
    Proration,
    RespitePolicy,
    Weekday,
)
from anhorig.testing.strategies._core import (
    dates,
    instants,
    last_sunday,
    names,
    people,
    providers,
)
from anhorig.time import ZONE, Interval, Period

__all__ = [
    "age_ceilings",
    "alternating_patterns",
    "balances",
    "bookings",
    "cancellations",
    "clean_ledgers",
    "ledgers",
    "occupancies",
    "quotas",
    "respite_grants",
    "respite_kinds",
    "respite_policies",
    "respite_providers",
    "short_stay_units",
    "type_strategies",
]

FIRST_DAY = date(2024, 1, 1)
LAST_DAY = date(2030, 12, 31)
"""The days respite grants start between, and cases are judged on, unless given."""


def respite_kinds() -> st.SearchStrategy[RespiteKind]:
    """Respite kinds; shrinks towards in-home respite."""
    return st.sampled_from(RespiteKind)


def respite_providers(*, volunteers: bool = False) -> st.SearchStrategy[Provider]:
    """Providers of respite: the municipality or its contractor (any kind, volunteers
    included, if asked); shrinks towards the municipality."""
    if volunteers:
        return providers()
    return providers(kinds=st.sampled_from((ProviderKind.MUNICIPALITY, ProviderKind.CONTRACTOR)))


def quotas(
    *,
    units: st.SearchStrategy[QuotaUnit] | None = None,
    pers: st.SearchStrategy[QuotaPeriod] | None = None,
    max_amount: int = 60,
) -> st.SearchStrategy[Quota]:
    """Quotas of 0..``max_amount`` hours or dygn per month, year or validity, never
    more than the period holds (:func:`~anhorig.respite.model.max_quota`); shrinks
    towards 0 hours a month."""
    if max_amount < 0:
        raise InvalidArgument(f"max_amount={max_amount} must be >= 0")

    @st.composite
    def quota(draw: st.DrawFn) -> Quota:
        unit = draw(units if units is not None else st.sampled_from(QuotaUnit))
        per = draw(pers if pers is not None else st.sampled_from(QuotaPeriod))
        amount = draw(st.integers(0, min(max_amount, max_quota(unit, per))))
        return Quota(amount=amount, unit=unit, per=per)

    return quota()


@st.composite
def age_ceilings(draw: st.DrawFn) -> tuple[AgeCeiling, ...]:
    """Up to three age groups in increasing age (65..90), each with a ceiling of hours a
    month or another quota; shrinks towards none."""
    ages = sorted(draw(st.sets(st.integers(65, 90), max_size=3)))
    return tuple(AgeCeiling(from_age=age, ceiling=draw(quotas(max_amount=40))) for age in ages)


@st.composite
def respite_policies(
    draw: st.DrawFn, *, kinds: st.SearchStrategy[frozenset[RespiteKind]] | None = None
) -> RespitePolicy:
    """Municipal policies with any combination of the rules; shrinks towards the
    permissive defaults."""
    governed = draw(
        kinds if kinds is not None else st.frozensets(respite_kinds(), min_size=1, max_size=4)
    )
    carry = draw(st.sampled_from(CarryOver))
    starts = draw(st.integers(0, 12))
    return RespitePolicy(
        municipality=draw(st.sampled_from(("Sunne", "Tranemo", "Växjö", "Ronneby", "Exempel"))),
        source=draw(st.none() | st.sampled_from([p.source for p in PRESETS.values()])),
        kinds=governed,
        standard_quota=draw(st.none() | quotas()),
        free_hours_without_decision=draw(st.integers(0, 24)),
        decision_exempt_from_age=draw(st.none() | st.integers(60, 90)),
        without_decision_by_age=draw(age_ceilings()),
        notice=draw(st.integers(0, 10)),
        notice_unit=draw(st.sampled_from(NoticeUnit)),
        short_notice_allowance=draw(st.integers(0, 3)),
        carry_over=carry,
        carry_over_cap=draw(st.integers(0, 30)) if carry is CarryOver.CAPPED else None,
        proration=draw(st.sampled_from(Proration)),
        overage=draw(st.sampled_from(Overage)),
        weekdays=draw(st.frozensets(st.sampled_from(Weekday), min_size=1)),
        exclude_holidays=draw(st.booleans()),
        day_starts_at=starts,
        day_ends_at=draw(st.integers(starts + 1, 24)),
        max_consecutive_dygn=draw(st.none() | st.integers(1, 30)),
        consecutive_is_strict=draw(st.booleans()),
        max_dygn_per_month=draw(st.none() | st.integers(1, 31)),
        dygn_count=draw(st.sampled_from(DygnCount)),
        late_cancellation_hours=draw(st.none() | st.integers(0, 72)),
        min_carer_age=draw(st.none() | st.integers(15, 21)),
        requires_living_together=draw(st.booleans()),
        min_cared_for_age=draw(st.none() | st.integers(0, 80)),
        not_combined_with=draw(st.frozensets(respite_kinds(), max_size=2)),
        away_not_longer_than_home=draw(st.booleans()),
    )


@st.composite
def respite_grants(
    draw: st.DrawFn,
    *,
    ids: st.SearchStrategy[str] | None = None,
    kinds: st.SearchStrategy[RespiteKind] | None = None,
    quota_strategy: st.SearchStrategy[Quota] | None = None,
    min_start: date = FIRST_DAY,
    max_start: date = LAST_DAY,
    max_days: int = 400,
) -> RespiteGrant:
    """Grants valid 1..``max_days`` days from a start in ``[min_start, max_start]``,
    often mid-month, often on a day at an edge (a month's or year's end, 29 February,
    a DST change day, a holiday); shrinks towards a one-day in-home grant. A quota over
    the validity is cut to the validity's length, the most a grant may hold."""
    if min_start > max_start:
        raise InvalidArgument(f"min_start={min_start} is after max_start={max_start}")
    if max_days < 1:
        raise InvalidArgument(f"max_days={max_days} must be >= 1")
    start = draw(dates(min_value=min_start, max_value=max_start))
    basis = draw(st.sampled_from(GrantBasis))
    gid = draw(ids if ids is not None else st.sampled_from(("G-1", "G-2", "G-3")))
    kind = draw(kinds if kinds is not None else respite_kinds())
    ref = f"SN-{draw(st.integers(1, 9999))}" if basis is GrantBasis.DECISION else None
    quota = draw(quota_strategy if quota_strategy is not None else quotas())
    days = draw(st.integers(1, max_days))
    if quota.per is QuotaPeriod.VALIDITY:
        most = days * 24 if quota.unit is QuotaUnit.HOURS else days
        quota = attrs.evolve(quota, amount=min(quota.amount, most))
    return RespiteGrant(
        id=gid,
        kind=kind,
        basis=basis,
        decision_ref=ref,
        quota=quota,
        validity=Period(start, start + timedelta(days=days)),
        cared_for=draw(people(min_birth=date(1925, 1, 1), max_birth=date(2015, 12, 31))),
        carer=draw(st.none() | people(min_birth=date(1930, 1, 1), max_birth=date(2012, 12, 31))),
        lives_together=draw(st.none() | st.booleans()),
    )


def _epoch(day: date) -> int:
    return int(pendulum.datetime(day.year, day.month, day.day, tz=ZONE).timestamp())


@st.composite
def _starts(draw: st.DrawFn, first: date, end: date) -> int:
    """An epoch second (whole minute) in ``[first, end)``, often near a DST change or
    a month boundary."""
    lo, hi = _epoch(first), _epoch(end) - 60
    special: list[int] = []
    for year in range(first.year, end.year + 1):
        for month in (3, 10):
            change = last_sunday(year, month)
            special.append(_epoch(change) - 4 * 3600)
        for month in range(1, 13):
            special.append(_epoch(date(year, month, 1)) - 3 * 3600)
    special = [s for s in special if lo <= s <= hi]
    near: bool = draw(st.booleans())
    if special and near:
        base = draw(st.sampled_from(special))
        return min(hi, base + 60 * draw(st.integers(0, 6 * 60)))
    return lo + 60 * draw(st.integers(0, max(0, (hi - lo) // 60)))


@st.composite
def bookings(
    draw: st.DrawFn,
    grant: RespiteGrant,
    *,
    ids: st.SearchStrategy[str] | None = None,
    max_hours: int = 72,
    made_at: pendulum.DateTime | None = None,
    unit_id: str | None = None,
) -> Booking:
    """Bookings under ``grant``, inside its validity, of 1 minute to ``max_hours``
    hours; shrinks towards a one-minute booking at the validity's start."""
    if max_hours < 1:
        raise InvalidArgument(f"max_hours={max_hours} must be >= 1")
    validity = grant.validity
    assert validity.end is not None
    start = draw(_starts(validity.start, validity.end))
    end_limit = _epoch(validity.end)
    minutes = draw(st.integers(1, max_hours * 60))
    end = min(end_limit, start + minutes * 60)
    if end <= start:
        start, end = end_limit - 60, end_limit
    # Instants compare by the instant (anhorig.time keeps fixed offsets), so bookings
    # that start or end inside the autumn fold are generated like any other.
    begins = pendulum.from_timestamp(start, tz=ZONE)
    ends = pendulum.from_timestamp(end, tz=ZONE)
    made = made_at
    if made is None:
        made = pendulum.from_timestamp(start - 60 * draw(st.integers(0, 60 * 24 * 30)), tz=ZONE)
    return Booking(
        id=draw(ids if ids is not None else st.from_regex(r"B-[0-9]{1,4}", fullmatch=True)),
        grant_id=grant.id,
        interval=Interval(begins, ends),
        made_at=made,
        provider=draw(respite_providers()),
        preferred_staff=tuple(draw(st.lists(st.sampled_from(("S-1", "S-2", "S-7")), max_size=2))),
        unit_id=unit_id,
    )


def cancellations() -> st.SearchStrategy[Cancellation]:
    """Cancellations of some booking id at some instant."""
    return st.builds(
        Cancellation,
        booking_id=st.from_regex(r"B-[0-9]{1,4}", fullmatch=True),
        at=instants(min_value=FIRST_DAY, max_value=LAST_DAY),
        reason=st.sampled_from(("", "sjukdom", "ändrade planer")),
    )


def short_stay_units() -> st.SearchStrategy[ShortStayUnit]:
    """Short-stay units of 0..6 beds; shrinks towards an empty unit."""
    return st.builds(
        ShortStayUnit,
        id=st.sampled_from(("U-1", "U-2")),
        name=st.sampled_from(("Tallbacken", "Solgården")),
        beds=st.integers(0, 6),
    )


@st.composite
def ledgers(
    draw: st.DrawFn,
    *,
    max_grants: int = 3,
    max_entries: int = 12,
    policies: st.SearchStrategy[RespitePolicy] | None = None,
) -> Ledger:
    """Ledgers with up to ``max_grants`` grants (one family, or several), a policy per
    kind, one unit, and up to ``max_entries`` bookings and cancellations in time
    order; shrinks towards an empty ledger with one grant."""
    if max_grants < 1:
        raise InvalidArgument(f"max_grants={max_grants} must be >= 1")
    if max_entries < 0:
        raise InvalidArgument(f"max_entries={max_entries} must be >= 0")
    count = draw(st.integers(1, max_grants))
    family = draw(people(min_birth=date(1925, 1, 1), max_birth=date(1960, 12, 31)))
    grants = []
    for index in range(count):
        grant = draw(respite_grants(ids=st.just(f"G-{index + 1}")))
        if draw(st.booleans()):
            grant = attrs.evolve(grant, cared_for=family)
        grants.append(grant)
    kinds = sorted({g.kind for g in grants})
    chosen: list[RespitePolicy] = []
    for kind in kinds:
        if draw(st.booleans()):
            strategy = policies if policies is not None else respite_policies()
            chosen.append(attrs.evolve(draw(strategy), kinds=frozenset({kind})))
    unit = draw(short_stay_units())
    n = draw(st.integers(0, max_entries))
    clock = _epoch(min(g.validity.start for g in grants)) - 40 * 86400
    entries: list[Entry] = []
    active: list[str] = []
    for index in range(n):
        clock += 60 * draw(st.integers(0, 60 * 24 * 3))
        moment = pendulum.from_timestamp(clock, tz=ZONE)
        if active and draw(st.integers(0, 3)) == 0:
            target = draw(st.sampled_from(active))
            active.remove(target)
            entries.append(Cancellation(booking_id=target, at=moment))
            continue
        grant = draw(st.sampled_from(grants))
        use_unit = unit.id if grant.kind in _STAY_KINDS else None
        booking = draw(
            bookings(grant, ids=st.just(f"B-{index + 1}"), made_at=moment, unit_id=use_unit)
        )
        entries.append(booking)
        active.append(booking.id)
    return Ledger(
        policies=tuple(chosen), grants=tuple(grants), units=(unit,), entries=tuple(entries)
    )


@st.composite
def balances(
    draw: st.DrawFn, *, ledger_strategy: st.SearchStrategy[Ledger] | None = None
) -> Balance:
    """Balances of some grant of a generated ledger on some date of its validity."""
    ledger = draw(ledger_strategy if ledger_strategy is not None else ledgers(max_entries=6))
    grant = draw(st.sampled_from(ledger.grants))
    assert grant.validity.end is not None
    on = draw(st.dates(grant.validity.start, grant.validity.end - timedelta(days=1)))
    return ledger.balance(grant.id, on)


@st.composite
def occupancies(draw: st.DrawFn) -> Occupancy:
    """Occupancies of the unit of a generated ledger on some night."""
    ledger = draw(ledgers(max_entries=6))
    night = draw(st.dates(date(2023, 12, 1), date(2031, 12, 31)))
    return occupancy(ledger, ledger.units[0].id, night)


def alternating_patterns() -> st.SearchStrategy[AlternatingPattern]:
    """Växelvård rhythms of 1..28 days home and away; shrinks towards 1 + 1."""
    return st.builds(
        AlternatingPattern,
        home_days=st.integers(1, 28),
        away_days=st.integers(1, 28),
        arrive_hour=st.integers(0, 23),
        leave_hour=st.integers(0, 23),
        max_dygn_per_month=st.none() | st.integers(1, 31),
    )


def type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """The respite types and their strategies, for hypothesis' ``from_type``."""
    return {
        Quota: quotas(),
        AgeCeiling: st.builds(
            AgeCeiling, from_age=st.integers(0, 150), ceiling=quotas(max_amount=40)
        ),
        RespitePolicy: respite_policies(),
        RespiteGrant: respite_grants(),
        Booking: respite_grants().flatmap(bookings),
        Cancellation: cancellations(),
        ShortStayUnit: short_stay_units(),
        Ledger: ledgers(),
        Balance: balances(),
        Occupancy: occupancies(),
        AlternatingPattern: alternating_patterns(),
    }


class _Family:
    """What :func:`clean_ledgers` has laid out for one person so far: the budgets and
    tallies each rule limits, kept while bookings are placed in time order."""

    def __init__(self, person: Person, carer: Person) -> None:
        self.person = person
        self.carer = carer
        self.used: dict[tuple[str, int], int] = {}  # (grant, month or 0) -> seconds or dygn
        self.dygn: dict[tuple[int, DygnCount], int] = {}  # (month, count) -> dygn away
        self.left_on: dict[RespiteKind, date] = {}  # the last stay's leaving day, by kind

    def used_of(self, grant_id: str) -> dict[int, int]:
        """What ``grant_id`` has used, by month (0: the whole year)."""
        return {period: amount for (gid, period), amount in self.used.items() if gid == grant_id}


def _stay_dygn(arrive: date, nights: int, count: DygnCount) -> list[date]:
    """The dates a stay of ``nights`` nights from ``arrive`` (leaving at noon) counts a
    dygn on: its evenings, or every calendar day it touches."""
    last = nights if count is DygnCount.CALENDAR_DAYS else nights - 1
    return [arrive + timedelta(days=i) for i in range(last + 1)]


def _budget(grant: RespiteGrant, policy: RespitePolicy, used: dict[int, int], month: int) -> int:
    """What ``grant`` may still use in ``month`` (1..12; 0 for a yearly quota), with
    what earlier months carry over under ``policy``."""
    unit = 3600 if grant.quota.unit is QuotaUnit.HOURS else 1
    granted = grant.quota.amount * unit
    if grant.quota.per is not QuotaPeriod.MONTH:
        return granted - used.get(0, 0)
    carried = 0
    for earlier in range(1, month):
        left = max(0, granted + carried - used.get(earlier, 0))
        if policy.carry_over is CarryOver.NONE:
            left = 0
        elif policy.carry_over is CarryOver.CAPPED:
            left = min(left, (policy.carry_over_cap or 0) * unit)
        carried = left
    return granted + carried - used.get(month, 0)


def _made(policy: RespitePolicy, day: date) -> pendulum.DateTime:
    """A moment with the policy's notice (and a day to spare) before ``day``."""
    from anhorig.time import add_working_days, local

    if policy.notice_unit is NoticeUnit.WORKING_DAYS:
        made = add_working_days(day, -(policy.notice + 1))
    else:
        made = day - timedelta(days=policy.notice + 1)
    return local(made.year, made.month, made.day, 9)


_HOURS_KINDS = (RespiteKind.IN_HOME, RespiteKind.DAY_CARE)
_STAY_KINDS = (RespiteKind.SHORT_STAY, RespiteKind.ALTERNATING_CARE, RespiteKind.EMERGENCY)
"""The kinds whose stays take beds at a short-stay unit."""


@st.composite
def _clean_policy(draw: st.DrawFn, kind: RespiteKind) -> RespitePolicy:
    """A strict but satisfiable policy for ``kind``: notice, carry-over, and for hours
    weekdays and opening hours, for dygn limits in a row and per month; every
    eligibility condition set (the facts are recorded)."""
    carry = draw(st.sampled_from(CarryOver))
    common: dict[str, Any] = {
        "municipality": "Exempelby",
        "kinds": frozenset({kind}),
        "notice": draw(st.integers(0, 5)),
        "notice_unit": draw(st.sampled_from(NoticeUnit)),
        "carry_over": carry,
        "carry_over_cap": draw(st.integers(0, 10)) if carry is CarryOver.CAPPED else None,
        "min_carer_age": 18,
        "requires_living_together": True,
        "min_cared_for_age": 65,
    }
    if kind in _HOURS_KINDS:
        working_days_only = draw(st.booleans())
        opens = draw(st.integers(0, 10))
        return RespitePolicy(
            **common,
            weekdays=frozenset(list(Weekday)[:5]) if working_days_only else frozenset(Weekday),
            exclude_holidays=working_days_only,
            day_starts_at=opens,
            day_ends_at=draw(st.integers(max(opens + 3, 14), 24)),
        )
    return RespitePolicy(
        **common,
        max_consecutive_dygn=draw(st.none() | st.integers(2, 14)),
        max_dygn_per_month=draw(st.none() | st.integers(4, 20)),
        dygn_count=draw(st.sampled_from(DygnCount)),
        # Högsby's rhythm rule is växelvård's (a korttid stay has no rhythm).
        away_not_longer_than_home=kind is RespiteKind.ALTERNATING_CARE and draw(st.booleans()),
    )


@st.composite
def clean_ledgers(  # noqa: PLR0915 (one construction, rule by rule)
    draw: st.DrawFn,
    *,
    max_bookings: int = 8,
    year: int = 2026,
    kinds: Sequence[RespiteKind] | None = None,
    vaxelvard: bool = True,
) -> Ledger:
    """Ledgers that no respite rule finds fault with, by construction.

    One family (and sometimes a neighbour at the same short-stay unit) with a grant
    by decision for each of some of ``kinds`` (default: every kind): in-home respite
    and day care (*dagverksamhet*) in hours, short stays (*korttidsvistelse*), växelvård
    stays and emergency places (*trygghetsplats*) in dygn, and with ``vaxelvard``
    sometimes a växelvård rhythm over a few whole months. The carer is adult and lives with a
    person over 70, every fact recorded. Each kind has a strict policy, and bookings
    are placed in time order so that each rule holds:

    - notice: made the policy's notice plus a day ahead (working days skip weekends
      and public holidays); an emergency place is booked the same day, needing none;
    - quotas: within each period's quota and what earlier periods carry over;
    - no two bookings of one person overlap; hours lie on allowed days within
      opening hours; stays keep to the limits in a row and per month (counted as the
      policy counts dygn), and to the free beds of the unit each night;
    - växelvård: time away never longer than time at home where the policy asks it;
    - continuity: a grant's bookings name the same staff, or none.

    Shrinks towards an empty ledger with one in-home grant.
    """
    from anhorig.respite.patterns import alternating
    from anhorig.time import is_working_day, local

    if max_bookings < 0:
        raise InvalidArgument(f"max_bookings={max_bookings} must be >= 0")
    pool = list(kinds) if kinds is not None else list(RespiteKind)
    if not pool or not all(isinstance(kind, RespiteKind) for kind in pool):
        raise InvalidArgument(f"kinds={kinds!r} must name one or more RespiteKind")
    chosen = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=len(pool), unique=True))
    policies = {kind: draw(_clean_policy(kind)) for kind in sorted(chosen)}
    unit = ShortStayUnit(id="U-1", name="Korttidsenheten", beds=draw(st.integers(1, 2)))
    beds: dict[date, int] = {}  # nights taken at the unit, by the evening's date
    provider = Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY)
    first_day, last_day = date(year, 1, 15), date(year, 12, 30)
    grants: list[RespiteGrant] = []
    bookings: list[Booking] = []

    def grant_for(family: _Family, kind: RespiteKind, gid: str) -> RespiteGrant:
        hours = kind in _HOURS_KINDS
        amount = draw(st.integers(4, 24) if hours else st.integers(3, 40))
        per = QuotaPeriod.MONTH if hours else draw(st.sampled_from(QuotaPeriod))
        if per is QuotaPeriod.MONTH and not hours:
            per = QuotaPeriod.YEAR  # a stay may cross months
        quota = Quota(amount=amount, unit=QuotaUnit.HOURS if hours else QuotaUnit.DYGN, per=per)
        grant = RespiteGrant(
            id=gid,
            kind=kind,
            basis=GrantBasis.DECISION,
            decision_ref=f"SN-{gid}",
            quota=quota,
            validity=Period.year(year),
            cared_for=family.person,
            carer=family.carer,
            lives_together=True,
        )
        grants.append(grant)
        return grant

    def nights_fit(
        family: _Family, kind: RespiteKind, grant: RespiteGrant, arrive: date, nights: int
    ) -> int:
        """The longest stay from ``arrive`` of at most ``nights`` nights every dygn rule
        allows: in a row, per month, the quota and a free bed each night."""
        policy = policies[kind]
        while nights > 0:
            count = policy.dygn_count
            dygn = len(_stay_dygn(arrive, nights, count))
            fits = policy.max_consecutive_dygn is None or dygn <= policy.max_consecutive_dygn
            if kind is not RespiteKind.EMERGENCY:
                fits = fits and dygn <= _budget(grant, policy, family.used_of(grant.id), 0)
            for other in _STAY_KINDS:
                limit = policies[other].max_dygn_per_month if other in policies else None
                if limit is None:
                    continue
                other_count = policies[other].dygn_count
                months: dict[int, int] = {}
                for day in _stay_dygn(arrive, nights, other_count):
                    months[day.month] = months.get(day.month, 0) + 1
                fits = fits and all(
                    family.dygn.get((m, other_count), 0) + n <= limit for m, n in months.items()
                )
            fits = fits and all(
                beds.get(arrive + timedelta(days=i), 0) < unit.beds for i in range(nights)
            )
            if fits:
                return nights
            nights -= 1
        return 0

    def take_stay(family: _Family, grant: RespiteGrant, arrive: date, nights: int) -> None:
        policy = policies[grant.kind]
        if grant.kind is not RespiteKind.EMERGENCY:
            key = (grant.id, 0)
            family.used[key] = family.used.get(key, 0) + len(
                _stay_dygn(arrive, nights, policy.dygn_count)
            )
        for count in DygnCount:
            for day in _stay_dygn(arrive, nights, count):
                family.dygn[(day.month, count)] = family.dygn.get((day.month, count), 0) + 1
        for i in range(nights):
            night = arrive + timedelta(days=i)
            beds[night] = beds.get(night, 0) + 1

    def lay_out(
        family: _Family, fkinds: list[RespiteKind], prefix: str, block: tuple[date, date] | None
    ) -> None:
        own = {kind: grant_for(family, kind, f"{prefix}{kind.value}") for kind in fkinds}
        staff = {kind: draw(st.sampled_from(((), ("Anna Ek",)))) for kind in fkinds}
        day = first_day
        for _ in range(draw(st.integers(0, max_bookings))):
            kind = draw(st.sampled_from(fkinds))
            grant, policy = own[kind], policies[kind]
            day += timedelta(days=draw(st.integers(0, 6)))
            if block is not None and block[0] <= day < block[1]:
                day = block[1]  # the växelvård months are the rhythm's alone
            if kind in _HOURS_KINDS:
                while (
                    (policy.exclude_holidays and not is_working_day(day))
                    or Weekday.from_index(day.weekday()) not in policy.weekdays
                    or local(day.year, day.month, day.day).utcoffset()
                    != local(day.year, day.month, day.day, 23).utcoffset()
                    or (block is not None and block[0] <= day < block[1])
                ):
                    day += timedelta(days=1)  # an allowed day without a DST change
                if day > last_day:
                    break
                left = _budget(grant, policy, family.used_of(grant.id), day.month) // 3600
                hours = min(
                    draw(st.integers(1, 3)), left, policy.day_ends_at - policy.day_starts_at
                )
                if hours >= 1:
                    start_hour = draw(st.integers(policy.day_starts_at, policy.day_ends_at - hours))
                    start = local(day.year, day.month, day.day, start_hour)
                    key = (grant.id, day.month)
                    family.used[key] = family.used.get(key, 0) + hours * 3600
                    bookings.append(
                        Booking(
                            id=f"{prefix}B-{len(bookings) + 1}",
                            grant_id=grant.id,
                            interval=Interval(start, start.add(hours=hours)),
                            made_at=_made(policy, day),
                            provider=provider,
                            preferred_staff=staff[kind],
                        )
                    )
                day += timedelta(days=1)
                continue
            # A stay arrives at 14 and leaves at 12, at the latest the day before the
            # växelvård months or the last day of the year.
            end = min(block[0], last_day) if block is not None and day < block[0] else last_day
            nights = min(draw(st.integers(1, 7)), (end - day).days - 1)
            if policy.away_not_longer_than_home:
                # Away no longer than at home since the last växelvård stay left.
                gone = [d for d in (*rhythm_left, family.left_on.get(kind)) if d and d <= day]
                if gone:
                    nights = min(nights, (day - max(gone)).days)
            nights = nights_fit(family, kind, grant, day, nights)
            if nights >= 1:
                take_stay(family, grant, day, nights)
                family.left_on[kind] = day + timedelta(days=nights)
                arrive = local(day.year, day.month, day.day, 14)
                leave_day = day + timedelta(days=nights)
                emergency = kind is RespiteKind.EMERGENCY
                bookings.append(
                    Booking(
                        id=f"{prefix}B-{len(bookings) + 1}",
                        grant_id=grant.id,
                        interval=Interval(
                            arrive, local(leave_day.year, leave_day.month, leave_day.day, 12)
                        ),
                        # A trygghetsplats is taken when the carer falls ill: no notice.
                        made_at=arrive.subtract(hours=3) if emergency else _made(policy, day),
                        provider=provider,
                        unit_id=unit.id,
                        preferred_staff=staff[kind],
                    )
                )
                day = leave_day
            day += timedelta(days=1)

    family = _Family(
        Person(name=draw(names()), birth_date=date(1935, 6, 1)),
        Person(name=draw(names()), birth_date=date(1960, 2, 1)),
    )
    block: tuple[date, date] | None = None
    rhythm_left: list[date] = []  # the days the rhythm's stays leave on
    if vaxelvard and RespiteKind.ALTERNATING_CARE in policies and draw(st.booleans()):
        # Växelvård: a rhythm over whole months, booked in one go like a hotel stay.
        policy = policies[RespiteKind.ALTERNATING_CARE]
        first_month = draw(st.integers(3, 8))
        block = (date(year, first_month, 1), date(year, first_month + draw(st.integers(1, 3)), 1))
        home = draw(st.integers(3, 21))
        longest = policy.max_consecutive_dygn or 14
        if policy.dygn_count is DygnCount.CALENDAR_DAYS:
            longest -= 1  # leaving before noon still touches that day
        away = draw(
            st.integers(1, max(1, min(longest, home if policy.away_not_longer_than_home else 14)))
        )
        pattern = AlternatingPattern(
            home_days=home, away_days=away, max_dygn_per_month=policy.max_dygn_per_month
        )
        provisional = RespiteGrant(
            id="V-1",
            kind=RespiteKind.ALTERNATING_CARE,
            basis=GrantBasis.DECISION,
            decision_ref="SN-V-1",
            quota=Quota(amount=1, unit=QuotaUnit.DYGN, per=QuotaPeriod.VALIDITY),
            validity=Period(*block),
            cared_for=family.person,
            carer=family.carer,
            lives_together=True,
        )
        stays = alternating(
            provisional,
            pattern,
            start=block[0],
            made_at=_made(policy, block[0]),
            provider=provider,
            unit_id=unit.id,
            count=policy.dygn_count,
        )
        total = 0
        for stay in stays:
            arrive = stay.interval.start.date()
            nights = (stay.interval.end.date() - arrive).days
            total += len(_stay_dygn(arrive, nights, policy.dygn_count))
            rhythm_left.append(stay.interval.end.date())
            for i in range(nights):
                night = arrive + timedelta(days=i)
                beds[night] = beds.get(night, 0) + 1
        # The decision grants what the rhythm needs.
        grants.append(
            attrs.evolve(provisional, quota=attrs.evolve(provisional.quota, amount=max(total, 1)))
        )
        bookings.extend(stays)
    lay_out(family, sorted(policies), "", block)
    if RespiteKind.SHORT_STAY in policies and draw(st.booleans()):
        # A neighbour at the same unit: their stays get only the beds left.
        neighbour = _Family(
            Person(name=draw(names()), birth_date=date(1938, 9, 1)),
            Person(name=draw(names()), birth_date=date(1962, 4, 1)),
        )
        lay_out(neighbour, [RespiteKind.SHORT_STAY], "N-", None)
    ledger = Ledger(policies=tuple(policies.values()), grants=tuple(grants), units=(unit,))
    in_order = sorted(bookings, key=lambda booking: (booking.made_at, booking.id))
    return ledger.extend(in_order)
