"""What each plan finding says and where it points, on the example documents and on
variants of the valid ones that break one part each.

The property tests show that a broken rule is found; these pin what the finding tells
the case officer (the person, measure, date and limit it names) in both languages,
which mutation testing showed nothing else checked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest

from anhorig.errors import InvalidInput, RuleViolation
from anhorig.findings import Report
from anhorig.people import Person
from anhorig.plans import (
    ConsentPurpose,
    CoordinatedPlan,
    ExpectedOf,
    FollowUp,
    Goal,
    GrantorKind,
    Meeting,
    Need,
    PlanPolicy,
    Sector,
    SupportPlan,
    check,
    is_valid,
    validate,
)
from anhorig.serialization import from_json

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "plans"
ON = date(2026, 11, 22)
SAW = "(SoL (2025:400) 13 kap. 9 §)"


def _read(name: str) -> Any:
    return from_json(None, (EXAMPLES / name).read_text(encoding="utf-8"))


def _said(report: Report) -> list[tuple[str, str, str, str]]:
    return [(f.code, f.path, f.message.sv, f.message.en) for f in report.findings]


# --- the invalid examples, line by line --------------------------------------------------

INVALID_EXAMPLES = {
    "support-plan-invalid.json": (
        "FEL PLAN-NO-CARED-FOR-CONSENT consents: Planen innehåller uppgifter om N. B. (behov, insatser till hen) men saknar hens gällande samtycke den 22 november 2026. (OSL (2009:400) 12 kap. 2 §)\n"
        "FEL PLAN-GOAL-UNKNOWN-NEED goals[7].need_id: Målet 'G8' hänvisar till behovet 'N9', som inte finns i planen.\n"
        "FEL PLAN-FOLLOW-UP-TOO-LATE follow_ups[0].due: Uppföljningen 10 januari 2028 ligger efter kommunens gräns 2 november 2027 (12 månader efter 2 november 2026); enligt kommunens rutin bör den ligga tidigare.\n"
        "FEL PLAN-EXPECTS-UNWILLING-CARER expectations[0]: Planen förväntar sig något av K. B., som sa nej den 26 oktober 2026; anhörigrollen är frivillig och inget får förväntas av den som inte sagt att hen vill och orkar. (SoL (2025:400) 13 kap. 9 §)\n"
        "FEL PLAN-RELATIVE-COORDINATOR coordinator: E. B. är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.\n"
        "FEL PLAN-VOLUNTEER-RESPITE measures[9].provider: Insatsen 'M11' (avlösning i hemmet) utförs av frivilligorganisationen Röda Korset; frivilligas besök är inte kommunens avlösning.\n"
        "FEL PLAN-DECISION-REQUIRED measures[9].granted_by_decision: Kommunen ger avlösning i hemmet bara efter biståndsbeslut, men insatsen 'M11' är inte beviljad genom beslut. (SoL (2025:400) 11 kap. 1 §)",
        "ERROR PLAN-NO-CARED-FOR-CONSENT consents: The plan holds information about N. B. (needs, measures given to them) but has no consent of theirs in force on 22 November 2026. (OSL (2009:400) 12 kap. 2 §)\n"
        "ERROR PLAN-GOAL-UNKNOWN-NEED goals[7].need_id: Goal 'G8' refers to need 'N9', which is not in the plan.\n"
        "ERROR PLAN-FOLLOW-UP-TOO-LATE follow_ups[0].due: The follow-up on 10 January 2028 is after the municipality's limit 2 November 2027 (12 months after 2 November 2026); by the municipality's routine it should be earlier.\n"
        "ERROR PLAN-EXPECTS-UNWILLING-CARER expectations[0]: The plan expects something of K. B., who said no on 26 October 2026; being a carer is voluntary and nothing may be expected of someone who has not said they are willing. (SoL (2025:400) 13 kap. 9 §)\n"
        "ERROR PLAN-RELATIVE-COORDINATOR coordinator: E. B. is named coordinator but is not a professional; relatives must not be coordinators.\n"
        "ERROR PLAN-VOLUNTEER-RESPITE measures[9].provider: Measure 'M11' (in-home respite) is provided by the voluntary organisation Röda Korset; volunteers' visits are not the municipality's respite.\n"
        "ERROR PLAN-DECISION-REQUIRED measures[9].granted_by_decision: The municipality grants in-home respite only by decision, but measure 'M11' is not granted by decision. (SoL (2025:400) 11 kap. 1 §)",
    ),
    "sip-invalid.json": (
        "FEL SIP-NO-CONSENT consents: En SIP upprättas bara om A. K. samtycker (att uppgifter dokumenteras i planen, att uppgifter lämnas mellan planens deltagare); inget gällande samtycke den 22 november 2026. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§; OSL (2009:400) 12 kap. 2 §)\n"
        "FEL SIP-OTHERS-NOT-ADDRESSED others_considered: En SIP ska ange vilka åtgärder som vidtas av någon annan än kommunen eller regionen (eller att inga gör det). (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "FEL SIP-NO-LEAD lead_principal: En SIP ska ange vilken huvudman, kommunen eller regionen, som har det övergripande ansvaret. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "FEL SIP-RELATIVE-NOT-ASKED meetings[0].invited: L. K. är kallad till mötet 23 oktober 2026 utan att först ha sagt att hen vill delta. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§; PL (2014:821) 5 kap. 3 §)\n"
        "FEL SIP-RESPONSIBLE-NOT-INVITED meetings[0].invited: A. H. (Vårdcentralen Centrum) har ansvar för en insats men är inte kallad till mötet 23 oktober 2026. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "VARNING SIP-RESPONSIBLE-ABSENT meetings[0].attended: L. S. (Exempelby kommun, hemtjänsten) har ansvar för en insats men deltog inte i mötet 23 oktober 2026. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "FEL SIP-DISCHARGE-INVITATION-LATE discharge.invitation_sent_on: Kallelse till SIP ska skickas inom 3 dagar från underrättelsen om utskrivningsklar (19 oktober 2026), senast 22 oktober 2026; skickad 26 oktober 2026. (Lag (2017:612))",
        "ERROR SIP-NO-CONSENT consents: A SIP is made only if A. K. consents (that information is documented in the plan, that information is shared between the plan's participants); none is in force on 22 November 2026. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§; OSL (2009:400) 12 kap. 2 §)\n"
        "ERROR SIP-OTHERS-NOT-ADDRESSED others_considered: A SIP must state which measures anyone other than the municipality or the region will take (or that none will). (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "ERROR SIP-NO-LEAD lead_principal: A SIP must state which principal, the municipality or the region, has overall responsibility. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "ERROR SIP-RELATIVE-NOT-ASKED meetings[0].invited: L. K. is invited to the meeting on 23 October 2026 without first having said they want to take part. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§; PL (2014:821) 5 kap. 3 §)\n"
        "ERROR SIP-RESPONSIBLE-NOT-INVITED meetings[0].invited: A. H. (Vårdcentralen Centrum) is responsible for a measure but is not invited to the meeting on 23 October 2026. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "WARNING SIP-RESPONSIBLE-ABSENT meetings[0].attended: L. S. (Exempelby kommun, hemtjänsten) is responsible for a measure but did not attend the meeting on 23 October 2026. (HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)\n"
        "ERROR SIP-DISCHARGE-INVITATION-LATE discharge.invitation_sent_on: The SIP invitation must be sent within 3 days of the notice of readiness for discharge (19 October 2026), by 22 October 2026; sent on 26 October 2026. (Lag (2017:612))",
    ),
    "implementation-plan-invalid.json": (
        "VARNING IMPL-AREA-EMPTY activities: Området Samverkan och samordning har inga aktiviteter; planen bör täcka strategins tre områden.\n"
        "VARNING IMPL-OVERDUE activities[0].due: Aktiviteten 'Styrdokument' skulle vara klar 30 juni 2026; den 22 november 2026 är den inte markerad som klar.\n"
        "FEL IMPL-NO-OWNER activities[1].responsible: Aktiviteten 'Introduktionsutbildning för alla nyanställda.' har ingen ansvarig.\n"
        "VARNING IMPL-NO-HOW activities[1].how: Aktiviteten 'Introduktionsutbildning för alla nyanställda.' säger inte hur den ska genomföras.\n"
        "VARNING IMPL-DUE-OUTSIDE-PLAN activities[2].due: Aktiviteten 'Utbilda anhörigombud.' ska vara klar 1 mars 2027, efter att planen upphör 31 december 2026.",
        "WARNING IMPL-AREA-EMPTY activities: The area Collaboration and coordination has no activities; the plan should cover the strategy's three areas.\n"
        "WARNING IMPL-OVERDUE activities[0].due: Activity 'Styrdokument' was due on 30 June 2026; on 22 November 2026 it is not marked done.\n"
        "ERROR IMPL-NO-OWNER activities[1].responsible: Activity 'Introduktionsutbildning för alla nyanställda.' has no owner.\n"
        "WARNING IMPL-NO-HOW activities[1].how: Activity 'Introduktionsutbildning för alla nyanställda.' does not say how it will be carried out.\n"
        "WARNING IMPL-DUE-OUTSIDE-PLAN activities[2].due: Activity 'Utbilda anhörigombud.' is due on 1 March 2027, after the plan ends on 31 December 2026.",
    ),
}


@pytest.mark.parametrize("name", sorted(INVALID_EXAMPLES))
def test_an_invalid_example_is_explained_line_by_line(name: str) -> None:
    report = check(_read(name), on=ON)
    sv, en = INVALID_EXAMPLES[name]
    assert report.explain("sv") == sv
    assert report.explain("en") == en


def test_an_activity_is_named_by_its_first_sixty_characters() -> None:
    plan = _read("implementation-plan-invalid.json")
    long = "Anhörigombud på varje enhet, utbildade och med tid avsatt för uppdraget varje månad"
    plan = attrs.evolve(plan, activities=(attrs.evolve(plan.activities[1], activity=long),))
    (owner, *_) = [f for f in check(plan, on=ON).findings if f.code == "IMPL-NO-OWNER"]
    assert owner.message.en == f"Activity '{long[:60]}' has no owner."


def test_an_activity_due_today_is_not_overdue() -> None:
    plan = _read("implementation-plan-invalid.json")
    today = attrs.evolve(plan.activities[0], due=ON)
    codes = check(attrs.evolve(plan, activities=(today, *plan.activities[1:])), on=ON).codes
    assert "IMPL-OVERDUE" not in codes


# --- variants of the valid stödplan --------------------------------------------------------

SUPPORT = _read("support-plan-valid.json")
SIP = _read("sip-valid.json")
EVA = Person(name="Eva Ek")


def _support(**changes: Any) -> Callable[[], SupportPlan]:
    return lambda: attrs.evolve(SUPPORT, **changes)


def _sip(**changes: Any) -> Callable[[], CoordinatedPlan]:
    return lambda: attrs.evolve(SIP, **changes)


def test_the_valid_examples_say_nothing() -> None:
    assert _said(check(SUPPORT, on=ON)) == []
    assert _said(check(SIP, on=ON)) == []


VARIANTS: dict[str, tuple[Callable[[], Any], list[tuple[str, str, str, str]]]] = {}


def _variant(name: str, build: Callable[[], Any], *said: tuple[str, str, str, str]) -> None:
    VARIANTS[name] = (build, list(said))


_variant(
    "an id used twice in each part, a measure of no goal",
    lambda: attrs.evolve(
        SUPPORT,
        needs=(*SUPPORT.needs, SUPPORT.needs[0]),
        goals=(*SUPPORT.goals, attrs.evolve(SUPPORT.goals[0], id="G2")),
        measures=(*SUPPORT.measures, attrs.evolve(SUPPORT.measures[0], goal_id="G99")),
    ),
    (
        "PLAN-DUPLICATE-ID",
        "needs",
        "Id 'N1' används mer än en gång i needs.",
        "Id 'N1' is used more than once in needs.",
    ),
    (
        "PLAN-DUPLICATE-ID",
        "goals",
        "Id 'G2' används mer än en gång i goals.",
        "Id 'G2' is used more than once in goals.",
    ),
    (
        "PLAN-DUPLICATE-ID",
        "measures",
        "Id 'M1' används mer än en gång i measures.",
        "Id 'M1' is used more than once in measures.",
    ),
    (
        "PLAN-MEASURE-UNKNOWN-GOAL",
        "measures[10].goal_id",
        "Insatsen 'M1' hänvisar till målet 'G99', som inte finns i planen.",
        "Measure 'M1' refers to goal 'G99', which is not in the plan.",
    ),
)
_variant(
    "an active plan with nothing in it",
    _support(
        needs=(),
        goals=(),
        measures=(),
        coordinator=None,
        signatures=(),
        expectations=(),
        follow_ups=(),
    ),
    (
        "PLAN-NO-NEEDS",
        "needs",
        "En stödplan med status pågående måste beskriva minst ett behov.",
        "A support plan with status active must describe at least one need.",
    ),
    (
        "PLAN-FOLLOW-UP-MISSING",
        "follow_ups",
        "Planen har ingen planerad uppföljning; enligt kommunens rutin bör den följas upp senast 2 november 2027.",
        "The plan has no follow-up planned; by the municipality's routine it should be followed up by 2 November 2027.",
    ),
    (
        "PLAN-SIGNATURE-MISSING",
        "signatures",
        "En plan med status pågående ska vara undertecknad av anhörig (en bekräftelse, inget avtal).",
        "A plan with status active must be signed by the carer (an acknowledgement, not a contract).",
    ),
    (
        "PLAN-SIGNATURE-MISSING",
        "signatures",
        "En plan med status pågående ska vara undertecknad av handläggare (en bekräftelse, inget avtal).",
        "A plan with status active must be signed by the case officer (an acknowledgement, not a contract).",
    ),
    (
        "PLAN-EXPECTATIONS-ONE-SIDED",
        "expectations",
        "Planen säger inte vad verksamheten och anhörig förväntas göra; förväntningar ska finnas åt båda håll.",
        "The plan does not say what the services and the carer will do; expectations go in both directions.",
    ),
    (
        "PLAN-NO-SUPPORT-CONTACT",
        "coordinator",
        "Planen saknar en namngiven stödkontakt (lots) som anhörig kan vända sig till; från 1 juli 2026 ska den som vårdar eller stöder en närstående erbjudas en stödkontakt (föreslaget i prop. 2025/26:60, antagandet inte verifierat).",
        "The plan names no support contact (lots) for the carer to turn to; from 1 July 2026 anyone who cares for or supports someone close is to be offered a support contact (proposed in prop. 2025/26:60, adoption not verified).",
    ),
)
_variant(
    "a need without a goal and a goal without a measure",
    lambda: attrs.evolve(
        SUPPORT,
        needs=(*SUPPORT.needs, Need(id="N9", area=SUPPORT.needs[0].area, description="Sömn")),
        goals=(*SUPPORT.goals, Goal(id="G9", need_id="N1", description="Sova hela natten")),
    ),
    ("PLAN-NEED-WITHOUT-GOAL", "needs[5]", "Behovet 'N9' har inget mål.", "Need 'N9' has no goal."),
    (
        "PLAN-GOAL-WITHOUT-MEASURE",
        "goals[8]",
        "Målet 'G9' har ingen insats.",
        "Goal 'G9' has no measure.",
    ),
)
_variant(
    "someone else signed as the carer",
    lambda: attrs.evolve(
        SUPPORT, signatures=(attrs.evolve(SUPPORT.signatures[0], signer=EVA), SUPPORT.signatures[1])
    ),
    (
        "PLAN-SIGNER-NOT-CARER",
        "signatures[0].signer",
        "E. E. har skrivit under som anhörig men planen tillhör K. B..",
        "E. E. signed as the carer but the plan is K. B.'s.",
    ),
    (
        "PLAN-SIGNATURE-MISSING",
        "signatures",
        "En plan med status pågående ska vara undertecknad av anhörig (en bekräftelse, inget avtal).",
        "A plan with status active must be signed by the carer (an acknowledgement, not a contract).",
    ),
)
_variant(
    "a follow-up due yesterday",
    _support(follow_ups=(FollowUp(due=date(2026, 11, 21)),)),
    (
        "PLAN-FOLLOW-UP-OVERDUE",
        "follow_ups[0].due",
        "Uppföljningen skulle ha gjorts senast 21 november 2026; den 22 november 2026 är den inte gjord.",
        "The follow-up was due by 21 November 2026; on 22 November 2026 it has not been done.",
    ),
)
_variant("a follow-up due today", _support(follow_ups=(FollowUp(due=ON),)))
_variant(
    "the earliest open follow-up is the one that counts",
    _support(
        follow_ups=(
            FollowUp(due=date(2027, 5, 3)),
            FollowUp(due=date(2026, 11, 21)),
            FollowUp(due=date(2026, 11, 21)),
        )
    ),
    (
        "PLAN-FOLLOW-UP-OVERDUE",
        "follow_ups[1].due",
        "Uppföljningen skulle ha gjorts senast 21 november 2026; den 22 november 2026 är den inte gjord.",
        "The follow-up was due by 21 November 2026; on 22 November 2026 it has not been done.",
    ),
)
_variant(
    "a decision missing and one unexpected",
    lambda: attrs.evolve(
        SUPPORT,
        measures=(
            attrs.evolve(SUPPORT.measures[0], decision_id=None),
            attrs.evolve(SUPPORT.measures[2], decision_id="B-9"),
            SUPPORT.measures[1],
            *SUPPORT.measures[3:],
        ),
    ),
    (
        "PLAN-DECISION-MISSING",
        "measures[0].decision_id",
        "Insatsen 'M1' är beviljad som bistånd men hänvisar inte till beslutet.",
        "Measure 'M1' is granted by decision but does not refer to the decision.",
    ),
    (
        "PLAN-DECISION-UNEXPECTED",
        "measures[1].decision_id",
        "Insatsen 'M3' ges utan individuell behovsprövning men hänvisar till beslutet 'B-9'.",
        "Measure 'M3' is offered without a needs assessment but refers to decision 'B-9'.",
    ),
)
_variant(
    "a guardian consented for the adult carer",
    lambda: attrs.evolve(
        SUPPORT,
        consents=(
            attrs.evolve(SUPPORT.consents[0], grantor=GrantorKind.GUARDIAN),
            *SUPPORT.consents[1:],
        ),
    ),
    (
        "PLAN-NO-CARER-CONSENT",
        "consents",
        "Stödplanen tillhör K. B. och får dokumenteras bara med hens samtycke; inget gällande samtycke den 22 november 2026.",
        "The support plan is K. B.'s own and may be documented only with their consent; none is in force on 22 November 2026.",
    ),
    (
        "PLAN-CONSENT-INVALID-GRANTOR",
        "consents[0].grantor",
        "Samtycket S1 för K. B. gäller inte: den som samtyckte gjorde det som god man. Bara personen själv, eller vårdnadshavare för ett barn, kan samtycka.",
        "Consent S1 for K. B. is not valid: the grantor consented as trustee (god man). Only the person themself, or a custodian for a child, can consent.",
    ),
)
_variant(
    "the carer named coordinator",
    lambda: attrs.evolve(
        SUPPORT, coordinator=attrs.evolve(SUPPORT.coordinator, person=SUPPORT.carer)
    ),
    (
        "PLAN-RELATIVE-COORDINATOR",
        "coordinator",
        "K. B. är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "K. B. is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
)
_variant(
    "the person cared for named coordinator",
    lambda: attrs.evolve(
        SUPPORT, coordinator=attrs.evolve(SUPPORT.coordinator, person=SUPPORT.cared_for)
    ),
    (
        "PLAN-RELATIVE-COORDINATOR",
        "coordinator",
        "N. B. är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "N. B. is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
)
_variant(
    "expectations of the services only",
    lambda: attrs.evolve(
        SUPPORT, expectations=tuple(e for e in SUPPORT.expectations if e.of is ExpectedOf.SERVICES)
    ),
    (
        "PLAN-EXPECTATIONS-ONE-SIDED",
        "expectations",
        "Planen säger inte vad anhörig förväntas göra; förväntningar ska finnas åt båda håll.",
        "The plan does not say what the carer will do; expectations go in both directions.",
    ),
)

# --- variants of the valid SIP ---------------------------------------------------------------

_LAW = "(HSL (2017:30) 16 kap. 4 §; SoL (2025:400) 10 kap. 8–9 §§)"

_variant(
    "a SIP with nothing decided",
    _sip(
        responsibilities=(),
        lead_principal=None,
        coordinator=None,
        others_considered=False,
        follow_ups=(),
        meetings=(),
    ),
    (
        "SIP-NO-MEASURES",
        "responsibilities",
        "En SIP ska ange vilka insatser som behövs.",
        "A SIP must state which measures are needed.",
    ),
    (
        "SIP-OTHERS-NOT-ADDRESSED",
        "others_considered",
        "En SIP ska ange vilka åtgärder som vidtas av någon annan än kommunen eller regionen (eller att inga gör det).",
        "A SIP must state which measures anyone other than the municipality or the region will take (or that none will).",
    ),
    (
        "SIP-NO-LEAD",
        "lead_principal",
        "En SIP ska ange vilken huvudman, kommunen eller regionen, som har det övergripande ansvaret.",
        "A SIP must state which principal, the municipality or the region, has overall responsibility.",
    ),
    (
        "SIP-NO-COORDINATOR",
        "coordinator",
        "Planen saknar en yrkesverksam samordnare; annars hamnar samordningen hos de anhöriga.",
        "The plan names no professional coordinator; otherwise the coordination falls on the relatives.",
    ),
    (
        "SIP-FOLLOW-UP-MISSING",
        "follow_ups",
        "Planen har ingen planerad uppföljning; enligt huvudmännens rutin bör den följas upp senast 23 april 2027.",
        "The plan has no follow-up planned; by the principals' routine it should be followed up by 23 April 2027.",
    ),
)
_variant(
    "ids used twice, an unknown holder, social services only",
    lambda: attrs.evolve(
        SIP,
        participants=(*SIP.participants, SIP.participants[0]),
        responsibilities=(
            attrs.evolve(SIP.responsibilities[0], holder_id="P9"),
            SIP.responsibilities[0],
        ),
    ),
    (
        "SIP-DUPLICATE-ID",
        "participants",
        "Id 'P1' används mer än en gång i participants.",
        "Id 'P1' is used more than once in participants.",
    ),
    (
        "SIP-DUPLICATE-ID",
        "responsibilities",
        "Id 'I1' används mer än en gång i responsibilities.",
        "Id 'I1' is used more than once in responsibilities.",
    ),
    (
        "SIP-UNKNOWN-HOLDER",
        "responsibilities[0].holder_id",
        "Insatsen 'I1' ska ges av 'P9', som inte är deltagare eller närstående i planen.",
        "Measure 'I1' is to be provided by 'P9', who is neither a participant nor a relative in the plan.",
    ),
    (
        "SIP-NOT-BOTH-FIELDS",
        "responsibilities",
        "En SIP gäller den som behöver insatser från både socialtjänst och hälso- och sjukvård; här saknas hälso- och sjukvård.",
        "A SIP is for someone who needs measures from both social services and health care; health care is missing.",
    ),
)
_variant(
    "a relative's id used by a participant too",
    lambda: attrs.evolve(
        SIP, participants=(*SIP.participants, attrs.evolve(SIP.participants[0], id="R1"))
    ),
    (
        "SIP-DUPLICATE-ID",
        "participants",
        "Id 'R1' används mer än en gång i participants.",
        "Id 'R1' is used more than once in participants.",
    ),
)
_variant(
    "a relative named coordinator",
    lambda: attrs.evolve(
        SIP, coordinator=attrs.evolve(SIP.coordinator, person=SIP.relatives[0].person)
    ),
    (
        "SIP-RELATIVE-COORDINATOR",
        "coordinator",
        "L. K. är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "L. K. is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
)
_variant(
    "the individual named coordinator",
    lambda: attrs.evolve(SIP, coordinator=attrs.evolve(SIP.coordinator, person=SIP.individual)),
    (
        "SIP-RELATIVE-COORDINATOR",
        "coordinator",
        "A. K. är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "A. K. is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
)
_variant(
    "an unknown party invited and a relative the individual objects to",
    lambda: attrs.evolve(
        SIP,
        relatives=(attrs.evolve(SIP.relatives[0], individual_objects=True),),
        meetings=(attrs.evolve(SIP.meetings[0], invited=SIP.meetings[0].invited | {"P7"}),),
    ),
    (
        "SIP-MEETING-UNKNOWN-PARTY",
        "meetings[0].invited",
        "Mötet 23 oktober 2026 kallar 'P7', som inte är deltagare eller närstående i planen.",
        "The meeting on 23 October 2026 invites 'P7', who is neither a participant nor a relative in the plan.",
    ),
    (
        "SIP-RELATIVE-OBJECTED",
        "meetings[0].invited",
        "L. K. är kallad till mötet 23 oktober 2026, men A. K. motsätter sig att hen deltar.",
        "L. K. is invited to the meeting on 23 October 2026, but A. K. objects to their taking part.",
    ),
)
_variant(
    "a follow-up past the SIP's limit",
    _sip(follow_ups=(FollowUp(due=date(2027, 6, 1)),)),
    (
        "SIP-FOLLOW-UP-TOO-LATE",
        "follow_ups[0].due",
        "Uppföljningen 1 juni 2027 ligger efter rutinens gräns 23 april 2027 (6 månader efter 23 oktober 2026); enligt huvudmännens rutin bör den ligga tidigare.",
        "The follow-up on 1 June 2027 is after the routine's limit 23 April 2027 (6 months after 23 October 2026); by the principals' routine it should be earlier.",
    ),
)
_variant(
    "a SIP follow-up overdue",
    _sip(follow_ups=(FollowUp(due=date(2026, 11, 1)),)),
    (
        "SIP-FOLLOW-UP-OVERDUE",
        "follow_ups[0].due",
        "Uppföljningen skulle ha gjorts senast 1 november 2026; den 22 november 2026 är den inte gjord.",
        "The follow-up was due by 1 November 2026; on 22 November 2026 it has not been done.",
    ),
)
_variant(
    "the latest meeting leaves out a responsible participant",
    lambda: attrs.evolve(
        SIP,
        meetings=(
            Meeting(held_on=date(2026, 12, 1), invited=frozenset({"P1", "P2"})),
            *SIP.meetings,
        ),
    ),
    (
        "SIP-RESPONSIBLE-NOT-INVITED",
        "meetings[0].invited",
        "L. S. (Exempelby kommun, hemtjänsten) har ansvar för en insats men är inte kallad till mötet 1 december 2026.",
        "L. S. (Exempelby kommun, hemtjänsten) is responsible for a measure but is not invited to the meeting on 1 December 2026.",
    ),
)
_variant(
    "two meetings the same day: the later one listed counts",
    lambda: attrs.evolve(
        SIP,
        meetings=(
            *SIP.meetings,
            attrs.evolve(SIP.meetings[0], attended=SIP.meetings[0].attended - {"P3"}),
        ),
    ),
    (
        "SIP-RESPONSIBLE-ABSENT",
        "meetings[1].attended",
        "L. S. (Exempelby kommun, hemtjänsten) har ansvar för en insats men deltog inte i mötet 23 oktober 2026.",
        "L. S. (Exempelby kommun, hemtjänsten) is responsible for a measure but did not attend the meeting on 23 October 2026.",
    ),
)
_variant(
    "a discharge invitation not sent in time",
    lambda: attrs.evolve(
        _read("sip-invalid.json").discharge and SIP,
        discharge=attrs.evolve(_read("sip-invalid.json").discharge, invitation_sent_on=None),
    ),
    (
        "SIP-DISCHARGE-INVITATION-LATE",
        "discharge.invitation_sent_on",
        "Kallelse till SIP ska skickas inom 3 dagar från underrättelsen om utskrivningsklar (19 oktober 2026), senast 22 oktober 2026; inte skickad.",
        "The SIP invitation must be sent within 3 days of the notice of readiness for discharge (19 October 2026), by 22 October 2026; not sent.",
    ),
)
_variant(
    "a discharge invitation sent on the last day",
    lambda: attrs.evolve(
        SIP,
        discharge=attrs.evolve(
            _read("sip-invalid.json").discharge, invitation_sent_on=date(2026, 10, 22)
        ),
    ),
)


_variant(
    "neither field among the measures",
    lambda: attrs.evolve(
        SIP,
        responsibilities=tuple(
            attrs.evolve(r, field=Sector.OTHER) for r in SIP.responsibilities if r.holder_id != "R1"
        ),
        others_considered=True,
    ),
    (
        "SIP-NOT-BOTH-FIELDS",
        "responsibilities",
        "En SIP gäller den som behöver insatser från både socialtjänst och hälso- och sjukvård;"
        " här saknas socialtjänst och hälso- och sjukvård.",
        "A SIP is for someone who needs measures from both social services and health care;"
        " social services and health care is missing.",
    ),
)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_a_variant_is_explained(name: str) -> None:
    build, said = VARIANTS[name]
    assert _said(check(build(), on=ON)) == said


# --- the interface -------------------------------------------------------------------------


def test_policy_and_date_must_be_what_they_say() -> None:
    with pytest.raises(InvalidInput) as caught:
        check(SUPPORT, on=ON, policy="strict")  # type: ignore[arg-type]
    assert caught.value.explain("sv") == "policy: väntade en PlanPolicy"
    assert caught.value.explain("en") == "policy: expected a PlanPolicy"
    with pytest.raises(InvalidInput) as day:
        check(SUPPORT, on="2026-11-22")  # type: ignore[arg-type]
    assert day.value.explain("sv") == "on: väntade ett datum"
    assert day.value.explain("en") == "on: expected a date"
    with pytest.raises(InvalidInput) as thing:
        check(EVA, on=ON)  # type: ignore[arg-type]
    assert (
        thing.value.explain("en")
        == "$: expected SupportPlan, CoordinatedPlan or ImplementationPlan, got Person"
    )


def test_validate_and_is_valid_use_the_policy_given() -> None:
    # The valid example's follow-up, six months after agreement, is too late under a
    # four-month policy.
    four = PlanPolicy(follow_up_interval_months=4)
    assert validate(SUPPORT, on=ON) is SUPPORT
    assert is_valid(SUPPORT, on=ON)
    with pytest.raises(RuleViolation):
        validate(SUPPORT, on=ON, policy=four)
    assert not is_valid(SUPPORT, on=ON, policy=four)


def test_an_illegal_step_names_what_is_allowed() -> None:
    with pytest.raises(RuleViolation) as caught:
        SUPPORT.agree(on=ON)
    assert caught.value.explain("sv") == (
        "status: [PLAN-ILLEGAL-TRANSITION] En plan med status pågående kan inte bli"
        " överenskommen; tillåtet: avslutad, under uppföljning."
    )
    assert caught.value.explain("en") == (
        "status: [PLAN-ILLEGAL-TRANSITION] A plan with status active cannot become agreed;"
        " allowed: closed, under review."
    )
    closed = SUPPORT.close(on=ON)
    with pytest.raises(RuleViolation) as after_close:
        closed.activate(on=ON)
    assert after_close.value.explain("sv").endswith("tillåtet: inget.")
    assert after_close.value.explain("en").endswith("allowed: nothing.")


def test_a_step_is_judged_under_the_policy_given() -> None:
    # The next follow-up, five months after this review, is too late under a
    # four-month policy and in time under the default twelve.
    review = SUPPORT.start_review(on=ON)
    four = PlanPolicy(follow_up_interval_months=4)
    with pytest.raises(RuleViolation) as caught:
        review.complete_review(on=ON, next_follow_up=date(2027, 4, 22), policy=four)
    assert "PLAN-FOLLOW-UP-TOO-LATE" in caught.value.explain("en")
    done = review.complete_review(on=ON, next_follow_up=date(2027, 4, 22))
    assert done.status is SUPPORT.status


class _Registry:
    """A consent register that knows one consent: ``who`` to ``purposes`` from ``since``."""

    def __init__(self, who: Person, purposes: set[ConsentPurpose], since: date) -> None:
        self.who, self.purposes, self.since = who, purposes, since

    def covers(self, subject: Person, purpose: ConsentPurpose, *, on: date) -> bool:
        return subject == self.who and purpose in self.purposes and on >= self.since


def test_a_consent_register_decides_on_the_day_asked() -> None:
    both = {ConsentPurpose.DOCUMENT_IN_PLAN, ConsentPurpose.SHARE_WITH_PARTICIPANTS}
    from_december = _Registry(SIP.individual, both, date(2026, 12, 1))
    assert check(SIP, on=ON, consent_oracle=from_december).codes == {"SIP-NO-CONSENT"}
    assert check(SIP, on=date(2026, 12, 1), consent_oracle=from_december).ok


def test_a_consent_register_is_asked_each_purpose() -> None:
    document_only = _Registry(SIP.individual, {ConsentPurpose.DOCUMENT_IN_PLAN}, date(2026, 1, 1))
    (finding,) = check(SIP, on=ON, consent_oracle=document_only).findings
    assert finding.message.en.startswith(
        "A SIP is made only if A. K. consents (that information is shared between the plan's"
        " participants); none is in force on 22 November 2026."
    )
