"""The rule families, in one table (*regelfamiljerna*).

anhorig's rules come in families: the relations between a carer and the person cared for
(``REL-*``), consent and information sharing, support plans, respite and discharge from
hospital. :data:`FAMILIES` is the only place that names them. For each it gives, by name:

- the modules whose public attrs classes are its document types, and the documents its
  check judges (``anhorig validate`` checks those, and reads them without importing any
  other family);
- its ``check`` and the module whose ``RULES`` go into the catalogue
  (:func:`anhorig.findings.catalogue`);
- its command (``anhorig plans ...``) and the module that configures it;
- its hypothesis strategies and its cases that break one rule (``anhorig.testing``).

Every registry that needs the families derives from this table: the document types of
:mod:`anhorig.serialization`, the catalogue, the subcommands and checkers of
:mod:`anhorig.cli`, the strategies and breakers of the testing kit, the docs' rule pages.
Adding a family means adding one :class:`Family` here.

This module imports no other anhorig module: every name is text until :func:`load` imports
it, so ``import anhorig`` stays light and the core imports no family.

>>> print(", ".join(family.name for family in FAMILIES))
relations, plans, consent, respite, discharge
>>> checked_document("SupportPlan")[1]
'anhorig.plans:SupportPlan'
"""

import importlib
from typing import Any, NamedTuple

__all__ = [
    "COMMANDS",
    "CORE_DOCUMENT_MODULES",
    "FAMILIES",
    "STORE_COMMAND",
    "Command",
    "Family",
    "checked_document",
    "document_modules",
    "load",
]


# NamedTuples, not dataclasses: hypothesis' entry point imports this table in every
# process that imports hypothesis, and a frozen dataclass costs ~0.8 ms to make (issue 14).
class Command(NamedTuple):
    """A subcommand of ``anhorig`` (``anhorig plans ...``).

    ``module`` has ``configure(parser)``, which adds the subcommand's own arguments and
    subcommands to the parser ``anhorig`` made for it (named ``name``, described by
    ``help``, in Swedish and English). ``from_store`` is the handler (``module:function``) that answers it when
    given ``--store URL``; it lives in the store, which the families never import.
    """

    name: str
    module: str
    help: tuple[str, str]
    from_store: str | None = None


class Family(NamedTuple):
    """One rule family, every part named as text (``module`` or ``module:attribute``).

    ``name`` is what its rules give as :attr:`anhorig.findings.Rule.family`; ``title`` its
    heading in Swedish and English. ``documents`` are the modules whose public attrs
    classes (in ``__all__``) are document types; ``checked`` the documents ``check``
    judges, as ``module:Class``. ``rules`` is the module whose ``RULES`` belong to the
    catalogue and which offers ``check``, ``validate`` and ``is_valid``. ``fhir_reader``,
    if any, reads a FHIR resource (as loaded JSON) into one of its documents for
    ``anhorig validate`` (with ``resolve=`` a resolver of references), and
    ``fhir_parties`` reads ``--parties`` files into such a resolver. ``strategies`` has ``type_strategies()``; each of ``breakers``
    gives the family's rule-breaking cases by code.
    """

    name: str
    title: tuple[str, str]
    documents: tuple[str, ...]
    checked: tuple[str, ...]
    check: str
    rules: str
    strategies: str
    breakers: tuple[str, ...]
    command: Command | None = None
    fhir_reader: str | None = None
    fhir_parties: str | None = None


_BREAKING = "anhorig.testing.strategies._breaking"

FAMILIES: tuple[Family, ...] = (
    Family(
        name="relations",
        title=("Relationer", "Relationships and children as relatives"),
        documents=("anhorig.relations",),
        checked=("anhorig.relations:Relationship", "anhorig.relations:ChildRelative"),
        check="anhorig.relations:check",
        rules="anhorig.relations",
        strategies="anhorig.testing.strategies._core",
        breakers=(f"{_BREAKING}:relation_breakers",),
    ),
    Family(
        name="plans",
        title=("Stödplaner och SIP", "Support plans and SIP"),
        documents=("anhorig.plans",),
        checked=(
            "anhorig.plans:SupportPlan",
            "anhorig.plans:CoordinatedPlan",
            "anhorig.plans:ImplementationPlan",
        ),
        check="anhorig.plans:check",
        rules="anhorig.plans",
        strategies="anhorig.testing.strategies._plans",
        breakers=(f"{_BREAKING}:plan_breakers",),
        command=Command(
            name="plans",
            module="anhorig.plans.cli",
            help=(
                "planer: pröva mot en policy, mallar",
                "support plans: check under a policy, templates",
            ),
        ),
    ),
    Family(
        name="consent",
        title=("Samtycke och informationsdelning", "Consent and information sharing"),
        documents=("anhorig.consent.model", "anhorig.consent.engine", "anhorig.consent.audit"),
        checked=("anhorig.consent.model:Consent",),
        check="anhorig.consent.checks:check",
        rules="anhorig.consent.checks",
        strategies="anhorig.testing.strategies._consent",
        breakers=(f"{_BREAKING}:consent_breakers", f"{_BREAKING}:decision_breakers"),
        command=Command(
            name="consent",
            module="anhorig.consent.cli",
            help=("informationsdelning med samtycke", "consent-gated information sharing"),
            from_store="anhorig.store.cli:consent_check",
        ),
        fhir_reader="anhorig.consent.cli:read_fhir_document",
        fhir_parties="anhorig.consent.cli:read_parties",
    ),
    Family(
        name="respite",
        title=("Avlösning", "Respite"),
        documents=("anhorig.respite",),
        checked=("anhorig.respite:Ledger",),
        check="anhorig.respite.rules:check",
        rules="anhorig.respite.rules",
        strategies="anhorig.testing.strategies._respite",
        breakers=(
            f"{_BREAKING}:respite_breakers",
            f"{_BREAKING}:respite_grant_breakers",
            f"{_BREAKING}:respite_pattern_breakers",
        ),
        command=Command(
            name="respite",
            module="anhorig.respite.cli",
            help=("avlösningskvoter: saldon i en liggare", "respite quotas: balances of a ledger"),
            from_store="anhorig.store.cli:respite_balance",
        ),
    ),
    Family(
        name="discharge",
        title=("Samverkan vid utskrivning", "Discharge from hospital"),
        documents=("anhorig.discharge",),
        checked=("anhorig.discharge:DischargeProcess",),
        check="anhorig.discharge:check",
        rules="anhorig.discharge",
        strategies="anhorig.testing.strategies._discharge",
        breakers=(f"{_BREAKING}:discharge_breakers",),
        command=Command(
            name="discharge",
            module="anhorig.discharge.cli",
            help=(
                "utskrivning från sjukhus: checklista, tidsfrister, regler",
                "discharge from hospital: checklist, deadlines, rules",
            ),
        ),
    ),
)
"""Every rule family, in the order their registries list them."""

STORE_COMMAND = Command(
    name="store",
    module="anhorig.store.cli",
    help=(
        "en databas med samtycken och avlösningsliggare",
        "a database of consents and respite ledgers",
    ),
)
"""``anhorig store``: not a rule family, but a subcommand over the families' records."""

COMMANDS: tuple[Command, ...] = (
    *(family.command for family in FAMILIES if family.command is not None),
    STORE_COMMAND,
)
"""The subcommands the families and the store add to ``anhorig``, in the order listed."""


CORE_DOCUMENT_MODULES: tuple[str, ...] = (
    "anhorig.language",
    "anhorig.law",
    "anhorig.time",
    "anhorig.people",
    "anhorig.organisations",
    "anhorig.findings",
)
"""The core's modules whose public attrs classes are document types; each rule family's
are its ``documents``."""


def document_modules() -> tuple[str, ...]:
    """Every module whose public attrs classes (in ``__all__``) are document types."""
    return (*CORE_DOCUMENT_MODULES, *(name for f in FAMILIES for name in f.documents))


def load(target: str) -> Any:
    """What ``target`` names: a module (``anhorig.plans``) or an attribute of one
    (``anhorig.plans:check``), imported on first use."""
    module, _, attribute = target.partition(":")
    loaded = importlib.import_module(module)
    return getattr(loaded, attribute) if attribute else loaded


def checked_document(type_name: str) -> tuple[Family, str] | None:
    """The family whose ``check`` judges documents of type ``type_name`` (the class name,
    the document's ``"type"`` tag), and the type as ``module:Class``; ``None`` if no
    family checks that type."""
    for family in FAMILIES:
        for target in family.checked:
            if target.rpartition(":")[2] == type_name:
                return family, target
    return None
