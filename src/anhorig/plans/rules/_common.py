"""What the plan rules' topic modules share.

The family's rule constructor (:data:`plan_rule`), the collector a check adds its
findings to (:class:`Findings`), whether a person's consent covers a purpose
(:func:`covered`), the consent rules the stödplan and the SIP both apply
(``PLAN-CONSENT-INVALID-GRANTOR``, ``PLAN-CONSENT-CHILD-TOO-YOUNG``: who may consent, as
the consent family decides it), and the two conditions both plan kinds apply with
their own rules: duplicate ids and a follow-up planned in time.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar

from anhorig import _checks
from anhorig.consent.grantors import CHILD_TOO_YOUNG, grantor_refusal
from anhorig.findings import Finding, Report, Rule, Severity
from anhorig.law import CONSENT_WAIVER, CONSENT_WAIVER_CHILD
from anhorig.people import Person
from anhorig.plans._common import (
    CONSENT_POLICY,
    ConsentOracle,
    ConsentPurpose,
    FollowUp,
    PlanConsent,
    add_months,
)
from anhorig.plans.rules._explained import EXPLAINED

__all__ = [
    "PLAN_CONSENT_CHILD_TOO_YOUNG",
    "PLAN_CONSENT_INVALID_GRANTOR",
    "Findings",
    "covered",
    "duplicates",
    "follow_up_in_time",
    "invalid_grantors",
    "plan_rule",
]

_T = TypeVar("_T")

_plans_rule = functools.partial(Rule.define, "plans")


def plan_rule(code: str, *args: Any, **kwargs: Any) -> Rule:
    """``Rule.define`` bound to the family ``plans``, with the texts
    :data:`~anhorig.plans.rules._explained.EXPLAINED` keeps for ``code`` (what is given
    here wins)."""
    return _plans_rule(code, *args, **{**EXPLAINED.get(code, {}), **kwargs})


class Findings:
    """Collects the findings of one check, made on ``on`` (*anmärkningar*)."""

    def __init__(self, on: date) -> None:
        self.on = on
        self.items: list[Finding] = []
        self._answers: dict[str, Any] = {}

    def once(self, question: str, answer: Callable[[], _T]) -> _T:
        """``answer()``, computed once per check: rules that ask the same ``question`` of
        the plan share what it costs to answer."""
        try:
            found: _T = self._answers[question]
        except KeyError:
            found = self._answers[question] = answer()
        return found

    def add(self, rule: Rule, path: str, **params: object) -> None:
        """A finding of ``rule`` at ``path``, citing the law in force on ``on``."""
        self.items.append(rule.finding(path, on=self.on, **params))

    def report(self) -> Report:
        """Every finding added, in the order added."""
        # Each item is a Finding that Rule.finding made: the Report's one check holds.
        return _checks.trusted(Report, findings=tuple(self.items))


def covered(
    subject: Person,
    purpose: ConsentPurpose,
    consents: Iterable[PlanConsent],
    on: date,
    oracle: ConsentOracle | None,
) -> bool:
    """Whether ``subject`` has consented to ``purpose`` on ``on``: asked of ``oracle``
    when one is given, else of the consents recorded in the plan."""
    if oracle is not None:
        return bool(oracle.covers(subject, purpose, on=on))
    return any(c.covers(subject, purpose, on=on) for c in consents)


# --- 7 (in 14 and 21): who may consent, as the consent family decides it ---------------
#
# The condition is consent's (``grantor_refusal``): the same law gives the same answer in
# both families. Each plan rule mirrors the consent rule that refuses, with its severity,
# law and DOMAIN number; the plans' codes stay the plans' own.

PLAN_CONSENT_INVALID_GRANTOR = plan_rule(
    "PLAN-CONSENT-INVALID-GRANTOR",
    Severity.ERROR,
    ("Samtycke lämnat av fel person", "Consent given by someone who cannot give it"),
    (
        "Samtycket {consent} för {subject} gäller inte: {why}. Bara personen själv, eller vårdnadshavare för ett barn, kan samtycka.",
        "Consent {consent} for {subject} is not valid: {why}. Only the person themself, or a custodian for a child, can consent.",
    ),
    law=(CONSENT_WAIVER, CONSENT_WAIVER_CHILD),
    sources=("socialstyrelsen-samtycke",),
    domain=(7, 14),
    applies_to=("SupportPlan | CoordinatedPlan",),
    condition=(
        "Ett samtycke i planen som är i kraft den dag som bedöms är lämnat av någon som inte kan samtycka för personen: inte personen själv, eller vårdnadshavare för någon som inte är barn den dagen (consent-familjens regel, grantor_refusal). Gäller både stödplan och SIP.",
        "A consent in the plan in force on the day judged was given by someone who cannot consent for its subject: not the person themself, or a custodian for someone who is not a child that day (the consent family's rule, grantor_refusal). Applies to both support plans and SIPs.",
    ),
    boundary=(
        "Vårdnadshavare räknas till dagen före 18-årsdagen; samtycken som inte är i kraft den dagen prövas inte.",
        "A custodian counts until the day before the 18th birthday; consents not in force that day are not judged.",
    ),
    fix=(
        "Inhämta samtycket från personen själv (grantor = self), eller från vårdnadshavaren för ett barn.",
        "Obtain the consent from the person themself (grantor = self), or from the custodian for a child.",
    ),
)
"""Consent's ``CONSENT-NO-AUTHORITY`` for a consent recorded in a plan."""

PLAN_CONSENT_CHILD_TOO_YOUNG = plan_rule(
    "PLAN-CONSENT-CHILD-TOO-YOUNG",
    Severity.ERROR,
    ("Barnet kan inte samtycka ensamt", "The child cannot consent alone"),
    (
        "Samtycket {consent} är barnets eget och gäller inte: {why}. Ett barn samtycker ensamt bara när det har mognad att bestämma själv; till dess samtycker vårdnadshavaren.",
        "Consent {consent} is the child's own and is not valid: {why}. A child consents alone only with the maturity to decide for themselves; until then the custodian consents.",
    ),
    law=(CONSENT_WAIVER_CHILD,),
    sources=("socialstyrelsen-samtycke",),
    domain=(7, 14),
)
"""Consent's ``CONSENT-CHILD-TOO-YOUNG`` for a consent recorded in a plan."""


def invalid_grantors(found: Findings, consents: tuple[PlanConsent, ...]) -> None:
    """Each consent in force whose grantor may not consent for its subject on the day,
    by consent's rule (with consent's default policy)."""
    for index, consent in enumerate(consents):
        if not consent.in_force_on(found.on):
            continue
        refusal = grantor_refusal(consent.grantor, consent.subject, found.on, CONSENT_POLICY)
        if refusal is None:
            continue
        refused_by, why = refusal
        found.add(
            PLAN_CONSENT_CHILD_TOO_YOUNG
            if refused_by is CHILD_TOO_YOUNG
            else PLAN_CONSENT_INVALID_GRANTOR,
            f"consents[{index}].grantor",
            consent=consent.id,
            subject=str(consent.subject),
            why=why,
        )


# --- conditions both plan kinds apply with their own rules -------------------------------


def duplicates(found: Findings, rule: Rule, part: str, ids: Iterable[str]) -> None:
    """``rule`` once for each id used more than once in ``part``."""
    ids = list(ids)
    if len(set(ids)) == len(ids):
        return
    counts = Counter(ids)
    for key, count in counts.items():
        if count > 1:
            found.add(rule, part, id=key, part=part)


def follow_up_in_time(
    found: Findings,
    follow_ups: tuple[FollowUp, ...],
    since: date,
    months: int,
    rules: tuple[Rule, Rule, Rule],
) -> None:
    """The earliest open follow-up is planned (``missing``), no later than ``months``
    after ``since`` or the last follow-up done (``too_late``), and not past due
    (``overdue``): ``rules`` is ``(missing, too_late, overdue)``."""
    missing, too_late, overdue = rules
    done = [f.done_on for f in follow_ups if f.done_on is not None]
    base = max([since, *done])
    limit = add_months(base, months)
    open_ones = sorted(
        ((f.due, i) for i, f in enumerate(follow_ups) if f.is_open), key=lambda t: (t[0], t[1])
    )
    if not open_ones:
        found.add(missing, "follow_ups", limit=limit)
        return
    due, index = open_ones[0]
    if due > limit:
        found.add(
            too_late, f"follow_ups[{index}].due", due=due, limit=limit, months=months, since=base
        )
    if due < found.on:
        found.add(overdue, f"follow_ups[{index}].due", due=due)
