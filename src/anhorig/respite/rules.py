"""The respite rules: may this booking be made, and is this grant in order?

:func:`check_booking` judges one booking against a ledger and returns **every**
finding at once; :func:`check` judges a grant (with a policy) or a whole ledger;
:func:`validate` and :func:`is_valid` follow the interface every rule family keeps.

Rules (codes are stable):

- ``RESPITE-UNKNOWN-GRANT``: the booking names a grant the ledger does not have.
- ``RESPITE-VOLUNTEER``: a volunteer organisation is not the municipality's respite.
- ``RESPITE-OUTSIDE-VALIDITY``: the booking lies (partly) outside the grant's validity.
- ``RESPITE-NOTICE``: booked with less notice than the policy asks (working days
  exclude Swedish public holidays); ``RESPITE-SHORT-NOTICE`` (info) when a
  short-notice allowance covers it. An emergency place needs no notice.
- ``RESPITE-OVER-QUOTA``: the booking goes beyond the quota and the policy refuses
  overage; ``RESPITE-OVERAGE-CHARGED`` (warning) when the policy charges it.
- ``RESPITE-OVERLAP``: another booking for the same person overlaps it.
- ``RESPITE-WEEKDAY`` / ``RESPITE-TIME-OF-DAY``: outside the days or hours in-home
  respite is given.
- ``RESPITE-CONSECUTIVE`` (error) / ``RESPITE-CONSECUTIVE-GUIDELINE`` (warning):
  more dygn in a row than the policy allows.
- ``RESPITE-DYGN-PER-MONTH``: more dygn away in a calendar month than allowed.
- ``RESPITE-CARER-AGE``, ``RESPITE-LIVING-TOGETHER``, ``RESPITE-CARED-FOR-AGE``:
  eligibility; ``RESPITE-ELIGIBILITY-UNKNOWN`` (warning) when the fact is not recorded.
- ``RESPITE-COMBINATION``: the family holds kinds the policy does not combine.
- ``RESPITE-DECISION-REQUIRED``: a grant without a decision beyond what the policy
  gives without one.
- ``RESPITE-UNKNOWN-UNIT`` / ``RESPITE-NO-BED``: the short-stay unit is unknown or
  has no free bed some night (an emergency place too needs a bed).
- ``RESPITE-CONTINUITY`` (info): the family has asked for certain staff before and
  this booking names none of them (seeds 001, 004: continuity of staff matters).
- ``RESPITE-AWAY-EXCEEDS-HOME``: a växelvård pattern with more time away than at
  home where the policy forbids it.

>>> from datetime import date
>>> from anhorig.people import Person
>>> from anhorig.time import Interval, Period, local
>>> from anhorig.respite import SUNNE, Ledger
>>> from anhorig.respite.model import *
>>> grant = RespiteGrant(id="G", kind=RespiteKind.IN_HOME,
...     basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
...     quota=Quota(amount=10, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
...     validity=Period.year(2026), lives_together=True,
...     cared_for=Person(name="Karin Berg", birth_date=date(1940, 5, 1)),
...     carer=Person(name="Nils Berg", birth_date=date(1942, 3, 14)))
>>> ledger = Ledger(policies=(SUNNE,), grants=(grant,))
>>> evening = Booking(id="B", grant_id="G", made_at=local(2026, 6, 1, 9),
...     interval=Interval(local(2026, 6, 12, 18), local(2026, 6, 12, 22)),
...     provider=Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY))
>>> check_booking(ledger, evening, on=date(2026, 6, 1)).ok
True
>>> import attrs
>>> late = attrs.evolve(evening, made_at=local(2026, 6, 10, 9))
>>> print(check_booking(ledger, late, on=date(2026, 6, 10)).explain("en"))
ERROR RESPITE-NOTICE made_at: The booking was made with 2 calendar days notice; Sunne asks for 7. (SoL (2025:400) 13 kap. 9 §)

References:
    - Socialtjänstlag (2001:453) 4 kap. 1 §, 2 a §, 5 kap. 10 §; Socialtjänstlag
      (2025:400) 11 kap. 1 §, 5 §, 13 kap. 9 § (respite is support to carers; quotas
      are local policy, not law).
    - DOMAIN.md rules 24–32 and part 2 §6 (municipal riktlinjer).
    - Seed 004: respite must be booked days ahead; volunteers are not respite;
      trygghetsplats; växelvård booked like a hotel.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta

from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Report, Rule, Severity, validated
from anhorig.language import Text
from anhorig.law import BISTAND, CARER_SUPPORT, WITHOUT_NEEDS_ASSESSMENT
from anhorig.organisations import ProviderKind
from anhorig.respite.ledger import (
    Ledger,
    _day_start,
    _period_of,
    _tables,
    _units,
    format_amount,
)
from anhorig.respite.model import (
    Booking,
    GrantBasis,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
)
from anhorig.respite.policy import CarryOver, NoticeUnit, Overage, RespitePolicy, Weekday
from anhorig.time import ZONE, epoch_seconds, is_working_day, working_days_between

__all__ = [
    "RULES",
    "check",
    "check_booking",
    "check_grant",
    "is_valid",
    "notice_given",
    "validate",
]

_FAMILY = "respite"
_SEED = ("seed-004",)
_LOCAL = ("municipal-respite-rules",)


_rule = functools.partial(Rule.define, _FAMILY, law=(CARER_SUPPORT,), sources=_LOCAL)


UNKNOWN_GRANT = _rule(
    "RESPITE-UNKNOWN-GRANT",
    Severity.ERROR,
    ("Okänd insats", "Unknown grant"),
    (
        "Bokningen {booking} hänvisar till en insats som inte finns: {grant}.",
        "Booking {booking} refers to a grant that does not exist: {grant}.",
    ),
)
VOLUNTEER = _rule(
    "RESPITE-VOLUNTEER",
    Severity.ERROR,
    ("Frivilliga är inte kommunens avlösning", "Volunteers are not the municipality's respite"),
    (
        "{provider} är en frivilligorganisation; det får inte räknas eller presenteras som "
        "kommunens avlösning.",
        "{provider} is a volunteer organisation; it must not be counted or presented as the "
        "municipality's respite.",
    ),
    sources=_SEED,
)
OUTSIDE_VALIDITY = _rule(
    "RESPITE-OUTSIDE-VALIDITY",
    Severity.ERROR,
    ("Utanför beslutets giltighetstid", "Outside the grant's validity"),
    (
        "Bokningen {booking} ligger utanför insatsens giltighetstid {first}–{last}.",
        "Booking {booking} lies outside the grant's validity {first}–{last}.",
    ),
    law=(BISTAND,),
)
NOTICE = _rule(
    "RESPITE-NOTICE",
    Severity.ERROR,
    ("För kort varsel", "Too short notice"),
    (
        "Bokningen gjordes med {given} {unit} varsel; {municipality} kräver {needed}.",
        "The booking was made with {given} {unit} notice; {municipality} asks for {needed}.",
    ),
    sources=(*_SEED, *_LOCAL),
)
SHORT_NOTICE = _rule(
    "RESPITE-SHORT-NOTICE",
    Severity.INFO,
    ("Kort varsel inom ramen", "Short notice within the allowance"),
    (
        "Bokningen gjordes med kort varsel; {left} av {allowed} bokningar med kort varsel "
        "återstår {year}.",
        "The booking was made at short notice; {left} of {allowed} short-notice bookings "
        "are left in {year}.",
    ),
    sources=(*_SEED, *_LOCAL),
)
OVER_QUOTA = _rule(
    "RESPITE-OVER-QUOTA",
    Severity.ERROR,
    ("Över kvoten", "Over the quota"),
    (
        "Bokningen går {over} över kvoten för {first}–{last}.",
        "The booking goes {over} over the quota for {first}–{last}.",
    ),
)
OVERAGE_CHARGED = _rule(
    "RESPITE-OVERAGE-CHARGED",
    Severity.WARNING,
    ("Tid utöver kvoten debiteras", "Time beyond the quota is charged"),
    (
        "Bokningen går {over} över kvoten för {first}–{last}; det debiteras enligt hemtjänsttaxan.",
        "The booking goes {over} over the quota for {first}–{last}; that is charged at the "
        "home-help rate.",
    ),
)
OVERLAP = _rule(
    "RESPITE-OVERLAP",
    Severity.ERROR,
    ("Överlappande bokningar", "Overlapping bookings"),
    (
        "Bokningen {booking} överlappar bokningen {other} för samma person.",
        "Booking {booking} overlaps booking {other} for the same person.",
    ),
)
WEEKDAY = _rule(
    "RESPITE-WEEKDAY",
    Severity.ERROR,
    ("Dag då avlösning inte ges", "A day respite is not given"),
    (
        "{day} ({weekday}) ges ingen avlösning i {municipality}.",
        "{municipality} gives no respite on {day} ({weekday}).",
    ),
)
TIME_OF_DAY = _rule(
    "RESPITE-TIME-OF-DAY",
    Severity.ERROR,
    ("Utanför tiderna för avlösning", "Outside respite hours"),
    (
        "Avlösning ges {start}–{end} i {municipality}; bokningen ligger utanför.",
        "{municipality} gives respite {start}–{end}; the booking lies outside.",
    ),
)
CONSECUTIVE = _rule(
    "RESPITE-CONSECUTIVE",
    Severity.ERROR,
    ("För många dygn i följd", "Too many dygn in a row"),
    (
        "Vistelsen är {dygn} dygn; högst {limit} dygn i följd.",
        "The stay is {dygn} dygn; at most {limit} dygn in a row.",
    ),
)
CONSECUTIVE_GUIDELINE = _rule(
    "RESPITE-CONSECUTIVE-GUIDELINE",
    Severity.WARNING,
    ("Längre än riktmärket", "Longer than the guideline"),
    (
        "Vistelsen är {dygn} dygn; i regel högst {limit} dygn.",
        "The stay is {dygn} dygn; as a rule at most {limit} dygn.",
    ),
)
DYGN_PER_MONTH = _rule(
    "RESPITE-DYGN-PER-MONTH",
    Severity.ERROR,
    ("För många dygn i månaden", "Too many dygn in the month"),
    (
        "{month}: {dygn} dygn borta; högst {limit} dygn per månad.",
        "{month}: {dygn} dygn away; at most {limit} dygn a month.",
    ),
)
CARER_AGE = _rule(
    "RESPITE-CARER-AGE",
    Severity.ERROR,
    ("Anhörig under åldersgränsen", "Carer below the age limit"),
    (
        "{carer} är {age} år; {municipality} kräver att anhörig är minst {limit} år.",
        "{carer} is {age}; {municipality} requires the carer to be at least {limit}.",
    ),
)
LIVING_TOGETHER = _rule(
    "RESPITE-LIVING-TOGETHER",
    Severity.ERROR,
    ("Inte sammanboende", "Not living together"),
    (
        "{municipality} kräver att anhörig och närstående bor tillsammans.",
        "{municipality} requires the carer and the person cared for to live together.",
    ),
)
CARED_FOR_AGE = _rule(
    "RESPITE-CARED-FOR-AGE",
    Severity.ERROR,
    ("Närstående under åldersgränsen", "Person cared for below the age limit"),
    (
        "{person} är {age} år; {municipality} kräver minst {limit} år.",
        "{person} is {age}; {municipality} requires at least {limit}.",
    ),
)
ELIGIBILITY_UNKNOWN = _rule(
    "RESPITE-ELIGIBILITY-UNKNOWN",
    Severity.WARNING,
    ("Villkor kan inte prövas", "A condition cannot be checked"),
    (
        "{municipality} ställer villkoret {condition}, men uppgiften saknas.",
        "{municipality} sets the condition {condition}, but the fact is not recorded.",
    ),
)
COMBINATION = _rule(
    "RESPITE-COMBINATION",
    Severity.ERROR,
    ("Insatser som inte kombineras", "Kinds that are not combined"),
    (
        "{kind} kombineras inte med {other} ({grant}) i {municipality}.",
        "{municipality} does not combine {kind} with {other} ({grant}).",
    ),
)
DECISION_REQUIRED = _rule(
    "RESPITE-DECISION-REQUIRED",
    Severity.ERROR,
    ("Biståndsbeslut krävs", "A decision is required"),
    (
        "{quota} utan beslut går utöver vad {municipality} ger utan behovsprövning ({free}).",
        "{quota} without a decision goes beyond what {municipality} gives without a needs "
        "assessment ({free}).",
    ),
    law=(WITHOUT_NEEDS_ASSESSMENT, BISTAND),
)
UNKNOWN_UNIT = _rule(
    "RESPITE-UNKNOWN-UNIT",
    Severity.ERROR,
    ("Okänd enhet", "Unknown unit"),
    (
        "Bokningen {booking} hänvisar till en enhet som inte finns: {unit}.",
        "Booking {booking} refers to a unit that does not exist: {unit}.",
    ),
)
NO_BED = _rule(
    "RESPITE-NO-BED",
    Severity.ERROR,
    ("Ingen ledig plats", "No free bed"),
    (
        "{unit} har inga lediga platser natten mot {next_day} ({beds} platser).",
        "{unit} has no free bed the night before {next_day} ({beds} beds).",
    ),
    sources=_SEED,
)
AWAY_EXCEEDS_HOME = _rule(
    "RESPITE-AWAY-EXCEEDS-HOME",
    Severity.WARNING,
    ("Mer tid borta än hemma", "More time away than at home"),
    (
        "Växelvården ger {away} dagar borta mot {home} hemma; {municipality} vill att tiden "
        "borta inte överstiger tiden hemma.",
        "The pattern gives {away} days away against {home} at home; {municipality} wants "
        "time away not to exceed time at home.",
    ),
)

CONTINUITY = _rule(
    "RESPITE-CONTINUITY",
    Severity.INFO,
    ("Kontinuitet i personalen", "Continuity of staff"),
    (
        "Familjen har tidigare önskat {staff}; bokningen {booking} nämner ingen av dem.",
        "The family has asked for {staff} before; booking {booking} names none of them.",
    ),
    sources=("seed-004", "seed-001"),
)

RULES: tuple[Rule, ...] = (
    UNKNOWN_GRANT,
    VOLUNTEER,
    OUTSIDE_VALIDITY,
    NOTICE,
    SHORT_NOTICE,
    OVER_QUOTA,
    OVERAGE_CHARGED,
    OVERLAP,
    WEEKDAY,
    TIME_OF_DAY,
    CONSECUTIVE,
    CONSECUTIVE_GUIDELINE,
    DYGN_PER_MONTH,
    CARER_AGE,
    LIVING_TOGETHER,
    CARED_FOR_AGE,
    ELIGIBILITY_UNKNOWN,
    COMBINATION,
    DECISION_REQUIRED,
    UNKNOWN_UNIT,
    NO_BED,
    CONTINUITY,
    AWAY_EXCEEDS_HOME,
)
"""The rules of this family, in the catalogue."""


def _require_date(on: object) -> date:
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return on


def notice_given(booking: Booking, policy: RespitePolicy) -> int:
    """The notice ``booking`` was made with, in the policy's unit (working days
    exclude weekends and Swedish public holidays)."""
    made = booking.made_at.in_tz(ZONE).date()
    starts = booking.interval.start.in_tz(ZONE).date()
    if policy.notice_unit is NoticeUnit.CALENDAR_DAYS:
        return (starts - made).days
    return working_days_between(made, starts)


def _dygn(policy: RespitePolicy, s: int, e: int) -> int:
    days = _tables()[0]
    used, reserved = _units(QuotaUnit.DYGN, policy.dygn_count, s, e, days[0], days[-1], s)
    return used + reserved


def _local_days(s: int, e: int) -> list[date]:
    days = _tables()[0]
    first = bisect.bisect_right(days, s) - 1
    last = bisect.bisect_left(days, e)
    base = date(1900, 1, 1).toordinal()
    return [date.fromordinal(base + i) for i in range(first, last)]


def check_booking(ledger: Ledger, booking: Booking, *, on: date) -> Report:
    """Every finding about making ``booking`` in ``ledger``, judged on ``on``.

    If the booking is already in the ledger it is judged against the entries
    recorded before it (and never against itself). Never raises on a domain problem.
    """
    _require_date(on)
    if not isinstance(ledger, Ledger) or not isinstance(booking, Booking):
        raise InvalidInput.at(
            "$", sv="väntade en Ledger och en Booking", en="expected a Ledger and a Booking"
        )
    seq = ledger.seq_of(booking.id)
    k = seq if seq is not None and ledger.entry(seq) is booking else ledger.cutoff()
    return Report(tuple(_booking_findings(ledger, booking, on, k, "$")))


def _booking_findings(
    ledger: Ledger, booking: Booking, on: date, k: int, path: str
) -> list[Finding]:
    def at(field: str) -> str:
        return f"{path}.{field}" if path != "$" else field

    try:
        grant = ledger.grant(booking.grant_id)
    except InvalidInput:
        return [
            UNKNOWN_GRANT.finding(at("grant_id"), on=on, booking=booking.id, grant=booking.grant_id)
        ]
    policy = ledger.policy_for(grant.kind)
    municipality = policy.municipality
    findings: list[Finding] = []
    s = epoch_seconds(booking.interval.start)
    e = epoch_seconds(booking.interval.end)
    emergency = grant.kind is RespiteKind.EMERGENCY

    if booking.provider.kind is ProviderKind.VOLUNTARY_ORGANISATION:
        findings.append(
            VOLUNTEER.finding(at("provider.kind"), on=on, provider=booking.provider.name)
        )

    validity = grant.validity
    assert validity.end is not None
    if s < _day_start(validity.start) or e > _day_start(validity.end):
        findings.append(
            OUTSIDE_VALIDITY.finding(
                at("interval"), on=on, booking=booking.id, first=validity.start, last=validity.last
            )
        )

    if not emergency and policy.notice:
        given = notice_given(booking, policy)
        if given < policy.notice:
            year = booking.made_at.in_tz(ZONE).year
            used = _short_notice_used(ledger, grant, policy, year, k, booking.id)
            unit = policy.notice_unit.label("sv"), policy.notice_unit.label("en")
            if used < policy.short_notice_allowance:
                findings.append(
                    SHORT_NOTICE.finding(
                        at("made_at"),
                        on=on,
                        left=policy.short_notice_allowance - used - 1,
                        allowed=policy.short_notice_allowance,
                        year=year,
                    )
                )
            else:
                findings.append(
                    NOTICE.finding(
                        at("made_at"),
                        on=on,
                        given=given,
                        needed=policy.notice,
                        unit=Text(sv=unit[0], en=unit[1]),
                        municipality=municipality,
                    )
                )

    if not emergency:
        findings.extend(_quota_findings(ledger, grant, policy, booking, s, e, k, on, at))

    findings.extend(_overlap_findings(ledger, grant, booking, s, e, k, on, at))

    if grant.quota.unit is QuotaUnit.HOURS:
        findings.extend(_window_findings(policy, booking, s, e, on, at))
    else:
        dygn = _dygn(policy, s, e)
        limit = policy.max_consecutive_dygn
        if limit is not None and dygn > limit:
            rule = CONSECUTIVE if policy.consecutive_is_strict else CONSECUTIVE_GUIDELINE
            findings.append(rule.finding(at("interval"), on=on, dygn=dygn, limit=limit))
        if policy.max_dygn_per_month is not None:
            findings.extend(_per_month_findings(ledger, grant, policy, booking, s, e, k, on, at))

    findings.extend(_continuity(ledger, grant, booking, k, on, at))
    findings.extend(_eligibility(ledger, grant, policy, on, at("grant_id")))
    findings.extend(_combination(ledger, grant, policy, booking, on, at("grant_id")))
    findings.extend(_capacity(ledger, booking, s, e, k, on, at))
    return findings


def _continuity(
    ledger: Ledger,
    grant: RespiteGrant,
    booking: Booking,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    asked: set[str] = set()
    for index in ledger.seqs_of(grant.id, k):
        entry = ledger.entry(index)
        if isinstance(entry, Booking) and entry.id != booking.id and ledger.is_active(index, k):
            asked.update(entry.preferred_staff)
    if not asked or asked.intersection(booking.preferred_staff):
        return []
    return [
        CONTINUITY.finding(
            at("preferred_staff"), on=on, staff=", ".join(sorted(asked)), booking=booking.id
        )
    ]


def _short_notice_used(
    ledger: Ledger, grant: RespiteGrant, policy: RespitePolicy, year: int, k: int, own: str
) -> int:
    count = 0
    for index in ledger.seqs_of(grant.id, k):
        entry = ledger.entry(index)
        if (
            isinstance(entry, Booking)
            and entry.id != own
            and entry.made_at.in_tz(ZONE).year == year
            and ledger.is_active(index, k)
            and notice_given(entry, policy) < policy.notice
        ):
            count += 1
    return count


def _quota_findings(
    ledger: Ledger,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    findings = []
    day: date = booking.interval.start.in_tz(ZONE).date()
    end_day: date = (booking.interval.end.in_tz(ZONE) - timedelta(microseconds=1)).date()
    validity_last = grant.validity.last
    if policy.carry_over is not CarryOver.NONE and validity_last is not None:
        # With carry-over a booking also shrinks what later periods inherit.
        end_day = max(end_day, validity_last)
    while day <= end_day:
        period = _period_of(grant, day)
        with_it = ledger._balance(grant, period, s, k, ((s, e),))
        without = ledger._balance(grant, period, s, k, ())
        added = with_it.over_quota - without.over_quota
        if added > 0:
            rule = OVERAGE_CHARGED if policy.overage is Overage.CHARGE else OVER_QUOTA
            findings.append(
                rule.finding(
                    at("interval"),
                    on=on,
                    over=format_amount(added, grant.quota.unit),
                    first=period.start,
                    last=period.last,
                )
            )
        if period.end is None or grant.quota.per is QuotaPeriod.VALIDITY:
            break
        day = period.end
    return findings


def _same_person_grants(ledger: Ledger, grant: RespiteGrant) -> tuple[RespiteGrant, ...]:
    return ledger.grants_for(grant.cared_for)


def _overlap_findings(
    ledger: Ledger,
    grant: RespiteGrant,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    findings = []
    for other_grant in _same_person_grants(ledger, grant):
        for seq in ledger.seqs_between(other_grant.id, s, e, k):
            other = ledger.entry(seq)
            if not isinstance(other, Booking) or other.id == booking.id:
                continue
            if ledger.is_active(seq, k):
                findings.append(
                    OVERLAP.finding(at("interval"), on=on, booking=booking.id, other=other.id)
                )
    return findings


def _hour_text(hour: int) -> str:
    return f"{hour:02d}:00"


def _window_findings(
    policy: RespitePolicy,
    booking: Booking,
    s: int,
    e: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    findings = []
    for day in _local_days(s, e):
        weekday = Weekday.from_index(day.weekday())
        holiday = policy.exclude_holidays and day.weekday() < 5 and not is_working_day(day)
        if weekday not in policy.weekdays or holiday:
            findings.append(
                WEEKDAY.finding(
                    at("interval"),
                    on=on,
                    day=day,
                    weekday=weekday.text
                    if not holiday
                    else Text(sv="helgdag", en="public holiday"),
                    municipality=policy.municipality,
                )
            )
    if policy.day_starts_at > 0 or policy.day_ends_at < 24:
        for day in _local_days(s, e):
            start = _day_start(day)
            # Opening hours are read on the wall clock: on the DST change days 08:00 is
            # not eight elapsed hours after midnight.
            opens = _wall_clock_epoch(day, policy.day_starts_at)
            closes = _wall_clock_epoch(day, policy.day_ends_at)
            part_start = max(s, start)
            part_end = min(e, _day_start(day + timedelta(days=1)))
            if part_start < opens or part_end > closes:
                findings.append(
                    TIME_OF_DAY.finding(
                        at("interval"),
                        on=on,
                        start=_hour_text(policy.day_starts_at),
                        end=_hour_text(policy.day_ends_at),
                        municipality=policy.municipality,
                    )
                )
                break
    return findings


def _wall_clock_epoch(day: date, hour: int) -> int:
    """Epoch seconds when the Stockholm clock shows ``hour``:00 on ``day`` (24 is the
    next midnight); an hour in the spring gap counts as the moment the clock jumps."""
    if hour >= 24:
        return _day_start(day + timedelta(days=1))
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)
    return math.floor(moment.timestamp())


def _per_month_findings(
    ledger: Ledger,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    limit = policy.max_dygn_per_month
    assert limit is not None
    findings = []
    count = policy.dygn_count
    touched = _local_days(s, e)
    for day in touched:
        if day.day != 1 and day != touched[0]:
            continue  # one pass per calendar month the stay touches
        first = date(day.year, day.month, 1)
        after = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        lo, hi = _day_start(first), _day_start(after)
        total = sum(_units(QuotaUnit.DYGN, count, s, e, lo, hi, lo))
        for other_grant in _same_person_grants(ledger, grant):
            if other_grant.quota.unit is not QuotaUnit.DYGN:
                continue
            for seq in ledger.seqs_between(other_grant.id, lo, hi, k):
                other = ledger.entry(seq)
                if (
                    isinstance(other, Booking)
                    and other.id != booking.id
                    and ledger.is_active(seq, k)
                ):
                    os, oe = ledger.span(seq)
                    total += sum(_units(QuotaUnit.DYGN, count, os, oe, lo, hi, lo))
        if total > limit:
            findings.append(
                DYGN_PER_MONTH.finding(
                    at("interval"), on=on, month=f"{first:%Y-%m}", dygn=total, limit=limit
                )
            )
    return findings


def _eligibility(
    ledger: Ledger, grant: RespiteGrant, policy: RespitePolicy, on: date, path: str
) -> list[Finding]:
    return _grant_eligibility(grant, policy, on, path) if ledger.governed(grant.kind) else []


def _grant_eligibility(
    grant: RespiteGrant, policy: RespitePolicy, on: date, path: str
) -> list[Finding]:
    findings = []
    municipality = policy.municipality

    def unknown(condition_sv: str, condition_en: str) -> None:
        findings.append(
            ELIGIBILITY_UNKNOWN.finding(
                path,
                on=on,
                municipality=municipality,
                condition=Text(sv=condition_sv, en=condition_en),
            )
        )

    if policy.min_carer_age is not None:
        carer = grant.carer
        if carer is None or carer.birth_date is None:
            unknown(
                f"anhörig minst {policy.min_carer_age} år", f"carer at least {policy.min_carer_age}"
            )
        elif carer.age_on(on) < policy.min_carer_age:
            findings.append(
                CARER_AGE.finding(
                    path,
                    on=on,
                    carer=str(carer),
                    age=carer.age_on(on),
                    limit=policy.min_carer_age,
                    municipality=municipality,
                )
            )
    if policy.requires_living_together:
        if grant.lives_together is None:
            unknown("sammanboende", "living together")
        elif not grant.lives_together:
            findings.append(LIVING_TOGETHER.finding(path, on=on, municipality=municipality))
    if policy.min_cared_for_age is not None:
        person = grant.cared_for
        if person.birth_date is None:
            unknown(
                f"närstående minst {policy.min_cared_for_age} år",
                f"person cared for at least {policy.min_cared_for_age}",
            )
        elif person.age_on(on) < policy.min_cared_for_age:
            findings.append(
                CARED_FOR_AGE.finding(
                    path,
                    on=on,
                    person=str(person),
                    age=person.age_on(on),
                    limit=policy.min_cared_for_age,
                    municipality=municipality,
                )
            )
    return findings


def _combination(
    ledger: Ledger,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    on: date,
    path: str,
) -> list[Finding]:
    findings = []
    first = booking.interval.start.in_tz(ZONE).date()
    last = (booking.interval.end.in_tz(ZONE) - timedelta(microseconds=1)).date()
    for other in _same_person_grants(ledger, grant):
        if other.id == grant.id or not other.validity.overlaps(
            type(other.validity)(first, last + timedelta(days=1))
        ):
            continue
        other_policy = ledger.policy_for(other.kind)
        forbidden = (other.kind in policy.not_combined_with and ledger.governed(grant.kind)) or (
            grant.kind in other_policy.not_combined_with and ledger.governed(other.kind)
        )
        if forbidden:
            rule_owner = policy if other.kind in policy.not_combined_with else other_policy
            findings.append(
                COMBINATION.finding(
                    path,
                    on=on,
                    kind=grant.kind.text,
                    other=other.kind.text,
                    grant=other.id,
                    municipality=rule_owner.municipality,
                )
            )
    return findings


def _capacity(
    ledger: Ledger,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    if booking.unit_id is None:
        return []
    try:
        unit = ledger.unit(booking.unit_id)
    except InvalidInput:
        return [
            UNKNOWN_UNIT.finding(at("unit_id"), on=on, booking=booking.id, unit=booking.unit_id)
        ]
    days = _tables()[0]
    nights = ledger.unit_nights(unit.id)
    base = date(1900, 1, 1).toordinal()
    findings = []
    i = bisect.bisect_right(days, s)
    while days[i] < e:
        taken = _occupied(ledger, nights.get(i - 1, ()), k, booking.id)
        if taken >= unit.beds:
            findings.append(
                NO_BED.finding(
                    at("unit_id"),
                    on=on,
                    unit=unit.name,
                    next_day=date.fromordinal(base + i),
                    beds=unit.beds,
                )
            )
        i += 1
    return findings


def _occupied(ledger: Ledger, seqs: Iterable[int], k: int, own: str) -> int:
    count = 0
    for seq in seqs:
        if not ledger.is_active(seq, k):
            continue  # not yet recorded in this ledger, or cancelled
        entry = ledger.entry(seq)
        if isinstance(entry, Booking) and entry.id != own:
            count += 1
    return count


def check_grant(grant: RespiteGrant, policy: RespitePolicy, *, on: date, path: str = "$") -> Report:
    """Findings about ``grant`` under ``policy`` on ``on``: eligibility and whether it
    needs a decision."""
    _require_date(on)
    findings = _grant_eligibility(grant, policy, on, path if path != "$" else "$")
    if grant.basis is GrantBasis.WITHOUT_NEEDS_ASSESSMENT and policy.governs(grant.kind):
        exempt = (
            policy.decision_exempt_from_age is not None
            and grant.cared_for.birth_date is not None
            and grant.cared_for.age_on(on) >= policy.decision_exempt_from_age
        )
        quota = grant.quota
        within_free = (
            quota.unit is QuotaUnit.HOURS
            and quota.per is QuotaPeriod.MONTH
            and quota.amount <= policy.free_hours_without_decision
        )
        if not exempt and not within_free:
            free = (
                Text(
                    sv=f"{policy.free_hours_without_decision} timmar per månad",
                    en=f"{policy.free_hours_without_decision} hours per month",
                )
                if policy.free_hours_without_decision
                else Text(sv="inget", en="nothing")
            )
            findings.append(
                DECISION_REQUIRED.finding(
                    "basis" if path == "$" else f"{path}.basis",
                    on=on,
                    quota=Text(sv=quota.describe("sv"), en=quota.describe("en")),
                    municipality=policy.municipality,
                    free=free,
                )
            )
    return Report(tuple(findings))


def _check_ledger(ledger: Ledger, on: date) -> Report:
    findings: list[Finding] = []
    for index, grant in enumerate(ledger.grants):
        if ledger.governed(grant.kind):
            findings.extend(
                check_grant(grant, ledger.policy_for(grant.kind), on=on, path=f"grants[{index}]")
            )
    for seq, entry in enumerate(ledger.entries):
        if isinstance(entry, Booking) and ledger.is_active(seq):
            findings.extend(
                f
                for f in _booking_findings(ledger, entry, on, seq, f"entries[{seq}]")
                if f.code not in _GRANT_CODES
            )
    return Report(tuple(findings))


_GRANT_CODES = frozenset(
    {CARER_AGE.code, LIVING_TOGETHER.code, CARED_FOR_AGE.code, ELIGIBILITY_UNKNOWN.code}
)


def check(thing: Ledger | RespiteGrant, *, on: date, policy: RespitePolicy | None = None) -> Report:
    """Every finding for a ledger (its grants and every active booking, each judged
    against the entries before it) or for a grant under ``policy``; never raises on a
    domain problem."""
    _require_date(on)
    if isinstance(thing, Ledger):
        return _check_ledger(thing, on)
    if isinstance(thing, RespiteGrant):
        return check_grant(thing, policy if policy is not None else _default(), on=on)
    raise InvalidInput.at(
        "$",
        sv=f"väntade Ledger eller RespiteGrant, fick {type(thing).__name__}",
        en=f"expected Ledger or RespiteGrant, got {type(thing).__name__}",
    )


def _default() -> RespitePolicy:
    from anhorig.respite.ledger import DEFAULT_POLICY

    return DEFAULT_POLICY


def validate(
    thing: Ledger | RespiteGrant, *, on: date, policy: RespitePolicy | None = None
) -> Ledger | RespiteGrant:
    """``thing`` if no rule finds an error on ``on``; else ``RuleViolation``."""
    return validated(check, thing, on=on, policy=policy)


def is_valid(thing: object, *, on: date, policy: RespitePolicy | None = None) -> bool:
    """Whether ``thing`` has no error findings on ``on``; never raises."""
    try:
        return check(thing, on=on, policy=policy).ok  # type: ignore[arg-type]
    except InvalidInput:
        return False
