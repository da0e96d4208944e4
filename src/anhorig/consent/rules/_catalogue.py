"""The consent catalogue in the catalogue's order: every decision basis and reason of the
family, gathered from the topics that define them (re-exported as
`anhorig.consent.rules.RULES`)."""

from __future__ import annotations

from anhorig.consent.rules._common import (
    BASIS_NOT_MET,
)
from anhorig.consent.rules.blocks import (
    BLOCKED,
    EMERGENCY,
)
from anhorig.consent.rules.consents import (
    CONFLICT,
    DENY,
    NOT_GRANTEE,
    OTHER_AUTHORITY,
    PERMIT,
    REVOKED,
)
from anhorig.consent.rules.exceptions import (
    BRANCH_BOUNDARY,
    CARE_EXCHANGE,
    LISTENING,
    PATIENT_CANNOT_TAKE_IN_BASIS,
    RECIPIENT_DECLINES,
    REPORT_OF_CONCERN_BASIS,
    WITHIN_AUTHORITY,
)
from anhorig.consent.rules.harm import (
    HARM_ASSESSMENT,
    HARM_ASSESSMENT_NOT_COUNTED,
    HARM_ASSESSMENT_OVERRIDDEN,
    HARM_POSSIBLE,
)
from anhorig.consent.rules.procedure import (
    EACH_PERSON,
    NO_BASIS,
)
from anhorig.consent.rules.validity import (
    CHILD_OBJECTS,
    CHILD_TOO_YOUNG,
    CHILD_VIEW_MISSING,
    CHILD_VIEW_WEIGHED,
    NO_AUTHORITY,
    NOT_IN_FORCE,
    UNDOCUMENTED,
)
from anhorig.findings import Rule

__all__ = ["RULES"]

RULES: tuple[Rule, ...] = (
    LISTENING,
    WITHIN_AUTHORITY,
    REPORT_OF_CONCERN_BASIS,
    RECIPIENT_DECLINES,
    BLOCKED,
    EMERGENCY,
    CARE_EXCHANGE,
    PERMIT,
    DENY,
    HARM_ASSESSMENT,
    PATIENT_CANNOT_TAKE_IN_BASIS,
    NO_BASIS,
    NO_AUTHORITY,
    UNDOCUMENTED,
    CHILD_VIEW_MISSING,
    CHILD_OBJECTS,
    CHILD_TOO_YOUNG,
    CHILD_VIEW_WEIGHED,
    OTHER_AUTHORITY,
    NOT_GRANTEE,
    REVOKED,
    NOT_IN_FORCE,
    EACH_PERSON,
    CONFLICT,
    BASIS_NOT_MET,
    HARM_POSSIBLE,
    HARM_ASSESSMENT_NOT_COUNTED,
    HARM_ASSESSMENT_OVERRIDDEN,
    BRANCH_BOUNDARY,
)
"""Every decision basis and reason of the consent family, in the catalogue."""
