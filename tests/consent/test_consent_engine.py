"""Decisions, one legal basis or invalid-consent reason at a time."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from anhorig.consent import (
    Action,
    Block,
    BlockLift,
    ChildOpinion,
    ChildView,
    Circumstance,
    Combining,
    DecisionPolicy,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    InfoCategory,
    ObligationKind,
    Outcome,
    Principal,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    Revocation,
    evaluate,
)
from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.time import Period, local
from tests.consent.consent_scenario import (
    ANNA,
    EVA,
    GIVEN,
    LISA,
    NILS,
    PER,
    REGION,
    TOWN,
    TOWN_HEALTH,
    consent,
    request,
    to_eva,
)


def codes(decision: object) -> list[str]:
    return [b.code for b in decision.basis]  # type: ignore[attr-defined]


def reason_codes(decision: object) -> set[str]:
    return {r.code for r in decision.reasons}  # type: ignore[attr-defined]


def test_deny_by_default() -> None:
    """With no consent and no legal basis the answer is NOT_APPLICABLE, citing secrecy."""
    decision = evaluate(request(), ())
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert not decision.permitted
    assert codes(decision) == ["CONSENT-NO-BASIS"]
    assert "26 kap. 1 §" in str(decision.basis[0].references[0])
    assert decision.obligations == ()


def test_consent_permits_with_obligation_to_document() -> None:
    """A valid consent permits; the disclosure must be documented."""
    decision = evaluate(request(), (consent(),))
    assert decision.outcome is Outcome.PERMIT
    assert decision.consent_ids == ("c-1",)
    assert [o.kind for o in decision.obligations] == [ObligationKind.DOCUMENT_DISCLOSURE]
    assert "Samtycke c-1" in decision.explain("sv")
    assert "Consent c-1" in decision.explain("en")


def test_listening_is_always_allowed() -> None:
    """Information from a relative to staff needs no consent, whatever the consents say."""
    refuse = Provision(decision=ProvisionType.DENY)
    decision = evaluate(
        request(action=Action.COLLECT, recipient=to_eva()), (consent(provision=refuse),)
    )
    assert decision.outcome is Outcome.PERMIT
    assert codes(decision) == ["CONSENT-LISTENING"]
    assert [o.kind for o in decision.obligations] == [ObligationKind.DOCUMENT_WHAT_WAS_SAID]
    assert decision.basis[0].references == ()
    assert "seed-001" in {s.key for s in decision.reasons[0].sources}


def test_report_of_concern_overrides_secrecy_and_consent() -> None:
    """A report of concern about a child to the social welfare committee is permitted,
    even against an explicit refusal, and must be made at once; it cites SoL 14:1 before
    2025-07-01 and SoL 2025:400 19:1 from it."""
    refuse = consent(
        subject=LISA,
        grantor=Grantor(
            person=PER,
            capacity=GrantorCapacity.CUSTODIAN,
            child_view=ChildView(opinion=ChildOpinion.AGREES, recorded_at=GIVEN),
        ),
        provision=Provision(decision=ProvisionType.DENY),
        obtained_by=REGION,
    )
    ask = request(
        subject=LISA,
        holder=REGION,
        category=InfoCategory.HEALTH_CARE,
        recipient=Recipient.of_organisation(TOWN),
        purpose=Purpose.CHILD_PROTECTION,
        circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
    )
    decision = evaluate(ask, (refuse,))
    assert decision.outcome is Outcome.PERMIT
    assert codes(decision) == ["CONSENT-REPORT-OF-CONCERN"]
    assert ObligationKind.REPORT_AT_ONCE in {o.kind for o in decision.obligations}
    cited = [str(r) for r in decision.basis[0].references]
    assert "SoL (2025:400) 19 kap. 1 §" in cited
    before = evaluate(
        request(
            subject=LISA,
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            recipient=Recipient.of_organisation(TOWN),
            purpose=Purpose.CHILD_PROTECTION,
            circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
            at=local(2025, 6, 30, 12),
        ),
        (),
    )
    assert "SoL (2001:453) 14 kap. 1 §" in [str(r) for r in before.basis[0].references]


def test_report_of_concern_needs_a_child() -> None:
    """Asserting a report of concern about an adult gives no basis, and says why."""
    decision = evaluate(
        request(
            recipient=Recipient.of_organisation(TOWN),
            holder=REGION,
            purpose=Purpose.CHILD_PROTECTION,
            circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
        ),
        (),
    )
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-BASIS-NOT-MET" in reason_codes(decision)
    assert "none of the people is a child" in decision.explain("en")


def test_relative_who_does_not_want_information_is_not_given_it() -> None:
    """Even with consent, a relative who declines is not told."""
    decision = evaluate(
        request(
            recipient=to_eva(),
            purpose=Purpose.INFORMING_RELATIVE,
            circumstances=frozenset({Circumstance.RECIPIENT_DECLINES}),
        ),
        (consent(),),
    )
    assert decision.outcome is Outcome.DENY
    assert codes(decision) == ["CONSENT-RECIPIENT-DECLINES"]


def test_neighbour_and_god_man_cannot_consent() -> None:
    """A consent given by a neighbour or a god man for an adult is not valid, and the
    decision says why."""
    for capacity in (GrantorCapacity.NEIGHBOUR, GrantorCapacity.GOD_MAN, GrantorCapacity.RELATIVE):
        bad = consent(grantor=Grantor(person=NILS, capacity=capacity))
        decision = evaluate(request(), (bad,))
        assert decision.outcome is Outcome.NOT_APPLICABLE
        assert "CONSENT-NO-AUTHORITY" in reason_codes(decision)
        assert capacity.label("en") in decision.explain("en")


def test_self_consent_by_someone_else_has_no_authority() -> None:
    """A 'self' consent whose grantor is not the subject is not valid."""
    bad = consent(grantor=Grantor(person=EVA, capacity=GrantorCapacity.SELF))
    decision = evaluate(request(), (bad,))
    assert "CONSENT-NO-AUTHORITY" in reason_codes(decision)
    assert not decision.permitted


@pytest.mark.parametrize(
    "evidence",
    [
        None,
        Evidence(form=EvidenceForm.ORAL),
        Evidence(form=EvidenceForm.ORAL, documented_by="hsa-1"),
    ],
)
def test_undocumented_consent_is_not_valid(evidence: Evidence | None) -> None:
    """Oral consent without who and when documented does not count."""
    decision = evaluate(request(), (consent(evidence=evidence),))
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-UNDOCUMENTED" in reason_codes(decision)


def test_consent_counts_only_once_documented() -> None:
    """A consent documented a day after it was given counts from the documentation."""
    late = Evidence(
        form=EvidenceForm.ORAL, documented_by="hsa-1", documented_at=local(2026, 3, 3, 10)
    )
    given = consent(evidence=late)
    assert not evaluate(request(at=local(2026, 3, 2, 15)), (given,)).permitted
    assert evaluate(request(at=local(2026, 3, 3, 10)), (given,)).permitted


def _custodian(view: ChildView | None) -> Grantor:
    return Grantor(person=PER, capacity=GrantorCapacity.CUSTODIAN, child_view=view)


def test_custodian_consent_for_a_child_needs_the_childs_view() -> None:
    """A custodian may consent for a child, with the child's view recorded; without it
    the consent is not valid."""
    ask = request(subject=LISA)
    missing = consent(subject=LISA, grantor=_custodian(None))
    assert "CONSENT-CHILD-VIEW-MISSING" in reason_codes(evaluate(ask, (missing,)))
    agreed = consent(
        subject=LISA, grantor=_custodian(ChildView(opinion=ChildOpinion.AGREES, recorded_at=GIVEN))
    )
    decision = evaluate(ask, (agreed,))
    assert decision.permitted
    assert "OSL (2009:400) 12 kap. 3 §" in [str(r) for r in decision.basis[0].references]


def test_custodian_consent_ends_when_the_child_turns_18() -> None:
    """From the child's 18th birthday (local midnight) the custodian's consent no longer counts."""
    agreed = consent(
        subject=LISA, grantor=_custodian(ChildView(opinion=ChildOpinion.NEUTRAL, recorded_at=GIVEN))
    )
    assert evaluate(request(subject=LISA, at=local(2033, 3, 9, 23, 59)), (agreed,)).permitted
    decision = evaluate(request(subject=LISA, at=local(2033, 3, 10)), (agreed,))
    assert not decision.permitted
    assert "turned 18" in decision.explain("en")


def test_a_mature_child_who_objects_decides() -> None:
    """When the child objects, the custodian's consent stops counting from the age the
    policy sets (15 by default; configurable, or never)."""
    objects = consent(
        subject=LISA, grantor=_custodian(ChildView(opinion=ChildOpinion.OBJECTS, recorded_at=GIVEN))
    )
    assert evaluate(request(subject=LISA, at=local(2030, 3, 9, 12)), (objects,)).permitted
    at_15 = evaluate(request(subject=LISA, at=local(2030, 3, 10, 12)), (objects,))
    assert "CONSENT-CHILD-OBJECTS" in reason_codes(at_15)
    never = DecisionPolicy(child_decides_from_age=None)
    assert evaluate(
        request(subject=LISA, at=local(2030, 3, 10, 12)), (objects,), policy=never
    ).permitted


def test_each_authority_relies_on_its_own_consent() -> None:
    """The region's consent does not let the municipality disclose."""
    regions = consent(obtained_by=REGION)
    decision = evaluate(request(), (regions,))
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-OTHER-AUTHORITY" in reason_codes(decision)


def test_access_relies_on_the_accessing_organisations_consent() -> None:
    """For access to shared records, the organisation that reads obtains the consent."""
    regions = consent(obtained_by=REGION)
    ask = request(action=Action.ACCESS, purpose=Purpose.CARE_AND_TREATMENT)
    assert evaluate(ask, (regions,)).permitted
    assert not evaluate(ask, (consent(),)).permitted


def test_information_about_several_people_needs_each_ones_consent() -> None:
    """Anna's consent does not cover what the record says about Eva."""
    ask = request(also_about=(EVA,))
    decision = evaluate(ask, (consent(),))
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-EACH-PERSON" in reason_codes(decision)
    both = evaluate(ask, (consent(), consent("c-2", subject=EVA)))
    assert both.permitted
    assert both.consent_ids == ("c-1", "c-2")


def test_exception_denies_within_a_permit() -> None:
    """A deny exception inside a permit wins for what it covers; a permit nested in it
    wins back."""
    tree = Provision(
        decision=ProvisionType.PERMIT,
        exceptions=(
            Provision(
                decision=ProvisionType.DENY,
                categories=frozenset({InfoCategory.SOCIAL_SERVICES}),
                exceptions=(
                    Provision(decision=ProvisionType.PERMIT, purposes=frozenset({Purpose.SIP})),
                ),
            ),
        ),
    )
    given = (consent(provision=tree),)
    assert evaluate(request(), given).permitted
    denied = evaluate(request(purpose=Purpose.CARER_SUPPORT), given)
    assert denied.outcome is Outcome.DENY
    assert denied.basis[0].provision == "provision.exceptions[0]"
    assert evaluate(request(category=InfoCategory.HEALTH_CARE), given).permitted


def test_deny_overrides_by_default_and_can_be_configured() -> None:
    """A permit and a deny conflict: deny wins by default, permit with permit-overrides;
    the decision says there was a conflict."""
    given = (consent("c-1"), consent("c-2", provision=Provision(decision=ProvisionType.DENY)))
    default = evaluate(request(), given)
    assert default.outcome is Outcome.DENY
    assert "CONSENT-CONFLICT" in reason_codes(default)
    permissive = evaluate(
        request(), given, policy=DecisionPolicy(combining=Combining.PERMIT_OVERRIDES)
    )
    assert permissive.outcome is Outcome.PERMIT


def test_recipients_and_purposes_scope_a_consent() -> None:
    """A consent to tell Eva does not let the municipality tell the region, nor Nils."""
    to_eva_only = consent(
        provision=Provision(decision=ProvisionType.PERMIT, recipients=frozenset({to_eva()}))
    )
    assert evaluate(request(recipient=to_eva()), (to_eva_only,)).permitted
    assert not evaluate(request(), (to_eva_only,)).permitted
    assert not evaluate(request(recipient=Recipient.of_person(NILS)), (to_eva_only,)).permitted
    any_region = consent(
        provision=Provision(
            decision=ProvisionType.PERMIT,
            recipients=frozenset({Recipient.any_of_principal(Principal.REGION)}),
        )
    )
    assert evaluate(request(), (any_region,)).permitted


def test_data_period_scopes_what_information() -> None:
    """A permit for information from 2025 does not cover a request without a period or
    reaching into 2026; a deny over 2024 covers a request that may include it."""
    permit_2025 = consent(
        provision=Provision(decision=ProvisionType.PERMIT, data_period=Period.year(2025))
    )
    assert evaluate(request(data_period=Period.month(2025, 6)), (permit_2025,)).permitted
    assert not evaluate(request(), (permit_2025,)).permitted
    assert not evaluate(
        request(data_period=Period(date(2025, 12, 1), date(2026, 2, 1))), (permit_2025,)
    ).permitted
    deny_2024 = consent(
        provision=Provision(
            decision=ProvisionType.PERMIT,
            exceptions=(Provision(decision=ProvisionType.DENY, data_period=Period.year(2024)),),
        )
    )
    assert evaluate(request(), (deny_2024,)).outcome is Outcome.DENY
    assert evaluate(request(data_period=Period.year(2025)), (deny_2024,)).permitted


def test_revocation_applies_from_its_instant() -> None:
    """Before the revocation the consent holds; from its instant it does not."""
    revoked = Revocation(consent_id="c-1", subject=ANNA, revoked_at=local(2026, 4, 1, 14))
    records = (consent(), revoked)
    assert evaluate(request(at=local(2026, 4, 1, 13, 59)), records).permitted
    decision = evaluate(request(at=local(2026, 4, 1, 14)), records)
    assert decision.outcome is Outcome.NOT_APPLICABLE
    assert "CONSENT-REVOKED" in reason_codes(decision)


def test_validity_period_is_half_open() -> None:
    """A consent valid until an instant does not hold at that instant."""
    until = local(2026, 6, 1)
    given = (consent(valid_until=until),)
    assert evaluate(request(at=until.subtract(seconds=1)), given).permitted
    late = evaluate(request(at=until), given)
    assert not late.permitted
    assert "CONSENT-NOT-IN-FORCE" in reason_codes(late)
    assert not evaluate(request(at=GIVEN.subtract(seconds=1)), given).permitted


def test_care_exchange_without_consent_for_a_child() -> None:
    """OSL 25:12: health care may tell social services about a child when needed for
    necessary care, without consent, even against a refusal."""
    ask = request(
        subject=LISA,
        holder=REGION,
        category=InfoCategory.HEALTH_DIAGNOSIS,
        recipient=Recipient.of_organisation(TOWN),
        purpose=Purpose.CARE_AND_TREATMENT,
        circumstances=frozenset({Circumstance.NECESSARY_CARE}),
    )
    decision = evaluate(ask, ())
    assert decision.permitted
    assert codes(decision) == ["CONSENT-CARE-EXCHANGE"]
    assert [str(r) for r in decision.basis[0].references] == ["OSL (2009:400) 25 kap. 12 §"]


def test_care_exchange_for_misuse_and_not_for_an_ordinary_adult() -> None:
    """OSL 26:9 covers continuous substance misuse; an ordinary ill adult is not covered."""
    base: dict[str, Any] = {
        "holder": TOWN,
        "category": InfoCategory.SOCIAL_HOME_CARE,
        "recipient": Recipient.of_organisation(REGION),
        "purpose": Purpose.CARE_AND_TREATMENT,
    }
    ordinary = evaluate(request(**base, circumstances=frozenset({Circumstance.NECESSARY_CARE})), ())
    assert not ordinary.permitted
    misuse = evaluate(
        request(
            **base,
            circumstances=frozenset(
                {Circumstance.NECESSARY_CARE, Circumstance.CONTINUOUS_SUBSTANCE_MISUSE}
            ),
        ),
        (),
    )
    assert misuse.permitted
    assert [str(r) for r in misuse.basis[0].references] == ["OSL (2009:400) 26 kap. 9 §"]


def test_patient_who_cannot_take_in_information() -> None:
    """Patientlagen 3:4: health care tells a relative when the patient cannot take the
    information in, unless there are signs the patient would object."""
    base: dict[str, Any] = {
        "holder": REGION,
        "category": InfoCategory.HEALTH_CARE,
        "recipient": to_eva(),
        "purpose": Purpose.INFORMING_RELATIVE,
    }
    yes = evaluate(
        request(**base, circumstances=frozenset({Circumstance.PATIENT_CANNOT_TAKE_IN})), ()
    )
    assert yes.permitted
    assert codes(yes) == ["CONSENT-PATIENT-CANNOT-TAKE-IN"]
    objecting = evaluate(
        request(
            **base,
            circumstances=frozenset(
                {Circumstance.PATIENT_CANNOT_TAKE_IN, Circumstance.SIGNS_OF_OBJECTION}
            ),
        ),
        (),
    )
    assert not objecting.permitted
    assert "CONSENT-BASIS-NOT-MET" in reason_codes(objecting)
    refused = consent(obtained_by=REGION, provision=Provision(decision=ProvisionType.DENY))
    assert (
        evaluate(
            request(**base, circumstances=frozenset({Circumstance.PATIENT_CANNOT_TAKE_IN})),
            (refused,),
        ).outcome
        is Outcome.DENY
    )


def test_block_holds_until_lifted_and_an_emergency_breaks_it() -> None:
    """A block denies access even with consent; an emergency breaks it and must be
    recorded; a lift with documented consent ends it, a lift without does not."""
    block = Block(id="b-1", subject=ANNA, holder=TOWN_HEALTH, placed_at=local(2026, 3, 10))
    access = request(
        action=Action.ACCESS,
        holder=TOWN_HEALTH,
        category=InfoCategory.HEALTH_MEDICATION,
        purpose=Purpose.CARE_AND_TREATMENT,
    )
    allowed = consent(obtained_by=REGION)
    blocked = evaluate(access, (allowed, block))
    assert blocked.outcome is Outcome.DENY
    assert codes(blocked) == ["CONSENT-BLOCKED"]
    emergency = evaluate(
        request(
            action=Action.ACCESS,
            holder=TOWN_HEALTH,
            category=InfoCategory.HEALTH_MEDICATION,
            purpose=Purpose.CARE_AND_TREATMENT,
            circumstances=frozenset({Circumstance.EMERGENCY}),
        ),
        (block,),
    )
    assert emergency.permitted
    assert ObligationKind.RECORD_EMERGENCY in {o.kind for o in emergency.obligations}
    lift = BlockLift(
        block_id="b-1",
        subject=ANNA,
        lifted_at=local(2026, 4, 1),
        evidence=Evidence(
            form=EvidenceForm.WRITTEN, documented_by="hsa-2", documented_at=local(2026, 4, 1)
        ),
    )
    assert evaluate(access, (allowed, block, lift)).permitted
    assert not evaluate(
        request(
            action=Action.ACCESS,
            holder=TOWN_HEALTH,
            category=InfoCategory.HEALTH_MEDICATION,
            purpose=Purpose.CARE_AND_TREATMENT,
            at=local(2026, 3, 31),
        ),
        (allowed, block, lift),
    ).permitted
    undocumented = BlockLift(
        block_id="b-1",
        subject=ANNA,
        lifted_at=local(2026, 4, 1),
        evidence=Evidence(form=EvidenceForm.ORAL),
    )
    assert not evaluate(access, (allowed, block, undocumented)).permitted


def test_evaluate_refuses_bad_input() -> None:
    """Junk records and two different consents with one id are refused, naming them."""
    with pytest.raises(InvalidInput) as err:
        evaluate(request(), (consent(), "junk", consent(given_at=local(2026, 1, 1))))  # type: ignore[arg-type]
    assert err.value.paths == ("consents[1]", "consents[2].id")
    with pytest.raises(InvalidInput):
        evaluate("request", ())  # type: ignore[arg-type]
    stray = Revocation(consent_id="c-1", subject=EVA, revoked_at=local(2026, 4, 1))
    with pytest.raises(InvalidInput) as err:
        evaluate(request(), (consent(), stray))
    assert err.value.paths == ("consents[1].subject",)


def test_reasons_are_masked() -> None:
    """No full personnummer or full name appears in a decision's text."""
    decision = evaluate(
        request(also_about=(EVA,)),
        (consent(grantor=Grantor(person=NILS, capacity=GrantorCapacity.NEIGHBOUR)),),
    )
    text = decision.explain("sv") + decision.explain("en") + repr(decision)
    assert ANNA.id is not None
    assert ANNA.id.value not in text
    for person in (ANNA, EVA, NILS):
        assert person.name not in text


def test_person_without_birth_date_is_never_treated_as_a_child() -> None:
    """Child-only bases need a known birth date."""
    unknown = Person(name="Okänd Person")
    decision = evaluate(
        request(
            subject=unknown,
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            recipient=Recipient.of_organisation(TOWN),
            purpose=Purpose.CARE_AND_TREATMENT,
            circumstances=frozenset({Circumstance.NECESSARY_CARE}),
        ),
        (),
    )
    assert not decision.permitted


def test_circumstances_from_a_relationship() -> None:
    """A carer whose latest involvement says they want no information declines it."""
    from anhorig.consent import circumstances_from
    from anhorig.relations import Involvement, RelationKind, Relationship

    asked = Involvement(
        recorded_on=date(2026, 1, 10),
        reconfirm_by=date(2026, 7, 10),
        willing=True,
        wants_information=False,
        wants_to_take_part=False,
    )
    relationship = Relationship(
        carer=EVA, cared_for=ANNA, kind=RelationKind.CHILD, involvements=(asked,)
    )
    assert circumstances_from(relationship, on=date(2026, 1, 9)) == frozenset()
    declines = circumstances_from(relationship, on=date(2026, 2, 1))
    assert declines == frozenset({Circumstance.RECIPIENT_DECLINES})
    decision = evaluate(request(recipient=to_eva(), circumstances=declines), (consent(),))
    assert decision.outcome is Outcome.DENY
