"""Rules on a grant: eligibility, combinations and the need for a decision (DOMAIN.md 32).

Eligibility and combination limits are local policy (carer 18 or older, living
together, no decision needed from 75, not combined with växelvård or day care). They
are judged for a grant on its own (:func:`check_grant`) and for a booking of it.
"""

from __future__ import annotations

from datetime import date, timedelta

from anhorig._calendar import local_date
from anhorig.findings import Finding, Report, Severity
from anhorig.language import Text
from anhorig.law import BISTAND, WITHOUT_NEEDS_ASSESSMENT
from anhorig.respite._sweep import Lookup, last_local_date
from anhorig.respite.ledger import Ledger
from anhorig.respite.model import Booking, GrantBasis, Quota, QuotaPeriod, QuotaUnit, RespiteGrant
from anhorig.respite.policy import RespitePolicy
from anhorig.respite.rules._common import judged_day, local_rule
from anhorig.time import epoch_seconds

__all__ = [
    "CARED_FOR_AGE",
    "CARER_AGE",
    "COMBINATION",
    "DECISION_CEILING",
    "DECISION_REQUIRED",
    "ELIGIBILITY_UNKNOWN",
    "LIVING_TOGETHER",
    "RULES",
    "check_grant",
    "combination_findings",
    "eligibility_findings",
    "grant_eligibility",
]

CARER_AGE = local_rule(
    "RESPITE-CARER-AGE",
    Severity.ERROR,
    ("Anhörig under åldersgränsen", "Carer below the age limit"),
    (
        "{carer} är {age} år; {municipality} kräver att anhörig är minst {limit} år.",
        "{carer} is {age}; {municipality} requires the carer to be at least {limit}.",
    ),
    domain=(32,),
)

LIVING_TOGETHER = local_rule(
    "RESPITE-LIVING-TOGETHER",
    Severity.ERROR,
    ("Inte sammanboende", "Not living together"),
    (
        "{municipality} kräver att anhörig och närstående bor tillsammans.",
        "{municipality} requires the carer and the person cared for to live together.",
    ),
    domain=(32,),
)

CARED_FOR_AGE = local_rule(
    "RESPITE-CARED-FOR-AGE",
    Severity.ERROR,
    ("Närstående under åldersgränsen", "Person cared for below the age limit"),
    (
        "{person} är {age} år; {municipality} kräver minst {limit} år.",
        "{person} is {age}; {municipality} requires at least {limit}.",
    ),
    domain=(32,),
)

ELIGIBILITY_UNKNOWN = local_rule(
    "RESPITE-ELIGIBILITY-UNKNOWN",
    Severity.WARNING,
    ("Villkor kan inte prövas", "A condition cannot be checked"),
    (
        "{municipality} ställer villkoret {condition}, men uppgiften saknas.",
        "{municipality} sets the condition {condition}, but the fact is not recorded.",
    ),
    domain=(32,),
)


def grant_eligibility(
    grant: RespiteGrant, policy: RespitePolicy, on: date, path: str
) -> list[Finding]:
    findings = []
    municipality = policy.municipality

    def unknown(condition_sv: str, condition_en: str) -> None:
        findings.append(
            ELIGIBILITY_UNKNOWN.finding(
                path,
                on=on,
                policy_source=policy.source,
                municipality=municipality,
                condition=Text(sv=condition_sv, en=condition_en),
            )
        )

    if policy.min_carer_age is not None:
        carer = grant.carer
        if carer is None or carer.birth_date is None:
            unknown(
                f"anhörig minst {policy.min_carer_age} år", f"carer at least {policy.min_carer_age}"
            )
        elif carer.age_on(on) < policy.min_carer_age:
            findings.append(
                CARER_AGE.finding(
                    path,
                    on=on,
                    policy_source=policy.source,
                    carer=str(carer),
                    age=carer.age_on(on),
                    limit=policy.min_carer_age,
                    municipality=municipality,
                )
            )
    if policy.requires_living_together:
        if grant.lives_together is None:
            unknown("sammanboende", "living together")
        elif not grant.lives_together:
            findings.append(
                LIVING_TOGETHER.finding(
                    path, on=on, municipality=municipality, policy_source=policy.source
                )
            )
    if policy.min_cared_for_age is not None:
        person = grant.cared_for
        if person.birth_date is None:
            unknown(
                f"närstående minst {policy.min_cared_for_age} år",
                f"person cared for at least {policy.min_cared_for_age}",
            )
        elif person.age_on(on) < policy.min_cared_for_age:
            findings.append(
                CARED_FOR_AGE.finding(
                    path,
                    on=on,
                    policy_source=policy.source,
                    person=str(person),
                    age=person.age_on(on),
                    limit=policy.min_cared_for_age,
                    municipality=municipality,
                )
            )
    return findings


def eligibility_findings(
    ledger: Ledger, grant: RespiteGrant, policy: RespitePolicy, on: date, path: str
) -> list[Finding]:
    return grant_eligibility(grant, policy, on, path) if ledger.governed(grant.kind) else []


COMBINATION = local_rule(
    "RESPITE-COMBINATION",
    Severity.ERROR,
    ("Insatser som inte kombineras", "Kinds that are not combined"),
    (
        "{kind} kombineras inte med {other} ({grant}) i {municipality}.",
        "{municipality} does not combine {kind} with {other} ({grant}).",
    ),
    domain=(32,),
)


def combination_findings(
    ctx: Lookup,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    on: date,
    path: str,
) -> list[Finding]:
    ledger = ctx.ledger
    findings = []
    first = local_date(epoch_seconds(booking.interval.start))
    last = last_local_date(booking.interval.end)
    for other in ctx.partners(grant):
        if other.id == grant.id or not other.validity.overlaps(
            type(other.validity)(first, last + timedelta(days=1))
        ):
            continue
        if ledger.forbids(grant.kind, other.kind):
            other_policy = ledger.policy_for(other.kind)
            rule_owner = policy if other.kind in policy.not_combined_with else other_policy
            findings.append(
                COMBINATION.finding(
                    path,
                    on=on,
                    kind=grant.kind.text,
                    other=other.kind.text,
                    grant=other.id,
                    municipality=rule_owner.municipality,
                    policy_source=rule_owner.source,
                )
            )
    return findings


DECISION_REQUIRED = local_rule(
    "RESPITE-DECISION-REQUIRED",
    Severity.ERROR,
    ("Biståndsbeslut krävs", "A decision is required"),
    (
        "{quota} utan beslut går utöver vad {municipality} ger utan behovsprövning ({free}).",
        "{quota} without a decision goes beyond what {municipality} gives without a needs "
        "assessment ({free}).",
    ),
    law=(WITHOUT_NEEDS_ASSESSMENT, BISTAND),
    domain=(32,),
)


DECISION_CEILING = local_rule(
    "RESPITE-DECISION-CEILING",
    Severity.ERROR,
    ("Mer än vad som ges utan beslut", "More than is granted without a decision"),
    (
        "{person} är {age} år; {municipality} ger utan biståndsbeslut {ceiling}, men insatsen "
        "är {quota}.",
        "{person} is {age}; {municipality} grants {ceiling} without a decision, but the grant "
        "is {quota}.",
    ),
    law=(WITHOUT_NEEDS_ASSESSMENT, BISTAND),
    domain=(32,),
)


def _within(quota: Quota, ceiling: Quota) -> bool:
    """Whether ``quota`` is at most ``ceiling``: the same unit and period, no more."""
    return (
        quota.unit is ceiling.unit and quota.per is ceiling.per and quota.amount <= ceiling.amount
    )


def check_grant(grant: RespiteGrant, policy: RespitePolicy, *, on: date, path: str = "$") -> Report:
    """Findings about ``grant`` under ``policy`` on ``on``: eligibility and whether it
    needs a decision.

    A grant without a decision is in order within the hours everyone gets without one
    (``free_hours_without_decision``) or within the ceiling of the person's age group
    (:meth:`~anhorig.respite.policy.RespitePolicy.age_ceiling`); beyond both it needs a
    decision: ``RESPITE-DECISION-CEILING`` when an age group applies, else
    ``RESPITE-DECISION-REQUIRED``."""
    judged_day(on)
    findings = grant_eligibility(grant, policy, on, path if path != "$" else "$")
    if grant.basis is GrantBasis.WITHOUT_NEEDS_ASSESSMENT and policy.governs(grant.kind):
        person = grant.cared_for
        age = person.age_on(on) if person.birth_date is not None else None
        group = policy.age_ceiling(age) if age is not None else None
        quota = grant.quota
        within_free = _within(
            quota,
            Quota(
                amount=policy.free_hours_without_decision,
                unit=QuotaUnit.HOURS,
                per=QuotaPeriod.MONTH,
            ),
        )
        within_age = group is not None and _within(quota, group.ceiling)
        if group is not None and not within_free and not within_age:
            findings.append(
                DECISION_CEILING.finding(
                    "basis" if path == "$" else f"{path}.basis",
                    on=on,
                    policy_source=policy.source,
                    person=str(person),
                    age=age,
                    municipality=policy.municipality,
                    ceiling=Text(sv=group.describe("sv"), en=group.describe("en")),
                    quota=Text(sv=quota.describe("sv"), en=quota.describe("en")),
                )
            )
        elif not within_free and not within_age:
            free = (
                Text(
                    sv=f"{policy.free_hours_without_decision} timmar per månad",
                    en=f"{policy.free_hours_without_decision} hours per month",
                )
                if policy.free_hours_without_decision
                else Text(sv="inget", en="nothing")
            )
            findings.append(
                DECISION_REQUIRED.finding(
                    "basis" if path == "$" else f"{path}.basis",
                    on=on,
                    policy_source=policy.source,
                    quota=Text(sv=quota.describe("sv"), en=quota.describe("en")),
                    municipality=policy.municipality,
                    free=free,
                )
            )
    return Report(tuple(findings))


RULES = (
    CARER_AGE,
    LIVING_TOGETHER,
    CARED_FOR_AGE,
    ELIGIBILITY_UNKNOWN,
    COMBINATION,
    DECISION_REQUIRED,
    DECISION_CEILING,
)
"""The rules on grants, in the catalogue's order."""
