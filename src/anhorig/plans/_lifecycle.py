"""The lifecycle of a stödplan and a SIP (*planens livscykel*): which status may follow
which, and the step from one to the next.

A plan is immutable; :func:`transition` returns the plan in its new status, or
refuses the step with ``RuleViolation``: ``PLAN-ILLEGAL-TRANSITION`` for a step
:data:`TRANSITIONS` does not allow, else every error the plan rules find in the new
plan. The plans' own methods (``plan.agree(...)``, ``plan.close(...)``, ...) call it.

The module is private; its public face is :mod:`anhorig.plans.rules` (``transition``,
``TRANSITIONS``, ``PLAN_ILLEGAL_TRANSITION``) and the plans' lifecycle methods. Where
it sits: above the plan vocabulary (:mod:`anhorig.plans._common`) and the
policy, below the model modules that call it and below the rules. It knows no rule
but its own: the rules install their ``check`` here when :mod:`anhorig.plans.rules` is
imported (which ``import anhorig.plans``, and so any import of a plans module, does
first), and :func:`check` hands a plan to it. That keeps every import pointing down:
the models never import the rules, and the rules' catalogue can list
``PLAN-ILLEGAL-TRANSITION``, which is defined here beside the code that finds it.

>>> sorted(s.value for s in TRANSITIONS[PlanStatus.ACTIVE])
['closed', 'under_review']
>>> PLAN_ILLEGAL_TRANSITION.domain
(15,)

References:
    - Socialtjänstlag (2025:400) 13 kap. 9 §: the plan is followed up.
    - IBIC: a plan is agreed, carried out, followed up, and closed.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol, TypeVar, cast

import attrs

from anhorig._arguments import checked
from anhorig.errors import RuleViolation
from anhorig.findings import Report, Rule, Severity
from anhorig.language import Text
from anhorig.plans._common import ConsentOracle, PlanStatus, judged_day
from anhorig.plans.policy import PlanPolicy

__all__ = [
    "PLAN_ILLEGAL_TRANSITION",
    "TRANSITIONS",
    "LifecyclePlan",
    "PlanCheck",
    "check",
    "install_check",
    "transition",
]


class LifecyclePlan(Protocol):
    """A plan that moves through the lifecycle: the stödplan and the SIP."""

    @property
    def status(self) -> PlanStatus:
        """Where the plan is in its life."""
        ...


_Plan = TypeVar("_Plan", bound=LifecyclePlan)


class PlanCheck(Protocol):
    """The plan rules' check, as :func:`transition` and the plans' ``check`` methods use it:
    every finding for ``plan`` on ``on`` (:func:`anhorig.plans.rules.check`)."""

    def __call__(
        self,
        plan: Any,
        /,
        *,
        on: date,
        policy: PlanPolicy | None = None,
        consent_oracle: ConsentOracle | None = None,
    ) -> Report:
        """Every finding for ``plan`` on ``on``."""
        ...


_RULES_CHECK: list[PlanCheck] = []
"""The check :func:`install_check` installed (one, once the rules are imported)."""


def install_check(rules_check: PlanCheck) -> None:
    """Make ``rules_check`` the check every step applies; :mod:`anhorig.plans.rules`
    calls this once, when it is imported."""
    _RULES_CHECK[:] = [rules_check]


def check(
    plan: Any,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
) -> Report:
    """The plan rules' findings for ``plan`` on ``on``: :func:`anhorig.plans.rules.check`,
    reached from below the rules."""
    if not _RULES_CHECK:  # pragma: no cover - importing anhorig.plans imports the rules
        raise RuntimeError("anhorig.plans.rules is not imported; import anhorig.plans first")
    return _RULES_CHECK[0](plan, on=on, policy=policy, consent_oracle=consent_oracle)


TRANSITIONS: dict[PlanStatus, frozenset[PlanStatus]] = {
    PlanStatus.DRAFT: frozenset({PlanStatus.AGREED, PlanStatus.CLOSED}),
    PlanStatus.AGREED: frozenset({PlanStatus.ACTIVE, PlanStatus.CLOSED}),
    PlanStatus.ACTIVE: frozenset({PlanStatus.UNDER_REVIEW, PlanStatus.CLOSED}),
    PlanStatus.UNDER_REVIEW: frozenset({PlanStatus.ACTIVE, PlanStatus.CLOSED}),
    PlanStatus.CLOSED: frozenset(),
}
"""The lifecycle: which status may follow which."""

PLAN_ILLEGAL_TRANSITION = Rule.define(
    "plans",
    "PLAN-ILLEGAL-TRANSITION",
    Severity.ERROR,
    ("Otillåten statusändring", "Illegal status change"),
    (
        "En plan med status {current} kan inte bli {target}; tillåtet: {allowed}.",
        "A plan with status {current} cannot become {target}; allowed: {allowed}.",
    ),
    sources=("ibic",),
    domain=(15,),
    applies_to=("SupportPlan | CoordinatedPlan | ImplementationPlan",),
    condition=(
        "En statusändring (plan.agree, activate, review, close eller transition) begärs som TRANSITIONS inte tillåter från planens status. Ingen check hittar den: steget kastar RuleViolation.",
        "A status change (plan.agree, activate, review, close or transition) is asked for that TRANSITIONS does not allow from the plan's status. No check finds it: the step raises RuleViolation.",
    ),
    boundary=(
        "Tillåtet: draft → agreed eller closed; agreed → active eller closed; active → under_review eller closed; under_review → active eller closed; closed → inget.",
        "Allowed: draft → agreed or closed; agreed → active or closed; active → under_review or closed; under_review → active or closed; closed → nothing.",
    ),
    fix=(
        "Gå via de tillåtna stegen, eller börja en ny plan när en plan är stängd.",
        "Go through the allowed steps, or start a new plan once one is closed.",
    ),
)


@checked
def transition(
    plan: _Plan,
    to: PlanStatus,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
    **changes: Any,
) -> _Plan:
    """``plan`` moved to status ``to`` on ``on`` with ``changes``; ``RuleViolation`` if
    the step is not allowed or the new plan has error findings in its new status."""
    day = judged_day(on)
    allowed = TRANSITIONS[plan.status]
    if to not in allowed:
        finding = PLAN_ILLEGAL_TRANSITION.finding(
            "status",
            on=day,
            current=plan.status.text,
            target=to.text,
            allowed=Text(
                sv=", ".join(sorted(s.label("sv") for s in allowed)) or "inget",
                en=", ".join(sorted(s.label("en") for s in allowed)) or "nothing",
            ),
        )
        raise RuleViolation(Report((finding,)))
    # Both plan kinds are attrs classes; the attrs mypy plugin cannot see that through
    # the protocol, which stands in for them because this module is below the models.
    candidate: _Plan = attrs.evolve(cast(Any, plan), status=to, **changes)
    report = check(candidate, on=day, policy=policy, consent_oracle=consent_oracle)
    if not report.ok:
        raise RuleViolation(report)
    return candidate
