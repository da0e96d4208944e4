"""Hypothesis strategies for every public anhorig type, valid by construction.

Names are plural (``people()``, ``relationships()``), size bounds are keyword-only,
other strategies are passed as arguments, and bad arguments raise hypothesis'
``InvalidArgument``. People are synthetic: Luhn-valid personnummer made up from a
generated birth date and serial, never a real person's.

>>> from hypothesis import given
>>> @given(people())
... def test_masked(person):
...     assert person.id is None or person.id.value not in repr(person)
>>> test_masked()
"""

from anhorig.testing.strategies._core import (
    adult_conditions,
    care_areas,
    child_relatives,
    dates,
    findings,
    instants,
    intervals,
    involvements,
    law_topics,
    legal_refs,
    names,
    people,
    periods,
    person_ids,
    relation_kinds,
    relationships,
    reports,
    rules,
    severities,
    sources,
    texts,
)
from anhorig.testing.strategies._plans import (
    breakable_plan_codes,
    broken_coordinated_plans,
    broken_implementation_plans,
    broken_plans,
    broken_support_plans,
    coordinated_plans,
    follow_ups,
    implementation_plans,
    measure_kinds,
    plan_consents,
    plan_policies,
    plan_statuses,
    support_plans,
)
from anhorig.testing.strategies._registry import type_strategies

__all__ = [
    "adult_conditions",
    "breakable_plan_codes",
    "broken_coordinated_plans",
    "broken_implementation_plans",
    "broken_plans",
    "broken_support_plans",
    "care_areas",
    "child_relatives",
    "coordinated_plans",
    "dates",
    "findings",
    "follow_ups",
    "implementation_plans",
    "instants",
    "intervals",
    "involvements",
    "law_topics",
    "legal_refs",
    "measure_kinds",
    "names",
    "people",
    "periods",
    "person_ids",
    "plan_consents",
    "plan_policies",
    "plan_statuses",
    "relation_kinds",
    "relationships",
    "reports",
    "rules",
    "severities",
    "sources",
    "support_plans",
    "texts",
    "type_strategies",
]
