"""Which word each context uses (seed 003, Socialstyrelsen, Patientlagen)."""

from __future__ import annotations

import pytest

from anhorig import Context, InvalidInput, Role, term
from anhorig.terminology import legal_basis, terms


@pytest.mark.parametrize(
    ("role", "context", "sv", "en"),
    [
        (Role.CARER, Context.MUNICIPAL, "anhörig", "carer"),
        (Role.CARED_FOR, Context.MUNICIPAL, "närstående", "person cared for"),
        (Role.CARER, Context.REGIONAL, "närstående", "relative"),
        (Role.CARED_FOR, Context.REGIONAL, "patient", "patient"),
    ],
)
def test_terms(role: Role, context: Context, sv: str, en: str) -> None:
    """Seed 003: "Den som kallas anhörig inom kommunala verksamheter benämns ofta som
    närstående inom regioners verksamheter"; the one receiving health care is the patient."""
    assert term(role, context) == sv
    assert term(role, context, "sv") == sv
    assert term(role, context, "en") == en


def test_the_same_word_names_opposite_roles() -> None:
    """'närstående' is the cared-for in a municipality and the carer in a region."""
    assert term(Role.CARED_FOR, Context.MUNICIPAL) == term(Role.CARER, Context.REGIONAL)


def test_plurals_and_both_words() -> None:
    """Plural forms and the pair for a context."""
    assert term(Role.CARER, Context.MUNICIPAL, plural=True) == "anhöriga"
    assert term(Role.CARED_FOR, Context.REGIONAL, "en", plural=True) == "patients"
    assert terms(Context.REGIONAL) == {Role.CARER: "närstående", Role.CARED_FOR: "patient"}


def test_string_values_are_accepted_and_unknown_language_refused() -> None:
    """Enum values as plain strings work; an unknown language is InvalidInput."""
    assert term("carer", "municipal") == "anhörig"  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="språk"):
        term(Role.CARER, Context.MUNICIPAL, "de")  # type: ignore[arg-type]


def test_each_context_names_its_law() -> None:
    """The municipal words follow SoL, the regional ones the Patientlag."""
    assert legal_basis(Context.MUNICIPAL).key == "carer_support"
    assert legal_basis(Context.REGIONAL).refs[0].sfs == "2014:821"
