"""The rules of the information transfer: a basis for every need, sent in time, over a
channel that reaches the recipient.

Every need is decided by the consent engine (:mod:`anhorig.discharge.transfers`); these
rules read the decisions. A relative who said they do not want information is not
counted as needing it (the engine denies it: CONSENT-RECIPIENT-DECLINES), unless it was
sent to them anyway.

References:
    - Lag (2017:612): information is transferred no later than the day of discharge,
      "om sekretess eller tystnadsplikt inte hindrar".
    - Offentlighets- och sekretesslag (2009:400) 25 kap. 1 §, 26 kap. 1 §, 12 kap. 2 §.
    - Seed 002: WebCare did not reach home care, special housing or primary-care
      rehabilitation; "Telefon är en vanlig men inte säker informationskanal".
"""

from __future__ import annotations

from anhorig.discharge.deadlines import transfer_due
from anhorig.discharge.rules._common import Case, Findings, discharge_rule
from anhorig.discharge.transfers import TransferDecision
from anhorig.findings import Severity
from anhorig.language import Text
from anhorig.law import (
    CONSENT_WAIVER,
    DISCHARGE_COOPERATION,
    SECRECY_HEALTH_CARE,
    SECRECY_SOCIAL_SERVICES,
)
from anhorig.time import day_interval

__all__ = [
    "DIS_DISCLOSED_WITHOUT_BASIS",
    "DIS_RECIPIENT_NO_CHANNEL",
    "DIS_RECIPIENT_UNRELIABLE_CHANNEL",
    "DIS_TRANSFER_LATE",
    "DIS_TRANSFER_NO_BASIS",
    "RULES",
    "check_information",
    "why",
]

_SECRECY = (DISCHARGE_COOPERATION, SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES, CONSENT_WAIVER)


def why(decision: TransferDecision) -> Text:
    """The consent engine's reasons for a decision, in one sentence per language."""
    reasons = decision.decision.reasons
    if not reasons:
        return Text(
            sv=decision.decision.outcome.label("sv"), en=decision.decision.outcome.label("en")
        )
    return Text(
        sv=" ".join(r.message.sv for r in reasons),
        en=" ".join(r.message.en for r in reasons),
    )


def _path(case: Case, decision: TransferDecision) -> str:
    for index, recipient in enumerate(case.process.recipients):
        if recipient.id == decision.to:
            return f"recipients[{index}].needs"
    for index, relative in enumerate(case.process.relatives):
        if relative.id == decision.to:
            return f"relatives[{index}].needs"
    return "$"  # pragma: no cover - decisions are made only for known ids


# --- a basis for every need ---------------------------------------------------------------------

DIS_TRANSFER_NO_BASIS = discharge_rule(
    "DIS-TRANSFER-NO-BASIS",
    Severity.ERROR,
    ("Mottagaren får inte informationen", "The recipient may not be given the information"),
    (
        "{who} behöver {category} men får inte få det den {at} ({outcome}): {why} Be {patient} om samtycke, eller ange en annan grund, före utskrivningsdagen.",
        "{who} needs {category} but may not be given it on {at} ({outcome}): {why} Ask {patient} for consent, or record another basis, before the day of discharge.",
    ),
    _SECRECY,
    ("seed-002",),
    domain=(6, 22),
    applies_to=("DischargeProcess",),
    condition=(
        "En mottagare eller närstående behöver en kategori av uppgifter (needs) men samtyckesmotorn ger inget stöd för att lämna den vid tidpunkten, den är inte skickad och mottagaren har inte avböjt.",
        "A recipient or relative needs a category of information (needs) but the consent engine gives no basis to disclose it at the time, it is not sent and the recipient has not declined.",
    ),
    boundary=(
        "Ett samtycke eller en annan grund i kraft vid tidpunkten räcker; en närstående som avböjt räknas inte som behövande.",
        "A consent or another basis in force at the time is enough; a relative who declined is not counted as needing it.",
    ),
    fix=(
        "Be patienten om samtycke, eller registrera en annan grund, innan uppgifterna lämnas.",
        "Ask the patient for consent, or record another basis, before the information is given.",
    ),
)

DIS_DISCLOSED_WITHOUT_BASIS = discharge_rule(
    "DIS-DISCLOSED-WITHOUT-BASIS",
    Severity.ERROR,
    ("Information lämnad utan stöd", "Information given without a basis"),
    (
        "{who} fick {category} den {at} utan stöd ({outcome}): {why}",
        "{who} was given {category} on {at} without a basis ({outcome}): {why}",
    ),
    _SECRECY,
    ("socialstyrelsen-samtycke",),
    domain=(6, 12),
    applies_to=("DischargeProcess",),
    condition=(
        "Uppgifter har lämnats (sent_at eller informed_at) fast samtyckesmotorn inte ger stöd för det vid den tidpunkten.",
        "Information was given (sent_at or informed_at) although the consent engine gives no basis for it at that moment.",
    ),
    boundary=(
        "Grunden prövas vid ögonblicket uppgifterna lämnades; ett samtycke som börjar gälla en sekund senare räcker inte.",
        "The basis is judged at the moment the information was given; a consent taking effect one second later is not enough.",
    ),
    fix=(
        "Registrera den grund som fanns (samtycke eller annat) om den saknas i dokumentet; annars är det ett sekretessbrott att utreda.",
        "Record the basis there was (consent or another) if the document lacks it; otherwise it is a breach of secrecy to look into.",
    ),
)


def _bases(found: Findings, case: Case) -> None:
    patient = str(case.process.patient)
    for decision in case.decisions:
        if decision.permitted:
            continue
        params: dict[str, object] = {
            "who": case.who(decision.to),
            "category": decision.category.text,
            "at": decision.asked_at,
            "outcome": decision.decision.outcome.text,
            "why": why(decision),
        }
        if decision.sent_at is not None:
            found.add(DIS_DISCLOSED_WITHOUT_BASIS, _path(case, decision), **params)
        elif not decision.declined:
            found.add(DIS_TRANSFER_NO_BASIS, _path(case, decision), patient=patient, **params)


# --- sent no later than the day of discharge --------------------------------------------------

DIS_TRANSFER_LATE = discharge_rule(
    "DIS-TRANSFER-LATE",
    Severity.ERROR,
    ("Informationen överfördes inte i tid", "The information was not transferred in time"),
    (
        "{who} behöver {category}, som får lämnas, och ska få det senast utskrivningsdagen {day}; {sent}.",
        "{who} needs {category}, which may be given, and must have it by the day of discharge, {day}; {sent}.",
    ),
    (DISCHARGE_COOPERATION,),
    ("seed-002",),
    domain=(22,),
    applies_to=("DischargeProcess",),
    condition=(
        "En mottagare (inte närstående) behöver uppgifter som får lämnas och fick dem inte senast utskrivningsdagen: skickade vid eller efter midnatt efter utskrivningsdagen, eller inte skickade när den dagen har gått.",
        "A recipient (not a relative) needs information that may be given and did not get it by the day of discharge: sent at or after the midnight after the discharge day, or not sent once that day has passed.",
    ),
    boundary=(
        "Skickat när som helst på utskrivningsdagen (Stockholms tid) är i tid; vid midnatt efter den är det för sent.",
        "Sent any time on the discharge day (Stockholm time) is in time; from the midnight after it is late.",
    ),
    fix=(
        "Skicka uppgifterna senast utskrivningsdagen och registrera överföringen.",
        "Send the information by the discharge day and record the transfer.",
    ),
)


def _in_time(found: Findings, case: Case) -> None:
    process = case.process
    due = transfer_due(process)
    if due is None or process.discharge_on is None:
        return
    judged = day_interval(case.on).start
    for decision in case.decisions:
        if not decision.permitted or process.recipient(decision.to) is None:
            continue  # relatives are told at each stage, not by the discharge day
        sent = decision.sent_at
        if (sent is not None and sent >= due) or (sent is None and due <= judged):
            found.add(
                DIS_TRANSFER_LATE,
                _path(case, decision),
                who=case.who(decision.to),
                category=decision.category.text,
                day=process.discharge_on,
                sent=Text(sv="skickat {at}", en="sent {at}").format(at=sent)
                if sent is not None
                else Text(sv="inte skickat", en="not sent"),
            )


# --- a channel that reaches the recipient -------------------------------------------------------

DIS_RECIPIENT_NO_CHANNEL = discharge_rule(
    "DIS-RECIPIENT-NO-CHANNEL",
    Severity.ERROR,
    ("Ingen väg att nå mottagaren", "No way to reach the recipient"),
    (
        "{who} behöver information men det finns ingen kanal att nå hen med före utskrivningsdagen.",
        "{who} needs information but there is no channel to reach them before the day of discharge.",
    ),
    (DISCHARGE_COOPERATION,),
    ("seed-002",),
    domain=(22,),
    applies_to=("DischargeProcess",),
    condition=(
        "En mottagare eller närstående som behöver uppgifter (och inte avböjt) har ingen kanal (channels är tom).",
        "A recipient or relative who needs information (and has not declined) has no channel (channels is empty).",
    ),
    boundary=(
        "En kanal, vilken som helst, räcker för denna regel.",
        "Any one channel is enough for this rule.",
    ),
    fix=(
        "Ange hur mottagaren nås i channels, helst en säker kanal.",
        "Give how the recipient is reached in channels, preferably a reliable one.",
    ),
)

DIS_RECIPIENT_UNRELIABLE_CHANNEL = discharge_rule(
    "DIS-RECIPIENT-UNRELIABLE-CHANNEL",
    Severity.WARNING,
    ("Mottagaren nås bara osäkert", "The recipient is reached only unreliably"),
    (
        "{who} nås bara via {channels}: en vanlig men inte säker kanal, som gör överföringen personberoende.",
        "{who} is reached only by {channels}: a common but unreliable channel that makes the transfer depend on a person.",
    ),
    (DISCHARGE_COOPERATION,),
    ("seed-002",),
    applies_to=("DischargeProcess",),
    condition=(
        "En mottagare eller närstående som behöver uppgifter nås bara via kanaler som riktlinjen inte räknar som säkra (inga av reliable_channels).",
        "A recipient or relative who needs information is reached only by channels the policy does not count as reliable (none of reliable_channels).",
    ),
    boundary=(
        "En säker kanal bland flera räcker.",
        "One reliable channel among several is enough.",
    ),
    fix=(
        "Lägg till en säker kanal (t.ex. det gemensamma IT-stödet) i channels.",
        "Add a reliable channel (the shared IT system, say) to channels.",
    ),
)


def _channels(found: Findings, case: Case) -> None:
    declined = {d.to for d in case.decisions if d.declined}
    addressees = [
        (f"recipients[{i}].channels", r.id, r.needs, r.channels)
        for i, r in enumerate(case.process.recipients)
    ] + [
        (f"relatives[{i}].channels", r.id, r.needs, r.channels)
        for i, r in enumerate(case.process.relatives)
    ]
    for path, addressee, needs, channels in addressees:
        if not needs or addressee in declined:
            continue
        if not channels:
            found.add(DIS_RECIPIENT_NO_CHANNEL, path, who=case.who(addressee))
        elif not channels & case.policy.reliable_channels:
            names = sorted(channels)
            found.add(
                DIS_RECIPIENT_UNRELIABLE_CHANNEL,
                path,
                who=case.who(addressee),
                channels=Text(
                    sv=", ".join(c.label("sv") for c in names),
                    en=", ".join(c.label("en") for c in names),
                ),
            )


RULES = (
    DIS_TRANSFER_NO_BASIS,
    DIS_DISCLOSED_WITHOUT_BASIS,
    DIS_TRANSFER_LATE,
    DIS_RECIPIENT_NO_CHANNEL,
    DIS_RECIPIENT_UNRELIABLE_CHANNEL,
)
"""This module's rules, in the order they are applied."""


def check_information(found: Findings, case: Case) -> None:
    """Apply this module's rules to ``case``."""
    _bases(found, case)
    _in_time(found, case)
    _channels(found, case)
