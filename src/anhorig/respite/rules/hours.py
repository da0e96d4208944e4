"""When in-home respite is given: the weekdays and the hours of the day (DOMAIN.md 24).

Days are Stockholm dates; opening hours are read on the wall clock, so on the DST
change days 08:00 is not eight elapsed hours after midnight.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, datetime, timedelta

from anhorig._calendar import local_dates
from anhorig.findings import Finding, Severity
from anhorig.language import Text
from anhorig.respite._index import checked_midnight
from anhorig.respite.model import Booking
from anhorig.respite.policy import ALL_DAYS, RespitePolicy, Weekday
from anhorig.respite.rules._common import local_rule
from anhorig.time import ZONE, is_holiday_eve, is_working_day

__all__ = ["RULES", "TIME_OF_DAY", "WEEKDAY", "window_findings"]

WEEKDAY = local_rule(
    "RESPITE-WEEKDAY",
    Severity.ERROR,
    ("Dag då avlösning inte ges", "A day respite is not given"),
    (
        "{day} ({weekday}) ges ingen avlösning i {municipality}.",
        "{municipality} gives no respite on {day} ({weekday}).",
    ),
    domain=(24,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "En timinsats bokas en dag (Stockholms datum) som riktlinjen inte ger avlösning: en veckodag utanför weekdays, eller en helgdag på en vardag när exclude_holidays gäller.",
        "An hours booking falls on a day (Stockholm date) the policy gives no respite: a weekday not in weekdays, or a public holiday on a weekday when exclude_holidays is set.",
    ),
    boundary=(
        "En bokning som slutar precis vid midnatt rör inte nästa dag; en sekund in i en stängd dag slår till.",
        "A booking ending exactly at midnight does not touch the next day; one second into a closed day fires.",
    ),
    fix=(
        "Flytta bokningen till en dag då avlösning ges.",
        "Move the booking to a day respite is given.",
    ),
)

TIME_OF_DAY = local_rule(
    "RESPITE-TIME-OF-DAY",
    Severity.ERROR,
    ("Utanför tiderna för avlösning", "Outside respite hours"),
    (
        "Avlösning ges {start}–{end} i {municipality}; bokningen ligger utanför.",
        "{municipality} gives respite {start}–{end}; the booking lies outside.",
    ),
    domain=(24,),
    applies_to=("Ledger", "Booking"),
    condition=(
        "En timinsats ligger någon dag utanför riktlinjens tider (day_starts_at–day_ends_at, väggklocka i Stockholm).",
        "An hours booking lies, on some day, outside the policy's hours (day_starts_at–day_ends_at, Stockholm wall clock).",
    ),
    boundary=(
        "Start precis när tiden börjar och slut precis när den slutar ryms; en sekund utanför slår till. Högst en anmärkning per bokning.",
        "Starting exactly at opening and ending exactly at closing fits; one second outside fires. At most one finding per booking.",
    ),
    fix=(
        "Lägg bokningen inom tiderna för avlösning.",
        "Place the booking within the respite hours.",
    ),
)


def _hour_text(hour: int) -> str:
    return f"{hour:02d}:00"


def _wall_clock_epoch(day: date, hour: int) -> int:
    """Epoch seconds when the Stockholm clock shows ``hour``:00 on ``day`` (24 is the
    next midnight); an hour in the spring gap counts as the moment the clock jumps."""
    if hour >= 24:
        return checked_midnight(day + timedelta(days=1))
    moment = datetime(day.year, day.month, day.day, hour, tzinfo=ZONE)
    return math.floor(moment.timestamp())


def _day_off(day: date) -> Text:
    """Why a weekday is off: a public holiday, or one of the three eves (not a holiday
    in law, a day off by custom)."""
    if is_holiday_eve(day):
        return Text(sv="helgdagsafton", en="public holiday eve")
    return Text(sv="helgdag", en="public holiday")


def window_findings(
    policy: RespitePolicy,
    booking: Booking,
    s: int,
    e: int,
    on: date,
    at: Callable[[str], str],
) -> list[Finding]:
    findings = []
    # Every day is open when every weekday is and holidays are not left out.
    if policy.exclude_holidays or not policy.weekdays >= ALL_DAYS:
        for day in local_dates(s, e):
            weekday = Weekday.from_index(day.weekday())
            holiday = policy.exclude_holidays and day.weekday() < 5 and not is_working_day(day)
            if weekday not in policy.weekdays or holiday:
                findings.append(
                    WEEKDAY.finding(
                        at("interval"),
                        on=on,
                        policy_source=policy.source,
                        day=day,
                        weekday=_day_off(day) if holiday else weekday.text,
                        municipality=policy.municipality,
                    )
                )
    if policy.day_starts_at > 0 or policy.day_ends_at < 24:
        for day in local_dates(s, e):
            start = checked_midnight(day)
            # Opening hours are read on the wall clock: on the DST change days 08:00 is
            # not eight elapsed hours after midnight.
            opens = _wall_clock_epoch(day, policy.day_starts_at)
            closes = _wall_clock_epoch(day, policy.day_ends_at)
            part_start = max(s, start)
            part_end = min(e, checked_midnight(day + timedelta(days=1)))
            if part_start < opens or part_end > closes:
                findings.append(
                    TIME_OF_DAY.finding(
                        at("interval"),
                        on=on,
                        policy_source=policy.source,
                        start=_hour_text(policy.day_starts_at),
                        end=_hour_text(policy.day_ends_at),
                        municipality=policy.municipality,
                    )
                )
                break
    return findings


RULES = (WEEKDAY, TIME_OF_DAY)
"""The rules on days and hours, in the catalogue's order."""
