"""Who may consent, in words without instants (*vem som får samtycka*, DOMAIN.md rule 7).

In what capacity a consent was given (:class:`GrantorCapacity`), how
(:class:`EvidenceForm`), and whether that grantor may consent on a day under a
:class:`~anhorig.consent.policy.DecisionPolicy` (:func:`grantor_refusal`,
:func:`may_consent`, with the rules ``CONSENT-NO-AUTHORITY`` and
``CONSENT-CHILD-TOO-YOUNG``). The consent model (:mod:`anhorig.consent.model`) and the
validity rules (:mod:`anhorig.consent.rules.validity`) re-export them; they live here,
in a module that needs neither pendulum nor the consent model, because the support
plans record consents in these same words and ask this same rule: validating a plan
then imports no instants (issue 14, start-up).

References:
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2–3 §§.
    - Socialstyrelsen, *Samtycke* (Kunskapsguiden): each person consents for themselves.
"""

from __future__ import annotations

import functools
from datetime import date
from typing import cast

from anhorig._arguments import checked, checked_first
from anhorig.consent.policy import DecisionPolicy
from anhorig.findings import Rule, Severity
from anhorig.language import LabelledEnum, Text
from anhorig.law import CONSENT_WAIVER, CONSENT_WAIVER_CHILD
from anhorig.people import Person

__all__ = [
    "CHILD_TOO_YOUNG",
    "NO_AUTHORITY",
    "EvidenceForm",
    "GrantorCapacity",
    "birthday",
    "grantor_refusal",
    "may_consent",
    "may_consent_alone",
    "own_consent_from",
    "too_young",
]

# Consent's catalogue entries, made as `anhorig.consent.rules._common.rule` makes them
# (that module needs pendulum).
_rule = functools.partial(Rule.define, "consent")


class GrantorCapacity(LabelledEnum):
    """In what capacity the grantor acts (*i vilken egenskap*).

    Only ``SELF`` (the person the information is about) and ``CUSTODIAN`` (for a
    child) can waive secrecy; the others are recorded so that the decision can say
    why their consent is not valid.
    """

    SELF = "self", "den enskilde själv", "the person themselves"
    CUSTODIAN = "custodian", "vårdnadshavare", "custodian"
    GOD_MAN = "god_man", "god man", "trustee (god man)"
    FORVALTARE = "forvaltare", "förvaltare", "administrator (förvaltare)"
    POWER_OF_ATTORNEY = (
        "power_of_attorney",
        "framtidsfullmaktshavare",
        "holder of a power of attorney",
    )
    RELATIVE = "relative", "anhörig", "relative"
    NEIGHBOUR = "neighbour", "granne", "neighbour"
    OTHER = "other", "annan person", "someone else"
    EMERGENCY_CONTACT = (
        "emergency_contact",
        "kontaktperson vid nödsituation",
        "emergency contact",
    )
    GUARDIAN = "god_man", "god man", "trustee (god man)"  # alias: plans' former GrantorKind


class EvidenceForm(LabelledEnum):
    """How consent was given (*form*)."""

    ORAL = "oral", "muntligt", "oral"
    WRITTEN = "written", "skriftligt", "written"
    DIGITAL = "digital", "digitalt", "digital"


@checked
def birthday(born: date, years: int) -> date:
    """The day someone born on ``born`` turns ``years`` old."""
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February: a year older on 1 March in common years
        return date(born.year + years, 3, 1)


# --- 7: only the person, or a custodian for a child, can consent ------------------------

NO_AUTHORITY = _rule(
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
    applies_to=("Consent",),
    condition=(
        "Samtycket är lämnat av någon som inte kan samtycka: grantor som self är inte subject, en vårdnadshavare för någon utan känt födelsedatum eller som fyllt 18 vid tidpunkten, eller en annan roll (t.ex. anhörig eller god man).",
        "The consent was given by someone who cannot consent: a self grantor who is not the subject, a custodian for someone without a known birth date or who has turned 18 at the instant, or another capacity (a relative or guardian, say).",
    ),
    boundary=(
        "Vårdnadshavarens samtycke gäller till midnatt när den enskilde fyller 18; från den stunden slår regeln till.",
        "A custodian's consent holds until midnight starting the 18th birthday; from that instant it fires.",
    ),
    fix=(
        "Inhämta samtycket av den enskilde själv (capacity self), eller av vårdnadshavaren för ett barn.",
        "Obtain the consent from the person themself (capacity self), or from the custodian for a child.",
    ),
)


# --- 7: a child consents alone only with the maturity to decide -------------------------

CHILD_TOO_YOUNG = _rule(
    "CONSENT-CHILD-TOO-YOUNG",
    Severity.ERROR,
    ("Barnet kan inte samtycka ensamt", "The child cannot consent alone"),
    (
        "Samtycke {consent} gäller inte: det är barnets eget, och {subject} är {why}. Ett barn "
        "samtycker ensamt bara när det har mognad att bestämma själv; till dess samtycker "
        "vårdnadshavaren, med barnets inställning vägd efter ålder och mognad.",
        "Consent {consent} is not valid: it is the child's own, and {subject} is {why}. A "
        "child consents alone only with the maturity to decide for themselves; until then "
        "the custodian consents, weighing the child's view with age and maturity.",
    ),
    law=(CONSENT_WAIVER_CHILD,),
    sources=("socialstyrelsen-samtycke",),
    domain=(7,),
    applies_to=("Consent",),
    condition=(
        "Ett eget samtycke (capacity self) från en person med känt födelsedatum som vid tidpunkten inte har fyllt policyns child_consents_from_age (18 när den saknas).",
        "An own consent (capacity self) from a person with a known birth date who at the instant has not reached the policy's child_consents_from_age (18 when it is not set).",
    ),
    boundary=(
        "Från midnatt när personen fyller child_consents_from_age räknas samtycket; dagen före slår regeln till. Utan känt födelsedatum räknas personen som vuxen.",
        "From midnight starting the birthday of child_consents_from_age the consent counts; the day before it fires. Without a known birth date the person counts as an adult.",
    ),
    fix=(
        "Inhämta samtycket av vårdnadshavaren (capacity custodian) med barnets inställning i child_view.",
        "Obtain the consent from the custodian (capacity custodian) with the child's view in child_view.",
    ),
)


@checked  # on the consent engine's path: checked when it fails (policy is read below)
def own_consent_from(person: Person, policy: DecisionPolicy | None = None) -> date | None:
    """The first day ``person``'s own consent counts by the age rule of ``policy``
    (``DecisionPolicy.child_consents_from_age``; 18 when it is ``None``), or ``None``
    when no birth date is known: an adult's own consent is the normal case, and
    without a birth date nothing shows the person is a child."""
    if policy is not None and not isinstance(policy, DecisionPolicy):
        raise TypeError("policy")  # read only for a birth date: named by @checked either way
    born = person.birth_date
    if born is None:
        return None
    age = (policy if policy is not None else DecisionPolicy()).child_consents_from_age
    return birthday(born, 18 if age is None else age)


@checked_first
def may_consent_alone(person: Person, on: date, policy: DecisionPolicy | None = None) -> bool:
    """Whether ``person`` may consent for themselves on ``on`` (*samtycka själv*).

    An adult may; a child only from ``policy.child_consents_from_age`` (15 by default;
    ``None``: not before 18), because a child consents alone only with the maturity to
    decide (OSL 12 kap. 3 §) and the law ties that to no age. A person without a known
    birth date may. The consent engine and ``anhorig.consent.checks`` apply this same
    rule (``CONSENT-CHILD-TOO-YOUNG``); other families ask it here.
    """
    start = own_consent_from(person, policy)
    return start is None or on >= start


@checked_first
def grantor_refusal(
    capacity: GrantorCapacity, subject: Person, on: date, policy: DecisionPolicy | None = None
) -> tuple[Rule, Text] | None:
    """Why a consent given in ``capacity`` for ``subject`` does not count on ``on`` for
    who gave it, as the rule that refuses it and the reason in words, or ``None`` when
    it does (*vem som får samtycka*, DOMAIN.md rule 7, OSL 12 kap. 2–3 §§).

    The person themself may (a child only as :func:`may_consent_alone` says, else
    ``CHILD_TOO_YOUNG``); a custodian may while the person is shown to be a child;
    anyone else may not (``NO_AUTHORITY``). ``SELF`` means the grantor is the person
    the information is about. The consent engine decides the same by instant; other
    families (the plans) ask here, by day, so that one law has one answer. Whether the
    child's view is recorded, and how the consent is documented, are other rules.
    """
    if capacity is GrantorCapacity.SELF:
        if may_consent_alone(subject, on, policy):
            return None
        why = cast(Text, too_young(subject, policy or DecisionPolicy())["why"])
        return CHILD_TOO_YOUNG, Text(sv=f"{subject} är {why.sv}", en=f"{subject} is {why.en}")
    if capacity is GrantorCapacity.CUSTODIAN:
        born = subject.birth_date
        if born is None:
            return NO_AUTHORITY, Text(
                sv="det går inte att visa att den enskilde är ett barn",
                en="the person cannot be shown to be a child",
            )
        if on >= birthday(born, 18):
            return NO_AUTHORITY, Text(
                sv="den enskilde har fyllt 18 år; vårdnadshavaren kan inte längre samtycka",
                en="the person has turned 18; the custodian can no longer consent",
            )
        return None
    return NO_AUTHORITY, Text(
        sv=f"den som samtyckte gjorde det som {capacity.label('sv')}",
        en=f"the grantor consented as {capacity.label('en')}",
    )


@checked_first
def may_consent(
    capacity: GrantorCapacity, subject: Person, on: date, policy: DecisionPolicy | None = None
) -> bool:
    """Whether a consent given in ``capacity`` for ``subject`` counts on ``on`` for who
    gave it (:func:`grantor_refusal` finds no refusal)."""
    return grantor_refusal(capacity, subject, on, policy) is None


@checked
def too_young(subject: Person, policy: DecisionPolicy) -> dict[str, object]:
    """The parameters of ``CHILD_TOO_YOUNG`` for ``subject`` under ``policy``: who, and why
    in words."""
    if not isinstance(subject, Person):
        raise TypeError("subject")  # str() below takes anything: named by @checked
    # No age in years: the words change only where the decision can (own_from).
    age = policy.child_consents_from_age
    if age is None:
        why = Text(
            sv="under 18 år, och kommunen godtar inte ett barns eget samtycke på åldern ensam",
            en="under 18, and the municipality does not accept a child's own consent on age alone",
        )
    else:
        why = Text(
            sv=f"under {age} år, den ålder från vilken kommunen godtar ett barns eget samtycke",
            en=f"under {age}, the age from which the municipality accepts a child's own consent",
        )
    return {"subject": str(subject), "why": why}
