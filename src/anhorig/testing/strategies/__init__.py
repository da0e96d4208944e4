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

from anhorig.testing.strategies._consent import (
    BREAKABLE_RULES,
    audit_records,
    block_lifts,
    blocks,
    consent_instants,
    consents,
    consents_breaking,
    decision_policies,
    decisions,
    disclosure_requests,
    evidences,
    organisations,
    provisions,
    recipients,
    revocations,
    subject_pools,
)
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

__all__ = [
    "BREAKABLE_RULES",
    "adult_conditions",
    "audit_records",
    "block_lifts",
    "blocks",
    "care_areas",
    "child_relatives",
    "consent_instants",
    "consents",
    "consents_breaking",
    "dates",
    "decision_policies",
    "decisions",
    "disclosure_requests",
    "evidences",
    "findings",
    "instants",
    "intervals",
    "involvements",
    "law_topics",
    "legal_refs",
    "names",
    "organisations",
    "people",
    "periods",
    "person_ids",
    "provisions",
    "recipients",
    "relation_kinds",
    "relationships",
    "reports",
    "revocations",
    "rules",
    "severities",
    "sources",
    "subject_pools",
    "texts",
    "type_strategies",
]
