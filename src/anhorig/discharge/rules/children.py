"""The rule of children as relatives at discharge (*barn som anhöriga*).

When the discharged patient is a parent of the child, or an adult the child lives with,
and has a condition HSL 5 kap. 7 § names (a mental disorder or disability, a serious
physical illness or injury, an addiction), health care must consider the child's need
for information, advice and support. What was considered, and what was done by whom,
is recorded (:class:`~anhorig.discharge.model.ChildConsideration`); when nothing is
recorded by the day of discharge, "barnet hamnar mellan stolarna" (seed 001).

References:
    - Hälso- och sjukvårdslag (2017:30) 5 kap. 7 § (wording per Lag 2017:810).
    - Patientsäkerhetslag (2010:659) 6 kap. 5 §.
    - Seed 001: "när det krävs ett medgivande från föräldern som är sjuk, för att barnet
      ska få stöd, kan det göra att barnet hamnar mellan stolarna".
"""

from __future__ import annotations

from anhorig.discharge.rules._common import Case, Findings, discharge_rule
from anhorig.findings import Severity
from anhorig.language import Text
from anhorig.law import CHILD_RELATIVES_HSL, CHILD_RELATIVES_STAFF
from anhorig.relations import ChildRelative

__all__ = ["DIS_CHILD_NOT_CONSIDERED", "RULES", "check_children"]

DIS_CHILD_NOT_CONSIDERED = discharge_rule(
    "DIS-CHILD-NOT-CONSIDERED",
    Severity.ERROR,
    ("Barnet hamnar mellan stolarna", "The child falls between the chairs"),
    (
        "{child} är barn till eller bor med {patient} ({conditions}), som skrivs ut {day}, men inget visar att barnets behov av information, råd och stöd har beaktats och vad som gjordes.",
        "{child} is the child of, or lives with, {patient} ({conditions}), who is discharged on {day}, but nothing shows that the child's need for information, advice and support was considered, and what was done.",
    ),
    (CHILD_RELATIVES_HSL, CHILD_RELATIVES_STAFF),
    ("seed-001",),
    domain=(4,),
    applies_to=("DischargeProcess",),
    condition=(
        "På eller efter utskrivningsdagen: patienten har ett tillstånd (patient_conditions), ett barn med känt födelsedatum är under 18 på utskrivningsdagen och är barn till eller bor med patienten, och barnets behov har inte beaktats senast den dagen (consideration saknas eller considered_on är senare).",
        "On or after the discharge day: the patient has a condition (patient_conditions), a child with a known birth date is under 18 on the discharge day and is the patient's child or lives with them, and the child's needs were not considered by that day (no consideration, or considered_on later).",
    ),
    boundary=(
        "Beaktat på utskrivningsdagen räcker; ett barn som fyller 18 på utskrivningsdagen räknas inte.",
        "Considered on the discharge day is enough; a child turning 18 on the discharge day does not count.",
    ),
    fix=(
        "Beakta barnets behov av information, råd och stöd och registrera consideration med considered_on.",
        "Consider the child's need for information, advice and support and record consideration with considered_on.",
    ),
)


def _children(found: Findings, case: Case) -> None:
    process = case.process
    day = process.discharge_on
    if day is None or case.on < day or not process.patient_conditions:
        return
    conditions = sorted(process.patient_conditions)
    named = Text(
        sv=", ".join(c.label("sv") for c in conditions),
        en=", ".join(c.label("en") for c in conditions),
    )
    for index, entry in enumerate(process.children):
        situation = ChildRelative(
            child=entry.child,
            adult=process.patient,
            adult_is_parent=entry.patient_is_parent,
            lives_with_adult=entry.lives_with_patient,
            conditions=process.patient_conditions,
        )
        if entry.child.birth_date is None or not situation.triggers_hsl_5_7(day):
            continue
        considered = entry.consideration
        if considered is None or considered.considered_on > day:
            found.add(
                DIS_CHILD_NOT_CONSIDERED,
                f"children[{index}].consideration",
                child=str(entry.child),
                patient=str(process.patient),
                conditions=named,
                day=day,
            )


RULES = (DIS_CHILD_NOT_CONSIDERED,)
"""This module's rule."""


def check_children(found: Findings, case: Case) -> None:
    """Apply this module's rule to ``case``."""
    _children(found, case)
