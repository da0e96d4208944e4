"""Which word each context uses for the carer and the person cared for.

In a municipality, under the Socialtjänstlag, the person who gives care is the
*anhörig* and the person who receives it is the *närstående*. In a region's health
care, under the Patientlag, the person who receives care is the *patient* and the
family member or friend is the *närstående*. The same word, *närstående*, names
opposite roles: store roles explicitly and ask `term` for the word.

>>> term(Role.CARER, Context.MUNICIPAL)
'anhörig'
>>> term(Role.CARER, Context.REGIONAL)
'närstående'
>>> term(Role.CARED_FOR, Context.REGIONAL, lang="en")
'patient'

References:
    - Socialtjänstlag (2001:453) 5 kap. 10 §; Socialtjänstlag (2025:400) 13 kap. 9 §.
    - Patientlag (2014:821); prop. 2013/14:106 s. 73.
    - Socialstyrelsens termbank; Nka (seed 003, "Termer och begrepp").
"""

from __future__ import annotations

import enum

from anhorig._arguments import checked
from anhorig.language import Lang, check_lang
from anhorig.law import CARER_SUPPORT, PATIENT_RELATIVES_TAKE_PART, LawTopic

__all__ = ["Context", "Role", "legal_basis", "term", "terms"]


class Context(enum.StrEnum):
    """Where a word is used (*sammanhang*)."""

    MUNICIPAL = "municipal"
    """The municipality's social services, under the Socialtjänstlag (*kommun*)."""
    REGIONAL = "regional"
    """The region's health care, under HSL and the Patientlag (*region*)."""


class Role(enum.StrEnum):
    """A person's role in a care relationship (*roll*)."""

    CARER = "carer"
    """The one who cares for, helps or supports someone close."""
    CARED_FOR = "cared_for"
    """The one who receives that care, help or support."""


_TERMS: dict[tuple[Role, Context], dict[str, tuple[str, str]]] = {
    (Role.CARER, Context.MUNICIPAL): {"sv": ("anhörig", "anhöriga"), "en": ("carer", "carers")},
    (Role.CARED_FOR, Context.MUNICIPAL): {
        "sv": ("närstående", "närstående"),
        "en": ("person cared for", "people cared for"),
    },
    (Role.CARER, Context.REGIONAL): {
        "sv": ("närstående", "närstående"),
        "en": ("relative", "relatives"),
    },
    (Role.CARED_FOR, Context.REGIONAL): {
        "sv": ("patient", "patienter"),
        "en": ("patient", "patients"),
    },
}

_BASIS: dict[Context, LawTopic] = {
    Context.MUNICIPAL: CARER_SUPPORT,
    Context.REGIONAL: PATIENT_RELATIVES_TAKE_PART,
}


@checked
def term(role: Role, context: Context, lang: Lang = "sv", *, plural: bool = False) -> str:
    """The word for ``role`` in ``context``, in Swedish (default) or English."""
    forms = _TERMS[(Role(role), Context(context))][check_lang(lang)]
    return forms[plural]  # by index: a plural that is not a truth value fails, and is named


@checked
def terms(context: Context, lang: Lang = "sv") -> dict[Role, str]:
    """Both words of ``context``: ``{Role.CARER: ..., Role.CARED_FOR: ...}``."""
    return {role: term(role, context, lang) for role in Role}


@checked
def legal_basis(context: Context) -> LawTopic:
    """The law whose wording each context follows."""
    return _BASIS[Context(context)]
