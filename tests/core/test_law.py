"""Legal references know when they are in force; rules cite the law of the date judged."""

from __future__ import annotations

from datetime import date

import pytest

from anhorig import InvalidInput, LegalRef, law
from anhorig.law import CARER_SUPPORT, REPORT_OF_CONCERN, SIP_SOCIAL_SERVICES, Confidence


@pytest.mark.parametrize(
    ("topic", "before", "after"),
    [
        (CARER_SUPPORT, "SoL (2001:453) 5 kap. 10 §", "SoL (2025:400) 13 kap. 9 §"),
        (REPORT_OF_CONCERN, "SoL (2001:453) 14 kap. 1 §", "SoL (2025:400) 19 kap. 1 §"),
        (SIP_SOCIAL_SERVICES, "SoL (2001:453) 2 kap. 7 §", "SoL (2025:400) 10 kap. 8–9 §§"),
    ],
)
def test_new_social_services_act_on_2025_07_01(
    topic: law.LawTopic, before: str, after: str
) -> None:
    """The day before, of and after SFS 2025:400 took effect."""
    assert str(topic.cite(date(2025, 6, 30))) == before
    assert str(topic.cite(date(2025, 7, 1))) == after
    assert str(topic.cite(date(2025, 7, 2))) == after


def test_carer_support_duty_before_2009_cites_the_earliest_reference() -> None:
    """Before the 'ska' duty (2009-07-01) the topic still cites something to look up."""
    ref = CARER_SUPPORT.cite(date(2005, 1, 1))
    assert ref.sfs == "2001:453"
    assert not ref.in_force_on(date(2005, 1, 1))


def test_secondary_sources_are_marked_medium() -> None:
    """The 2025 mapping is from secondary sources: its confidence says so."""
    assert CARER_SUPPORT.cite(date(2026, 1, 1)).confidence is Confidence.MEDIUM
    assert CARER_SUPPORT.cite(date(2020, 1, 1)).confidence is Confidence.HIGH


def test_in_force_is_half_open() -> None:
    """in_force_until is the first day no longer in force."""
    ref = CARER_SUPPORT.refs[0]
    assert ref.in_force_on(date(2025, 6, 30))
    assert not ref.in_force_on(date(2025, 7, 1))
    assert not ref.in_force_on(date(2009, 6, 30))


def test_legal_ref_validation_names_every_bad_field() -> None:
    """SFS number, chapter and dates are checked together."""
    with pytest.raises(InvalidInput) as err:
        LegalRef(
            act="",
            sfs="2001-453",
            chapter=0,
            in_force_from=date(2025, 1, 1),
            in_force_until=date(2024, 1, 1),
        )
    assert set(err.value.paths) == {"act", "sfs", "chapter", "in_force_until"}


def test_topics_are_listed_once() -> None:
    """topics() lists every module-level topic; keys are unique."""
    keys = [t.key for t in law.topics()]
    assert len(keys) == len(set(keys))
    assert "carer_support" in keys
    assert set(law.SOURCES) >= {"seed-000", "seed-001", "seed-002", "seed-003", "seed-004"}
