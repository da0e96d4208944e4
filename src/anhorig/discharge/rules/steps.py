"""The rules of the steps of the process: references, the notice of admission, the fast
vårdkontakt, the SIP invitation and the municipality's payment responsibility.

Each rule stands directly above the condition that finds it; :func:`check_steps`
applies them in this module's order.

References:
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård
      (inskrivningsmeddelande within 24 hours; fast vårdkontakt; SIP invitation within
      3 days, SFS 2019:979; payment responsibility).
    - Seed 002 (WebCare, information that does not reach the right person).
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from anhorig.discharge.deadlines import (
    admission_notice_deadlines,
    payment_responsibility,
    sip_invitation_deadline,
)
from anhorig.discharge.rules._common import Case, Findings, discharge_rule
from anhorig.findings import Severity
from anhorig.language import Text
from anhorig.law import DISCHARGE_COOPERATION, SIP_HEALTH_CARE, SIP_SOCIAL_SERVICES

__all__ = [
    "DIS_ADMISSION_NOTICE_LATE",
    "DIS_DUPLICATE_ID",
    "DIS_NO_CARE_CONTACT",
    "DIS_PAYMENT_RESPONSIBILITY",
    "DIS_SIP_INVITATION_LATE",
    "DIS_UNKNOWN_REFERENCE",
    "RULES",
    "check_steps",
]


def _sent(moment: object) -> Text:
    if moment is None:
        return Text(sv="inte skickat", en="not sent")
    return Text(sv="skickat {at}", en="sent {at}").format(at=moment)


# --- the document's own references -----------------------------------------------------------

DIS_DUPLICATE_ID = discharge_rule(
    "DIS-DUPLICATE-ID",
    Severity.ERROR,
    ("Samma id används två gånger", "The same id is used twice"),
    (
        "Id {id!r} används av mer än en mottagare eller närstående; varje överföring måste gå till en bestämd mottagare.",
        "Id {id!r} is used by more than one recipient or relative; every transfer must go to one definite recipient.",
    ),
    (DISCHARGE_COOPERATION,),
    ("seed-002",),
    applies_to=("DischargeProcess",),
    condition=(
        "Samma id används av mer än en mottagare eller närstående i utskrivningen (recipients och relatives tillsammans); en anmärkning för varje förekomst efter den första.",
        "The same id is used by more than one recipient or relative in the discharge (recipients and relatives together); one finding for each use after the first.",
    ),
    boundary=(
        "Id jämförs exakt; en mottagare och en närstående får inte dela id.",
        "Ids are compared exactly; a recipient and a relative may not share an id.",
    ),
    fix=(
        "Ge varje mottagare och närstående ett eget id.",
        "Give every recipient and relative an id of its own.",
    ),
)


def _duplicate_ids(found: Findings, case: Case) -> None:
    counts = Counter(case.process.addressee_ids())
    seen: set[str] = set()
    for index, recipient_id in enumerate(case.process.addressee_ids()):
        if counts[recipient_id] > 1 and recipient_id in seen:
            part = len(case.process.recipients)
            path = f"recipients[{index}].id" if index < part else f"relatives[{index - part}].id"
            found.add(DIS_DUPLICATE_ID, path, id=recipient_id)
        seen.add(recipient_id)


DIS_UNKNOWN_REFERENCE = discharge_rule(
    "DIS-UNKNOWN-REFERENCE",
    Severity.ERROR,
    ("Okänd mottagare", "Unknown recipient"),
    (
        "{what} nämner {id!r}, som varken är mottagare eller närstående i utskrivningen.",
        "{what} names {id!r}, which is neither a recipient nor a relative in the discharge.",
    ),
    (DISCHARGE_COOPERATION,),
    ("seed-002",),
    applies_to=("DischargeProcess",),
    condition=(
        "Ett id som processen hänvisar till (inskrivningsmeddelandens och underrättelsens to, vårdkontaktens unit, vårdplaneringens invited och attended, SIP-kallelsens by och to, överföringars to, given_by) är varken mottagare eller närstående.",
        "An id the process refers to (the to of admission and ready notices, the care contact's unit, the planning meeting's invited and attended, the SIP invitation's by and to, transfers' to, given_by) is neither a recipient nor a relative.",
    ),
    boundary=(
        "Id jämförs exakt; en anmärkning per okänd hänvisning.",
        "Ids are compared exactly; one finding per unknown reference.",
    ),
    fix=(
        "Rätta hänvisningen, eller lägg till mottagaren eller den närstående.",
        "Correct the reference, or add the recipient or relative.",
    ),
)


def _references(case: Case) -> list[tuple[str, str, Text]]:
    """Every id the process refers to: (path, id, what refers to it)."""
    process = case.process
    found: list[tuple[str, str, Text]] = []

    def named(path: str, values: frozenset[str], sv: str, en: str) -> None:
        found.extend((path, value, Text(sv=sv, en=en)) for value in sorted(values))

    for index, notice in enumerate(process.admission_notices):
        named(
            f"admission_notices[{index}].to",
            notice.to,
            "Inskrivningsmeddelandet",
            "The notice of admission",
        )
    if process.care_contact is not None:
        named(
            "care_contact.unit",
            frozenset({process.care_contact.unit}),
            "Den fasta vårdkontakten",
            "The named care contact",
        )
    if process.planning is not None:
        named(
            "planning.invited",
            process.planning.invited,
            "Kallelsen till vårdplaneringen",
            "The invitation to the planning meeting",
        )
        named(
            "planning.attended",
            process.planning.attended,
            "Vårdplaneringen",
            "The planning meeting",
        )
    if process.ready_notice is not None:
        named(
            "ready_notice.to",
            process.ready_notice.to,
            "Underrättelsen om utskrivningsklar",
            "The notice of readiness for discharge",
        )
    if process.sip_invitation is not None:
        named(
            "sip_invitation.by",
            frozenset({process.sip_invitation.by}),
            "Kallelsen till SIP",
            "The SIP invitation",
        )
        named(
            "sip_invitation.to",
            process.sip_invitation.to,
            "Kallelsen till SIP",
            "The SIP invitation",
        )
    for index, transfer in enumerate(process.transfers):
        named(
            f"transfers[{index}].to",
            frozenset({transfer.to}),
            "Informationsöverföringen",
            "The information transfer",
        )
    for index, recipient in enumerate(process.recipients):
        if recipient.given_by is not None:
            named(
                f"recipients[{index}].given_by",
                frozenset({recipient.given_by}),
                "Mottagarens uppgiftslämnare",
                "The recipient's source",
            )
    for r_index, relative in enumerate(process.relatives):
        for s_index, stage in enumerate(relative.stages):
            if stage.given_by is not None:
                named(
                    f"relatives[{r_index}].stages[{s_index}].given_by",
                    frozenset({stage.given_by}),
                    "Informationen i skedet",
                    "The information at the stage",
                )
    return found


def _unknown_references(found: Findings, case: Case) -> None:
    for path, value, what in _references(case):
        if value not in case.known_ids:
            found.add(DIS_UNKNOWN_REFERENCE, path, what=what, id=value)


# --- the notice of admission ------------------------------------------------------------------

DIS_ADMISSION_NOTICE_LATE = discharge_rule(
    "DIS-ADMISSION-NOTICE-LATE",
    Severity.ERROR,
    ("Inskrivningsmeddelandet är sent", "The notice of admission is late"),
    (
        "Läkaren bedömde att insatser kan behövas efter utskrivningen: inskrivningsmeddelandet till {who} ska skickas inom {hours} timmar från inskrivningen, före {due}; {sent}.",
        "The physician judged that services may be needed after discharge: the notice of admission to {who} must be sent within {hours} hours of the admission, before {due}; {sent}.",
    ),
    (DISCHARGE_COOPERATION,),
    ("seed-000", "seed-002"),
    domain=(22,),
    applies_to=("DischargeProcess",),
    condition=(
        "Läkaren bedömde att insatser kan behövas (support_may_be_needed) och en mottagare vars roll ska få inskrivningsmeddelande (admission_notice_roles) fick det inte inom admission_notice_hours timmar från inskrivningen (admitted_at), eller har inte fått det när fristen gått ut före den dag som bedöms.",
        "The physician judged services may be needed (support_may_be_needed) and a recipient whose role gets a notice of admission (admission_notice_roles) did not get it within admission_notice_hours elapsed hours of admitted_at, or has not got it when the deadline has passed before the day judged.",
    ),
    boundary=(
        "Fristen är förfluten tid (UTC): skickat en sekund före admitted_at + admission_notice_hours är i tid, exakt då är för sent. Det första meddelandet till mottagaren räknas.",
        "The deadline is elapsed time (UTC): sent one second before admitted_at + admission_notice_hours is in time, exactly then is late. The first notice to the recipient counts.",
    ),
    fix=(
        "Skicka inskrivningsmeddelandet i tid och registrera det i admission_notices (to och sent_at).",
        "Send the notice of admission in time and record it in admission_notices (to and sent_at).",
    ),
)


def _admission_notices(found: Findings, case: Case) -> None:
    for index, deadline in admission_notice_deadlines(case.process, case.policy, on=case.on):
        if deadline.status.failed:
            found.add(
                DIS_ADMISSION_NOTICE_LATE,
                f"recipients[{index}]",
                who=case.who(deadline.about),
                hours=case.policy.admission_notice_hours,
                due=deadline.due,
                sent=_sent(deadline.done_at),
            )


# --- the fast vårdkontakt ---------------------------------------------------------------------

DIS_NO_CARE_CONTACT = discharge_rule(
    "DIS-NO-CARE-CONTACT",
    Severity.WARNING,
    ("Ingen fast vårdkontakt", "No named care contact"),
    (
        "Ingen fast vårdkontakt i öppenvården var utsedd när patienten anmäldes utskrivningsklar ({notified}); det är hen som samordnar och kallar till SIP.",
        "No named care contact in öppenvården had been appointed when the patient was notified as ready for discharge ({notified}); they coordinate and call the SIP.",
    ),
    (DISCHARGE_COOPERATION,),
    ("seed-000",),
    domain=(22,),
    applies_to=("DischargeProcess",),
    condition=(
        "Insatser kan behövas (support_may_be_needed), patienten har anmälts utskrivningsklar (ready_notice) och ingen fast vårdkontakt var utsedd då: care_contact saknas eller appointed_at ligger efter ready_notice.sent_at.",
        "Services may be needed (support_may_be_needed), the patient has been notified ready for discharge (ready_notice) and no named care contact had been appointed by then: no care_contact, or appointed_at after ready_notice.sent_at.",
    ),
    boundary=(
        "Utsedd i samma ögonblick som underrättelsen skickas räcker; en sekund senare slår regeln till.",
        "Appointed at the very moment the ready notice is sent is enough; one second later fires.",
    ),
    fix=(
        "Utse en fast vårdkontakt i öppenvården före underrättelsen och ange care_contact med appointed_at.",
        "Appoint a named care contact in öppenvården before the ready notice and record care_contact with appointed_at.",
    ),
)


def _care_contact(found: Findings, case: Case) -> None:
    process = case.process
    notice = process.ready_notice
    if not process.admission.support_may_be_needed or notice is None:
        return
    contact = process.care_contact
    if contact is None or contact.appointed_at > notice.sent_at:
        found.add(DIS_NO_CARE_CONTACT, "care_contact", notified=notice.sent_at)


# --- the SIP invitation -------------------------------------------------------------------------

DIS_SIP_INVITATION_LATE = discharge_rule(
    "DIS-SIP-INVITATION-LATE",
    Severity.ERROR,
    ("Kallelsen till SIP är sen", "The SIP invitation is late"),
    (
        "Patienten behöver insatser från både kommun och region: kallelsen till SIP ska skickas inom {days} dagar från underrättelsen om utskrivningsklar ({notified}), senast {last_day}; {sent}.",
        "The patient needs services from both the municipality and the region: the SIP invitation must be sent within {days} days of the notice of readiness for discharge ({notified}), by {last_day}; {sent}.",
    ),
    (DISCHARGE_COOPERATION, SIP_HEALTH_CARE, SIP_SOCIAL_SERVICES),
    ("seed-001",),
    domain=(21, 22),
    applies_to=("DischargeProcess",),
    condition=(
        "En SIP behövs (sip_needed), underrättelsen om utskrivningsklar är skickad och kallelsen till SIP skickades efter den sista dagen (underrättelsens dag + sip_invitation_days), eller är inte skickad när den dagen har gått.",
        "A SIP is needed (sip_needed), the ready notice has been sent and the SIP invitation was sent after the last day (the notice's day + sip_invitation_days), or is not sent once that day has passed.",
    ),
    boundary=(
        "Skickad när som helst på den sista dagen (Stockholms tid) är i tid; vid midnatt efter den är det för sent.",
        "Sent any time on the last day (Stockholm time) is in time; from the midnight after it is late.",
    ),
    fix=(
        "Skicka kallelsen inom fristen och registrera sip_invitation med sent_at.",
        "Send the invitation within the deadline and record sip_invitation with sent_at.",
    ),
)


def _sip_invitation(found: Findings, case: Case) -> None:
    deadline = sip_invitation_deadline(case.process, case.policy, on=case.on)
    if deadline is None or not deadline.status.failed:
        return
    found.add(
        DIS_SIP_INVITATION_LATE,
        "sip_invitation",
        days=case.policy.sip_invitation_days,
        notified=deadline.runs.start,
        last_day=(deadline.runs.start.date() + timedelta(days=case.policy.sip_invitation_days)),
        sent=_sent(deadline.done_at),
    )


# --- the municipality's payment responsibility -------------------------------------------------

DIS_PAYMENT_RESPONSIBILITY = discharge_rule(
    "DIS-PAYMENT-RESPONSIBILITY",
    Severity.INFO,
    ("Kommunens betalningsansvar löper", "The municipality's payment responsibility runs"),
    (
        "Patienten är kvar på sjukhus efter att kommunens betalningsansvar inträdde {starts}; kommunen betalar hittills för {days} vårddygn ({policy}).",
        "The patient stays in hospital after the municipality's payment responsibility started on {starts}; so far the municipality pays for {days} day(s) ({policy}).",
    ),
    (DISCHARGE_COOPERATION,),
    (),
    domain=(22,),
    applies_to=("DischargeProcess",),
    condition=(
        "Kommunen har fått både inskrivningsmeddelande och underrättelse om utskrivningsklar, betalningsansvaret har inträtt (payment_days kalenderdagar efter underrättelsens dag, eller dagen efter om den skickades efter payment_cutoff_hour) och patienten är kvar på sjukhus minst ett dygn därefter.",
        "The municipality has received both the notice of admission and the ready notice, its payment responsibility has started (payment_days calendar days after the notice's day, or the day after if sent after payment_cutoff_hour) and the patient stays in hospital at least one day after that.",
    ),
    boundary=(
        "Vårddygn räknas från och med startdagen till utskrivningsdagen (den räknas inte), eller till och med den dag som bedöms; noll dygn ger ingen info.",
        "Hospital days count from the start day up to the discharge day (not counted), or up to and including the day judged; zero days gives no info.",
    ),
    fix=(
        "Ingen rättelse: en upplysning om att kommunen betalar; skriv ut patienten eller ordna insatser för att korta tiden.",
        "No correction: information that the municipality pays; discharge the patient or arrange services to shorten the time.",
    ),
)


def _payment(found: Findings, case: Case) -> None:
    payment = payment_responsibility(case.process, case.policy)
    days = payment.days_payable(case.process.discharge_on, case.on)
    if payment.starts_on is not None and days > 0:
        found.add(
            DIS_PAYMENT_RESPONSIBILITY,
            "ready_notice.sent_at",
            starts=payment.starts_on,
            days=days,
            policy=case.policy.name,
        )


RULES = (
    DIS_DUPLICATE_ID,
    DIS_UNKNOWN_REFERENCE,
    DIS_ADMISSION_NOTICE_LATE,
    DIS_NO_CARE_CONTACT,
    DIS_SIP_INVITATION_LATE,
    DIS_PAYMENT_RESPONSIBILITY,
)
"""This module's rules, in the order they are applied."""


def check_steps(found: Findings, case: Case) -> None:
    """Apply this module's rules to ``case``."""
    _duplicate_ids(found, case)
    _unknown_references(found, case)
    _admission_notices(found, case)
    _care_contact(found, case)
    _sip_invitation(found, case)
    _payment(found, case)
