"""Whether a consent counts at an instant (DOMAIN.md rules 7 and 8): who gave it, whether
it is documented, the child's view, and its period of validity.

Each rule stands directly above the condition that finds it; who may consent on a day
(``CONSENT-NO-AUTHORITY``, ``CONSENT-CHILD-TOO-YOUNG``) is :mod:`anhorig.consent.grantors`,
re-exported here. :func:`compile_consent` works out once what does not depend on the
instant (the grantor's authority, the documentation, when a child comes of age or
decides for themselves);
:func:`invalid_at` says why the consent does not count at an instant, and
:mod:`anhorig.consent.checks` reports the same reasons for one consent on one day.

References:
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2–3 §§.
    - Socialstyrelsen, *Samtycke* (Kunskapsguiden): oral consent is valid but documented.
"""

from __future__ import annotations

import functools
import math

from anhorig.consent._compiled import (
    CompiledConsent,
    Judging,
    Validity,
    local_date,
    seconds,
    start_of_day,
)
from anhorig.consent.decision import DecisionPolicy
from anhorig.consent.grantors import (
    CHILD_TOO_YOUNG,
    NO_AUTHORITY,
    GrantorCapacity,
    birthday,
    grantor_refusal,
    may_consent,
    may_consent_alone,
    own_consent_from,
    too_young,
)
from anhorig.consent.model import ChildOpinion, Consent, person_key
from anhorig.consent.rules._common import LaterFinding, finding, instant_text, rule
from anhorig.findings import Rule, Severity
from anhorig.language import Text
from anhorig.law import CONSENT_WAIVER, CONSENT_WAIVER_CHILD

__all__ = [
    "CHILD_OBJECTS",
    "CHILD_TOO_YOUNG",
    "CHILD_VIEW_MISSING",
    "CHILD_VIEW_WEIGHED",
    "NOT_IN_FORCE",
    "NO_AUTHORITY",
    "UNDOCUMENTED",
    "child_view_weighed",
    "compile_consent",
    "grantor_refusal",
    "invalid_at",
    "judge",
    "may_consent",
    "may_consent_alone",
    "own_consent_from",
    "period_text",
    "shared_compiled",
]

_Invalid = tuple[Rule, dict[str, object]]


# --- 7: only the person, or a custodian for a child, can consent ------------------------
# NO_AUTHORITY and CHILD_TOO_YOUNG, with who may consent on a day (grantor_refusal), are
# defined in anhorig.consent.grantors, which the plans share without instants; judge()
# below decides the same by instant.


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
    applies_to=("Consent",),
    condition=(
        "Ett samtycke från vårdnadshavare (capacity custodian) saknar barnets egen inställning (grantor.child_view = null).",
        "A custodian's consent (capacity custodian) lacks the child's own view (grantor.child_view = null).",
    ),
    boundary=(
        "Vilken dokumenterad inställning som helst räcker för denna regel (en invändning prövas av CONSENT-CHILD-OBJECTS).",
        "Any recorded view is enough for this rule (an objection is judged by CONSENT-CHILD-OBJECTS).",
    ),
    fix=(
        "Fråga barnet och dokumentera hens inställning i grantor.child_view.",
        "Ask the child and record their view in grantor.child_view.",
    ),
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
    applies_to=("Consent",),
    condition=(
        "Ett samtycke från vårdnadshavare där barnet motsätter sig (child_view.opinion = objects) och har fyllt policyns child_decides_from_age vid tidpunkten: barnet bestämmer själv.",
        "A custodian's consent where the child objects (child_view.opinion = objects) and has reached the policy's child_decides_from_age at the instant: the child decides.",
    ),
    boundary=(
        "Från midnatt den födelsedag barnet fyller child_decides_from_age slår regeln till; dagen före gäller vårdnadshavarens samtycke. Utan åldersgräns i policyn slår den aldrig till.",
        "From midnight starting the birthday the child turns child_decides_from_age it fires; the day before the custodian's consent holds. Without an age in the policy it never fires.",
    ),
    fix=(
        "Respektera barnets nej; be barnet självt om samtycke.",
        "Respect the child's no; ask the child themself for consent.",
    ),
)


CHILD_VIEW_WEIGHED = rule(
    "CONSENT-CHILD-VIEW-WEIGHED",
    Severity.INFO,
    ("Barnets inställning vägs in", "The child's view is weighed"),
    (
        "Barnets inställning: {opinion}; vägs in med hänsyn till ålder och mognad. "
        "{subject} {why}, så vårdnadshavarens samtycke {consent} gäller.",
        "The child's view: {opinion}; weighed with regard to age and maturity. {subject} "
        "{why}, so the custodian's consent {consent} counts.",
    ),
    law=(CONSENT_WAIVER_CHILD,),
    sources=("socialstyrelsen-samtycke",),
    domain=(7,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett samtycke från vårdnadshavare som gäller vid tidpunkten och där barnet motsätter sig (child_view.opinion = objects), men barnet har inte fyllt policyns child_decides_from_age: invändningen redovisas som ett skäl.",
        "A custodian's consent that counts at the instant where the child objects (child_view.opinion = objects) but has not reached the policy's child_decides_from_age: the objection is given as a reason.",
    ),
    boundary=(
        "Till midnatt när barnet fyller child_decides_from_age redovisas invändningen här; från den stunden gäller CONSENT-CHILD-OBJECTS.",
        "Until midnight starting the birthday of child_decides_from_age the objection is given here; from that instant CONSENT-CHILD-OBJECTS applies.",
    ),
    fix=(
        "Ett skäl, inte ett fel: väg barnets inställning med hänsyn till ålder och mognad och dokumentera hur den vägts.",
        "A reason, not an error: weigh the child's view with regard to age and maturity and record how it was weighed.",
    ),
)


def _decides_text(policy: DecisionPolicy) -> Text:
    # No age in years: the words change only where the decision can (mature_at).
    age = policy.child_decides_from_age
    if age is None:
        return Text(
            sv="bestämmer inte själv på åldern ensam, enligt kommunens policy",
            en="does not decide for themselves on age alone, by the municipality's policy",
        )
    return Text(
        sv=f"har inte fyllt {age} år, den ålder från vilken barnet bestämmer själv",
        en=f"is under {age}, the age from which the child decides for themselves",
    )


def child_view_weighed(
    consent: Consent, path: str, t: float, policy: DecisionPolicy
) -> LaterFinding | None:
    """The child's recorded objection to the custodian's ``consent`` that counts at
    ``t``, as a reason: the objection is weighed, not silent; ``None`` for any other
    consent or view."""
    grantor = consent.grantor
    view = grantor.child_view
    if view is None:  # the common case, asked for every consent that counts
        return None
    born = consent.subject.birth_date
    if (
        grantor.capacity is not GrantorCapacity.CUSTODIAN
        or view is None
        or view.opinion is not ChildOpinion.OBJECTS
        or born is None
    ):
        return None
    return finding(
        CHILD_VIEW_WEIGHED,
        f"{path}.grantor.child_view",
        local_date(t),
        opinion=Text(sv=view.opinion.label("sv"), en=view.opinion.label("en")),
        subject=str(consent.subject),
        why=_decides_text(policy),
        consent=consent.id,
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
    applies_to=("Consent",),
    condition=(
        "Samtycket saknar dokumentation (evidence = null), dokumentationen saknar documented_by eller documented_at, eller dokumenterades efter tidpunkten.",
        "The consent has no documentation (evidence = null), the documentation lacks documented_by or documented_at, or it was documented after the instant.",
    ),
    boundary=(
        "Dokumenterat exakt vid tidpunkten räcker; en sekund senare slår regeln till.",
        "Documented exactly at the instant is enough; one second later fires.",
    ),
    fix=(
        "Dokumentera samtycket: vem (documented_by), när (documented_at) och hur (form).",
        "Document the consent: who (documented_by), when (documented_at) and how (form).",
    ),
)


def compile_consent(consent: Consent, policy: DecisionPolicy) -> CompiledConsent:
    """``consent`` prepared for fast matching; its validity (`judge`) is worked out
    when first read."""
    judging = _LAST_JUDGING[0]
    if judging[1] is not policy:
        # A registry adds under one policy: one pair for all of them (a lost race only
        # makes one more pair).
        judging = _LAST_JUDGING[0] = (judge, policy)
    return CompiledConsent(consent, judging)


def judge(consent: Consent, policy: DecisionPolicy) -> Validity:
    """What makes ``consent`` invalid whatever the instant (``NO_AUTHORITY``,
    ``CHILD_VIEW_MISSING``, ``UNDOCUMENTED``) and the instants from which it is
    documented, the child is of age, the child decides, and a child's own consent
    counts: ``(invalid, documented_at, adult_at, mature_at, own_from)``."""
    invalid: _Invalid | None = None
    documented_at = -math.inf
    adult_at: float | None = None
    mature_at: float | None = None
    own_from: float | None = None
    evidence = consent.evidence
    grantor = consent.grantor
    subject = consent.subject
    if grantor.capacity is GrantorCapacity.SELF:
        if person_key(grantor.person) != person_key(subject):
            invalid = _no_authority(
                f"{grantor.person} är inte {subject}, som uppgifterna gäller",
                f"{grantor.person} is not {subject}, whom the information is about",
            )
        else:
            start = own_consent_from(subject, policy)
            if start is not None:
                own_from = start_of_day(start)
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
    return invalid, documented_at, adult_at, mature_at, own_from


_LAST_JUDGING: list[Judging] = [(judge, DecisionPolicy())]
"""The pair the last consent was compiled with (see `compile_consent`)."""


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
    if compiled.own_from is not None and t < compiled.own_from:
        return (CHILD_TOO_YOUNG, too_young(compiled.consent.subject, policy))
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
    applies_to=("Consent",),
    condition=(
        "Ett samtycke gäller inte vid tidpunkten: före valid_from eller från valid_until. consent.checks.check(consent, on=dag) ger det för dagens slut; evaluate() ger det som skäl för ett matchande samtycke.",
        "A consent is not in force at the instant: before valid_from or from valid_until on. consent.checks.check(consent, on=day) gives it for the end of the day; evaluate() gives it as a reason for a matching consent.",
    ),
    boundary=(
        "valid_from ingår, valid_until ingår inte: vid valid_until exakt slår regeln till.",
        "valid_from is included, valid_until is not: exactly at valid_until it fires.",
    ),
    fix=(
        "Inhämta ett nytt samtycke för perioden, eller rätta valid_from/valid_until.",
        "Obtain a new consent for the period, or correct valid_from/valid_until.",
    ),
)


def period_text(compiled: CompiledConsent) -> Text:
    """The consent's period of validity in words."""
    start = instant_text(compiled.start)
    if math.isinf(compiled.until):
        return Text(sv=f"från {start.sv} tills vidare", en=f"from {start.en} until revoked")
    end = instant_text(compiled.until)
    return Text(sv=f"från {start.sv} till {end.sv}", en=f"from {start.en} to {end.en}")
