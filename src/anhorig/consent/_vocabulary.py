"""The words a provision is written in (*villkorens ord*): actions, information
categories, purposes, recipients and their roles, and the decision (permit or deny).

Part of :mod:`anhorig.consent.model`, which re-exports every name; import them from there.
"""

from __future__ import annotations

import attrs

from anhorig import _checks
from anhorig._checks import collecting, instance_of, optional
from anhorig.consent import _fields
from anhorig.language import LabelledEnum
from anhorig.organisations import Organisation, Principal
from anhorig.people import Person

__all__ = [
    "Action",
    "InfoCategory",
    "ProvisionType",
    "Purpose",
    "Recipient",
    "RecipientKind",
    "RecipientRole",
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
