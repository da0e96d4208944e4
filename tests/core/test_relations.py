"""Relationships, involvement over time, children as relatives: the seeds' scenarios and
the relation rules' invariants."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig import (
    AdultCondition,
    CareArea,
    ChildRelative,
    Context,
    InvalidInput,
    Involvement,
    Person,
    PersonId,
    RelationKind,
    Relationship,
    Role,
    RuleViolation,
)
from anhorig import relations as rel
from anhorig.testing.strategies import child_relatives, dates, involvements, relationships

WIFE = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
HUSBAND = Person(id=PersonId.parse("19380412-2343"), name="Bertil Karlsson")
NEIGHBOUR = Person(name="Maria Ström", birth_date=date(1961, 3, 3))
MOTHER = Person(id=PersonId.parse("19850709-9805"), name="Sara Nilsson")
CHILD = Person(id=PersonId.parse("20120115-2343"), name="Ali Nilsson")


def _asked(on: date, *, willing: bool = True, months: int = 6) -> Involvement:
    return Involvement(
        recorded_on=on,
        reconfirm_by=on + timedelta(days=30 * months),
        willing=willing,
        wants_information=True,
        wants_to_take_part=True,
        tasks=frozenset({CareArea.SELF_CARE}),
    )


def test_anyone_can_be_a_carer_living_together_or_not() -> None:
    """Seed 003: a neighbour, a friend, a särbo, a bonus parent are carers as much as a
    spouse; living apart does not matter."""
    for kind in (
        RelationKind.NEIGHBOUR,
        RelationKind.FRIEND,
        RelationKind.PARTNER_LIVING_APART,
        RelationKind.BONUS_PARENT,
        RelationKind.SPOUSE,
    ):
        r = Relationship(carer=NEIGHBOUR, cared_for=WIFE, kind=kind, lives_together=False)
        assert r.role_of(NEIGHBOUR) is Role.CARER
        assert r.role_of(WIFE) is Role.CARED_FOR
        assert r.role_of(HUSBAND) is None
    assert RelationKind.PARTNER_LIVING_APART.label("sv") == "särbo"


def test_the_same_person_is_carer_in_one_relationship_and_cared_for_in_another() -> None:
    """Roles belong to relationships, not to people."""
    cares = Relationship(carer=HUSBAND, cared_for=WIFE, kind=RelationKind.SPOUSE)
    is_cared_for = Relationship(carer=NEIGHBOUR, cared_for=HUSBAND, kind=RelationKind.NEIGHBOUR)
    assert cares.role_of(HUSBAND) is Role.CARER
    assert is_cared_for.role_of(HUSBAND) is Role.CARED_FOR


def test_carer_and_cared_for_must_differ() -> None:
    """A person cannot care for themselves in a relationship."""
    with pytest.raises(InvalidInput) as err:
        Relationship(carer=WIFE, cared_for=WIFE, kind=RelationKind.OTHER)
    assert err.value.paths == ("cared_for",)


def test_describe_uses_each_contexts_words_with_masked_names() -> None:
    """Seed 003: the municipality's anhörig is the region's närstående; names are masked."""
    r = Relationship(carer=HUSBAND, cared_for=WIFE, kind=RelationKind.SPOUSE)
    assert r.describe(Context.MUNICIPAL) == (
        "B. K. (anhörig, make/maka/registrerad partner) och A. K. (närstående)"
    )
    assert r.describe(Context.REGIONAL) == (
        "B. K. (närstående, make/maka/registrerad partner) och A. K. (patient)"
    )
    assert r.describe(Context.REGIONAL, "en") == (
        "B. K. (relative, spouse or registered partner) and A. K. (patient)"
    )


def test_seed_001_the_role_is_voluntary_and_must_be_asked_again() -> None:
    """Seed 001: "man måste få frågan många gånger": not asked, overdue, and then fine."""
    never_asked = Relationship(carer=HUSBAND, cared_for=WIFE, kind=RelationKind.SPOUSE)
    assert rel.check(never_asked, on=date(2026, 1, 1)).codes == {"REL-INVOLVEMENT-MISSING"}

    asked = never_asked.with_involvement(_asked(date(2025, 9, 1)))
    assert rel.check(asked, on=date(2025, 12, 1)).codes == frozenset()
    overdue = rel.check(asked, on=date(2026, 11, 22))
    assert overdue.codes == {"REL-INVOLVEMENT-OVERDUE"}
    assert overdue.findings[0].path == "involvements[0].reconfirm_by"
    assert "B. K." in overdue.findings[0].message.sv
    assert "Bertil" not in overdue.findings[0].message.sv

    asked_again = asked.with_involvement(_asked(date(2026, 11, 1), willing=False))
    report = rel.check(asked_again, on=date(2026, 11, 22))
    assert report.codes == {"REL-CARER-NOT-WILLING"}
    assert report.ok  # warnings and infos do not make a relationship invalid


def test_involvement_history_is_kept_in_date_order() -> None:
    """Involvements are a history: the one in force on a date is the latest recorded."""
    late, early = _asked(date(2026, 6, 1), willing=False), _asked(date(2025, 6, 1))
    r = Relationship(
        carer=HUSBAND, cared_for=WIFE, kind=RelationKind.SPOUSE, involvements=(late, early)
    )
    assert r.involvements == (early, late)
    assert r.involvement_on(date(2025, 5, 31)) is None
    assert r.involvement_on(date(2026, 1, 1)) == early
    assert r.involvement_on(date(2026, 6, 1)) == late


def test_involvement_reconfirm_date_must_follow_the_record() -> None:
    """Asking again "by" a date before the record is a structural error."""
    with pytest.raises(InvalidInput) as err:
        Involvement(
            recorded_on=date(2026, 1, 1),
            reconfirm_by=date(2026, 1, 1),
            willing="yes",  # type: ignore[arg-type]
            wants_information=True,
            wants_to_take_part=True,
        )
    assert set(err.value.paths) == {"reconfirm_by", "willing"}


def test_child_carer_is_a_child_relative_until_18() -> None:
    """A carer under 18 on the date judged is a child relative (info)."""
    r = Relationship(carer=CHILD, cared_for=MOTHER, kind=RelationKind.CHILD)
    assert "REL-CHILD-CARER" in rel.check(r, on=date(2030, 1, 14)).codes
    assert "REL-CHILD-CARER" not in rel.check(r, on=date(2030, 1, 15)).codes


def test_seed_001_child_whose_mother_has_a_psychiatric_illness() -> None:
    """Seed 001 / HSL 5 kap. 7 §: health care must consider the child's needs."""
    situation = ChildRelative(
        child=CHILD,
        adult=MOTHER,
        adult_is_parent=True,
        lives_with_adult=True,
        conditions=frozenset({AdultCondition.MENTAL_DISORDER}),
    )
    report = rel.check(situation, on=date(2026, 11, 22))
    assert report.codes == {"REL-CHILD-NEEDS-SUPPORT"}
    finding = report.findings[0]
    # From 2026-07-01 the provisions as amended by prop. 2025/26:60 (issue 12) are cited too.
    assert [str(r) for r in finding.references] == [
        "HSL (2017:30) 5 kap. 7 §",
        "PSL (2010:659) 6 kap. 5 §",
        "HSL (2017:30) enl. prop. 2025/26:60",
        "PSL (2010:659) enl. prop. 2025/26:60",
        "SoL (2025:400) enl. prop. 2025/26:60",
    ]
    assert [str(r) for r in rel.check(situation, on=date(2026, 6, 30)).findings[0].references] == [
        "HSL (2017:30) 5 kap. 7 §",
        "PSL (2010:659) 6 kap. 5 §",
    ]
    assert "psykisk störning" in finding.message.sv
    assert "mental disorder" in finding.message.en


@pytest.mark.parametrize(
    ("is_parent", "lives_with", "conditions", "triggered"),
    [
        (True, False, {AdultCondition.UNEXPECTED_DEATH}, True),
        (False, True, {AdultCondition.GAMBLING_MISUSE}, True),
        (False, False, {AdultCondition.ALCOHOL_MISUSE}, False),
        (True, True, set(), False),
    ],
)
def test_hsl_5_7_needs_a_parent_or_household_adult_and_a_condition(
    is_parent: bool, lives_with: bool, conditions: set[AdultCondition], triggered: bool
) -> None:
    """The duty applies to a parent, or an adult the child lives with, with a condition."""
    situation = ChildRelative(
        child=CHILD,
        adult=MOTHER,
        adult_is_parent=is_parent,
        lives_with_adult=lives_with,
        conditions=frozenset(conditions),
    )
    assert situation.triggers_hsl_5_7(date(2026, 1, 1)) is triggered
    assert situation.triggers_hsl_5_7(date(2030, 1, 15)) is False  # the child is 18


@given(relationships(), dates(min_value=date(2000, 1, 1), max_value=date(2060, 1, 1)))
def test_check_never_raises_and_the_three_functions_agree(r: Relationship, on: date) -> None:
    """check collects findings; is_valid is report.ok; validate returns or raises."""
    report = rel.check(r, on=on)
    assert rel.is_valid(r, on=on) == report.ok
    if report.ok:
        assert rel.validate(r, on=on) is r
    else:
        with pytest.raises(RuleViolation):
            rel.validate(r, on=on)


@given(relationships(), dates(min_value=date(2000, 1, 1), max_value=date(2060, 1, 1)))
def test_involvement_findings_follow_the_history(r: Relationship, on: date) -> None:
    """Missing iff nothing recorded by then; overdue iff the current record's date passed."""
    codes = rel.check(r, on=on).codes
    current = r.involvement_on(on)
    assert ("REL-INVOLVEMENT-MISSING" in codes) == (current is None)
    assert ("REL-INVOLVEMENT-OVERDUE" in codes) == (
        current is not None and current.reconfirm_by < on
    )
    assert ("REL-CARER-NOT-WILLING" in codes) == (current is not None and not current.willing)


@given(child_relatives(), dates(min_value=date(2008, 1, 1), max_value=date(2050, 1, 1)))
def test_child_findings_match_the_trigger(situation: ChildRelative, on: date) -> None:
    """A finding iff HSL 5 kap. 7 § is triggered on that date."""
    codes = rel.check(situation, on=on).codes
    assert ("REL-CHILD-NEEDS-SUPPORT" in codes) == situation.triggers_hsl_5_7(on)


@given(relationships(), st.data())
def test_findings_never_show_personal_data(r: Relationship, data: st.DataObject) -> None:
    """No finding message holds a full name or a full personnummer."""
    on = data.draw(dates(min_value=date(2000, 1, 1), max_value=date(2060, 1, 1)))
    for finding in rel.check(r, on=on):
        for text in (finding.message.sv, finding.message.en, finding.explain("sv")):
            for person in (r.carer, r.cared_for):
                assert person.name not in text
                if person.id is not None:
                    assert person.id.value not in text


@given(involvements())
def test_involvement_note_is_masked(inv: Involvement) -> None:
    """The free-text note never appears in repr."""
    if inv.note:
        assert inv.note not in repr(inv)


def test_check_refuses_what_is_not_a_relationship() -> None:
    """check raises InvalidInput for a wrong type; is_valid says False without raising."""
    with pytest.raises(InvalidInput):
        rel.check("not a relationship", on=date(2026, 1, 1))  # type: ignore[arg-type]
    assert rel.is_valid("not a relationship", on=date(2026, 1, 1)) is False
