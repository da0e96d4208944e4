"""anhorig: Swedish support to family caregivers (anhörigstöd) as typed values and explainable rules.

The core vocabulary is re-exported here; the rule families live in
`anhorig.consent`, `anhorig.plans` and `anhorig.respite`, and the
hypothesis strategies for testers in `anhorig.testing` (an optional extra).
"""

from anhorig._version import __version__
from anhorig.errors import AnhorigError, InvalidInput, Problem, RuleViolation
from anhorig.findings import Finding, Report, Rule, Severity, catalogue
from anhorig.language import Lang, Text
from anhorig.law import LawTopic, LegalRef, Source
from anhorig.organisations import Organisation, Principal, Provider, ProviderKind, Sector
from anhorig.people import Person, PersonId
from anhorig.relations import (
    AdultCondition,
    CareArea,
    ChildRelative,
    Involvement,
    RelationKind,
    Relationship,
)
from anhorig.serialization import from_json, json_schema, to_json
from anhorig.terminology import Context, Role, term
from anhorig.time import Interval, Period, local, working_days_between

__all__ = [
    "AdultCondition",
    "AnhorigError",
    "CareArea",
    "ChildRelative",
    "Context",
    "Finding",
    "Interval",
    "InvalidInput",
    "Involvement",
    "Lang",
    "LawTopic",
    "LegalRef",
    "Organisation",
    "Period",
    "Person",
    "PersonId",
    "Principal",
    "Problem",
    "Provider",
    "ProviderKind",
    "RelationKind",
    "Relationship",
    "Report",
    "Role",
    "Rule",
    "RuleViolation",
    "Sector",
    "Severity",
    "Source",
    "Text",
    "__version__",
    "catalogue",
    "from_json",
    "json_schema",
    "local",
    "term",
    "to_json",
    "working_days_between",
]
