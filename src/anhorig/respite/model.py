"""Respite as data: kinds, quotas, grants, providers, bookings and cancellations.

Respite (*avlösning*) relieves a carer: staff come to the home (*avlösning i
hemmet*), the person cared for stays some nights away (*korttidsvistelse*,
*växelvård*), spends the day at a day centre (*dagverksamhet*), or gets an emergency
place when the carer falls ill (*trygghetsplats*). How much a family may use is a
:class:`RespiteGrant` with a :class:`Quota`; what they book is a :class:`Booking`;
an undone booking is a :class:`Cancellation` — a new entry reversing an old one,
never a deletion.

Only local invariants are checked here (types, an end after a start, a decision
that names its decision); whether a booking may be made is a business rule in
:mod:`anhorig.respite.rules`.

>>> from datetime import date
>>> from anhorig.people import Person
>>> from anhorig.time import Period
>>> grant = RespiteGrant(
...     id="G-1", kind=RespiteKind.IN_HOME, basis=GrantBasis.DECISION, decision_ref="D-77",
...     quota=Quota(amount=10, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
...     validity=Period(date(2026, 1, 1), date(2027, 1, 1)),
...     cared_for=Person(name="Karin Berg", birth_date=date(1940, 5, 1)))
>>> str(grant.quota)
'10 timmar per månad'
>>> "Karin" in repr(grant)
False
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pendulum

from anhorig import _checks, bounds
from anhorig._arguments import checked
from anhorig._checks import a_bool, collecting, each, ge, instance_of, non_empty_text, optional
from anhorig.language import LabelledEnum, Lang
from anhorig.organisations import Provider, ProviderKind
from anhorig.people import Person
from anhorig.time import Interval, Period, as_instant

__all__ = [
    "Booking",
    "Cancellation",
    "GrantBasis",
    "Provider",
    "ProviderKind",
    "Quota",
    "QuotaPeriod",
    "QuotaUnit",
    "RespiteGrant",
    "RespiteKind",
    "ShortStayUnit",
    "max_quota",
]


class RespiteKind(LabelledEnum):
    """What kind of respite (*avlösningsform*).

    ``SHORT_STAY`` is a stay away as single occasions (*korttidsvistelse*, korttid);
    ``ALTERNATING_CARE`` planned, recurring stays in a rhythm with time at home
    (*växelvård*, :mod:`anhorig.respite.patterns`). Municipalities treat them apart
    (Sunne does not combine in-home respite with växelvård, but does with korttid);
    both take beds at a short-stay unit. Documents written before the two were told
    apart say ``"short_stay"`` for both and read as korttid.
    """

    IN_HOME = "in_home", "avlösning i hemmet", "in-home respite"
    SHORT_STAY = "short_stay", "korttidsvistelse", "short stay"
    DAY_CARE = "day_care", "dagverksamhet", "day care"
    EMERGENCY = "emergency", "trygghetsplats", "emergency place"
    ALTERNATING_CARE = "alternating_care", "växelvård", "alternating care"


class QuotaUnit(LabelledEnum):
    """What a quota counts (*enhet*): elapsed hours or dygn (24-hour days)."""

    HOURS = "hours", "timmar", "hours"
    DYGN = "dygn", "dygn", "dygn (days and nights)"


class QuotaPeriod(LabelledEnum):
    """The period a quota renews over (*kvotperiod*)."""

    MONTH = "month", "per månad", "per month"
    YEAR = "year", "per år", "per year"
    VALIDITY = "validity", "under beslutets giltighetstid", "over the grant's validity"


class GrantBasis(LabelledEnum):
    """Why the family has respite (*grund*): a decision after a needs assessment
    (*biståndsbeslut*) or a service offered without one (*utan behovsprövning*)."""

    DECISION = "decision", "biståndsbeslut", "decision after a needs assessment"
    WITHOUT_NEEDS_ASSESSMENT = (
        "without_needs_assessment",
        "utan individuell behovsprövning",
        "without an individual needs assessment",
    )


_QUOTA_BOUNDS: dict[tuple[QuotaUnit, QuotaPeriod], tuple[int, str, str]] = {
    (QuotaUnit.HOURS, QuotaPeriod.MONTH): (
        bounds.HOURS_IN_MONTH,
        "timmar i en månad, 31 dygn × 24",
        "hours in a month, 31 × 24",
    ),
    (QuotaUnit.HOURS, QuotaPeriod.YEAR): (
        bounds.HOURS_IN_YEAR,
        "timmar i ett år, 366 dygn × 24",
        "hours in a year, 366 × 24",
    ),
    (QuotaUnit.HOURS, QuotaPeriod.VALIDITY): (
        bounds.LIFETIME_YEARS * bounds.HOURS_IN_YEAR,
        f"timmar på {bounds.LIFETIME_YEARS} år",
        f"hours in {bounds.LIFETIME_YEARS} years",
    ),
    (QuotaUnit.DYGN, QuotaPeriod.MONTH): (
        bounds.DAYS_IN_MONTH,
        "dygn i en månad",
        "dygn in a month",
    ),
    (QuotaUnit.DYGN, QuotaPeriod.YEAR): (bounds.DAYS_IN_YEAR, "dygn i ett år", "dygn in a year"),
    (QuotaUnit.DYGN, QuotaPeriod.VALIDITY): (
        bounds.LIFETIME_YEARS * bounds.DAYS_IN_YEAR,
        f"dygn på {bounds.LIFETIME_YEARS} år",
        f"dygn in {bounds.LIFETIME_YEARS} years",
    ),
}


@checked
def max_quota(unit: QuotaUnit, per: QuotaPeriod) -> int:
    """The largest amount of a quota of ``unit`` ``per`` period: all of the period's
    time (744 hours or 31 dygn a month, 8,784 hours or 366 dygn a year). A quota over a
    grant's validity is bounded by the validity's length in the grant, and by
    150 years' worth on its own.

    >>> max_quota(QuotaUnit.HOURS, QuotaPeriod.MONTH), max_quota(QuotaUnit.DYGN, QuotaPeriod.YEAR)
    (744, 366)
    """
    return _QUOTA_BOUNDS[unit, per][0]


def _within_period(instance: Quota, attribute: attrs.Attribute[Any], value: Any) -> None:
    unit, per = instance.unit, instance.per
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and isinstance(unit, QuotaUnit)
        and isinstance(per, QuotaPeriod)
    ):
        bound, sv, en = _QUOTA_BOUNDS[unit, per]
        if value > bound:
            bounds.refuse(attribute.name, bound, value, sv=sv, en=en)


_checks.describe(
    _within_period,
    "bound_by",
    ("unit", "per"),
    {(unit.value, per.value): bound for (unit, per), (bound, _, _) in _QUOTA_BOUNDS.items()},
)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Quota:
    """How much respite a grant gives (*omfattning*): ``amount`` ``unit`` ``per`` period.

    ``Quota(amount=10, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH)`` is ten hours a
    month; ``Quota(amount=60, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR)`` sixty dygn a
    year, bookable like a hotel. ``amount`` is at most all of the period's time
    (:func:`max_quota`).
    """

    amount: int = attrs.field(validator=_checks.and_(instance_of(int), ge(0), _within_period))
    unit: QuotaUnit = attrs.field(validator=instance_of(QuotaUnit))
    per: QuotaPeriod = attrs.field(validator=instance_of(QuotaPeriod))

    def describe(self, lang: Lang = "sv") -> str:
        """``10 timmar per månad`` / ``10 hours per month``."""
        return f"{self.amount} {self.unit.label(lang)} {self.per.label(lang)}"

    def __str__(self) -> str:
        return self.describe("sv")


def _decision_ref(instance: RespiteGrant, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(non_empty_text)(instance, attribute, value)
    if instance.basis is GrantBasis.DECISION and value is None:
        _checks.fail(
            "decision_ref",
            sv="ett biståndsbeslut måste ange sitt beslut",
            en="a decision after a needs assessment must name its decision",
        )
    if instance.basis is GrantBasis.WITHOUT_NEEDS_ASSESSMENT and value is not None:
        _checks.fail(
            "decision_ref",
            sv="en insats utan behovsprövning har inget beslut",
            en="a service without needs assessment has no decision",
        )


_checks.describe(
    _decision_ref,
    "cases",
    "basis",
    {
        GrantBasis.DECISION.value: (("decision_ref",), ()),
        GrantBasis.WITHOUT_NEEDS_ASSESSMENT.value: ((), ("decision_ref",)),
    },
    optional(non_empty_text),
)


def _validity(instance: RespiteGrant, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(Period)(instance, attribute, value)
    if isinstance(value, Period):
        if value.end is None:
            _checks.fail(
                "validity.end",
                sv="en insats måste ha ett slutdatum",
                en="a grant must have an end date",
            )
        elif value.end == value.start:
            _checks.fail("validity", sv="giltighetstiden är tom", en="the validity period is empty")
        else:
            _quota_within(instance.quota, (value.end - value.start).days)


_checks.describe(
    _validity,
    "nested",
    ("end",),
    "the validity is not empty (end after start), and a quota over the validity fits in it",
    instance_of(Period),
    "validity.start < validity.end",
)


def _quota_within(quota: object, days: int) -> None:
    """A quota over the validity is at most all of the validity's time."""
    if not isinstance(quota, Quota) or quota.per is not QuotaPeriod.VALIDITY:
        return
    if quota.unit is QuotaUnit.HOURS:
        bound = days * 24
        sv, en = (
            f"timmar under giltighetstiden, {days} dygn × 24",
            f"hours in the validity, {days} × 24",
        )
    else:
        bound = days
        sv, en = f"dygn under giltighetstiden, {days} dygn", f"dygn in the validity, {days} days"
    if quota.amount > bound:
        bounds.refuse("quota.amount", bound, quota.amount, sv=sv, en=en)


@collecting
@attrs.frozen(kw_only=True, order=False)
class RespiteGrant:
    """A family's right to respite (*beviljad avlösning*, *biståndsbeslut om avlösning*).

    ``cared_for`` is the person cared for (*närstående*), to whom the decision is
    usually addressed; ``carer`` the relative relieved (*anhörig*). ``lives_together``
    matters only where a municipality's policy makes it a condition. ``validity``
    is a closed period; a quota per validity counts once over all of it, and is at
    most all of its time (its days × 24 hours, or its days in dygn).
    """

    id: str = attrs.field(validator=non_empty_text)
    kind: RespiteKind = attrs.field(validator=instance_of(RespiteKind))
    basis: GrantBasis = attrs.field(validator=instance_of(GrantBasis))
    quota: Quota = attrs.field(validator=instance_of(Quota))
    validity: Period = attrs.field(validator=_validity)
    cared_for: Person = attrs.field(validator=instance_of(Person))
    carer: Person | None = attrs.field(default=None, validator=optional(instance_of(Person)))
    lives_together: bool | None = attrs.field(default=None, validator=optional(a_bool))
    decision_ref: str | None = attrs.field(default=None, validator=_decision_ref)

    def covers(self, day: date) -> bool:
        """Whether the grant is valid on ``day``."""
        return self.validity.contains(day)


def _made_at(value: object) -> pendulum.DateTime:
    return as_instant(value, path="made_at")


def _at(value: object) -> pendulum.DateTime:
    return as_instant(value, path="at")


def _non_empty_interval(instance: Booking, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(Interval)(instance, attribute, value)
    # Compared in elapsed time: empty and reversed bookings are refused alike.
    if isinstance(value, Interval) and value.seconds <= 0:
        _checks.fail(
            "interval",
            sv="bokningen är tom eller slutar före sin början",
            en="the booking is empty or ends before it starts",
        )


_checks.describe(
    _non_empty_interval,
    "rule",
    instance_of(Interval),
    "the booking is not empty: its interval ends after it starts",
    "interval.start < interval.end",
)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Booking:
    """One booked occasion of respite under a grant (*bokning*).

    ``interval`` is when, in elapsed time; ``made_at`` when it was booked (notice
    counts from it, and the ledger keeps entries in that order). ``preferred_staff``
    names staff (by staff id) the family asks for, for continuity; ``unit_id`` the
    short-stay unit whose bed it takes; ``provider`` who carries it out (a
    voluntary organisation's help is not the municipality's respite).
    """

    id: str = attrs.field(validator=non_empty_text)
    grant_id: str = attrs.field(validator=non_empty_text)
    interval: Interval = attrs.field(validator=_non_empty_interval)
    made_at: pendulum.DateTime = attrs.field(converter=_made_at)
    provider: Provider = attrs.field(validator=instance_of(Provider))
    preferred_staff: tuple[str, ...] = attrs.field(default=(), validator=each(str))
    unit_id: str | None = attrs.field(default=None, validator=optional(non_empty_text))

    @property
    def hours(self) -> float:
        """Elapsed hours booked."""
        return self.interval.hours


@collecting
@attrs.frozen(kw_only=True, order=False)
class Cancellation:
    """A booking undone (*avbokning*): a new entry reversing ``booking_id`` from ``at``.

    Whether it came too late to free the hours is the policy's cut-off.
    """

    booking_id: str = attrs.field(validator=non_empty_text)
    at: pendulum.DateTime = attrs.field(converter=_at)
    reason: str = attrs.field(default="", validator=_checks.text, repr=False)


@collecting
@attrs.frozen(kw_only=True, order=False)
class ShortStayUnit:
    """A short-stay unit (*korttidsenhet*, *växelvårdsenhet*) with ``beds`` beds.

    Stays are booked night by night against its free beds, like a hotel
    (*omsorgshotell*, seed 004); an emergency place (*trygghetsplats*) takes a bed too.
    ``beds`` is at most :data:`~anhorig.bounds.MAX_BEDS`.
    """

    id: str = attrs.field(validator=non_empty_text)
    name: str = attrs.field(validator=non_empty_text)
    beds: int = attrs.field(
        validator=_checks.and_(
            instance_of(int),
            ge(0),
            bounds.at_most(
                bounds.MAX_BEDS, sv="bäddar på en korttidsenhet", en="beds at a short-stay unit"
            ),
        )
    )
