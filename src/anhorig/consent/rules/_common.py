"""What the consent rules share: the family's rule constructor, a person's verdict, and
the wording of instants, recipients and findings.

``CONSENT-BASIS-NOT-MET`` is defined here: both exceptions a caller may assert that can
fail (a report of concern, Patientlagen 3:4) find it.
"""

from __future__ import annotations

import functools
from datetime import date

import pendulum

from anhorig._values import instant_text as instant_words
from anhorig.consent._compiled import birthday, start_of_day
from anhorig.consent.decision import Basis, ObligationKind, Outcome
from anhorig.consent.model import DisclosureRequest
from anhorig.findings import Finding, Rule, Severity
from anhorig.language import Text
from anhorig.law import SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES, LegalRef
from anhorig.people import Person
from anhorig.time import ZONE

__all__ = [
    "BASIS_NOT_MET",
    "Verdict",
    "adult_at",
    "basis_of",
    "finding",
    "instant_text",
    "is_child",
    "recipient_text",
    "rule",
]

rule = functools.partial(Rule.define, "consent")
"""A catalogue entry of the consent family."""


BASIS_NOT_MET = rule(
    "CONSENT-BASIS-NOT-MET",
    Severity.INFO,
    ("Ett angivet undantag är inte uppfyllt", "An asserted exception does not apply"),
    (
        "{basis} åberopades men gäller inte: {why}.",
        "{basis} was asserted but does not apply: {why}.",
    ),
    # When the exception does not apply, the secrecy it would have lifted stands.
    (SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
    domain=(9, 11),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Ett skäl i evaluate():s beslut, aldrig ensamt: en åberopad orosanmälan eller Patientlagen 3 kap. 4 § gäller inte (fel ändamål eller mottagare, ingen är barn, tecken på invändning eller fel slags utlämnande); evaluate() går vidare till andra grunder.",
        "A reason in evaluate()'s decision, never alone: an asserted report of concern or Patientlagen 3:4 does not apply (wrong purpose or recipient, nobody a child, signs of objection, or the wrong kind of disclosure); evaluate() goes on to other bases.",
    ),
    boundary=(
        "Varje villkor i respektive undantag måste vara uppfyllt; ett som brister räcker.",
        "Every condition of the exception must hold; one failing is enough.",
    ),
    fix=(
        "Åberopa inte undantaget, eller rätta begäran så att villkoren uppfylls; annars behövs samtycke.",
        "Do not assert the exception, or correct the request so that its conditions hold; otherwise consent is needed.",
    ),
)


class Verdict:
    """The answer for one person the information is about, before they are combined."""

    __slots__ = ("basis", "obligations", "outcome", "reasons")

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.basis: list[Basis] = []
        self.obligations: set[ObligationKind] = set()
        self.reasons: list[Finding] = []


def finding(entry: Rule, path: str, on: date, /, **params: object) -> Finding:
    """A finding of ``entry`` at ``path``, citing the law in force on ``on``."""
    return entry.finding(path, on=on, **params)


def basis_of(
    entry: Rule,
    subject: str,
    on: date,
    *,
    consent_id: str | None = None,
    provision: str | None = None,
    references: tuple[LegalRef, ...] | None = None,
    assessment_id: str | None = None,
) -> Basis:
    """The basis ``entry`` gives for ``subject`` (masked), citing the law of ``on``
    unless ``references`` are given."""
    return Basis(
        code=entry.code,
        subject=subject,
        consent_id=consent_id,
        provision=provision,
        references=entry.references(on) if references is None else references,
        assessment_id=assessment_id,
    )


def instant_text(t: float) -> Text:
    """``t`` (seconds since the epoch) on the Stockholm clock, in words
    (``1 april 2026 kl. 09.00``)."""
    moment = pendulum.from_timestamp(t, tz=ZONE)
    return Text(sv=instant_words(moment, "sv"), en=instant_words(moment, "en"))


def recipient_text(request: DisclosureRequest) -> Text:
    """The request's recipient in words (names masked)."""
    return Text(sv=request.recipient.describe("sv"), en=request.recipient.describe("en"))


def adult_at(person: Person) -> float | None:
    """When ``person`` turns 18 (``None``: no known birth date)."""
    if person.birth_date is None:
        return None
    return start_of_day(birthday(person.birth_date, 18))


def is_child(person: Person, t: float) -> bool:
    """Whether ``person`` is born and under 18 at ``t``."""
    born = person.birth_date
    return born is not None and start_of_day(born) <= t < start_of_day(birthday(born, 18))
