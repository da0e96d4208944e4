"""Consent-gated information sharing (*samtycke och sekretess*).

Ask before you disclose: build a :class:`DisclosureRequest` and ``evaluate`` it
against the person's consents, or keep them in a :class:`ConsentRegistry` and call
``decide``. The answer is a :class:`Decision` that explains itself. See
:mod:`anhorig.consent.model` (the vocabulary), :mod:`anhorig.consent.decision` (what a
decision is), :mod:`anhorig.consent.rules` (the catalogue and the decision procedure),
:mod:`anhorig.consent.engine`, :mod:`anhorig.consent.registry`,
:mod:`anhorig.consent.audit` and :mod:`anhorig.consent.fhir`.
"""

from anhorig import _lazy

# Names are imported on first use (`anhorig._lazy`): the plans need consent's words and
# its rule of who may consent, not the engine, the registry, the audit and every rule.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from anhorig.consent.audit import AuditRecord
    from anhorig.consent.decision import (
        Basis,
        Decision,
        Obligation,
        ObligationKind,
        Outcome,
    )
    from anhorig.consent.engine import ConsentRecord, circumstances_from, evaluate
    from anhorig.consent.grantors import EvidenceForm, GrantorCapacity, may_consent_alone
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
        Grantor,
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
    from anhorig.consent.policy import Combining, DecisionPolicy
    from anhorig.consent.registry import ConsentRegistry
    from anhorig.consent.rules import RULES

_WHERE = {
    "Action": "anhorig.consent.model",
    "AuditRecord": "anhorig.consent.audit",
    "Basis": "anhorig.consent.decision",
    "Block": "anhorig.consent.model",
    "BlockLift": "anhorig.consent.model",
    "ChildOpinion": "anhorig.consent.model",
    "ChildView": "anhorig.consent.model",
    "Circumstance": "anhorig.consent.model",
    "circumstances_from": "anhorig.consent.engine",
    "Combining": "anhorig.consent.policy",
    "Consent": "anhorig.consent.model",
    "ConsentRecord": "anhorig.consent.engine",
    "ConsentRegistry": "anhorig.consent.registry",
    "Decision": "anhorig.consent.decision",
    "DecisionPolicy": "anhorig.consent.policy",
    "DisclosureRequest": "anhorig.consent.model",
    "evaluate": "anhorig.consent.engine",
    "Evidence": "anhorig.consent.model",
    "EvidenceForm": "anhorig.consent.grantors",
    "Grantor": "anhorig.consent.model",
    "GrantorCapacity": "anhorig.consent.grantors",
    "HarmAssessment": "anhorig.consent.model",
    "HarmConclusion": "anhorig.consent.model",
    "Identifier": "anhorig.consent.model",
    "InfoCategory": "anhorig.consent.model",
    "InformationKind": "anhorig.consent.model",
    "InformationSelector": "anhorig.consent.model",
    "may_consent_alone": "anhorig.consent.grantors",
    "Obligation": "anhorig.consent.decision",
    "ObligationKind": "anhorig.consent.decision",
    "Organisation": "anhorig.consent.model",
    "Outcome": "anhorig.consent.decision",
    "Principal": "anhorig.consent.model",
    "Provision": "anhorig.consent.model",
    "ProvisionType": "anhorig.consent.model",
    "Purpose": "anhorig.consent.model",
    "Recipient": "anhorig.consent.model",
    "RecipientKind": "anhorig.consent.model",
    "RecipientRole": "anhorig.consent.model",
    "RecordLink": "anhorig.consent.model",
    "Revocation": "anhorig.consent.model",
    "RULES": "anhorig.consent.rules",
    "Sector": "anhorig.consent.model",
}
"""Each public name and the module that defines it."""

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.reexport(__name__, _WHERE)
del TYPE_CHECKING

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
