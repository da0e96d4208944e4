"""Discharge from hospital and information to relatives (*samverkan vid utskrivning*).

The coordinated planning of a patient's discharge under Lag (2017:612) as typed,
immutable records (:mod:`~anhorig.discharge.model`), the days a region counts with as
policy (:mod:`~anhorig.discharge.policy`), the deadlines in Europe/Stockholm
(:mod:`~anhorig.discharge.deadlines`), every transfer decided by the consent engine
(:mod:`~anhorig.discharge.transfers`), the rules (``DIS-*``,
:mod:`~anhorig.discharge.rules`) and a checklist of who to contact, in which order
(:mod:`~anhorig.discharge.checklist`).

``check(process, *, on, policy=None) -> Report``, ``validate`` and ``is_valid`` are
the family's interface, as in every rule family.
"""

from anhorig.discharge.checklist import Checklist, ChecklistItem, ItemStatus, Step, checklist
from anhorig.discharge.deadlines import (
    Deadline,
    DeadlineKind,
    DeadlineStatus,
    PaymentResponsibility,
    payment_responsibility,
)
from anhorig.discharge.model import (
    Admission,
    AdmissionNotice,
    CareContact,
    CareKind,
    Channel,
    ChildAtDischarge,
    ChildConsideration,
    ChildSupportAction,
    ContingencyPlan,
    DischargeProcess,
    DischargeRecipient,
    DischargeRole,
    InformationTransfer,
    PlanningMeeting,
    ReadyNotice,
    RelativeAtDischarge,
    SipInvitation,
    Stage,
    StageInformation,
)
from anhorig.discharge.policy import DischargePolicy
from anhorig.discharge.rules import RULES, check, is_valid, validate
from anhorig.discharge.transfers import TransferDecision, decide_transfers

__all__ = [
    "RULES",
    "Admission",
    "AdmissionNotice",
    "CareContact",
    "CareKind",
    "Channel",
    "Checklist",
    "ChecklistItem",
    "ChildAtDischarge",
    "ChildConsideration",
    "ChildSupportAction",
    "ContingencyPlan",
    "Deadline",
    "DeadlineKind",
    "DeadlineStatus",
    "DischargePolicy",
    "DischargeProcess",
    "DischargeRecipient",
    "DischargeRole",
    "InformationTransfer",
    "ItemStatus",
    "PaymentResponsibility",
    "PlanningMeeting",
    "ReadyNotice",
    "RelativeAtDischarge",
    "SipInvitation",
    "Stage",
    "StageInformation",
    "Step",
    "TransferDecision",
    "check",
    "checklist",
    "decide_transfers",
    "is_valid",
    "payment_responsibility",
    "validate",
]
