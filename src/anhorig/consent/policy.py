"""The policy that decides where the consent law leaves room (*beslutspolicy*): how
consents are combined, from which ages a child decides and consents, how long a harm
assessment is relied on.

:mod:`anhorig.consent.decision` and :mod:`anhorig.consent.engine` re-export both names.
They are defined here, apart from the decision's classes, because the plans judge who
may consent under this policy and need nothing else of a decision (issue 14, start-up).
"""

from __future__ import annotations

import attrs

from anhorig._checks import and_, collecting, ge, instance_of, optional
from anhorig.bounds import MAX_NOTICE_DAYS, at_most
from anhorig.language import LabelledEnum

__all__ = ["Combining", "DecisionPolicy"]

# An age a child's own say begins at: from 0 to the age of majority, or None (never).
_AN_AGE_OR_NONE = optional(
    and_(
        instance_of(int),
        ge(0),
        at_most(18, sv="år, myndighetsåldern", en="years, the age of majority"),
    )
)


class Combining(LabelledEnum):
    """How applicable consents are combined (*kombinationsregel*); never by order."""

    DENY_OVERRIDES = "deny_overrides", "nekande går före", "deny overrides"
    PERMIT_OVERRIDES = "permit_overrides", "tillåtande går före", "permit overrides"


@collecting
@attrs.frozen(kw_only=True, order=False)
class DecisionPolicy:
    """How decisions are made where the law leaves room (*beslutspolicy*).

    ``combining``: deny-overrides by default. ``child_decides_from_age``: from this age
    a child's objection makes a custodian's consent invalid (OSL 12 kap. 3 §; there is
    no fixed age in law, so this is the municipality's choice; ``None`` never).
    ``child_consents_from_age``: from this age a child's own consent (capacity
    ``SELF``) is accepted; before it the custodian consents. A child consents alone only
    with the maturity to decide for themselves (OSL 12 kap. 3 §), which the law ties to
    no age; the default, 15, is ``child_decides_from_age``'s, so that the age from which
    a child's no stops the custodian is the age from which the child's yes counts.
    ``None``: age alone never makes a child's own consent count, so until 18 only the
    custodian's does (the engine records no individual maturity assessment).
    ``harm_assessment_days``: a harm assessment (*menprövning*) is relied on from when it
    was made until the start of the local day this many days after the day it was made;
    1 (the default) means the same day only. The harm test is made for the disclosure
    at hand, on what is known then (OSL 25 kap. 1 §, 26 kap. 1 §: secrecy is presumed
    unless it is *clear* no harm results; DOMAIN part 2 §4.2); what is clear today need
    not be clear next week, so the law gives no standing assessment and a longer time
    is the municipality's choice. An age is 0–18 (at 18 no one is a child), the days at
    most 365.
    """

    combining: Combining = attrs.field(
        default=Combining.DENY_OVERRIDES, validator=instance_of(Combining)
    )
    child_decides_from_age: int | None = attrs.field(
        default=15,
        validator=_AN_AGE_OR_NONE,
    )
    child_consents_from_age: int | None = attrs.field(
        default=15,
        validator=_AN_AGE_OR_NONE,
    )
    harm_assessment_days: int = attrs.field(
        default=1,
        validator=and_(
            instance_of(int),
            ge(1),
            at_most(MAX_NOTICE_DAYS, sv="dagar, ett år", en="days, one year"),
        ),
    )
