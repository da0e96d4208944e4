"""Support plans: the carer's stödplan, the SIP and the implementation plan, with their rules.

The models (:mod:`~anhorig.plans.support`, :mod:`~anhorig.plans.sip`,
:mod:`~anhorig.plans.implementation`, :mod:`~anhorig.plans.policy`, sharing
:mod:`~anhorig.plans._common`) never import the rules; their lifecycle methods step
through :mod:`~anhorig.plans._lifecycle`, and :mod:`~anhorig.plans.rules` holds each rule
beside the condition that finds it.

>>> from datetime import date
>>> plan = ImplementationPlan.template(
...     municipality="Exempelby", valid_from=date(2027, 1, 1), responsible="anhörigkonsulent")
>>> check(plan, on=date(2027, 1, 1)).ok
True
"""

from anhorig.organisations import Principal, Provider, ProviderKind, Sector
from anhorig.plans._common import (
    LIVE_STATUSES,
    ConsentForm,
    ConsentOracle,
    ConsentPurpose,
    Coordinator,
    EvidenceForm,
    FollowUp,
    GrantorCapacity,
    GrantorKind,
    PlanConsent,
    PlanStatus,
    add_months,
)
from anhorig.plans._oracle import RegistryOracle, RegistryQuestion, registry_oracle
from anhorig.plans.implementation import Activity, ImplementationArea, ImplementationPlan
from anhorig.plans.policy import RESPITE_KINDS, MeasureKind, PlanPolicy
from anhorig.plans.rules import RULES, TRANSITIONS, Plan, check, is_valid, validate
from anhorig.plans.sip import (
    CoordinatedPlan,
    Discharge,
    Meeting,
    Participant,
    Responsibility,
    SipRelative,
)
from anhorig.plans.support import (
    Expectation,
    ExpectedOf,
    Goal,
    Measure,
    Need,
    Signature,
    SignerRole,
    SupportPlan,
)
from anhorig.relations import ContingencyPlan

__all__ = [
    "LIVE_STATUSES",
    "RESPITE_KINDS",
    "RULES",
    "TRANSITIONS",
    "Activity",
    "ConsentForm",
    "ConsentOracle",
    "ConsentPurpose",
    "ContingencyPlan",
    "CoordinatedPlan",
    "Coordinator",
    "Discharge",
    "EvidenceForm",
    "Expectation",
    "ExpectedOf",
    "FollowUp",
    "Goal",
    "GrantorCapacity",
    "GrantorKind",
    "ImplementationArea",
    "ImplementationPlan",
    "Measure",
    "MeasureKind",
    "Meeting",
    "Need",
    "Participant",
    "Plan",
    "PlanConsent",
    "PlanPolicy",
    "PlanStatus",
    "Principal",
    "Provider",
    "ProviderKind",
    "RegistryOracle",
    "RegistryQuestion",
    "Responsibility",
    "Sector",
    "Signature",
    "SignerRole",
    "SipRelative",
    "SupportPlan",
    "add_months",
    "check",
    "is_valid",
    "registry_oracle",
    "validate",
]
