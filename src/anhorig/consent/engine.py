"""Decisions: may this information go to that recipient, at this instant, for this purpose?

``evaluate(request, records)`` answers a :class:`~anhorig.consent.model.DisclosureRequest`
from consent records (consents, revocations, blocks, block lifts) and the legal bases
that need no consent, and explains the answer. The order of the checks:

1. Listening (``COLLECT``) is always permitted.
2. A report of concern about a child to the social welfare committee is permitted.
3. A relative who does not want information is not given it.
4. For each person the information is about: a block holds (unless an emergency
   breaks it); the OSL 25:12 / 26:9 groups may be exchanged between health care and
   social services; otherwise the valid consents obtained by the relying authority
   decide, combined by deny-overrides (configurable); without one, a documented
   menprövning by the holder that it is clear no harm results (OSL 25:1 / 26:1),
   Patientlagen 3:4 or an emergency may apply; else there is no basis. The person's
   own no (a block, a deny in their consent, signs they would object) goes before a
   menprövning.
5. Every person needs a basis: one deny denies, one missing basis leaves it not
   applicable (deny by default).

Consents are considered sorted by id, so the order they were given in never changes
an answer. The procedure and the catalogue are :mod:`anhorig.consent.rules`; what a
decision is, :mod:`anhorig.consent.decision` (every name of it is re-exported here).

>>> from anhorig.people import Person, PersonId
>>> from anhorig.time import local
>>> from anhorig.consent.model import *
>>> anna = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
>>> town = Organisation(id="kommun-1", name="Socialnämnden", principal=Principal.MUNICIPALITY,
...                     sector=Sector.SOCIAL_SERVICES)
>>> region = Organisation(id="region-1", name="Regionen", principal=Principal.REGION,
...                       sector=Sector.HEALTH_CARE)
>>> request = DisclosureRequest(subject=anna, action=Action.DISCLOSE,
...     category=InfoCategory.SOCIAL_HOME_CARE, holder=town,
...     recipient=Recipient.of_organisation(region), purpose=Purpose.SIP,
...     at=local(2026, 5, 4, 9))
>>> evaluate(request, ()).outcome
<Outcome.NOT_APPLICABLE: 'not_applicable'>
>>> consent = Consent.grant(id="c-1", subject=anna, obtained_by=town,
...     to=(Recipient.any_of_principal(Principal.REGION),),
...     categories=(InfoCategory.SOCIAL_SERVICES,), purposes=(Purpose.SIP,),
...     evidence=Evidence(form=EvidenceForm.ORAL, documented_by="hsa-17",
...                       documented_at=local(2026, 3, 2, 10)),
...     given_at=local(2026, 3, 2, 10))
>>> decision = evaluate(request, (consent,))
>>> decision.permitted, decision.consent_ids
(True, ('c-1',))
>>> print(decision.explain("en"))
PERMIT
basis: CONSENT-PERMIT consent c-1 provision (OSL (2009:400) 12 kap. 2 §)
must: Document the disclosure in the record: what, to whom, on what basis.
why: Consent c-1 (provision) from A. K. permits it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pendulum

from anhorig._arguments import checked, checked_first
from anhorig.consent._compiled import Question, SubjectRecords, seconds
from anhorig.consent._timeline import Timeline, timeline_for
from anhorig.consent.decision import (
    Basis,
    Combining,
    Decision,
    DecisionPolicy,
    Obligation,
    ObligationKind,
    Outcome,
)
from anhorig.consent.model import (
    Block,
    BlockLift,
    Circumstance,
    Consent,
    ConsentRecord,
    DisclosureRequest,
    HarmAssessment,
    Revocation,
    person_key,
)
from anhorig.consent.rules import decide
from anhorig.consent.rules.validity import compile_consent, shared_compiled
from anhorig.errors import InvalidInput
from anhorig.language import Text
from anhorig.people import Person
from anhorig.relations import Relationship

__all__ = [
    "Basis",
    "Combining",
    "ConsentRecord",
    "Decision",
    "DecisionPolicy",
    "Obligation",
    "ObligationKind",
    "Outcome",
    "Timeline",
    "check_request",
    "circumstances_from",
    "compile_records",
    "evaluate",
    "record_instant",
    "record_subject",
    "timeline_for",
]


@checked_first
def circumstances_from(relationship: Relationship, *, on: date) -> frozenset[Circumstance]:
    """What a recorded relationship says about a request to inform its carer.

    ``{RECIPIENT_DECLINES}`` when the carer's involvement in force on ``on`` says they
    do not want information (the anhörigperspektiv keeps a relative informed only if
    they want to take part); otherwise nothing.
    """
    current = relationship.involvement_on(on)
    if current is not None and not current.wants_information:
        return frozenset({Circumstance.RECIPIENT_DECLINES})
    return frozenset()


def check_request(request: object) -> DisclosureRequest:
    """``request`` if it is a :class:`~anhorig.consent.model.DisclosureRequest`; else
    ``InvalidInput`` naming what it is."""
    if not isinstance(request, DisclosureRequest):
        raise InvalidInput.at(
            "request",
            sv=f"väntade DisclosureRequest, fick {type(request).__name__}",
            en=f"expected DisclosureRequest, got {type(request).__name__}",
        )
    return request


_ID_CLASH = {
    Consent: Text(sv="samtycken", en="consents"),
    HarmAssessment: Text(sv="menprövningar", en="harm assessments"),
}
"""What two records of a kind that share an id are called, when they differ."""


def compile_records(
    records: Iterable[object], policy: DecisionPolicy, *, shared: bool = True
) -> dict[str, SubjectRecords]:
    """Index ``records`` by person; ``InvalidInput`` names every bad or clashing record.

    ``shared`` reuses compiled consents between calls (for ``evaluate``); a registry,
    which compiles each consent once, does without."""
    by_subject: dict[str, SubjectRecords] = {}
    problems: list[InvalidInput] = []
    seen: dict[tuple[type, str], Consent | HarmAssessment] = {}
    records_list = list(records)
    for index, record in enumerate(records_list):
        if not isinstance(record, Consent | Revocation | Block | BlockLift | HarmAssessment):
            problems.append(
                InvalidInput.at(
                    f"consents[{index}]",
                    sv="väntade Consent, Revocation, Block, BlockLift eller HarmAssessment, "
                    f"fick {type(record).__name__}",
                    en="expected Consent, Revocation, Block, BlockLift or HarmAssessment, "
                    f"got {type(record).__name__}",
                )
            )
            continue
        if isinstance(record, Consent | HarmAssessment):
            other = seen.setdefault((type(record), record.id), record)
            if other is not record and other != record:
                words = _ID_CLASH[type(record)]
                problems.append(
                    InvalidInput.at(
                        f"consents[{index}].id",
                        sv=f"två olika {words.sv} har id {record.id!r}",
                        en=f"two different {words.en} have id {record.id!r}",
                    )
                )
                continue
        entry = by_subject.setdefault(person_key(record.subject), SubjectRecords())
        if isinstance(record, Consent):
            compile_ = shared_compiled if shared else compile_consent
            entry.add_consent(compile_(record, policy))
        else:
            entry.add(record, policy)
    for index, record in enumerate(records_list):
        if isinstance(record, Revocation):
            revoked = seen.get((Consent, record.consent_id))
            if revoked is not None and person_key(revoked.subject) != person_key(record.subject):
                problems.append(
                    InvalidInput.at(
                        f"consents[{index}].subject",
                        sv=f"återkallelsen gäller en annan person än samtycke {record.consent_id!r}",
                        en=f"the revocation is about someone else than consent {record.consent_id!r}",
                    )
                )
    if problems:
        raise InvalidInput(p for err in problems for p in err.problems)
    return by_subject


@checked
def evaluate(
    request: DisclosureRequest,
    consents: Iterable[ConsentRecord],
    *,
    policy: DecisionPolicy | None = None,
) -> Decision:
    """Decide ``request`` from ``consents`` (consents, revocations, blocks, lifts and
    harm assessments).

    Deny by default: without a basis the outcome is ``NOT_APPLICABLE``. The order of
    ``consents`` never changes the answer.
    """
    request = check_request(request)
    if policy is not None and not isinstance(policy, DecisionPolicy):
        raise TypeError("policy")  # @checked names it; a wrong policy may not fail by itself
    chosen = policy if policy is not None else DecisionPolicy()
    by_subject = compile_records(consents, chosen)
    return decide(Question(request), seconds(request.at), by_subject, chosen)


@checked
def record_subject(record: ConsentRecord) -> Person:
    """The person a record is about."""
    return record.subject


@checked
def record_instant(record: ConsentRecord) -> pendulum.DateTime:
    """The instant a record takes effect."""
    if isinstance(record, Consent):
        return record.given_at
    if isinstance(record, Revocation):
        return record.revoked_at
    if isinstance(record, Block):
        return record.placed_at
    if isinstance(record, HarmAssessment):
        return record.assessed_at
    return record.lifted_at
