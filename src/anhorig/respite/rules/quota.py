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
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningen tillsammans med tidigare bokningar för insatsen går över kvoten (periodens belopp, proportionerat och med överfört saldo enligt riktlinjen) och riktlinjen vägrar tid utöver kvoten (overage = refuse). Gäller inte akut avlösning.",
        "The booking together with the grant's earlier bookings goes over the quota (the period's amount, prorated and with carry-over as the policy says) and the policy refuses time beyond it (overage = refuse). Not for emergency respite.",
    ),
    boundary=(
        "Att använda exakt hela kvoten är tillåtet; en sekund (eller ett dygn) till slår till. Avbokningar före gränsen för sen avbokning räknas inte.",
        "Using exactly the whole quota is allowed; one second (or dygn) more fires. Cancellations before the late-cancellation limit do not count.",
    ),
    fix=(
        "Korta bokningen, flytta den till en period med kvar av kvoten, eller fatta ett nytt beslut med större kvot.",
        "Shorten the booking, move it to a period with quota left, or decide a larger quota.",
    ),
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
    applies_to=("Ledger", "Booking"),
    condition=(
        "Som RESPITE-OVER-QUOTA, men riktlinjen tar betalt för tid utöver kvoten (overage = charge) i stället för att vägra.",
        "As RESPITE-OVER-QUOTA, but the policy charges for time beyond the quota (overage = charge) instead of refusing it.",
    ),
    boundary=(
        "Exakt hela kvoten debiteras inte; varje sekund (eller dygn) över den gör det.",
        "Exactly the whole quota is not charged; every second (or dygn) over it is.",
    ),
    fix=(
        "En varning: tala om för familjen att tiden utöver kvoten debiteras enligt hemtjänsttaxan, eller korta bokningen.",
        "A warning: tell the family the time beyond the quota is charged at the home-help rate, or shorten the booking.",
    ),
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
    added = ctx.quota_added(grant, policy, booking, s, e, k)
    if not added:
        return []
    rule = OVERAGE_CHARGED if policy.overage is Overage.CHARGE else OVER_QUOTA
    return [
        rule.finding(
            at("interval"),
            on=on,
            policy_source=policy.source,
            over=format_amount(amount, grant.quota.unit),
            first=period.start,
            last=period.last,
        )
        for period, amount in added
    ]


RULES = (OVER_QUOTA, OVERAGE_CHARGED)
"""The quota rules, in the catalogue's order."""
