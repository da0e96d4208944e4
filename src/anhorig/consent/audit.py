"""Audit records: every decision, as an entry fit for the journal (*journalanteckning*).

A disclosure made on a consent or a legal exception must be documented: what, about
whom, to whom, on what basis, and what was done. :meth:`AuditRecord.of` turns a
request and its decision into such a record; ``journal_text(lang)`` is the line for
the journal (names and numbers masked); the record itself round-trips through JSON
with the full data, for the record system.

>>> from anhorig.consent.engine import Decision, Outcome
>>> from anhorig.people import Person, PersonId
>>> from anhorig.time import local
>>> from anhorig.consent.model import *
>>> anna = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
>>> town = Organisation(id="kommun-1", name="Socialnämnden", principal=Principal.MUNICIPALITY,
...                     sector=Sector.SOCIAL_SERVICES)
>>> request = DisclosureRequest(subject=anna, action=Action.COLLECT,
...     category=InfoCategory.SOCIAL_SERVICES, holder=town, purpose=Purpose.CARER_SUPPORT,
...     recipient=Recipient.of_person(Person(name="Eva Karlsson"), role=RecipientRole.RELATIVE),
...     at=local(2026, 5, 4, 9, 30))
>>> from anhorig.consent.engine import evaluate
>>> print(AuditRecord.of(request, evaluate(request, ())).journal_text("en"))
2026-05-04 09:30 Socialnämnden (kommun-1): collect (listen) social services about 19391225-**** from E. K. (relative) for support to carers: permitted [CONSENT-LISTENING]. Must: document what was said.
"""

from __future__ import annotations

import attrs

from anhorig._checks import collecting, instance_of
from anhorig.consent.engine import Decision
from anhorig.consent.model import Action, DisclosureRequest
from anhorig.language import Lang, check_lang, mask_personal_data, mask_value

__all__ = ["AuditRecord"]


def _masked_subject(request: DisclosureRequest) -> str:
    person = request.subject
    return str(person.id) if person.id is not None else str(person)


@collecting
@attrs.frozen(kw_only=True, order=False)
class AuditRecord:
    """A decision together with the request it answered (*loggpost*), for the journal."""

    request: DisclosureRequest = attrs.field(validator=instance_of(DisclosureRequest))
    decision: Decision = attrs.field(validator=instance_of(Decision))

    @classmethod
    def of(cls, request: DisclosureRequest, decision: Decision) -> AuditRecord:
        """The audit record of ``decision`` on ``request``."""
        return cls(request=request, decision=decision)

    def journal_text(self, lang: Lang = "sv") -> str:
        """One line for the journal: when, who, what, about whom (masked), to whom,
        why, the outcome with its basis codes, and what must be done."""
        language = check_lang(lang)
        r = self.request
        d = self.decision
        when = r.at.format("YYYY-MM-DD HH:mm")
        about = _masked_subject(r)
        if r.also_about:
            about += " (+" + ", ".join(str(p) for p in r.also_about) + ")"
        codes = ", ".join(dict.fromkeys(b.code for b in d.basis))
        towards = {
            Action.DISCLOSE: ("till", "to"),
            Action.ACCESS: ("av", "by"),
            Action.COLLECT: ("från", "from"),
            Action.CORRECT: ("av", "by"),
        }[r.action]
        words = ("om", towards[0], "för") if language == "sv" else ("about", towards[1], "for")
        line = (
            f"{when} {r.holder}: {r.action.label(language)} {r.category.label(language)} "
            f"{words[0]} {about} {words[1]} {r.recipient.describe(language)} {words[2]} "
            f"{r.purpose.label(language)}: {d.outcome.label(language)} [{codes}]."
        )
        if d.consent_ids:
            line += (
                (" Samtycke: " if language == "sv" else " Consent: ")
                + ", ".join(mask_value(i) for i in d.consent_ids)
                + "."
            )
        if d.assessment_ids:
            line += (
                (" Menprövning: " if language == "sv" else " Harm assessment: ")
                + ", ".join(mask_value(i) for i in d.assessment_ids)
                + "."
            )
        if d.obligations:
            head = " Ska: " if language == "sv" else " Must: "
            line += head + "; ".join(o.kind.label(language) for o in d.obligations) + "."
        # An organisation's id may be a sole trader's personnummer; ids are masked above.
        return mask_personal_data(line)
