"""Example tests of the plan rules, the lifecycle, the policy and the package surface."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import attrs
import pytest

import anhorig.plans
from anhorig.errors import InvalidInput, RuleViolation
from anhorig.findings import catalogue
from anhorig.people import Person
from anhorig.plans import (
    RULES,
    ConsentForm,
    ConsentPurpose,
    CoordinatedPlan,
    Coordinator,
    Expectation,
    ExpectedOf,
    Goal,
    GrantorKind,
    ImplementationArea,
    ImplementationPlan,
    Measure,
    MeasureKind,
    Need,
    PlanConsent,
    PlanPolicy,
    PlanStatus,
    Principal,
    Provider,
    ProviderKind,
    Signature,
    SignerRole,
    SupportPlan,
    check,
    is_valid,
)
from anhorig.plans.rules import DOMAIN_RULES
from anhorig.relations import CareArea, Involvement, RelationKind
from anhorig.serialization import from_json
from anhorig.terminology import Role

ROOT = Path(__file__).resolve().parents[2]
KARIN = Person(name="Karin Berg", birth_date=date(1950, 3, 1))
NILS = Person(name="Nils Berg", birth_date=date(1946, 5, 2))
OFFICER = Person(name="Sara Lindqvist")


def _draft() -> SupportPlan:
    municipality = Provider(name="Exempelby kommun", kind=ProviderKind.MUNICIPALITY)
    return SupportPlan.draft(
        id="SP-1",
        carer=KARIN,
        cared_for=NILS,
        relation=RelationKind.SPOUSE,
        created_on=date(2026, 11, 2),
        involvement=Involvement(
            recorded_on=date(2026, 11, 2),
            reconfirm_by=date(2027, 5, 2),
            willing=True,
            wants_information=True,
            wants_to_take_part=True,
        ),
        needs=(Need(id="N1", area=CareArea.SUPPORT_TO_CARER, description="Egen tid"),),
        goals=(Goal(id="G1", need_id="N1", description="En ledig eftermiddag i veckan"),),
        measures=(
            Measure(
                id="M1",
                goal_id="G1",
                kind=MeasureKind.CARER_GROUP,
                description="Anhöriggrupp",
                provider=municipality,
                granted_by_decision=False,
                start=date(2026, 11, 18),
            ),
            # From 2026-07-01 a live stödplan records information och vägledning.
            Measure(
                id="M9",
                goal_id="G1",
                kind=MeasureKind.INFORMATION_AND_GUIDANCE,
                description="Information om stöd till anhöriga",
                provider=municipality,
                granted_by_decision=False,
                start=date(2026, 11, 2),
            ),
        ),
        expectations=(
            Expectation(of=ExpectedOf.CARER, description="Säger till om hon inte orkar"),
            Expectation(of=ExpectedOf.SERVICES, description="Ringer om något ändras"),
        ),
        consents=(
            PlanConsent(
                id="S1",
                subject=KARIN,
                purposes=frozenset({ConsentPurpose.DOCUMENT_IN_PLAN}),
                given_on=date(2026, 11, 2),
                form=ConsentForm.ORAL,
                recorded_by="Sara Lindqvist",
            ),
        ),
        coordinator=Coordinator(
            person=Person(name="Maria Öberg"),
            title="anhörigkonsulent",
            organisation="Exempelby kommun",
            professional=True,
        ),
    )


SIGNATURES = (
    Signature(signer=KARIN, role=SignerRole.CARER, signed_on=date(2026, 11, 20)),
    Signature(signer=OFFICER, role=SignerRole.CASE_OFFICER, signed_on=date(2026, 11, 20)),
)


def test_lifecycle_happy_path() -> None:
    """draft → agreed → active → under review → active → closed, each step a new plan
    (the carer's answer reconfirmed in time for the review: a stale one counts for nothing)."""
    draft = _draft()
    assert draft.involvement is not None
    draft = attrs.evolve(
        draft, involvement=attrs.evolve(draft.involvement, reconfirm_by=date(2028, 5, 2))
    )
    assert check(draft, on=date(2026, 11, 2)).findings == ()
    agreed = draft.agree(on=date(2026, 11, 20), signatures=SIGNATURES, follow_up=date(2027, 5, 20))
    assert (draft.status, agreed.status) == (PlanStatus.DRAFT, PlanStatus.AGREED)
    active = agreed.activate(on=date(2026, 11, 21))
    review = active.start_review(on=date(2027, 5, 20))
    again = review.complete_review(
        on=date(2027, 5, 25), next_follow_up=date(2028, 5, 1), note="Bra"
    )
    assert again.status is PlanStatus.ACTIVE
    assert [f.done_on for f in again.follow_ups] == [date(2027, 5, 25), None]
    closed = again.close(on=date(2028, 1, 1))
    assert closed.status is PlanStatus.CLOSED
    assert closed.closed_on == date(2028, 1, 1)


def test_agree_refused_with_the_findings_that_stop_it() -> None:
    """Agreeing without signatures or a follow-up raises RuleViolation naming both."""
    with pytest.raises(RuleViolation) as info:
        _draft().agree(on=date(2026, 11, 20))
    assert info.value.report.codes >= {"PLAN-SIGNATURE-MISSING", "PLAN-FOLLOW-UP-MISSING"}


def test_illegal_transition_refused() -> None:
    """A closed plan cannot be activated; the finding says which steps are allowed."""
    closed = _draft().close(on=date(2026, 11, 3))
    with pytest.raises(RuleViolation) as info:
        closed.activate(on=date(2026, 11, 4))
    assert info.value.report.codes == {"PLAN-ILLEGAL-TRANSITION"}
    assert "inget" in info.value.report.findings[0].message.sv


def test_follow_up_interval_is_policy() -> None:
    """A follow-up 10 months after agreement is fine by default and too late with a 6-month policy."""
    agreed = _draft().agree(
        on=date(2026, 11, 20), signatures=SIGNATURES, follow_up=date(2027, 9, 20)
    )
    assert is_valid(agreed, on=date(2026, 11, 21))
    strict = PlanPolicy(follow_up_interval_months=6)
    assert check(agreed, on=date(2026, 11, 21), policy=strict).codes == {"PLAN-FOLLOW-UP-TOO-LATE"}


def test_overdue_follow_up_is_a_warning() -> None:
    """A follow-up past due is a warning: the plan stays valid but the finding is there."""
    agreed = _draft().agree(
        on=date(2026, 11, 20), signatures=SIGNATURES, follow_up=date(2027, 1, 10)
    )
    report = check(agreed, on=date(2027, 2, 1))
    assert report.ok
    assert report.codes == {"PLAN-FOLLOW-UP-OVERDUE"}


def test_which_measures_need_a_decision_is_policy() -> None:
    """In-home respite without a decision is an error by default, fine where the policy
    lets the anhörigkonsulent offer it without one."""
    plan = _draft()
    respite = attrs.evolve(plan.measures[0], id="M2", kind=MeasureKind.IN_HOME_RESPITE)
    consent_nils = attrs.evolve(plan.consents[0], id="S2", subject=NILS)
    plan = attrs.evolve(
        plan, measures=(*plan.measures, respite), consents=(*plan.consents, consent_nils)
    )
    assert check(plan, on=date(2026, 11, 20)).codes == {"PLAN-DECISION-REQUIRED"}
    assert (
        check(
            plan, on=date(2026, 11, 20), policy=PlanPolicy(decision_required=frozenset())
        ).findings
        == ()
    )


def test_need_about_cared_for_needs_their_consent_and_revocation_counts_from_its_day() -> None:
    """Information about the närstående needs their consent; a revoked consent holds until
    the day of revocation and not from it."""
    plan = _draft()
    about = Need(
        id="N2",
        area=CareArea.COMMUNITY_LIFE,
        description="Meningsfulla dagar",
        about=Role.CARED_FOR,
    )
    goal = Goal(id="G2", need_id="N2", description="Aktiviteter")
    measure = attrs.evolve(plan.measures[0], id="M2", goal_id="G2")
    plan = attrs.evolve(
        plan,
        needs=(*plan.needs, about),
        goals=(*plan.goals, goal),
        measures=(*plan.measures, measure),
    )
    assert check(plan, on=date(2026, 11, 20)).codes == {"PLAN-NO-CARED-FOR-CONSENT"}
    consent = attrs.evolve(plan.consents[0], id="S2", subject=NILS, revoked_on=date(2027, 1, 1))
    plan = attrs.evolve(plan, consents=(*plan.consents, consent))
    assert check(plan, on=date(2026, 12, 31)).findings == ()
    assert check(plan, on=date(2027, 1, 1)).codes == {"PLAN-NO-CARED-FOR-CONSENT"}


def test_guardian_cannot_consent_for_an_adult_but_custodian_can_for_a_child() -> None:
    """A god man's consent is not valid for an adult; a custodian's is, for a child only."""
    plan = _draft()
    guardian = attrs.evolve(plan.consents[0], grantor=GrantorKind.GUARDIAN)
    report = check(attrs.evolve(plan, consents=(guardian,)), on=date(2026, 11, 20))
    assert report.codes == {"PLAN-CONSENT-INVALID-GRANTOR", "PLAN-NO-CARER-CONSENT"}
    child = Person(name="Ali Hassan", birth_date=date(2012, 4, 1))
    by_custodian = PlanConsent(
        id="S9",
        subject=child,
        purposes=frozenset({ConsentPurpose.DOCUMENT_IN_PLAN}),
        given_on=date(2026, 1, 1),
        form=ConsentForm.WRITTEN,
        recorded_by="Handläggare",
        grantor=GrantorKind.CUSTODIAN,
    )
    assert by_custodian.covers(child, ConsentPurpose.DOCUMENT_IN_PLAN, on=date(2026, 11, 20))
    assert not by_custodian.covers(child, ConsentPurpose.DOCUMENT_IN_PLAN, on=date(2030, 4, 1))


def test_references_follow_the_law_in_force() -> None:
    """Carer-support rules cite SoL 2001:453 5 kap. 10 § the day before 2025-07-01 and
    SoL 2025:400 13 kap. 9 § from that day."""
    plan = attrs.evolve(_draft(), consents=())
    cited = {
        day: " ".join(str(r) for r in check(plan, on=day).findings[0].references)
        for day in (date(2025, 6, 30), date(2025, 7, 1), date(2025, 7, 2))
    }
    assert "SoL (2001:453) 5 kap. 10 §" in cited[date(2025, 6, 30)]
    assert "SoL (2025:400) 13 kap. 9 §" in cited[date(2025, 7, 1)]
    assert "SoL (2025:400) 13 kap. 9 §" in cited[date(2025, 7, 2)]
    assert "2001:453" not in cited[date(2025, 7, 1)]


def test_plan_gives_its_relationship_to_the_relations_rules() -> None:
    """A stödplan's relationship is checked by the relations family: an involvement not
    reconfirmed in time is REL-INVOLVEMENT-OVERDUE there (and PLAN-INVOLVEMENT-OVERDUE in
    the plan's own check, issue 12)."""
    from anhorig.relations import check as check_relationship

    relationship = _draft().relationship()
    assert relationship.carer == KARIN
    assert relationship.kind is RelationKind.SPOUSE
    assert check_relationship(relationship, on=date(2027, 6, 1)).codes == {
        "REL-INVOLVEMENT-OVERDUE"
    }


def test_structure_errors_name_every_bad_field() -> None:
    """Bad construction raises one InvalidInput naming every bad field."""
    with pytest.raises(InvalidInput) as info:
        Measure(
            id="",
            goal_id="G1",
            kind="respite",  # type: ignore[arg-type]
            description=" ",
            provider=Provider(name="X", kind=ProviderKind.MUNICIPALITY),
            granted_by_decision=1,  # type: ignore[arg-type]
            start=date(2027, 1, 2),
            end=date(2027, 1, 1),
        )
    assert set(info.value.paths) == {"id", "kind", "description", "granted_by_decision", "end"}


def test_bad_document_reports_every_path() -> None:
    """A plan document with several faults gives InvalidInput with every path."""
    text = (ROOT / "examples" / "plans" / "support-plan-valid.json").read_text(encoding="utf-8")
    text = text.replace('"kind": "carer_group"', '"kind": "choir"').replace('"id": "N3"', '"id": 3')
    with pytest.raises(InvalidInput) as info:
        from_json(SupportPlan, text)
    assert "$.measures[3].kind" in info.value.paths
    assert "$.needs[2].id" in info.value.paths


def test_implementation_template_has_seed_003_rows_in_every_area() -> None:
    """The template holds seed 003's example rows in all three areas; owners must be named."""
    plan = ImplementationPlan.template(municipality="Exempelby", valid_from=date(2027, 1, 1))
    assert all(plan.by_area()[area] for area in ImplementationArea)
    assert any("nanoutbildning" in a.how for a in plan.activities)
    assert check(plan, on=date(2027, 1, 1)).codes == {"IMPL-NO-OWNER"}
    only = ImplementationPlan.template(
        municipality="Exempelby",
        valid_from=date(2027, 1, 1),
        responsible="anhörigkonsulent",
        areas=frozenset({ImplementationArea.LEADERSHIP}),
    )
    assert check(only, on=date(2027, 1, 1)).codes == {"IMPL-AREA-EMPTY"}


def test_every_rule_in_catalogue_with_domain_rule_and_bilingual_message() -> None:
    """Every plan rule is in the catalogue, has Swedish and English text and names its DOMAIN rule;
    together they cover rules 14–23, rule 3 where a plan counts on its carer's answer, and
    rule 7 where a plan applies consent's rule of who may consent."""
    codes = {r.code for r in catalogue()}
    assert {r.code for r in RULES} <= codes
    assert set(DOMAIN_RULES) == {r.code for r in RULES}
    assert {n for ns in DOMAIN_RULES.values() for n in ns} == {3, 7, *range(14, 24)}
    for rule in RULES:
        assert rule.message.sv
        assert rule.message.en
        assert rule.message.sv != rule.message.en
        assert re.fullmatch(r"(PLAN|SIP|IMPL)-[A-Z0-9-]+", rule.code)


def test_rules_docs_page_lists_every_code() -> None:
    """The plans rule page in the docs lists every plan rule code."""
    page = (ROOT / "docs" / "plans" / "rules.md").read_text(encoding="utf-8")
    missing = [r.code for r in RULES if r.code not in page]
    assert missing == []


def test_package_all_is_sorted_and_public() -> None:
    """anhorig.plans re-exports exactly its sorted __all__, and import anhorig does not import it."""

    def isort_key(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert list(anhorig.plans.__all__) == sorted(anhorig.plans.__all__, key=isort_key)
    public = {n for n in dir(anhorig.plans) if not n.startswith("_")}
    modules = {"cli", "implementation", "policy", "rules", "sip", "support"}
    assert public - modules == set(anhorig.plans.__all__)


def test_check_refuses_what_is_not_a_plan() -> None:
    """check raises InvalidInput for a non-plan or a datetime; is_valid just says False."""
    from datetime import datetime

    with pytest.raises(InvalidInput):
        check("plan", on=date(2026, 1, 1))  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        check(_draft(), on=datetime(2026, 1, 1))
    assert is_valid("plan", on=date(2026, 1, 1)) is False


def test_sip_lifecycle() -> None:
    """A SIP moves draft → agreed → active → under review → active → closed; agreeing one
    without a lead principal is refused with that finding."""
    sip = from_json(
        CoordinatedPlan,
        (ROOT / "examples" / "plans" / "sip-valid.json").read_text(encoding="utf-8"),
    )
    draft = attrs.evolve(sip, status=PlanStatus.DRAFT, follow_ups=())
    agreed = draft.agree(on=date(2026, 10, 23), follow_up=date(2027, 1, 22))
    active = agreed.activate(on=date(2026, 10, 24))
    again = active.start_review(on=date(2027, 1, 22)).complete_review(
        on=date(2027, 1, 22), next_follow_up=date(2027, 6, 1)
    )
    assert again.status is PlanStatus.ACTIVE
    assert again.close(on=date(2027, 2, 1)).status is PlanStatus.CLOSED
    with pytest.raises(RuleViolation) as info:
        attrs.evolve(draft, lead_principal=None).agree(
            on=date(2026, 10, 23), follow_up=date(2027, 1, 22)
        )
    assert info.value.report.codes == {"SIP-NO-LEAD"}


@pytest.mark.parametrize("principal", list(Principal))
def test_measures_by_others_are_those_of_neither_municipality_nor_region(
    principal: Principal,
) -> None:
    """With the core Principal a participant may be a private provider or a voluntary
    organisation: like OTHER, their measures are measures by others (SIP item 3)."""
    sip = from_json(
        CoordinatedPlan,
        (ROOT / "examples" / "plans" / "sip-valid.json").read_text(encoding="utf-8"),
    )
    p3 = attrs.evolve(sip.participants[2], principal=principal)
    changed = attrs.evolve(sip, participants=(*sip.participants[:2], p3))
    held = {r.holder_id for r in changed.measures_by_others()}
    by_others = principal not in (Principal.MUNICIPALITY, Principal.REGION)
    assert held == ({"R1", "P3"} if by_others else {"R1"})


def test_import_anhorig_imports_neither_plans_nor_hypothesis() -> None:
    """import anhorig stays light: the plans subpackage and hypothesis load only on demand,
    and importing anhorig.plans does not import hypothesis or anhorig.respite either
    (it imports anhorig.consent, whose words and rule of who may consent it uses)."""
    import subprocess
    import sys

    code = (
        "import sys, anhorig; a = {'anhorig.plans', 'hypothesis'} & set(sys.modules); "
        "import anhorig.plans; b = {'hypothesis', 'anhorig.respite'} & set(sys.modules); "
        "print(sorted(a), sorted(b))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[] []"
