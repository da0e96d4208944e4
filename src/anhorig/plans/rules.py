"""The plan rules: one family for the stödplan, the SIP and the implementation plan.

``check(plan, *, on, policy=None, consent_oracle=None) -> Report`` collects every
finding for any of the three plan kinds and never raises on a domain problem;
``validate`` returns the plan or raises ``RuleViolation``; ``is_valid`` never
raises. Which rules apply depends on the plan's status: a draft may be incomplete,
an agreed, active or reviewed plan must be whole, a closed plan is only checked
for what is wrong in any status.

Codes: ``PLAN-*`` for the stödplan, ``SIP-*`` for the SIP, ``IMPL-*`` for the
implementation plan; each rule names the DOMAIN rule (14–23) it encodes.

>>> from datetime import date
>>> from anhorig.plans.implementation import ImplementationPlan
>>> plan = ImplementationPlan.template(municipality="Exempelby", valid_from=date(2027, 1, 1))
>>> sorted(check(plan, on=date(2027, 1, 1)).codes)
['IMPL-NO-OWNER']
>>> filled = ImplementationPlan.template(
...     municipality="Exempelby", valid_from=date(2027, 1, 1), responsible="anhörigkonsulent")
>>> is_valid(filled, on=date(2027, 1, 1))
True

References:
    - Socialtjänstlag (2025:400) 13 kap. 9 §; 10 kap. 8–9 §§; 11 kap. 1 §, 5 §
      (before 2025-07-01: SoL 2001:453 5 kap. 10 §; 2 kap. 7 §; 4 kap. 1 §, 2 a §).
    - Hälso- och sjukvårdslag (2017:30) 16 kap. 4 §.
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2–3 §§.
    - Patientlag (2014:821) 5 kap. 3 §.
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Seeds 001, 002, 003, 004; Socialstyrelsen, *Samtycke*; IBIC.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

import attrs

from anhorig.errors import InvalidInput, RuleViolation
from anhorig.findings import Finding, Report, Rule, Severity, validated
from anhorig.language import Text
from anhorig.law import (
    BISTAND,
    CARER_SUPPORT,
    CONSENT_WAIVER,
    CONSENT_WAIVER_CHILD,
    DISCHARGE_COOPERATION,
    PATIENT_RELATIVES_TAKE_PART,
    SIP_HEALTH_CARE,
    SIP_SOCIAL_SERVICES,
    WITHOUT_NEEDS_ASSESSMENT,
)
from anhorig.organisations import Principal, ProviderKind, Sector
from anhorig.people import Person
from anhorig.plans._common import (
    LIVE_STATUSES,
    ConsentOracle,
    ConsentPurpose,
    FollowUp,
    PlanConsent,
    PlanStatus,
    add_months,
    same_person,
)
from anhorig.plans.implementation import ImplementationPlan
from anhorig.plans.policy import RESPITE_KINDS, PlanPolicy
from anhorig.plans.sip import CoordinatedPlan, Participant, SipRelative
from anhorig.plans.support import ExpectedOf, SignerRole, SupportPlan

__all__ = ["RULES", "TRANSITIONS", "Plan", "check", "is_valid", "transition", "validate"]

Plan = SupportPlan | CoordinatedPlan | ImplementationPlan
"""Any of the three plan kinds."""

_FAMILY = "plans"


_rule = functools.partial(Rule.define, _FAMILY)


E, W = Severity.ERROR, Severity.WARNING

# --- stödplan (DOMAIN rules 14–20) -----------------------------------------------------

PLAN_NO_CARER_CONSENT = _rule(
    "PLAN-NO-CARER-CONSENT",
    E,
    ("Anhörigs samtycke saknas", "The carer's consent is missing"),
    (
        "Stödplanen tillhör {carer} och får dokumenteras bara med hens samtycke; inget gällande samtycke den {on}.",
        "The support plan is {carer}'s own and may be documented only with their consent; none is in force on {on}.",
    ),
    (CONSENT_WAIVER, CARER_SUPPORT),
    ("seed-004", "socialstyrelsen-samtycke"),
    domain=(14,),
)
PLAN_NO_CARED_FOR_CONSENT = _rule(
    "PLAN-NO-CARED-FOR-CONSENT",
    E,
    ("Närståendes samtycke saknas", "The cared-for person's consent is missing"),
    (
        "Planen innehåller uppgifter om {cared_for} ({what}) men saknar hens gällande samtycke den {on}.",
        "The plan holds information about {cared_for} ({what}) but has no consent of theirs in force on {on}.",
    ),
    (CONSENT_WAIVER,),
    ("seed-004", "socialstyrelsen-samtycke"),
    domain=(14,),
)
PLAN_CONSENT_INVALID_GRANTOR = _rule(
    "PLAN-CONSENT-INVALID-GRANTOR",
    E,
    ("Samtycke lämnat av fel person", "Consent given by someone who cannot give it"),
    (
        "Samtycket {consent} är lämnat av {grantor} för {subject}; bara personen själv (eller vårdnadshavare för ett barn) kan samtycka.",
        "Consent {consent} was given by {grantor} for {subject}; only the person themself (or a custodian for a child) can consent.",
    ),
    (CONSENT_WAIVER, CONSENT_WAIVER_CHILD),
    ("socialstyrelsen-samtycke",),
    domain=(14,),
)
PLAN_DUPLICATE_ID = _rule(
    "PLAN-DUPLICATE-ID",
    E,
    ("Samma id används två gånger", "The same id is used twice"),
    ("Id {id!r} används mer än en gång i {part}.", "Id {id!r} is used more than once in {part}."),
    (),
    ("ibic",),
    domain=(15,),
)
PLAN_GOAL_UNKNOWN_NEED = _rule(
    "PLAN-GOAL-UNKNOWN-NEED",
    E,
    ("Mål utan behov", "Goal serving no need"),
    (
        "Målet {goal!r} hänvisar till behovet {need!r}, som inte finns i planen.",
        "Goal {goal!r} refers to need {need!r}, which is not in the plan.",
    ),
    (),
    ("ibic", "seed-004"),
    domain=(15,),
)
PLAN_MEASURE_UNKNOWN_GOAL = _rule(
    "PLAN-MEASURE-UNKNOWN-GOAL",
    E,
    ("Insats utan mål", "Measure serving no goal"),
    (
        "Insatsen {measure!r} hänvisar till målet {goal!r}, som inte finns i planen.",
        "Measure {measure!r} refers to goal {goal!r}, which is not in the plan.",
    ),
    (),
    ("ibic", "seed-004"),
    domain=(15,),
)
PLAN_NO_NEEDS = _rule(
    "PLAN-NO-NEEDS",
    E,
    ("Planen har inga behov", "The plan has no needs"),
    (
        "En stödplan med status {status} måste beskriva minst ett behov.",
        "A support plan with status {status} must describe at least one need.",
    ),
    (CARER_SUPPORT,),
    ("ibic",),
    domain=(15,),
)
PLAN_NEED_WITHOUT_GOAL = _rule(
    "PLAN-NEED-WITHOUT-GOAL",
    E,
    ("Behov utan mål", "Need without a goal"),
    ("Behovet {need!r} har inget mål.", "Need {need!r} has no goal."),
    (),
    ("ibic", "seed-004"),
    domain=(15,),
)
PLAN_GOAL_WITHOUT_MEASURE = _rule(
    "PLAN-GOAL-WITHOUT-MEASURE",
    W,
    ("Mål utan insats", "Goal without a measure"),
    ("Målet {goal!r} har ingen insats.", "Goal {goal!r} has no measure."),
    (),
    ("ibic",),
    domain=(15,),
)
PLAN_FOLLOW_UP_MISSING = _rule(
    "PLAN-FOLLOW-UP-MISSING",
    E,
    ("Uppföljning saknas", "No follow-up planned"),
    (
        "Planen har ingen planerad uppföljning; den ska följas upp senast {limit}.",
        "The plan has no follow-up planned; it must be followed up by {limit}.",
    ),
    (CARER_SUPPORT,),
    ("ibic", "seed-004"),
    domain=(15,),
)
PLAN_FOLLOW_UP_TOO_LATE = _rule(
    "PLAN-FOLLOW-UP-TOO-LATE",
    E,
    ("Uppföljningen ligger för sent", "Follow-up planned too late"),
    (
        "Uppföljningen {due} ligger efter kommunens gräns {limit} ({months} månader efter {since}).",
        "The follow-up on {due} is after the municipality's limit {limit} ({months} months after {since}).",
    ),
    (CARER_SUPPORT,),
    ("ibic",),
    domain=(15,),
)
PLAN_FOLLOW_UP_OVERDUE = _rule(
    "PLAN-FOLLOW-UP-OVERDUE",
    W,
    ("Uppföljningen är försenad", "Follow-up overdue"),
    (
        "Uppföljningen skulle ha gjorts senast {due}; den {on} är den inte gjord.",
        "The follow-up was due by {due}; on {on} it has not been done.",
    ),
    (CARER_SUPPORT,),
    ("ibic",),
    domain=(15,),
)
PLAN_SIGNATURE_MISSING = _rule(
    "PLAN-SIGNATURE-MISSING",
    E,
    ("Underskrift saknas", "Signature missing"),
    (
        "En plan med status {status} ska vara undertecknad av {role} (en bekräftelse, inget avtal).",
        "A plan with status {status} must be signed by the {role} (an acknowledgement, not a contract).",
    ),
    (),
    ("seed-004",),
    domain=(16,),
)
PLAN_SIGNER_NOT_CARER = _rule(
    "PLAN-SIGNER-NOT-CARER",
    E,
    ("Fel person har skrivit under som anhörig", "Someone else signed as the carer"),
    (
        "{signer} har skrivit under som anhörig men planen tillhör {carer}.",
        "{signer} signed as the carer but the plan is {carer}'s.",
    ),
    (),
    ("seed-004",),
    domain=(16,),
)
PLAN_EXPECTATIONS_ONE_SIDED = _rule(
    "PLAN-EXPECTATIONS-ONE-SIDED",
    W,
    ("Förväntningar bara åt ett håll", "Expectations in one direction only"),
    (
        "Planen säger inte vad {missing} förväntas göra; förväntningar ska finnas åt båda håll.",
        "The plan does not say what {missing} will do; expectations go in both directions.",
    ),
    (),
    ("seed-001", "seed-004"),
    domain=(17,),
)
PLAN_EXPECTS_UNWILLING_CARER = _rule(
    "PLAN-EXPECTS-UNWILLING-CARER",
    E,
    ("Förväntan på anhörig som inte sagt ja", "Expectation of a carer who has not said yes"),
    (
        "Planen förväntar sig något av {carer}, som inte har sagt att hen vill och orkar; anhörigrollen är frivillig.",
        "The plan expects something of {carer}, who has not said they are willing; being a carer is voluntary.",
    ),
    (CARER_SUPPORT,),
    ("seed-001", "seed-003"),
    domain=(17,),
)
PLAN_RELATIVE_COORDINATOR = _rule(
    "PLAN-RELATIVE-COORDINATOR",
    E,
    ("Anhörig som samordnare", "A relative as coordinator"),
    (
        "{person} är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "{person} is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
    (),
    ("seed-003", "seed-001"),
    domain=(18,),
)
PLAN_NO_SUPPORT_CONTACT = _rule(
    "PLAN-NO-SUPPORT-CONTACT",
    W,
    ("Ingen stödkontakt", "No support contact"),
    (
        "Planen saknar en namngiven stödkontakt (lots) som anhörig kan vända sig till.",
        "The plan names no support contact (lots) for the carer to turn to.",
    ),
    (CARER_SUPPORT,),
    ("seed-001", "seed-003", "seed-004"),
    domain=(18,),
)
PLAN_VOLUNTEER_RESPITE = _rule(
    "PLAN-VOLUNTEER-RESPITE",
    E,
    ("Frivilligas insats som avlösning", "Volunteers' help presented as respite"),
    (
        "Insatsen {measure!r} ({kind}) utförs av frivilligorganisationen {provider}; frivilligas besök är inte kommunens avlösning.",
        "Measure {measure!r} ({kind}) is provided by the voluntary organisation {provider}; volunteers' visits are not the municipality's respite.",
    ),
    (),
    ("seed-004",),
    domain=(19,),
)
PLAN_DECISION_MISSING = _rule(
    "PLAN-DECISION-MISSING",
    E,
    ("Beslut saknas för biståndsinsats", "Decision missing for a granted measure"),
    (
        "Insatsen {measure!r} är beviljad som bistånd men hänvisar inte till beslutet.",
        "Measure {measure!r} is granted by decision but does not refer to the decision.",
    ),
    (BISTAND,),
    ("seed-004",),
    domain=(20,),
)
PLAN_DECISION_REQUIRED = _rule(
    "PLAN-DECISION-REQUIRED",
    E,
    ("Insatsen kräver beslut", "The measure needs a decision"),
    (
        "Kommunen ger {kind} bara efter biståndsbeslut, men insatsen {measure!r} är inte beviljad genom beslut.",
        "The municipality grants {kind} only by decision, but measure {measure!r} is not granted by decision.",
    ),
    (BISTAND,),
    ("seed-004",),
    domain=(20,),
)
PLAN_DECISION_UNEXPECTED = _rule(
    "PLAN-DECISION-UNEXPECTED",
    E,
    (
        "Beslut angivet för insats utan behovsprövning",
        "Decision given for a measure without needs assessment",
    ),
    (
        "Insatsen {measure!r} ges utan individuell behovsprövning men hänvisar till beslutet {decision!r}.",
        "Measure {measure!r} is offered without a needs assessment but refers to decision {decision!r}.",
    ),
    (WITHOUT_NEEDS_ASSESSMENT,),
    ("seed-004",),
    domain=(20,),
)

# --- SIP (DOMAIN rules 18, 21, 22) -----------------------------------------------------

_SIP_LAW = (SIP_HEALTH_CARE, SIP_SOCIAL_SERVICES)

SIP_NO_CONSENT = _rule(
    "SIP-NO-CONSENT",
    E,
    ("Den enskildes samtycke saknas", "The individual's consent is missing"),
    (
        "En SIP upprättas bara om {individual} samtycker ({purpose}); inget gällande samtycke den {on}.",
        "A SIP is made only if {individual} consents ({purpose}); none is in force on {on}.",
    ),
    (*_SIP_LAW, CONSENT_WAIVER),
    ("seed-002",),
    domain=(21,),
)
SIP_DUPLICATE_ID = _rule(
    "SIP-DUPLICATE-ID",
    E,
    ("Samma id används två gånger", "The same id is used twice"),
    ("Id {id!r} används mer än en gång i {part}.", "Id {id!r} is used more than once in {part}."),
    _SIP_LAW,  # which principal provides which measure must be unambiguous
    ("seed-002",),
    domain=(21,),
)
SIP_NO_MEASURES = _rule(
    "SIP-NO-MEASURES",
    E,
    ("Planen anger inga insatser", "The plan names no measures"),
    (
        "En SIP ska ange vilka insatser som behövs.",
        "A SIP must state which measures are needed.",
    ),
    _SIP_LAW,
    ("seed-002",),
    domain=(21,),
)
SIP_UNKNOWN_HOLDER = _rule(
    "SIP-UNKNOWN-HOLDER",
    E,
    ("Insats utan ansvarig", "Measure without anyone responsible"),
    (
        "Insatsen {measure!r} ska ges av {holder!r}, som inte är deltagare eller närstående i planen.",
        "Measure {measure!r} is to be provided by {holder!r}, who is neither a participant nor a relative in the plan.",
    ),
    _SIP_LAW,
    ("seed-002",),
    domain=(21,),
)
SIP_OTHERS_NOT_ADDRESSED = _rule(
    "SIP-OTHERS-NOT-ADDRESSED",
    E,
    ("Andras åtgärder inte angivna", "Measures by others not addressed"),
    (
        "En SIP ska ange vilka åtgärder som vidtas av någon annan än kommunen eller regionen (eller att inga gör det).",
        "A SIP must state which measures anyone other than the municipality or the region will take (or that none will).",
    ),
    _SIP_LAW,
    ("seed-002",),
    domain=(21,),
)
SIP_NO_LEAD = _rule(
    "SIP-NO-LEAD",
    E,
    ("Övergripande ansvar saknas", "No principal with overall responsibility"),
    (
        "En SIP ska ange vilken huvudman, kommunen eller regionen, som har det övergripande ansvaret.",
        "A SIP must state which principal, the municipality or the region, has overall responsibility.",
    ),
    _SIP_LAW,
    ("seed-002",),
    domain=(21,),
)
SIP_NOT_BOTH_FIELDS = _rule(
    "SIP-NOT-BOTH-FIELDS",
    W,
    ("Insatser bara från en verksamhet", "Measures from one field only"),
    (
        "En SIP gäller den som behöver insatser från både socialtjänst och hälso- och sjukvård; här saknas {missing}.",
        "A SIP is for someone who needs measures from both social services and health care; {missing} is missing.",
    ),
    _SIP_LAW,
    ("seed-002",),
    domain=(21,),
)
_FIELD_NAMES = {
    Sector.SOCIAL_SERVICES: Text(sv="socialtjänst", en="social services"),
    Sector.HEALTH_CARE: Text(sv="hälso- och sjukvård", en="health care"),
}
"""The fields a SIP spans, named without the secrecy chapter the `Sector` labels cite."""
SIP_NO_COORDINATOR = _rule(
    "SIP-NO-COORDINATOR",
    W,
    ("Ingen samordnare", "No coordinator"),
    (
        "Planen saknar en yrkesverksam samordnare; annars hamnar samordningen hos de anhöriga.",
        "The plan names no professional coordinator; otherwise the coordination falls on the relatives.",
    ),
    _SIP_LAW,
    ("seed-001", "seed-003"),
    domain=(18,),
)
SIP_RELATIVE_COORDINATOR = _rule(
    "SIP-RELATIVE-COORDINATOR",
    E,
    ("Anhörig som samordnare", "A relative as coordinator"),
    (
        "{person} är angiven som samordnare men är inte yrkesverksam; anhöriga ska inte vara samordnare.",
        "{person} is named coordinator but is not a professional; relatives must not be coordinators.",
    ),
    _SIP_LAW,
    ("seed-003", "seed-001"),
    domain=(18,),
)
SIP_RELATIVE_NOT_ASKED = _rule(
    "SIP-RELATIVE-NOT-ASKED",
    E,
    ("Närstående kallad utan att ha tillfrågats", "Relative invited without being asked"),
    (
        "{relative} är kallad till mötet {held_on} utan att först ha sagt att hen vill delta.",
        "{relative} is invited to the meeting on {held_on} without first having said they want to take part.",
    ),
    (*_SIP_LAW, PATIENT_RELATIVES_TAKE_PART),
    ("seed-001", "seed-003"),
    domain=(21,),
)
SIP_RELATIVE_OBJECTED = _rule(
    "SIP-RELATIVE-OBJECTED",
    E,
    (
        "Närstående kallad trots att den enskilde motsätter sig",
        "Relative invited although the individual objects",
    ),
    (
        "{relative} är kallad till mötet {held_on}, men {individual} motsätter sig att hen deltar.",
        "{relative} is invited to the meeting on {held_on}, but {individual} objects to their taking part.",
    ),
    (*_SIP_LAW, PATIENT_RELATIVES_TAKE_PART),
    ("seed-002",),
    domain=(21,),
)
SIP_MEETING_UNKNOWN_PARTY = _rule(
    "SIP-MEETING-UNKNOWN-PARTY",
    E,
    ("Kallad part finns inte i planen", "Invited party not in the plan"),
    (
        "Mötet {held_on} kallar {party!r}, som inte är deltagare eller närstående i planen.",
        "The meeting on {held_on} invites {party!r}, who is neither a participant nor a relative in the plan.",
    ),
    _SIP_LAW,  # invitations are checked against the plan's own parties
    ("seed-001",),
    domain=(21,),
)
SIP_RESPONSIBLE_NOT_INVITED = _rule(
    "SIP-RESPONSIBLE-NOT-INVITED",
    E,
    ("Ansvarig part inte kallad", "Responsible party not invited"),
    (
        "{participant} ({organisation}) har ansvar för en insats men är inte kallad till mötet {held_on}.",
        "{participant} ({organisation}) is responsible for a measure but is not invited to the meeting on {held_on}.",
    ),
    _SIP_LAW,
    ("seed-001",),
    domain=(21,),
)
SIP_RESPONSIBLE_ABSENT = _rule(
    "SIP-RESPONSIBLE-ABSENT",
    W,
    ("Ansvarig part kom inte", "Responsible party absent"),
    (
        "{participant} ({organisation}) har ansvar för en insats men deltog inte i mötet {held_on}.",
        "{participant} ({organisation}) is responsible for a measure but did not attend the meeting on {held_on}.",
    ),
    _SIP_LAW,
    ("seed-001",),
    domain=(21,),
)
SIP_FOLLOW_UP_MISSING = _rule(
    "SIP-FOLLOW-UP-MISSING",
    E,
    ("Uppföljning saknas", "No follow-up planned"),
    (
        "Planen har ingen planerad uppföljning; den ska följas upp senast {limit}.",
        "The plan has no follow-up planned; it must be followed up by {limit}.",
    ),
    _SIP_LAW,
    (),
    domain=(21,),
)
SIP_FOLLOW_UP_TOO_LATE = _rule(
    "SIP-FOLLOW-UP-TOO-LATE",
    E,
    ("Uppföljningen ligger för sent", "Follow-up planned too late"),
    (
        "Uppföljningen {due} ligger efter kommunens gräns {limit} ({months} månader efter {since}).",
        "The follow-up on {due} is after the municipality's limit {limit} ({months} months after {since}).",
    ),
    _SIP_LAW,
    (),
    domain=(21,),
)
SIP_FOLLOW_UP_OVERDUE = _rule(
    "SIP-FOLLOW-UP-OVERDUE",
    W,
    ("Uppföljningen är försenad", "Follow-up overdue"),
    (
        "Uppföljningen skulle ha gjorts senast {due}; den {on} är den inte gjord.",
        "The follow-up was due by {due}; on {on} it has not been done.",
    ),
    _SIP_LAW,
    (),
    domain=(21,),
)
SIP_DISCHARGE_INVITATION_LATE = _rule(
    "SIP-DISCHARGE-INVITATION-LATE",
    E,
    ("Kallelsen efter utskrivning är sen", "Invitation after discharge is late"),
    (
        "Kallelse till SIP ska skickas inom {days} dagar från underrättelsen om utskrivningsklar ({notified}), senast {deadline}; {sent}.",
        "The SIP invitation must be sent within {days} days of the notice of readiness for discharge ({notified}), by {deadline}; {sent}.",
    ),
    (DISCHARGE_COOPERATION,),
    (),
    domain=(22,),
)


# --- implementation plan (DOMAIN rule 23) ----------------------------------------------

IMPL_AREA_EMPTY = _rule(
    "IMPL-AREA-EMPTY",
    E,
    ("Område utan aktiviteter", "Area without activities"),
    (
        "Området {area} har inga aktiviteter; planen ska täcka strategins tre områden.",
        "The area {area} has no activities; the plan must cover the strategy's three areas.",
    ),
    (CARER_SUPPORT,),
    ("seed-003", "national-carer-strategy"),
    domain=(23,),
)
IMPL_NO_OWNER = _rule(
    "IMPL-NO-OWNER",
    E,
    ("Aktivitet utan ansvarig", "Activity without an owner"),
    ("Aktiviteten {activity!r} har ingen ansvarig.", "Activity {activity!r} has no owner."),
    (),
    ("seed-003",),
    domain=(23,),
)
IMPL_NO_HOW = _rule(
    "IMPL-NO-HOW",
    W,
    ("Aktivitet utan genomförande", "Activity without a how"),
    (
        "Aktiviteten {activity!r} säger inte hur den ska genomföras.",
        "Activity {activity!r} does not say how it will be carried out.",
    ),
    (),
    ("seed-003",),
    domain=(23,),
)
IMPL_OVERDUE = _rule(
    "IMPL-OVERDUE",
    W,
    ("Aktivitet försenad", "Activity overdue"),
    (
        "Aktiviteten {activity!r} skulle vara klar {due}; den {on} är den inte markerad som klar.",
        "Activity {activity!r} was due on {due}; on {on} it is not marked done.",
    ),
    (),
    ("seed-003",),
    domain=(23,),
)
IMPL_DUE_OUTSIDE_PLAN = _rule(
    "IMPL-DUE-OUTSIDE-PLAN",
    W,
    ("Aktivitet efter planens slut", "Activity due after the plan ends"),
    (
        "Aktiviteten {activity!r} ska vara klar {due}, efter att planen upphör {until}.",
        "Activity {activity!r} is due on {due}, after the plan ends on {until}.",
    ),
    (),
    ("seed-003",),
    domain=(23,),
)

# --- lifecycle -------------------------------------------------------------------------

PLAN_ILLEGAL_TRANSITION = _rule(
    "PLAN-ILLEGAL-TRANSITION",
    E,
    ("Otillåten statusändring", "Illegal status change"),
    (
        "En plan med status {current} kan inte bli {target}; tillåtet: {allowed}.",
        "A plan with status {current} cannot become {target}; allowed: {allowed}.",
    ),
    (),
    ("ibic",),
    domain=(15,),
)

RULES: tuple[Rule, ...] = (
    PLAN_NO_CARER_CONSENT,
    PLAN_NO_CARED_FOR_CONSENT,
    PLAN_CONSENT_INVALID_GRANTOR,
    PLAN_DUPLICATE_ID,
    PLAN_GOAL_UNKNOWN_NEED,
    PLAN_MEASURE_UNKNOWN_GOAL,
    PLAN_NO_NEEDS,
    PLAN_NEED_WITHOUT_GOAL,
    PLAN_GOAL_WITHOUT_MEASURE,
    PLAN_FOLLOW_UP_MISSING,
    PLAN_FOLLOW_UP_TOO_LATE,
    PLAN_FOLLOW_UP_OVERDUE,
    PLAN_SIGNATURE_MISSING,
    PLAN_SIGNER_NOT_CARER,
    PLAN_EXPECTATIONS_ONE_SIDED,
    PLAN_EXPECTS_UNWILLING_CARER,
    PLAN_RELATIVE_COORDINATOR,
    PLAN_NO_SUPPORT_CONTACT,
    PLAN_VOLUNTEER_RESPITE,
    PLAN_DECISION_MISSING,
    PLAN_DECISION_REQUIRED,
    PLAN_DECISION_UNEXPECTED,
    PLAN_ILLEGAL_TRANSITION,
    SIP_NO_CONSENT,
    SIP_DUPLICATE_ID,
    SIP_NO_MEASURES,
    SIP_UNKNOWN_HOLDER,
    SIP_OTHERS_NOT_ADDRESSED,
    SIP_NO_LEAD,
    SIP_NOT_BOTH_FIELDS,
    SIP_NO_COORDINATOR,
    SIP_RELATIVE_COORDINATOR,
    SIP_RELATIVE_NOT_ASKED,
    SIP_RELATIVE_OBJECTED,
    SIP_MEETING_UNKNOWN_PARTY,
    SIP_RESPONSIBLE_NOT_INVITED,
    SIP_RESPONSIBLE_ABSENT,
    SIP_FOLLOW_UP_MISSING,
    SIP_FOLLOW_UP_TOO_LATE,
    SIP_FOLLOW_UP_OVERDUE,
    SIP_DISCHARGE_INVITATION_LATE,
    IMPL_AREA_EMPTY,
    IMPL_NO_OWNER,
    IMPL_NO_HOW,
    IMPL_OVERDUE,
    IMPL_DUE_OUTSIDE_PLAN,
)
"""The rules of this family, in the catalogue."""

DOMAIN_RULES: dict[str, tuple[int, ...]] = {rule.code: rule.domain for rule in RULES}
"""Which rule of DOMAIN.md (14–23) each code encodes (each rule's ``domain``)."""


# --- shared helpers ----------------------------------------------------------------------


class _Findings:
    """Collects findings for one check."""

    def __init__(self, on: date) -> None:
        self.on = on
        self.items: list[Finding] = []

    def add(self, rule: Rule, path: str, **params: object) -> None:
        self.items.append(rule.finding(path, on=self.on, **params))

    def report(self) -> Report:
        return Report(tuple(self.items))


def _covered(
    subject: Person,
    purpose: ConsentPurpose,
    consents: Iterable[PlanConsent],
    on: date,
    oracle: ConsentOracle | None,
) -> bool:
    if oracle is not None:
        return bool(oracle.covers(subject, purpose, on=on))
    return any(c.covers(subject, purpose, on=on) for c in consents)


def _invalid_grantors(found: _Findings, consents: tuple[PlanConsent, ...]) -> None:
    for index, consent in enumerate(consents):
        if consent.in_force_on(found.on) and not consent.grantor_can_consent(found.on):
            found.add(
                PLAN_CONSENT_INVALID_GRANTOR,
                f"consents[{index}].grantor",
                consent=consent.id,
                grantor=consent.grantor.text,
                subject=str(consent.subject),
            )


def _duplicates(found: _Findings, rule: Rule, part: str, ids: Iterable[str]) -> None:
    ids = list(ids)
    if len(set(ids)) == len(ids):
        return
    counts = Counter(ids)
    for key, count in counts.items():
        if count > 1:
            found.add(rule, part, id=key, part=part)


def _follow_up(
    found: _Findings,
    follow_ups: tuple[FollowUp, ...],
    since: date,
    months: int,
    rules: tuple[Rule, Rule, Rule],
) -> None:
    missing, too_late, overdue = rules
    done = [f.done_on for f in follow_ups if f.done_on is not None]
    base = max([since, *done])
    limit = add_months(base, months)
    open_ones = sorted(
        ((f.due, i) for i, f in enumerate(follow_ups) if f.is_open), key=lambda t: (t[0], t[1])
    )
    if not open_ones:
        found.add(missing, "follow_ups", limit=limit)
        return
    due, index = open_ones[0]
    if due > limit:
        found.add(
            too_late, f"follow_ups[{index}].due", due=due, limit=limit, months=months, since=base
        )
    if due < found.on:
        found.add(overdue, f"follow_ups[{index}].due", due=due)


# --- stödplan ----------------------------------------------------------------------------


def _check_support(
    plan: SupportPlan, on: date, policy: PlanPolicy, oracle: ConsentOracle | None
) -> Report:
    found = _Findings(on)
    status = plan.status
    live = status in LIVE_STATUSES

    # 14: consent
    if status is not PlanStatus.CLOSED:
        if not _covered(plan.carer, ConsentPurpose.DOCUMENT_IN_PLAN, plan.consents, on, oracle):
            found.add(PLAN_NO_CARER_CONSENT, "consents", carer=str(plan.carer))
        if plan.records_about_cared_for and not _covered(
            plan.cared_for, ConsentPurpose.DOCUMENT_IN_PLAN, plan.consents, on, oracle
        ):
            what = []
            if any(n.about.value == "cared_for" for n in plan.needs):
                what.append(("behov", "needs"))
            if any(m.concerns_cared_for for m in plan.measures):
                what.append(("insatser till hen", "measures given to them"))
            found.add(
                PLAN_NO_CARED_FOR_CONSENT,
                "consents",
                cared_for=str(plan.cared_for),
                what=Text(sv=", ".join(w[0] for w in what), en=", ".join(w[1] for w in what)),
            )
    _invalid_grantors(found, plan.consents)

    # 15: the chain
    for part, ids in (
        ("needs", [n.id for n in plan.needs]),
        ("goals", [g.id for g in plan.goals]),
        ("measures", [m.id for m in plan.measures]),
    ):
        _duplicates(found, PLAN_DUPLICATE_ID, part, ids)
    need_ids = {n.id for n in plan.needs}
    goal_ids = {g.id for g in plan.goals}
    for index, goal in enumerate(plan.goals):
        if goal.need_id not in need_ids:
            found.add(
                PLAN_GOAL_UNKNOWN_NEED, f"goals[{index}].need_id", goal=goal.id, need=goal.need_id
            )
    for index, measure in enumerate(plan.measures):
        if measure.goal_id not in goal_ids:
            found.add(
                PLAN_MEASURE_UNKNOWN_GOAL,
                f"measures[{index}].goal_id",
                measure=measure.id,
                goal=measure.goal_id,
            )
    if live:
        if not plan.needs:
            found.add(PLAN_NO_NEEDS, "needs", status=status.text)
        served = {g.need_id for g in plan.goals}
        for index, need in enumerate(plan.needs):
            if need.id not in served:
                found.add(PLAN_NEED_WITHOUT_GOAL, f"needs[{index}]", need=need.id)
        with_measure = {m.goal_id for m in plan.measures}
        for index, goal in enumerate(plan.goals):
            if goal.id not in with_measure:
                found.add(PLAN_GOAL_WITHOUT_MEASURE, f"goals[{index}]", goal=goal.id)
        _follow_up(
            found,
            plan.follow_ups,
            plan.agreed_on or plan.created_on,  # a live plan has agreed_on (its validator)
            policy.follow_up_interval_months,
            (PLAN_FOLLOW_UP_MISSING, PLAN_FOLLOW_UP_TOO_LATE, PLAN_FOLLOW_UP_OVERDUE),
        )

    _support_people(found, plan, live)
    _support_measures(found, plan, policy)
    return found.report()


def _support_people(found: _Findings, plan: SupportPlan, live: bool) -> None:
    on, status = found.on, plan.status
    # 16: signatures
    for index, signature in enumerate(plan.signatures):
        if signature.role is SignerRole.CARER and not same_person(signature.signer, plan.carer):
            found.add(
                PLAN_SIGNER_NOT_CARER,
                f"signatures[{index}].signer",
                signer=str(signature.signer),
                carer=str(plan.carer),
            )
    if live:
        for role in (SignerRole.CARER, SignerRole.CASE_OFFICER):
            if not plan.signed_by(role):
                found.add(
                    PLAN_SIGNATURE_MISSING,
                    "signatures",
                    status=status.text,
                    role=role.text,
                )

    # 17: expectations both ways, nothing of an unwilling carer
    involvement = plan.involvement
    willing = involvement is not None and involvement.recorded_on <= on and involvement.willing
    for index, expectation in enumerate(plan.expectations):
        if expectation.of is ExpectedOf.CARER and not willing:
            found.add(PLAN_EXPECTS_UNWILLING_CARER, f"expectations[{index}]", carer=str(plan.carer))
    if live:
        sides = {e.of for e in plan.expectations}
        missing = []
        if ExpectedOf.SERVICES not in sides:
            missing.append(("verksamheten", "the services"))
        if willing and ExpectedOf.CARER not in sides:
            missing.append(("anhörig", "the carer"))
        if missing:
            found.add(
                PLAN_EXPECTATIONS_ONE_SIDED,
                "expectations",
                missing=Text(
                    sv=" och ".join(m[0] for m in missing), en=" and ".join(m[1] for m in missing)
                ),
            )

    # 18: a professional coordinator, never a relative
    coordinator = plan.coordinator
    if coordinator is not None and (
        not coordinator.professional
        or same_person(coordinator.person, plan.carer)
        or same_person(coordinator.person, plan.cared_for)
    ):
        found.add(PLAN_RELATIVE_COORDINATOR, "coordinator", person=str(coordinator.person))
    if live and coordinator is None:
        found.add(PLAN_NO_SUPPORT_CONTACT, "coordinator")


def _support_measures(found: _Findings, plan: SupportPlan, policy: PlanPolicy) -> None:
    # 19, 20: measures
    for index, measure in enumerate(plan.measures):
        if (
            measure.kind in RESPITE_KINDS
            and measure.provider.kind is ProviderKind.VOLUNTARY_ORGANISATION
        ):
            found.add(
                PLAN_VOLUNTEER_RESPITE,
                f"measures[{index}].provider",
                measure=measure.id,
                kind=measure.kind.text,
                provider=measure.provider.name,
            )
        if measure.granted_by_decision and measure.decision_id is None:
            found.add(PLAN_DECISION_MISSING, f"measures[{index}].decision_id", measure=measure.id)
        if not measure.granted_by_decision and measure.kind in policy.decision_required:
            found.add(
                PLAN_DECISION_REQUIRED,
                f"measures[{index}].granted_by_decision",
                measure=measure.id,
                kind=measure.kind.text,
            )
        if not measure.granted_by_decision and measure.decision_id is not None:
            found.add(
                PLAN_DECISION_UNEXPECTED,
                f"measures[{index}].decision_id",
                measure=measure.id,
                decision=measure.decision_id,
            )


# --- SIP ---------------------------------------------------------------------------------


def _check_sip(
    plan: CoordinatedPlan, on: date, policy: PlanPolicy, oracle: ConsentOracle | None
) -> Report:
    found = _Findings(on)
    status = plan.status
    live = status in LIVE_STATUSES

    # 21: consent of the individual
    if status is not PlanStatus.CLOSED:
        missing = [
            p
            for p in (ConsentPurpose.DOCUMENT_IN_PLAN, ConsentPurpose.SHARE_WITH_PARTICIPANTS)
            if not _covered(plan.individual, p, plan.consents, on, oracle)
        ]
        if missing:
            found.add(
                SIP_NO_CONSENT,
                "consents",
                individual=str(plan.individual),
                purpose=Text(
                    sv=", ".join(p.label("sv") for p in missing),
                    en=", ".join(p.label("en") for p in missing),
                ),
            )
    _invalid_grantors(found, plan.consents)

    _duplicates(
        found,
        SIP_DUPLICATE_ID,
        "participants",
        [p.id for p in plan.participants] + [r.id for r in plan.relatives],
    )
    _duplicates(found, SIP_DUPLICATE_ID, "responsibilities", [r.id for r in plan.responsibilities])

    # the four mandatory parts
    for index, responsibility in enumerate(plan.responsibilities):
        if plan.party(responsibility.holder_id) is None:
            found.add(
                SIP_UNKNOWN_HOLDER,
                f"responsibilities[{index}].holder_id",
                measure=responsibility.id,
                holder=responsibility.holder_id,
            )
    if live:
        if not plan.responsibilities:
            found.add(SIP_NO_MEASURES, "responsibilities")
        if not plan.others_considered and not plan.measures_by_others():
            found.add(SIP_OTHERS_NOT_ADDRESSED, "others_considered")
        if plan.lead_principal not in (Principal.MUNICIPALITY, Principal.REGION):
            found.add(SIP_NO_LEAD, "lead_principal")
        fields = {r.field for r in plan.responsibilities}
        absent = [f for f in (Sector.SOCIAL_SERVICES, Sector.HEALTH_CARE) if f not in fields]
        if plan.responsibilities and absent:
            found.add(
                SIP_NOT_BOTH_FIELDS,
                "responsibilities",
                missing=Text(
                    sv=" och ".join(_FIELD_NAMES[f].sv for f in absent),
                    en=" and ".join(_FIELD_NAMES[f].en for f in absent),
                ),
            )

    # 18: coordinator
    coordinator = plan.coordinator
    if coordinator is not None and (
        not coordinator.professional
        or same_person(coordinator.person, plan.individual)
        or any(same_person(coordinator.person, r.person) for r in plan.relatives)
    ):
        found.add(SIP_RELATIVE_COORDINATOR, "coordinator", person=str(coordinator.person))
    if live and coordinator is None:
        found.add(SIP_NO_COORDINATOR, "coordinator")

    _sip_meetings(found, plan)
    if live:
        _follow_up(
            found,
            plan.follow_ups,
            plan.created_on,
            policy.sip_follow_up_interval_months,
            (SIP_FOLLOW_UP_MISSING, SIP_FOLLOW_UP_TOO_LATE, SIP_FOLLOW_UP_OVERDUE),
        )

    # 22: discharge
    discharge = plan.discharge
    if discharge is not None and status is not PlanStatus.CLOSED:
        days = policy.discharge_invitation_days
        deadline = discharge.ready_notified_on + timedelta(days=days)
        sent = discharge.invitation_sent_on
        if (sent is not None and sent > deadline) or (sent is None and on > deadline):
            found.add(
                SIP_DISCHARGE_INVITATION_LATE,
                "discharge.invitation_sent_on",
                days=days,
                notified=discharge.ready_notified_on,
                deadline=deadline,
                sent=Text(sv=f"skickad {sent}", en=f"sent on {sent}")
                if sent is not None
                else Text(sv="inte skickad", en="not sent"),
            )
    return found.report()


def _sip_meetings(found: _Findings, plan: CoordinatedPlan) -> None:
    on = found.on
    # meetings: relatives asked, responsible parties invited and present
    for index, meeting in enumerate(plan.meetings):
        for party_id in sorted(meeting.invited):
            party = plan.party(party_id)
            if party is None:
                found.add(
                    SIP_MEETING_UNKNOWN_PARTY,
                    f"meetings[{index}].invited",
                    party=party_id,
                    held_on=meeting.held_on,
                )
            elif isinstance(party, SipRelative):
                if party.individual_objects:
                    found.add(
                        SIP_RELATIVE_OBJECTED,
                        f"meetings[{index}].invited",
                        relative=str(party.person),
                        held_on=meeting.held_on,
                        individual=str(plan.individual),
                    )
                elif not party.may_take_part(meeting.held_on):
                    found.add(
                        SIP_RELATIVE_NOT_ASKED,
                        f"meetings[{index}].invited",
                        relative=str(party.person),
                        held_on=meeting.held_on,
                    )
    responsible = plan.responsible_participants()
    if plan.meetings:
        latest_index = max(range(len(plan.meetings)), key=lambda i: (plan.meetings[i].held_on, i))
        latest = plan.meetings[latest_index]
        for party_id in responsible:
            if party_id not in latest.invited:
                participant = plan.party(party_id)
                if not isinstance(participant, Participant):  # pragma: no cover
                    continue
                found.add(
                    SIP_RESPONSIBLE_NOT_INVITED,
                    f"meetings[{latest_index}].invited",
                    participant=str(participant.person),
                    organisation=participant.organisation,
                    held_on=latest.held_on,
                )
        held = [i for i, m in enumerate(plan.meetings) if m.held_on <= on]
        if held:
            last_index = max(held, key=lambda i: (plan.meetings[i].held_on, i))
            last = plan.meetings[last_index]
            for party_id in responsible:
                if party_id in last.invited and party_id not in last.attended:
                    participant = plan.party(party_id)
                    if not isinstance(participant, Participant):  # pragma: no cover
                        continue
                    found.add(
                        SIP_RESPONSIBLE_ABSENT,
                        f"meetings[{last_index}].attended",
                        participant=str(participant.person),
                        organisation=participant.organisation,
                        held_on=last.held_on,
                    )


# --- implementation plan -------------------------------------------------------------------


def _check_implementation(plan: ImplementationPlan, on: date) -> Report:
    found = _Findings(on)
    for area, activities in plan.by_area().items():
        if not activities:
            found.add(IMPL_AREA_EMPTY, "activities", area=area.text)
    for index, activity in enumerate(plan.activities):
        name = activity.activity[:60]
        if not activity.responsible.strip():
            found.add(IMPL_NO_OWNER, f"activities[{index}].responsible", activity=name)
        if not activity.how.strip():
            found.add(IMPL_NO_HOW, f"activities[{index}].how", activity=name)
        if activity.due is not None and activity.done_on is None and activity.due < on:
            found.add(IMPL_OVERDUE, f"activities[{index}].due", activity=name, due=activity.due)
        if (
            activity.due is not None
            and plan.valid_until is not None
            and activity.due > plan.valid_until
        ):
            found.add(
                IMPL_DUE_OUTSIDE_PLAN,
                f"activities[{index}].due",
                activity=name,
                due=activity.due,
                until=plan.valid_until,
            )
    return found.report()


# --- the interface -------------------------------------------------------------------------


def _check_on(on: object) -> date:
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return on


def check(
    plan: Plan,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
) -> Report:
    """Every finding of the plan rules for ``plan`` on ``on``.

    ``policy`` defaults to :class:`PlanPolicy`'s documented defaults;
    ``consent_oracle``, when given, decides whether a person's consent covers what
    the plan records instead of the plan's own consent records. Never raises on a
    domain problem (``InvalidInput`` only if ``plan`` is not a plan or ``on`` not a date).
    """
    day = _check_on(on)
    if policy is None:
        policy = _DEFAULT_POLICY
    elif not isinstance(policy, PlanPolicy):
        raise InvalidInput.at("policy", sv="väntade en PlanPolicy", en="expected a PlanPolicy")
    if isinstance(plan, SupportPlan):
        return _check_support(plan, day, policy, consent_oracle)
    if isinstance(plan, CoordinatedPlan):
        return _check_sip(plan, day, policy, consent_oracle)
    if isinstance(plan, ImplementationPlan):
        return _check_implementation(plan, day)
    raise InvalidInput.at(
        "$",
        sv=f"väntade SupportPlan, CoordinatedPlan eller ImplementationPlan, fick {type(plan).__name__}",
        en=f"expected SupportPlan, CoordinatedPlan or ImplementationPlan, got {type(plan).__name__}",
    )


_DEFAULT_POLICY = PlanPolicy()


def validate(
    plan: Plan,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
) -> Plan:
    """``plan`` if no rule finds an error on ``on``; else ``RuleViolation`` with every finding."""
    return validated(check, plan, on=on, policy=policy, consent_oracle=consent_oracle)


def is_valid(
    plan: object,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
) -> bool:
    """Whether ``plan`` is a plan with no error findings on ``on``; never raises."""
    try:
        return check(plan, on=on, policy=policy, consent_oracle=consent_oracle).ok  # type: ignore[arg-type]
    except Exception:  # is_valid never raises, whatever the oracle does
        return False


_Lifecycled = TypeVar("_Lifecycled", SupportPlan, CoordinatedPlan)

TRANSITIONS: dict[PlanStatus, frozenset[PlanStatus]] = {
    PlanStatus.DRAFT: frozenset({PlanStatus.AGREED, PlanStatus.CLOSED}),
    PlanStatus.AGREED: frozenset({PlanStatus.ACTIVE, PlanStatus.CLOSED}),
    PlanStatus.ACTIVE: frozenset({PlanStatus.UNDER_REVIEW, PlanStatus.CLOSED}),
    PlanStatus.UNDER_REVIEW: frozenset({PlanStatus.ACTIVE, PlanStatus.CLOSED}),
    PlanStatus.CLOSED: frozenset(),
}
"""The lifecycle: which status may follow which."""


def transition(
    plan: _Lifecycled,
    to: PlanStatus,
    *,
    on: date,
    policy: PlanPolicy | None = None,
    consent_oracle: ConsentOracle | None = None,
    **changes: Any,
) -> _Lifecycled:
    """``plan`` moved to status ``to`` on ``on`` with ``changes``; ``RuleViolation`` if
    the step is not allowed or the new plan has error findings in its new status."""
    day = _check_on(on)
    allowed = TRANSITIONS[plan.status]
    if to not in allowed:
        finding = PLAN_ILLEGAL_TRANSITION.finding(
            "status",
            on=day,
            current=plan.status.text,
            target=to.text,
            allowed=Text(
                sv=", ".join(sorted(s.label("sv") for s in allowed)) or "inget",
                en=", ".join(sorted(s.label("en") for s in allowed)) or "nothing",
            ),
        )
        raise RuleViolation(Report((finding,)))
    candidate = attrs.evolve(plan, status=to, **changes)
    report = check(candidate, on=day, policy=policy, consent_oracle=consent_oracle)
    if not report.ok:
        raise RuleViolation(report)
    return candidate
