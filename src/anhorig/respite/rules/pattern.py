"""Växelvård's rhythm: time away should not exceed time at home (DOMAIN.md 29).

Judged of the pattern itself (:func:`check_pattern`), before any stay is booked, and of
the stays actually booked (:func:`booked_rhythm_findings`, part of ``check(ledger)``):
a stay and the time at home before it, since the person's previous stay left.

Booked time is counted in nights, so that daylight saving does not tip the balance: a
night (a local midnight) inside a stay is a night away, every other night between two
stays a night at home. A stay arriving 14:00 and leaving 12:00 fourteen days later is 14
nights away; fourteen days at home before it are 14 nights; equal is in order.
"""

from __future__ import annotations

import itertools
from datetime import date
from typing import Protocol

from anhorig._calendar import day_index, day_midnight
from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Report, Severity
from anhorig.people import Person
from anhorig.respite.ledger import Ledger
from anhorig.respite.model import Booking
from anhorig.respite.policy import RespitePolicy
from anhorig.respite.rules._common import local_rule

__all__ = [
    "AWAY_EXCEEDS_HOME",
    "BOOKED_AWAY_EXCEEDS_HOME",
    "RULES",
    "Rhythm",
    "booked_rhythm_findings",
    "check_pattern",
    "nights_at_home",
    "nights_away",
]


class Rhythm(Protocol):
    """Days at home and days away in one round (an
    :class:`~anhorig.respite.patterns.AlternatingPattern`)."""

    @property
    def home_days(self) -> int: ...

    @property
    def away_days(self) -> int: ...


AWAY_EXCEEDS_HOME = local_rule(
    "RESPITE-AWAY-EXCEEDS-HOME",
    Severity.WARNING,
    ("Mer tid borta än hemma", "More time away than at home"),
    (
        "Växelvården ger {away} dagar borta mot {home} hemma; {municipality} vill att tiden "
        "borta inte överstiger tiden hemma.",
        "The pattern gives {away} days away against {home} at home; {municipality} wants "
        "time away not to exceed time at home.",
    ),
    domain=(29,),
    applies_to=("AlternatingPattern", "RespitePolicy"),
    condition=(
        "Riktlinjen vill att tiden borta inte överstiger tiden hemma (away_not_longer_than_home) och växelvårdens rytm ger fler dagar borta än hemma.",
        "The policy wants time away not to exceed time at home (away_not_longer_than_home) and the växelvård rhythm gives more days away than at home.",
    ),
    boundary=(
        "Lika många dagar borta som hemma går bra; en dag till borta slår till.",
        "As many days away as at home is fine; one more day away fires.",
    ),
    fix=(
        "Ändra rytmen så att dagarna borta är högst lika många som dagarna hemma.",
        "Change the rhythm so that days away are at most as many as days at home.",
    ),
)


def check_pattern(pattern: Rhythm, policy: RespitePolicy, *, on: date) -> Report:
    """Findings about the rhythm itself under ``policy`` (Högsby: away not longer than home)."""
    if policy.away_not_longer_than_home and pattern.away_days > pattern.home_days:
        return Report(
            (
                AWAY_EXCEEDS_HOME.finding(
                    "away_days",
                    on=on,
                    policy_source=policy.source,
                    away=pattern.away_days,
                    home=pattern.home_days,
                    municipality=policy.municipality,
                ),
            )
        )
    return Report()


BOOKED_AWAY_EXCEEDS_HOME = local_rule(
    "RESPITE-BOOKED-AWAY-EXCEEDS-HOME",
    Severity.WARNING,
    ("Mer tid borta än hemma i det bokade", "More time away than at home in the stays booked"),
    (
        "Vistelsen {booking} är {away} nätter borta efter {home} nätter hemma; {municipality} "
        "vill att tiden borta inte överstiger tiden hemma.",
        "Stay {booking} is {away} nights away after {home} nights at home; {municipality} "
        "wants time away not to exceed time at home.",
    ),
    domain=(29,),
    applies_to=("Ledger",),
    condition=(
        "Under en policy som vill att tiden borta inte överstiger tiden hemma har en bokad vistelse fler nätter borta än nätterna hemma sedan samma persons föregående vistelse.",
        "Under a policy that wants time away not to exceed time at home, a booked stay has more nights away than the nights at home since the same person's previous stay.",
    ),
    boundary=(
        "Lika många nätter borta som hemma godtas; en natt mer slår till. Nätter räknas som lokala midnätter, så omställningen till sommartid ändrar inget.",
        "As many nights away as at home passes; one night more fires. Nights are counted as local midnights, so the clock change alters nothing.",
    ),
    fix=(
        "Korta vistelsen eller flytta den så att tiden hemma före den är minst lika lång.",
        "Shorten the stay or move it so that the time at home before it is at least as long.",
    ),
)


def nights_away(s: int, e: int) -> int:
    """Local midnights strictly inside the stay ``[s, e)`` (epoch seconds)."""
    first = day_index(s) + 1
    last = day_index(e)
    if day_midnight(last) == e:
        last -= 1
    return max(0, last - first + 1)


def nights_at_home(left: int, arrives: int) -> int:
    """Local midnights from a stay's leaving at ``left`` to the next arriving at
    ``arrives``, both included: the nights inside neither stay."""
    first = day_index(left)
    if day_midnight(first) != left:
        first += 1
    return max(0, day_index(arrives) - first + 1)


def booked_rhythm_findings(ledger: Ledger, on: date) -> list[Finding]:
    """Each active stay longer, in nights, than the time at home since the same person's
    previous stay, among the stays of kinds whose policy wants time away not to exceed
    time at home (Högsby). The first stay has no time at home before it in the ledger
    and is not judged; overlapping stays are ``RESPITE-OVERLAP``'s."""
    stays: dict[Person, list[tuple[int, int, int, Booking, RespitePolicy]]] = {}
    if not any(
        ledger.governed(grant.kind) and ledger.policy_for(grant.kind).away_not_longer_than_home
        for grant in ledger.grants
    ):
        return []  # no policy of the ledger's grants asks it: no pass over the entries
    for seq, entry in enumerate(ledger.entries):
        if not isinstance(entry, Booking) or not ledger.is_active(seq):
            continue
        try:
            grant = ledger.grant(entry.grant_id)
        except InvalidInput:
            continue
        policy = ledger.policy_for(grant.kind)
        if ledger.governed(grant.kind) and policy.away_not_longer_than_home:
            s, e = ledger.span(seq)
            stays.setdefault(grant.cared_for, []).append((s, e, seq, entry, policy))
    found: list[tuple[int, Finding]] = []
    for own in stays.values():
        own.sort(key=lambda stay: (stay[0], stay[1], stay[2]))
        for before, stay in itertools.pairwise(own):
            s, e, seq, booking, policy = stay
            if s < before[1]:
                continue
            away, home = nights_away(s, e), nights_at_home(before[1], s)
            if away > home:
                found.append(
                    (
                        seq,
                        BOOKED_AWAY_EXCEEDS_HOME.finding(
                            f"entries[{seq}].interval",
                            on=on,
                            booking=booking.id,
                            away=away,
                            home=home,
                            municipality=policy.municipality,
                            policy_source=policy.source,
                        ),
                    )
                )
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


RULES = (AWAY_EXCEEDS_HOME, BOOKED_AWAY_EXCEEDS_HOME)
"""The rhythm rules: of a pattern, and of the stays booked."""
