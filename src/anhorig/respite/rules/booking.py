"""Rules on one booking: its grant, provider, validity, notice, overlaps and staff.

:func:`booking_findings` judges a booking in the rules' order, asking the topic
modules for the quota (:mod:`~anhorig.respite.rules.quota`), the days and hours
(:mod:`~anhorig.respite.rules.hours`), dygn and beds
(:mod:`~anhorig.respite.rules.stays`) and the grant
(:mod:`~anhorig.respite.rules.grant`); the rules of the booking itself stand here,
each above the condition that finds it (DOMAIN.md 24, 25, 31).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from anhorig._calendar import local_date
from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Severity
from anhorig.law import BISTAND
from anhorig.organisations import ProviderKind
from anhorig.respite._index import checked_midnight
from anhorig.respite._sweep import Lookup
from anhorig.respite.ledger import Ledger
from anhorig.respite.model import Booking, QuotaUnit, RespiteGrant, RespiteKind
from anhorig.respite.policy import RespitePolicy
from anhorig.respite.rules._common import (
    CARER_SUPPORT_DUTY,
    LOCAL,
    SEED,
    local_rule,
    respite_rule,
)
from anhorig.respite.rules.grant import combination_findings, eligibility_findings
from anhorig.respite.rules.hours import window_findings
from anhorig.respite.rules.quota import quota_findings
from anhorig.respite.rules.stays import bed_findings, dygn_findings
from anhorig.time import HOLIDAY_YEARS

__all__ = [
    "CONTINUITY",
    "NOTICE",
    "OUTSIDE_VALIDITY",
    "OVERLAP",
    "SHORT_NOTICE",
    "UNKNOWN_GRANT",
    "VOLUNTEER",
    "booking_findings",
    "continuity_findings",
    "notice_findings",
    "overlap_findings",
    "validity_findings",
    "volunteer_findings",
]

# Read for every booking judged: an enum member through its class costs a lookup each time.
_VOLUNTARY = ProviderKind.VOLUNTARY_ORGANISATION
_EMERGENCY = RespiteKind.EMERGENCY
_HOURS = QuotaUnit.HOURS

UNKNOWN_GRANT = respite_rule(
    "RESPITE-UNKNOWN-GRANT",
    Severity.ERROR,
    ("Okänd insats", "Unknown grant"),
    (
        "Bokningen {booking} hänvisar till en insats som inte finns: {grant}.",
        "Booking {booking} refers to a grant that does not exist: {grant}.",
    ),
    sources=LOCAL,
    domain=(24,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningens grant_id namnger ingen insats (RespiteGrant) i ledgern.",
        "The booking's grant_id names no grant (RespiteGrant) in the ledger.",
    ),
    boundary=(
        "Id:n jämförs exakt, tecken för tecken; inga andra regler prövas för bokningen.",
        "Ids are compared exactly, character by character; no other rule is judged for the booking.",
    ),
    fix=(
        "Ange id för en insats som finns i ledgern, eller lägg till insatsen.",
        "Give the id of a grant in the ledger, or add the grant.",
    ),
)

# Found first, by booking_findings: without its grant nothing else can be judged.


VOLUNTEER = respite_rule(
    "RESPITE-VOLUNTEER",
    Severity.ERROR,
    ("Frivilliga är inte kommunens avlösning", "Volunteers are not the municipality's respite"),
    (
        "{provider} är en frivilligorganisation; det får inte räknas eller presenteras som "
        "kommunens avlösning.",
        "{provider} is a volunteer organisation; it must not be counted or presented as the "
        "municipality's respite.",
    ),
    law=CARER_SUPPORT_DUTY,
    sources=SEED,
    domain=(24,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningens utförare (provider.kind) är en frivilligorganisation (voluntary_organisation).",
        "The booking's provider is a volunteer organisation (provider.kind = voluntary_organisation).",
    ),
    boundary=(
        "Varje annan utförartyp (kommunal, privat, regional) går igenom; vad utföraren heter spelar ingen roll.",
        "Any other provider kind (municipal, private, regional) passes; the provider's name plays no part.",
    ),
    fix=(
        "Låt kommunen eller en upphandlad utförare ge avlösningen; frivilligas insats dokumenteras utanför ledgern.",
        "Have the municipality or a contracted provider give the respite; record volunteers' help outside the ledger.",
    ),
)


def volunteer_findings(booking: Booking, on: date, at: Callable[[str], str]) -> list[Finding]:
    """A volunteer organisation named as the provider."""
    if booking.provider.kind is not _VOLUNTARY:
        return []
    return [VOLUNTEER.finding(at("provider.kind"), on=on, provider=booking.provider.name)]


OUTSIDE_VALIDITY = respite_rule(
    "RESPITE-OUTSIDE-VALIDITY",
    Severity.ERROR,
    ("Utanför beslutets giltighetstid", "Outside the grant's validity"),
    (
        "Bokningen {booking} ligger utanför insatsens giltighetstid {first}–{last}.",
        "Booking {booking} lies outside the grant's validity {first}–{last}.",
    ),
    law=(BISTAND,),
    domain=(24,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningens intervall börjar före midnatt (Stockholm) den dag insatsen börjar gälla eller slutar efter midnatt den dag den slutar gälla (validity.end, första dagen den inte gäller).",
        "The booking's interval starts before midnight (Stockholm) of the grant's first day or ends after midnight of validity.end (the first day it no longer holds).",
    ),
    boundary=(
        "En bokning som slutar precis vid midnatt till validity.end ryms; en sekund senare slår regeln till.",
        "A booking ending exactly at midnight starting validity.end fits; one second later fires.",
    ),
    fix=(
        "Lägg bokningen inom insatsens giltighetstid, eller förläng beslutet först.",
        "Place the booking within the grant's validity, or extend the decision first.",
    ),
)


def validity_findings(
    grant: RespiteGrant, booking: Booking, s: int, e: int, on: date, at: Callable[[str], str]
) -> list[Finding]:
    """A booking reaching before or after the grant's validity."""
    validity = grant.validity
    assert validity.end is not None
    lo, hi = _window(validity.start, validity.end)
    if s < lo or e > hi:
        return [
            OUTSIDE_VALIDITY.finding(
                at("interval"), on=on, booking=booking.id, first=validity.start, last=validity.last
            )
        ]
    return []


@functools.lru_cache(maxsize=1024)
def _window(start: date, end: date) -> tuple[int, int]:
    """The validity from ``start`` to ``end`` as epoch seconds of their midnights."""
    return checked_midnight(start), checked_midnight(end)


NOTICE = local_rule(
    "RESPITE-NOTICE",
    Severity.ERROR,
    ("För kort varsel", "Too short notice"),
    (
        "Bokningen gjordes med {given} {unit} varsel; {municipality} kräver {needed}.",
        "The booking was made with {given} {unit} notice; {municipality} asks for {needed}.",
    ),
    sources=(*SEED, *LOCAL),
    domain=(25,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Kommunens riktlinje kräver varsel (notice) och bokningen gjordes med färre dagar (arbetsdagar eller kalenderdagar enligt notice_unit) från made_at till starten, och årets ram för kort varsel är förbrukad. Gäller inte akut avlösning.",
        "The policy asks for notice and the booking was made with fewer days (working or calendar days, by notice_unit) from made_at to its start, and the year's short-notice allowance is used up. Not for emergency respite.",
    ),
    boundary=(
        "Varsel på exakt notice dagar räcker; notice − 1 slår till. Arbetsdagar räknas utan helger, helgdagar och aftnar, från dagen made_at till startdagen.",
        "Notice of exactly notice days is enough; notice − 1 fires. Working days leave out weekends, public holidays and the eves, counted from made_at's day to the start day.",
    ),
    fix=(
        "Boka tidigare (made_at minst notice dagar före starten), flytta starten, eller ge kortare varsel inom short_notice_allowance.",
        "Book earlier (made_at at least notice days before the start), move the start, or use the short-notice allowance.",
    ),
)

SHORT_NOTICE = local_rule(
    "RESPITE-SHORT-NOTICE",
    Severity.INFO,
    ("Kort varsel inom ramen", "Short notice within the allowance"),
    (
        "Bokningen gjordes med kort varsel; {left} av {allowed} bokningar med kort varsel "
        "återstår {year}.",
        "The booking was made at short notice; {left} of {allowed} short-notice bookings "
        "are left in {year}.",
    ),
    sources=(*SEED, *LOCAL),
    domain=(25,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningen gjordes med kortare varsel än riktlinjen kräver, men årets ram för kort varsel (short_notice_allowance) räcker: bokningen godtas.",
        "The booking was made with less notice than the policy asks, but the year's short-notice allowance (short_notice_allowance) covers it: it is accepted.",
    ),
    boundary=(
        "Ramen räknas per kalenderår (made_at:s år) och insats; den sista bokningen inom ramen ger denna info, nästa ger RESPITE-NOTICE.",
        "The allowance is counted per calendar year (made_at's year) and grant; the last booking within it gives this info, the next gives RESPITE-NOTICE.",
    ),
    fix=(
        "Inget att rätta; boka med fullt varsel för att spara ramen.",
        "Nothing to correct; book with full notice to keep the allowance.",
    ),
)


def notice_findings(
    ctx: Lookup,
    grant: RespiteGrant,
    policy: RespitePolicy,
    booking: Booking,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    """Less notice than the policy asks: covered by the short-notice allowance while some
    is left that year (info), else refused."""
    if not policy.notice:
        return []
    given = ctx.notice(booking, policy, k)
    if given >= policy.notice:
        return []
    year = local_date(ctx.made(booking, k)).year
    used = ctx.short_notice_used(grant, policy, year, k, booking.id)
    if used < policy.short_notice_allowance:
        return [
            SHORT_NOTICE.finding(
                at("made_at"),
                on=on,
                policy_source=policy.source,
                left=policy.short_notice_allowance - used - 1,
                allowed=policy.short_notice_allowance,
                year=year,
            )
        ]
    return [
        NOTICE.finding(
            at("made_at"),
            on=on,
            policy_source=policy.source,
            given=given,
            needed=policy.notice,
            unit=policy.notice_unit.text,
            municipality=policy.municipality,
        )
    ]


OVERLAP = local_rule(
    "RESPITE-OVERLAP",
    Severity.ERROR,
    ("Överlappande bokningar", "Overlapping bookings"),
    (
        "Bokningen {booking} överlappar bokningen {other} för samma person.",
        "Booking {booking} overlaps booking {other} for the same person.",
    ),
    domain=(31,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Bokningen överlappar en tidigare (ej avbokad) bokning för samma närstående.",
        "The booking overlaps an earlier (not cancelled) booking for the same person cared for.",
    ),
    boundary=(
        "Intervallen är halvöppna: en bokning som börjar precis när en annan slutar överlappar inte; en sekund tidigare gör den det.",
        "Intervals are half-open: a booking starting exactly when another ends does not overlap; one second earlier does.",
    ),
    fix=(
        "Flytta eller korta en av bokningarna, eller avboka den andra.",
        "Move or shorten one of the bookings, or cancel the other.",
    ),
)


def overlap_findings(
    ctx: Lookup,
    grant: RespiteGrant,
    booking: Booking,
    s: int,
    e: int,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    """Each earlier booking for the same person that overlaps this one."""
    others = ctx.overlapping(grant, booking, s, e, k)
    if not others:
        return []
    source = ctx.ledger.policy_for(grant.kind).source
    return [
        OVERLAP.finding(
            at("interval"), on=on, booking=booking.id, other=other, policy_source=source
        )
        for other in others
    ]


CONTINUITY = respite_rule(
    "RESPITE-CONTINUITY",
    Severity.INFO,
    ("Kontinuitet i personalen", "Continuity of staff"),
    (
        "Familjen har tidigare önskat {staff}; bokningen {booking} nämner ingen av dem.",
        "The family has asked for {staff} before; booking {booking} names none of them.",
    ),
    sources=("seed-004", "seed-001"),
    domain=(),
    applies_to=("Ledger", "Booking"),
    condition=(
        "Familjen har i tidigare bokningar för insatsen önskat viss personal (preferred_staff) och den här bokningen nämner ingen av dem.",
        "The family asked for certain staff (preferred_staff) in earlier bookings of the grant and this booking names none of them.",
    ),
    boundary=(
        "Ett enda gemensamt namn räcker; utan tidigare önskemål slår regeln aldrig till.",
        "One name in common is enough; without earlier wishes it never fires.",
    ),
    fix=(
        "Ange någon av den önskade personalen i preferred_staff, om det går.",
        "Name one of the staff asked for in preferred_staff, where possible.",
    ),
)


def continuity_findings(
    ctx: Lookup,
    grant: RespiteGrant,
    booking: Booking,
    k: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    asked = ctx.staff_asked(grant, booking, k)
    if not asked or not asked.isdisjoint(booking.preferred_staff):
        return []
    return [
        CONTINUITY.finding(at("preferred_staff"), on=on, staff=_names(asked), booking=booking.id)
    ]


@functools.lru_cache(maxsize=256)
def _names(staff: frozenset[str]) -> str:
    """The staff asked for, as the message lists them: sorted, comma-separated."""
    return ", ".join(sorted(staff))


def booking_findings(
    ledger: Ledger,
    booking: Booking,
    on: date,
    k: int,
    path: str,
    ctx: Lookup,
    *,
    eligibility: bool = True,
) -> list[Finding]:
    """Every finding about ``booking`` judged against the entries before ``k``, as
    ``ctx`` answers for them, in the rules' order."""

    def at(field: str) -> str:
        return f"{path}.{field}" if path != "$" else field

    try:
        grant = ledger.grant(booking.grant_id)
    except InvalidInput:
        return [
            UNKNOWN_GRANT.finding(at("grant_id"), on=on, booking=booking.id, grant=booking.grant_id)
        ]
    policy = ledger.policy_for(grant.kind)
    s, e = ctx.span(booking, k)
    emergency = grant.kind is _EMERGENCY

    findings = volunteer_findings(booking, on, at)
    findings.extend(validity_findings(grant, booking, s, e, on, at))
    if not emergency:
        try:
            findings.extend(notice_findings(ctx, grant, policy, booking, k, on, at))
        except InvalidInput as err:  # working days of a year not known (HOLIDAY_YEARS)
            known = local_date(ctx.made(booking, k)).year in HOLIDAY_YEARS
            raise err.under(at("interval" if known else "made_at")) from None
        findings.extend(quota_findings(ctx, grant, policy, booking, s, e, k, on, at))
    findings.extend(overlap_findings(ctx, grant, booking, s, e, k, on, at))
    if grant.quota.unit is _HOURS:
        try:
            findings.extend(window_findings(policy, booking, s, e, on, at))
        except InvalidInput as err:  # holidays of a year not known (HOLIDAY_YEARS)
            raise err.under(at("interval")) from None
    else:
        findings.extend(dygn_findings(ctx, grant, policy, booking, s, e, k, on, at))
    findings.extend(continuity_findings(ctx, grant, booking, k, on, at))
    if eligibility:
        findings.extend(eligibility_findings(ledger, grant, policy, on, at("grant_id")))
    findings.extend(combination_findings(ctx, grant, policy, booking, on, at("grant_id")))
    findings.extend(bed_findings(ctx, booking, s, e, k, on, at))
    return findings
