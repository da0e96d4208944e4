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
import heapq
import math
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timedelta

from anhorig._calendar import (
    DAYS,
    checked_midnight,
    date_at,
    day_index,
    day_midnight,
    month_index,
    month_midnight,
)
from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Report, Rule, Severity, validated
from anhorig.language import Text, mask_value
from anhorig.law import BISTAND, CARER_SUPPORT, WITHOUT_NEEDS_ASSESSMENT
from anhorig.organisations import ProviderKind
from anhorig.people import Person
from anhorig.respite._index import amount_in
from anhorig.respite.ledger import (
    Ledger,
    format_amount,
    granted_in,
    quota_period,
    quota_periods,
)
from anhorig.respite.model import (
    Booking,
    GrantBasis,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
)
from anhorig.respite.policy import (
    DEFAULT_POLICY,
    CarryOver,
    DygnCount,
    NoticeUnit,
    Overage,
    RespitePolicy,
    Weekday,
)
from anhorig.time import ZONE, Period, epoch_seconds, is_working_day, working_days_between

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
    made = _day_of(booking.made_at)
    starts = _day_of(booking.interval.start)
    if policy.notice_unit is NoticeUnit.CALENDAR_DAYS:
        return (starts - made).days
    return working_days_between(made, starts)


def _day_of(moment: datetime) -> date:
    """The Stockholm date of ``moment`` (a plain date), from the table of local
    midnights: no zone conversion, and plain dates step cheaply day by day."""
    return date_at(day_index(epoch_seconds(moment)))


def _last_day_of(end: datetime) -> date:
    """The Stockholm date of the last moment before ``end``: the last day a stay ending
    at ``end`` touches."""
    stamp = epoch_seconds(end) - (0 if end.microsecond else 1)
    return date_at(day_index(stamp))


def _dygn(policy: RespitePolicy, s: int, e: int) -> int:
    lo, hi = day_midnight(0), day_midnight(DAYS - 1)
    used, reserved = amount_in(QuotaUnit.DYGN, policy.dygn_count, s, e, lo, hi, s)
    return used + reserved


def _local_days(s: int, e: int) -> list[date]:
    return [date_at(i) for i in range(day_index(s), day_index(e - 1) + 1)]


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
    ledger: Ledger,
    booking: Booking,
    on: date,
    k: int,
    path: str,
    ctx: _Lookup | None = None,
    *,
    eligibility: bool = True,
) -> list[Finding]:
    """Every finding about ``booking`` judged against the entries before ``k``, as
    ``ctx`` answers for them (by default asked of the ledger directly)."""
    if ctx is None:
        ctx = _Lookup(ledger)

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
    if s < checked_midnight(validity.start) or e > checked_midnight(validity.end):
        findings.append(
            OUTSIDE_VALIDITY.finding(
                at("interval"), on=on, booking=booking.id, first=validity.start, last=validity.last
            )
        )

    if not emergency and policy.notice:
        given = notice_given(booking, policy)
        if given < policy.notice:
            year = _day_of(booking.made_at).year
            used = ctx.short_notice_used(grant, policy, year, k, booking.id)
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
                        unit=policy.notice_unit.text,
                        municipality=municipality,
                    )
                )

    if not emergency:
        findings.extend(_quota_findings(ctx, grant, policy, booking, s, e, k, on, at))

    findings.extend(
        OVERLAP.finding(at("interval"), on=on, booking=booking.id, other=other)
        for other in ctx.overlapping(grant, booking, s, e, k)
    )

    if grant.quota.unit is QuotaUnit.HOURS:
        findings.extend(_window_findings(policy, booking, s, e, on, at))
    else:
        dygn = _dygn(policy, s, e)
        limit = policy.max_consecutive_dygn
        if limit is not None and dygn > limit:
            rule = CONSECUTIVE if policy.consecutive_is_strict else CONSECUTIVE_GUIDELINE
            findings.append(rule.finding(at("interval"), on=on, dygn=dygn, limit=limit))
        if policy.max_dygn_per_month is not None:
            findings.extend(_per_month_findings(ctx, grant, policy, booking, s, e, k, on, at))

    findings.extend(_continuity(ctx, grant, booking, k, on, at))
    if eligibility:
        findings.extend(_eligibility(ledger, grant, policy, on, at("grant_id")))
    findings.extend(_combination(ctx, grant, policy, booking, on, at("grant_id")))
    findings.extend(_capacity(ctx, booking, s, e, k, on, at))
    return findings


def _continuity(
    ctx: _Lookup,
    grant: RespiteGrant,
    booking: Booking,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    asked = ctx.staff_asked(grant, booking, k)
    if not asked or asked.intersection(booking.preferred_staff):
        return []
    return [
        CONTINUITY.finding(
            at("preferred_staff"), on=on, staff=", ".join(sorted(asked)), booking=booking.id
        )
    ]


def _quota_findings(
    ctx: _Lookup,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    rule = OVERAGE_CHARGED if policy.overage is Overage.CHARGE else OVER_QUOTA
    return [
        rule.finding(
            at("interval"),
            on=on,
            over=format_amount(added, grant.quota.unit),
            first=period.start,
            last=period.last,
        )
        for period, added in ctx.quota_added(grant, policy, booking, s, e, k)
    ]


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
            start = checked_midnight(day)
            # Opening hours are read on the wall clock: on the DST change days 08:00 is
            # not eight elapsed hours after midnight.
            opens = _wall_clock_epoch(day, policy.day_starts_at)
            closes = _wall_clock_epoch(day, policy.day_ends_at)
            part_start = max(s, start)
            part_end = min(e, checked_midnight(day + timedelta(days=1)))
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
        return checked_midnight(day + timedelta(days=1))
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)
    return math.floor(moment.timestamp())


def _per_month_findings(
    ctx: _Lookup,
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
        lo, hi = checked_midnight(first), checked_midnight(after)
        total = sum(amount_in(QuotaUnit.DYGN, count, s, e, lo, hi, lo))
        total += ctx.month_dygn(grant, count, booking, lo, hi, k)
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


def _forbidden(ledger: Ledger, kind: RespiteKind, other: RespiteKind) -> bool:
    """Whether a policy of ``ledger`` forbids holding ``kind`` together with ``other``."""
    return (other in ledger.policy_for(kind).not_combined_with and ledger.governed(kind)) or (
        kind in ledger.policy_for(other).not_combined_with and ledger.governed(other)
    )


def _combination(
    ctx: _Lookup,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    on: date,
    path: str,
) -> list[Finding]:
    ledger = ctx.ledger
    findings = []
    first = _day_of(booking.interval.start)
    last = _last_day_of(booking.interval.end)
    for other in ctx.partners(grant):
        if other.id == grant.id or not other.validity.overlaps(
            type(other.validity)(first, last + timedelta(days=1))
        ):
            continue
        if _forbidden(ledger, grant.kind, other.kind):
            other_policy = ledger.policy_for(other.kind)
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
    ctx: _Lookup,
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
        unit = ctx.ledger.unit(booking.unit_id)
    except InvalidInput:
        return [
            UNKNOWN_UNIT.finding(
                at("unit_id"), on=on, booking=booking.id, unit=mask_value(booking.unit_id)
            )
        ]
    findings = []
    i = day_index(s) + 1
    while day_midnight(i) < e:
        if ctx.occupied(unit.id, i - 1, k, booking.id) >= unit.beds:
            findings.append(
                NO_BED.finding(
                    at("unit_id"),
                    on=on,
                    unit=unit.name,
                    next_day=date_at(i),
                    beds=unit.beds,
                )
            )
        i += 1
    return findings


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


class _Lookup:
    """What a booking is judged against, asked of the ledger one booking at a time.

    Each answer concerns the entries before position ``k`` that are still active
    there: the straightforward reading of the rules, used for a single booking
    (:func:`check_booking`) and kept as the reference the whole-ledger sweep is
    tested against.
    """

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger

    def _active(self, grant_id: str, k: int, own: str) -> Iterator[Booking]:
        ledger = self.ledger
        for seq in ledger.seqs_of(grant_id, k):
            entry = ledger.entry(seq)
            if isinstance(entry, Booking) and entry.id != own and ledger.is_active(seq, k):
                yield entry

    def short_notice_used(
        self, grant: RespiteGrant, policy: RespitePolicy, year: int, k: int, own: str
    ) -> int:
        """Short-notice bookings of ``grant`` made in ``year``."""
        return sum(
            1
            for entry in self._active(grant.id, k, own)
            if entry.made_at.in_tz(ZONE).year == year
            and notice_given(entry, policy) < policy.notice
        )

    def staff_asked(self, grant: RespiteGrant, booking: Booking, k: int) -> set[str]:
        """Staff the family has asked for in earlier bookings of ``grant``."""
        asked: set[str] = set()
        for entry in self._active(grant.id, k, booking.id):
            asked.update(entry.preferred_staff)
        return asked

    def quota_added(
        self,
        grant: RespiteGrant,
        policy: RespitePolicy,
        booking: Booking,
        s: int,
        e: int,
        k: int,
    ) -> list[tuple[Period, int]]:
        """Each quota period the booking pushes (further) over the quota, and by how much."""
        ledger = self.ledger
        out = []
        day: date = booking.interval.start.in_tz(ZONE).date()
        end_day: date = (booking.interval.end.in_tz(ZONE) - timedelta(microseconds=1)).date()
        validity_last = grant.validity.last
        if policy.carry_over is not CarryOver.NONE and validity_last is not None:
            # With carry-over a booking also shrinks what later periods inherit.
            end_day = max(end_day, validity_last)
        while day <= end_day:
            period = quota_period(grant, day)
            with_it = ledger.period_balance(grant, period, s, k, ((s, e),))
            without = ledger.period_balance(grant, period, s, k, ())
            added = with_it.over_quota - without.over_quota
            if added > 0:
                out.append((period, added))
            if period.end is None or grant.quota.per is QuotaPeriod.VALIDITY:
                break
            day = period.end
        return out

    def overlapping(
        self, grant: RespiteGrant, booking: Booking, s: int, e: int, k: int
    ) -> list[str]:
        """Ids of the person's bookings that overlap ``[s, e)``."""
        ledger = self.ledger
        out = []
        for other_grant in ledger.grants_for(grant.cared_for):
            for seq in ledger.seqs_between(other_grant.id, s, e, k):
                other = ledger.entry(seq)
                if (
                    isinstance(other, Booking)
                    and other.id != booking.id
                    and ledger.is_active(seq, k)
                ):
                    out.append(other.id)
        return out

    def month_dygn(
        self, grant: RespiteGrant, count: DygnCount, booking: Booking, lo: int, hi: int, k: int
    ) -> int:
        """Dygn the person's other bookings (of dygn grants) spend in month ``[lo, hi)``."""
        ledger = self.ledger
        total = 0
        for other_grant in ledger.grants_for(grant.cared_for):
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
                    total += sum(amount_in(QuotaUnit.DYGN, count, os, oe, lo, hi, lo))
        return total

    def partners(self, grant: RespiteGrant) -> Iterable[RespiteGrant]:
        """The grants a combination rule may concern: the same person's, in ledger order."""
        return self.ledger.grants_for(grant.cared_for)

    def occupied(self, unit_id: str, night: int, k: int, own: str) -> int:
        """Beds at ``unit_id`` taken on night ``night`` (a day index) by other bookings."""
        ledger = self.ledger
        count = 0
        for seq in ledger.unit_nights(unit_id).get(night, ()):
            if not ledger.is_active(seq, k):
                continue  # not yet recorded in this ledger, or cancelled
            entry = ledger.entry(seq)
            if isinstance(entry, Booking) and entry.id != own:
                count += 1
        return count


class _QuotaTrack:
    """One grant's quota periods with the amount counted in each so far (sweep state)."""

    __slots__ = (
        "cap",
        "carried",
        "carry",
        "count",
        "grant",
        "granted",
        "his",
        "los",
        "periods",
        "starts",
        "totals",
        "unit",
        "valid",
    )

    def __init__(self, grant: RespiteGrant, policy: RespitePolicy) -> None:
        self.grant = grant
        self.unit = grant.quota.unit
        self.count = policy.dygn_count
        self.periods = quota_periods(grant)
        self.starts = [period.start for period in self.periods]
        self.granted = [granted_in(grant, policy, period) for period in self.periods]
        self.los: list[int] = []
        self.his: list[int] = []
        for period in self.periods:
            window = period.intersection(grant.validity)
            if window is None or window.end is None or window.start == window.end:
                lo = hi = self.his[-1] if self.his else checked_midnight(period.start)
            else:
                lo, hi = checked_midnight(window.start), checked_midnight(window.end)
            self.los.append(lo)
            self.his.append(hi)
        self.totals = [0] * len(self.periods)
        self.carry = (
            policy.carry_over is not CarryOver.NONE and grant.quota.per is not QuotaPeriod.VALIDITY
        )
        cap = policy.carry_over_cap or 0
        self.cap = (
            (cap * 3600 if self.unit is QuotaUnit.HOURS else cap)
            if policy.carry_over is CarryOver.CAPPED
            else None
        )
        # carried[i]: what period i inherits, for the totals as they stand; valid up to
        # index ``valid`` (a change to period j's total invalidates what follows it).
        self.carried = [0] * (len(self.periods) + 1)
        self.valid = 0

    def own(self, s: int, e: int) -> dict[int, int]:
        """The amount booking ``[s, e)`` counts in each period it meets."""
        first = bisect.bisect_right(self.his, day_midnight(max(day_index(s), 0)))
        last = bisect.bisect_left(self.los, e)
        out = {}
        for i in range(first, last):
            amount = sum(amount_in(self.unit, self.count, s, e, self.los[i], self.his[i], s))
            if amount:
                out[i] = amount
        return out

    def add(self, own: dict[int, int], sign: int) -> None:
        for i, amount in own.items():
            self.totals[i] += sign * amount
            self.valid = min(self.valid, i)

    def _next(self, i: int, carried: int, extra: int) -> int:
        left = max(0, self.granted[i] + carried - self.totals[i] - extra)
        return left if self.cap is None else min(left, self.cap)

    def _carried(self, i: int) -> int:
        carried = self.carried
        j = self.valid
        while j < i:
            carried[j + 1] = self._next(j, carried[j], 0)
            j += 1
        self.valid = max(self.valid, i)
        return carried[i]

    def added(self, first: int, last: int, own: dict[int, int]) -> Iterator[tuple[int, int]]:
        """For periods ``first..last``: how far ``own`` pushes each over the quota."""
        if not self.carry:
            for i in range(first, last + 1):
                extra = own.get(i, 0)
                if extra:
                    net = self.granted[i] - self.totals[i]
                    yield i, max(0, extra - net) - max(0, -net)
            return
        if not own:
            return
        start = max(first, min(own))
        if start > last:
            return
        top = max(own)
        with_it = without = self._carried(start)
        for i in range(start, last + 1):
            extra = own.get(i, 0)
            net = self.granted[i] + without - self.totals[i]
            net_with = self.granted[i] + with_it - self.totals[i] - extra
            yield i, max(0, -net_with) - max(0, -net)
            without = self._next(i, without, 0)
            with_it = self._next(i, with_it, extra)
            if i >= top and with_it == without:
                return  # from here on both inherit the same: nothing more to add


class _Sweep(_Lookup):
    """The same answers for a whole ledger, kept up to date entry by entry.

    The check walks the entries in order; before it judges the booking at ``k``
    the sweep holds what the entries before ``k`` leave active (running totals
    per grant, person, month and night, and the overlapping pairs found by one
    sort per person), so each answer costs what the booking touches, not what
    the ledger holds.
    """

    def __init__(self, ledger: Ledger) -> None:
        super().__init__(ledger)
        self.short: dict[tuple[str, int], int] = {}
        self.short_of: dict[int, tuple[str, int]] = {}
        self.staff: dict[str, dict[str, int]] = {}
        self.quota: dict[str, _QuotaTrack] = {}
        self.quota_of: dict[int, tuple[_QuotaTrack, dict[int, int]]] = {}
        self.dygn: dict[tuple[Person, int, DygnCount], int] = {}
        self.dygn_of: dict[int, list[tuple[Person, int, DygnCount, int]]] = {}
        self.beds: dict[tuple[str, int], int] = {}
        self.spans: dict[int, tuple[int, int]] = {}
        self.position = {grant.id: index for index, grant in enumerate(ledger.grants)}
        self.earlier = self._overlapping_pairs()
        self.partner_cache: dict[str, list[RespiteGrant]] = {}

    def _overlapping_pairs(self) -> dict[int, list[int]]:
        """For each booking, the earlier-recorded bookings of its person that overlap it:
        one sort by start per person, then a sweep keeping the stays still open."""
        ledger = self.ledger
        per_person: dict[Person, list[tuple[int, int, int]]] = {}
        for seq in range(len(ledger)):
            entry = ledger.entry(seq)
            if isinstance(entry, Booking):
                s, e = ledger.span(seq)
                self.spans[seq] = (s, e)
                person = ledger.grant(entry.grant_id).cared_for
                per_person.setdefault(person, []).append((s, e, seq))
        earlier: dict[int, list[int]] = {}
        for stays in per_person.values():
            stays.sort()
            open_: list[tuple[int, int]] = []  # (end, seq), a heap
            for s, e, seq in stays:
                while open_ and open_[0][0] <= s:
                    heapq.heappop(open_)
                for _, other in open_:
                    first, second = (other, seq) if other < seq else (seq, other)
                    earlier.setdefault(second, []).append(first)
                heapq.heappush(open_, (e, seq))
        return earlier

    # --- answers ------------------------------------------------------------------------

    def short_notice_used(
        self, grant: RespiteGrant, policy: RespitePolicy, year: int, k: int, own: str
    ) -> int:
        return self.short.get((grant.id, year), 0)

    def staff_asked(self, grant: RespiteGrant, booking: Booking, k: int) -> set[str]:
        return set(self.staff.get(grant.id, ()))

    def quota_added(
        self,
        grant: RespiteGrant,
        policy: RespitePolicy,
        booking: Booking,
        s: int,
        e: int,
        k: int,
    ) -> list[tuple[Period, int]]:
        track = self._track(grant, policy)
        own = track.own(s, e)
        if grant.quota.per is QuotaPeriod.VALIDITY:
            first = last = 0
        else:
            day = _day_of(booking.interval.start)
            end_day = _last_day_of(booking.interval.end)
            validity_last = grant.validity.last
            if policy.carry_over is not CarryOver.NONE and validity_last is not None:
                end_day = max(end_day, validity_last)
            first = max(0, bisect.bisect_right(track.starts, day) - 1)
            if first < len(track.periods) and (track.periods[first].end or day) <= day:
                first += 1
            last = bisect.bisect_right(track.starts, end_day) - 1
        return [
            (quota_period(grant, track.starts[i]), added)
            for i, added in track.added(first, last, own)
            if added > 0
        ]

    def overlapping(
        self, grant: RespiteGrant, booking: Booking, s: int, e: int, k: int
    ) -> list[str]:
        ledger = self.ledger
        found = [seq for seq in self.earlier.get(k, ()) if ledger.is_active(seq, k)]
        if not found:
            return []
        # The order the per-booking reading finds them in: by grant, then by the first
        # month bucket of the window that holds the stay, then by position.
        m0 = month_index(s)
        others = [(seq, ledger.entry(seq)) for seq in found]
        ordered = sorted(
            (
                self.position[other.grant_id],
                max(m0, month_index(self.spans[seq][0])),
                seq,
                other.id,
            )
            for seq, other in others
            if isinstance(other, Booking)
        )
        return [key[3] for key in ordered]

    def month_dygn(
        self, grant: RespiteGrant, count: DygnCount, booking: Booking, lo: int, hi: int, k: int
    ) -> int:
        month = month_index(lo)
        return self.dygn.get((grant.cared_for, month, count), 0)

    def partners(self, grant: RespiteGrant) -> Iterable[RespiteGrant]:
        found = self.partner_cache.get(grant.id)
        if found is None:
            ledger = self.ledger
            # Whether a pair is forbidden depends only on the two kinds.
            kinds = {other for other in RespiteKind if _forbidden(ledger, grant.kind, other)}
            found = [
                other
                for other in ledger.grants_for(grant.cared_for)
                if other.kind in kinds and other.id != grant.id
            ]
            self.partner_cache[grant.id] = found
        return found

    def occupied(self, unit_id: str, night: int, k: int, own: str) -> int:
        return self.beds.get((unit_id, night), 0)

    # --- keeping up ---------------------------------------------------------------------

    def _track(self, grant: RespiteGrant, policy: RespitePolicy) -> _QuotaTrack:
        track = self.quota.get(grant.id)
        if track is None:
            track = self.quota[grant.id] = _QuotaTrack(grant, policy)
        return track

    def record(self, seq: int, booking: Booking) -> None:
        """Take the booking at ``seq`` into the running state."""
        ledger = self.ledger
        grant = ledger.grant(booking.grant_id)
        policy = ledger.policy_for(grant.kind)
        s, e = self.spans[seq]
        if policy.notice and notice_given(booking, policy) < policy.notice:
            key = (grant.id, _day_of(booking.made_at).year)
            self.short[key] = self.short.get(key, 0) + 1
            self.short_of[seq] = key
        if booking.preferred_staff:
            staff = self.staff.setdefault(grant.id, {})
            for name in set(booking.preferred_staff):
                staff[name] = staff.get(name, 0) + 1
        if grant.kind is not RespiteKind.EMERGENCY:
            track = self._track(grant, policy)
            own = track.own(s, e)
            track.add(own, 1)
            self.quota_of[seq] = (track, own)
        if grant.quota.unit is QuotaUnit.DYGN:
            parts = []
            for m in range(month_index(s), month_index(e - 1) + 1):
                lo, hi = month_midnight(m), month_midnight(m + 1)
                for count in DygnCount:
                    amount = sum(amount_in(QuotaUnit.DYGN, count, s, e, lo, hi, s))
                    if amount:
                        key3 = (grant.cared_for, m, count)
                        self.dygn[key3] = self.dygn.get(key3, 0) + amount
                        parts.append((grant.cared_for, m, count, amount))
            self.dygn_of[seq] = parts
        if booking.unit_id is not None:
            i = day_index(s) + 1
            while day_midnight(i) < e:
                night = (booking.unit_id, i - 1)
                self.beds[night] = self.beds.get(night, 0) + 1
                i += 1

    def cancel(self, seq: int) -> None:
        """Take the booking at ``seq`` out again: it was cancelled."""
        ledger = self.ledger
        booking = ledger.entry(seq)
        assert isinstance(booking, Booking)
        key = self.short_of.pop(seq, None)
        if key is not None:
            self.short[key] -= 1
        if booking.preferred_staff:
            staff = self.staff[booking.grant_id]
            for name in set(booking.preferred_staff):
                staff[name] -= 1
                if not staff[name]:
                    del staff[name]
        counted = self.quota_of.pop(seq, None)
        if counted is not None and not ledger.counts(seq)[1]:
            counted[0].add(counted[1], -1)  # a late cancellation still counts in full
        for person, m, count, amount in self.dygn_of.pop(seq, ()):
            self.dygn[(person, m, count)] -= amount
        if booking.unit_id is not None:
            s, e = self.spans[seq]
            i = day_index(s) + 1
            while day_midnight(i) < e:
                self.beds[(booking.unit_id, i - 1)] -= 1
                i += 1


def _grant_findings(ledger: Ledger, on: date) -> list[Finding]:
    findings: list[Finding] = []
    for index, grant in enumerate(ledger.grants):
        if ledger.governed(grant.kind):
            findings.extend(
                check_grant(grant, ledger.policy_for(grant.kind), on=on, path=f"grants[{index}]")
            )
    return findings


def _check_ledger(ledger: Ledger, on: date) -> Report:
    # One pass in recorded order: each booking is judged against the sweep's state,
    # which then takes the entry in (O(n log n) over the ledger, see performance.md).
    findings = _grant_findings(ledger, on)
    sweep = _Sweep(ledger)
    for seq in range(len(ledger)):
        entry = ledger.entry(seq)
        if isinstance(entry, Booking):
            if ledger.is_active(seq):
                findings.extend(
                    _booking_findings(
                        ledger, entry, on, seq, f"entries[{seq}]", sweep, eligibility=False
                    )
                )
            sweep.record(seq, entry)
        else:
            target = ledger.seq_of(entry.booking_id)
            assert target is not None
            sweep.cancel(target)
    return Report(tuple(findings))


def _check_ledger_reference(ledger: Ledger, on: date) -> Report:
    """The straightforward whole-ledger check: each active booking judged on its own
    against the entries before it (quadratic; the oracle for :func:`_check_ledger`)."""
    findings = _grant_findings(ledger, on)
    lookup = _Lookup(ledger)
    for seq, entry in enumerate(ledger.entries):
        if isinstance(entry, Booking) and ledger.is_active(seq):
            findings.extend(
                f
                for f in _booking_findings(ledger, entry, on, seq, f"entries[{seq}]", lookup)
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
        return check_grant(thing, policy if policy is not None else DEFAULT_POLICY, on=on)
    raise InvalidInput.at(
        "$",
        sv=f"väntade Ledger eller RespiteGrant, fick {type(thing).__name__}",
        en=f"expected Ledger or RespiteGrant, got {type(thing).__name__}",
    )


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
