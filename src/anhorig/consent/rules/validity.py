"""Whether a consent counts at an instant (DOMAIN.md rules 7 and 8): who gave it, whether
it is documented, the child's view, and its period of validity.

Each rule stands directly above the condition that finds it. :func:`compile_consent`
works out once what does not depend on the instant (the grantor's authority, the
documentation, when a child comes of age or decides for themselves);
:func:`invalid_at` says why the consent does not count at an instant, and
:mod:`anhorig.consent.checks` reports the same reasons for one consent on one day.

References:
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2–3 §§.
    - Socialstyrelsen, *Samtycke* (Kunskapsguiden): oral consent is valid but documented.
"""

from __future__ import annotations

import functools
import math

from anhorig.consent._compiled import CompiledConsent, birthday, seconds, start_of_day
from anhorig.consent.decision import DecisionPolicy
from anhorig.consent.model import ChildOpinion, Consent, GrantorCapacity, person_key
from anhorig.consent.rules._common import instant_text, rule
from anhorig.findings import Rule, Severity
from anhorig.language import Text
from anhorig.law import CONSENT_WAIVER, CONSENT_WAIVER_CHILD

__all__ = [
    "CHILD_OBJECTS",
    "CHILD_VIEW_MISSING",
    "NOT_IN_FORCE",
    "NO_AUTHORITY",
    "UNDOCUMENTED",
    "compile_consent",
    "invalid_at",
    "period_text",
    "shared_compiled",
]

_Invalid = tuple[Rule, dict[str, object]]


# --- 7: only the person, or a custodian for a child, can consent ------------------------

NO_AUTHORITY = rule(
    "CONSENT-NO-AUTHORITY",
    Severity.ERROR,
    ("Samtycke utan behörighet", "Consent without authority"),
    (
        "Samtycke {consent} gäller inte: {why}. Bara den enskilde själv, eller "
        "vårdnadshavare för ett barn, kan samtycka.",
        "Consent {consent} is not valid: {why}. Only the person themselves, or a custodian "
        "for a child, can consent.",
    ),
    law=(CONSENT_WAIVER, CONSENT_WAIVER_CHILD),
    sources=("socialstyrelsen-samtycke",),
    domain=(7,),
)


def _no_authority(sv: str, en: str) -> _Invalid:
    return (NO_AUTHORITY, {"why": Text(sv=sv, en=en)})


# --- 7: the child's own view is recorded and weighed with age ---------------------------

CHILD_VIEW_MISSING = rule(
    "CONSENT-CHILD-VIEW-MISSING",
    Severity.ERROR,
    ("Barnets inställning saknas", "The child's view is missing"),
    (
        "Samtycke {consent} från vårdnadshavare gäller inte: barnets egen inställning är "
        "inte dokumenterad och kan inte vägas in.",
        "Consent {consent} from a custodian is not valid: the child's own view is not "
        "recorded and cannot be weighed.",
    ),
    law=(CONSENT_WAIVER_CHILD,),
    sources=("socialstyrelsen-samtycke",),
    domain=(7,),
)
CHILD_OBJECTS = rule(
    "CONSENT-CHILD-OBJECTS",
    Severity.ERROR,
    ("Barnet motsätter sig", "The child objects"),
    (
        "Samtycke {consent} från vårdnadshavare gäller inte: barnet, {age} år eller äldre, "
        "motsätter sig och bestämmer själv.",
        "Consent {consent} from a custodian is not valid: the child, aged {age} or more, "
        "objects and decides for themselves.",
    ),
    law=(CONSENT_WAIVER_CHILD,),
    sources=("socialstyrelsen-samtycke",),
    domain=(7,),
)


# --- 8: oral consent is valid but documented --------------------------------------------

UNDOCUMENTED = rule(
    "CONSENT-UNDOCUMENTED",
    Severity.ERROR,
    ("Samtycket är inte dokumenterat", "The consent is not documented"),
    (
        "Samtycke {consent} gäller inte: {why}. Ett muntligt samtycke är giltigt men ska "
        "dokumenteras (vem, när, hur).",
        "Consent {consent} is not valid: {why}. Oral consent is valid but must be "
        "documented (who, when, how).",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
    domain=(8,),
)


def compile_consent(consent: Consent, policy: DecisionPolicy) -> CompiledConsent:
    """``consent`` prepared for fast matching, with what makes it invalid whatever the
    instant (``NO_AUTHORITY``, ``CHILD_VIEW_MISSING``, ``UNDOCUMENTED``) and the
    instants from which it is documented, the child is of age, and the child decides."""
    invalid: _Invalid | None = None
    documented_at = -math.inf
    adult_at: float | None = None
    mature_at: float | None = None
    evidence = consent.evidence
    grantor = consent.grantor
    subject = consent.subject
    if grantor.capacity is GrantorCapacity.SELF:
        if person_key(grantor.person) != person_key(subject):
            invalid = _no_authority(
                f"{grantor.person} är inte {subject}, som uppgifterna gäller",
                f"{grantor.person} is not {subject}, whom the information is about",
            )
    elif grantor.capacity is GrantorCapacity.CUSTODIAN:
        if subject.birth_date is None:
            invalid = _no_authority(
                "det går inte att visa att den enskilde är ett barn",
                "the person cannot be shown to be a child",
            )
        elif grantor.child_view is None:
            invalid = (CHILD_VIEW_MISSING, {})
        else:
            adult_at = start_of_day(birthday(subject.birth_date, 18))
            age = policy.child_decides_from_age
            if grantor.child_view.opinion is ChildOpinion.OBJECTS and age is not None:
                mature_at = start_of_day(birthday(subject.birth_date, age))
    else:
        invalid = _no_authority(
            f"{grantor.person} samtycker som {grantor.capacity.label('sv')}",
            f"{grantor.person} consents as {grantor.capacity.label('en')}",
        )
    if invalid is None:
        if evidence is None:
            invalid = (
                UNDOCUMENTED,
                {"why": Text(sv="det finns ingen dokumentation", en="there is no documentation")},
            )
        elif evidence.documented_by is None or evidence.documented_at is None:
            # The reader is told what is missing in words; the English names the field.
            missing = (
                Text(sv="vem som dokumenterade", en="documented_by")
                if evidence.documented_by is None
                else Text(sv="när det dokumenterades", en="documented_at")
            )
            invalid = (
                UNDOCUMENTED,
                {
                    "why": Text(
                        sv="dokumentationen saknar {missing} (vem och när)",
                        en="the documentation lacks {missing} (who and when)",
                    ).format(missing=missing)
                },
            )
        else:
            documented_at = seconds(evidence.documented_at)
    return CompiledConsent(
        consent,
        invalid=invalid,
        documented_at=documented_at,
        adult_at=adult_at,
        mature_at=mature_at,
    )


@functools.lru_cache(maxsize=65536)
def shared_compiled(consent: Consent, policy: DecisionPolicy) -> CompiledConsent:
    """The compiled form of ``consent``, shared between equal consents (both are
    immutable), so that ``evaluate`` does not compile the same consent twice."""
    return compile_consent(consent, policy)


def invalid_at(compiled: CompiledConsent, t: float, policy: DecisionPolicy) -> _Invalid | None:
    """Why the consent does not count at ``t`` for who gave it and how (a rule and its
    parameters), or ``None``."""
    if compiled.invalid is not None:
        return compiled.invalid
    if compiled.documented_at > t:
        return (
            UNDOCUMENTED,
            {
                "why": Text(
                    sv="det dokumenterades först senare",
                    en="it was only documented later",
                )
            },
        )
    if compiled.adult_at is not None and t >= compiled.adult_at:
        return _no_authority(
            "den enskilde har fyllt 18 år; vårdnadshavaren kan inte längre samtycka",
            "the person has turned 18; the custodian can no longer consent",
        )
    if compiled.mature_at is not None and t >= compiled.mature_at:
        return (CHILD_OBJECTS, {"age": policy.child_decides_from_age})
    return None


# --- 8: a consent is valid for a period -------------------------------------------------

NOT_IN_FORCE = rule(
    "CONSENT-NOT-IN-FORCE",
    Severity.INFO,
    ("Samtycket gäller inte vid tidpunkten", "The consent is not in force at that instant"),
    (
        "Samtycke {consent} gäller {period}, inte vid den efterfrågade tidpunkten.",
        "Consent {consent} is valid {period}, not at the instant asked about.",
    ),
    law=(CONSENT_WAIVER,),
    domain=(8,),
)


def period_text(compiled: CompiledConsent) -> Text:
    """The consent's period of validity in words."""
    start = instant_text(compiled.start)
    if math.isinf(compiled.until):
        return Text(sv=f"från {start.sv} tills vidare", en=f"from {start.en} until revoked")
    end = instant_text(compiled.until)
    return Text(sv=f"från {start.sv} till {end.sv}", en=f"from {start.en} to {end.en}")
