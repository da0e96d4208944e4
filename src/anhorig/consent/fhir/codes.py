"""Mapping tables: a code in a FHIR code system to a term of anhorig's (*kodtabeller*).

Each :class:`CodeRow` says what one code (``system`` + ``code``) means to anhorig in
one table: the term it maps to, or ``None`` when anhorig's model cannot hold what it
means; its ``meaning`` says in words what the code means, so that a refusal can name
it. The tables are data: :data:`DEFAULT_CODES` holds them, the reference page lists
them, and the tests check them row by row.

A region or municipality adds its own codes by building a new table set, never by
changing the default one::

    >>> from anhorig.consent.model import InfoCategory
    >>> from anhorig.language import Text
    >>> mine = DEFAULT_CODES.with_rows(CodeRow(
    ...     table="category", system="urn:oid:1.2.752.29.99.1", code="psyk",
    ...     term=InfoCategory.HEALTH_CARE, meaning=Text(sv="psykiatri", en="psychiatry")))
    >>> mine.lookup("category", "urn:oid:1.2.752.29.99.1", "psyk").term
    <InfoCategory.HEALTH_CARE: 'health_care'>
    >>> DEFAULT_CODES.lookup("category", "urn:oid:1.2.752.29.99.1", "psyk") is None
    True

References:
    - HL7 terminology: ``consentscope``, ``consentcategorycodes``, ``consentaction``,
      ``v3-ActCode``, ``v3-ActReason`` (purpose of use), ``v3-ParticipationType``,
      ``v3-RoleCode``, ``v3-Confidentiality``, ``organization-type``, ``v2-0131``
      (contact role);
      https://terminology.hl7.org/
    - LOINC 59284-0 *Patient Consent*, 64292-6 *Release of information consent*.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, get_args

import attrs

from anhorig._checks import collecting, instance_of, non_empty_text
from anhorig.consent.model import (
    Action,
    EvidenceForm,
    GrantorCapacity,
    InfoCategory,
    Principal,
    ProvisionType,
    Purpose,
    RecipientRole,
    Sector,
)
from anhorig.errors import InvalidInput
from anhorig.language import LabelledEnum, Text

__all__ = [
    "CODE_SYSTEM",
    "DEFAULT_CODES",
    "TABLES",
    "ActorRole",
    "CodeRow",
    "CodeTables",
    "ConsentKind",
    "Restriction",
    "Table",
]

CODE_SYSTEM = "https://anhorig.invalid/fhir/CodeSystem/"
"""Base URL of anhorig's code systems (information category, purpose, ...)."""

SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope"
CATEGORY = "http://terminology.hl7.org/CodeSystem/consentcategorycodes"
ACTIONS = "http://terminology.hl7.org/CodeSystem/consentaction"
ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality"
ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type"
CONTACT_ROLE = "http://terminology.hl7.org/CodeSystem/v2-0131"
LOINC = "http://loinc.org"


class ConsentKind(LabelledEnum):
    """What a consent is about (*samtyckets slag*), from its scope, category or basis.

    Only a consent about sharing information (``INFORMATION``) is anhorig's; ``GENERAL``
    says only that the resource is a consent.
    """

    INFORMATION = "information", "utlämnande av uppgifter", "sharing information"
    GENERAL = "general", "samtycke (utan närmare slag)", "a consent (kind not stated)"
    TREATMENT = "treatment", "samtycke till vård eller behandling", "consent to treatment"
    RESEARCH = "research", "samtycke till forskning", "consent to research"
    ADVANCE_DIRECTIVE = (
        "advance_directive",
        "förhandsbesked om vård",
        "advance care directive",
    )


class Restriction(LabelledEnum):
    """How a consent's category or basis limits every permit in it (*begränsning*).

    ``ACCESS_ONLY``: the permits cover reading only (``Action.ACCESS``), never
    disclosing, collecting or correcting. ``EMERGENCY_ONLY``: the permits cover access
    for care in an emergency only (``Action.ACCESS``, ``Purpose.EMERGENCY_CARE``). A
    deny is never narrowed: the limit only ever shares less.
    """

    ACCESS_ONLY = "access_only", "bara åtkomst (läsa)", "access (read) only"
    EMERGENCY_ONLY = (
        "emergency_only",
        "bara åtkomst för vård i en nödsituation",
        "only access for care in an emergency",
    )


class ActorRole(LabelledEnum):
    """What an actor in a provision is (*aktörens roll*): a recipient
    (``Provision.recipients``), the one holding the information, its custodian
    (``Provision.holders``), or its author (an ``AUTHOR`` selector in
    ``Provision.information``)."""

    RECIPIENT = "recipient", "mottagare", "recipient"
    CUSTODIAN = "custodian", "den som har uppgifterna", "custodian of the information"
    AUTHOR = "author", "den som skrivit uppgifterna", "author of the information"


Table = Literal[
    "kind",
    "restriction",
    "base",
    "action",
    "purpose",
    "category",
    "actor_role",
    "recipient_role",
    "grantor_capacity",
    "principal",
    "sector",
    "evidence_form",
]
"""The tables: which element a code is read from and which vocabulary it maps to."""

TABLES: dict[Table, tuple[type[LabelledEnum], Text]] = {
    "kind": (
        ConsentKind,
        Text(
            sv="R4 scope, category, policyRule och R5 regulatoryBasis: samtyckets slag",
            en="R4 scope, category, policyRule and R5 regulatoryBasis: what the consent is about",
        ),
    ),
    "restriction": (
        Restriction,
        Text(
            sv="category och R5 regulatoryBasis: en gräns för alla samtyckets tillåtelser",
            en="category and R5 regulatoryBasis: a limit on all the consent's permits",
        ),
    ),
    "base": (
        ProvisionType,
        Text(sv="R4 policyRule: grundbeslutet", en="R4 policyRule: the base decision"),
    ),
    "action": (Action, Text(sv="provision.action", en="provision.action")),
    "purpose": (Purpose, Text(sv="provision.purpose", en="provision.purpose")),
    "category": (InfoCategory, Text(sv="provision.securityLabel", en="provision.securityLabel")),
    "actor_role": (ActorRole, Text(sv="provision.actor.role", en="provision.actor.role")),
    "recipient_role": (
        RecipientRole,
        Text(
            sv="RelatedPerson.relationship, mottagarens roll",
            en="RelatedPerson.relationship, the recipient's role",
        ),
    ),
    "grantor_capacity": (
        GrantorCapacity,
        Text(
            sv="RelatedPerson.relationship, i vilken egenskap den som samtycker gör det",
            en="RelatedPerson.relationship, the capacity the grantor acts in",
        ),
    ),
    "principal": (
        Principal,
        Text(sv="Organization.type: huvudman", en="Organization.type: principal"),
    ),
    "sector": (Sector, Text(sv="Organization.type: verksamhet", en="Organization.type: sector")),
    "evidence_form": (EvidenceForm, Text(sv="samtyckets form", en="the consent's form")),
}


def _term_fits(instance: CodeRow, attribute: attrs.Attribute[Any], value: Any) -> None:
    table = instance.table
    if table not in TABLES:
        raise InvalidInput.at(
            "table",
            sv=f"okänd tabell {str(table)[:40]!r}; välj bland {', '.join(TABLES)}",
            en=f"unknown table {str(table)[:40]!r}; choose from {', '.join(TABLES)}",
        )
    kind = TABLES[table][0]
    if value is not None and not isinstance(value, kind):
        raise InvalidInput.at(
            "term",
            sv=f"tabellen {table!r} väntar {kind.__name__} eller None",
            en=f"the table {table!r} expects {kind.__name__} or None",
        )


@collecting
@attrs.frozen(kw_only=True, order=False)
class CodeRow:
    """One row of a mapping table (*rad i en kodtabell*).

    ``term`` is anhorig's term for ``system`` + ``code`` in ``table``, or ``None`` when
    anhorig cannot hold what the code means; ``meaning`` says what it means.
    """

    table: Table = attrs.field(validator=instance_of(str))
    system: str = attrs.field(validator=non_empty_text)
    code: str = attrs.field(validator=non_empty_text)
    term: LabelledEnum | None = attrs.field(validator=_term_fits)
    meaning: Text = attrs.field(validator=instance_of(Text))


def _rows_of(table: Table, cls: type[LabelledEnum], system_name: str) -> list[CodeRow]:
    return [
        CodeRow(table=table, system=CODE_SYSTEM + system_name, code=m.value, term=m, meaning=m.text)
        for m in cls
    ]


def _t(sv: str, en: str) -> Text:
    return Text(sv=sv, en=en)


_FAMILY = {
    "FAMMEMB": ("familjemedlem", "family member"),
    "CHILD": ("barn", "child"),
    "DAU": ("dotter", "daughter"),
    "SON": ("son", "son"),
    "SPS": ("make eller maka", "spouse"),
    "WIFE": ("hustru", "wife"),
    "HUSB": ("make", "husband"),
    "DOMPART": ("sambo", "domestic partner"),
    "PRN": ("förälder", "parent"),
    "MTH": ("mor", "mother"),
    "FTH": ("far", "father"),
    "SIB": ("syskon", "sibling"),
    "SIS": ("syster", "sister"),
    "BRO": ("bror", "brother"),
    "GRPRN": ("far- eller morförälder", "grandparent"),
    "GRNDCHILD": ("barnbarn", "grandchild"),
}


def _default_rows() -> list[CodeRow]:  # noqa: PLR0915 -- reads one resource element by element
    rows: list[CodeRow] = []

    def add(
        table: Table, system: str, code: str, term: LabelledEnum | None, sv: str, en: str
    ) -> None:
        rows.append(CodeRow(table=table, system=system, code=code, term=term, meaning=_t(sv, en)))

    k = ConsentKind
    add("kind", SCOPE, "patient-privacy", k.INFORMATION, "integritetssamtycke", "privacy consent")
    add("kind", SCOPE, "treatment", k.TREATMENT, "samtycke till behandling", "treatment consent")
    add("kind", SCOPE, "research", k.RESEARCH, "samtycke till forskning", "research consent")
    add("kind", SCOPE, "adr", k.ADVANCE_DIRECTIVE, "förhandsbesked", "advance directive")
    add("kind", CATEGORY, "npp", k.INFORMATION, "integritetspolicy", "notice of privacy practices")
    add("kind", CATEGORY, "acd", k.ADVANCE_DIRECTIVE, "förhandsbesked", "advance directive")
    add("kind", CATEGORY, "dnr", k.ADVANCE_DIRECTIVE, "ej återupplivning", "do not resuscitate")
    add("kind", CATEGORY, "hcd", k.ADVANCE_DIRECTIVE, "vårddirektiv", "health care directive")
    add(
        "kind",
        CATEGORY,
        "polst",
        k.ADVANCE_DIRECTIVE,
        "ordination om livsuppehållande vård",
        "POLST",
    )
    add("kind", CATEGORY, "research", k.RESEARCH, "forskning", "research")
    add(
        "kind", CATEGORY, "rsdid", k.RESEARCH, "forskning, avidentifierat", "de-identified research"
    )
    add(
        "kind",
        CATEGORY,
        "rsreid",
        k.RESEARCH,
        "forskning, återidentifierbart",
        "re-identifiable research",
    )
    r = Restriction
    add(
        "restriction",
        CATEGORY,
        "emrgonly",
        r.EMERGENCY_ONLY,
        "bara i en nödsituation",
        "only in an emergency",
    )
    add("kind", LOINC, "59284-0", k.GENERAL, "patientens samtycke", "patient consent")
    add(
        "kind",
        LOINC,
        "64292-6",
        k.INFORMATION,
        "samtycke till utlämnande",
        "release of information consent",
    )
    add(
        "kind",
        ACT_CODE,
        "IDSCL",
        k.INFORMATION,
        "utlämnande av uppgifter",
        "information disclosure",
    )
    add("kind", ACT_CODE, "INFA", k.INFORMATION, "tillgång till uppgifter", "information access")
    add("kind", ACT_CODE, "INFASO", None, "bara åtkomst och lagring", "access and save only")
    add("restriction", ACT_CODE, "INFAO", r.ACCESS_ONLY, "bara åtkomst", "access only")
    add("kind", ACT_CODE, "IRDSCL", None, "vidareutlämnande", "redisclosure")
    add(
        "restriction",
        ACT_CODE,
        "EMRGONLY",
        r.EMERGENCY_ONLY,
        "bara i en nödsituation",
        "only in an emergency",
    )
    add("kind", ACT_CODE, "RESEARCH", k.RESEARCH, "forskning", "research")
    add(
        "kind", ACT_CODE, "RSDID", k.RESEARCH, "forskning, avidentifierat", "de-identified research"
    )
    add(
        "kind",
        ACT_CODE,
        "RSREID",
        k.RESEARCH,
        "forskning, återidentifierbart",
        "re-identifiable research",
    )

    add("base", ACT_CODE, "OPTIN", ProvisionType.PERMIT, "samtycke (opt-in)", "opt-in")
    add(
        "base",
        ACT_CODE,
        "OPTINR",
        ProvisionType.PERMIT,
        "samtycke med begränsningar",
        "opt-in with restrictions",
    )
    add("base", ACT_CODE, "OPTOUT", ProvisionType.DENY, "nej (opt-out)", "opt-out")
    add(
        "base",
        ACT_CODE,
        "OPTOUTE",
        ProvisionType.DENY,
        "nej med undantag",
        "opt-out with exceptions",
    )

    add("action", ACTIONS, "access", Action.ACCESS, "ta del av", "access")
    add("action", ACTIONS, "collect", Action.COLLECT, "samla in", "collect")
    add("action", ACTIONS, "disclose", Action.DISCLOSE, "lämna ut", "disclose")
    add("action", ACTIONS, "use", None, "använda inom verksamheten", "use within the organisation")
    add(
        "action",
        ACTIONS,
        "correct",
        Action.CORRECT,
        "rätta uppgifterna",
        "correct (amend) the record",
    )

    add(
        "purpose",
        ACT_REASON,
        "TREAT",
        Purpose.CARE_AND_TREATMENT,
        "vård och behandling",
        "treatment",
    )
    add(
        "purpose",
        ACT_REASON,
        "FAMRQT",
        Purpose.INFORMING_RELATIVE,
        "på begäran av närstående",
        "family requested",
    )
    add(
        "purpose",
        ACT_REASON,
        "ETREAT",
        Purpose.EMERGENCY_CARE,
        "akut behandling (nödsituation)",
        "emergency treatment",
    )
    add("purpose", ACT_REASON, "COC", None, "vårdens kontinuitet", "continuity of care")
    add("purpose", ACT_REASON, "CAREMGT", None, "vårdadministration", "care management")
    add("purpose", ACT_REASON, "HPAYMT", None, "betalning", "healthcare payment")
    add("purpose", ACT_REASON, "HOPERAT", None, "verksamhetens drift", "healthcare operations")
    add("purpose", ACT_REASON, "HRESCH", None, "forskning", "healthcare research")
    add("purpose", ACT_REASON, "PUBHLTH", None, "folkhälsa", "public health")
    add("purpose", ACT_REASON, "PATRQT", None, "på patientens begäran", "patient requested")
    add("purpose", ACT_REASON, "PWATRNY", None, "fullmaktshavare", "power of attorney")

    sensitive = {
        "PSY": ("psykiatriska uppgifter", "psychiatry information"),
        "SPI": ("känsliga personuppgifter", "sensitive personal information"),
        "SEX": ("uppgifter om sexualitet", "sexuality and reproductive health information"),
        "ETH": ("uppgifter om missbruk", "substance abuse information"),
        "HIV": ("uppgifter om hiv", "HIV/AIDS information"),
        "STD": (
            "uppgifter om sexuellt överförbar sjukdom",
            "sexually transmitted disease information",
        ),
        "SDV": ("uppgifter om våld i nära relation", "sexual and domestic violence information"),
        "BH": ("uppgifter om beteendehälsa", "behavioural health information"),
        "GDIS": ("uppgifter om genetisk sjukdom", "genetic disease information"),
    }
    for code, (sv, en) in sensitive.items():
        add("category", ACT_CODE, code, None, sv, en)
    for code, (sv, en) in {
        "U": ("oklassat", "unrestricted"),
        "L": ("låg sekretess", "low"),
        "M": ("måttlig sekretess", "moderate"),
        "N": ("normal sekretess", "normal"),
        "R": ("begränsad", "restricted"),
        "V": ("mycket begränsad", "very restricted"),
    }.items():
        add(
            "category",
            CONFIDENTIALITY,
            code,
            None,
            f"sekretessnivå: {sv}",
            f"confidentiality: {en}",
        )

    add(
        "actor_role",
        PARTICIPATION,
        "IRCP",
        ActorRole.RECIPIENT,
        "mottagare",
        "information recipient",
    )
    add(
        "actor_role",
        PARTICIPATION,
        "PRCP",
        ActorRole.RECIPIENT,
        "mottagare",
        "primary information recipient",
    )
    add(
        "actor_role",
        PARTICIPATION,
        "CST",
        ActorRole.CUSTODIAN,
        "den som har uppgifterna",
        "custodian of the information",
    )
    add(
        "actor_role",
        PARTICIPATION,
        "AUT",
        ActorRole.AUTHOR,
        "den som skrivit uppgifterna",
        "author of the information",
    )
    add("actor_role", PARTICIPATION, "INF", None, "uppgiftslämnare", "informant")
    add("actor_role", PARTICIPATION, "DELEGATEE", None, "ombud", "delegatee")

    for code, (sv, en) in _FAMILY.items():
        add("recipient_role", ROLE_CODE, code, RecipientRole.RELATIVE, sv, en)
        add("grantor_capacity", ROLE_CODE, code, GrantorCapacity.RELATIVE, sv, en)
    add(
        "recipient_role",
        ROLE_CODE,
        "GUARD",
        RecipientRole.GUARDIAN,
        "god man eller förvaltare",
        "guardian",
    )
    add("recipient_role", ROLE_CODE, "NBOR", None, "granne", "neighbour")
    add("recipient_role", ROLE_CODE, "FRND", None, "vän", "friend")
    add("grantor_capacity", ROLE_CODE, "ONESELF", GrantorCapacity.SELF, "personen själv", "self")
    add("grantor_capacity", ROLE_CODE, "GUARD", GrantorCapacity.GOD_MAN, "god man", "guardian")
    add(
        "grantor_capacity",
        ROLE_CODE,
        "POWATT",
        GrantorCapacity.POWER_OF_ATTORNEY,
        "fullmaktshavare",
        "power of attorney",
    )
    add("grantor_capacity", ROLE_CODE, "NBOR", GrantorCapacity.NEIGHBOUR, "granne", "neighbour")
    add("grantor_capacity", ROLE_CODE, "FRND", GrantorCapacity.OTHER, "vän", "friend")
    for code, term, sv, en in (
        (
            "C",
            GrantorCapacity.EMERGENCY_CONTACT,
            "kontaktperson vid nödsituation",
            "emergency contact",
        ),
        (
            "EP",
            GrantorCapacity.EMERGENCY_CONTACT,
            "kontaktperson vid nödsituation",
            "emergency contact person",
        ),
        ("N", GrantorCapacity.RELATIVE, "närmast anhörig", "next-of-kin"),
        ("CP", GrantorCapacity.OTHER, "kontaktperson", "contact person"),
        ("O", GrantorCapacity.OTHER, "annan", "other"),
    ):
        add("grantor_capacity", CONTACT_ROLE, code, term, sv, en)

    add(
        "sector", ORGANIZATION_TYPE, "prov", Sector.HEALTH_CARE, "vårdgivare", "healthcare provider"
    )
    add(
        "sector",
        ORGANIZATION_TYPE,
        "dept",
        Sector.HEALTH_CARE,
        "avdelning på sjukhus",
        "hospital department",
    )
    # What these say leaves the secrecy chapter open, or names no authority under SoL
    # or HSL at all: the sector must be given another way.
    for code, sv, en in (
        ("govt", "myndighet (verksamhet okänd)", "government (sector unknown)"),
        ("team", "team (verksamhet okänd)", "organizational team (sector unknown)"),
        (
            "ins",
            "försäkringsbolag (ingen verksamhet enligt SoL eller HSL)",
            "insurance company (no SoL or HSL sector)",
        ),
        ("pay", "betalare (ingen verksamhet enligt SoL eller HSL)", "payer (no SoL or HSL sector)"),
        (
            "edu",
            "utbildningsinstitution (verksamhet okänd)",
            "educational institute (sector unknown)",
        ),
        (
            "reli",
            "religiöst samfund (ingen verksamhet enligt SoL eller HSL)",
            "religious institution (no SoL or HSL sector)",
        ),
        (
            "crs",
            "sponsor av klinisk forskning (ingen verksamhet enligt SoL eller HSL)",
            "clinical research sponsor (no SoL or HSL sector)",
        ),
        (
            "cg",
            "förening eller frivilligorganisation (ingen verksamhet enligt SoL eller HSL)",
            "community group (no SoL or HSL sector)",
        ),
        (
            "bus",
            "företag utanför vården (verksamhet okänd)",
            "non-healthcare business (sector unknown)",
        ),
        ("other", "annan (verksamhet okänd)", "other (sector unknown)"),
    ):
        add("sector", ORGANIZATION_TYPE, code, None, sv, en)

    rows += _rows_of("purpose", Purpose, "purpose")
    rows += _rows_of("category", InfoCategory, "info-category")
    rows += _rows_of("recipient_role", RecipientRole, "recipient-role")
    rows += _rows_of("grantor_capacity", GrantorCapacity, "grantor-capacity")
    rows += _rows_of("principal", Principal, "principal")
    rows += _rows_of("sector", Sector, "sector")
    rows += _rows_of("evidence_form", EvidenceForm, "evidence-form")
    return rows


@attrs.frozen(eq=False)
class CodeTables:
    """A set of mapping tables (*kodtabeller*); immutable, extended by :meth:`with_rows`."""

    _rows: Mapping[tuple[str, str, str], CodeRow] = attrs.field(repr=False)

    @classmethod
    def of(cls, rows: Iterable[CodeRow]) -> CodeTables:
        """Tables holding ``rows``; a later row for the same code replaces an earlier one."""
        found: dict[tuple[str, str, str], CodeRow] = {}
        for index, row in enumerate(rows):
            if not isinstance(row, CodeRow):
                raise InvalidInput.at(
                    f"rows[{index}]",
                    sv=f"väntade CodeRow, fick {type(row).__name__}",
                    en=f"expected CodeRow, got {type(row).__name__}",
                )
            found[(row.table, row.system, row.code)] = row
        return cls(found)

    def with_rows(self, *rows: CodeRow) -> CodeTables:
        """New tables with ``rows`` added (or replacing the rows for the same codes)."""
        return CodeTables.of([*self._rows.values(), *rows])

    def lookup(self, table: Table, system: object, code: object) -> CodeRow | None:
        """The row for ``system`` + ``code`` in ``table``, if there is one."""
        if not isinstance(system, str) or not isinstance(code, str):
            return None
        return self._rows.get((table, system, code))

    def rows(self, table: Table | None = None) -> tuple[CodeRow, ...]:
        """Every row (of ``table``), in table, system and code order."""
        return tuple(
            row for key, row in sorted(self._rows.items()) if table is None or row.table == table
        )


DEFAULT_CODES = CodeTables.of(_default_rows())
"""The tables anhorig reads FHIR with unless it is given others."""

assert set(get_args(Table)) == set(TABLES)
