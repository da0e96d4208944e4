"""The quota: a booking must not go beyond what the grant gives (DOMAIN.md 26–28).

A quota period's amount is prorated and carried over by policy (26, 27); time beyond
it is refused or charged, by policy (28). What a booking adds beyond the quota is
worked out by the reading the check uses (:mod:`anhorig.respite._sweep`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from anhorig.findings import Finding, Severity
from anhorig.respite._sweep import Lookup
from anhorig.respite.ledger import format_amount
from anhorig.respite.model import Booking, RespiteGrant
from anhorig.respite.policy import Overage, RespitePolicy
from anhorig.respite.rules._common import local_rule

__all__ = ["OVERAGE_CHARGED", "OVER_QUOTA", "RULES", "quota_findings"]

OVER_QUOTA = local_rule(
    "RESPITE-OVER-QUOTA",
    Severity.ERROR,
    ("Över kvoten", "Over the quota"),
    (
        "Bokningen går {over} över kvoten för {first}–{last}.",
        "The booking goes {over} over the quota for {first}–{last}.",
    ),
    domain=(26, 27, 28),
)

OVERAGE_CHARGED = local_rule(
    "RESPITE-OVERAGE-CHARGED",
    Severity.WARNING,
    ("Tid utöver kvoten debiteras", "Time beyond the quota is charged"),
    (
        "Bokningen går {over} över kvoten för {first}–{last}; det debiteras enligt hemtjänsttaxan.",
        "The booking goes {over} over the quota for {first}–{last}; that is charged at the "
        "home-help rate.",
    ),
    domain=(26, 27, 28),
)


def quota_findings(
    ctx: Lookup,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    rule = OVERAGE_CHARGED if policy.overage is Overage.CHARGE else OVER_QUOTA
    return [
        rule.finding(
            at("interval"),
            on=on,
            policy_source=policy.source,
            over=format_amount(added, grant.quota.unit),
            first=period.start,
            last=period.last,
        )
        for period, added in ctx.quota_added(grant, policy, booking, s, e, k)
    ]


RULES = (OVER_QUOTA, OVERAGE_CHARGED)
"""The quota rules, in the catalogue's order."""
