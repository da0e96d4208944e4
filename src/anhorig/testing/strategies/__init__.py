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
from anhorig.testing.strategies._registry import type_strategies
from anhorig.testing.strategies._respite import (
    BREAKABLE,
    BrokenBooking,
    alternating_patterns,
    balances,
    bookings,
    cancellations,
    ledgers,
    occupancies,
    providers,
    quotas,
    respite_grants,
    respite_kinds,
    respite_policies,
    rule_breaking_bookings,
    short_stay_units,
)

__all__ = [
    "BREAKABLE",
    "BrokenBooking",
    "adult_conditions",
    "alternating_patterns",
    "balances",
    "bookings",
    "cancellations",
    "care_areas",
    "child_relatives",
    "dates",
    "findings",
    "instants",
    "intervals",
    "involvements",
    "law_topics",
    "ledgers",
    "legal_refs",
    "names",
    "occupancies",
    "people",
    "periods",
    "person_ids",
    "providers",
    "quotas",
    "relation_kinds",
    "relationships",
    "reports",
    "respite_grants",
    "respite_kinds",
    "respite_policies",
    "rule_breaking_bookings",
    "rules",
    "severities",
    "short_stay_units",
    "sources",
    "texts",
    "type_strategies",
]
