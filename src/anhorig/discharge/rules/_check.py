"""The discharge family's interface: ``RULES``, ``check``, ``validate``, ``is_valid``.

The rules themselves stand by topic in :mod:`~anhorig.discharge.rules.steps`,
:mod:`~anhorig.discharge.rules.information`, :mod:`~anhorig.discharge.rules.relatives`
and :mod:`~anhorig.discharge.rules.children`; this module applies them in that order.
"""

from __future__ import annotations

from datetime import date, datetime

from anhorig._arguments import checked, checked_first
from anhorig.consent import DecisionPolicy
from anhorig.discharge.model import DischargeProcess
from anhorig.discharge.policy import DischargePolicy
from anhorig.discharge.rules._common import Case, Findings
from anhorig.discharge.rules.children import RULES as CHILDREN_RULES
from anhorig.discharge.rules.children import check_children
from anhorig.discharge.rules.information import RULES as INFORMATION_RULES
from anhorig.discharge.rules.information import check_information
from anhorig.discharge.rules.relatives import RULES as RELATIVES_RULES
from anhorig.discharge.rules.relatives import check_relatives
from anhorig.discharge.rules.steps import RULES as STEPS_RULES
from anhorig.discharge.rules.steps import check_steps
from anhorig.errors import InvalidInput
from anhorig.findings import Report, Rule, validated

__all__ = ["RULES", "check", "is_valid", "validate"]

RULES: tuple[Rule, ...] = (
    *STEPS_RULES,
    *INFORMATION_RULES,
    *RELATIVES_RULES,
    *CHILDREN_RULES,
)
"""Every discharge rule, in the catalogue."""


def _judged_day(on: object) -> date:
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return on


@checked
def check(
    process: DischargeProcess,
    *,
    on: date,
    policy: DischargePolicy | None = None,
    decision_policy: DecisionPolicy | None = None,
) -> Report:
    """Every finding of the discharge rules for ``process`` judged on ``on``; never raises
    on a domain problem (``InvalidInput`` only if ``process`` is not a discharge process,
    ``on`` not a date or ``policy`` not a policy)."""
    day = _judged_day(on)
    if not isinstance(process, DischargeProcess):
        raise InvalidInput.at(
            "$",
            sv=f"väntade DischargeProcess, fick {type(process).__name__}",
            en=f"expected DischargeProcess, got {type(process).__name__}",
        )
    chosen = policy if policy is not None else DischargePolicy()
    if not isinstance(chosen, DischargePolicy):
        raise InvalidInput.at(
            "policy",
            sv=f"väntade DischargePolicy, fick {type(chosen).__name__}",
            en=f"expected DischargePolicy, got {type(chosen).__name__}",
        )
    case = Case(process, on=day, policy=chosen, decision_policy=decision_policy)
    found = Findings(day)
    check_steps(found, case)
    check_information(found, case)
    check_relatives(found, case)
    check_children(found, case)
    return found.report()


@checked
def validate(
    process: DischargeProcess,
    *,
    on: date,
    policy: DischargePolicy | None = None,
    decision_policy: DecisionPolicy | None = None,
) -> DischargeProcess:
    """``process`` if no rule finds an error on ``on``; else ``RuleViolation``."""
    return validated(check, process, on=on, policy=policy, decision_policy=decision_policy)


@checked_first
def is_valid(
    process: object,
    *,
    on: date,
    policy: DischargePolicy | None = None,
    decision_policy: DecisionPolicy | None = None,
) -> bool:
    """Whether ``process`` is a discharge process with no error findings on ``on``; never
    raises."""
    try:
        return check(process, on=on, policy=policy, decision_policy=decision_policy).ok  # type: ignore[arg-type]
    except InvalidInput:
        return False
