"""The menprövning basis: a documented harm assessment that it is clear no harm results.

OSL (2009:400) 25 kap. 1 § and 26 kap. 1 § presume secrecy "om det inte står klart att
uppgiften kan röjas utan att den enskilde eller någon närstående till denne lider men";
a documented assessment by the holder that it is clear lets the information go, unless
the person says no.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import (
    Action,
    AuditRecord,
    Block,
    BlockLift,
    ChildOpinion,
    ChildView,
    Circumstance,
    ConsentRecord,
    ConsentRegistry,
    DecisionPolicy,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    HarmAssessment,
    HarmConclusion,
    InfoCategory,
    Outcome,
    Provision,
    ProvisionType,
    Purpose,
    Revocation,
    evaluate,
)
from anhorig.consent.model import person_key
from anhorig.errors import InvalidInput
from anhorig.serialization import from_json, to_json
from anhorig.testing.strategies import (
    consent_instants,
    deciding,
    decision_policies,
    harm_assessments,
    organisations,
)
from anhorig.time import local
from tests.consent.consent_scenario import (
    ANNA,
    EVA,
    PER,
    TOWN,
    TOWN_HEALTH,
    consent,
    request,
    to_eva,
)

HARM = "CONSENT-HARM-ASSESSMENT"
ASKED = local(2026, 5, 4, 14)
"""The daughter asks at two in the afternoon."""


def assessment(**changes: Any) -> HarmAssessment:
    """The social welfare committee's menprövning that telling Eva, Anna's daughter,
    about the visit times of Anna's home care clearly does no harm."""
    fields: dict[str, Any] = {
        "id": "mp-1",
        "subject": ANNA,
        "holder": TOWN,
        "assessed_by": "handlaggare-3",
        "assessed_at": local(2026, 5, 4, 13, 40),
        "categories": frozenset({InfoCategory.SOCIAL_HOME_CARE}),
        "recipient": to_eva(),
        "purpose": Purpose.INFORMING_RELATIVE,
        "conclusion": HarmConclusion.CLEARLY_NO_HARM,
        "note": "Anna Karlsson har själv berättat tiderna för Eva tidigare",
    }
    fields.update(changes)
    return HarmAssessment(**fields)


def daughter_asks(**changes: Any) -> DisclosureRequest:
    """Eva asks the home care staff when her mother's visits are."""
    fields: dict[str, Any] = {
        "recipient": to_eva(),
        "purpose": Purpose.INFORMING_RELATIVE,
        "at": ASKED,
    }
    fields.update(changes)
    return request(**fields)


def refusal_by(person: Any, holder: Any, given: Any, *, at: Any = None) -> Any:
    """``person``'s own documented consent, obtained by ``holder``, that denies everything;
    for someone still a child at ``at``, their custodian's (a child's own consent counts
    only from an age the policy sets), the child agreeing."""
    grantor = None
    if at is not None and person.birth_date is not None and person.is_child_on(at.date()):
        grantor = Grantor(
            person=PER,
            capacity=GrantorCapacity.CUSTODIAN,
            child_view=ChildView(opinion=ChildOpinion.AGREES, recorded_at=given),
        )
    return consent(
        "zz-deny",
        subject=person,
        grantor=grantor,
        obtained_by=holder,
        given_at=given,
        evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17", documented_at=given),
        provision=Provision(decision=ProvisionType.DENY),
    )


def codes(decision: Any) -> set[str]:
    """The codes of a decision's reasons."""
    return {reason.code for reason in decision.reasons}


# --- the domain example ----------------------------------------------------------------------


def test_a_menprovning_that_no_harm_results_lets_the_visit_times_go() -> None:
    """The committee documented that it is clear no harm results from telling the daughter
    the visit times: permitted, on the menprövning, citing OSL 26 kap. 1 §."""
    decision = evaluate(daughter_asks(), [assessment()])
    assert decision.outcome is Outcome.PERMIT
    assert [b.code for b in decision.basis] == [HARM]
    assert decision.assessment_ids == ("mp-1",)
    assert [str(r) for r in decision.basis[0].references] == ["OSL (2009:400) 26 kap. 1 §"]
    assert "Menprövning mp-1" in decision.explain("sv")
    assert "it is clear that the information can be given" in decision.explain("en")


def test_the_mother_saying_no_goes_before_the_menprovning() -> None:
    """Anna has said she does not want her daughter told: denied, and the reasons say
    that her no beats the menprövning."""
    said_no = consent(
        "c-no",
        provision=Provision(decision=ProvisionType.DENY, recipients=frozenset({to_eva()})),
    )
    decision = evaluate(daughter_asks(), [assessment(), said_no])
    assert decision.outcome is Outcome.DENY
    assert [b.code for b in decision.basis] == ["CONSENT-DENY"]
    assert codes(decision) == {"CONSENT-DENY", "CONSENT-HARM-ASSESSMENT-OVERRIDDEN"}
    assert "samtycke c-no" in decision.explain("sv")
    assert "if the person says no, nothing is disclosed" in decision.explain("en")


def test_a_block_goes_before_the_menprovning() -> None:
    """A block (spärr) on what the committee keeps beats the assessment, and says so."""
    block = Block(id="b-1", subject=ANNA, holder=TOWN, placed_at=local(2026, 4, 1))
    decision = evaluate(daughter_asks(), [assessment(), block])
    assert decision.outcome is Outcome.DENY
    assert codes(decision) == {"CONSENT-BLOCKED", "CONSENT-HARM-ASSESSMENT-OVERRIDDEN"}
    assert "the block goes before it" in decision.explain("en")


def test_signs_the_person_would_object_go_before_the_menprovning() -> None:
    """With signs that Anna would object, nothing is clear: no basis, and the reasons say why."""
    decision = evaluate(
        daughter_asks(circumstances=frozenset({Circumstance.SIGNS_OF_OBJECTION})),
        [assessment()],
    )
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert codes(decision) == {"CONSENT-NO-BASIS", "CONSENT-HARM-ASSESSMENT-OVERRIDDEN"}


def test_harm_possible_never_permits_and_says_so() -> None:
    """An assessment that cannot rule out harm leaves secrecy in place, explained."""
    decision = evaluate(daughter_asks(), [assessment(conclusion=HarmConclusion.HARM_POSSIBLE)])
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert codes(decision) == {"CONSENT-NO-BASIS", "CONSENT-HARM-POSSIBLE"}
    assert "omvänt skaderekvisit" in decision.explain("sv")


def test_a_consent_still_permits_whatever_the_assessment_concluded() -> None:
    """The menprövning is a basis of its own: Anna's consent lets the information go
    even where an assessment found harm possible."""
    decision = evaluate(
        daughter_asks(), [assessment(conclusion=HarmConclusion.HARM_POSSIBLE), consent()]
    )
    assert decision.outcome is Outcome.PERMIT
    assert [b.code for b in decision.basis] == ["CONSENT-PERMIT"]


@pytest.mark.parametrize(
    ("changes", "asked", "why"),
    [
        ({"holder": TOWN_HEALTH}, {}, "made by Kommunal hälso- och sjukvård"),
        ({}, {"at": local(2026, 5, 5, 8)}, "not at that instant"),
    ],
)
def test_an_assessment_that_cannot_be_relied_on_is_explained(
    changes: dict[str, Any], asked: dict[str, Any], why: str
) -> None:
    """Another organisation's assessment and one from yesterday give no basis, and
    each says why."""
    decision = evaluate(daughter_asks(**asked), [assessment(**changes)])
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert codes(decision) == {"CONSENT-NO-BASIS", "CONSENT-HARM-ASSESSMENT-NOT-COUNTED"}
    assert why in decision.explain("en")


def test_an_assessment_made_after_the_question_is_not_mentioned() -> None:
    """Asked before the assessment was made, the decision is as without it: "as of"
    that instant it did not exist (issue 10, item 7)."""
    early = daughter_asks(at=local(2026, 5, 4, 13))
    decision = evaluate(early, [assessment()])
    assert decision == evaluate(early, [])
    assert codes(decision) == {"CONSENT-NO-BASIS"}


def test_an_assessment_out_of_scope_is_not_mentioned() -> None:
    """An assessment about another category, recipient or purpose does not cover the
    request, like a consent scoped elsewhere."""
    for other in (
        assessment(categories=frozenset({InfoCategory.SOCIAL_ECONOMY})),
        assessment(purpose=Purpose.CARER_SUPPORT),
        assessment(recipient=attrs.evolve(to_eva(), person=ANNA)),
    ):
        decision = evaluate(daughter_asks(), [other])
        assert codes(decision) == {"CONSENT-NO-BASIS"}


def test_only_disclosure_is_covered() -> None:
    """A menprövning is about the holder giving information; access to its records is not."""
    decision = evaluate(daughter_asks(action=Action.ACCESS), [assessment()])
    assert decision.outcome is Outcome.NOT_APPLICABLE


def test_health_care_cites_chapter_25() -> None:
    """Municipal health care's assessment cites OSL 25 kap. 1 §."""
    decision = evaluate(
        daughter_asks(holder=TOWN_HEALTH, category=InfoCategory.HEALTH_MEDICATION),
        [assessment(holder=TOWN_HEALTH, categories=frozenset({InfoCategory.HEALTH_CARE}))],
    )
    assert decision.permitted
    assert [str(r) for r in decision.basis[0].references] == ["OSL (2009:400) 25 kap. 1 §"]
    assert [str(r) for r in decision.reasons[0].references] == ["OSL (2009:400) 25 kap. 1 §"]


def test_each_person_needs_a_basis() -> None:
    """Information about Anna and Eva needs a basis for each: an assessment about Anna
    alone does not let it go."""
    decision = evaluate(daughter_asks(also_about=(EVA,)), [assessment()])
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-EACH-PERSON" in codes(decision)


def test_the_policy_sets_how_long_an_assessment_holds() -> None:
    """By default the assessment holds the day it was made; a policy of three days lets
    it be relied on two days later, not three."""
    two_days_on = daughter_asks(at=local(2026, 5, 6, 23, 59))
    three_days_on = daughter_asks(at=local(2026, 5, 7, 0, 0))
    policy = DecisionPolicy(harm_assessment_days=3)
    assert not evaluate(two_days_on, [assessment()]).permitted
    assert evaluate(two_days_on, [assessment()], policy=policy).permitted
    assert not evaluate(three_days_on, [assessment()], policy=policy).permitted
    with pytest.raises(InvalidInput) as err:
        DecisionPolicy(harm_assessment_days=0)
    assert "harm_assessment_days" in err.value.explain("en")


def test_repr_and_journal_line_are_masked() -> None:
    """The assessment's repr hides the person, the assessor and the reasoning; the
    journal line names the assessment but no one."""
    text = repr(assessment())
    line = AuditRecord.of(daughter_asks(), evaluate(daughter_asks(), [assessment()]))
    journal = line.journal_text("sv") + line.journal_text("en")
    assert ANNA.id is not None
    for shown in (text, journal):
        assert ANNA.id.value not in shown
        assert "Anna Karlsson" not in shown
        assert "Eva Karlsson" not in shown
        assert "handlaggare-3" not in shown
    assert "Menprövning: mp-1." in journal
    assert "Harm assessment: mp-1." in journal


def test_an_assessment_needs_what_it_covers() -> None:
    """An assessment without categories, assessor or zone is refused, every problem named."""
    with pytest.raises(InvalidInput) as err:
        assessment(categories=frozenset(), assessed_by=" ", assessed_at=ASKED.naive())
    text = err.value.explain("en")
    for name in ("categories", "assessed_by", "assessed_at"):
        assert name in text


def test_json_round_trip_and_registry() -> None:
    """The assessment reads back from its JSON document; the registry takes it, keeps it
    in the history, refuses another with the same id, and decides as evaluate does."""
    made = assessment()
    assert from_json(HarmAssessment, to_json(made)) == made
    registry = ConsentRegistry([made, made])
    assert registry.history(ANNA) == (made,)
    assert registry.decide(daughter_asks()) == evaluate(daughter_asks(), [made])
    with pytest.raises(InvalidInput):
        registry.add(assessment(note="en annan"))
    with pytest.raises(InvalidInput):
        evaluate(daughter_asks(), [made, assessment(note="en annan")])


# --- properties --------------------------------------------------------------------------------

_Pair = tuple[DisclosureRequest, tuple[ConsentRecord, ...]]


def _assessments(request: DisclosureRequest, records: Any) -> list[HarmAssessment]:
    """The assessments about the request's own people."""
    about = {person_key(p) for p in request.subjects}
    return [r for r in records if isinstance(r, HarmAssessment) and person_key(r.subject) in about]


def _in_registry_order(records: Any) -> list[ConsentRecord]:
    """Consents and blocks before the revocations and lifts that name them."""
    return sorted(records, key=lambda r: isinstance(r, Revocation | BlockLift))


@given(deciding(HARM))
def test_harm_possible_never_permits(pair: _Pair) -> None:
    """The same assessments concluding HARM_POSSIBLE never let the information go."""
    request, records = pair
    flipped = [
        attrs.evolve(r, conclusion=HarmConclusion.HARM_POSSIBLE)
        if isinstance(r, HarmAssessment)
        else r
        for r in records
    ]
    decision = evaluate(request, flipped)
    assert HARM not in {b.code for b in decision.basis}
    assert "CONSENT-HARM-POSSIBLE" in codes(decision)


@given(deciding(HARM), st.data())
def test_the_subjects_deny_always_beats_the_assessment(pair: _Pair, data: st.DataObject) -> None:
    """A valid deny provision by one of the people the information is about, obtained by
    the holder, makes a menprövning permit a denial, whatever the policy."""
    request, records = pair
    person = data.draw(st.sampled_from(request.subjects))
    refusal = refusal_by(person, request.holder, request.at.subtract(days=1), at=request.at)
    policy = data.draw(decision_policies())
    decision = evaluate(request, [*records, refusal], policy=policy)
    assert decision.outcome is Outcome.DENY
    assert "CONSENT-HARM-ASSESSMENT-OVERRIDDEN" in codes(decision)


@given(deciding(HARM), st.data())
def test_another_organisations_assessment_never_permits(pair: _Pair, data: st.DataObject) -> None:
    """Assessments made by anyone but the holder are no basis."""
    request, records = pair
    elsewhere = organisations().filter(lambda o: o.id != request.holder.id)
    moved = [
        attrs.evolve(r, holder=data.draw(elsewhere)) if isinstance(r, HarmAssessment) else r
        for r in records
    ]
    decision = evaluate(request, moved)
    assert HARM not in {b.code for b in decision.basis}
    assert "CONSENT-HARM-ASSESSMENT-NOT-COUNTED" in codes(decision)


@given(deciding(HARM), st.integers(1, 400 * 24 * 60), st.booleans())
def test_outside_its_time_an_assessment_does_not_apply(
    pair: _Pair, minutes: int, before: bool
) -> None:
    """Asked before the assessment was made, or on a later day than it was made, the
    request has no menprövning basis."""
    request, records = pair
    made = _assessments(request, records)
    if before:
        at = min(a.assessed_at for a in made).subtract(minutes=minutes)
    else:
        day = max(a.assessed_at for a in made).date() + timedelta(days=1)
        at = local(day.year, day.month, day.day).add(minutes=minutes)
    decision = evaluate(attrs.evolve(request, at=at), records)
    assert HARM not in {b.code for b in decision.basis}


@st.composite
def assessed_worlds(draw: st.DrawFn) -> tuple[DisclosureRequest, list[ConsentRecord], Any]:
    """A menprövning case with other assessments about its people (any holder,
    conclusion, scope) made around the same time, and a policy."""
    request, records = draw(deciding(HARM, max_unrelated=1))
    near = st.integers(-3 * 24 * 60, 24 * 60).map(lambda m: request.at.add(minutes=m))
    more = draw(
        st.lists(
            harm_assessments(
                subjects=st.sampled_from(request.subjects),
                ids=st.from_regex(r"mx-[0-9a-f]{1,4}", fullmatch=True),
                at=near,
            ),
            max_size=3,
            unique_by=lambda a: a.id,
        )
    )
    return request, [*records, *more], draw(decision_policies())


@given(assessed_worlds(), st.lists(consent_instants(), max_size=3), st.randoms())
def test_registry_equals_evaluate_with_assessments_in_any_order(
    world: tuple[DisclosureRequest, list[ConsentRecord], DecisionPolicy],
    instants: list[Any],
    random: Any,
) -> None:
    """With assessments mixed in, the registry's answer is the fresh evaluation, at the
    request's instant, a day either side and elsewhere, in whatever order."""
    request, records, policy = world
    shuffled = list(records)
    random.shuffle(shuffled)
    registry = ConsentRegistry(_in_registry_order(records), policy=policy)
    for at in [request.at, request.at.add(days=1), request.at.subtract(days=1), *instants]:
        asked = attrs.evolve(request, at=at)
        assert registry.decide(asked) == evaluate(asked, shuffled, policy=policy)


@given(assessed_worlds(), st.data())
def test_a_deny_consent_never_turns_a_refusal_into_a_permit_with_assessments(
    world: tuple[DisclosureRequest, list[ConsentRecord], DecisionPolicy], data: st.DataObject
) -> None:
    """Adding a deny-only consent to records with assessments never lets information go
    that was refused without it."""
    request, records, policy = world
    objects = data.draw(st.booleans())
    extra = {Circumstance.SIGNS_OF_OBJECTION} if objects else set()
    refused = attrs.evolve(request, circumstances=request.circumstances | extra)
    before = evaluate(refused, records, policy=policy)
    refusal = refusal_by(
        data.draw(st.sampled_from(request.subjects)),
        request.holder,
        request.at.subtract(days=data.draw(st.integers(0, 30))),
    )
    after = evaluate(refused, [*records, refusal], policy=policy)
    if not before.permitted:
        assert not after.permitted


def test_an_assessment_is_not_mapped_to_fhir() -> None:
    """to_fhir takes only a consent: an assessment is refused, naming what it got."""
    from anhorig.consent.fhir import to_fhir

    with pytest.raises(InvalidInput) as err:
        to_fhir(assessment())  # type: ignore[arg-type]
    assert "HarmAssessment" in err.value.explain("en")


def test_the_command_line_reads_an_assessment(tmp_path: Any) -> None:
    """``anhorig consent check`` takes a HarmAssessment document and permits on it."""
    import io

    from anhorig.cli import main

    request_file = tmp_path / "request.json"
    request_file.write_text(to_json(daughter_asks()), encoding="utf-8")
    records_file = tmp_path / "records.json"
    records_file.write_text("[" + to_json(assessment()) + "]", encoding="utf-8")
    out = io.StringIO()
    code = main(
        ["consent", "check", "--lang", "en", "--request", str(request_file), str(records_file)],
        out=out,
    )
    assert code == 0
    assert "basis: CONSENT-HARM-ASSESSMENT assessment mp-1" in out.getvalue()
