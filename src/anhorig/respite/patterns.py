"""Växelvård patterns: alternating time at home and away, generated into bookings.

Växelvård (:attr:`~anhorig.respite.model.RespiteKind.ALTERNATING_CARE`) is planned,
recurring stays away, unlike a korttidsvistelse taken as single occasions
(:attr:`~anhorig.respite.model.RespiteKind.SHORT_STAY`). Municipalities describe it as
a rhythm: Hudiksvall "3 weeks home + 1 away,
or 2 + 2"; Ulricehamn "1–2 weeks in every 4"; Växjö "at most 14 days a month";
Högsby "time away should not exceed time at home". An :class:`AlternatingPattern`
is such a rhythm; :func:`alternating` lays it over a grant's validity as bookings,
shortening a stay where a monthly cap of dygn would be passed; :func:`check_series`
books them one by one into a ledger and returns every finding, and
:func:`check_pattern` judges the rhythm itself.

>>> from datetime import date
>>> from anhorig.people import Person
>>> from anhorig.time import Period, local
>>> from anhorig.respite.model import *
>>> grant = RespiteGrant(id="V", kind=RespiteKind.ALTERNATING_CARE, basis=GrantBasis.DECISION,
...     decision_ref="D", quota=Quota(amount=120, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR),
...     validity=Period(date(2026, 1, 5), date(2026, 3, 2)),
...     cared_for=Person(name="Erik Ström", birth_date=date(1938, 2, 3)))
>>> stays = alternating(grant, THREE_HOME_ONE_AWAY, start=date(2026, 1, 5),
...     made_at=local(2025, 12, 1), provider=Provider(name="Enen", kind=ProviderKind.MUNICIPALITY))
>>> for stay in stays:
...     print(stay.interval.start.date(), stay.interval.end.date())
2026-01-26 2026-02-02
2026-02-23 2026-03-01
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, timedelta

import attrs

from anhorig import _checks, bounds
from anhorig._arguments import checked_first
from anhorig._checks import collecting, instance_of, optional
from anhorig.findings import Finding, Report
from anhorig.organisations import Provider
from anhorig.respite._sweep import Lookup
from anhorig.respite.ledger import Ledger
from anhorig.respite.model import Booking, RespiteGrant
from anhorig.respite.policy import DygnCount
from anhorig.respite.rules.booking import booking_findings
from anhorig.respite.rules.pattern import booked_rhythm_findings, check_pattern
from anhorig.time import Interval, local

__all__ = [
    "THREE_HOME_ONE_AWAY",
    "TWO_HOME_TWO_AWAY",
    "AlternatingPattern",
    "alternating",
    "check_pattern",
    "check_series",
]

_DAYS = _checks.and_(
    instance_of(int),
    _checks.ge(1),
    bounds.at_most(bounds.DAYS_IN_YEAR, sv="dagar i ett år", en="days in a year"),
)
_PER_MONTH = _checks.and_(
    instance_of(int),
    _checks.ge(1),
    bounds.at_most(bounds.DAYS_IN_MONTH, sv="dygn i en månad", en="dygn in a month"),
)


def _hour(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    instance_of(int)(instance, attribute, value)
    if isinstance(value, int) and not 0 <= value <= 23:
        _checks.fail(
            attribute.name,
            sv=f"måste vara en timme 0–23 (fick {_checks.shown(value)})",
            en=f"must be an hour 0–23 (got {_checks.shown(value)})",
        )


_checks.describe(_hour, "between", 0, 23)


@collecting
@attrs.frozen(kw_only=True, order=False)
class AlternatingPattern:
    """A växelvård rhythm (*växelvårdsschema*): ``home_days`` at home, then a stay of
    ``away_days`` nights, arriving at ``arrive_hour`` and leaving at ``leave_hour``.

    ``home_days`` and ``away_days`` are at most 366 (a year), ``max_dygn_per_month``
    at most 31."""

    home_days: int = attrs.field(validator=_DAYS)
    away_days: int = attrs.field(validator=_DAYS)
    arrive_hour: int = attrs.field(default=14, validator=_hour)
    leave_hour: int = attrs.field(default=12, validator=_hour)
    max_dygn_per_month: int | None = attrs.field(default=None, validator=optional(_PER_MONTH))

    @property
    def cycle_days(self) -> int:
        """Days in one round of home and away."""
        return self.home_days + self.away_days


THREE_HOME_ONE_AWAY = AlternatingPattern(home_days=21, away_days=7)
"""Hudiksvall: three weeks at home, one week away."""

TWO_HOME_TWO_AWAY = AlternatingPattern(home_days=14, away_days=14)
"""Hudiksvall, Solna: alternating two-week periods."""


def _tally_days(arrive: date, nights: int, count: DygnCount) -> list[date]:
    last = nights if count is DygnCount.CALENDAR_DAYS else nights - 1
    return [arrive + timedelta(days=i) for i in range(last + 1)]


@checked_first
def alternating(
    grant: RespiteGrant,
    pattern: AlternatingPattern,
    *,
    start: date,
    made_at: datetime,
    provider: Provider,
    unit_id: str | None = None,
    count: DygnCount = DygnCount.NIGHTS,
    id_prefix: str | None = None,
) -> tuple[Booking, ...]:
    """The stays of ``pattern`` from ``start`` (a first day at home) to the end of
    ``grant``'s validity.

    An hour that the clock skips when summer time begins (02:00 on the last Sunday of
    March) is read as the hour after it, 03:00, as a recurring time is in RFC 5545.
    A stay that would leave after the validity ends is shortened to leave on its
    last day; where ``pattern.max_dygn_per_month`` would be passed (dygn counted by
    ``count``) a stay is shortened, and dropped if not one night is left.
    """
    validity = grant.validity
    assert validity.end is not None
    prefix = id_prefix if id_prefix is not None else f"{grant.id}-V"
    tally: Counter[tuple[int, int]] = Counter()
    stays: list[Booking] = []
    cycle = 0
    while True:
        arrive = start + timedelta(days=cycle * pattern.cycle_days + pattern.home_days)
        cycle += 1
        if arrive >= validity.end or arrive < validity.start:
            if arrive >= validity.end:
                break
            continue
        nights = min(pattern.away_days, (validity.end - timedelta(days=1) - arrive).days)
        if pattern.max_dygn_per_month is not None:
            while nights > 0:
                extra = Counter((d.year, d.month) for d in _tally_days(arrive, nights, count))
                if all(tally[m] + n <= pattern.max_dygn_per_month for m, n in extra.items()):
                    break
                nights -= 1
        if nights < 1:
            continue
        tally.update((d.year, d.month) for d in _tally_days(arrive, nights, count))
        leave = arrive + timedelta(days=nights)
        stays.append(
            Booking(
                id=f"{prefix}{len(stays) + 1}",
                grant_id=grant.id,
                interval=Interval(
                    local(arrive.year, arrive.month, arrive.day, pattern.arrive_hour, gap="shift"),
                    local(leave.year, leave.month, leave.day, pattern.leave_hour, gap="shift"),
                ),
                made_at=made_at,
                provider=provider,
                unit_id=unit_id,
            )
        )
    return tuple(stays)


@checked_first
def check_series(ledger: Ledger, bookings: Sequence[Booking], *, on: date) -> tuple[Ledger, Report]:
    """Book ``bookings`` one after another and judge each against what came before.

    Returns the ledger with all of them booked (whatever the findings, so that the
    series can be inspected) and every finding, with paths ``bookings[i]...``. The
    series' stays are then judged as booked against the time at home before each
    (``RESPITE-BOOKED-AWAY-EXCEEDS-HOME``, where the policy asks it).
    """
    findings: list[Finding] = []
    current = ledger
    for index, booking in enumerate(bookings):
        k = len(current)
        findings.extend(
            booking_findings(current, booking, on, k, f"bookings[{index}]", Lookup(current))
        )
        current = current.book(booking)
    first = len(ledger)
    for finding in booked_rhythm_findings(current, on):
        seq = int(finding.path.removeprefix("entries[").split("]", 1)[0])
        if seq >= first:
            findings.append(attrs.evolve(finding, path=f"bookings[{seq - first}].interval"))
    return current, Report(tuple(findings))
