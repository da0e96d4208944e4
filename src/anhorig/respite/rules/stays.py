"""Stays counted in dygn, and short-stay beds (DOMAIN.md 24, 29, 30).

A stay's length and a month's dygn are counted as the policy says (nights or calendar
days, 29); a stay at a short-stay unit takes a bed every night it covers, and an
emergency place too needs a bed (30).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from anhorig._calendar import (
    DAYS,
    date_at,
    day_index,
    day_midnight,
    local_dates,
)
from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Severity
from anhorig.language import mask_value
from anhorig.respite._index import amount_in, checked_midnight
from anhorig.respite._sweep import Lookup
from anhorig.respite.model import Booking, QuotaUnit, RespiteGrant
from anhorig.respite.policy import RespitePolicy
from anhorig.respite.rules._common import LOCAL, SEED, local_rule, respite_rule

__all__ = [
    "CONSECUTIVE",
    "CONSECUTIVE_GUIDELINE",
    "DYGN_PER_MONTH",
    "NO_BED",
    "RULES",
    "UNKNOWN_UNIT",
    "bed_findings",
    "consecutive_findings",
    "dygn_findings",
    "per_month_findings",
    "stay_dygn",
]

CONSECUTIVE = local_rule(
    "RESPITE-CONSECUTIVE",
    Severity.ERROR,
    ("För många dygn i följd", "Too many dygn in a row"),
    (
        "Vistelsen är {dygn} dygn; högst {limit} dygn i följd.",
        "The stay is {dygn} dygn; at most {limit} dygn in a row.",
    ),
    domain=(29,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "En dygnsvistelse är längre än max_consecutive_dygn (räknat som nätter eller kalenderdagar enligt dygn_count) och gränsen är strikt.",
        "A dygn stay is longer than max_consecutive_dygn (counted as nights or calendar days by dygn_count) and the limit is strict.",
    ),
    boundary=(
        "Exakt max_consecutive_dygn dygn är tillåtet; ett till slår till.",
        "Exactly max_consecutive_dygn dygn is allowed; one more fires.",
    ),
    fix=(
        "Dela vistelsen eller korta den till högst gränsen.",
        "Split or shorten the stay to at most the limit.",
    ),
)

CONSECUTIVE_GUIDELINE = local_rule(
    "RESPITE-CONSECUTIVE-GUIDELINE",
    Severity.WARNING,
    ("Längre än riktmärket", "Longer than the guideline"),
    (
        "Vistelsen är {dygn} dygn; i regel högst {limit} dygn.",
        "The stay is {dygn} dygn; as a rule at most {limit} dygn.",
    ),
    domain=(29,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Som RESPITE-CONSECUTIVE, men gränsen är ett riktmärke (consecutive_is_strict = false).",
        "As RESPITE-CONSECUTIVE, but the limit is a guideline (consecutive_is_strict = false).",
    ),
    boundary=(
        "Exakt max_consecutive_dygn dygn ger ingen varning; ett till gör det.",
        "Exactly max_consecutive_dygn dygn gives no warning; one more does.",
    ),
    fix=(
        "En varning: motivera den längre vistelsen, eller korta den.",
        "A warning: give the reason for the longer stay, or shorten it.",
    ),
)


def stay_dygn(policy: RespitePolicy, s: int, e: int) -> int:
    lo, hi = day_midnight(0), day_midnight(DAYS - 1)
    used, reserved = amount_in(QuotaUnit.DYGN, policy.dygn_count, s, e, lo, hi, s)
    return used + reserved


def consecutive_findings(
    policy: RespitePolicy, s: int, e: int, on: date, at: Callable[[str], str]
) -> list[Finding]:
    """More dygn in a row than the policy allows: an error, or a warning where the
    limit is a guideline."""
    dygn = stay_dygn(policy, s, e)
    limit = policy.max_consecutive_dygn
    if limit is None or dygn <= limit:
        return []
    rule = CONSECUTIVE if policy.consecutive_is_strict else CONSECUTIVE_GUIDELINE
    return [
        rule.finding(at("interval"), on=on, dygn=dygn, limit=limit, policy_source=policy.source)
    ]


DYGN_PER_MONTH = local_rule(
    "RESPITE-DYGN-PER-MONTH",
    Severity.ERROR,
    ("För många dygn i månaden", "Too many dygn in the month"),
    (
        "{month}: {dygn} dygn borta; högst {limit} dygn per månad.",
        "{month}: {dygn} dygn away; at most {limit} dygn a month.",
    ),
    domain=(24, 29),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Dygnen borta en kalendermånad, denna och tidigare bokningar för insatsen, blir fler än max_dygn_per_month.",
        "The dygn away in a calendar month, this and the grant's earlier bookings together, exceed max_dygn_per_month.",
    ),
    boundary=(
        "Exakt max_dygn_per_month dygn i månaden är tillåtet; ett till slår till. En vistelse över ett månadsskifte räknas i båda månaderna med sina egna dygn.",
        "Exactly max_dygn_per_month dygn in the month is allowed; one more fires. A stay over a month's end counts its own dygn in each month.",
    ),
    fix=(
        "Korta vistelsen eller flytta dygn till en annan månad.",
        "Shorten the stay or move dygn to another month.",
    ),
)


def per_month_findings(
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
    limit = policy.max_dygn_per_month
    assert limit is not None
    findings = []
    count = policy.dygn_count
    touched = local_dates(s, e)
    for day in touched:
        if day.day != 1 and day != touched[0]:
            continue  # one pass per calendar month the stay touches
        first = date(day.year, day.month, 1)
        after = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        lo, hi = checked_midnight(first), checked_midnight(after)
        total = sum(amount_in(QuotaUnit.DYGN, count, s, e, lo, hi, lo))
        total += ctx.month_dygn(grant, count, booking, lo, hi, k)
        if total > limit:
            findings.append(
                DYGN_PER_MONTH.finding(
                    at("interval"),
                    policy_source=policy.source,
                    on=on,
                    month=f"{first:%Y-%m}",
                    dygn=total,
                    limit=limit,
                )
            )
    return findings


def dygn_findings(
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
    """The dygn rules for a stay of a dygn grant: its length, then each month it touches."""
    findings = consecutive_findings(policy, s, e, on, at)
    if policy.max_dygn_per_month is not None:
        findings.extend(per_month_findings(ctx, grant, policy, booking, s, e, k, on, at))
    return findings


UNKNOWN_UNIT = respite_rule(
    "RESPITE-UNKNOWN-UNIT",
    Severity.ERROR,
    ("Okänd enhet", "Unknown unit"),
    (
        "Bokningen {booking} hänvisar till en enhet som inte finns: {unit}.",
        "Booking {booking} refers to a unit that does not exist: {unit}.",
    ),
    sources=LOCAL,
    domain=(30,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningens unit_id namnger ingen korttidsenhet i ledgern.",
        "The booking's unit_id names no short-stay unit in the ledger.",
    ),
    boundary=(
        "Utan unit_id prövas inga platser; ett id som inte finns exakt slår till.",
        "Without a unit_id no beds are judged; an id not present exactly fires.",
    ),
    fix=(
        "Ange en enhet som finns i ledgerns units, eller lägg till enheten.",
        "Give a unit in the ledger's units, or add the unit.",
    ),
)

NO_BED = respite_rule(
    "RESPITE-NO-BED",
    Severity.ERROR,
    ("Ingen ledig plats", "No free bed"),
    (
        "{unit} har inga lediga platser natten mot {next_day} ({beds} platser).",
        "{unit} has no free bed the night before {next_day} ({beds} beds).",
    ),
    sources=SEED,
    domain=(30,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "En natt som vistelsen omfattar är enhetens alla platser (beds) redan tagna av andra bokningar.",
        "On a night the stay covers, all the unit's beds are already taken by other bookings.",
    ),
    boundary=(
        "beds − 1 andra bokningar samma natt går bra; beds andra slår till. En natt räknas bara om vistelsen varar över midnatt.",
        "beds − 1 other bookings that night are fine; beds others fire. A night counts only if the stay lasts past midnight.",
    ),
    fix=(
        "Välj en annan natt eller enhet, eller avboka en annan vistelse.",
        "Choose another night or unit, or cancel another stay.",
    ),
)


def bed_findings(
    ctx: Lookup,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    if booking.unit_id is None:
        return []
    try:
        unit = ctx.ledger.unit(booking.unit_id)
    except InvalidInput:
        return [
            UNKNOWN_UNIT.finding(
                at("unit_id"), on=on, booking=booking.id, unit=mask_value(booking.unit_id)
            )
        ]
    findings = []
    i = day_index(s) + 1
    while day_midnight(i) < e:
        if ctx.occupied(unit.id, i - 1, k, booking.id) >= unit.beds:
            findings.append(
                NO_BED.finding(
                    at("unit_id"),
                    on=on,
                    unit=unit.name,
                    next_day=date_at(i),
                    beds=unit.beds,
                )
            )
        i += 1
    return findings


RULES = (CONSECUTIVE, CONSECUTIVE_GUIDELINE, DYGN_PER_MONTH, UNKNOWN_UNIT, NO_BED)
"""The rules on dygn and beds, in the catalogue's order."""
