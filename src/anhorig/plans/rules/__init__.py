"""The plan rules: one family for the stödplan, the SIP and the implementation plan.

``check(plan, *, on, policy=None, consent_oracle=None) -> Report`` collects every
finding for any of the three plan kinds and never raises on a domain problem;
``validate`` returns the plan or raises ``RuleViolation``; ``is_valid`` never
raises. Which rules apply depends on the plan's status: a draft may be incomplete,
an agreed, active or reviewed plan must be whole, a closed plan is only checked
for what is wrong in any status.

Codes: ``PLAN-*`` for the stödplan, ``SIP-*`` for the SIP, ``IMPL-*`` for the
implementation plan; each rule names the DOMAIN rules (3, 14–23) it encodes in its
``domain``. The rules live by topic, each directly above the condition that finds it:
:mod:`~anhorig.plans.rules.stodplan`, :mod:`~anhorig.plans.rules.sip`,
:mod:`~anhorig.plans.rules.implementation`; this package assembles them, with
``PLAN-ILLEGAL-TRANSITION``, which :mod:`anhorig.plans._lifecycle` defines and finds.

>>> from datetime import date
>>> from anhorig.plans.implementation import ImplementationPlan
>>> from anhorig.plans.rules import DOMAIN_RULES, check, is_valid
>>> plan = ImplementationPlan.template(municipality="Exempelby", valid_from=date(2027, 1, 1))
>>> sorted(check(plan, on=date(2027, 1, 1)).codes)
['IMPL-NO-OWNER']
>>> filled = ImplementationPlan.template(
...     municipality="Exempelby", valid_from=date(2027, 1, 1), responsible="anhörigkonsulent")
>>> is_valid(filled, on=date(2027, 1, 1))
True
>>> DOMAIN_RULES["SIP-DISCHARGE-INVITATION-LATE"]
(22,)

References:
    - Socialtjänstlag (2025:400) 13 kap. 9 §; 10 kap. 8–9 §§; 11 kap. 1 §, 5 §
      (before 2025-07-01: SoL 2001:453 5 kap. 10 §; 2 kap. 7 §; 4 kap. 1 §, 2 a §).
    - Hälso- och sjukvårdslag (2017:30) 16 kap. 4 §.
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2–3 §§.
    - Patientlag (2014:821) 5 kap. 3 §.
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Seeds 001, 002, 003, 004; Socialstyrelsen, *Samtycke*; IBIC.
"""

from anhorig import _lazy
from anhorig.plans.rules import _check as _check  # installs the check in the lifecycle

# Names are imported on first use (`anhorig._lazy`): checking a stödplan needs neither
# the SIP's rules nor the implementation plan's, nor the catalogue of them all.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from anhorig.plans._lifecycle import PLAN_ILLEGAL_TRANSITION, TRANSITIONS, transition
    from anhorig.plans.rules._catalogue import DOMAIN_RULES, RULES, Plan
    from anhorig.plans.rules._check import check, is_valid, validate
    from anhorig.plans.rules._common import (
        PLAN_CONSENT_CHILD_TOO_YOUNG,
        PLAN_CONSENT_INVALID_GRANTOR,
    )
    from anhorig.plans.rules.implementation import (
        IMPL_AREA_EMPTY,
        IMPL_DUE_OUTSIDE_PLAN,
        IMPL_NO_HOW,
        IMPL_NO_OWNER,
        IMPL_OVERDUE,
    )
    from anhorig.plans.rules.sip import (
        SIP_DISCHARGE_INVITATION_LATE,
        SIP_DUPLICATE_ID,
        SIP_EXPECTS_UNWILLING_RELATIVE,
        SIP_FOLLOW_UP_MISSING,
        SIP_FOLLOW_UP_OVERDUE,
        SIP_FOLLOW_UP_TOO_LATE,
        SIP_MEETING_UNKNOWN_PARTY,
        SIP_NO_CONSENT,
        SIP_NO_COORDINATOR,
        SIP_NO_LEAD,
        SIP_NO_MEASURES,
        SIP_NOT_BOTH_FIELDS,
        SIP_OTHERS_NOT_ADDRESSED,
        SIP_RELATIVE_COORDINATOR,
        SIP_RELATIVE_DECLINED,
        SIP_RELATIVE_NOT_ASKED,
        SIP_RELATIVE_OBJECTED,
        SIP_RESPONSIBLE_ABSENT,
        SIP_RESPONSIBLE_NOT_INVITED,
        SIP_UNKNOWN_HOLDER,
    )
    from anhorig.plans.rules.stodplan import (
        PLAN_CONTINGENCY_FAMILY_UNKNOWN,
        PLAN_DECISION_MISSING,
        PLAN_DECISION_REQUIRED,
        PLAN_DECISION_UNEXPECTED,
        PLAN_DUPLICATE_ID,
        PLAN_EXPECTATIONS_ONE_SIDED,
        PLAN_EXPECTS_UNWILLING_CARER,
        PLAN_FOLLOW_UP_MISSING,
        PLAN_FOLLOW_UP_OVERDUE,
        PLAN_FOLLOW_UP_TOO_LATE,
        PLAN_GOAL_UNKNOWN_NEED,
        PLAN_GOAL_WITHOUT_MEASURE,
        PLAN_INVOLVEMENT_OVERDUE,
        PLAN_MEASURE_UNKNOWN_GOAL,
        PLAN_NEED_WITHOUT_GOAL,
        PLAN_NO_CARED_FOR_CONSENT,
        PLAN_NO_CARER_CONSENT,
        PLAN_NO_CONTINGENCY_PLAN,
        PLAN_NO_INFORMATION_AND_GUIDANCE,
        PLAN_NO_NEEDS,
        PLAN_NO_SUPPORT_CONTACT,
        PLAN_RELATIVE_COORDINATOR,
        PLAN_SIGNATURE_MISSING,
        PLAN_SIGNER_NOT_CARER,
        PLAN_VOLUNTEER_RESPITE,
    )

_WHERE = {
    "check": "anhorig.plans.rules._check",
    "DOMAIN_RULES": "anhorig.plans.rules._catalogue",
    "IMPL_AREA_EMPTY": "anhorig.plans.rules.implementation",
    "IMPL_DUE_OUTSIDE_PLAN": "anhorig.plans.rules.implementation",
    "IMPL_NO_HOW": "anhorig.plans.rules.implementation",
    "IMPL_NO_OWNER": "anhorig.plans.rules.implementation",
    "IMPL_OVERDUE": "anhorig.plans.rules.implementation",
    "is_valid": "anhorig.plans.rules._check",
    "Plan": "anhorig.plans.rules._catalogue",
    "PLAN_CONSENT_CHILD_TOO_YOUNG": "anhorig.plans.rules._common",
    "PLAN_CONSENT_INVALID_GRANTOR": "anhorig.plans.rules._common",
    "PLAN_CONTINGENCY_FAMILY_UNKNOWN": "anhorig.plans.rules.stodplan",
    "PLAN_DECISION_MISSING": "anhorig.plans.rules.stodplan",
    "PLAN_DECISION_REQUIRED": "anhorig.plans.rules.stodplan",
    "PLAN_DECISION_UNEXPECTED": "anhorig.plans.rules.stodplan",
    "PLAN_DUPLICATE_ID": "anhorig.plans.rules.stodplan",
    "PLAN_EXPECTATIONS_ONE_SIDED": "anhorig.plans.rules.stodplan",
    "PLAN_EXPECTS_UNWILLING_CARER": "anhorig.plans.rules.stodplan",
    "PLAN_FOLLOW_UP_MISSING": "anhorig.plans.rules.stodplan",
    "PLAN_FOLLOW_UP_OVERDUE": "anhorig.plans.rules.stodplan",
    "PLAN_FOLLOW_UP_TOO_LATE": "anhorig.plans.rules.stodplan",
    "PLAN_GOAL_UNKNOWN_NEED": "anhorig.plans.rules.stodplan",
    "PLAN_GOAL_WITHOUT_MEASURE": "anhorig.plans.rules.stodplan",
    "PLAN_ILLEGAL_TRANSITION": "anhorig.plans._lifecycle",
    "PLAN_INVOLVEMENT_OVERDUE": "anhorig.plans.rules.stodplan",
    "PLAN_MEASURE_UNKNOWN_GOAL": "anhorig.plans.rules.stodplan",
    "PLAN_NEED_WITHOUT_GOAL": "anhorig.plans.rules.stodplan",
    "PLAN_NO_CARED_FOR_CONSENT": "anhorig.plans.rules.stodplan",
    "PLAN_NO_CARER_CONSENT": "anhorig.plans.rules.stodplan",
    "PLAN_NO_CONTINGENCY_PLAN": "anhorig.plans.rules.stodplan",
    "PLAN_NO_INFORMATION_AND_GUIDANCE": "anhorig.plans.rules.stodplan",
    "PLAN_NO_NEEDS": "anhorig.plans.rules.stodplan",
    "PLAN_NO_SUPPORT_CONTACT": "anhorig.plans.rules.stodplan",
    "PLAN_RELATIVE_COORDINATOR": "anhorig.plans.rules.stodplan",
    "PLAN_SIGNATURE_MISSING": "anhorig.plans.rules.stodplan",
    "PLAN_SIGNER_NOT_CARER": "anhorig.plans.rules.stodplan",
    "PLAN_VOLUNTEER_RESPITE": "anhorig.plans.rules.stodplan",
    "RULES": "anhorig.plans.rules._catalogue",
    "SIP_DISCHARGE_INVITATION_LATE": "anhorig.plans.rules.sip",
    "SIP_DUPLICATE_ID": "anhorig.plans.rules.sip",
    "SIP_EXPECTS_UNWILLING_RELATIVE": "anhorig.plans.rules.sip",
    "SIP_FOLLOW_UP_MISSING": "anhorig.plans.rules.sip",
    "SIP_FOLLOW_UP_OVERDUE": "anhorig.plans.rules.sip",
    "SIP_FOLLOW_UP_TOO_LATE": "anhorig.plans.rules.sip",
    "SIP_MEETING_UNKNOWN_PARTY": "anhorig.plans.rules.sip",
    "SIP_NO_CONSENT": "anhorig.plans.rules.sip",
    "SIP_NO_COORDINATOR": "anhorig.plans.rules.sip",
    "SIP_NO_LEAD": "anhorig.plans.rules.sip",
    "SIP_NO_MEASURES": "anhorig.plans.rules.sip",
    "SIP_NOT_BOTH_FIELDS": "anhorig.plans.rules.sip",
    "SIP_OTHERS_NOT_ADDRESSED": "anhorig.plans.rules.sip",
    "SIP_RELATIVE_COORDINATOR": "anhorig.plans.rules.sip",
    "SIP_RELATIVE_DECLINED": "anhorig.plans.rules.sip",
    "SIP_RELATIVE_NOT_ASKED": "anhorig.plans.rules.sip",
    "SIP_RELATIVE_OBJECTED": "anhorig.plans.rules.sip",
    "SIP_RESPONSIBLE_ABSENT": "anhorig.plans.rules.sip",
    "SIP_RESPONSIBLE_NOT_INVITED": "anhorig.plans.rules.sip",
    "SIP_UNKNOWN_HOLDER": "anhorig.plans.rules.sip",
    "transition": "anhorig.plans._lifecycle",
    "TRANSITIONS": "anhorig.plans._lifecycle",
    "validate": "anhorig.plans.rules._check",
}
"""Each public name and the module that defines it."""

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.reexport(__name__, _WHERE)
del TYPE_CHECKING

__all__ = [
    "DOMAIN_RULES",
    "IMPL_AREA_EMPTY",
    "IMPL_DUE_OUTSIDE_PLAN",
    "IMPL_NO_HOW",
    "IMPL_NO_OWNER",
    "IMPL_OVERDUE",
    "PLAN_CONSENT_CHILD_TOO_YOUNG",
    "PLAN_CONSENT_INVALID_GRANTOR",
    "PLAN_CONTINGENCY_FAMILY_UNKNOWN",
    "PLAN_DECISION_MISSING",
    "PLAN_DECISION_REQUIRED",
    "PLAN_DECISION_UNEXPECTED",
    "PLAN_DUPLICATE_ID",
    "PLAN_EXPECTATIONS_ONE_SIDED",
    "PLAN_EXPECTS_UNWILLING_CARER",
    "PLAN_FOLLOW_UP_MISSING",
    "PLAN_FOLLOW_UP_OVERDUE",
    "PLAN_FOLLOW_UP_TOO_LATE",
    "PLAN_GOAL_UNKNOWN_NEED",
    "PLAN_GOAL_WITHOUT_MEASURE",
    "PLAN_ILLEGAL_TRANSITION",
    "PLAN_INVOLVEMENT_OVERDUE",
    "PLAN_MEASURE_UNKNOWN_GOAL",
    "PLAN_NEED_WITHOUT_GOAL",
    "PLAN_NO_CARED_FOR_CONSENT",
    "PLAN_NO_CARER_CONSENT",
    "PLAN_NO_CONTINGENCY_PLAN",
    "PLAN_NO_INFORMATION_AND_GUIDANCE",
    "PLAN_NO_NEEDS",
    "PLAN_NO_SUPPORT_CONTACT",
    "PLAN_RELATIVE_COORDINATOR",
    "PLAN_SIGNATURE_MISSING",
    "PLAN_SIGNER_NOT_CARER",
    "PLAN_VOLUNTEER_RESPITE",
    "RULES",
    "SIP_DISCHARGE_INVITATION_LATE",
    "SIP_DUPLICATE_ID",
    "SIP_EXPECTS_UNWILLING_RELATIVE",
    "SIP_FOLLOW_UP_MISSING",
    "SIP_FOLLOW_UP_OVERDUE",
    "SIP_FOLLOW_UP_TOO_LATE",
    "SIP_MEETING_UNKNOWN_PARTY",
    "SIP_NOT_BOTH_FIELDS",
    "SIP_NO_CONSENT",
    "SIP_NO_COORDINATOR",
    "SIP_NO_LEAD",
    "SIP_NO_MEASURES",
    "SIP_OTHERS_NOT_ADDRESSED",
    "SIP_RELATIVE_COORDINATOR",
    "SIP_RELATIVE_DECLINED",
    "SIP_RELATIVE_NOT_ASKED",
    "SIP_RELATIVE_OBJECTED",
    "SIP_RESPONSIBLE_ABSENT",
    "SIP_RESPONSIBLE_NOT_INVITED",
    "SIP_UNKNOWN_HOLDER",
    "TRANSITIONS",
    "Plan",
    "check",
    "is_valid",
    "transition",
    "validate",
]
