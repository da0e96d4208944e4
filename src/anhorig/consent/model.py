"""The consent model: who consented to what, for whom, and how it was recorded.

A :class:`Consent` (*samtycke*) is about one person (``subject``), given by a
:class:`Grantor` (the person; a custodian for a child, with the child's own view),
obtained and relied on by one :class:`Organisation` (each authority relies on its
own consent), documented by :class:`Evidence`, valid from one instant until another,
and scoped by a tree of :class:`Provision` s in FHIR's vocabulary: a base decision
(permit or deny) with nested exceptions, each scoped by action, information
category, recipient, purpose and data period.

``Organisation``, ``Principal`` and ``Sector`` are the core's
(:mod:`anhorig.organisations`), re-exported here.

Nothing here is ever changed: a revocation is a new :class:`Revocation` event,
effective from its instant; a block (*spärr*) is a :class:`Block` event and its
lifting a :class:`BlockLift` carrying the person's explicit consent.

Construction checks structure only (types, ids, a provision tree whose exceptions
alternate); whether a consent is *valid* (authority, documentation) is decided by
the engine on the instant asked about, and the decision says why.

>>> from anhorig.people import Person, PersonId
>>> from anhorig.time import local
>>> anna = Person(id=PersonId.parse("19391225-0028"), name="Anna Karlsson")
>>> region = Organisation(id="region-1", name="Region Sörmland",
...                       principal=Principal.REGION, sector=Sector.HEALTH_CARE)
>>> town = Organisation(id="kommun-1-son", name="Socialnämnden",
...                     principal=Principal.MUNICIPALITY, sector=Sector.SOCIAL_SERVICES)
>>> consent = Consent.grant(
...     id="c-1", subject=anna, obtained_by=town, to=(Recipient.of_organisation(region),),
...     categories=(InfoCategory.SOCIAL_SERVICES,), purposes=(Purpose.SIP,),
...     evidence=Evidence(form=EvidenceForm.ORAL, documented_by="handläggare-17",
...                       documented_at=local(2026, 3, 2, 10, 5)),
...     given_at=local(2026, 3, 2, 10), valid_until=local(2027, 3, 2))
>>> consent
Consent(id='c-1', subject=Person(id=PersonId('19391225-****'), name='A. K.', birth_date='1939-**-**'), ...)
>>> Consent.grant(id="", subject=anna, obtained_by=town, to=(), given_at=None)
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: id: väntade ett id: 1–64 tecken A–Z, a–z, 0–9, '-' eller '.'
given_at: väntade en tidpunkt med tidszon, fick NoneType
valid_from: väntade en tidpunkt med tidszon, fick NoneType

References:
    - Offentlighets- och sekretesslag (2009:400) 12 kap. 2 §, 3 §.
    - Lag (2022:913) om sammanhållen vård- och omsorgsdokumentation (spärr, nödsituation).
    - Socialstyrelsen, *Samtycke* (Kunskapsguiden): oral consent is valid but documented;
      specific; revocable; each authority obtains its own; each person consents for
      themselves.
    - HL7 FHIR R4/R5 ``Consent``: ``provision``, ``actor``, ``action``, ``purpose``,
      ``dataPeriod``.
    - Offentlighets- och sekretesslag (2009:400) 25 kap. 1 §, 26 kap. 1 §: the reversed
      harm test a :class:`HarmAssessment` (*menprövning*) documents.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Union

import attrs
import pendulum

from anhorig import _checks
from anhorig._checks import an_id as _id_validator
from anhorig._checks import collecting, each, instance_of, non_empty_text, optional
from anhorig.consent import _fields
from anhorig.consent._fields import (
    DEFAULT,
    OWN_INSTANT,
    exactly_each,
    instant,
    masked_text,
    optional_instant,
    quick_init,
    to_instant,
)
from anhorig.consent._identifiers import Identifier
from anhorig.consent._provision import (
    MAX_PROVISION_DEPTH,
    InformationKind,
    InformationSelector,
    Provision,
    RecordLink,
    after_valid_from,
)
from anhorig.consent._vocabulary import (
    Action,
    InfoCategory,
    ProvisionType,
    Purpose,
    Recipient,
    RecipientKind,
    RecipientRole,
    person_key,
)
from anhorig.consent.grantors import EvidenceForm, GrantorCapacity
from anhorig.consent.receipt import receipt
from anhorig.language import LabelledEnum
from anhorig.organisations import Organisation, Principal, Sector
from anhorig.people import Person
from anhorig.time import Period

__all__ = [
    "MAX_PROVISION_DEPTH",
    "Action",
    "Block",
    "BlockLift",
    "ChildOpinion",
    "ChildView",
    "Circumstance",
    "Consent",
    "ConsentRecord",
    "DisclosureRequest",
    "Evidence",
    "EvidenceForm",
    "Grantor",
    "GrantorCapacity",
    "HarmAssessment",
    "HarmConclusion",
    "Identifier",
    "InfoCategory",
    "InformationKind",
    "InformationSelector",
    "Organisation",
    "Principal",
    "Provision",
    "ProvisionType",
    "Purpose",
    "Recipient",
    "RecipientKind",
    "RecipientRole",
    "RecordLink",
    "Revocation",
    "Sector",
    "person_key",
]


class ChildOpinion(LabelledEnum):
    """What the child thinks of the custodian's consent (*barnets inställning*)."""

    AGREES = "agrees", "instämmer", "agrees"
    NEUTRAL = "neutral", "har ingen åsikt", "has no view"
    OBJECTS = "objects", "motsätter sig", "objects"
    UNABLE = "unable", "kan inte uttrycka en åsikt", "cannot express a view"


class Circumstance(LabelledEnum):
    """A fact the staff assert about a request that a legal basis needs (*omständighet*)."""

    REPORT_OF_CONCERN = (
        "report_of_concern",
        "orosanmälan till socialnämnden",
        "report of concern to the social welfare committee",
    )
    NECESSARY_CARE = (
        "necessary_care",
        "nödvändigt för vård, behandling eller stöd",
        "needed for necessary care, treatment or support",
    )
    CONTINUOUS_SUBSTANCE_MISUSE = (
        "continuous_substance_misuse",
        "fortgående missbruk",
        "continuous substance misuse",
    )
    COMPULSORY_CARE = (
        "compulsory_care",
        "psykiatrisk tvångsvård eller rättspsykiatrisk vård (LPT, LRV)",
        "compulsory psychiatric or forensic psychiatric care (LPT, LRV)",
    )
    PATIENT_CANNOT_TAKE_IN = (
        "patient_cannot_take_in",
        "patienten kan inte ta del av informationen",
        "the patient cannot take in the information",
    )
    SIGNS_OF_OBJECTION = (
        "signs_of_objection",
        "tecken på att den enskilde skulle motsätta sig",
        "signs that the person would object",
    )
    EMERGENCY = "emergency", "nödsituation", "emergency"
    RECIPIENT_DECLINES = (
        "recipient_declines",
        "mottagaren vill inte ha informationen",
        "the recipient does not want the information",
    )


@collecting
@attrs.frozen(kw_only=True, order=False)
class ChildView:
    """The child's own view of a custodian's consent (*barnets inställning*),
    to be weighed with age and maturity (OSL 12 kap. 3 §)."""

    opinion: ChildOpinion = attrs.field(validator=instance_of(ChildOpinion))
    recorded_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    note: str = attrs.field(default="", validator=_checks.text, repr=masked_text)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Grantor:
    """Who gave the consent, and in what capacity (*den som samtycker*).

    Only the person themselves, or a custodian (*vårdnadshavare*) for a child, can
    waive secrecy. ``child_view`` records the child's own view when a custodian
    consents.
    """

    person: Person = attrs.field(validator=instance_of(Person))
    capacity: GrantorCapacity = attrs.field(validator=instance_of(GrantorCapacity))
    child_view: ChildView | None = attrs.field(
        default=None, validator=optional(instance_of(ChildView))
    )


@collecting
@attrs.frozen(kw_only=True, order=False)
class Evidence:
    """How the consent was given and documented (*dokumentation*).

    Oral consent is valid but must be documented: ``documented_by`` (a staff id,
    e.g. an HSA-id, never a personnummer) and ``documented_at``. A consent whose
    evidence lacks either is not valid, and the decision says so.
    """

    form: EvidenceForm = attrs.field(validator=instance_of(EvidenceForm))
    documented_by: str | None = attrs.field(default=None, validator=optional(non_empty_text))
    documented_at: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=optional_instant
    )
    document_ref: str = attrs.field(default="", validator=_checks.text)
    """Where the written or digital consent is kept (a journal entry, a document id)."""
    verified_with: Person | None = attrs.field(
        default=None, validator=optional(instance_of(Person))
    )
    """Whom the consent was checked with (*kontrollerat med*), e.g. the person or a
    relative (FHIR ``verification.verifiedWith``)."""

    @property
    def is_complete(self) -> bool:
        """Whether it says who documented the consent and when."""
        return self.documented_by is not None and self.documented_at is not None


def _default_valid_from(instance: Consent) -> pendulum.DateTime:
    return instance.given_at


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Consent:
    """A person's consent to share information about them (*samtycke*).

    Valid in ``[valid_from, valid_until)`` (``valid_until=None``: until revoked).
    ``provision`` is the base decision with its scope and nested exceptions. The
    consent is relied on only by ``obtained_by``: each authority obtains its own.
    """

    id: str = attrs.field(validator=_id_validator)
    subject: Person = attrs.field(validator=instance_of(Person))
    grantor: Grantor = attrs.field(validator=instance_of(Grantor))
    obtained_by: Organisation = attrs.field(validator=instance_of(Organisation))
    given_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    evidence: Evidence | None = attrs.field(validator=optional(instance_of(Evidence)))
    provision: Provision = attrs.field(validator=instance_of(Provision))
    valid_from: pendulum.DateTime = attrs.field(
        default=attrs.Factory(_default_valid_from, takes_self=True),
        converter=to_instant,
        validator=instant,
    )
    valid_until: pendulum.DateTime | None = attrs.field(
        default=None, converter=to_instant, validator=after_valid_from
    )
    identifiers: tuple[Identifier, ...] = attrs.field(default=(), validator=each(Identifier))
    """The numbers other systems know the consent by (FHIR ``identifier``)."""
    grantees: frozenset[Recipient] = attrs.field(default=frozenset(), validator=each(Recipient))
    """Whom the consent is granted to (*mottagare av samtycket*, FHIR R5 ``grantee``):
    when given, its permits hold only for these recipients (empty: as its provisions say)."""

    @classmethod
    def grant(
        cls,
        *,
        id: str,
        subject: Person,
        obtained_by: Organisation,
        to: Iterable[Recipient],
        given_at: Any,
        evidence: Evidence | None = None,
        actions: Iterable[Action] = (Action.DISCLOSE,),
        categories: Iterable[InfoCategory] = (),
        purposes: Iterable[Purpose] = (),
        valid_from: Any = None,
        valid_until: Any = None,
        exceptions: Iterable[Provision] = (),
    ) -> Consent:
        """The person's own consent permitting ``actions`` on ``categories`` to ``to``
        for ``purposes`` (empty: any), with optional deny ``exceptions``."""
        provision = Provision(
            decision=ProvisionType.PERMIT,
            actions=frozenset(actions),
            categories=frozenset(categories),
            recipients=frozenset(to),
            purposes=frozenset(purposes),
            exceptions=tuple(exceptions),
        )
        return cls(
            id=id,
            subject=subject,
            grantor=Grantor(person=subject, capacity=GrantorCapacity.SELF),
            obtained_by=obtained_by,
            given_at=given_at,
            evidence=evidence,
            provision=provision,
            valid_from=given_at if valid_from is None else valid_from,
            valid_until=valid_until,
        )

    def receipt(self, lang: str = "sv") -> str:
        """A plain-language receipt for the person who gave it (*kvitto*)."""
        return receipt(self, lang)


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Revocation:
    """The withdrawal of a consent (*återkallelse*), effective from ``revoked_at``.

    Revocation needs no form: it holds from its instant whoever records it. The
    consent itself is never changed.
    """

    consent_id: str = attrs.field(validator=_id_validator)
    subject: Person = attrs.field(validator=instance_of(Person))
    revoked_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    evidence: Evidence | None = attrs.field(default=None, validator=optional(instance_of(Evidence)))


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Block:
    """A block (*spärr*) the person placed on information ``holder`` keeps (Lag 2022:913).

    Other organisations may not access or be given it from ``placed_at`` until a
    :class:`BlockLift` with explicit consent; only an emergency breaks it, and is
    recorded. ``categories`` empty: every category.
    """

    id: str = attrs.field(validator=_id_validator)
    subject: Person = attrs.field(validator=instance_of(Person))
    holder: Organisation = attrs.field(validator=instance_of(Organisation))
    placed_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    categories: frozenset[InfoCategory] = attrs.field(
        default=frozenset(), validator=each(InfoCategory)
    )


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class BlockLift:
    """The lifting of a block (*hävd spärr*), which needs the person's explicit,
    documented consent (``evidence``); without complete evidence the block holds."""

    block_id: str = attrs.field(validator=_id_validator)
    subject: Person = attrs.field(validator=instance_of(Person))
    lifted_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    evidence: Evidence = attrs.field(validator=instance_of(Evidence))


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class DisclosureRequest:
    """The question (*begäran*): may ``holder`` do ``action`` with information of
    ``category`` about ``subject`` (and ``also_about``) with ``recipient``, for
    ``purpose``, at instant ``at``?

    ``holder`` is the authority whose secrecy applies: for ``DISCLOSE`` the one
    giving the information, for ``ACCESS`` the one whose records are read, for
    ``COLLECT`` the one taking information in from ``recipient``. Information about
    several people (``also_about``) needs a basis for each one.

    ``concerns``: the child a report of concern (``Purpose.CHILD_PROTECTION`` only) is
    about when the information is a parent's (*barnet som anmälan gäller*); masked.

    ``information``: what the information is (*vilka uppgifter*), as
    :class:`InformationSelector` s: its records, kinds, codes, document types, security
    labels, authors. Of each kind it names, it names all the information has. A
    provision narrowed to particular information permits only what the request shows
    it covers, and a narrowed deny applies when the request does not say.
    """

    subject: Person = attrs.field(validator=instance_of(Person))
    action: Action = attrs.field(validator=instance_of(Action))
    category: InfoCategory = attrs.field(validator=instance_of(InfoCategory))
    holder: Organisation = attrs.field(validator=instance_of(Organisation))
    recipient: Recipient = attrs.field(validator=instance_of(Recipient))
    purpose: Purpose = attrs.field(validator=instance_of(Purpose))
    at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    also_about: tuple[Person, ...] = attrs.field(default=(), validator=each(Person))
    data_period: Period | None = attrs.field(default=None, validator=optional(instance_of(Period)))
    circumstances: frozenset[Circumstance] = attrs.field(
        default=frozenset(), validator=each(Circumstance)
    )
    concerns: Person | None = attrs.field(
        default=None,
        validator=_checks.and_(optional(instance_of(Person)), _fields.for_child_protection),
    )
    information: frozenset[InformationSelector] = attrs.field(
        default=frozenset(), validator=each(InformationSelector)
    )
    """What the information asked for is (records, kinds, codes, document types, security
    labels, authors); of each kind named, all it has. Empty: not said."""

    @property
    def subjects(self) -> tuple[Person, ...]:
        """Everyone the information is about, ``subject`` first."""
        return (self.subject, *self.also_about)

    @property
    def question(self) -> tuple[object, ...]:
        """Everything the request asks except its instant: a hashable key."""
        return (
            person_key(self.subject),
            self.also_about,
            self.action,
            self.category,
            self.holder,
            self.recipient,
            self.purpose,
            self.data_period,
            self.circumstances,
            self.concerns,
            self.information,
        )

    @property
    def timestamp(self) -> float:
        """The instant asked about, as seconds since the epoch (UTC)."""
        return self.at.timestamp()


# Requests are built for every question asked: arguments that are already what the
# fields hold (exact types, an instant anhorig made) are not checked again.
quick_init(
    DisclosureRequest,
    {
        "subject": Person,
        "action": Action,
        "category": InfoCategory,
        "holder": Organisation,
        "recipient": Recipient,
        "purpose": Purpose,
        "at": OWN_INSTANT,
        "also_about": (DEFAULT, exactly_each(tuple, Person)),
        "data_period": (DEFAULT, Period),
        "circumstances": (DEFAULT, exactly_each(frozenset, Circumstance)),
        "concerns": DEFAULT,
        "information": (DEFAULT, exactly_each(frozenset, InformationSelector)),
    },
)


# --- menprövning: a documented harm assessment -------------------------------------------


class HarmConclusion(LabelledEnum):
    """What a harm assessment concluded (*menprövningens slutsats*).

    Secrecy in health care and social services holds "om det inte står klart att
    uppgiften kan röjas utan att den enskilde eller någon närstående till denne lider
    men" (OSL 25 kap. 1 §, 26 kap. 1 §): only ``CLEARLY_NO_HARM`` lets information go;
    ``HARM_POSSIBLE`` (harm cannot be ruled out) leaves secrecy in place.
    """

    CLEARLY_NO_HARM = (
        "clearly_no_harm",
        "det står klart att inget men uppstår",
        "it is clear that no harm results",
    )
    HARM_POSSIBLE = "harm_possible", "men kan inte uteslutas", "harm cannot be ruled out"


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class HarmAssessment:
    """A documented harm assessment (*menprövning*) of one disclosure at hand.

    ``holder``, the authority that keeps the information, assessed at ``assessed_at``
    whether giving information of ``categories`` about ``subject`` to ``recipient`` for
    ``purpose`` can be done without the person or anyone close to them suffering harm
    (*men*). ``assessed_by`` is the staff id of who made it (an HSA-id or similar, never
    a personnummer; masked in the repr), ``note`` the reasoning (masked). The engine
    relies on it only for the holder's own disclosures (``Action.DISCLOSE``), within the
    :class:`~anhorig.consent.engine.DecisionPolicy`'s ``harm_assessment_days`` after
    ``assessed_at``: an assessment is made for the disclosure at hand, not for ever.

    It is not a consent: it neither lifts nor needs the person's consent, and the
    person's own no (a deny provision in their consent, a block, signs they would
    object) always goes before it.
    """

    id: str = attrs.field(validator=_id_validator)
    subject: Person = attrs.field(validator=instance_of(Person))
    holder: Organisation = attrs.field(validator=instance_of(Organisation))
    assessed_by: str = attrs.field(validator=non_empty_text, repr=masked_text)
    assessed_at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    categories: frozenset[InfoCategory] = attrs.field(
        validator=_checks.and_(each(InfoCategory), _checks.not_empty)
    )
    recipient: Recipient = attrs.field(validator=instance_of(Recipient))
    purpose: Purpose = attrs.field(validator=instance_of(Purpose))
    conclusion: HarmConclusion = attrs.field(validator=instance_of(HarmConclusion))
    note: str = attrs.field(default="", validator=_checks.text, repr=masked_text)


ConsentRecord = Union[Consent, Revocation, Block, BlockLift, HarmAssessment]  # noqa: UP007
"""Anything the registry and ``evaluate`` take: a consent or an event about one, or a
documented harm assessment (*menprövning*)."""


# --- what three validators check, said as data for the JSON Schema ----------------------
# A provision's exceptions take the opposite decision (``alternating``), a consent ends
# after it starts (a ``rule`` with a ``check``), and only a request for child protection
# names the child it concerns (``cases``). Said where the classes are made, so that every
# process holding the model holds them, and ``anhorig.consent`` need not import the model.


def _validator(field: attrs.Attribute[Any]) -> _checks.Validator:
    found = field.validator
    assert found is not None, field.name  # both fields have one
    return found


_checks.describe(
    _validator(attrs.fields(Provision).exceptions),
    "alternating",
    "decision",
    (ProvisionType.PERMIT.value, ProvisionType.DENY.value),
    f"provisions nest at most {MAX_PROVISION_DEPTH} levels deep",
)

_checks.describe(
    _validator(attrs.fields(Consent).valid_until),
    "rule",
    _fields.optional_instant,
    "valid_until is after valid_from, when both are given",
    "valid_from < valid_until",
)

_checks.describe(
    _fields.for_child_protection,
    "cases",
    "purpose",
    {p.value: ((), ("concerns",)) for p in Purpose if p is not Purpose.CHILD_PROTECTION},
    None,
)
