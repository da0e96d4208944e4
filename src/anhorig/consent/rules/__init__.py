"""The consent catalogue and the decision procedure: every decision basis and every
reason a consent does not count, each defined beside the code that decides it.

Each entry is a :class:`anhorig.findings.Rule` in the family ``consent`` with the
DOMAIN.md rules (5–13) it encodes in its ``domain``; a decision's ``reasons`` are
findings of these rules and its ``basis`` names them by code. The rules live by topic:
:mod:`~anhorig.consent.rules.exceptions` (the bases that need no consent),
:mod:`~anhorig.consent.rules.blocks`, :mod:`~anhorig.consent.rules.validity` and
:mod:`~anhorig.consent.rules.consents` (consent as the basis),
:mod:`~anhorig.consent.rules.harm` (menprövning); :mod:`~anhorig.consent.rules.procedure`
applies them in the law's order (:func:`decide`).

Decision bases (what lets information go, or stops it):

- ``CONSENT-LISTENING``: information from a relative to staff needs no consent.
- ``CONSENT-WITHIN-AUTHORITY``: the holder's own branch uses its information; no secrecy
  boundary is crossed (OSL 8:1–2). ``CONSENT-BRANCH-BOUNDARY`` says when information
  passes between branches of one authority, which is a boundary.
- ``CONSENT-REPORT-OF-CONCERN``: a report of concern about a child overrides secrecy.
- ``CONSENT-RECIPIENT-DECLINES``: a relative who does not want information is not given it.
- ``CONSENT-BLOCKED`` / ``CONSENT-EMERGENCY``: a block holds; only an emergency breaks it.
- ``CONSENT-CARE-EXCHANGE``: OSL 25:12 / 26:9 groups, without consent.
- ``CONSENT-PERMIT`` / ``CONSENT-DENY``: a valid consent's provision decides.
- ``CONSENT-HARM-ASSESSMENT``: a documented menprövning by the holder concludes it is
  clear that no harm results (OSL 25:1 / 26:1).
- ``CONSENT-PATIENT-CANNOT-TAKE-IN``: Patientlagen 3:4.
- ``CONSENT-NO-BASIS``: nothing permits it, so it is denied by default.

Reasons a consent does not count: ``CONSENT-NO-AUTHORITY``, ``CONSENT-UNDOCUMENTED``,
``CONSENT-CHILD-VIEW-MISSING``, ``CONSENT-CHILD-OBJECTS``, ``CONSENT-CHILD-TOO-YOUNG``,
``CONSENT-OTHER-AUTHORITY``, ``CONSENT-NOT-GRANTEE``,
``CONSENT-REVOKED``, ``CONSENT-NOT-IN-FORCE``; reasons a menprövning does not count:
``CONSENT-HARM-POSSIBLE``, ``CONSENT-HARM-ASSESSMENT-NOT-COUNTED``,
``CONSENT-HARM-ASSESSMENT-OVERRIDDEN``; the child's objection to a custodian's consent
that counts, weighed (``CONSENT-CHILD-VIEW-WEIGHED``); and about the whole decision:
``CONSENT-EACH-PERSON``, ``CONSENT-CONFLICT``, ``CONSENT-BASIS-NOT-MET``.

References:
    - Offentlighets- och sekretesslag (2009:400) 10 kap. 28 §; 12 kap. 2–3 §§;
      25 kap. 1, 12 §§; 26 kap. 1, 9 §§.
    - Socialtjänstlag (2001:453) 14 kap. 1 §; Socialtjänstlag (2025:400) 19 kap. 1 §.
    - Patientlag (2014:821) 3 kap. 4 §.
    - Lag (2022:913) om sammanhållen vård- och omsorgsdokumentation.
    - Seed 001: "lyssna kan man alltid göra"; seed 003: the relative is kept informed
      "under förutsättning att den närstående ger sitt samtycke och att den anhörige
      vill vara delaktig".
"""

from anhorig import _lazy

# Names are imported on first use (`anhorig._lazy`): judging who may consent
# (`validity`) needs none of the other topics.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from anhorig.consent.rules._catalogue import RULES
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
        decide,
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

_WHERE = {
    "BASIS_NOT_MET": "anhorig.consent.rules._common",
    "BLOCKED": "anhorig.consent.rules.blocks",
    "BRANCH_BOUNDARY": "anhorig.consent.rules.exceptions",
    "CARE_EXCHANGE": "anhorig.consent.rules.exceptions",
    "CHILD_OBJECTS": "anhorig.consent.rules.validity",
    "CHILD_TOO_YOUNG": "anhorig.consent.rules.validity",
    "CHILD_VIEW_MISSING": "anhorig.consent.rules.validity",
    "CHILD_VIEW_WEIGHED": "anhorig.consent.rules.validity",
    "CONFLICT": "anhorig.consent.rules.consents",
    "decide": "anhorig.consent.rules.procedure",
    "DENY": "anhorig.consent.rules.consents",
    "EACH_PERSON": "anhorig.consent.rules.procedure",
    "EMERGENCY": "anhorig.consent.rules.blocks",
    "HARM_ASSESSMENT": "anhorig.consent.rules.harm",
    "HARM_ASSESSMENT_NOT_COUNTED": "anhorig.consent.rules.harm",
    "HARM_ASSESSMENT_OVERRIDDEN": "anhorig.consent.rules.harm",
    "HARM_POSSIBLE": "anhorig.consent.rules.harm",
    "LISTENING": "anhorig.consent.rules.exceptions",
    "NO_AUTHORITY": "anhorig.consent.rules.validity",
    "NOT_GRANTEE": "anhorig.consent.rules.consents",
    "NO_BASIS": "anhorig.consent.rules.procedure",
    "NOT_IN_FORCE": "anhorig.consent.rules.validity",
    "OTHER_AUTHORITY": "anhorig.consent.rules.consents",
    "PATIENT_CANNOT_TAKE_IN_BASIS": "anhorig.consent.rules.exceptions",
    "PERMIT": "anhorig.consent.rules.consents",
    "RECIPIENT_DECLINES": "anhorig.consent.rules.exceptions",
    "REPORT_OF_CONCERN_BASIS": "anhorig.consent.rules.exceptions",
    "REVOKED": "anhorig.consent.rules.consents",
    "RULES": "anhorig.consent.rules._catalogue",
    "UNDOCUMENTED": "anhorig.consent.rules.validity",
    "WITHIN_AUTHORITY": "anhorig.consent.rules.exceptions",
}
"""Each public name and the module that defines it."""

if not TYPE_CHECKING:  # type checkers see the imports above
    __getattr__, __dir__ = _lazy.reexport(__name__, _WHERE)
del TYPE_CHECKING

__all__ = [
    "BASIS_NOT_MET",
    "BLOCKED",
    "BRANCH_BOUNDARY",
    "CARE_EXCHANGE",
    "CHILD_OBJECTS",
    "CHILD_TOO_YOUNG",
    "CHILD_VIEW_MISSING",
    "CHILD_VIEW_WEIGHED",
    "CONFLICT",
    "DENY",
    "EACH_PERSON",
    "EMERGENCY",
    "HARM_ASSESSMENT",
    "HARM_ASSESSMENT_NOT_COUNTED",
    "HARM_ASSESSMENT_OVERRIDDEN",
    "HARM_POSSIBLE",
    "LISTENING",
    "NOT_GRANTEE",
    "NOT_IN_FORCE",
    "NO_AUTHORITY",
    "NO_BASIS",
    "OTHER_AUTHORITY",
    "PATIENT_CANNOT_TAKE_IN_BASIS",
    "PERMIT",
    "RECIPIENT_DECLINES",
    "REPORT_OF_CONCERN_BASIS",
    "REVOKED",
    "RULES",
    "UNDOCUMENTED",
    "WITHIN_AUTHORITY",
    "decide",
]
