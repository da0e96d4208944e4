"""The consent catalogue: every decision basis and every reason a consent does not count.

Each entry is a :class:`anhorig.findings.Rule` in the family ``consent``; a decision's
``reasons`` are findings of these rules and its ``basis`` names them by code.

Decision bases (what lets information go, or stops it):

- ``CONSENT-LISTENING``: information from a relative to staff needs no consent.
- ``CONSENT-REPORT-OF-CONCERN``: a report of concern about a child overrides secrecy.
- ``CONSENT-RECIPIENT-DECLINES``: a relative who does not want information is not given it.
- ``CONSENT-BLOCKED`` / ``CONSENT-EMERGENCY``: a block holds; only an emergency breaks it.
- ``CONSENT-CARE-EXCHANGE``: OSL 25:12 / 26:9 groups, without consent.
- ``CONSENT-PERMIT`` / ``CONSENT-DENY``: a valid consent's provision decides.
- ``CONSENT-HARM-ASSESSMENT``: a documented menprövning by the holder concludes it is
  clear that no harm results (OSL 25:1 / 26:1).
- ``CONSENT-PATIENT-CANNOT-TAKE-IN``: Patientlagen 3:4.
- ``CONSENT-NO-BASIS``: nothing permits it, so it is denied by default.

Reasons a consent does not count: ``CONSENT-NO-AUTHORITY``, ``CONSENT-UNDOCUMENTED``,
``CONSENT-CHILD-VIEW-MISSING``, ``CONSENT-CHILD-OBJECTS``, ``CONSENT-OTHER-AUTHORITY``,
``CONSENT-REVOKED``, ``CONSENT-NOT-IN-FORCE``; reasons a menprövning does not count:
``CONSENT-HARM-POSSIBLE``, ``CONSENT-HARM-ASSESSMENT-NOT-COUNTED``,
``CONSENT-HARM-ASSESSMENT-OVERRIDDEN``; and about the whole decision:
``CONSENT-EACH-PERSON``, ``CONSENT-CONFLICT``, ``CONSENT-BASIS-NOT-MET``.

References:
    - Offentlighets- och sekretesslag (2009:400) 10 kap. 28 §; 12 kap. 2–3 §§;
      25 kap. 1, 12 §§; 26 kap. 1, 9 §§.
    - Socialtjänstlag (2001:453) 14 kap. 1 §; Socialtjänstlag (2025:400) 19 kap. 1 §.
    - Patientlag (2014:821) 3 kap. 4 §.
    - Lag (2022:913) om sammanhållen vård- och omsorgsdokumentation.
    - Seed 001: "lyssna kan man alltid göra"; seed 003: the relative is kept informed
      "under förutsättning att den närstående ger sitt samtycke och att den anhörige
      vill vara delaktig".
"""

from __future__ import annotations

import functools

from anhorig.findings import Rule, Severity
from anhorig.law import (
    CONSENT_WAIVER,
    CONSENT_WAIVER_CHILD,
    DUTY_OVERRIDES_SECRECY,
    HEALTH_SOCIAL_EXCHANGE_HEALTH,
    HEALTH_SOCIAL_EXCHANGE_SOCIAL,
    PATIENT_CANNOT_TAKE_IN,
    REPORT_OF_CONCERN,
    SECRECY_HEALTH_CARE,
    SECRECY_SOCIAL_SERVICES,
    SHARED_RECORDS,
)

__all__ = [
    "BASIS_NOT_MET",
    "BLOCKED",
    "CARE_EXCHANGE",
    "CHILD_OBJECTS",
    "CHILD_VIEW_MISSING",
    "CONFLICT",
    "DENY",
    "EACH_PERSON",
    "EMERGENCY",
    "HARM_ASSESSMENT",
    "HARM_ASSESSMENT_NOT_COUNTED",
    "HARM_ASSESSMENT_OVERRIDDEN",
    "HARM_POSSIBLE",
    "LISTENING",
    "NOT_IN_FORCE",
    "NO_AUTHORITY",
    "NO_BASIS",
    "OTHER_AUTHORITY",
    "PATIENT_CANNOT_TAKE_IN_BASIS",
    "PERMIT",
    "RECIPIENT_DECLINES",
    "REPORT_OF_CONCERN_BASIS",
    "REVOKED",
    "RULES",
    "UNDOCUMENTED",
]

_FAMILY = "consent"


_rule = functools.partial(Rule.define, _FAMILY)


LISTENING = _rule(
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
)
REPORT_OF_CONCERN_BASIS = _rule(
    "CONSENT-REPORT-OF-CONCERN",
    Severity.INFO,
    ("Orosanmälan bryter sekretessen", "A report of concern overrides secrecy"),
    (
        "Anmälan om oro för ett barn till socialnämnden är en skyldighet i lag och ska göras "
        "genast, oavsett samtycke.",
        "A report of concern about a child to the social welfare committee is a statutory "
        "duty and must be made at once, whatever the consents.",
    ),
    law=(REPORT_OF_CONCERN, DUTY_OVERRIDES_SECRECY),
)
RECIPIENT_DECLINES = _rule(
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
)
BLOCKED = _rule(
    "CONSENT-BLOCKED",
    Severity.INFO,
    ("Uppgifterna är spärrade", "The information is blocked"),
    (
        "{subject} har spärrat uppgifterna hos {holder} (spärr {block}); spärren gäller tills "
        "den hävs med uttryckligt samtycke.",
        "{subject} has blocked the information held by {holder} (block {block}); the block "
        "holds until lifted by explicit consent.",
    ),
    law=(SHARED_RECORDS,),
)
EMERGENCY = _rule(
    "CONSENT-EMERGENCY",
    Severity.WARNING,
    ("Nödsituation", "Emergency"),
    (
        "Nödsituation: åtkomst till uppgifter om {subject} för vård som inte kan vänta{broken}. "
        "Åtkomsten ska alltid dokumenteras.",
        "Emergency: access to information about {subject} for care that cannot wait{broken}. "
        "The access must always be recorded.",
    ),
    law=(SHARED_RECORDS,),
)
CARE_EXCHANGE = _rule(
    "CONSENT-CARE-EXCHANGE",
    Severity.INFO,
    (
        "Uppgiftsutbyte mellan vård och socialtjänst utan samtycke",
        "Exchange between health care and social services without consent",
    ),
    (
        "{subject} hör till en grupp ({group}) där uppgifter får lämnas mellan hälso- och "
        "sjukvården och socialtjänsten utan samtycke, när det behövs för nödvändig vård, "
        "behandling eller stöd.",
        "{subject} belongs to a group ({group}) for whom information may pass between health "
        "care and social services without consent, when needed for necessary care, "
        "treatment or support.",
    ),
    law=(HEALTH_SOCIAL_EXCHANGE_HEALTH, HEALTH_SOCIAL_EXCHANGE_SOCIAL),
)
PERMIT = _rule(
    "CONSENT-PERMIT",
    Severity.INFO,
    ("Samtycket tillåter", "The consent permits"),
    (
        "Samtycke {consent} ({where}) från {grantor} tillåter det.",
        "Consent {consent} ({where}) from {grantor} permits it.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
)
DENY = _rule(
    "CONSENT-DENY",
    Severity.INFO,
    ("Samtycket nekar", "The consent denies"),
    (
        "Samtycke {consent} ({where}) från {grantor} nekar det uttryckligen.",
        "Consent {consent} ({where}) from {grantor} explicitly denies it.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
)
PATIENT_CANNOT_TAKE_IN_BASIS = _rule(
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
)
HARM_ASSESSMENT = _rule(
    "CONSENT-HARM-ASSESSMENT",
    Severity.INFO,
    ("Menprövning: det står klart att inget men uppstår", "Harm assessment: clearly no harm"),
    (
        "Menprövning {assessment} av {holder}: det står klart att uppgiften kan lämnas ut "
        "utan att {subject} eller någon närstående lider men. Sekretessen hindrar inte.",
        "Harm assessment {assessment} by {holder}: it is clear that the information can be "
        "given without {subject} or anyone close to them suffering harm. Secrecy does not "
        "prevent it.",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
)
HARM_POSSIBLE = _rule(
    "CONSENT-HARM-POSSIBLE",
    Severity.INFO,
    ("Menprövning: men kan inte uteslutas", "Harm assessment: harm cannot be ruled out"),
    (
        "Menprövning {assessment} av {holder} kom fram till att men för {subject} eller någon "
        "närstående inte kan uteslutas; sekretessen gäller (omvänt skaderekvisit).",
        "Harm assessment {assessment} by {holder} found that harm to {subject} or anyone close "
        "to them cannot be ruled out; secrecy applies (reversed harm test).",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
)
HARM_ASSESSMENT_NOT_COUNTED = _rule(
    "CONSENT-HARM-ASSESSMENT-NOT-COUNTED",
    Severity.INFO,
    ("Menprövningen kan inte användas", "The harm assessment cannot be relied on"),
    (
        "Menprövning {assessment} kan inte användas: {why}.",
        "Harm assessment {assessment} cannot be relied on: {why}.",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
)
HARM_ASSESSMENT_OVERRIDDEN = _rule(
    "CONSENT-HARM-ASSESSMENT-OVERRIDDEN",
    Severity.INFO,
    ("Den enskildes nej går före menprövningen", "The person's no goes before the assessment"),
    (
        "Menprövning {assessment} säger att inget men uppstår, men {by} går före: säger den "
        "enskilde nej lämnas inget ut.",
        "Harm assessment {assessment} says no harm results, but {by} goes before it: if the "
        "person says no, nothing is disclosed.",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
)
NO_BASIS = _rule(
    "CONSENT-NO-BASIS",
    Severity.INFO,
    ("Inget stöd för utlämnande", "No basis for disclosure"),
    (
        "Inget giltigt samtycke från {subject} och inget undantag i lag täcker detta; "
        "sekretessen gäller (nekas som standard).",
        "No valid consent from {subject} and no legal exception covers this; secrecy "
        "applies (denied by default).",
    ),
    law=(SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
)
NO_AUTHORITY = _rule(
    "CONSENT-NO-AUTHORITY",
    Severity.ERROR,
    ("Samtycke utan behörighet", "Consent without authority"),
    (
        "Samtycke {consent} gäller inte: {why}. Bara den enskilde själv, eller "
        "vårdnadshavare för ett barn, kan samtycka.",
        "Consent {consent} is not valid: {why}. Only the person themselves, or a custodian "
        "for a child, can consent.",
    ),
    law=(CONSENT_WAIVER, CONSENT_WAIVER_CHILD),
    sources=("socialstyrelsen-samtycke",),
)
UNDOCUMENTED = _rule(
    "CONSENT-UNDOCUMENTED",
    Severity.ERROR,
    ("Samtycket är inte dokumenterat", "The consent is not documented"),
    (
        "Samtycke {consent} gäller inte: {why}. Ett muntligt samtycke är giltigt men ska "
        "dokumenteras (vem, när, hur).",
        "Consent {consent} is not valid: {why}. Oral consent is valid but must be "
        "documented (who, when, how).",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
)
CHILD_VIEW_MISSING = _rule(
    "CONSENT-CHILD-VIEW-MISSING",
    Severity.ERROR,
    ("Barnets inställning saknas", "The child's view is missing"),
    (
        "Samtycke {consent} från vårdnadshavare gäller inte: barnets egen inställning är "
        "inte dokumenterad och kan inte vägas in.",
        "Consent {consent} from a custodian is not valid: the child's own view is not "
        "recorded and cannot be weighed.",
    ),
    law=(CONSENT_WAIVER_CHILD,),
    sources=("socialstyrelsen-samtycke",),
)
CHILD_OBJECTS = _rule(
    "CONSENT-CHILD-OBJECTS",
    Severity.ERROR,
    ("Barnet motsätter sig", "The child objects"),
    (
        "Samtycke {consent} från vårdnadshavare gäller inte: barnet, {age} år eller äldre, "
        "motsätter sig och bestämmer själv.",
        "Consent {consent} from a custodian is not valid: the child, aged {age} or more, "
        "objects and decides for themselves.",
    ),
    law=(CONSENT_WAIVER_CHILD,),
    sources=("socialstyrelsen-samtycke",),
)
OTHER_AUTHORITY = _rule(
    "CONSENT-OTHER-AUTHORITY",
    Severity.INFO,
    ("Samtycket gäller en annan myndighet", "The consent belongs to another authority"),
    (
        "Samtycke {consent} inhämtades av {obtained_by}, inte av {relying}; varje myndighet "
        "inhämtar sitt eget samtycke.",
        "Consent {consent} was obtained by {obtained_by}, not by {relying}; each authority "
        "obtains its own consent.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
)
REVOKED = _rule(
    "CONSENT-REVOKED",
    Severity.INFO,
    ("Samtycket är återkallat", "The consent is revoked"),
    (
        "Samtycke {consent} återkallades {revoked}; det gäller inte från den tidpunkten.",
        "Consent {consent} was revoked at {revoked}; it does not apply from that instant.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
)
NOT_IN_FORCE = _rule(
    "CONSENT-NOT-IN-FORCE",
    Severity.INFO,
    ("Samtycket gäller inte vid tidpunkten", "The consent is not in force at that instant"),
    (
        "Samtycke {consent} gäller {period}, inte vid den efterfrågade tidpunkten.",
        "Consent {consent} is valid {period}, not at the instant asked about.",
    ),
    law=(CONSENT_WAIVER,),
)
EACH_PERSON = _rule(
    "CONSENT-EACH-PERSON",
    Severity.INFO,
    ("Varje persons samtycke behövs", "Each person's consent is needed"),
    (
        "Informationen rör flera personer; det saknas stöd för {subject}, så den kan inte "
        "lämnas ut.",
        "The information is about several people; there is no basis for {subject}, so it "
        "cannot be given.",
    ),
    law=(CONSENT_WAIVER,),
    sources=("socialstyrelsen-samtycke",),
)
CONFLICT = _rule(
    "CONSENT-CONFLICT",
    Severity.INFO,
    ("Samtycken i konflikt", "Consents in conflict"),
    (
        "Samtycken om {subject} både tillåter och nekar; kombinationsregeln {rule} avgör, "
        "aldrig ordningen de gavs i.",
        "Consents about {subject} both permit and deny; the combining rule {rule} decides, "
        "never the order they were given in.",
    ),
    (CONSENT_WAIVER,),
    ("socialstyrelsen-samtycke",),
)
BASIS_NOT_MET = _rule(
    "CONSENT-BASIS-NOT-MET",
    Severity.INFO,
    ("Ett angivet undantag är inte uppfyllt", "An asserted exception does not apply"),
    (
        "{basis} åberopades men gäller inte: {why}.",
        "{basis} was asserted but does not apply: {why}.",
    ),
    # When the exception does not apply, the secrecy it would have lifted stands.
    (SECRECY_HEALTH_CARE, SECRECY_SOCIAL_SERVICES),
)

RULES: tuple[Rule, ...] = (
    LISTENING,
    REPORT_OF_CONCERN_BASIS,
    RECIPIENT_DECLINES,
    BLOCKED,
    EMERGENCY,
    CARE_EXCHANGE,
    PERMIT,
    DENY,
    HARM_ASSESSMENT,
    PATIENT_CANNOT_TAKE_IN_BASIS,
    NO_BASIS,
    NO_AUTHORITY,
    UNDOCUMENTED,
    CHILD_VIEW_MISSING,
    CHILD_OBJECTS,
    OTHER_AUTHORITY,
    REVOKED,
    NOT_IN_FORCE,
    EACH_PERSON,
    CONFLICT,
    BASIS_NOT_MET,
    HARM_POSSIBLE,
    HARM_ASSESSMENT_NOT_COUNTED,
    HARM_ASSESSMENT_OVERRIDDEN,
)
"""Every decision basis and reason of the consent family, in the catalogue."""
