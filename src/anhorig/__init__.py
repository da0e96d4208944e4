"""anhorig: Swedish support to family caregivers (anhörigstöd) as typed values and explainable rules.

The core vocabulary is re-exported here; the rule families live in
`anhorig.consent`, `anhorig.plans` and `anhorig.respite`, and the
hypothesis strategies for testers in `anhorig.testing` (an optional extra).

Names are imported on first use (PEP 562), so ``import anhorig`` costs next to
nothing and a process that needs one family, or hypothesis' entry point, loads only
what it uses.
"""

from anhorig import _lazy
from anhorig._version import __version__

# Not `typing.TYPE_CHECKING`: importing typing alone costs more than the rest of
# `import anhorig` (about 12 ms of CPU, issue 14). Type checkers read this name as theirs.
TYPE_CHECKING = False
if TYPE_CHECKING:
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

_WHERE = {
    "AdultCondition": "anhorig.relations",
    "AnhorigError": "anhorig.errors",
    "CareArea": "anhorig.relations",
    "catalogue": "anhorig.findings",
    "ChildRelative": "anhorig.relations",
    "Context": "anhorig.terminology",
    "Finding": "anhorig.findings",
    "from_json": "anhorig.serialization",
    "Interval": "anhorig.time",
    "InvalidInput": "anhorig.errors",
    "Involvement": "anhorig.relations",
    "json_schema": "anhorig.serialization",
    "Lang": "anhorig.language",
    "LawTopic": "anhorig.law",
    "LegalRef": "anhorig.law",
    "local": "anhorig.time",
    "Organisation": "anhorig.organisations",
    "Period": "anhorig.time",
    "Person": "anhorig.people",
    "PersonId": "anhorig.people",
    "Principal": "anhorig.organisations",
    "Problem": "anhorig.errors",
    "Provider": "anhorig.organisations",
    "ProviderKind": "anhorig.organisations",
    "RelationKind": "anhorig.relations",
    "Relationship": "anhorig.relations",
    "Report": "anhorig.findings",
    "Role": "anhorig.terminology",
    "Rule": "anhorig.findings",
    "RuleViolation": "anhorig.errors",
    "Sector": "anhorig.organisations",
    "Severity": "anhorig.findings",
    "Source": "anhorig.law",
    "term": "anhorig.terminology",
    "Text": "anhorig.language",
    "to_json": "anhorig.serialization",
    "working_days_between": "anhorig.time",
}
"""Each public name and the module that defines it."""


if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.reexport(__name__, _WHERE)
del TYPE_CHECKING

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
