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
    applies_to=("Ledger", "Booking"),
    condition=(
        "Riktlinjen kräver en lägsta ålder för den anhörige (min_carer_age) och den anhöriges ålder den dag som bedöms är lägre.",
        "The policy sets a minimum carer age (min_carer_age) and the carer's age on the day judged is lower.",
    ),
    boundary=(
        "Den dag den anhörige fyller min_carer_age är hen gammal nog; dagen före slår regeln till.",
        "On the birthday the carer turns min_carer_age they are old enough; the day before fires.",
    ),
    fix=(
        "Rätta födelsedatumet om det är fel; annars ges insatsen inte under kommunens villkor.",
        "Correct the birth date if wrong; otherwise the grant is not given under the municipality's terms.",
    ),
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
    applies_to=("Ledger", "Booking"),
    condition=(
        "Riktlinjen kräver att anhörig och närstående bor tillsammans (requires_living_together) och insatsens lives_together är false.",
        "The policy requires the carer and the person cared for to live together (requires_living_together) and the grant's lives_together is false.",
    ),
    boundary=(
        "Bara false slår till; okänt (null) ger i stället RESPITE-ELIGIBILITY-UNKNOWN.",
        "Only false fires; unknown (null) gives RESPITE-ELIGIBILITY-UNKNOWN instead.",
    ),
    fix=(
        "Rätta lives_together om det är fel; annars uppfyller insatsen inte kommunens villkor.",
        "Correct lives_together if wrong; otherwise the grant does not meet the municipality's terms.",
    ),
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
    applies_to=("Ledger", "Booking"),
    condition=(
        "Riktlinjen kräver en lägsta ålder för den närstående (min_cared_for_age) och hens ålder den dag som bedöms är lägre.",
        "The policy sets a minimum age for the person cared for (min_cared_for_age) and their age on the day judged is lower.",
    ),
    boundary=(
        "På den födelsedag då hen fyller min_cared_for_age räcker åldern; dagen före slår regeln till.",
        "On the birthday they turn min_cared_for_age the age is enough; the day before fires.",
    ),
    fix=(
        "Rätta födelsedatumet om det är fel; annars uppfyller insatsen inte kommunens villkor.",
        "Correct the birth date if wrong; otherwise the grant does not meet the municipality's terms.",
    ),
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
    applies_to=("Ledger", "Booking"),
    condition=(
        "Riktlinjen ställer ett villkor (anhörigs ålder, närståendes ålder, sammanboende) men uppgiften saknas: ingen anhörig eller inget födelsedatum, eller lives_together = null.",
        "The policy sets a condition (carer's age, cared-for person's age, living together) but the fact is missing: no carer or birth date, or lives_together = null.",
    ),
    boundary=(
        "En anmärkning per villkor som inte kan prövas; en känd uppgift, vilken som helst, tar bort den.",
        "One finding per condition that cannot be judged; any known value clears it.",
    ),
    fix=(
        "Ange den uppgift som saknas (carer med födelsedatum, cared_for.birth_date, lives_together).",
        "Record the missing fact (carer with a birth date, cared_for.birth_date, lives_together).",
    ),
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
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningen ligger i en tid då samma närstående har en annan insats som riktlinjen inte kombinerar med denna (not_combined_with, åt endera hållet).",
        "The booking lies in a time when the same person cared for has another grant the policy does not combine with this one (not_combined_with, either way).",
    ),
    boundary=(
        "Den andra insatsen räknas om dess giltighetstid överlappar bokningens dagar; slutar den dagen före bokningens första dag går det bra.",
        "The other grant counts if its validity overlaps the booking's days; ending the day before the booking's first day is fine.",
    ),
    fix=(
        "Avsluta den ena insatsen innan den andra börjar, eller boka utanför den andras giltighetstid.",
        "End one grant before the other starts, or book outside the other's validity.",
    ),
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
    findings: list[Finding] = []
    partners = ctx.partners(grant)
    if not partners:
        return findings
    first = local_date(epoch_seconds(booking.interval.start))
    last = last_local_date(booking.interval.end)
    for other in partners:
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
    applies_to=("RespiteGrant", "RespitePolicy"),
    condition=(
        "En insats utan behovsprövning (basis = without_needs_assessment) av ett slag som riktlinjen styr ger mer än riktlinjen tillåter utan beslut: mer än free_hours_without_decision timmar per månad, eller dygn eller en annan period, och den närstående är inte undantagen genom sin ålder.",
        "A grant without needs assessment (basis = without_needs_assessment) of a kind the policy governs gives more than the policy allows without a decision: more than free_hours_without_decision hours a month, or dygn, or another period, and the person cared for is not exempt by age.",
    ),
    boundary=(
        "Exakt free_hours_without_decision timmar per månad räcker; en timme till slår till. På den födelsedag den närstående fyller decision_exempt_from_age är hen undantagen.",
        "Exactly free_hours_without_decision hours a month is enough; one hour more fires. On the birthday the person turns decision_exempt_from_age they are exempt.",
    ),
    fix=(
        "Fatta ett biståndsbeslut (basis = decision), eller minska kvoten till det som ges utan behovsprövning.",
        "Make a decision (basis = decision), or reduce the quota to what is given without needs assessment.",
    ),
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
    applies_to=("RespiteGrant", "RespitePolicy"),
    condition=(
        "En insats utan biståndsbeslut (basis without_needs_assessment) av ett slag policyn styr, för en person vars åldersgrupp i without_decision_by_age har ett tak, är större än taket (samma enhet och period) och än free_hours_without_decision.",
        "A grant without a decision (basis without_needs_assessment) of a kind the policy governs, for a person whose age group in without_decision_by_age has a ceiling, is larger than that ceiling (same unit and period) and than free_hours_without_decision.",
    ),
    boundary=(
        "En insats lika stor som taket godtas; en timme mer slår till (Habo: 20 timmar i månaden från 75 år godtas, 21 inte). Åldern räknas den dag som bedöms.",
        "A grant equal to the ceiling passes; an hour more fires (Habo: 20 hours a month from 75 passes, 21 does not). The age is taken on the day judged.",
    ),
    fix=(
        "Fatta ett biståndsbeslut för insatsen (basis decision med beslutsreferens), eller minska den till taket.",
        "Make a needs-assessed decision for the grant (basis decision with its reference), or reduce it to the ceiling.",
    ),
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
