"""Issue 12: citations that claim no more than the law, and the law of 2026 on both sides
of 2026-07-01."""

from __future__ import annotations

from datetime import date

import pytest

from anhorig import law
from anhorig.findings import catalogue
from anhorig.law import (
    BISTAND,
    CARER_SUPPORT_CONTACT,
    CHILD_RELATIVES_SIBLINGS,
    DISCHARGE_COOPERATION,
    LAW_OF_2026,
    SHARED_RECORDS,
    WITHOUT_NEEDS_ASSESSMENT,
    Confidence,
)
from anhorig.people import Person
from anhorig.relations import AdultCondition, ChildRelative, RelationKind, Relationship
from anhorig.relations import check as check_relations

DAY_BEFORE, DAY_OF, DAY_AFTER = date(2026, 6, 30), date(2026, 7, 1), date(2026, 7, 2)


@pytest.mark.parametrize(
    ("topic", "before", "after"),
    [
        (BISTAND, "SoL (2001:453) 4 kap. 1 §", "SoL (2025:400) 11 kap. 1 §"),
        (WITHOUT_NEEDS_ASSESSMENT, "SoL (2001:453) 4 kap. 2 a §", "SoL (2025:400) 11 kap. 5 §"),
    ],
)
def test_bistand_and_services_without_assessment_on_2025_07_01(
    topic: law.LawTopic, before: str, after: str
) -> None:
    """The 2025-07-01 boundary for bistånd and insatser utan individuell behovsprövning."""
    assert [str(r) for r in topic.cite_all(date(2025, 6, 30))] == [before]
    assert [str(r) for r in topic.cite_all(date(2025, 7, 1))] == [after]
    assert [str(r) for r in topic.cite_all(date(2025, 7, 2))] == [after]


def test_the_bill_of_2026_is_data_with_low_confidence_and_its_source() -> None:
    """Prop. 2025/26:60: every point proposed from 2026-07-01, low confidence, the bill as
    source, unverified; before that day a new duty cites nothing."""
    keys = {
        "carer_information_and_guidance",
        "carer_support_contact",
        "child_relatives_social_services",
        "child_relatives_siblings",
        "lss_respite_outside_home",
        "permanent_care_contact",
    }
    proposed = [t for t in law.topics() if t.key in keys]
    assert {t.key for t in proposed} == keys
    for topic in proposed:
        assert topic.cite_all(DAY_BEFORE) == ()
        for ref in topic.cite_all(DAY_OF):
            assert ref.in_force_from == LAW_OF_2026
            assert ref.confidence is Confidence.LOW
            assert ref.source == "prop. 2025/26:60"
            assert ref.unverified
            assert not ref.verified
            assert str(ref).endswith("enl. prop. 2025/26:60")
    assert {str(r) for r in CHILD_RELATIVES_SIBLINGS.cite_all(DAY_AFTER)} == {
        "HSL (2017:30) enl. prop. 2025/26:60",
        "PSL (2010:659) enl. prop. 2025/26:60",
    }
    assert CARER_SUPPORT_CONTACT.cite(DAY_BEFORE) is CARER_SUPPORT_CONTACT.refs[0]


def test_acts_cited_without_section_say_what_is_unverified() -> None:
    """Lag 2022:913 and Lag 2017:612: DOMAIN.md supports no section, so none is cited and
    the reference says what stays open."""
    shared = SHARED_RECORDS.cite(date(2026, 1, 1))
    discharge = DISCHARGE_COOPERATION.cite(date(2026, 1, 1))
    assert (shared.section, discharge.section) == (None, None)
    assert "section" in shared.unverified
    assert "3-day" in discharge.unverified
    assert discharge.confidence is Confidence.MEDIUM
    assert not shared.verified
    assert not discharge.verified


def _catalogue() -> dict[str, object]:
    return {r.code: r for r in catalogue()}


def test_follow_up_rules_cite_no_statute_and_say_bor() -> None:
    """PLAN-/SIP-FOLLOW-UP-* cited SoL 13:9, HSL 16:4 and SoL 10:8–9, none of which
    requires follow-up: they cite sources, and say "bör"."""
    rules = [r for r in catalogue() if "-FOLLOW-UP-" in r.code]
    assert len(rules) == 6
    for rule in rules:
        assert rule.law == ()
        assert "ibic" in rule.sources
        assert "local-routines" in rule.sources
        assert " ska " not in rule.message.sv
    assert all("bör" in r.message.sv for r in rules if r.code.endswith(("MISSING", "TOO-LATE")))


def test_impl_area_empty_is_guidance_not_law() -> None:
    """IMPL-AREA-EMPTY said "ska" and cited 13:9; the strategy is not law."""
    from anhorig.findings import Severity, rule

    area = rule("IMPL-AREA-EMPTY")
    assert area.law == ()
    assert set(area.sources) == {"seed-003", "national-carer-strategy", "ibic"}
    assert "bör" in area.message.sv
    assert " ska " not in area.message.sv
    assert area.severity is Severity.WARNING


def test_child_carer_cites_hsl_psl_and_sol() -> None:
    """REL-CHILD-CARER cited only 13:9: a child relative is HSL 5:7, PSL 6:5 and SoL."""
    child = Person(name="Ella Berg", birth_date=date(2012, 5, 1))
    parent = Person(name="Karin Berg", birth_date=date(1980, 3, 1))
    rel = Relationship(carer=child, cared_for=parent, kind=RelationKind.CHILD)
    for day, extra in ((DAY_BEFORE, False), (DAY_OF, True)):
        finding = next(f for f in check_relations(rel, on=day) if f.code == "REL-CHILD-CARER")
        cited = {str(r) for r in finding.references}
        assert {
            "SoL (2025:400) 13 kap. 9 §",
            "HSL (2017:30) 5 kap. 7 §",
            "PSL (2010:659) 6 kap. 5 §",
        } <= cited
        assert ("SoL (2025:400) enl. prop. 2025/26:60" in cited) is extra


def test_relations_rules_name_their_domain_rules() -> None:
    """Every rule of the relations family names its DOMAIN.md rule (3 or 4)."""
    from anhorig.relations import RULES

    assert all(r.domain for r in RULES)
    assert {n for r in RULES for n in r.domain} >= {3, 4}


def test_a_sibling_counts_from_2026_07_01() -> None:
    """The HSL/PSL duty toward children extended to siblings: not the day before, from the
    day of, and the finding then cites the bill."""
    child = Person(name="Ella Berg", birth_date=date(2014, 5, 1))
    brother = Person(name="Olle Berg", birth_date=date(2000, 1, 1))
    situation = ChildRelative(
        child=child,
        adult=brother,
        adult_is_parent=False,
        lives_with_adult=False,
        adult_is_sibling=True,
        conditions=frozenset({AdultCondition.SERIOUS_PHYSICAL_ILLNESS}),
    )
    assert check_relations(situation, on=DAY_BEFORE).codes == frozenset()
    for day in (DAY_OF, DAY_AFTER):
        report = check_relations(situation, on=day)
        assert report.codes == {"REL-CHILD-NEEDS-SUPPORT"}
        assert "är syskon till" in report.explain("sv")
        assert "HSL (2017:30) enl. prop. 2025/26:60" in report.explain("sv")
