"""The plan rules in the catalogue's order, and the three plan kinds they judge.

:data:`RULES` lists the family's rules, ``PLAN-ILLEGAL-TRANSITION`` of
:mod:`anhorig.plans._lifecycle` among them (re-exported by :mod:`anhorig.plans.rules`).
"""

from __future__ import annotations

from anhorig.findings import Rule
from anhorig.plans._lifecycle import PLAN_ILLEGAL_TRANSITION
from anhorig.plans.implementation import ImplementationPlan
from anhorig.plans.rules.implementation import RULES as IMPLEMENTATION_RULES
from anhorig.plans.rules.sip import RULES as SIP_RULES
from anhorig.plans.rules.stodplan import RULES as STODPLAN_RULES
from anhorig.plans.sip import CoordinatedPlan
from anhorig.plans.support import SupportPlan

__all__ = ["DOMAIN_RULES", "RULES", "Plan"]

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
