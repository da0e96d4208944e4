"""A plain-language receipt for the person who gave consent (*kvitto på samtycke*).

It says what may be shared, with whom, why, from when and until when, what is
excluded, and how to take the consent back: at any time, from that moment on.
Names are masked; the receipt is handed to the person, who knows who they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import pendulum

from anhorig._arguments import checked
from anhorig.language import LabelledEnum, Lang, check_lang, mask_value
from anhorig.organisations import Organisation
from anhorig.time import Period

__all__ = ["Receipted", "Scope", "receipt"]

# The model's Consent.receipt() renders through this module, so the module names what
# it reads as protocols instead of importing the model: the model imports it, never
# the other way round.


class _Described(Protocol):
    def describe(self, lang: str = "sv") -> str: ...


class _Given(Protocol):
    @property
    def form(self) -> LabelledEnum: ...
    @property
    def documented_at(self) -> pendulum.DateTime | None: ...
    @property
    def verified_with(self) -> object | None: ...


class _Numbered(Protocol):
    @property
    def system(self) -> str: ...
    @property
    def value(self) -> str: ...


class Scope(Protocol):
    """What a receipt reads of a provision (:class:`~anhorig.consent.model.Provision`)."""

    @property
    def decision(self) -> LabelledEnum: ...
    @property
    def actions(self) -> Iterable[LabelledEnum]: ...
    @property
    def categories(self) -> Iterable[LabelledEnum]: ...
    @property
    def recipients(self) -> Iterable[_Described]: ...
    @property
    def purposes(self) -> Iterable[LabelledEnum]: ...
    @property
    def data_period(self) -> Period | None: ...
    @property
    def valid_from(self) -> pendulum.DateTime | None: ...
    @property
    def valid_until(self) -> pendulum.DateTime | None: ...
    @property
    def holders(self) -> Iterable[Organisation]: ...
    @property
    def information(self) -> Iterable[_Described]: ...
    @property
    def exceptions(self) -> tuple[Scope, ...]: ...


class Receipted(Protocol):
    """What a receipt reads of a consent (:class:`~anhorig.consent.model.Consent`)."""

    @property
    def id(self) -> str: ...
    @property
    def obtained_by(self) -> Organisation: ...
    @property
    def provision(self) -> Scope: ...
    @property
    def valid_from(self) -> pendulum.DateTime: ...
    @property
    def valid_until(self) -> pendulum.DateTime | None: ...
    @property
    def evidence(self) -> _Given | None: ...
    @property
    def identifiers(self) -> tuple[_Numbered, ...]: ...
    @property
    def grantees(self) -> Iterable[_Described]: ...


_DENY = "deny"
"""The value of ``ProvisionType.DENY`` (FHIR ``consent-provision-type``)."""


def _labels(values: Iterable[LabelledEnum], lang: Lang, anything: str) -> str:
    words = sorted(v.label(lang) for v in values)
    return ", ".join(words) if words else anything


def _scope(p: Scope, lang: Lang) -> list[str]:
    sv = lang == "sv"
    whom = sorted(r.describe(lang) for r in p.recipients)
    lines = [
        ("Vad: " if sv else "What: ")
        + _labels(p.categories, lang, "alla uppgifter" if sv else "all information"),
        ("Till: " if sv else "To: ")
        + (", ".join(whom) if whom else ("alla mottagare" if sv else "any recipient")),
        ("Varför: " if sv else "Why: ")
        + _labels(p.purposes, lang, "alla ändamål" if sv else "any purpose"),
        ("Hur: " if sv else "How: ")
        + _labels(p.actions, lang, "på alla sätt" if sv else "any way"),
    ]
    if p.data_period is not None:
        end = p.data_period.last
        lines.append(
            ("Uppgifter från perioden: " if sv else "Information from the period: ")
            + f"{p.data_period.start} – {end if end is not None else '…'}"
        )
    if p.holders:
        lines.append(
            ("Uppgifter som finns hos: " if sv else "Information held by: ")
            + ", ".join(sorted(o.name for o in p.holders))
        )
    if p.information:
        lines.append(
            ("Bara uppgifterna: " if sv else "Only the information: ")
            + "; ".join(sorted(i.describe(lang) for i in p.information))
        )
    if p.valid_from is not None or p.valid_until is not None:
        start = p.valid_from.format("YYYY-MM-DD HH:mm") if p.valid_from is not None else "…"
        end_ = p.valid_until.format("YYYY-MM-DD HH:mm") if p.valid_until is not None else "…"
        lines.append(f"{'Gäller' if sv else 'Holds'} {start} – {end_}")
    return lines


@checked
def receipt(consent: Receipted, lang: str = "sv") -> str:
    """The receipt for ``consent`` in ``lang`` (``"sv"`` or ``"en"``)."""
    language = check_lang(lang)
    sv = language == "sv"
    root = consent.provision
    lines: list[str] = []
    if root.decision.value != _DENY:
        lines.append(
            f"Kvitto på ditt samtycke ({consent.id})"
            if sv
            else f"Receipt for your consent ({consent.id})"
        )
        lines.append(
            f"Du har samtyckt till att {consent.obtained_by.name} får dela uppgifter om dig:"
            if sv
            else f"You have agreed that {consent.obtained_by.name} may share information about you:"
        )
    else:
        lines.append(
            f"Kvitto på ditt besked ({consent.id})"
            if sv
            else f"Receipt for your refusal ({consent.id})"
        )
        lines.append(
            f"Du har sagt nej till att {consent.obtained_by.name} delar uppgifter om dig:"
            if sv
            else f"You have refused that {consent.obtained_by.name} share information about you:"
        )
    lines.extend("  " + line for line in _scope(root, language))
    granted = sorted(r.describe(language) for r in consent.grantees)
    if granted:
        lines.append(
            "Samtycket ges bara till: " + ", ".join(granted)
            if sv
            else "The consent is given only to: " + ", ".join(granted)
        )
    for index, exception in enumerate(root.exceptions, start=1):
        head = (
            ("Undantag, delas inte" if sv else "Except, not shared")
            if exception.decision.value == _DENY
            else ("Undantag, delas ändå" if sv else "Except, shared after all")
        )
        lines.append(f"{head} ({index}):")
        lines.extend("  " + line for line in _scope(exception, language))
    start = consent.valid_from.format("YYYY-MM-DD HH:mm")
    if consent.valid_until is None:
        lines.append(
            f"Gäller från {start} tills du återkallar det."
            if sv
            else f"Valid from {start} until you revoke it."
        )
    else:
        end = consent.valid_until.format("YYYY-MM-DD HH:mm")
        lines.append(f"Gäller från {start} till {end}." if sv else f"Valid from {start} to {end}.")
    evidence = consent.evidence
    if evidence is not None:
        given = ("Lämnat " if sv else "Given ") + evidence.form.label(language)
        if evidence.documented_at is not None:
            when = evidence.documented_at.format("YYYY-MM-DD HH:mm")
            given += (", dokumenterat " if sv else ", documented ") + when
        if evidence.verified_with is not None:
            given += (", kontrollerat med " if sv else ", checked with ") + str(
                evidence.verified_with
            )
        lines.append(given + ".")
    if consent.identifiers:
        numbers = ", ".join(f"{mask_value(i.value)} ({i.system})" for i in consent.identifiers)
        lines.append(("Samtyckets nummer: " if sv else "The consent's numbers: ") + numbers + ".")
    lines.append(
        "Du kan när som helst ta tillbaka ditt samtycke, muntligt eller skriftligt, hos "
        f"{consent.obtained_by.name}. Det gäller från det ögonblicket; det som redan "
        "lämnats ut kan inte tas tillbaka."
        if sv
        else "You can take your consent back at any time, orally or in writing, with "
        f"{consent.obtained_by.name}. It applies from that moment; what was already "
        "shared cannot be taken back."
    )
    return "\n".join(lines)
