"""A consent registry as the plans' :class:`~anhorig.plans.ConsentOracle`
(*samtyckesregistret avgör planens samtycken*).

A plan check asks ``covers(subject, purpose, on=day)``: has ``subject`` a valid consent
to ``purpose`` (documenting in the plan, sharing between its participants) on ``day``?
:class:`RegistryOracle` puts that question to a
:class:`~anhorig.consent.ConsentRegistry` (or anything with its ``decide``) as one or
more disclosure requests, each a :class:`RegistryQuestion` you name for the purpose,
and answers yes only when every one of them is permitted. So the registry's own rules
decide: who may consent, documentation, the child's view, revocation, validity and
each authority's own consent, with the registry's :class:`~anhorig.consent.DecisionPolicy`.
A purpose given no question is never covered (deny by default).

The day is asked about as of its last instant in Stockholm, as a plan's own consent
records count by day: a consent given during the day counts on it; one revoked or
expired during the day does not.

>>> from datetime import date
>>> from anhorig.consent import (Action, Consent, ConsentRegistry, Evidence, EvidenceForm,
...     InfoCategory, Organisation, Principal, Purpose, Recipient, Sector)
>>> from anhorig.people import Person, PersonId
>>> from anhorig.plans import ConsentPurpose
>>> from anhorig.time import local
>>> nils = Person(id=PersonId.parse("19460502-9711"), name="Nils Berg")
>>> town = Organisation(id="kommun-1", name="Socialnämnden", principal=Principal.MUNICIPALITY,
...                     sector=Sector.SOCIAL_SERVICES)
>>> region = Organisation(id="region-1", name="Vårdcentralen", principal=Principal.REGION,
...                       sector=Sector.HEALTH_CARE)
>>> registry = ConsentRegistry()
>>> registry.add(Consent.grant(
...     id="c-1", subject=nils, obtained_by=town, to=(Recipient.of_organisation(region),),
...     categories=(InfoCategory.SOCIAL_SERVICES,), purposes=(Purpose.SIP,),
...     evidence=Evidence(form=EvidenceForm.ORAL, documented_by="handläggare-17",
...                       documented_at=local(2026, 10, 26, 10)),
...     given_at=local(2026, 10, 26, 10)))
>>> to_region = RegistryQuestion(action=Action.DISCLOSE, category=InfoCategory.SOCIAL_SERVICES,
...     holder=town, recipient=Recipient.of_organisation(region), purpose=Purpose.SIP)
>>> oracle = registry_oracle(registry, document_in_plan=to_region)
>>> oracle.covers(nils, ConsentPurpose.DOCUMENT_IN_PLAN, on=date(2026, 10, 26))
True
>>> oracle.covers(nils, ConsentPurpose.DOCUMENT_IN_PLAN, on=date(2026, 10, 25))
False
>>> oracle.covers(nils, ConsentPurpose.SHARE_WITH_PARTICIPANTS, on=date(2026, 10, 26))
False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Protocol

import attrs
import pendulum

from anhorig._arguments import checked
from anhorig._checks import collecting, instance_of
from anhorig.consent.decision import Decision
from anhorig.consent.model import Action, DisclosureRequest, InfoCategory, Purpose, Recipient
from anhorig.errors import InvalidInput
from anhorig.organisations import Organisation
from anhorig.people import Person
from anhorig.plans._common import ConsentPurpose, judged_day
from anhorig.time import day_interval

__all__ = ["Decides", "RegistryOracle", "RegistryQuestion", "registry_oracle"]


class Decides(Protocol):
    """What the adapter needs of a registry: ``decide(request) -> Decision``
    (:class:`~anhorig.consent.ConsentRegistry`, a store's registry)."""

    def decide(self, request: DisclosureRequest) -> Decision:
        """The decision on ``request`` as of its instant."""
        ...


@collecting
@attrs.frozen(kw_only=True, order=False)
class RegistryQuestion:
    """One disclosure a plan's consent purpose stands for (*vad samtycket ska täcka*):
    ``holder`` does ``action`` with information of ``category`` with ``recipient`` for
    ``purpose``. The subject and the instant come from the plan check."""

    action: Action = attrs.field(validator=instance_of(Action))
    category: InfoCategory = attrs.field(validator=instance_of(InfoCategory))
    holder: Organisation = attrs.field(validator=instance_of(Organisation))
    recipient: Recipient = attrs.field(validator=instance_of(Recipient))
    purpose: Purpose = attrs.field(validator=instance_of(Purpose))

    def request(self, subject: Person, at: pendulum.DateTime) -> DisclosureRequest:
        """This question about ``subject`` at instant ``at``."""
        return DisclosureRequest(
            subject=subject,
            action=self.action,
            category=self.category,
            holder=self.holder,
            recipient=self.recipient,
            purpose=self.purpose,
            at=at,
        )


def _questions(purpose: ConsentPurpose, value: object) -> tuple[RegistryQuestion, ...]:
    """``value`` (one question or several) as a tuple; ``InvalidInput`` otherwise."""
    path = f"questions[{purpose.value}]"
    items = (value,) if isinstance(value, RegistryQuestion) else value
    if not isinstance(items, Iterable) or isinstance(items, str | bytes | Mapping):
        raise InvalidInput.at(
            path,
            sv="väntade en RegistryQuestion eller flera",
            en="expected a RegistryQuestion or several",
        )
    found = tuple(items)
    for index, item in enumerate(found):
        if not isinstance(item, RegistryQuestion):
            raise InvalidInput.at(
                f"{path}[{index}]",
                sv=f"väntade RegistryQuestion, fick {type(item).__name__}",
                en=f"expected RegistryQuestion, got {type(item).__name__}",
            )
    return found


class RegistryOracle:
    """A registry answering the plans' :class:`~anhorig.plans.ConsentOracle`.

    ``questions`` gives, for each :class:`~anhorig.plans.ConsentPurpose`, the
    disclosure requests it stands for; ``covers`` is true when the registry permits
    every one of them about the subject as of the end of the day. ``decisions`` gives
    the registry's decisions themselves, for a caller that shows why.
    """

    __slots__ = ("_questions", "_registry")

    def __init__(
        self,
        registry: Decides,
        questions: Mapping[ConsentPurpose, RegistryQuestion | Iterable[RegistryQuestion]],
    ) -> None:
        if not callable(getattr(registry, "decide", None)):
            raise InvalidInput.at(
                "registry",
                sv="väntade ett samtyckesregister med decide(request)",
                en="expected a consent registry with decide(request)",
            )
        if not isinstance(questions, Mapping):
            raise InvalidInput.at(
                "questions",
                sv="väntade en tabell från ConsentPurpose till frågor",
                en="expected a mapping from ConsentPurpose to questions",
            )
        table: dict[ConsentPurpose, tuple[RegistryQuestion, ...]] = {}
        for purpose, asked in questions.items():
            if not isinstance(purpose, ConsentPurpose):
                raise InvalidInput.at(
                    "questions",
                    sv=f"väntade ConsentPurpose som nyckel, fick {type(purpose).__name__}",
                    en=f"expected ConsentPurpose as a key, got {type(purpose).__name__}",
                )
            table[purpose] = _questions(purpose, asked)
        self._registry = registry
        self._questions = table

    def decisions(
        self, subject: Person, purpose: ConsentPurpose, *, on: date
    ) -> tuple[Decision, ...]:
        """The registry's decision on each question ``purpose`` stands for, about
        ``subject`` as of the last instant of ``on`` (Stockholm)."""
        day = judged_day(on)
        at = day_interval(day).end - timedelta(microseconds=1)
        return tuple(
            self._registry.decide(question.request(subject, at))
            for question in self._questions.get(purpose, ())
        )

    def covers(self, subject: Person, purpose: ConsentPurpose, *, on: date) -> bool:
        """Whether the registry permits every question of ``purpose`` about ``subject``
        on ``on``; a purpose with no question is never covered."""
        decisions = self.decisions(subject, purpose, on=on)
        return bool(decisions) and all(d.permitted for d in decisions)

    def __repr__(self) -> str:
        asked = ", ".join(f"{p.value}: {len(q)}" for p, q in self._questions.items())
        return f"RegistryOracle({type(self._registry).__name__}, {{{asked}}})"


@checked
def registry_oracle(
    registry: Decides,
    *,
    document_in_plan: RegistryQuestion | Iterable[RegistryQuestion] = (),
    share_with_participants: RegistryQuestion | Iterable[RegistryQuestion] = (),
) -> RegistryOracle:
    """A :class:`RegistryOracle` asking ``registry`` the ``document_in_plan`` questions
    for consent to document in the plan and the ``share_with_participants`` ones for
    consent to share between the plan's participants (a SIP asks both)."""
    return RegistryOracle(
        registry,
        {
            ConsentPurpose.DOCUMENT_IN_PLAN: document_in_plan,
            ConsentPurpose.SHARE_WITH_PARTICIPANTS: share_with_participants,
        },
    )
