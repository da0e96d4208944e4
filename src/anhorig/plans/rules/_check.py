"""The plan rules' check over the three plan kinds, and the rules it applies.

:func:`check` hands a plan to the topic module for its kind
(:mod:`~anhorig.plans.rules.stodplan`, :mod:`~anhorig.plans.rules.sip`,
:mod:`~anhorig.plans.rules.implementation`); :data:`RULES` lists the family's rules in
catalogue order, ``PLAN-ILLEGAL-TRANSITION`` of :mod:`anhorig.plans._lifecycle` among
them. Importing this module installs :func:`check` in the lifecycle, which checks a plan
in its new status with it. :mod:`anhorig.plans.rules` is the public face.
"""

from __future__ import annotations

from datetime import date

from anhorig.errors import InvalidInput
from anhorig.findings import Report, Rule, validated
from anhorig.plans._common import ConsentOracle, judged_day
from anhorig.plans._lifecycle import PLAN_ILLEGAL_TRANSITION, install_check
from anhorig.plans.implementation import ImplementationPlan
from anhorig.plans.policy import PlanPolicy
from anhorig.plans.rules.implementation import RULES as IMPLEMENTATION_RULES
from anhorig.plans.rules.implementation import check_implementation_plan
from anhorig.plans.rules.sip import RULES as SIP_RULES
from anhorig.plans.rules.sip import check_sip
from anhorig.plans.rules.stodplan import RULES as STODPLAN_RULES
from anhorig.plans.rules.stodplan import check_support_plan
from anhorig.plans.sip import CoordinatedPlan
from anhorig.plans.support import SupportPlan

__all__ = ["DOMAIN_RULES", "RULES", "Plan", "check", "is_valid", "validate"]

Plan = SupportPlan | CoordinatedPlan | ImplementationPlan
"""Any of the three plan kinds."""


RULES: tuple[Rule, ...] = (
    *STODPLAN_RULES,
    PLAN_ILLEGAL_TRANSITION,
    *SIP_RULES,
    *IMPLEMENTATION_RULES,
)
"""The rules of this family, in the catalogue."""

DOMAIN_RULES: dict[str, tuple[int, ...]] = {rule.code: rule.domain for rule in RULES}
"""Which rule of DOMAIN.md (14–23) each code encodes (each rule's ``domain``)."""


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
