"""The rules of the municipality's implementation plan (*implementeringsplan*): DOMAIN.md
rule 23.

Each rule stands directly above the condition that finds it.
:func:`check_implementation_plan` applies them in this module's order: first each area,
then each activity (a finding per rule, in the activities' order).

References:
    - Nationell anhörigstrategi (2022): guidance, not law; no rule here cites a statute.
    - Seed 003: Nka, *Implementeringsplan av Nationella anhörigstrategin i din kommun*.
"""

from __future__ import annotations

from datetime import date

from anhorig.findings import Report, Rule, Severity
from anhorig.plans.implementation import Activity, ImplementationArea, ImplementationPlan
from anhorig.plans.rules._common import Findings, plan_rule

__all__ = [
    "IMPL_AREA_EMPTY",
    "IMPL_DUE_OUTSIDE_PLAN",
    "IMPL_NO_HOW",
    "IMPL_NO_OWNER",
    "IMPL_OVERDUE",
    "RULES",
    "check_implementation_plan",
]

IMPL_AREA_EMPTY = plan_rule(
    "IMPL-AREA-EMPTY",
    Severity.WARNING,
    ("Område utan aktiviteter", "Area without activities"),
    (
        "Området {area} har inga aktiviteter; planen bör täcka strategins tre områden.",
        "The area {area} has no activities; the plan should cover the strategy's three areas.",
    ),
    sources=("seed-003", "national-carer-strategy", "ibic"),  # the strategy is not law
    domain=(23,),
    applies_to=("ImplementationPlan",),
    condition=(
        "Ett av anhörigstrategins tre områden har inga aktiviteter i genomförandeplanen.",
        "One of the carer strategy's three areas has no activities in the implementation plan.",
    ),
    boundary=(
        "En aktivitet per område räcker; en anmärkning per tomt område.",
        "One activity per area is enough; one finding per empty area.",
    ),
    fix=(
        "Lägg till minst en aktivitet i området.",
        "Add at least one activity in the area.",
    ),
)


def _area_has_activities(
    found: Findings, area: ImplementationArea, activities: tuple[Activity, ...]
) -> None:
    if not activities:
        found.add(IMPL_AREA_EMPTY, "activities", area=area.text)


def _name(activity: Activity) -> str:
    """How a finding names an activity: its first 60 characters."""
    return activity.activity[:60]


IMPL_NO_OWNER = plan_rule(
    "IMPL-NO-OWNER",
    Severity.ERROR,
    ("Aktivitet utan ansvarig", "Activity without an owner"),
    ("Aktiviteten {activity!r} har ingen ansvarig.", "Activity {activity!r} has no owner."),
    sources=("seed-003",),
    domain=(23,),
    applies_to=("ImplementationPlan",),
    condition=(
        "En aktivitets responsible är tom eller bara blanksteg.",
        "An activity's responsible is empty or only whitespace.",
    ),
    boundary=(
        "Vilket tecken som helst utöver blanksteg räcker.",
        "Any character beyond whitespace is enough.",
    ),
    fix=(
        "Ange vem som ansvarar för aktiviteten.",
        "Name who is responsible for the activity.",
    ),
)


def _has_owner(found: Findings, index: int, activity: Activity) -> None:
    if not activity.responsible.strip():
        found.add(IMPL_NO_OWNER, f"activities[{index}].responsible", activity=_name(activity))


IMPL_NO_HOW = plan_rule(
    "IMPL-NO-HOW",
    Severity.WARNING,
    ("Aktivitet utan genomförande", "Activity without a how"),
    (
        "Aktiviteten {activity!r} säger inte hur den ska genomföras.",
        "Activity {activity!r} does not say how it will be carried out.",
    ),
    sources=("seed-003",),
    domain=(23,),
    applies_to=("ImplementationPlan",),
    condition=(
        "En aktivitets how är tom eller bara blanksteg.",
        "An activity's how is empty or only whitespace.",
    ),
    boundary=(
        "Vilket tecken som helst utöver blanksteg räcker.",
        "Any character beyond whitespace is enough.",
    ),
    fix=(
        "Beskriv hur aktiviteten ska genomföras.",
        "Describe how the activity will be carried out.",
    ),
)


def _says_how(found: Findings, index: int, activity: Activity) -> None:
    if not activity.how.strip():
        found.add(IMPL_NO_HOW, f"activities[{index}].how", activity=_name(activity))


IMPL_OVERDUE = plan_rule(
    "IMPL-OVERDUE",
    Severity.WARNING,
    ("Aktivitet försenad", "Activity overdue"),
    (
        "Aktiviteten {activity!r} skulle vara klar {due}; den {on} är den inte markerad som klar.",
        "Activity {activity!r} was due on {due}; on {on} it is not marked done.",
    ),
    sources=("seed-003",),
    domain=(23,),
    applies_to=("ImplementationPlan",),
    condition=(
        "En aktivitet har ett due före den dag som bedöms och är inte markerad som klar (done_on = null).",
        "An activity has a due before the day judged and is not marked done (done_on = null).",
    ),
    boundary=(
        "På due-dagen är den i tid; dagen efter slår regeln till. Utan due slår den aldrig till.",
        "On the due day it is in time; the day after fires. Without a due it never fires.",
    ),
    fix=(
        "Ange done_on när aktiviteten är klar, eller ett nytt due.",
        "Set done_on once the activity is done, or a new due.",
    ),
)


def _not_overdue(found: Findings, index: int, activity: Activity) -> None:
    if activity.due is not None and activity.done_on is None and activity.due < found.on:
        found.add(
            IMPL_OVERDUE, f"activities[{index}].due", activity=_name(activity), due=activity.due
        )


IMPL_DUE_OUTSIDE_PLAN = plan_rule(
    "IMPL-DUE-OUTSIDE-PLAN",
    Severity.WARNING,
    ("Aktivitet efter planens slut", "Activity due after the plan ends"),
    (
        "Aktiviteten {activity!r} ska vara klar {due}, efter att planen upphör {until}.",
        "Activity {activity!r} is due on {due}, after the plan ends on {until}.",
    ),
    sources=("seed-003",),
    domain=(23,),
    applies_to=("ImplementationPlan",),
    condition=(
        "En aktivitets due ligger efter planens valid_until.",
        "An activity's due is after the plan's valid_until.",
    ),
    boundary=(
        "due samma dag som valid_until går bra; dagen efter slår regeln till. Utan due eller valid_until slår den inte till.",
        "A due on valid_until itself is fine; the day after fires. Without due or valid_until it does not fire.",
    ),
    fix=(
        "Flytta aktivitetens due inom planens giltighetstid, eller förläng planen.",
        "Move the activity's due within the plan's validity, or extend the plan.",
    ),
)


def _due_within_plan(
    found: Findings, index: int, activity: Activity, plan: ImplementationPlan
) -> None:
    if (
        activity.due is not None
        and plan.valid_until is not None
        and activity.due > plan.valid_until
    ):
        found.add(
            IMPL_DUE_OUTSIDE_PLAN,
            f"activities[{index}].due",
            activity=_name(activity),
            due=activity.due,
            until=plan.valid_until,
        )


# --- the check ---------------------------------------------------------------------------


def check_implementation_plan(plan: ImplementationPlan, on: date) -> Report:
    """Every finding of the implementation plan rules for ``plan`` on ``on``."""
    found = Findings(on)
    for area, activities in plan.by_area().items():
        _area_has_activities(found, area, activities)
    for index, activity in enumerate(plan.activities):
        _has_owner(found, index, activity)
        _says_how(found, index, activity)
        _not_overdue(found, index, activity)
        _due_within_plan(found, index, activity, plan)
    return found.report()


RULES: tuple[Rule, ...] = (
    IMPL_AREA_EMPTY,
    IMPL_NO_OWNER,
    IMPL_NO_HOW,
    IMPL_OVERDUE,
    IMPL_DUE_OUTSIDE_PLAN,
)
"""The implementation plan's rules in catalogue order."""
