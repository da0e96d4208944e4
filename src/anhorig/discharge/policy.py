"""What differs between regions and municipalities at discharge, as data (*policy*).

Lag (2017:612) is *dispositiv*: a region and its municipalities may agree on other
days than the law's defaults, and most do. So the numbers the rules count with live
in a frozen :class:`DischargePolicy`, serializable like every document, with the
law's defaults and how sure the project is of each (``confidence``, ``note``).

- ``admission_notice_hours``: the inskrivningsmeddelande within 24 hours of the
  admission (Lag 2017:612; confirmed by prop. 2016/17:106's summary, high confidence).
  Hours are elapsed hours, so across a DST change the wall clock shows 23 or 25.
- ``sip_invitation_days``: the SIP invitation within 3 calendar days of the notice that
  the patient is ready for discharge (SFS 2019:979; the start and the section number
  are *not verified*, medium confidence).
- ``payment_days``: the municipality pays from this many calendar days after the day
  the ready notice was sent (day 0), when it received both the inskrivningsmeddelande
  and the ready notice; 3 by default (medium confidence). ``payment_cutoff_hour``: a
  notice sent at or after this local hour counts from the next day (``None``: any hour
  counts the same day). ``psychiatric_payment_days``: the same for psychiatric care;
  ``None`` by default because the current default is *not verified* (30 days applied in
  2018 under prop. 2017/18:12): the checklist then says the start is unknown.
- ``support_offer_days``: how many days a carer may be known to the services without a
  record that they were told of their right to support (SoL 2025:400 13 kap. 9 § says
  *ska erbjuda*, not when): municipal policy, 14 by default.
- ``stage_information_days``: days after a stage of the illness by which a carer who
  wants information should have been told: practice, 3 by default.
- ``reliable_channels``: the channels that count as a dependable way to reach a
  recipient; the telephone is left out by default (seed 002).

Every count of days is at most 365 and ``admission_notice_hours`` at most 8,760 (a year):
a region's agreement counts in days, never years.
- ``admission_notice_roles``: the recipients an inskrivningsmeddelande must reach (the
  municipality's needs assessor and primary care, the öppenvård).

>>> DischargePolicy().payment_days, DischargePolicy().psychiatric_payment_days
(3, None)
>>> example = DischargePolicy.example_region_stockholm()
>>> example.payment_days, example.payment_cutoff_hour, example.confidence.value
(2, 12, 'low')
>>> DischargePolicy(payment_days=-1, payment_cutoff_hour=24)
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: payment_days: måste vara >= 0 (fick -1)
payment_cutoff_hour: måste vara ett heltal 0–23 (fick 24)

References:
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård;
      SFS 2019:979; prop. 2016/17:106; prop. 2017/18:12.
    - Socialtjänstlag (2025:400) 13 kap. 9 §.
    - Region Stockholm and the county's municipalities, long-term agreement on
      cooperation at discharge from 2020-01-01 (vardgivarguiden.se).
"""

from __future__ import annotations

from typing import Any

import attrs

from anhorig import _checks, bounds
from anhorig._checks import and_, collecting, each, ge, instance_of, non_empty_text, optional
from anhorig.discharge.model import Channel, DischargeRole
from anhorig.law import Confidence

__all__ = ["DischargePolicy"]

_COUNT = and_(
    instance_of(int),
    ge(0),
    bounds.at_most(bounds.MAX_NOTICE_DAYS, sv="dagar, ett år", en="days, one year"),
)
_NOTICE_HOURS = and_(
    instance_of(int),
    ge(1),
    bounds.at_most(
        bounds.MAX_NOTICE_DAYS * 24,
        sv=f"timmar, {bounds.MAX_NOTICE_DAYS} dagar × 24",
        en=f"hours, {bounds.MAX_NOTICE_DAYS} days × 24",
    ),
)


def _hour(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 23:
        _checks.fail(
            attribute.name,
            sv=f"måste vara ett heltal 0–23 (fick {_checks.shown(value)})",
            en=f"must be an integer 0–23 (got {_checks.shown(value)})",
        )


_checks.describe(_hour, "between", 0, 23)


_DEFAULT_RELIABLE = frozenset(c for c in Channel if c is not Channel.TELEPHONE)
_DEFAULT_NOTICE_ROLES = frozenset({DischargeRole.CASE_OFFICER, DischargeRole.PRIMARY_CARE})


@collecting
@attrs.frozen(kw_only=True, order=False)
class DischargePolicy:
    """The days and hours a region's discharge rules count with (*utskrivningspolicy*).

    The defaults are the law's where it has one (see the module docstring for each
    field and how sure the project is of it); ``name``, ``confidence`` and ``note`` say
    where the numbers come from, so a finding can be traced to its policy.
    """

    name: str = attrs.field(default="Lag (2017:612) utan överenskommelse", validator=non_empty_text)
    admission_notice_hours: int = attrs.field(default=24, validator=_NOTICE_HOURS)
    sip_invitation_days: int = attrs.field(default=3, validator=_COUNT)
    payment_days: int = attrs.field(default=3, validator=_COUNT)
    payment_cutoff_hour: int | None = attrs.field(default=None, validator=_hour)
    psychiatric_payment_days: int | None = attrs.field(default=None, validator=optional(_COUNT))
    support_offer_days: int = attrs.field(default=14, validator=_COUNT)
    stage_information_days: int = attrs.field(default=3, validator=_COUNT)
    reliable_channels: frozenset[Channel] = attrs.field(
        default=_DEFAULT_RELIABLE, validator=each(Channel)
    )
    admission_notice_roles: frozenset[DischargeRole] = attrs.field(
        default=_DEFAULT_NOTICE_ROLES, validator=each(DischargeRole)
    )
    confidence: Confidence = attrs.field(
        default=Confidence.MEDIUM, validator=instance_of(Confidence)
    )
    note: str = attrs.field(
        default="The law's defaults. The 24-hour notice is confirmed (prop. 2016/17:106); "
        "the 3-day SIP invitation, its start and the 3-day payment default are not "
        "verified against SFS (DOMAIN.md part 2 §5.2); the psychiatric default is unknown.",
        validator=_checks.text,
    )

    @classmethod
    def example_region_stockholm(cls) -> DischargePolicy:
        """An *example* of a regional agreement, shaped like Region Stockholm's.

        Not a preset to rely on: Region Stockholm's agreement with the county's
        municipalities (from 2020-01-01) counts calendar days from a day 0 and uses an
        *average* over all discharged patients, so whether a municipality pays for one
        patient is settled per month, not per stay. The per-stay numbers here (2 calendar
        days counting day 0 when the notice is sent before 12:00, 5 days in psychiatry)
        come from the project's research brief (medium confidence there) and were not
        found in the agreement itself.
        """
        return cls(
            name="Exempel: Region Stockholm (överenskommelse från 2020-01-01)",
            payment_days=2,
            payment_cutoff_hour=12,
            psychiatric_payment_days=5,
            confidence=Confidence.LOW,
            note="Example only. The agreement (vardgivarguiden.se) averages over all patients "
            "per month from a day 0 in calendar days; 2 days before 12:00 and 5 days in "
            "psychiatry are from DOMAIN.md part 2 §5.2 and were not seen in the agreement.",
        )
