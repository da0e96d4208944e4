"""Issue 12, read as a biståndshandläggare would: the consent cases whose answers were
wrong (items 2, 3, 4, 5 and 10), each written as the issue writes it, and the
invariants behind them as properties.

2. A young child's own consent (capacity SELF, five years old) must not permit.
3. A child's objection is not silent: the 11-year-old's view is a reason.
4. Orosanmälan about a parent's situation: the information is the parent's, the
   concern the child's; who must report and who should.
5. OSL 25:12 / 26:9: which way each goes, health care to health care, which acts.
10. Within one authority: no secrecy boundary within one branch; one between branches.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Action,
    Block,
    ChildOpinion,
    ChildView,
    Circumstance,
    ConsentRegistry,
    Decision,
    DecisionPolicy,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    InfoCategory,
    ObligationKind,
    Organisation,
    Outcome,
    Principal,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    Sector,
    evaluate,
    may_consent_alone,
)
from anhorig.consent.checks import check
from anhorig.consent.rules.exceptions import EXCHANGE_SECTIONS, reporter_for
from anhorig.errors import InvalidInput
from anhorig.law import (
    HEALTH_SOCIAL_EXCHANGE_HEALTH,
    HEALTH_SOCIAL_EXCHANGE_SOCIAL,
    REPORT_OF_CONCERN,
    REPORTERS,
    SECRECY_BOUNDARIES,
    Confidence,
)
from anhorig.people import Person
from anhorig.testing.strategies import decision_policies, people
from anhorig.time import local
from tests.consent.consent_scenario import (
    ANNA,
    GIVEN,
    LISA,
    PER,
    REGION,
    TOWN,
    TOWN_HEALTH,
    consent,
    request,
)

MAY = local(2026, 5, 4, 9, 30)
FIVE = Person(name="Mia Ek", birth_date=date(2021, 1, 5))
"""Five years old in May 2026."""
ELEVEN = Person(name="Ola Ek", birth_date=date(2015, 1, 5))
"""Eleven years old in May 2026."""
PSYCHIATRY = Organisation(
    id="region-sormland-psykiatri",
    name="Vuxenpsykiatrin, Region Sörmland",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
OTHER_TOWN = Organisation(
    id="kommun-0484-son",
    name="Socialnämnden i Eskilstuna",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)
CHURCH = Organisation(
    id="forsamling-1",
    name="Församlingens barnverksamhet",
    principal=Principal.VOLUNTARY_ORGANISATION,
    sector=Sector.OTHER,
)
_ENGLISH = re.compile(r"\b(the|consent|child|PERMIT|DENY|NOT_APPLICABLE|None)\b")
_INSTANT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}")


def _codes(decision: Decision) -> list[str]:
    return [r.code for r in decision.reasons]


def _swedish(decision: Decision) -> str:
    """Every reason's Swedish message, which must hold no English word nor instant."""
    text = "\n".join(r.message.sv for r in decision.reasons)
    assert not _ENGLISH.search(text), text
    assert not _INSTANT.search(text), text
    return text


def _custodian(opinion: ChildOpinion) -> Grantor:
    return Grantor(
        person=PER,
        capacity=GrantorCapacity.CUSTODIAN,
        child_view=ChildView(opinion=opinion, recorded_at=GIVEN),
    )


# --- 2. A young child's own consent -----------------------------------------------------


def test_a_five_year_olds_own_consent_does_not_permit() -> None:
    decision = evaluate(request(subject=FIVE, at=MAY), [consent(subject=FIVE)])
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-CHILD-TOO-YOUNG" in _codes(decision)
    refused = next(r for r in decision.reasons if r.code == "CONSENT-CHILD-TOO-YOUNG")
    assert [str(r) for r in refused.references] == ["OSL (2009:400) 12 kap. 3 §"]
    text = _swedish(decision)
    assert "mognad att bestämma själv" in text
    assert "under 15 år" in text
    assert "maturity to decide" in refused.message.en


def test_a_childs_own_consent_counts_from_the_policys_age() -> None:
    fifteen = Person(name="Ida Ek", birth_date=date(2011, 5, 4))
    assert evaluate(request(subject=fifteen, at=MAY), [consent(subject=fifteen)]).permitted
    day_before = local(2026, 5, 3, 23, 59)
    assert not evaluate(
        request(subject=fifteen, at=day_before), [consent(subject=fifteen)]
    ).permitted
    younger = DecisionPolicy(child_consents_from_age=12)
    assert (
        evaluate(request(subject=ELEVEN, at=MAY), [consent(subject=ELEVEN)], policy=younger).outcome
        is Outcome.NOT_APPLICABLE
    )
    twelve = local(2027, 1, 5, 0, 0)
    assert evaluate(
        request(subject=ELEVEN, at=twelve), [consent(subject=ELEVEN)], policy=younger
    ).permitted


def test_without_an_age_a_childs_own_consent_never_counts_before_18() -> None:
    never = DecisionPolicy(child_consents_from_age=None)
    seventeen = Person(name="Ebba Ek", birth_date=date(2009, 1, 5))
    decision = evaluate(
        request(subject=seventeen, at=MAY), [consent(subject=seventeen)], policy=never
    )
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "på åldern ensam" in _swedish(decision)
    adult = local(2027, 1, 5, 0, 0)
    assert evaluate(
        request(subject=seventeen, at=adult), [consent(subject=seventeen)], policy=never
    ).permitted


def test_an_adults_and_an_unknown_age_persons_own_consent_still_count() -> None:
    assert evaluate(request(at=MAY), [consent()]).permitted
    kim = Person(name="Kim Lund")
    assert evaluate(request(subject=kim, at=MAY), [consent(subject=kim)]).permitted


def test_the_one_age_check_plans_can_call() -> None:
    assert not may_consent_alone(FIVE, date(2026, 5, 4))
    assert may_consent_alone(FIVE, date(2036, 1, 5))
    assert not may_consent_alone(FIVE, date(2036, 1, 4))
    assert may_consent_alone(ANNA, date(2026, 5, 4))
    assert may_consent_alone(Person(name="Kim Lund"), date(2026, 5, 4))
    assert may_consent_alone(FIVE, date(2033, 1, 5), DecisionPolicy(child_consents_from_age=12))
    assert not may_consent_alone(
        FIVE, date(2038, 1, 4), DecisionPolicy(child_consents_from_age=None)
    )


def test_the_consent_check_reports_the_young_childs_own_consent() -> None:
    report = check(consent(subject=FIVE), on=date(2026, 5, 4))
    assert [f.code for f in report.findings] == ["CONSENT-CHILD-TOO-YOUNG"]
    assert report.findings[0].path == "grantor"
    assert check(consent(subject=FIVE), on=date(2036, 1, 5)).ok


@given(
    person=people(min_birth=date(2005, 1, 1), max_birth=date(2024, 12, 31)),
    policy=decision_policies(),
    days=st.integers(0, 365 * 20),
)
def test_a_childs_own_consent_counts_exactly_when_may_consent_alone_says(
    person: Person, policy: DecisionPolicy, days: int
) -> None:
    """The engine and the function plans call give one answer, day by day; and once a
    child may consent alone, they may on every later day."""
    on = date(2025, 1, 1) + timedelta(days=days)
    at = local(on.year, on.month, on.day, 12)
    given_at = local(2025, 1, 1, 9)
    evidence = Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17", documented_at=given_at)
    own = consent(subject=person, given_at=given_at, evidence=evidence)
    allowed = may_consent_alone(person, on, policy)
    assert evaluate(request(subject=person, at=at), [own], policy=policy).permitted is allowed
    if allowed:
        assert may_consent_alone(person, on + timedelta(days=1), policy)


# --- 3. A child's objection is not silent -----------------------------------------------


def test_an_eleven_year_olds_objection_is_recorded_when_the_custodian_consents() -> None:
    decision = evaluate(
        request(subject=ELEVEN, at=MAY),
        [consent(subject=ELEVEN, grantor=_custodian(ChildOpinion.OBJECTS))],
    )
    assert decision.outcome is Outcome.PERMIT
    assert _codes(decision) == ["CONSENT-PERMIT", "CONSENT-CHILD-VIEW-WEIGHED"]
    text = _swedish(decision)
    assert "barnets inställning: motsätter sig; vägs in med hänsyn till ålder och mognad" in (
        text.lower()
    )
    weighed = decision.reasons[1]
    assert "the child's view: objects; weighed with regard to age and maturity" in (
        weighed.message.en.lower()
    )
    assert weighed.path == "consents[c-1].grantor.child_view"


def test_a_child_who_agrees_needs_no_extra_reason() -> None:
    decision = evaluate(
        request(subject=ELEVEN, at=MAY),
        [consent(subject=ELEVEN, grantor=_custodian(ChildOpinion.AGREES))],
    )
    assert _codes(decision) == ["CONSENT-PERMIT"]


def test_the_objection_is_weighed_also_when_the_custodian_denies() -> None:
    deny = Provision(decision=ProvisionType.DENY)
    decision = evaluate(
        request(subject=ELEVEN, at=MAY),
        [consent(subject=ELEVEN, grantor=_custodian(ChildOpinion.OBJECTS), provision=deny)],
    )
    assert decision.outcome is Outcome.DENY
    assert "CONSENT-CHILD-VIEW-WEIGHED" in _codes(decision)


@given(
    child=people(min_birth=date(2008, 6, 1), max_birth=date(2024, 12, 31), with_id=True),
    policy=decision_policies(),
)
def test_a_counted_custodian_consent_over_an_objection_always_says_so(
    child: Person, policy: DecisionPolicy
) -> None:
    decision = evaluate(
        request(subject=child, at=MAY),
        [consent(subject=child, grantor=_custodian(ChildOpinion.OBJECTS))],
        policy=policy,
    )
    if decision.permitted:
        assert "CONSENT-CHILD-VIEW-WEIGHED" in _codes(decision)
    else:
        assert "CONSENT-CHILD-OBJECTS" in _codes(decision)


# --- 4. Orosanmälan about a parent's situation ------------------------------------------


def _report(**changes: object) -> DisclosureRequest:
    fields: dict[str, object] = {
        "subject": ANNA,
        "holder": PSYCHIATRY,
        "category": InfoCategory.HEALTH_DIAGNOSIS,
        "recipient": Recipient.of_organisation(TOWN),
        "purpose": Purpose.CHILD_PROTECTION,
        "circumstances": frozenset({Circumstance.REPORT_OF_CONCERN}),
        "concerns": LISA,
        "at": MAY,
    }
    fields.update(changes)
    return request(**fields)


def test_adult_psychiatry_reports_concern_for_a_patients_child() -> None:
    """The information is the parent's (Anna's), the concern the child's (Lisa's)."""
    decision = evaluate(_report(), [])
    assert decision.outcome is Outcome.PERMIT
    assert [b.code for b in decision.basis] == ["CONSENT-REPORT-OF-CONCERN"]
    assert [o.kind for o in decision.obligations] == [
        ObligationKind.DOCUMENT_DISCLOSURE,
        ObligationKind.REPORT_AT_ONCE,
    ]
    text = _swedish(decision)
    assert "barnet L. Ö." in text
    assert "skyldig att anmäla genast" in text
    assert "myndigheter inom hälso- och sjukvården" in text
    assert "20150310" not in text
    cited = [str(r) for r in decision.reasons[0].references]
    assert cited == ["SoL (2025:400) 19 kap. 1 §", "OSL (2009:400) 10 kap. 28 §"]


def test_the_report_cites_the_old_sol_before_2025_07_01() -> None:
    decision = evaluate(_report(at=local(2025, 6, 30, 12)), [])
    assert next(str(r) for r in decision.reasons[0].references) == "SoL (2001:453) 14 kap. 1 §"


def test_without_naming_the_child_the_parents_information_stays_secret() -> None:
    decision = evaluate(_report(concerns=None), [])
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-BASIS-NOT-MET" in _codes(decision)
    assert "inget barn anges" in _swedish(decision)


def test_a_named_child_who_has_turned_18_is_no_child_to_report_for() -> None:
    decision = evaluate(_report(concerns=Person(name="Vera Ek", birth_date=date(2008, 1, 5))), [])
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "inte under 18 år" in _swedish(decision)


def test_only_a_request_for_child_protection_names_the_child() -> None:
    with pytest.raises(InvalidInput) as err:
        _report(purpose=Purpose.CARE_AND_TREATMENT)
    assert "concerns" in err.value.explain("en")
    assert "L. Ö." in repr(_report())
    assert "Lisa" not in repr(_report())


def test_the_named_child_is_kept_in_a_request_document() -> None:
    from anhorig.serialization import from_json, to_json

    asked = _report()
    assert from_json(DisclosureRequest, to_json(asked)) == asked
    with pytest.raises(InvalidInput):
        from_json(DisclosureRequest, to_json(asked).replace("child_protection", "sip"))


SCHOOL = Organisation(
    id="kommun-0484-skola",
    name="Barn- och utbildningsnämnden i Eskilstuna",
    principal=Principal.MUNICIPALITY,
    sector=Sector.OTHER,
)


def test_an_authority_of_another_sector_is_told_when_it_has_the_duty() -> None:
    """A school has the duty in law, as every authority whose activities concern
    children; nothing recorded of the organisation says whether it is one, so the
    explanation says when the duty applies instead of telling it 'bör'."""
    decision = evaluate(_report(holder=SCHOOL, category=InfoCategory.SOCIAL_SERVICES), [])
    assert decision.outcome is Outcome.PERMIT
    text = _swedish(decision)
    assert "ingen skyldighet i lag" not in text
    assert "myndigheter vars verksamhet berör barn och unga" in text
    assert "skyldig att anmäla genast, annars bör den anmäla" in text
    english = "\n".join(r.message.en for r in decision.reasons)
    assert "a school or preschool, say) it must report at once, otherwise it should" in english


def test_someone_without_the_duty_may_report_and_is_told_so() -> None:
    decision = evaluate(_report(holder=CHURCH, category=InfoCategory.SOCIAL_SERVICES), [])
    assert decision.outcome is Outcome.PERMIT
    assert [o.kind for o in decision.obligations] == [ObligationKind.DOCUMENT_DISCLOSURE]
    text = _swedish(decision)
    assert "ingen skyldighet i lag" in text
    assert "bör göra det, som var och en" in text
    assert "skyldighet i lag att anmäla men" in text


def test_who_must_report_is_data_with_references_and_confidence() -> None:
    duty = [r for r in REPORTERS.values() if r.duty]
    assert {r.key for r in duty} >= {
        "authorities_for_children",
        "health_social_authorities",
        "employees",
        "private_professionals",
    }
    assert all(r.law is REPORT_OF_CONCERN for r in duty)
    assert not REPORTERS["anyone"].duty
    for reporter in REPORTERS.values():
        assert reporter.law.cite_all(date(2026, 5, 4))
        assert reporter.confidence in (Confidence.MEDIUM, Confidence.LOW)
        assert reporter.unverified
    assert reporter_for(REGION) is REPORTERS["health_social_authorities"]
    assert reporter_for(CHURCH) is REPORTERS["anyone"]


def test_the_registry_follows_the_named_child_coming_of_age() -> None:
    registry = ConsentRegistry()
    tove = Person(name="Tove Ek", birth_date=date(2008, 6, 1))
    before = registry.decide(_report(concerns=tove, at=local(2026, 5, 31, 12)))
    after = registry.decide(_report(concerns=tove, at=local(2026, 6, 1, 12)))
    again = registry.decide(_report(concerns=tove, at=local(2026, 5, 31, 13)))
    assert before.permitted
    assert again.permitted
    assert after.outcome is Outcome.NOT_APPLICABLE


@given(
    child=people(min_birth=date(2008, 1, 1), max_birth=date(2024, 12, 31), with_id=True),
    holder=st.sampled_from((PSYCHIATRY, REGION, TOWN_HEALTH, OTHER_TOWN, CHURCH)),
)
def test_a_report_for_a_named_child_permits_whatever_the_parents_records(
    child: Person, holder: Organisation
) -> None:
    at = MAY
    deny = Provision(decision=ProvisionType.DENY)
    records = [consent(provision=deny, obtained_by=holder)]
    decision = evaluate(_report(concerns=child, holder=holder), records)
    if child.is_child_on(at.date()):
        assert decision.permitted
        duty = ObligationKind.REPORT_AT_ONCE in {o.kind for o in decision.obligations}
        assert duty is reporter_for(holder).duty
    else:
        assert not decision.permitted


# --- 5. OSL 25:12 and 26:9 --------------------------------------------------------------


def _exchange(
    holder: Organisation, to: Organisation, category: InfoCategory, **changes: object
) -> DisclosureRequest:
    circumstances = frozenset({Circumstance.NECESSARY_CARE, *changes.pop("also", ())})  # type: ignore[misc]
    return request(
        subject=changes.pop("subject", LISA),
        holder=holder,
        recipient=Recipient.of_organisation(to),
        category=category,
        circumstances=circumstances,
        at=MAY,
        **changes,
    )


def test_25_12_goes_from_health_care_to_social_services() -> None:
    decision = evaluate(_exchange(REGION, TOWN, InfoCategory.HEALTH_DIAGNOSIS), [])
    assert decision.permitted
    assert [str(r) for r in decision.basis[0].references] == ["OSL (2009:400) 25 kap. 12 §"]
    assert "från hälso- och sjukvården till socialtjänsten" in _swedish(decision)


def test_25_12_also_goes_to_another_health_care_authority() -> None:
    decision = evaluate(_exchange(REGION, TOWN_HEALTH, InfoCategory.HEALTH_DIAGNOSIS), [])
    assert decision.permitted
    assert [str(r) for r in decision.basis[0].references] == ["OSL (2009:400) 25 kap. 12 §"]
    assert "till en annan myndighet inom hälso- och sjukvården" in _swedish(decision)


def test_26_9_goes_from_social_services_to_health_care_and_to_another_social_services() -> None:
    to_health = evaluate(_exchange(TOWN, REGION, InfoCategory.SOCIAL_HOME_CARE), [])
    to_social = evaluate(_exchange(TOWN, OTHER_TOWN, InfoCategory.SOCIAL_HOME_CARE), [])
    for decision in (to_health, to_social):
        assert decision.permitted
        assert [str(r) for r in decision.basis[0].references] == ["OSL (2009:400) 26 kap. 9 §"]
    assert "till en annan myndighet inom socialtjänsten" in _swedish(to_social)


def test_a_section_breaks_only_its_own_chapters_secrecy() -> None:
    """25:12 lets health-care information go; social-services information a region holds is
    not its to give under 26:9."""
    decision = evaluate(_exchange(REGION, TOWN, InfoCategory.SOCIAL_HOME_CARE), [])
    assert decision.outcome is Outcome.NOT_APPLICABLE


def test_the_compulsory_care_acts_named_are_lpt_and_lrv() -> None:
    decision = evaluate(
        _exchange(
            TOWN,
            REGION,
            InfoCategory.SOCIAL_HOME_CARE,
            subject=ANNA,
            also=(Circumstance.COMPULSORY_CARE,),
        ),
        [],
    )
    assert decision.permitted
    text = _swedish(decision)
    assert "vård enligt LPT eller LRV" in text
    assert "LVM" not in text
    assert "LVU" not in text
    assert all(s.compulsory_care_acts == ("LPT", "LRV") for s in EXCHANGE_SECTIONS)


def test_what_is_not_verified_about_25_12_and_26_9_is_marked() -> None:
    for topic in (HEALTH_SOCIAL_EXCHANGE_HEALTH, HEALTH_SOCIAL_EXCHANGE_SOCIAL):
        (ref,) = topic.refs
        assert ref.confidence is Confidence.MEDIUM
        assert not ref.verified
        assert "LVM and LVU" in ref.unverified


def test_an_ordinary_adult_is_in_no_group() -> None:
    decision = evaluate(
        _exchange(REGION, TOWN_HEALTH, InfoCategory.HEALTH_DIAGNOSIS, subject=ANNA), []
    )
    assert decision.outcome is Outcome.NOT_APPLICABLE


# --- 10. Within one authority -----------------------------------------------------------


def test_within_one_branch_of_one_authority_no_boundary_is_crossed() -> None:
    decision = evaluate(request(recipient=Recipient.of_organisation(TOWN), at=MAY), [])
    assert decision.outcome is Outcome.PERMIT
    assert [b.code for b in decision.basis] == ["CONSENT-WITHIN-AUTHORITY"]
    cited = [str(r) for r in decision.basis[0].references]
    assert cited == ["OSL (2009:400) 8 kap. 1 §", "OSL (2009:400) 8 kap. 2 §"]
    assert "inom sin egen verksamhetsgren" in _swedish(decision)


def test_health_care_information_inside_the_social_welfare_committee_crosses_a_boundary() -> None:
    decision = evaluate(
        request(
            category=InfoCategory.HEALTH_MEDICATION,
            recipient=Recipient.of_organisation(TOWN),
            at=MAY,
        ),
        [],
    )
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert _codes(decision)[0] == "CONSENT-BRANCH-BOUNDARY"
    assert "självständiga verksamhetsgrenar" in _swedish(decision)


def test_another_committee_of_the_same_municipality_is_across_a_boundary() -> None:
    decision = evaluate(request(recipient=Recipient.of_organisation(TOWN_HEALTH), at=MAY), [])
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-WITHIN-AUTHORITY" not in _codes(decision)
    assert "CONSENT-BRANCH-BOUNDARY" not in _codes(decision)


def test_the_boundaries_are_marked_not_verified() -> None:
    assert [str(r) for r in SECRECY_BOUNDARIES.refs] == [
        "OSL (2009:400) 8 kap. 1 §",
        "OSL (2009:400) 8 kap. 2 §",
    ]
    assert all(not r.verified and r.unverified for r in SECRECY_BOUNDARIES.refs)


@given(
    holder=st.sampled_from((TOWN, TOWN_HEALTH, REGION, OTHER_TOWN)),
    category=st.sampled_from(InfoCategory),
    action=st.sampled_from((Action.DISCLOSE, Action.ACCESS)),
    person=people(min_birth=date(1930, 1, 1), max_birth=date(2020, 12, 31)),
)
def test_within_one_branch_nothing_recorded_changes_the_answer(
    holder: Organisation, category: InfoCategory, action: Action, person: Person
) -> None:
    """No consent, deny or block matters where no boundary is crossed; across branches
    the answer is the one any other recipient would get without a basis."""
    deny = consent(
        subject=person, provision=Provision(decision=ProvisionType.DENY), obtained_by=holder
    )
    block = Block(id="b-1", subject=person, holder=holder, placed_at=GIVEN)
    asked = request(
        subject=person,
        holder=holder,
        recipient=Recipient.of_organisation(holder),
        category=category,
        action=action,
        at=MAY,
    )
    decision = evaluate(asked, [deny, block])
    same_branch = (category.root is InfoCategory.HEALTH_CARE) is (
        holder.sector is Sector.HEALTH_CARE
    )
    if same_branch:
        assert decision.outcome is Outcome.PERMIT
        assert {b.code for b in decision.basis} == {"CONSENT-WITHIN-AUTHORITY"}
    else:
        assert not decision.permitted
        assert _codes(decision)[0] == "CONSENT-BRANCH-BOUNDARY"
