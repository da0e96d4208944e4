"""The bases that need no consent: listening, a report of concern, a relative who does
not want information, the exchange between health care and social services, and a
patient who cannot take in information (DOMAIN.md rules 5, 9, 10, 11 and 12).

Each rule stands directly above the condition that finds it;
:func:`anhorig.consent.rules.procedure.decide` applies them in the law's order.

References:
    - Seed 001: "lyssna kan man alltid göra"; seed 003.
    - Socialtjänstlag (2001:453) 14 kap. 1 §; Socialtjänstlag (2025:400) 19 kap. 1 §;
      Offentlighets- och sekretesslag (2009:400) 10 kap. 28 §.
    - Offentlighets- och sekretesslag (2009:400) 25 kap. 12 §, 26 kap. 9 §.
    - Patientlag (2014:821) 3 kap. 4 §.
"""

from __future__ import annotations

from datetime import date

import attrs

from anhorig import _checks
from anhorig.consent._compiled import Question
from anhorig.consent.decision import Decision, Obligation, ObligationKind, Outcome
from anhorig.consent.model import (
    Action,
    Circumstance,
    InfoCategory,
    Organisation,
    Principal,
    Purpose,
    RecipientKind,
    RecipientRole,
    Sector,
    person_key,
)
from anhorig.consent.rules._common import (
    BASIS_NOT_MET,
    Deferred,
    LaterFinding,
    Name,
    Verdict,
    Words,
    basis_of,
    finding,
    is_child,
    recipient_text,
    rule,
)
from anhorig.findings import Severity
from anhorig.language import Text
from anhorig.law import (
    DUTY_OVERRIDES_SECRECY,
    HEALTH_SOCIAL_EXCHANGE_HEALTH,
    HEALTH_SOCIAL_EXCHANGE_SOCIAL,
    PATIENT_CANNOT_TAKE_IN,
    REPORT_OF_CONCERN,
    REPORTERS,
    SECRECY_BOUNDARIES,
    LawTopic,
    Reporter,
)
from anhorig.people import Person

__all__ = [
    "BRANCH_BOUNDARY",
    "CARE_EXCHANGE",
    "EXCHANGE_SECTIONS",
    "LISTENING",
    "PATIENT_CANNOT_TAKE_IN_BASIS",
    "RECIPIENT_DECLINES",
    "REPORT_OF_CONCERN_BASIS",
    "WITHIN_AUTHORITY",
    "ExchangeSection",
    "care_exchange",
    "exchange_section",
    "listening",
    "patient_cannot_take_in",
    "recipient_declines",
    "report_of_concern",
    "reporter_for",
    "within_authority",
]


# --- 5: listening is always allowed -----------------------------------------------------

LISTENING = rule(
    "CONSENT-LISTENING",
    Severity.INFO,
    ("Lyssna kan man alltid", "Listening is always allowed"),
    (
        "Att ta emot uppgifter från {recipient} kräver inget samtycke: sekretess begränsar "
        "utlämnande, inte att lyssna. Det som sägs dokumenteras och skyddas i sin tur.",
        "Taking in information from {recipient} needs no consent: secrecy limits disclosure, "
        "not listening. What is said is documented and is itself protected.",
    ),
    sources=("seed-001", "seed-003"),
    domain=(5,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Begäran gäller att ta emot uppgifter (action collect): att lyssna kräver inget samtycke.",
        "The request is to take information in (action collect): listening needs no consent.",
    ),
    boundary=(
        "Bara action collect; disclose och access prövas på andra grunder.",
        "Only action collect; disclose and access are judged on other bases.",
    ),
    fix=(
        "Ingen rättelse: dokumentera vad som sades.",
        "No correction: document what was said.",
    ),
)


def listening(q: Question, on: date) -> Decision | None:
    """PERMIT when the holder takes information in (``COLLECT``); else ``None``."""
    request = q.request
    if request.action is not Action.COLLECT:
        return None
    return Decision.later(
        Outcome.PERMIT,
        (Obligation.of(ObligationKind.DOCUMENT_WHAT_WAS_SAID),),
        (basis_of(LISTENING, Name(request.subject), on),),
        (finding(LISTENING, "$.action", on, recipient=Deferred(recipient_text, request)),),
    )


# --- 6: within one branch of one authority no secrecy boundary is crossed ---------------

WITHIN_AUTHORITY = rule(
    "CONSENT-WITHIN-AUTHORITY",
    Severity.INFO,
    ("Ingen sekretessgräns passeras", "No secrecy boundary is crossed"),
    (
        "{holder} använder uppgiften inom sin egen verksamhetsgren ({branch}): sekretess gäller "
        "mot andra myndigheter och mellan självständiga verksamhetsgrenar inom en myndighet, "
        "inte inom en och samma verksamhetsgren. Bara den som behöver uppgiften i sitt arbete "
        "bör ta del av den.",
        "{holder} uses the information within its own branch ({branch}): secrecy applies "
        "against other authorities and between independent branches within an authority, "
        "not within one branch. Only those who need it in their work should see it.",
    ),
    law=(SECRECY_BOUNDARIES,),
    domain=(6,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Mottagaren är samma organisation som håller uppgiften (recipient.organisation = holder), och uppgiften hör till dess egen verksamhetsgren: hälso- och sjukvårdsuppgifter hos en huvudman inom hälso- och sjukvården, socialtjänstuppgifter inom socialtjänsten.",
        "The recipient is the organisation that holds the information (recipient.organisation = holder), and the information belongs to its own branch: health-care information at a health-care organisation, social-services information in social services.",
    ),
    boundary=(
        "Samma id på innehavare och mottagare avgör; en annan nämnd i samma kommun är en annan organisation och en vanlig prövning görs.",
        "The same id on holder and recipient decides; another committee of the same municipality is another organisation and the normal decision is made.",
    ),
    fix=(
        "Ingen åtgärd: ett beslut att använda uppgiften inom verksamhetsgrenen. Bara den som behöver uppgiften i sitt arbete bör ta del av den.",
        "Nothing to mend: a decision to use the information within the branch. Only those who need it in their work should see it.",
    ),
)
BRANCH_BOUNDARY = rule(
    "CONSENT-BRANCH-BOUNDARY",
    Severity.INFO,
    ("Sekretessgräns inom myndigheten", "A secrecy boundary within the authority"),
    (
        "Uppgiften hör till verksamhetsgrenen {from_branch}, men {holder} är {to_branch}: "
        "självständiga verksamhetsgrenar inom en myndighet räknas som olika myndigheter, så "
        "sekretessen gäller mellan dem och uppgiften behöver stöd för att lämnas över.",
        "The information belongs to the branch {from_branch}, but {holder} is {to_branch}: "
        "independent branches within one authority count as separate authorities, so "
        "secrecy applies between them and the information needs a basis to pass.",
    ),
    law=(SECRECY_BOUNDARIES,),
    domain=(6,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Mottagaren är samma organisation som innehavaren, men uppgiften hör till en annan verksamhetsgren än organisationens (t.ex. hälso- och sjukvårdsuppgifter hos socialnämnden).",
        "The recipient is the holder's own organisation, but the information belongs to another branch than the organisation's (health-care information held by the social welfare committee, say).",
    ),
    boundary=(
        "Grenen bestäms av uppgiftens översta kategori (hälso- och sjukvård eller socialtjänst) mot organisationens sektor; samma gren ger CONSENT-WITHIN-AUTHORITY i stället.",
        "The branch is the information's top category (health care or social services) against the organisation's sector; the same branch gives CONSENT-WITHIN-AUTHORITY instead.",
    ),
    fix=(
        "Ett skäl, inte ett fel: beslutet prövas som över en gräns mellan myndigheter; inhämta samtycke eller ange ett lagstöd.",
        "A reason, not an error: the decision is made as across a boundary between authorities; obtain consent or name a legal basis.",
    ),
)

_BRANCH = {
    InfoCategory.HEALTH_CARE: Sector.HEALTH_CARE,
    InfoCategory.SOCIAL_SERVICES: Sector.SOCIAL_SERVICES,
}
"""The branch (*verksamhetsgren*) information of each top category belongs to: the
secrecy chapter it falls under (OSL 25 or 26 kap.)."""


def _branch(sector: Sector) -> Text:
    return Text(sv=sector.label("sv"), en=sector.label("en"))


_COLLECT = Action.COLLECT
_ORGANISATION = RecipientKind.ORGANISATION
"""Read on every decision: module constants (in Python 3.11 ``Enum.MEMBER`` costs
about 0.2 µs, through ``EnumType.__getattr__``'s hook)."""


def within_authority(q: Question, on: date, leading: list[LaterFinding]) -> Decision | None:
    """PERMIT when the holder discloses to or reads for itself (the recipient is the
    same organisation) information of its own branch: no secrecy boundary is crossed
    (OSL 8 kap. 1–2 §§). Information of another branch crosses one, which goes to
    ``leading``; the decision then goes on as across any boundary."""
    request = q.request
    recipient = q.recipient
    org = recipient.organisation if recipient.kind is _ORGANISATION else None
    if request.action is _COLLECT or org is None or org.id != q.holder.id:
        return None
    branch = _BRANCH[request.category.root]
    if q.holder.sector is not branch:
        leading.append(
            finding(
                BRANCH_BOUNDARY,
                "$.category",
                on,
                from_branch=_branch(branch),
                holder=Deferred(str, q.holder),
                to_branch=_branch(q.holder.sector),
            )
        )
        return None
    subjects = {person_key(p): p for p in request.subjects}
    return Decision.later(
        Outcome.PERMIT,
        (),
        [basis_of(WITHIN_AUTHORITY, Name(p), on) for p in subjects.values()],
        (
            finding(
                WITHIN_AUTHORITY,
                "$.recipient",
                on,
                holder=Deferred(str, q.holder),
                branch=_branch(branch),
            ),
        ),
    )


# --- 9: a report of concern about a child ----------------------------------------------

REPORT_OF_CONCERN_BASIS = rule(
    "CONSENT-REPORT-OF-CONCERN",
    Severity.INFO,
    ("Orosanmälan bryter sekretessen", "A report of concern overrides secrecy"),
    (
        "Anmälan om oro för barnet {child} till socialnämnden: {holder} {duty}.",
        "A report of concern about the child {child} to the social welfare committee: "
        "{holder} {duty}.",
    ),
    law=(REPORT_OF_CONCERN, DUTY_OVERRIDES_SECRECY),
    domain=(9,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "En orosanmälan åberopas (report_of_concern) för utlämnande (disclose) med ändamålet child_protection till socialnämnden (kommunal organisation inom socialtjänst), och minst en av personerna är barn vid tidpunkten.",
        "A report of concern is asserted (report_of_concern) for a disclosure with purpose child_protection to the social welfare committee (a municipal organisation in social services), and at least one of the people is a child at the instant.",
    ),
    boundary=(
        "Ett barn är under 18 fram till midnatt när hen fyller 18; uppfylls inte villkoren ges CONSENT-BASIS-NOT-MET och beslutet fattas på annan grund.",
        "A child is under 18 until midnight starting the 18th birthday; if the conditions fail, CONSENT-BASIS-NOT-MET is given and another basis decides.",
    ),
    fix=(
        "Ingen rättelse: anmäl genast och dokumentera utlämnandet.",
        "No correction: report at once and document the disclosure.",
    ),
)


def _duty_text(reporter: Reporter, holder: Organisation) -> Text:
    if reporter.duty:
        return Text(
            sv=f"räknas till {reporter.who.sv} och är skyldig att anmäla genast; skyldigheten "
            "i lag bryter sekretessen, oavsett samtycke",
            en=f"counts among {reporter.who.en} and must report at once; the statutory duty "
            "overrides secrecy, whatever the consents",
        )
    if _public_elsewhere(holder):
        # The law gives the duty to authorities whose activities concern children (a
        # school, say); nothing recorded of an organisation says whether its do.
        children = REPORTERS["authorities_for_children"].who
        return Text(
            sv=f"är en myndighet utanför hälso- och sjukvården och socialtjänsten: hör den "
            f"till {children.sv} (till exempel skola eller förskola) är den skyldig att "
            "anmäla genast, annars bör den anmäla; skyldigheten i lag bryter sekretessen",
            en=f"is an authority outside health care and social services: if it is among "
            f"{children.en} (a school or preschool, say) it must report at once, otherwise "
            "it should; the statutory duty overrides secrecy",
        )
    return Text(
        sv=f"har ingen skyldighet i lag att anmäla men bör göra det, som {reporter.who.sv}; "
        "skyldigheten har myndigheter och yrkesverksamma vars verksamhet berör barn, hälso- "
        "och sjukvård eller socialtjänst",
        en=f"has no statutory duty to report but should, as {reporter.who.en} should; the "
        "duty lies with authorities and professionals whose activities concern children, "
        "health care or social services",
    )


def _public_elsewhere(holder: Organisation) -> bool:
    """A municipality's or region's authority outside health care and social services,
    whose duty to report depends on whether its activities concern children."""
    return holder.principal in (Principal.MUNICIPALITY, Principal.REGION) and (
        holder.sector not in (Sector.HEALTH_CARE, Sector.SOCIAL_SERVICES)
    )


def reporter_for(holder: Organisation) -> Reporter:
    """Who ``holder`` is as a reporter (:data:`anhorig.law.REPORTERS`): an authority or
    a private professional in health care or social services has the duty; anyone else
    (an organisation of another sector, whose activities may or may not concern
    children, or a voluntary organisation) should report. For a municipality's or
    region's authority of another sector the explanation says that the duty depends on
    whether its activities concern children, which nothing recorded shows."""
    public = holder.principal in (Principal.MUNICIPALITY, Principal.REGION)
    if holder.sector in (Sector.HEALTH_CARE, Sector.SOCIAL_SERVICES):
        if public:
            return REPORTERS["health_social_authorities"]
        if holder.principal is Principal.PRIVATE_PROVIDER:
            return REPORTERS["private_professionals"]
    return REPORTERS["anyone"]


def _concerned_child(q: Question, t: float) -> Person | None:
    request = q.request
    if request.concerns is not None:
        return request.concerns if is_child(request.concerns, t) else None
    return next((p for p in request.subjects if is_child(p, t)), None)


def _report_of_concern_fails(q: Question, t: float) -> Text | None:
    request = q.request
    org = q.recipient.organisation if q.recipient.kind is RecipientKind.ORGANISATION else None
    if request.action is not Action.DISCLOSE or request.purpose is not Purpose.CHILD_PROTECTION:
        return Text(
            sv="det gäller bara utlämnande med ändamålet skydd av barn",
            en="it only covers disclosure for the purpose of child protection",
        )
    if (
        org is None
        or org.principal is not Principal.MUNICIPALITY
        or org.sector is not Sector.SOCIAL_SERVICES
    ):
        return Text(
            sv="mottagaren måste vara socialnämnden",
            en="the recipient must be the social welfare committee",
        )
    if _concerned_child(q, t) is None:
        if request.concerns is not None:
            return Text(
                sv=f"barnet som anmälan gäller, {request.concerns}, är inte under 18 år vid "
                "tidpunkten",
                en=f"the child the report concerns, {request.concerns}, is not under 18 at "
                "that instant",
            )
        return Text(
            sv="ingen av personerna är ett barn vid tidpunkten, och inget barn anges som det "
            "anmälan gäller",
            en="none of the people is a child at that instant, and no child is named as the "
            "one the report concerns",
        )
    return None


def report_of_concern(
    q: Question, t: float, on: date, leading: list[LaterFinding]
) -> Decision | None:
    """PERMIT when a report of concern is asserted and holds, saying whether the holder
    must or should report; when it is asserted and does not, why goes to ``leading``."""
    if Circumstance.REPORT_OF_CONCERN not in q.circumstances:
        return None
    why = _report_of_concern_fails(q, t)
    if why is None:
        child = _concerned_child(q, t)
        reporter = reporter_for(q.holder)
        if reporter.duty:
            references = (*reporter.law.cite_all(on), *DUTY_OVERRIDES_SECRECY.cite_all(on))
            obligations: tuple[Obligation, ...] = (
                Obligation.of(ObligationKind.DOCUMENT_DISCLOSURE),
                Obligation.of(ObligationKind.REPORT_AT_ONCE),
            )
        else:
            references = reporter.law.cite_all(on)
            obligations = (Obligation.of(ObligationKind.DOCUMENT_DISCLOSURE),)
        found = finding(
            REPORT_OF_CONCERN_BASIS,
            "$.circumstances",
            on,
            child=str(child),
            holder=str(q.holder),
            duty=_duty_text(reporter, q.holder),
        )
        return Decision.later(
            Outcome.PERMIT,
            obligations,
            (
                basis_of(
                    REPORT_OF_CONCERN_BASIS, Name(q.request.subject), on, references=references
                ),
            ),
            (found.citing(references),),
        )
    leading.append(
        finding(
            BASIS_NOT_MET,
            "$.circumstances",
            on,
            basis=Text(sv="Orosanmälan", en="A report of concern"),
            why=why,
        )
    )
    return None


# --- 12: a relative who does not want information ---------------------------------------

RECIPIENT_DECLINES = rule(
    "CONSENT-RECIPIENT-DECLINES",
    Severity.INFO,
    ("Mottagaren vill inte ha informationen", "The recipient does not want the information"),
    (
        "{recipient} har sagt att hen inte vill ha information; den lämnas inte ut, "
        "oavsett samtycke.",
        "{recipient} has said they do not want information; it is not given, whatever "
        "the consents.",
    ),
    sources=("seed-003",),
    domain=(12,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Mottagaren är en person som har sagt att hen inte vill ha informationen (circumstances innehåller recipient_declines): den lämnas inte ut.",
        "The recipient is a person who said they do not want the information (circumstances holds recipient_declines): it is not given.",
    ),
    boundary=(
        "Bara en mottagare av slaget person; för en organisation har omständigheten ingen verkan.",
        "Only a recipient of kind person; for an organisation the circumstance has no effect.",
    ),
    fix=(
        "Lämna inte ut; fråga igen om mottagaren ändrat sig.",
        "Do not disclose; ask again whether the recipient changed their mind.",
    ),
)


def recipient_declines(q: Question, on: date, leading: list[LaterFinding]) -> Decision | None:
    """DENY when a person who receives it has said they do not want it."""
    request = q.request
    if (
        Circumstance.RECIPIENT_DECLINES not in q.circumstances
        or request.recipient.kind is not RecipientKind.PERSON
    ):
        return None
    return Decision.later(
        Outcome.DENY,
        (),
        (basis_of(RECIPIENT_DECLINES, Name(request.subject), on),),
        (
            *leading,
            finding(
                RECIPIENT_DECLINES,
                "$.recipient",
                on,
                recipient=Deferred(recipient_text, request),
            ),
        ),
    )


# --- 10: health care and social services, for certain groups (OSL 25:12, 26:9) ----------

CARE_EXCHANGE = rule(
    "CONSENT-CARE-EXCHANGE",
    Severity.INFO,
    (
        "Uppgiftsutbyte mellan vård och socialtjänst utan samtycke",
        "Exchange between health care and social services without consent",
    ),
    (
        "{subject} hör till en grupp ({group}) där uppgifter får lämnas {direction} utan "
        "samtycke, när det behövs för nödvändig vård, behandling eller annat stöd.",
        "{subject} belongs to a group ({group}) for whom information may be given "
        "{direction} without consent, when needed for necessary care, treatment or other "
        "support.",
    ),
    law=(HEALTH_SOCIAL_EXCHANGE_HEALTH, HEALTH_SOCIAL_EXCHANGE_SOCIAL),
    domain=(10,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Utlämnande (disclose) mellan hälso- och sjukvård och socialtjänst, av den avsändande verksamhetens egen kategori, när nödvändig vård åberopas (necessary_care) och personen är under 18, har ett fortgående missbruk eller vårdas med tvång (OSL 25 kap. 12 §, 26 kap. 9 §).",
        "A disclosure between health care and social services, of the sending field's own category, when necessary care is asserted (necessary_care) and the person is under 18, has continuous substance misuse or is in compulsory care (OSL 25:12, 26:9).",
    ),
    boundary=(
        "Under 18 fram till midnatt när personen fyller 18; utan någon av grupperna ges inget stöd här.",
        "Under 18 until midnight starting the 18th birthday; without any of the groups it gives no basis here.",
    ),
    fix=(
        "Ingen rättelse: utlämnandet har stöd i lag och ska dokumenteras.",
        "No correction: the disclosure has a legal basis and must be documented.",
    ),
)


@_checks.collecting
@attrs.frozen(kw_only=True)
class ExchangeSection:
    """What one exchange section covers, as data (*sekretessbrytande bestämmelse*).

    ``topic`` is the section (its reference carries the confidence and what is not
    verified); ``holder`` the branch whose secrecy it breaks, and whose information it
    lets go; ``recipients`` the branches it may go to; ``compulsory_care_acts`` the acts
    whose care puts a person in the group. A municipality that reads the statute
    otherwise corrects this table, not the code.
    """

    topic: LawTopic = attrs.field(validator=_checks.instance_of(LawTopic))
    holder: Sector = attrs.field(validator=_checks.instance_of(Sector))
    recipients: frozenset[Sector] = attrs.field(validator=_checks.each(Sector))
    compulsory_care_acts: tuple[str, ...] = attrs.field(validator=_checks.each(str))


EXCHANGE_SECTIONS: tuple[ExchangeSection, ...] = (
    ExchangeSection(
        topic=HEALTH_SOCIAL_EXCHANGE_HEALTH,
        holder=Sector.HEALTH_CARE,
        recipients=frozenset({Sector.HEALTH_CARE, Sector.SOCIAL_SERVICES}),
        compulsory_care_acts=("LPT", "LRV"),
    ),
    ExchangeSection(
        topic=HEALTH_SOCIAL_EXCHANGE_SOCIAL,
        holder=Sector.SOCIAL_SERVICES,
        recipients=frozenset({Sector.SOCIAL_SERVICES, Sector.HEALTH_CARE}),
        compulsory_care_acts=("LPT", "LRV"),
    ),
)
"""OSL 25 kap. 12 § (from health care) and 26 kap. 9 § (from social services): each
breaks its own chapter's secrecy, towards another authority of the same branch or the
other branch (medium confidence, see the references' ``unverified``)."""

_INFORMATION_OF = {
    Sector.HEALTH_CARE: InfoCategory.HEALTH_CARE,
    Sector.SOCIAL_SERVICES: InfoCategory.SOCIAL_SERVICES,
}
_TO = {
    Sector.HEALTH_CARE: Text(sv="hälso- och sjukvården", en="health care"),
    Sector.SOCIAL_SERVICES: Text(sv="socialtjänsten", en="social services"),
}


def _direction(section: ExchangeSection, to: Sector) -> Text:
    source = _TO[section.holder]
    if to is section.holder:
        return Text(
            sv=f"från {source.sv} till en annan myndighet inom {source.sv}",
            en=f"from {source.en} to another authority in {source.en}",
        )
    target = _TO[to]
    return Text(sv=f"från {source.sv} till {target.sv}", en=f"from {source.en} to {target.en}")


def _acts(acts: tuple[str, ...], word: str) -> str:
    return acts[0] if len(acts) == 1 else f"{', '.join(acts[:-1])} {word} {acts[-1]}"


def exchange_section(holder: Sector, to: Sector, category: InfoCategory) -> ExchangeSection | None:
    """The section that lets ``holder``'s information of ``category`` go to ``to``."""
    for section in EXCHANGE_SECTIONS:
        if (
            section.holder is holder
            and to in section.recipients
            and _INFORMATION_OF[holder] is category.root
        ):
            return section
    return None


def care_exchange(q: Question, person: Person, t: float, on: date) -> Verdict | None:
    """PERMIT for ``person`` when the exchange without consent applies to them."""
    request = q.request
    if request.action is not Action.DISCLOSE or Circumstance.NECESSARY_CARE not in q.circumstances:
        return None
    recipient = q.recipient
    org = recipient.organisation if recipient.kind is RecipientKind.ORGANISATION else None
    if org is None or org.id == q.holder.id:
        return None
    section = exchange_section(q.holder.sector, org.sector, request.category)
    if section is None:
        return None
    groups_sv: list[str] = []
    groups_en: list[str] = []
    if is_child(person, t):
        groups_sv.append("under 18 år")
        groups_en.append("under 18")
    if Circumstance.CONTINUOUS_SUBSTANCE_MISUSE in q.circumstances:
        groups_sv.append("fortgående missbruk")
        groups_en.append("continuous substance misuse")
    acts = section.compulsory_care_acts
    if Circumstance.COMPULSORY_CARE in q.circumstances and acts:
        groups_sv.append(f"vård enligt {_acts(acts, 'eller')}")
        groups_en.append(f"care under {_acts(acts, 'or')}")
    if not groups_sv:
        return None
    group = Text(sv=", ".join(groups_sv), en=", ".join(groups_en))
    subject = str(person)
    verdict = Verdict(Outcome.PERMIT)
    references = section.topic.cite_all(on)
    verdict.basis.append(basis_of(CARE_EXCHANGE, subject, on, references=references))
    found = finding(
        CARE_EXCHANGE,
        "$.subject",
        on,
        subject=subject,
        group=group,
        direction=_direction(section, org.sector),
    )
    verdict.reasons.append(found.citing(references))
    return verdict


# --- 11: a patient who cannot take in information (Patientlagen 3:4) --------------------

PATIENT_CANNOT_TAKE_IN_BASIS = rule(
    "CONSENT-PATIENT-CANNOT-TAKE-IN",
    Severity.INFO,
    ("Patienten kan inte ta del av informationen", "The patient cannot take in information"),
    (
        "{subject} kan inte ta del av informationen och det finns inga tecken på att hen "
        "skulle motsätta sig: den lämnas till närstående.",
        "{subject} cannot take in the information and there is no sign they would object: "
        "it goes to a relative.",
    ),
    law=(PATIENT_CANNOT_TAKE_IN,),
    domain=(11,),
    applies_to=("DisclosureRequest", "ConsentRecord"),
    condition=(
        "Det åberopas att patienten inte kan ta del av informationen, och hälso- och sjukvården lämnar ut hälso- och sjukvårdsuppgifter till en närstående person, utan tecken på att patienten skulle motsätta sig (Patientlagen 3 kap. 4 §).",
        "It is asserted that the patient cannot take in the information, and health care discloses health care information to a relative (a person), with no signs the patient would object (Patientlagen 3:4).",
    ),
    boundary=(
        "Tecken på att patienten skulle motsätta sig (signs_of_objection) räcker för att regeln inte ska gälla; då ges CONSENT-BASIS-NOT-MET.",
        "Signs the patient would object (signs_of_objection) are enough for it not to apply; CONSENT-BASIS-NOT-MET is given then.",
    ),
    fix=(
        "Ingen rättelse: lämna den information den närstående behöver och dokumentera det.",
        "No correction: give the relative the information they need and document it.",
    ),
)


def _cannot_take_in_fails(q: Question) -> Text | None:
    request = q.request
    if Circumstance.SIGNS_OF_OBJECTION in q.circumstances:
        return Text(
            sv="det finns tecken på att patienten skulle motsätta sig",
            en="there are signs the patient would object",
        )
    recipient = q.recipient
    if not (
        request.action is Action.DISCLOSE
        and request.category.root is InfoCategory.HEALTH_CARE
        and q.holder.sector is Sector.HEALTH_CARE
        and recipient.kind is RecipientKind.PERSON
        and recipient.role is RecipientRole.RELATIVE
    ):
        return Text(
            sv="det gäller bara hälso- och sjukvårdens information till en närstående person",
            en="it only covers health care information given to a relative",
        )
    return None


def patient_cannot_take_in(
    q: Question, subject: Words, on: date, reasons: list[LaterFinding]
) -> Verdict | None:
    """PERMIT when it is asserted that the patient cannot take the information in and
    the exception holds (with ``reasons`` after its own); when it is asserted and does
    not hold, why goes to ``reasons``."""
    if Circumstance.PATIENT_CANNOT_TAKE_IN not in q.circumstances:
        return None
    why = _cannot_take_in_fails(q)
    if why is None:
        verdict = Verdict(Outcome.PERMIT)
        verdict.basis.append(basis_of(PATIENT_CANNOT_TAKE_IN_BASIS, subject, on))
        verdict.reasons.append(
            finding(PATIENT_CANNOT_TAKE_IN_BASIS, "$.circumstances", on, subject=subject)
        )
        verdict.reasons.extend(reasons)
        return verdict
    reasons.append(
        finding(
            BASIS_NOT_MET,
            "$.circumstances",
            on,
            basis=Text(sv="Patientlagen 3 kap. 4 §", en="Patientlagen ch. 3 s. 4"),
            why=why,
        )
    )
    return None
