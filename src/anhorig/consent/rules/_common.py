"""What the consent rules share: the family's rule constructor, a person's verdict, and
the wording of instants, recipients and findings.

``CONSENT-BASIS-NOT-MET`` is defined here: both exceptions a caller may assert that can
fail (a report of concern, Patientlagen 3:4) find it.

Deciding only notes which rule found what (:class:`LaterFinding`, :class:`LaterBasis`,
a person as :class:`Name`); the findings, their citations and masked words are built
when a decision's ``reasons`` or ``basis`` are first read (`Decision.later`), by the
same calls as before, from values that never change.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date
from typing import cast

import attrs
import pendulum

from anhorig import _checks
from anhorig._values import instant_text as instant_words
from anhorig.consent._compiled import birthday, start_of_day
from anhorig.consent.decision import Basis, ObligationKind, Outcome
from anhorig.consent.model import DisclosureRequest
from anhorig.findings import Finding, Rule, Severity
from anhorig.language import Text, mask_value
from anhorig.law import SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES, LegalRef
from anhorig.people import Person
from anhorig.time import ZONE

__all__ = [
    "BASIS_NOT_MET",
    "Deferred",
    "LaterBasis",
    "LaterFinding",
    "Name",
    "Verdict",
    "Words",
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


class Name:
    """A person as a decision names them (``str(person)``, initials), worked out when a
    finding or basis is built, not while deciding."""

    __slots__ = ("person",)

    def __init__(self, person: Person) -> None:
        self.person = person

    def __str__(self) -> str:
        return str(self.person)


Words = str | Name
"""A person's name in a decision: given, or worked out later (:class:`Name`)."""


class Deferred:
    """A parameter of a finding worked out when the finding is built: ``make(*args)``."""

    __slots__ = ("args", "make")

    def __init__(self, make: Callable[..., object], *args: object) -> None:
        self.make = make
        self.args = args

    def __call__(self) -> object:
        return self.make(*self.args)


def _given(value: object) -> object:
    if isinstance(value, Name):
        return str(value)
    if isinstance(value, Deferred):
        return value()
    return value


class LaterFinding:
    """A finding of ``entry`` at ``path``, citing the law of ``on``: noted while
    deciding, built by calling it (``entry.finding(path, on=on, **params)``, with
    ``references`` instead of the rule's when given)."""

    __slots__ = ("entry", "on", "params", "raw_path", "references")

    def __init__(
        self,
        entry: Rule,
        path: str,
        on: date,
        params: dict[str, object],
        references: tuple[LegalRef, ...] | None = None,
    ) -> None:
        self.entry = entry
        self.raw_path = path
        self.on = on
        self.params = params
        self.references = references

    @property
    def code(self) -> str:
        """The rule's code."""
        return self.entry.code

    @property
    def path(self) -> str:
        """Where, masked as the finding's path is."""
        return mask_value(self.raw_path)

    def citing(self, references: tuple[LegalRef, ...]) -> LaterFinding:
        """This finding citing ``references`` instead of its rule's law."""
        return LaterFinding(self.entry, self.raw_path, self.on, self.params, references)

    def __call__(self) -> Finding:
        params = {name: _given(value) for name, value in self.params.items()}
        found = self.entry.finding(self.raw_path, on=self.on, **params)
        if self.references is not None:
            fields = {f.name: getattr(found, f.name) for f in attrs.fields(Finding)}
            return _checks.trusted(Finding, **{**fields, "references": self.references})
        return found


class LaterBasis:
    """The basis ``entry`` gives for ``subject``: noted while deciding, built by
    calling it."""

    __slots__ = ("assessment_id", "consent_id", "entry", "on", "provision", "references", "subject")

    def __init__(
        self,
        entry: Rule,
        subject: Words,
        on: date,
        *,
        consent_id: str | None,
        provision: str | None,
        references: tuple[LegalRef, ...] | Deferred | None,
        assessment_id: str | None,
    ) -> None:
        self.entry = entry
        self.subject = subject
        self.on = on
        self.consent_id = consent_id
        self.provision = provision
        self.references = references
        self.assessment_id = assessment_id

    @property
    def code(self) -> str:
        """The rule's code."""
        return self.entry.code

    def __call__(self) -> Basis:
        references = self.references
        if references is None:
            references = self.entry.references(self.on)
        elif isinstance(references, Deferred):
            references = cast(tuple[LegalRef, ...], references())
        # Parts checked already (a rule's code, ids of checked records, citations).
        return _checks.trusted(
            Basis,
            code=self.entry.code,
            subject=str(self.subject),
            consent_id=self.consent_id,
            provision=self.provision,
            references=references,
            assessment_id=self.assessment_id,
        )


_NO_OBLIGATIONS: frozenset[ObligationKind] = frozenset()


class Verdict:
    """The answer for one person the information is about, before they are combined."""

    __slots__ = ("basis", "obligations", "outcome", "reasons")

    def __init__(self, outcome: Outcome) -> None:
        self.outcome = outcome
        self.basis: list[LaterBasis] = []
        # Shared and empty until a rule sets its own (most verdicts have none).
        self.obligations: set[ObligationKind] | frozenset[ObligationKind] = _NO_OBLIGATIONS
        self.reasons: list[LaterFinding] = []


def finding(entry: Rule, path: str, on: date, /, **params: object) -> LaterFinding:
    """A finding of ``entry`` at ``path``, citing the law in force on ``on``, built
    when the decision's reasons are read (a :class:`Name` or :class:`Deferred`
    parameter is worked out then)."""
    return LaterFinding(entry, path, on, params)


def basis_of(
    entry: Rule,
    subject: Words,
    on: date,
    *,
    consent_id: str | None = None,
    provision: str | None = None,
    references: tuple[LegalRef, ...] | Deferred | None = None,
    assessment_id: str | None = None,
) -> LaterBasis:
    """The basis ``entry`` gives for ``subject`` (masked), citing the law of ``on``
    unless ``references`` are given; built when the decision's basis is read."""
    return LaterBasis(
        entry,
        subject,
        on,
        consent_id=consent_id,
        provision=provision,
        references=references,
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
