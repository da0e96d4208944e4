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
from anhorig.consent._fields import instant, masked_text, optional_instant, to_instant
from anhorig.consent._identifiers import Identifier
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
    "Organisation",
    "Principal",
    "Provision",
    "ProvisionType",
    "Purpose",
    "Recipient",
    "RecipientKind",
    "RecipientRole",
    "Revocation",
    "Sector",
    "person_key",
]


def person_key(person: Person) -> str:
    """A stable key for ``person``: the full personnummer, else name and birth date.

    Used to index and compare people; never shown to anyone.
    """
    if person.id is not None:
        return person.id.value
    born = person.birth_date.isoformat() if person.birth_date is not None else "?"
    return f"~{person.name}|{born}"


class Action(LabelledEnum):
    """What is done with the information (FHIR ``consentaction``) (*åtgärd*).

    ``DISCLOSE``: the holder gives it to the recipient (*lämna ut*). ``ACCESS``: the
    recipient takes part of the holder's records, as in shared records (*ta del av*,
    *direktåtkomst*). ``COLLECT``: the holder takes in information from the
    recipient named in the request, e.g. a relative who talks to staff (*ta emot,
    lyssna*). ``CORRECT``: the recipient reads the holder's records to correct them
    (*rätta*); only a consent that permits it lets it through, never a legal exception.
    """

    DISCLOSE = "disclose", "lämna ut", "disclose"
    ACCESS = "access", "ta del av (åtkomst)", "access"
    COLLECT = "collect", "ta emot (lyssna)", "collect (listen)"
    CORRECT = "correct", "rätta uppgifterna", "correct the information"


class InfoCategory(LabelledEnum):
    """A class of information (*uppgiftskategori*); dotted values form a hierarchy.

    A provision on ``health_care`` covers ``health_care.diagnosis`` and every other
    class under it.
    """

    HEALTH_CARE = "health_care", "hälso- och sjukvård", "health care"
    HEALTH_DIAGNOSIS = "health_care.diagnosis", "diagnoser", "diagnoses"
    HEALTH_MEDICATION = "health_care.medication", "läkemedel", "medication"
    HEALTH_CARE_PLAN = "health_care.care_plan", "vårdplan", "care plan"
    HEALTH_DISCHARGE = "health_care.discharge", "utskrivning", "discharge"
    SOCIAL_SERVICES = "social_services", "socialtjänst", "social services"
    SOCIAL_ASSISTANCE = (
        "social_services.assistance",
        "biståndsbeslut och insatser",
        "assistance decisions and services",
    )
    SOCIAL_HOME_CARE = "social_services.home_care", "hemtjänst", "home care"
    SOCIAL_CARER_SUPPORT = "social_services.carer_support", "anhörigstöd", "carer support"
    SOCIAL_ECONOMY = "social_services.economy", "ekonomi", "finances"

    def covers(self, other: InfoCategory) -> bool:
        """Whether this class is ``other`` or an ancestor of it."""
        return other.value == self.value or other.value.startswith(self.value + ".")

    @property
    def root(self) -> InfoCategory:
        """The top class: ``HEALTH_CARE`` or ``SOCIAL_SERVICES``."""
        return InfoCategory(self.value.split(".")[0])


class Purpose(LabelledEnum):
    """Why the information is shared (*ändamål*).

    ``EMERGENCY_CARE``: care that cannot wait, in an emergency (*nödsituation*); the
    emergency basis also needs ``Circumstance.EMERGENCY`` asserted.
    """

    CARE_AND_TREATMENT = "care_and_treatment", "vård och behandling", "care and treatment"
    SIP = "sip", "samordnad individuell plan (SIP)", "coordinated individual plan (SIP)"
    DISCHARGE_PLANNING = "discharge_planning", "planering inför utskrivning", "discharge planning"
    CARER_SUPPORT = "carer_support", "stöd till anhöriga", "support to carers"
    INFORMING_RELATIVE = (
        "informing_relative",
        "information till närstående",
        "informing a relative",
    )
    CHILD_PROTECTION = "child_protection", "skydd av barn (orosanmälan)", "child protection"
    EMERGENCY_CARE = "emergency_care", "vård i en nödsituation", "care in an emergency"


class RecipientRole(LabelledEnum):
    """The role a recipient has (*mottagarens roll*)."""

    RELATIVE = "relative", "anhörig/närstående", "relative"
    CUSTODIAN = "custodian", "vårdnadshavare", "custodian"
    GUARDIAN = "guardian", "god man eller förvaltare", "guardian (god man, förvaltare)"
    CARE_STAFF = "care_staff", "vård- och omsorgspersonal", "care staff"
    CASE_OFFICER = "case_officer", "handläggare", "case officer"
    SUPPORT_CONTACT = "support_contact", "stödkontakt", "support contact"
    VOLUNTEER = "volunteer", "volontär", "volunteer"


class RecipientKind(LabelledEnum):
    """How a :class:`Recipient` names who receives the information."""

    PERSON = "person", "en person", "a person"
    ORGANISATION = "organisation", "en organisation", "an organisation"
    PRINCIPAL = "principal", "varje organisation med huvudmannen", "any organisation of a principal"
    ROLE = "role", "varje mottagare med rollen", "any recipient with a role"


class ProvisionType(LabelledEnum):
    """A provision's decision (FHIR ``consent-provision-type``) (*beslut*)."""

    PERMIT = "permit", "tillåt", "permit"
    DENY = "deny", "neka", "deny"

    @property
    def opposite(self) -> ProvisionType:
        """The other decision."""
        return ProvisionType.DENY if self is ProvisionType.PERMIT else ProvisionType.PERMIT


class GrantorCapacity(LabelledEnum):
    """In what capacity the grantor acts (*i vilken egenskap*).

    Only ``SELF`` (the person the information is about) and ``CUSTODIAN`` (for a
    child) can waive secrecy; the others are recorded so that the decision can say
    why their consent is not valid.
    """

    SELF = "self", "den enskilde själv", "the person themselves"
    CUSTODIAN = "custodian", "vårdnadshavare", "custodian"
    GOD_MAN = "god_man", "god man", "trustee (god man)"
    FORVALTARE = "forvaltare", "förvaltare", "administrator (förvaltare)"
    POWER_OF_ATTORNEY = (
        "power_of_attorney",
        "framtidsfullmaktshavare",
        "holder of a power of attorney",
    )
    RELATIVE = "relative", "anhörig", "relative"
    NEIGHBOUR = "neighbour", "granne", "neighbour"
    OTHER = "other", "annan person", "someone else"
    EMERGENCY_CONTACT = (
        "emergency_contact",
        "kontaktperson vid nödsituation",
        "emergency contact",
    )
    GUARDIAN = "god_man", "god man", "trustee (god man)"  # alias: plans' former GrantorKind


class ChildOpinion(LabelledEnum):
    """What the child thinks of the custodian's consent (*barnets inställning*)."""

    AGREES = "agrees", "instämmer", "agrees"
    NEUTRAL = "neutral", "har ingen åsikt", "has no view"
    OBJECTS = "objects", "motsätter sig", "objects"
    UNABLE = "unable", "kan inte uttrycka en åsikt", "cannot express a view"


class EvidenceForm(LabelledEnum):
    """How consent was given (*form*)."""

    ORAL = "oral", "muntligt", "oral"
    WRITTEN = "written", "skriftligt", "written"
    DIGITAL = "digital", "digitalt", "digital"


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
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Recipient:
    """Who receives the information (*mottagare*): a person, an organisation, any
    organisation of a principal, or anyone with a role.

    In a provision it says whom the provision is about; in a request it names the
    actual recipient (a person, with their role, or an organisation). Build one with
    :meth:`of_person`, :meth:`of_organisation`, :meth:`any_of_principal` or
    :meth:`any_with_role`.
    """

    kind: RecipientKind = attrs.field(validator=instance_of(RecipientKind))
    person: Person | None = attrs.field(default=None, validator=optional(instance_of(Person)))
    organisation: Organisation | None = attrs.field(
        default=None, validator=optional(instance_of(Organisation))
    )
    principal: Principal | None = attrs.field(
        default=None, validator=optional(instance_of(Principal))
    )
    role: RecipientRole | None = attrs.field(
        default=None,
        validator=_checks.and_(optional(instance_of(RecipientRole)), _fields.recipient_shape),
    )

    @classmethod
    def of_person(cls, person: Person, *, role: RecipientRole | None = None) -> Recipient:
        """One person, e.g. a daughter (``role=RecipientRole.RELATIVE``)."""
        return cls(kind=RecipientKind.PERSON, person=person, role=role)

    @classmethod
    def of_organisation(cls, organisation: Organisation) -> Recipient:
        """One organisation (authority, provider)."""
        return cls(kind=RecipientKind.ORGANISATION, organisation=organisation)

    @classmethod
    def any_of_principal(cls, principal: Principal) -> Recipient:
        """Every organisation under ``principal`` (e.g. the region's units)."""
        return cls(kind=RecipientKind.PRINCIPAL, principal=principal)

    @classmethod
    def any_with_role(cls, role: RecipientRole) -> Recipient:
        """Every recipient with ``role`` (e.g. any relative)."""
        return cls(kind=RecipientKind.ROLE, role=role)

    def keys(self) -> frozenset[str]:
        """The match keys as text (``"o:<id>"``, ``"k:<principal>"``, ``"p:…"``,
        ``"r:<role>"``): what a provision's recipient must share with a request's.

        Kept for callers; the engine matches on typed keys of its own."""
        found: set[str] = set()
        if self.person is not None:
            found.add("p:" + person_key(self.person))
        if self.organisation is not None:
            found.add("o:" + self.organisation.id)
            found.add("k:" + self.organisation.principal.value)
        if self.principal is not None:
            found.add("k:" + self.principal.value)
        if self.role is not None:
            found.add("r:" + self.role.value)
        return frozenset(found)

    def describe(self, lang: str = "sv") -> str:
        """Who this is, in words (names masked)."""
        from anhorig.language import check_lang

        language = check_lang(lang)
        if self.kind is RecipientKind.PERSON:
            role = f" ({self.role.label(language)})" if self.role is not None else ""
            return f"{self.person}{role}"
        if self.kind is RecipientKind.ORGANISATION:
            return str(self.organisation)
        if self.kind is RecipientKind.PRINCIPAL:
            assert self.principal is not None
            word = "varje" if language == "sv" else "any"
            return f"{word} {self.principal.label(language)}"
        assert self.role is not None
        word = "varje" if language == "sv" else "any"
        return f"{word} {self.role.label(language)}"


MAX_PROVISION_DEPTH = 16
"""How deep provisions may nest, the outermost counting as 1.

A consent nests two or three levels (permit, a denied category, a permitted part of
it); the limit keeps comparing, hashing and deciding on provisions free of deep
recursion, and a consent document well within `anhorig.serialization.MAX_DEPTH`.
"""


def _nesting(provisions: tuple[Provision, ...]) -> int:
    """How many levels of provisions ``provisions`` and their exceptions span."""
    depth = 0
    level: list[Any] = list(provisions)
    while level:
        depth += 1
        if depth > MAX_PROVISION_DEPTH:
            break  # enough to refuse; the rest need not be walked
        level = [
            child
            for p in level
            if isinstance(p, Provision) and isinstance(p.exceptions, tuple)
            for child in p.exceptions
        ]
    return depth


def _alternating(instance: Provision, attribute: attrs.Attribute[Any], value: Any) -> None:
    each(Provision)(instance, attribute, value)
    if not isinstance(value, tuple):
        return
    if value and _nesting(value) >= MAX_PROVISION_DEPTH:
        _checks.fail(
            "exceptions",
            sv=f"villkor får vara nästlade högst {MAX_PROVISION_DEPTH} nivåer djupt",
            en=f"provisions may nest at most {MAX_PROVISION_DEPTH} levels deep",
        )
    if not isinstance(instance.decision, ProvisionType):
        return
    for index, child in enumerate(value):
        if isinstance(child, Provision) and child.decision is instance.decision:
            _checks.fail(
                f"exceptions[{index}].decision",
                sv=f"ett undantag måste ha motsatt beslut ({instance.decision.opposite.value})",
                en=f"an exception must have the opposite decision ({instance.decision.opposite.value})",
            )


def _data_period(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional(instance_of(Period))(instance, attribute, value)


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Provision:
    """A rule in a consent (*villkor*): permit or deny, within a scope, with exceptions.

    An empty scope field means *any*: a provision with no ``actions`` covers every
    action. A request is within the scope when every non-empty field matches:
    its action is listed, a listed category covers its category, one listed
    recipient matches its recipient, its purpose is listed, and its data period lies
    within ``data_period``. ``exceptions`` are nested provisions of the opposite
    decision, as in FHIR: the deepest one whose scope holds decides.
    """

    decision: ProvisionType = attrs.field(validator=instance_of(ProvisionType))
    actions: frozenset[Action] = attrs.field(default=frozenset(), validator=each(Action))
    categories: frozenset[InfoCategory] = attrs.field(
        default=frozenset(), validator=each(InfoCategory)
    )
    recipients: frozenset[Recipient] = attrs.field(default=frozenset(), validator=each(Recipient))
    purposes: frozenset[Purpose] = attrs.field(default=frozenset(), validator=each(Purpose))
    data_period: Period | None = attrs.field(default=None, validator=_data_period)
    """The period the information itself is about (FHIR ``dataPeriod``)."""
    exceptions: tuple[Provision, ...] = attrs.field(default=(), validator=_alternating)

    @property
    def is_unscoped(self) -> bool:
        """Whether every scope field is empty (the provision covers everything)."""
        return not (
            self.actions or self.categories or self.recipients or self.purposes or self.data_period
        )

    def walk(self, path: str = "provision") -> Iterable[tuple[str, Provision]]:
        """Every provision in the tree with its path, depth first."""
        yield path, self
        for index, child in enumerate(self.exceptions):
            yield from child.walk(f"{path}.exceptions[{index}]")


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


def _after_valid_from(instance: Consent, attribute: attrs.Attribute[Any], value: Any) -> None:
    optional_instant(instance, attribute, value)
    start = instance.valid_from
    if (
        isinstance(value, pendulum.DateTime)
        and isinstance(start, pendulum.DateTime)
        and value <= start
    ):
        _checks.fail(
            attribute.name,
            sv=f"måste vara efter valid_from ({start.isoformat()})",
            en=f"must be after valid_from ({start.isoformat()})",
        )


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
        default=None, converter=to_instant, validator=_after_valid_from
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
    """

    subject: Person = attrs.field(validator=instance_of(Person))
    action: Action = attrs.field(validator=instance_of(Action))
    category: InfoCategory = attrs.field(validator=instance_of(InfoCategory))
    holder: Organisation = attrs.field(validator=instance_of(Organisation))
    recipient: Recipient = attrs.field(validator=instance_of(Recipient))
    purpose: Purpose = attrs.field(validator=instance_of(Purpose))
    at: pendulum.DateTime = attrs.field(converter=to_instant, validator=instant)
    also_about: tuple[Person, ...] = attrs.field(default=(), validator=each(Person))
    data_period: Period | None = attrs.field(default=None, validator=_data_period)
    circumstances: frozenset[Circumstance] = attrs.field(
        default=frozenset(), validator=each(Circumstance)
    )
    concerns: Person | None = attrs.field(
        default=None,
        validator=_checks.and_(optional(instance_of(Person)), _fields.for_child_protection),
    )

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
        )

    @property
    def timestamp(self) -> float:
        """The instant asked about, as seconds since the epoch (UTC)."""
        return self.at.timestamp()


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
