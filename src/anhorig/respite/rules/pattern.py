"""Växelvård's rhythm: time away should not exceed time at home (DOMAIN.md 29).

Judged of the pattern itself (:func:`check_pattern`), before any stay is booked; the
stays it generates are judged as bookings.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from anhorig.findings import Report, Severity
from anhorig.respite.policy import RespitePolicy
from anhorig.respite.rules._common import respite_rule

__all__ = ["AWAY_EXCEEDS_HOME", "RULES", "Rhythm", "check_pattern"]


class Rhythm(Protocol):
    """Days at home and days away in one round (an
    :class:`~anhorig.respite.patterns.AlternatingPattern`)."""

    @property
    def home_days(self) -> int: ...

    @property
    def away_days(self) -> int: ...


AWAY_EXCEEDS_HOME = respite_rule(
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
                    away=pattern.away_days,
                    home=pattern.home_days,
                    municipality=policy.municipality,
                ),
            )
        )
    return Report()


RULES = (AWAY_EXCEEDS_HOME,)
"""The pattern rule."""
