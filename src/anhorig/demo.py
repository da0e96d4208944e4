"""``anhorig demo``: the core vocabulary on a scenario from the seed texts
(:data:`anhorig.law.SOURCES`, ``seed-000`` … ``seed-004``).

Persons are made up; their personnummer are synthetic and shown masked.
"""

from __future__ import annotations

from datetime import date
from typing import TextIO

from anhorig.language import Lang
from anhorig.law import CARER_SUPPORT, SOURCES
from anhorig.people import Person, PersonId
from anhorig.relations import (
    AdultCondition,
    CareArea,
    ChildRelative,
    Involvement,
    RelationKind,
    Relationship,
    check,
)
from anhorig.serialization import to_json
from anhorig.terminology import Context, Role, term
from anhorig.time import Interval, add_working_days, local, working_days_between

__all__ = ["run", "scenario"]


def scenario() -> tuple[Relationship, Relationship, ChildRelative]:
    """The situations of seed 001 (``SOURCES["seed-001"]``, the Sörmland learning network's
    summary): a husband who cares for his wife with dementia, a neighbour who helps her
    too, and a 14-year-old whose mother has a psychiatric illness."""
    wife = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
    husband = Person(id=PersonId.parse("19380412-2343"), name="Bertil Karlsson")
    neighbour = Person(name="Maria Ström", birth_date=date(1961, 3, 3))
    mother = Person(id=PersonId.parse("19850709-9805"), name="Sara Nilsson")
    child = Person(id=PersonId.parse("20120115-2343"), name="Ali Nilsson")
    husband_cares = Relationship(
        carer=husband,
        cared_for=wife,
        kind=RelationKind.SPOUSE,
        areas=frozenset({CareArea.SELF_CARE, CareArea.DOMESTIC_LIFE, CareArea.MENTAL_FUNCTIONS}),
        lives_together=True,
        involvements=(
            Involvement(
                recorded_on=date(2025, 9, 1),
                reconfirm_by=date(2026, 3, 1),
                willing=True,
                wants_information=True,
                wants_to_take_part=True,
                tasks=frozenset({CareArea.SELF_CARE, CareArea.DOMESTIC_LIFE}),
            ),
        ),
    )
    neighbour_helps = Relationship(
        carer=neighbour,
        cared_for=wife,
        kind=RelationKind.NEIGHBOUR,
        areas=frozenset({CareArea.COMMUNITY_LIFE}),
        lives_together=False,
    )
    child_situation = ChildRelative(
        child=child,
        adult=mother,
        adult_is_parent=True,
        lives_with_adult=True,
        conditions=frozenset({AdultCondition.MENTAL_DISORDER}),
    )
    return husband_cares, neighbour_helps, child_situation


def run(out: TextIO, *, lang: Lang = "sv", on: date = date(2026, 11, 22)) -> int:
    """Print the walk-through for the date ``on``; returns the exit code (0)."""
    sv = lang == "sv"
    husband_cares, neighbour_helps, child_situation = scenario()

    def say(swedish: str, english: str) -> None:
        out.write((swedish if sv else english) + "\n")

    say(f"anhorig demo — bedömt den {on}", f"anhorig demo — judged on {on}")
    say("", "")
    say("1. Samma personer, olika ord", "1. The same people, different words")
    for context in Context:
        say(
            f"   {context.value:9} {husband_cares.describe(context, lang)}",
            f"   {context.value:9} {husband_cares.describe(context, lang)}",
        )
    say(
        f"   Kommunen säger '{term(Role.CARER, Context.MUNICIPAL)}' om den som vårdar; "
        f"regionen säger '{term(Role.CARER, Context.REGIONAL)}'.",
        f"   In Swedish the municipality says '{term(Role.CARER, Context.MUNICIPAL)}' for the "
        f"carer; the region says '{term(Role.CARER, Context.REGIONAL)}'.",
    )
    say("", "")
    say("2. Vem som helst kan vara anhörig", "2. Anyone can be a carer")
    say(
        f"   {neighbour_helps.describe(Context.MUNICIPAL, lang)}",
        f"   {neighbour_helps.describe(Context.MUNICIPAL, lang)}",
    )
    say("", "")
    seed = SOURCES["seed-001"]
    say(
        "3. Rollen är frivillig och ska bekräftas igen",
        "3. The role is voluntary and must be reconfirmed",
    )
    say(f"   Källa: {seed}", f"   Source: {seed}")
    for rel in (husband_cares, neighbour_helps):
        for finding in check(rel, on=on):
            out.write(f"   {finding.explain(lang)}\n")
    say("", "")
    say("4. Barn som anhöriga (HSL 5 kap. 7 §)", "4. Children as relatives (HSL 5 kap. 7 §)")
    for finding in check(child_situation, on=on):
        out.write(f"   {finding.explain(lang)}\n")
    say("", "")
    say("5. Lagen som gäller den dag som bedöms", "5. The law in force on the day judged")
    for day in (date(2025, 6, 30), date(2025, 7, 1)):
        say(
            f"   {day}: stöd till anhöriga enligt {CARER_SUPPORT.cite(day)}",
            f"   {day}: support to carers under {CARER_SUPPORT.cite(day)}",
        )
    say("", "")
    say("6. Tid i Europe/Stockholm", "6. Time in Europe/Stockholm")
    spring = Interval(local(2026, 3, 28, 20), local(2026, 3, 29, 8))
    autumn = Interval(local(2026, 10, 24, 20), local(2026, 10, 25, 8))
    say(
        f"   Natten till sommartid 20–08: {spring.hours:g} timmar; till vintertid: {autumn.hours:g} timmar",
        f"   The night summer time starts, 20–08: {spring.hours:g} hours; when it ends: {autumn.hours:g} hours",
    )
    notice_from = date(2026, 12, 21)
    due = add_working_days(notice_from, 5)
    say(
        f"   Fem arbetsdagar efter {notice_from} är {due} "
        f"({working_days_between(notice_from, due)} arbetsdagar; julafton och helgdagar räknas inte)",
        f"   Five working days after {notice_from} is {due} "
        f"({working_days_between(notice_from, due)} working days; Christmas Eve and holidays excluded)",
    )
    say("", "")
    say(
        "7. Som JSON-dokument (personnummer i klartext bara här)",
        "7. As a JSON document (personal numbers in full only here)",
    )
    out.write(to_json(neighbour_helps, indent=2) + "\n")
    return 0
