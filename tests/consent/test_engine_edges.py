"""Edges of the consent engine that mutation testing found unpinned: the first instant
of a person's life counts as childhood, one born on 29 February comes of age on 1
March, and what a reason says in both languages (a consent not yet in force, with its
open-ended period; a report of concern about an adult; a consent another authority
obtained)."""

from __future__ import annotations

from datetime import date

import attrs

from anhorig.consent import Circumstance, InfoCategory, Outcome, Purpose, Recipient, evaluate
from anhorig.people import Person
from anhorig.time import local
from tests.consent.consent_scenario import REGION, TOWN, consent, request

NEWBORN = Person(name="Ida Nord", birth_date=date(2026, 5, 4))


def _report_of_concern(
    at_hour: int, day: int = 4, *, month: int = 5, subject: Person = NEWBORN
) -> Outcome:
    return evaluate(
        request(
            subject=subject,
            recipient=Recipient.of_organisation(TOWN),
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            purpose=Purpose.CHILD_PROTECTION,
            circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
            at=local(2026, month, day, at_hour),
        ),
        (),
    ).outcome


def test_a_child_is_a_child_from_the_first_instant_of_the_day_of_birth() -> None:
    # A report of concern about a child is permitted whatever the consents; at
    # midnight on the day of birth the person is already a child.
    assert _report_of_concern(0) is Outcome.PERMIT
    assert _report_of_concern(12) is Outcome.PERMIT


def test_born_on_a_leap_day_a_child_comes_of_age_on_the_first_of_march() -> None:
    leo = Person(name="Leo Sand", birth_date=date(2008, 2, 29))
    assert _report_of_concern(23, 28, month=2, subject=leo) is Outcome.PERMIT
    assert _report_of_concern(0, 1, month=3, subject=leo) is not Outcome.PERMIT


def test_a_consent_not_yet_in_force_is_explained_with_its_open_ended_period() -> None:
    later = attrs.evolve(consent(), valid_from=local(2026, 6, 1))
    decision = evaluate(request(), (later,))
    assert not decision.permitted
    (reason,) = [r for r in decision.reasons if r.code == "CONSENT-NOT-IN-FORCE"]
    assert "från 1 juni 2026 kl. 00.00 tills vidare" in reason.message.sv
    assert "from 1 June 2026, 00:00 until revoked" in reason.message.en


def test_a_report_of_concern_about_an_adult_says_why_it_does_not_apply() -> None:
    decision = evaluate(
        request(
            recipient=Recipient.of_organisation(TOWN),
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            purpose=Purpose.CHILD_PROTECTION,
            circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
        ),
        (),
    )
    assert not decision.permitted
    assert "ingen av personerna är ett barn vid tidpunkten" in decision.explain("sv")
    assert "none of the people is a child at that instant" in decision.explain("en")


def test_a_consent_obtained_by_another_authority_names_that_authority() -> None:
    # The region asks, relying on a consent the municipality obtained.
    decision = evaluate(
        request(holder=REGION, recipient=Recipient.of_organisation(TOWN)), (consent(),)
    )
    assert not decision.permitted
    (reason,) = [r for r in decision.reasons if r.code == "CONSENT-OTHER-AUTHORITY"]
    assert f"obtained by {TOWN}, not by" in reason.message.en
    assert f"inhämtades av {TOWN}, inte av" in reason.message.sv
