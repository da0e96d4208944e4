"""Support plans: the carer's stödplan, the SIP and the implementation plan, with their rules.

The models (:mod:`~anhorig.plans.support`, :mod:`~anhorig.plans.sip`,
:mod:`~anhorig.plans.implementation`, :mod:`~anhorig.plans.policy`, sharing
:mod:`~anhorig.plans._common`) never import the rules; their lifecycle methods step
through :mod:`~anhorig.plans._lifecycle`, and :mod:`~anhorig.plans.rules` holds each rule
beside the condition that finds it.

>>> from datetime import date
>>> from anhorig.plans import ImplementationPlan, check
>>> plan = ImplementationPlan.template(
...     municipality="Exempelby", valid_from=date(2027, 1, 1), responsible="anhörigkonsulent")
>>> check(plan, on=date(2027, 1, 1)).ok
True
"""

from anhorig import _lazy
from anhorig.plans import rules as rules  # installs the rules' check in the lifecycle

# Names are imported on first use (`anhorig._lazy`): reading and checking a stödplan
# needs neither the SIP, the implementation plan nor the registry's adapter.
TYPE_CHECKING = False
if TYPE_CHECKING:
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

_WHERE = {
    "Activity": "anhorig.plans.implementation",
    "add_months": "anhorig.plans._common",
    "check": "anhorig.plans.rules",
    "ConsentForm": "anhorig.plans._common",
    "ConsentOracle": "anhorig.plans._common",
    "ConsentPurpose": "anhorig.plans._common",
    "ContingencyPlan": "anhorig.relations",
    "CoordinatedPlan": "anhorig.plans.sip",
    "Coordinator": "anhorig.plans._common",
    "Discharge": "anhorig.plans.sip",
    "EvidenceForm": "anhorig.plans._common",
    "Expectation": "anhorig.plans.support",
    "ExpectedOf": "anhorig.plans.support",
    "FollowUp": "anhorig.plans._common",
    "Goal": "anhorig.plans.support",
    "GrantorCapacity": "anhorig.plans._common",
    "GrantorKind": "anhorig.plans._common",
    "ImplementationArea": "anhorig.plans.implementation",
    "ImplementationPlan": "anhorig.plans.implementation",
    "is_valid": "anhorig.plans.rules",
    "LIVE_STATUSES": "anhorig.plans._common",
    "Measure": "anhorig.plans.support",
    "MeasureKind": "anhorig.plans.policy",
    "Meeting": "anhorig.plans.sip",
    "Need": "anhorig.plans.support",
    "Participant": "anhorig.plans.sip",
    "Plan": "anhorig.plans.rules",
    "PlanConsent": "anhorig.plans._common",
    "PlanPolicy": "anhorig.plans.policy",
    "PlanStatus": "anhorig.plans._common",
    "Principal": "anhorig.organisations",
    "Provider": "anhorig.organisations",
    "ProviderKind": "anhorig.organisations",
    "registry_oracle": "anhorig.plans._oracle",
    "RegistryOracle": "anhorig.plans._oracle",
    "RegistryQuestion": "anhorig.plans._oracle",
    "RESPITE_KINDS": "anhorig.plans.policy",
    "Responsibility": "anhorig.plans.sip",
    "RULES": "anhorig.plans.rules",
    "Sector": "anhorig.organisations",
    "Signature": "anhorig.plans.support",
    "SignerRole": "anhorig.plans.support",
    "SipRelative": "anhorig.plans.sip",
    "SupportPlan": "anhorig.plans.support",
    "TRANSITIONS": "anhorig.plans.rules",
    "validate": "anhorig.plans.rules",
}
"""Each public name and the module that defines it."""

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.reexport(__name__, _WHERE)
del TYPE_CHECKING

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
