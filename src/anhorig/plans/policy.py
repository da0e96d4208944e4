"""Municipal variation in plan rules, as configuration (*kommunala riktlinjer*).

How often a plan must be followed up and which measures a municipality grants
only by decision (bistånd) differ between municipalities; they are not law.
:class:`PlanPolicy` holds them with documented defaults and serializes like every
other document.

>>> policy = PlanPolicy()
>>> policy.follow_up_interval_months
12
>>> MeasureKind.IN_HOME_RESPITE in policy.decision_required
True
>>> PlanPolicy(follow_up_interval_months=0)
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: follow_up_interval_months: måste vara >= 1 (fick 0)

References:
    - Socialtjänstlag (2025:400) 11 kap. 1 § (bistånd) and 11 kap. 5 § (insatser utan
      individuell behovsprövning); before 2025-07-01 SoL (2001:453) 4 kap. 1 §, 2 a §.
    - Seed 004: some municipalities offer avlösning through the anhörigkonsulent
      without a needs assessment.
    - Lag (2017:612) om samverkan vid utskrivning: SIP invitation within 3 days.
"""

from __future__ import annotations

import attrs

from anhorig import bounds
from anhorig._checks import and_, collecting, each, ge, instance_of
from anhorig.language import LabelledEnum

__all__ = ["RESPITE_KINDS", "MeasureKind", "PlanPolicy"]


class MeasureKind(LabelledEnum):
    """What kind of support a measure is (*insatstyp*)."""

    CONVERSATION_SUPPORT = "conversation_support", "samtalsstöd", "conversation support"
    CARER_GROUP = "carer_group", "anhöriggrupp", "carer group"
    EDUCATION = "education", "anhörigutbildning", "education for carers"
    IN_HOME_RESPITE = "in_home_respite", "avlösning i hemmet", "in-home respite"
    RESPITE_CARE = "respite_care", "växelvård", "alternating respite care"
    SHORT_STAY = "short_stay", "korttidsvistelse", "short stay"
    EMERGENCY_PLACE = "emergency_place", "trygghetsplats", "emergency place"
    DAY_CARE = "day_care", "dagverksamhet", "day care"
    SUPPORT_CONTACT = "support_contact", "stödkontakt", "support contact"
    INFORMATION_AND_GUIDANCE = (
        "information_and_guidance",
        "information och vägledning",
        "information and guidance",
    )
    FINANCIAL_SUPPORT = "financial_support", "ekonomiskt stöd", "financial support"
    HEALTH_PROMOTING = (
        "health_promoting",
        "hälsofrämjande aktiviteter",
        "health-promoting activities",
    )
    OTHER = "other", "annan insats", "other measure"


RESPITE_KINDS: frozenset[MeasureKind] = frozenset(
    {
        MeasureKind.IN_HOME_RESPITE,
        MeasureKind.RESPITE_CARE,
        MeasureKind.SHORT_STAY,
        MeasureKind.EMERGENCY_PLACE,
        MeasureKind.DAY_CARE,
    }
)
"""Measures that relieve the carer by caring for the närstående (*avlösande insatser*).

They are given to the närstående, so a plan holding one records information about
them; and volunteers' visits are not respite of this kind (seed 004).
"""

_DEFAULT_DECISION_REQUIRED = frozenset(
    {
        MeasureKind.IN_HOME_RESPITE,
        MeasureKind.RESPITE_CARE,
        MeasureKind.SHORT_STAY,
        MeasureKind.DAY_CARE,
        MeasureKind.FINANCIAL_SUPPORT,
    }
)


_MONTHS = and_(
    instance_of(int),
    ge(1),
    bounds.at_most(bounds.MAX_FOLLOW_UP_MONTHS, sv="månader, fem år", en="months, five years"),
)


@collecting
@attrs.frozen(kw_only=True, order=False)
class PlanPolicy:
    """A municipality's settings for plan rules (*kommunens riktlinjer för planer*).

    - ``follow_up_interval_months``: a stödplan's next follow-up is due at most this
      many months after it was agreed or last followed up (default 12).
    - ``sip_follow_up_interval_months``: the same for a SIP (default 6).
    - ``decision_required``: measure kinds the municipality grants only by decision
      (bistånd); the others it may offer without a needs assessment (default:
      in-home respite, växelvård, short stay, day care, financial support; an
      emergency place is often offered without one, as in Kungälv).
    - ``discharge_invitation_days``: days from the notice that a patient is ready for
      discharge to the SIP invitation (default 3, Lag 2017:612).

    The intervals are at most 60 months (five years; a plan followed up less often is
    not followed up), the invitation at most 365 days.
    """

    follow_up_interval_months: int = attrs.field(default=12, validator=_MONTHS)
    sip_follow_up_interval_months: int = attrs.field(default=6, validator=_MONTHS)
    decision_required: frozenset[MeasureKind] = attrs.field(
        default=_DEFAULT_DECISION_REQUIRED, validator=each(MeasureKind)
    )
    discharge_invitation_days: int = attrs.field(
        default=3,
        validator=and_(
            instance_of(int),
            ge(0),
            bounds.at_most(bounds.MAX_NOTICE_DAYS, sv="dagar, ett år", en="days, one year"),
        ),
    )
