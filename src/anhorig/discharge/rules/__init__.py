"""The discharge rules (codes ``DIS-*``): one family, grouped by topic.

``check(process, *, on, policy=None, decision_policy=None) -> Report`` collects every
finding and never raises on a domain problem; ``validate`` returns the process or
raises ``RuleViolation``; ``is_valid`` never raises. Each rule stands directly above
the condition that finds it, with the DOMAIN.md rules it encodes in its ``domain``:
:mod:`~anhorig.discharge.rules.steps` (references, the notice of admission, the fast
vårdkontakt, the SIP invitation, payment), :mod:`~anhorig.discharge.rules.information`
(a basis, a deadline and a channel for every need),
:mod:`~anhorig.discharge.rules.relatives` (asked, prepared, supported, informed at each
stage, a contingency plan) and :mod:`~anhorig.discharge.rules.children` (HSL 5 kap. 7 §).

Every transfer is decided by the consent engine (:func:`anhorig.consent.evaluate`);
deadlines run in Europe/Stockholm (:mod:`anhorig.discharge.deadlines`).

References:
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Socialtjänstlag (2025:400) 13 kap. 9 §; Hälso- och sjukvårdslag (2017:30) 5 kap. 7 §.
    - Offentlighets- och sekretesslag (2009:400) 25 kap. 1 §, 26 kap. 1 §, 12 kap. 2 §.
    - Seeds 000, 001, 002, 004.
"""

from anhorig.discharge.rules._check import RULES, check, is_valid, validate
from anhorig.discharge.rules.children import DIS_CHILD_NOT_CONSIDERED
from anhorig.discharge.rules.information import (
    DIS_DISCLOSED_WITHOUT_BASIS,
    DIS_RECIPIENT_NO_CHANNEL,
    DIS_RECIPIENT_UNRELIABLE_CHANNEL,
    DIS_TRANSFER_LATE,
    DIS_TRANSFER_NO_BASIS,
)
from anhorig.discharge.rules.relatives import (
    DIS_CARER_NOT_GUIDED,
    DIS_CARER_SUPPORT_NOT_OFFERED,
    DIS_CONSULTANT_NOT_INVOLVED,
    DIS_CONTINGENCY_FAMILY_UNKNOWN,
    DIS_NO_CONTINGENCY_PLAN,
    DIS_RELATIVE_NOT_ASKED,
    DIS_RELATIVE_NOT_PREPARED,
    DIS_STAGE_NO_BASIS,
    DIS_STAGE_NOT_INFORMED,
)
from anhorig.discharge.rules.steps import (
    DIS_ADMISSION_NOTICE_LATE,
    DIS_DUPLICATE_ID,
    DIS_NO_CARE_CONTACT,
    DIS_PAYMENT_RESPONSIBILITY,
    DIS_SIP_INVITATION_LATE,
    DIS_UNKNOWN_REFERENCE,
)

__all__ = [
    "DIS_ADMISSION_NOTICE_LATE",
    "DIS_CARER_NOT_GUIDED",
    "DIS_CARER_SUPPORT_NOT_OFFERED",
    "DIS_CHILD_NOT_CONSIDERED",
    "DIS_CONSULTANT_NOT_INVOLVED",
    "DIS_CONTINGENCY_FAMILY_UNKNOWN",
    "DIS_DISCLOSED_WITHOUT_BASIS",
    "DIS_DUPLICATE_ID",
    "DIS_NO_CARE_CONTACT",
    "DIS_NO_CONTINGENCY_PLAN",
    "DIS_PAYMENT_RESPONSIBILITY",
    "DIS_RECIPIENT_NO_CHANNEL",
    "DIS_RECIPIENT_UNRELIABLE_CHANNEL",
    "DIS_RELATIVE_NOT_ASKED",
    "DIS_RELATIVE_NOT_PREPARED",
    "DIS_SIP_INVITATION_LATE",
    "DIS_STAGE_NOT_INFORMED",
    "DIS_STAGE_NO_BASIS",
    "DIS_TRANSFER_LATE",
    "DIS_TRANSFER_NO_BASIS",
    "DIS_UNKNOWN_REFERENCE",
    "RULES",
    "check",
    "is_valid",
    "validate",
]
