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
