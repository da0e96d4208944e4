"""What a decision says, in both languages, for each legal basis and each reason a
consent does not count.

The other consent tests check outcomes and codes; these pin the explanation a case
officer reads (who consented, until when, which block, which group, why an asserted
exception does not apply), which mutation testing showed nothing else checked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from anhorig.consent import (
    Action,
    Block,
    BlockLift,
    ChildOpinion,
    ChildView,
    Circumstance,
    Combining,
    Decision,
    DecisionPolicy,
    Evidence,
    EvidenceForm,
    Grantor,
    GrantorCapacity,
    InfoCategory,
    Provision,
    ProvisionType,
    Purpose,
    Recipient,
    Revocation,
    evaluate,
)
from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.time import local
from tests.consent.consent_scenario import (
    ANNA,
    GIVEN,
    LISA,
    PER,
    REGION,
    TOWN,
    consent,
    request,
    to_eva,
)

KIM = Person(name="Kim Lund")
"""Known without a birth date."""
LEO = Person(name="Leo Sand", birth_date=date(2008, 2, 29))
"""Born on a leap day: of age on 1 March 2026."""
JANUARY = local(2026, 1, 2, 10)


def _custodian(child: Person, opinion: ChildOpinion = ChildOpinion.AGREES) -> Grantor:
    return Grantor(
        person=PER,
        capacity=GrantorCapacity.CUSTODIAN,
        child_view=ChildView(opinion=opinion, recorded_at=GIVEN),
    )


def _block(**changes: object) -> Block:
    fields: dict[str, object] = {
        "id": "b-1",
        "subject": ANNA,
        "holder": TOWN,
        "placed_at": local(2026, 4, 1),
    }
    fields.update(changes)
    return Block(**fields)  # type: ignore[arg-type]


_EMERGENCY = {
    "action": Action.ACCESS,
    "purpose": Purpose.CARE_AND_TREATMENT,
    "circumstances": frozenset({Circumstance.EMERGENCY}),
}
_HEALTH_TO_EVA = {
    "holder": REGION,
    "category": InfoCategory.HEALTH_CARE,
    "recipient": to_eva(),
    "purpose": Purpose.INFORMING_RELATIVE,
}
_LEO_CONSENT = consent(
    subject=LEO,
    grantor=_custodian(LEO),
    given_at=JANUARY,
    evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17", documented_at=JANUARY),
)
_NESTED = Provision(
    decision=ProvisionType.PERMIT,
    exceptions=(
        Provision(
            decision=ProvisionType.DENY, categories=frozenset({InfoCategory.SOCIAL_SERVICES})
        ),
    ),
)

SCENARIOS: dict[str, Callable[[], Decision]] = {
    "no basis": lambda: evaluate(request(), ()),
    "a consent": lambda: evaluate(request(), (consent(),)),
    "listening": lambda: evaluate(request(action=Action.COLLECT, recipient=to_eva()), ()),
    "no documentation": lambda: evaluate(request(), (consent(evidence=None),)),
    "documentation without a time": lambda: evaluate(
        request(),
        (consent(evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17")),),
    ),
    "expired": lambda: evaluate(request(), (consent(valid_until=local(2026, 4, 1)),)),
    "revoked": lambda: evaluate(
        request(),
        (consent(), Revocation(consent_id="c-1", subject=ANNA, revoked_at=local(2026, 4, 1))),
    ),
    "revoked twice, the earlier counts": lambda: evaluate(
        request(at=local(2026, 4, 15)),
        (
            consent(),
            Revocation(consent_id="c-1", subject=ANNA, revoked_at=local(2026, 4, 20)),
            Revocation(consent_id="c-1", subject=ANNA, revoked_at=local(2026, 4, 10)),
        ),
    ),
    "a custodian for a child": lambda: evaluate(
        request(subject=LISA), (consent(subject=LISA, grantor=_custodian(LISA)),)
    ),
    "a child old enough objects": lambda: evaluate(
        request(subject=LISA),
        (consent(subject=LISA, grantor=_custodian(LISA, ChildOpinion.OBJECTS)),),
        policy=DecisionPolicy(child_decides_from_age=10),
    ),
    "a custodian for someone not shown to be a child": lambda: evaluate(
        request(subject=KIM), (consent(subject=KIM, grantor=_custodian(KIM)),)
    ),
    "a custodian the day before a leap-day child's majority": lambda: evaluate(
        request(subject=LEO, at=local(2026, 2, 28, 12)), (_LEO_CONSENT,)
    ),
    "a custodian on a leap-day child's majority": lambda: evaluate(
        request(subject=LEO, at=local(2026, 3, 1, 12)), (_LEO_CONSENT,)
    ),
    "an emergency": lambda: evaluate(request(**_EMERGENCY), ()),
    "a block": lambda: evaluate(request(), (consent(), _block())),
    "a block broken in an emergency": lambda: evaluate(request(**_EMERGENCY), (_block(),)),
    "a block on other information": lambda: evaluate(
        request(), (consent(), _block(categories=frozenset({InfoCategory.SOCIAL_ECONOMY})))
    ),
    "a block lifted": lambda: evaluate(
        request(),
        (
            consent(),
            _block(),
            BlockLift(
                block_id="b-1",
                subject=ANNA,
                lifted_at=local(2026, 4, 2),
                evidence=Evidence(
                    form=EvidenceForm.WRITTEN,
                    documented_by="hsa-17",
                    documented_at=local(2026, 4, 2),
                ),
            ),
        ),
    ),
    "a patient who cannot take in": lambda: evaluate(
        request(**_HEALTH_TO_EVA, circumstances=frozenset({Circumstance.PATIENT_CANNOT_TAKE_IN})),
        (),
    ),
    "cannot take in, asserted outside health care": lambda: evaluate(
        request(
            recipient=to_eva(),
            purpose=Purpose.INFORMING_RELATIVE,
            circumstances=frozenset({Circumstance.PATIENT_CANNOT_TAKE_IN}),
        ),
        (),
    ),
    "cannot take in, asserted for an organisation": lambda: evaluate(
        request(
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            # Another organisation: to the holder itself no boundary is crossed.
            recipient=Recipient.of_organisation(TOWN),
            circumstances=frozenset({Circumstance.PATIENT_CANNOT_TAKE_IN}),
        ),
        (),
    ),
    "care exchange under compulsory care": lambda: evaluate(
        request(
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            recipient=Recipient.of_organisation(TOWN),
            purpose=Purpose.CARE_AND_TREATMENT,
            circumstances=frozenset({Circumstance.NECESSARY_CARE, Circumstance.COMPULSORY_CARE}),
        ),
        (),
    ),
    "care exchange under misuse": lambda: evaluate(
        request(
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            recipient=Recipient.of_organisation(TOWN),
            purpose=Purpose.CARE_AND_TREATMENT,
            circumstances=frozenset(
                {
                    Circumstance.NECESSARY_CARE,
                    Circumstance.COMPULSORY_CARE,
                    Circumstance.CONTINUOUS_SUBSTANCE_MISUSE,
                }
            ),
        ),
        (),
    ),
    "a recipient who declines": lambda: evaluate(
        request(recipient=to_eva(), circumstances=frozenset({Circumstance.RECIPIENT_DECLINES})),
        (consent(),),
    ),
    "a report of concern to the wrong recipient": lambda: evaluate(
        request(
            subject=LISA,
            purpose=Purpose.CHILD_PROTECTION,
            circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
        ),
        (),
    ),
    "a report of concern for another purpose": lambda: evaluate(
        request(
            subject=LISA,
            recipient=Recipient.of_organisation(TOWN),
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
        ),
        (),
    ),
    "a report of concern": lambda: evaluate(
        request(
            subject=LISA,
            recipient=Recipient.of_organisation(TOWN),
            holder=REGION,
            category=InfoCategory.HEALTH_CARE,
            purpose=Purpose.CHILD_PROTECTION,
            circumstances=frozenset({Circumstance.REPORT_OF_CONCERN}),
        ),
        (),
    ),
    "a deny exception inside a permit": lambda: evaluate(request(), (consent(provision=_NESTED),)),
    "a deny exception, permit overrides": lambda: evaluate(
        request(),
        (consent(provision=_NESTED), consent("c-2")),
        policy=DecisionPolicy(combining=Combining.PERMIT_OVERRIDES),
    ),
    "a deny exception, deny overrides": lambda: evaluate(
        request(), (consent(provision=_NESTED), consent("c-2"))
    ),
}

EXPLAINED: dict[str, tuple[str, str]] = {
    "no basis": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).",
    ),
    "a consent": (
        "Beslut: tillåtet\ngrund: CONSENT-PERMIT, samtycke c-1, huvudregeln (OSL (2009:400) 12 kap. 2 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: Samtycke c-1 (huvudregeln) från A. K. tillåter det.",
        "PERMIT\nbasis: CONSENT-PERMIT consent c-1 provision (OSL (2009:400) 12 kap. 2 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: Consent c-1 (provision) from A. K. permits it.",
    ),
    "listening": (
        "Beslut: tillåtet\ngrund: CONSENT-LISTENING\nska: Dokumentera det som sades; uppgifterna skyddas av sekretess.\nvarför: Att ta emot uppgifter från E. K. (anhörig/närstående) kräver inget samtycke: sekretess begränsar utlämnande, inte att lyssna. Det som sägs dokumenteras och skyddas i sin tur.",
        "PERMIT\nbasis: CONSENT-LISTENING\nmust: Document what was said; the information is protected by secrecy.\nwhy: Taking in information from E. K. (relative) needs no consent: secrecy limits disclosure, not listening. What is said is documented and is itself protected.",
    ),
    "no documentation": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 gäller inte: det finns ingen dokumentation. Ett muntligt samtycke är giltigt men ska dokumenteras (vem, när, hur).",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 is not valid: there is no documentation. Oral consent is valid but must be documented (who, when, how).",
    ),
    "documentation without a time": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 gäller inte: dokumentationen saknar när det dokumenterades (vem och när). Ett muntligt samtycke är giltigt men ska dokumenteras (vem, när, hur).",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 is not valid: the documentation lacks documented_at (who and when). Oral consent is valid but must be documented (who, when, how).",
    ),
    "expired": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 gäller från 2 mars 2026 kl. 10.00 till 1 april 2026 kl. 00.00, inte vid den efterfrågade tidpunkten.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 is valid from 2 March 2026, 10:00 to 1 April 2026, 00:00, not at the instant asked about.",
    ),
    "revoked": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 återkallades 1 april 2026 kl. 00.00; det gäller inte från den tidpunkten.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 was revoked at 1 April 2026, 00:00; it does not apply from that instant.",
    ),
    "revoked twice, the earlier counts": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 återkallades 10 april 2026 kl. 00.00; det gäller inte från den tidpunkten.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 was revoked at 10 April 2026, 00:00; it does not apply from that instant.",
    ),
    "a custodian for a child": (
        "Beslut: tillåtet\ngrund: CONSENT-PERMIT, samtycke c-1, huvudregeln (OSL (2009:400) 12 kap. 2 §; OSL (2009:400) 12 kap. 3 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: Samtycke c-1 (huvudregeln) från P. Ö. tillåter det.",
        "PERMIT\nbasis: CONSENT-PERMIT consent c-1 provision (OSL (2009:400) 12 kap. 2 §; OSL (2009:400) 12 kap. 3 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: Consent c-1 (provision) from P. Ö. permits it.",
    ),
    "a child old enough objects": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från L. Ö. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 från vårdnadshavare gäller inte: barnet, 10 år eller äldre, motsätter sig och bestämmer själv.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from L. Ö. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 from a custodian is not valid: the child, aged 10 or more, objects and decides for themselves.",
    ),
    "a custodian for someone not shown to be a child": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från K. L. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 gäller inte: det går inte att visa att den enskilde är ett barn. Bara den enskilde själv, eller vårdnadshavare för ett barn, kan samtycka.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from K. L. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 is not valid: the person cannot be shown to be a child. Only the person themselves, or a custodian for a child, can consent.",
    ),
    "a custodian the day before a leap-day child's majority": (
        "Beslut: tillåtet\ngrund: CONSENT-PERMIT, samtycke c-1, huvudregeln (OSL (2009:400) 12 kap. 2 §; OSL (2009:400) 12 kap. 3 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: Samtycke c-1 (huvudregeln) från P. Ö. tillåter det.",
        "PERMIT\nbasis: CONSENT-PERMIT consent c-1 provision (OSL (2009:400) 12 kap. 2 §; OSL (2009:400) 12 kap. 3 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: Consent c-1 (provision) from P. Ö. permits it.",
    ),
    "a custodian on a leap-day child's majority": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från L. S. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Samtycke c-1 gäller inte: den enskilde har fyllt 18 år; vårdnadshavaren kan inte längre samtycka. Bara den enskilde själv, eller vårdnadshavare för ett barn, kan samtycka.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from L. S. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Consent c-1 is not valid: the person has turned 18; the custodian can no longer consent. Only the person themselves, or a custodian for a child, can consent.",
    ),
    "an emergency": (
        "Beslut: tillåtet\ngrund: CONSENT-EMERGENCY (Lag (2022:913))\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nska: Dokumentera nödsituationen och åtkomsten; den granskas i efterhand.\nvarför: Nödsituation: åtkomst till uppgifter om A. K. för vård som inte kan vänta. Åtkomsten ska alltid dokumenteras.",
        "PERMIT\nbasis: CONSENT-EMERGENCY (Lag (2022:913))\nmust: Document the disclosure in the record: what, to whom, on what basis.\nmust: Record the emergency and the access; it is reviewed afterwards.\nwhy: Emergency: access to information about A. K. for care that cannot wait. The access must always be recorded.",
    ),
    "a block": (
        "Beslut: nekat\ngrund: CONSENT-BLOCKED (Lag (2022:913))\nvarför: A. K. har spärrat uppgifterna hos Socialnämnden i Nyköping (kommun-0480-son) (spärr b-1); spärren gäller tills den hävs med uttryckligt samtycke.",
        "DENY\nbasis: CONSENT-BLOCKED (Lag (2022:913))\nwhy: A. K. has blocked the information held by Socialnämnden i Nyköping (kommun-0480-son) (block b-1); the block holds until lifted by explicit consent.",
    ),
    "a block broken in an emergency": (
        "Beslut: tillåtet\ngrund: CONSENT-EMERGENCY (Lag (2022:913))\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nska: Dokumentera nödsituationen och åtkomsten; den granskas i efterhand.\nvarför: Nödsituation: åtkomst till uppgifter om A. K. för vård som inte kan vänta (spärr b-1 bryts). Åtkomsten ska alltid dokumenteras.",
        "PERMIT\nbasis: CONSENT-EMERGENCY (Lag (2022:913))\nmust: Document the disclosure in the record: what, to whom, on what basis.\nmust: Record the emergency and the access; it is reviewed afterwards.\nwhy: Emergency: access to information about A. K. for care that cannot wait (block b-1 is broken). The access must always be recorded.",
    ),
    "a block on other information": (
        "Beslut: tillåtet\ngrund: CONSENT-PERMIT, samtycke c-1, huvudregeln (OSL (2009:400) 12 kap. 2 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: Samtycke c-1 (huvudregeln) från A. K. tillåter det.",
        "PERMIT\nbasis: CONSENT-PERMIT consent c-1 provision (OSL (2009:400) 12 kap. 2 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: Consent c-1 (provision) from A. K. permits it.",
    ),
    "a block lifted": (
        "Beslut: tillåtet\ngrund: CONSENT-PERMIT, samtycke c-1, huvudregeln (OSL (2009:400) 12 kap. 2 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: Samtycke c-1 (huvudregeln) från A. K. tillåter det.",
        "PERMIT\nbasis: CONSENT-PERMIT consent c-1 provision (OSL (2009:400) 12 kap. 2 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: Consent c-1 (provision) from A. K. permits it.",
    ),
    "a patient who cannot take in": (
        "Beslut: tillåtet\ngrund: CONSENT-PATIENT-CANNOT-TAKE-IN (PL (2014:821) 3 kap. 4 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: A. K. kan inte ta del av informationen och det finns inga tecken på att hen skulle motsätta sig: den lämnas till närstående.",
        "PERMIT\nbasis: CONSENT-PATIENT-CANNOT-TAKE-IN (PL (2014:821) 3 kap. 4 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: A. K. cannot take in the information and there is no sign they would object: it goes to a relative.",
    ),
    "cannot take in, asserted outside health care": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Patientlagen 3 kap. 4 § åberopades men gäller inte: det gäller bara hälso- och sjukvårdens information till en närstående person.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Patientlagen ch. 3 s. 4 was asserted but does not apply: it only covers health care information given to a relative.",
    ),
    "cannot take in, asserted for an organisation": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 25 kap. 1 §)\nvarför: Inget giltigt samtycke från A. K. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).\nvarför: Patientlagen 3 kap. 4 § åberopades men gäller inte: det gäller bara hälso- och sjukvårdens information till en närstående person.",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 25 kap. 1 §)\nwhy: No valid consent from A. K. and no legal exception covers this; secrecy applies (denied by default).\nwhy: Patientlagen ch. 3 s. 4 was asserted but does not apply: it only covers health care information given to a relative.",
    ),
    "care exchange under compulsory care": (
        "Beslut: tillåtet\ngrund: CONSENT-CARE-EXCHANGE (OSL (2009:400) 25 kap. 12 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: A. K. hör till en grupp (vård enligt LPT eller LRV) där uppgifter får lämnas från hälso- och sjukvården till socialtjänsten utan samtycke, när det behövs för nödvändig vård, behandling eller annat stöd.",
        "PERMIT\nbasis: CONSENT-CARE-EXCHANGE (OSL (2009:400) 25 kap. 12 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: A. K. belongs to a group (care under LPT or LRV) for whom information may be given from health care to social services without consent, when needed for necessary care, treatment or other support.",
    ),
    "care exchange under misuse": (
        "Beslut: tillåtet\ngrund: CONSENT-CARE-EXCHANGE (OSL (2009:400) 25 kap. 12 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: A. K. hör till en grupp (fortgående missbruk, vård enligt LPT eller LRV) där uppgifter får lämnas från hälso- och sjukvården till socialtjänsten utan samtycke, när det behövs för nödvändig vård, behandling eller annat stöd.",
        "PERMIT\nbasis: CONSENT-CARE-EXCHANGE (OSL (2009:400) 25 kap. 12 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: A. K. belongs to a group (continuous substance misuse, care under LPT or LRV) for whom information may be given from health care to social services without consent, when needed for necessary care, treatment or other support.",
    ),
    "a recipient who declines": (
        "Beslut: nekat\ngrund: CONSENT-RECIPIENT-DECLINES\nvarför: E. K. (anhörig/närstående) har sagt att hen inte vill ha information; den lämnas inte ut, oavsett samtycke.",
        "DENY\nbasis: CONSENT-RECIPIENT-DECLINES\nwhy: E. K. (relative) has said they do not want information; it is not given, whatever the consents.",
    ),
    "a report of concern to the wrong recipient": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nvarför: Orosanmälan åberopades men gäller inte: mottagaren måste vara socialnämnden.\nvarför: Inget giltigt samtycke från L. Ö. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 26 kap. 1 §)\nwhy: A report of concern was asserted but does not apply: the recipient must be the social welfare committee.\nwhy: No valid consent from L. Ö. and no legal exception covers this; secrecy applies (denied by default).",
    ),
    "a report of concern for another purpose": (
        "Beslut: inget stöd (nekas)\ngrund: CONSENT-NO-BASIS (OSL (2009:400) 25 kap. 1 §)\nvarför: Orosanmälan åberopades men gäller inte: det gäller bara utlämnande med ändamålet skydd av barn.\nvarför: Inget giltigt samtycke från L. Ö. och inget undantag i lag täcker detta; sekretessen gäller (nekas som standard).",
        "NOT_APPLICABLE\nbasis: CONSENT-NO-BASIS (OSL (2009:400) 25 kap. 1 §)\nwhy: A report of concern was asserted but does not apply: it only covers disclosure for the purpose of child protection.\nwhy: No valid consent from L. Ö. and no legal exception covers this; secrecy applies (denied by default).",
    ),
    "a report of concern": (
        "Beslut: tillåtet\ngrund: CONSENT-REPORT-OF-CONCERN (SoL (2025:400) 19 kap. 1 §; OSL (2009:400) 10 kap. 28 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nska: Gör anmälan till socialnämnden genast.\nvarför: Anmälan om oro för barnet L. Ö. till socialnämnden: Region Sörmland (region-sormland) räknas till myndigheter inom hälso- och sjukvården, socialtjänsten och kriminalvården och är skyldig att anmäla genast; skyldigheten i lag bryter sekretessen, oavsett samtycke.",
        "PERMIT\nbasis: CONSENT-REPORT-OF-CONCERN (SoL (2025:400) 19 kap. 1 §; OSL (2009:400) 10 kap. 28 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nmust: Report to the social welfare committee at once.\nwhy: A report of concern about the child L. Ö. to the social welfare committee: Region Sörmland (region-sormland) counts among authorities in health care, social services and the prison and probation service and must report at once; the statutory duty overrides secrecy, whatever the consents.",
    ),
    "a deny exception inside a permit": (
        "Beslut: nekat\ngrund: CONSENT-DENY, samtycke c-1, undantag 1 (OSL (2009:400) 12 kap. 2 §)\nvarför: Samtycke c-1 (undantag 1) från A. K. nekar det uttryckligen.",
        "DENY\nbasis: CONSENT-DENY consent c-1 provision.exceptions[0] (OSL (2009:400) 12 kap. 2 §)\nwhy: Consent c-1 (provision.exceptions[0]) from A. K. explicitly denies it.",
    ),
    "a deny exception, permit overrides": (
        "Beslut: tillåtet\ngrund: CONSENT-PERMIT, samtycke c-2, huvudregeln (OSL (2009:400) 12 kap. 2 §)\nska: Dokumentera utlämnandet i journalen: vad, till vem, med vilket stöd.\nvarför: Samtycke c-2 (huvudregeln) från A. K. tillåter det.\nvarför: Samtycken om A. K. både tillåter och nekar; kombinationsregeln tillåtande går före avgör, aldrig ordningen de gavs i.",
        "PERMIT\nbasis: CONSENT-PERMIT consent c-2 provision (OSL (2009:400) 12 kap. 2 §)\nmust: Document the disclosure in the record: what, to whom, on what basis.\nwhy: Consent c-2 (provision) from A. K. permits it.\nwhy: Consents about A. K. both permit and deny; the combining rule permit overrides decides, never the order they were given in.",
    ),
    "a deny exception, deny overrides": (
        "Beslut: nekat\ngrund: CONSENT-DENY, samtycke c-1, undantag 1 (OSL (2009:400) 12 kap. 2 §)\nvarför: Samtycke c-1 (undantag 1) från A. K. nekar det uttryckligen.\nvarför: Samtycken om A. K. både tillåter och nekar; kombinationsregeln nekande går före avgör, aldrig ordningen de gavs i.",
        "DENY\nbasis: CONSENT-DENY consent c-1 provision.exceptions[0] (OSL (2009:400) 12 kap. 2 §)\nwhy: Consent c-1 (provision.exceptions[0]) from A. K. explicitly denies it.\nwhy: Consents about A. K. both permit and deny; the combining rule deny overrides decides, never the order they were given in.",
    ),
}
"""Reviewed by hand against the law each basis cites (DOMAIN.md part 2 §4)."""


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_a_decision_is_explained(name: str) -> None:
    decision = SCENARIOS[name]()
    sv, en = EXPLAINED[name]
    assert decision.explain("sv") == sv
    assert decision.explain("en") == en
    assert decision.explain() == sv


REASONS_AT: dict[str, list[tuple[str, str]]] = {
    "no basis": [("CONSENT-NO-BASIS", "$")],
    "a consent": [("CONSENT-PERMIT", "consents[c-1].provision")],
    "listening": [("CONSENT-LISTENING", "$.action")],
    "no documentation": [("CONSENT-NO-BASIS", "$"), ("CONSENT-UNDOCUMENTED", "consents[c-1]")],
    "documentation without a time": [
        ("CONSENT-NO-BASIS", "$"),
        ("CONSENT-UNDOCUMENTED", "consents[c-1]"),
    ],
    "expired": [("CONSENT-NO-BASIS", "$"), ("CONSENT-NOT-IN-FORCE", "consents[c-1]")],
    "revoked": [("CONSENT-NO-BASIS", "$"), ("CONSENT-REVOKED", "consents[c-1]")],
    "revoked twice, the earlier counts": [
        ("CONSENT-NO-BASIS", "$"),
        ("CONSENT-REVOKED", "consents[c-1]"),
    ],
    "a custodian for a child": [("CONSENT-PERMIT", "consents[c-1].provision")],
    "a child old enough objects": [
        ("CONSENT-NO-BASIS", "$"),
        ("CONSENT-CHILD-OBJECTS", "consents[c-1]"),
    ],
    "a custodian for someone not shown to be a child": [
        ("CONSENT-NO-BASIS", "$"),
        ("CONSENT-NO-AUTHORITY", "consents[c-1]"),
    ],
    "a custodian the day before a leap-day child's majority": [
        ("CONSENT-PERMIT", "consents[c-1].provision")
    ],
    "a custodian on a leap-day child's majority": [
        ("CONSENT-NO-BASIS", "$"),
        ("CONSENT-NO-AUTHORITY", "consents[c-1]"),
    ],
    "an emergency": [("CONSENT-EMERGENCY", "$.circumstances")],
    "a block": [("CONSENT-BLOCKED", "blocks[b-1]")],
    "a block broken in an emergency": [("CONSENT-EMERGENCY", "blocks[b-1]")],
    "a block on other information": [("CONSENT-PERMIT", "consents[c-1].provision")],
    "a block lifted": [("CONSENT-PERMIT", "consents[c-1].provision")],
    "a patient who cannot take in": [("CONSENT-PATIENT-CANNOT-TAKE-IN", "$.circumstances")],
    "cannot take in, asserted outside health care": [
        ("CONSENT-NO-BASIS", "$"),
        ("CONSENT-BASIS-NOT-MET", "$.circumstances"),
    ],
    "cannot take in, asserted for an organisation": [
        ("CONSENT-NO-BASIS", "$"),
        ("CONSENT-BASIS-NOT-MET", "$.circumstances"),
    ],
    "care exchange under compulsory care": [("CONSENT-CARE-EXCHANGE", "$.subject")],
    "care exchange under misuse": [("CONSENT-CARE-EXCHANGE", "$.subject")],
    "a recipient who declines": [("CONSENT-RECIPIENT-DECLINES", "$.recipient")],
    "a report of concern to the wrong recipient": [
        ("CONSENT-BASIS-NOT-MET", "$.circumstances"),
        ("CONSENT-NO-BASIS", "$"),
    ],
    "a report of concern for another purpose": [
        ("CONSENT-BASIS-NOT-MET", "$.circumstances"),
        ("CONSENT-NO-BASIS", "$"),
    ],
    "a report of concern": [("CONSENT-REPORT-OF-CONCERN", "$.circumstances")],
    "a deny exception inside a permit": [("CONSENT-DENY", "consents[c-1].provision.exceptions[0]")],
    "a deny exception, permit overrides": [
        ("CONSENT-PERMIT", "consents[c-2].provision"),
        ("CONSENT-CONFLICT", "consents"),
    ],
    "a deny exception, deny overrides": [
        ("CONSENT-DENY", "consents[c-1].provision.exceptions[0]"),
        ("CONSENT-CONFLICT", "consents"),
    ],
}
"""Where each reason points: the record or the part of the request it is about."""


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_each_reason_points_at_what_it_is_about(name: str) -> None:
    decision = SCENARIOS[name]()
    assert [(r.code, r.path) for r in decision.reasons] == REASONS_AT[name]


def test_records_of_the_wrong_kind_are_named() -> None:
    with pytest.raises(InvalidInput) as caught:
        evaluate(request(), (consent(), 5))  # type: ignore[arg-type]
    assert caught.value.explain("sv") == (
        "consents[1]: väntade Consent, Revocation, Block, BlockLift eller HarmAssessment, fick int"
    )
    assert caught.value.explain("en") == (
        "consents[1]: expected Consent, Revocation, Block, BlockLift or HarmAssessment, got int"
    )
