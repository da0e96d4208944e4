"""Consent-gated information sharing (*samtycke och sekretess*).

Ask before you disclose: build a :class:`DisclosureRequest` and ``evaluate`` it
against the person's consents, or keep them in a :class:`ConsentRegistry` and call
``decide``. The answer is a :class:`Decision` that explains itself. See
:mod:`anhorig.consent.model` (the vocabulary), :mod:`anhorig.consent.decision` (what a
decision is), :mod:`anhorig.consent.rules` (the catalogue and the decision procedure),
:mod:`anhorig.consent.engine`, :mod:`anhorig.consent.registry`,
:mod:`anhorig.consent.audit` and :mod:`anhorig.consent.fhir`.
"""

from anhorig.consent import _described as _described  # validators said for the schema
from anhorig.consent.audit import AuditRecord
from anhorig.consent.engine import (
    Basis,
    Combining,
    ConsentRecord,
    Decision,
    DecisionPolicy,
    Obligation,
    ObligationKind,
    Outcome,
    circumstances_from,
    evaluate,
)
from anhorig.consent.model import (
    Action,
    Block,
    BlockLift,
    ChildOpinion,
    ChildView,
    Circumstance,
    Consent,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    HarmAssessment,
    HarmConclusion,
    Identifier,
    InfoCategory,
    InformationKind,
    InformationSelector,
    Organisation,
    Principal,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientKind,
    RecipientRole,
    RecordLink,
    Revocation,
    Sector,
)
from anhorig.consent.registry import ConsentRegistry
from anhorig.consent.rules import RULES
from anhorig.consent.rules.validity import may_consent_alone

__all__ = [
    "RULES",
    "Action",
    "AuditRecord",
    "Basis",
    "Block",
    "BlockLift",
    "ChildOpinion",
    "ChildView",
    "Circumstance",
    "Combining",
    "Consent",
    "ConsentRecord",
    "ConsentRegistry",
    "Decision",
    "DecisionPolicy",
    "DisclosureRequest",
    "Evidence",
    "EvidenceForm",
    "Grantor",
    "GrantorCapacity",
    "HarmAssessment",
    "HarmConclusion",
    "Identifier",
    "InfoCategory",
    "InformationKind",
    "InformationSelector",
    "Obligation",
    "ObligationKind",
    "Organisation",
    "Outcome",
    "Principal",
    "Provision",
    "ProvisionType",
    "Purpose",
    "Recipient",
    "RecipientKind",
    "RecipientRole",
    "RecordLink",
    "Revocation",
    "Sector",
    "circumstances_from",
    "evaluate",
    "may_consent_alone",
]
