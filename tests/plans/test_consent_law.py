"""Issue 12, "One consent law, one implementation": plans speak consent's words for who
consented and how, ask consent's rule of who may consent, and a ``ConsentRegistry``
answers their ``ConsentOracle``. Written as the issue writes the cases."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Action,
    ChildOpinion,
    ChildView,
    Consent,
    ConsentRegistry,
    DecisionPolicy,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    InfoCategory,
    Organisation,
    Principal,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    Sector,
)
from anhorig.consent import checks as consent_checks
from anhorig.consent.rules.validity import grantor_refusal, may_consent
from anhorig.errors import InvalidInput
from anhorig.people import Person, PersonId
from anhorig.plans import (
    ConsentForm,
    ConsentPurpose,
    CoordinatedPlan,
    GrantorKind,
    PlanConsent,
    RegistryOracle,
    RegistryQuestion,
    SupportPlan,
    check,
    registry_oracle,
)
from anhorig.serialization import from_json, to_json
from anhorig.testing.strategies import people
from anhorig.time import local

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 1)
TOWN = Organisation(
    id="kommun-1",
    name="Exempelby kommun",
    principal=Principal.MUNICIPALITY,
    sector=Sector.SOCIAL_SERVICES,
)
REGION = Organisation(
    id="region-1",
    name="Vårdcentralen Centrum",
    principal=Principal.REGION,
    sector=Sector.HEALTH_CARE,
)
TO_REGION = RegistryQuestion(
    action=Action.DISCLOSE,
    category=InfoCategory.SOCIAL_SERVICES,
    holder=TOWN,
    recipient=Recipient.of_organisation(REGION),
    purpose=Purpose.SIP,
)
TO_TOWN = RegistryQuestion(
    action=Action.DISCLOSE,
    category=InfoCategory.HEALTH_CARE,
    holder=REGION,
    recipient=Recipient.of_organisation(TOWN),
    purpose=Purpose.SIP,
)


def _example(cl: type[SupportPlan] | type[CoordinatedPlan], name: str) -> object:
    return from_json(cl, (ROOT / "examples" / "plans" / name).read_text(encoding="utf-8"))


def _sip() -> CoordinatedPlan:
    plan = _example(CoordinatedPlan, "sip-valid.json")
    assert isinstance(plan, CoordinatedPlan)
    return plan


def _plan_consent(subject: Person, grantor: GrantorCapacity) -> PlanConsent:
    return PlanConsent(
        id="S9",
        subject=subject,
        purposes=frozenset(ConsentPurpose),
        given_on=date(2026, 10, 1),
        form=EvidenceForm.WRITTEN,
        recorded_by="Handläggare",
        grantor=grantor,
    )


# --- one vocabulary ------------------------------------------------------------------------


def test_plans_use_consents_words_and_the_old_names_are_thin_aliases() -> None:
    """``GrantorKind`` and ``ConsentForm`` were the plans' twins of consent's enums; they
    are the same classes now, and the former ``GUARDIAN`` is consent's ``GOD_MAN``."""
    assert GrantorKind is GrantorCapacity
    assert ConsentForm is EvidenceForm
    assert GrantorKind.__members__["GUARDIAN"] is GrantorCapacity.GOD_MAN
    field = {f.name: f for f in attrs.fields(PlanConsent)}
    assert field["grantor"].type in (GrantorCapacity, "GrantorCapacity")
    assert field["form"].type in (EvidenceForm, "EvidenceForm")
    assert "guardian" not in {c.value for c in GrantorCapacity}  # never written


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("self", GrantorCapacity.SELF),
        ("custodian", GrantorCapacity.CUSTODIAN),
        ("guardian", GrantorCapacity.GOD_MAN),
        ("relative", GrantorCapacity.RELATIVE),
    ],
)
def test_an_old_plan_document_still_reads(old: str, new: GrantorCapacity) -> None:
    """A stödplan written with the old ``GrantorKind`` values reads in the new words."""
    text = (ROOT / "examples" / "plans" / "support-plan-valid.json").read_text(encoding="utf-8")
    document = json.loads(text)
    document["consents"][1]["grantor"] = old
    plan = from_json(SupportPlan, json.dumps(document))
    assert plan.consents[1].grantor is new
    assert json.loads(to_json(plan))["consents"][1]["grantor"] == new.value


def test_the_former_value_is_read_only_in_plan_documents() -> None:
    """``"guardian"`` was the plans' word; a consent family document never wrote it and
    still refuses it."""
    document = {"type": "Grantor", "schema_version": 1, "person": {"name": "Olle Ek"}}
    with pytest.raises(InvalidInput, match=r"capacity: okänt värde 'guardian'"):
        from_json(Grantor, json.dumps({**document, "capacity": "guardian"}))
    assert from_json(Grantor, json.dumps({**document, "capacity": "god_man"})).capacity is (
        GrantorCapacity.GOD_MAN
    )


def test_an_unknown_grantor_is_still_refused() -> None:
    document = json.loads(
        (ROOT / "examples" / "plans" / "sip-valid.json").read_text(encoding="utf-8")
    )
    document["consents"][0]["grantor"] = "uncle"
    with pytest.raises(InvalidInput, match=r"consents\[0\]\.grantor"):
        from_json(CoordinatedPlan, json.dumps(document))


@given(
    grantor=st.sampled_from(GrantorCapacity),
    form=st.sampled_from(EvidenceForm),
    subject=people(max_birth=ON),
)
def test_plan_consent_round_trips_in_every_capacity_and_form(
    grantor: GrantorCapacity, form: EvidenceForm, subject: Person
) -> None:
    consent = attrs.evolve(_plan_consent(subject, grantor), form=form)
    assert from_json(PlanConsent, to_json(consent)) == consent


# --- one rule: who may consent ---------------------------------------------------------------


def test_a_young_childs_own_consent_does_not_count_in_plans_either() -> None:
    """Issue 12, item 2: "A young child's own consent (capacity SELF, five years old) gives
    PERMIT, in the consent engine and in plans." In plans it is refused, as in consent,
    and the custodian's consent counts instead."""
    child = Person(id=PersonId.parse("20210601-9819"), name="Ella Berg")
    sip = attrs.evolve(_sip(), individual=child)
    own = attrs.evolve(sip, consents=(_plan_consent(child, GrantorCapacity.SELF),))
    report = check(own, on=ON)
    assert {"PLAN-CONSENT-CHILD-TOO-YOUNG", "SIP-NO-CONSENT"} <= report.codes
    said = next(f for f in report if f.code == "PLAN-CONSENT-CHILD-TOO-YOUNG")
    assert said.path == "consents[0].grantor"
    assert (
        "E. B. är under 15 år, den ålder från vilken kommunen godtar ett barns eget samtycke"
        in said.message.sv
    )
    assert (
        "E. B. is under 15, the age from which the municipality accepts a child's own consent"
        in said.message.en
    )
    by_custodian = attrs.evolve(sip, consents=(_plan_consent(child, GrantorCapacity.CUSTODIAN),))
    assert not {"PLAN-CONSENT-CHILD-TOO-YOUNG", "SIP-NO-CONSENT"} & check(by_custodian, on=ON).codes


def test_plan_and_consent_refuse_a_young_childs_own_consent_with_the_same_law() -> None:
    """The plans' rule mirrors consent's: same severity, same law, DOMAIN rule 7."""
    from anhorig.consent.rules import CHILD_TOO_YOUNG, NO_AUTHORITY
    from anhorig.plans.rules import PLAN_CONSENT_CHILD_TOO_YOUNG, PLAN_CONSENT_INVALID_GRANTOR

    for plans_rule, consent_rule in (
        (PLAN_CONSENT_CHILD_TOO_YOUNG, CHILD_TOO_YOUNG),
        (PLAN_CONSENT_INVALID_GRANTOR, NO_AUTHORITY),
    ):
        assert plans_rule.severity is consent_rule.severity
        assert plans_rule.law == consent_rule.law
        assert 7 in plans_rule.domain
        assert 7 in consent_rule.domain


def test_a_custodian_for_an_adult_is_told_why() -> None:
    sip = _sip()
    by_custodian = attrs.evolve(
        sip, consents=(_plan_consent(sip.individual, GrantorCapacity.CUSTODIAN),)
    )
    said = next(f for f in check(by_custodian, on=ON) if f.code == "PLAN-CONSENT-INVALID-GRANTOR")
    assert "den enskilde har fyllt 18 år; vårdnadshavaren kan inte längre samtycka" in (
        said.message.sv
    )


_POLICIES = st.builds(DecisionPolicy, child_consents_from_age=st.none() | st.integers(0, 18))


@given(
    capacity=st.sampled_from(GrantorCapacity),
    subject=people(min_birth=date(1990, 1, 1), max_birth=ON),
    day=st.dates(date(2000, 1, 1), date(2040, 12, 31)),
    policy=_POLICIES,
)
def test_plans_and_consent_agree_on_who_may_consent(
    capacity: GrantorCapacity, subject: Person, day: date, policy: DecisionPolicy
) -> None:
    """For every drawn grantor, subject, day and policy, a plan's consent record and a
    consent in the consent family get the same answer to "may this grantor consent?"."""
    plans_answer = _plan_consent(subject, capacity).grantor_can_consent(day, policy)
    other = Person(name="Vera Berg")
    grantor = Grantor(
        person=subject if capacity is GrantorCapacity.SELF else other,
        capacity=capacity,
        child_view=ChildView(opinion=ChildOpinion.AGREES, recorded_at=local(1990, 1, 1, 12))
        if capacity is GrantorCapacity.CUSTODIAN
        else None,
    )
    consent = Consent(
        id="c-1",
        subject=subject,
        grantor=grantor,
        obtained_by=TOWN,
        given_at=local(1990, 1, 1, 12),
        evidence=Evidence(
            form=EvidenceForm.WRITTEN, documented_by="hsa-1", documented_at=local(1990, 1, 1, 12)
        ),
        provision=Provision(decision=ProvisionType.PERMIT),
    )
    refused = {"CONSENT-NO-AUTHORITY", "CONSENT-CHILD-TOO-YOUNG"}
    consent_answer = not (refused & consent_checks.check(consent, on=day, policy=policy).codes)
    assert plans_answer == consent_answer == may_consent(capacity, subject, day, policy)
    refusal = grantor_refusal(capacity, subject, day, policy)
    found = consent_checks.check(consent, on=day, policy=policy).codes & refused
    assert (refusal is None and not found) or (refusal is not None and {refusal[0].code} == found)


# --- the registry answers the plans' ConsentOracle ------------------------------------------


def _registry_consent(
    cid: str,
    subject: Person,
    obtained_by: Organisation,
    to: Organisation,
    category: InfoCategory,
    *,
    given: date = date(2026, 10, 21),
    until: date | None = None,
    grantor: Grantor | None = None,
) -> Consent:
    consent = Consent.grant(
        id=cid,
        subject=subject,
        obtained_by=obtained_by,
        to=(Recipient.of_organisation(to),),
        categories=(category,),
        purposes=(Purpose.SIP,),
        evidence=Evidence(
            form=EvidenceForm.ORAL,
            documented_by="hsa-17",
            documented_at=local(given.year, given.month, given.day, 10),
        ),
        given_at=local(given.year, given.month, given.day, 10),
        valid_until=None if until is None else local(until.year, until.month, until.day),
    )
    return consent if grantor is None else attrs.evolve(consent, grantor=grantor)


def _both_authorities(
    subject: Person,
    *,
    given: date = date(2026, 10, 21),
    until: date | None = None,
    grantor: Grantor | None = None,
) -> ConsentRegistry:
    """The municipality's and the region's own consents of ``subject`` to the SIP."""
    return ConsentRegistry(
        [
            _registry_consent(
                cid, subject, by, to, category, given=given, until=until, grantor=grantor
            )
            for cid, by, to, category in (
                ("c-kommun", TOWN, REGION, InfoCategory.SOCIAL_SERVICES),
                ("c-region", REGION, TOWN, InfoCategory.HEALTH_CARE),
            )
        ]
    )


def _sip_oracle(registry: ConsentRegistry) -> RegistryOracle:
    return registry_oracle(
        registry,
        document_in_plan=(TO_REGION, TO_TOWN),
        share_with_participants=(TO_REGION, TO_TOWN),
    )


def _sip_codes(registry: ConsentRegistry, on: date = ON) -> frozenset[str]:
    sip = attrs.evolve(_sip(), consents=())  # the registry decides, not the plan's records
    return frozenset(check(sip, on=on, consent_oracle=_sip_oracle(registry)).codes)


def test_a_sip_checked_against_a_registry_holding_both_authorities_consents() -> None:
    assert _sip_codes(_both_authorities(_sip().individual)) == frozenset()


def test_a_sip_checked_against_a_registry_not_holding_the_consent() -> None:
    assert _sip_codes(ConsentRegistry()) == {"SIP-NO-CONSENT"}


def test_each_authority_obtains_its_own_consent() -> None:
    """Only the municipality's consent: the region's disclosures have no basis."""
    anna = _sip().individual
    registry = ConsentRegistry(
        [_registry_consent("c-kommun", anna, TOWN, REGION, InfoCategory.SOCIAL_SERVICES)]
    )
    assert _sip_codes(registry) == {"SIP-NO-CONSENT"}
    oracle = _sip_oracle(registry)
    [municipal, regional] = oracle.decisions(anna, ConsentPurpose.SHARE_WITH_PARTICIPANTS, on=ON)
    assert municipal.permitted
    assert not regional.permitted


def test_a_sip_checked_against_an_expired_consent() -> None:
    registry = _both_authorities(_sip().individual, until=date(2026, 10, 31))
    assert _sip_codes(registry, on=date(2026, 10, 30)) == frozenset()
    assert _sip_codes(registry, on=date(2026, 10, 31)) == {"SIP-NO-CONSENT"}


def test_a_sip_checked_against_a_withdrawn_consent_counts_by_day() -> None:
    """Withdrawn during 2026-10-28: covered the day before, not on that day, as a plan's own
    record revoked on that day (``PlanConsent.revoked_on``)."""
    registry = _both_authorities(_sip().individual)
    registry.revoke("c-region", at=local(2026, 10, 28, 15))
    assert _sip_codes(registry, on=date(2026, 10, 27)) == frozenset()
    assert _sip_codes(registry, on=date(2026, 10, 28)) == {"SIP-NO-CONSENT"}


def test_a_consent_given_during_the_day_covers_that_day() -> None:
    registry = _both_authorities(_sip().individual, given=ON)
    assert _sip_codes(registry, on=ON - timedelta(days=1)) == {"SIP-NO-CONSENT"}
    assert _sip_codes(registry, on=ON) == frozenset()


def test_the_registry_applies_consents_rule_of_who_may_consent() -> None:
    """A god man's consent in the registry covers nothing; nor does a five-year-old's own."""
    anna = _sip().individual
    god_man = Grantor(person=Person(name="Olle Ek"), capacity=GrantorCapacity.GOD_MAN)
    assert _sip_codes(_both_authorities(anna, grantor=god_man)) == {"SIP-NO-CONSENT"}
    child = Person(id=PersonId.parse("20210601-9819"), name="Ella Berg")
    sip = attrs.evolve(_sip(), individual=child, consents=())
    own = _sip_oracle(_both_authorities(child))
    assert "SIP-NO-CONSENT" in check(sip, on=ON, consent_oracle=own).codes


def test_a_stodplan_checked_against_a_registry() -> None:
    """The carer's and the närstående's consents come from the registry: holding both,
    holding only the carer's, and the carer's withdrawn."""
    plan = _example(SupportPlan, "support-plan-valid.json")
    assert isinstance(plan, SupportPlan)
    plan = attrs.evolve(plan, consents=())
    day = date(2026, 11, 22)

    def codes(registry: ConsentRegistry, on: date = day) -> frozenset[str]:
        oracle = registry_oracle(registry, document_in_plan=TO_REGION)
        return frozenset(check(plan, on=on, consent_oracle=oracle).codes)

    def consent(cid: str, person: Person) -> Consent:
        return _registry_consent(cid, person, TOWN, REGION, InfoCategory.SOCIAL_SERVICES)

    both = ConsentRegistry([consent("c-karin", plan.carer), consent("c-nils", plan.cared_for)])
    assert codes(both) == check(attrs.evolve(plan, consents=_example_consents()), on=day).codes
    only_carer = ConsentRegistry([consent("c-karin", plan.carer)])
    assert "PLAN-NO-CARED-FOR-CONSENT" in codes(only_carer)
    assert "PLAN-NO-CARER-CONSENT" not in codes(only_carer)
    both.revoke("c-karin", at=local(2026, 11, 22, 9))
    assert "PLAN-NO-CARER-CONSENT" in codes(both)
    assert "PLAN-NO-CARER-CONSENT" not in codes(both, on=date(2026, 11, 21))


def _example_consents() -> tuple[PlanConsent, ...]:
    plan = _example(SupportPlan, "support-plan-valid.json")
    assert isinstance(plan, SupportPlan)
    return plan.consents


def test_the_oracle_is_a_consent_oracle_and_refuses_bad_questions() -> None:
    from anhorig.plans import ConsentOracle

    oracle = _sip_oracle(ConsentRegistry())
    assert isinstance(oracle, ConsentOracle)
    assert "document_in_plan: 2" in repr(oracle)
    with pytest.raises(InvalidInput, match="registry"):
        RegistryOracle(object(), {})  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match=r"questions\[document_in_plan\]\[0\]"):
        RegistryOracle(ConsentRegistry(), {ConsentPurpose.DOCUMENT_IN_PLAN: ["x"]})  # type: ignore[list-item]
    with pytest.raises(InvalidInput, match="questions"):
        RegistryOracle(ConsentRegistry(), {"document_in_plan": TO_REGION})  # type: ignore[dict-item]
    with pytest.raises(InvalidInput, match="on"):
        oracle.covers(_sip().individual, ConsentPurpose.DOCUMENT_IN_PLAN, on="2026-11-01")  # type: ignore[arg-type]
