"""The plan rules' check over the three plan kinds.

:func:`check` hands a plan to the topic module for its kind
(:mod:`~anhorig.plans.rules.stodplan`, :mod:`~anhorig.plans.rules.sip`,
:mod:`~anhorig.plans.rules.implementation`), importing the SIP's and the implementation
plan's the first time such a plan is checked: checking a stödplan needs neither (issue 14,
start-up). Importing this module installs :func:`check` in the lifecycle, which checks a
plan in its new status with it. :mod:`anhorig.plans.rules` is the public face;
:mod:`~anhorig.plans.rules._catalogue` lists the family's rules.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from anhorig._arguments import checked_first
from anhorig.errors import InvalidInput
from anhorig.findings import Report, validated
from anhorig.plans._common import ConsentOracle, judged_day
from anhorig.plans._lifecycle import install_check
from anhorig.plans.policy import PlanPolicy
from anhorig.plans.rules.stodplan import check_support_plan
from anhorig.plans.support import SupportPlan

if TYPE_CHECKING:
    from anhorig.plans.rules._catalogue import Plan

__all__ = ["check", "is_valid", "validate"]


# --- the interface -------------------------------------------------------------------------


def check(
    plan: Plan,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
) -> Report:
    """Every finding of the plan rules for ``plan`` on ``on``.

    ``policy`` defaults to :class:`PlanPolicy`'s documented defaults;
    ``consent_oracle``, when given, decides whether a person's consent covers what
    the plan records instead of the plan's own consent records. Never raises on a
    domain problem (``InvalidInput`` only if ``plan`` is not a plan or ``on`` not a date).
    """
    day = judged_day(on)
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not isinstance(policy, PlanPolicy):
        raise InvalidInput.at("policy", sv="väntade en PlanPolicy", en="expected a PlanPolicy")
    if isinstance(plan, SupportPlan):
        return check_support_plan(plan, day, policy, consent_oracle)
    # The other kinds' models and rules, imported when first needed.
    from anhorig.plans.implementation import ImplementationPlan
    from anhorig.plans.rules.implementation import check_implementation_plan
    from anhorig.plans.rules.sip import check_sip
    from anhorig.plans.sip import CoordinatedPlan

    if isinstance(plan, CoordinatedPlan):
        return check_sip(plan, day, policy, consent_oracle)
    if isinstance(plan, ImplementationPlan):
        return check_implementation_plan(plan, day)
    raise InvalidInput.at(
        "$",
        sv=f"väntade SupportPlan, CoordinatedPlan eller ImplementationPlan, fick {type(plan).__name__}",
        en=f"expected SupportPlan, CoordinatedPlan or ImplementationPlan, got {type(plan).__name__}",
    )


_DEFAULT_POLICY = PlanPolicy()


def validate(
    plan: Plan,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
) -> Plan:
    """``plan`` if no rule finds an error on ``on``; else ``RuleViolation`` with every finding."""
    return validated(check, plan, on=on, policy=policy, consent_oracle=consent_oracle)


@checked_first
def is_valid(
    plan: object,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
) -> bool:
    """Whether ``plan`` is a plan with no error findings on ``on``; never raises."""
    try:
        return check(plan, on=on, policy=policy, consent_oracle=consent_oracle).ok  # type: ignore[arg-type]
    except Exception:  # is_valid never raises, whatever the oracle does
        return False


# The lifecycle (below the rules) checks a plan in its new status with this check.
install_check(check)
