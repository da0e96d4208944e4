"""Legal references that know when they are in force.

A rule cites the law in force on the date it judges: the Socialtjänstlag of 2001
(SFS 2001:453) was replaced by SFS 2025:400 on 2025-07-01, so support to carers
is 5 kap. 10 § before that day and 13 kap. 9 § from it.

>>> from datetime import date
>>> str(CARER_SUPPORT.cite(date(2025, 6, 30)))
'SoL (2001:453) 5 kap. 10 §'
>>> str(CARER_SUPPORT.cite(date(2025, 7, 1)))
'SoL (2025:400) 13 kap. 9 §'

References:
    - Socialtjänstlag (2001:453), 5 kap. 10 §; 14 kap. 1 §; 2 kap. 7 §; 4 kap. 1 §, 2 a §.
    - Socialtjänstlag (2025:400), 13 kap. 9 §; 19 kap. 1 §; 10 kap. 8–9 §§; 11 kap. 1 §, 5 §.
    - Hälso- och sjukvårdslag (2017:30), 5 kap. 7 §; 16 kap. 4 §.
    - Offentlighets- och sekretesslag (2009:400), 10 kap. 2, 28 §§; 12 kap. 2–3 §§;
      25 kap. 1, 12 §§; 26 kap. 1, 9 §§.
    - Patientlag (2014:821), 3 kap. 4 §; 5 kap. 3 §.
    - Lag (2017:612) om samverkan vid utskrivning från sluten hälso- och sjukvård.
    - Lag (2022:913) om sammanhållen vård- och omsorgsdokumentation.
    - Prop. 2025/26:60 (proposed from 2026-07-01; adoption and sections not verified).

Where the research brief marks a reference as only moderately or weakly verified,
its ``confidence`` says so: the reference is data a municipality can correct.
"""

from __future__ import annotations

import enum
from datetime import date

import attrs

from anhorig import _checks
from anhorig.bounds import at_most
from anhorig.language import Text

__all__ = [
    "BISTAND",
    "CARER_INFORMATION_AND_GUIDANCE",
    "CARER_SUPPORT",
    "CARER_SUPPORT_CONTACT",
    "CHILD_RELATIVES_HSL",
    "CHILD_RELATIVES_SIBLINGS",
    "CHILD_RELATIVES_SOCIAL_SERVICES",
    "CHILD_RELATIVES_STAFF",
    "CONSENT_WAIVER",
    "CONSENT_WAIVER_CHILD",
    "DISCHARGE_COOPERATION",
    "DUTY_OVERRIDES_SECRECY",
    "HEALTH_SOCIAL_EXCHANGE_HEALTH",
    "HEALTH_SOCIAL_EXCHANGE_SOCIAL",
    "LAW_OF_2026",
    "LSS_RESPITE_OUTSIDE_HOME",
    "NEEDED_FOR_OWN_WORK",
    "PATIENT_CANNOT_TAKE_IN",
    "PATIENT_RELATIVES_TAKE_PART",
    "PERMANENT_CARE_CONTACT",
    "PROP_2025_26_60",
    "REPORTERS",
    "REPORT_OF_CONCERN",
    "REPORT_OF_CONCERN_ANYONE",
    "SECRECY_BOUNDARIES",
    "SECRECY_HEALTH_CARE",
    "SECRECY_SOCIAL_SERVICES",
    "SHARED_RECORDS",
    "SIP_HEALTH_CARE",
    "SIP_SOCIAL_SERVICES",
    "SOURCES",
    "WITHOUT_NEEDS_ASSESSMENT",
    "Confidence",
    "LawTopic",
    "LegalRef",
    "Reporter",
    "Source",
    "topics",
]

_OLD_SOL_REPEALED = date(2025, 7, 1)


class Confidence(enum.StrEnum):
    """How sure the project's research is of a reference (*säkerhet*)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@_checks.collecting
@attrs.frozen(kw_only=True, order=False)
class LegalRef:
    """A reference to a provision of Swedish law (*lagrum*), with when it is in force.

    ``in_force_until`` is the first day the provision no longer applies (intervals
    are half-open), or ``None`` while it is in force.
    """

    act: str = attrs.field(validator=_checks.non_empty_text)
    """Short name of the act: ``SoL``, ``HSL``, ``OSL``, ``PL``, ``Lag``."""
    sfs: str = attrs.field(
        validator=_checks.matches(
            r"\d{4}:\d+", "ett SFS-nummer, 2001:453", en="an SFS number, 2001:453"
        )
    )
    """The SFS number, ``2001:453``."""
    chapter: int | None = attrs.field(
        default=None,
        validator=_checks.optional(
            _checks.and_(
                _checks.instance_of(int),
                _checks.ge(1),
                # Socialförsäkringsbalken, the longest act, has 127 chapters.
                at_most(999, sv="kapitel, tre siffror", en="chapters, three digits"),
            )
        ),
    )
    section: str | None = attrs.field(
        default=None, validator=_checks.optional(_checks.non_empty_text)
    )
    """Section (paragraf), as written: ``10``, ``8–9``, ``3 f``."""
    in_force_from: date | None = attrs.field(
        default=None, validator=_checks.optional(_checks.a_date)
    )
    in_force_until: date | None = attrs.field(default=None)
    confidence: Confidence = attrs.field(
        default=Confidence.HIGH, validator=_checks.instance_of(Confidence)
    )
    note: str = attrs.field(default="", validator=_checks.text)
    unverified: str = attrs.field(default="", validator=_checks.text)
    """What about this reference the project has not verified (*ej verifierat*), e.g. the
    section number or whether a bill was adopted; empty when nothing is known to be open."""
    source: str = attrs.field(default="", validator=_checks.text)
    """Where the reference comes from when the statute itself was not seen, e.g.
    ``prop. 2025/26:60`` for a proposed provision; shown after the citation."""

    @property
    def verified(self) -> bool:
        """Whether the research saw the provision itself and left nothing open (*verifierad*)."""
        return self.confidence is Confidence.HIGH and not self.unverified and not self.source

    @in_force_until.validator
    def _until_after_from(
        self, attribute: attrs.Attribute[date | None], value: date | None
    ) -> None:
        if value is None:
            return
        _checks.a_date(self, attribute, value)
        start = self.in_force_from
        if (
            _checks.is_date(value)
            and start is not None
            and _checks.is_date(start)
            and value <= start
        ):
            _checks.fail(
                attribute.name,
                sv=f"måste vara efter in_force_from ('{self.in_force_from}'), fick '{value}'",
                en=f"must be after in_force_from ('{self.in_force_from}'), got '{value}'",
            )

    _checks.describe(
        _until_after_from,
        "rule",
        _checks.a_date,
        "in_force_until is after in_force_from, when both are given",
        "in_force_from < in_force_until",
    )

    def in_force_on(self, on: date) -> bool:
        """Whether the provision applies on ``on``."""
        if self.in_force_from is not None and on < self.in_force_from:
            return False
        return self.in_force_until is None or on < self.in_force_until

    def __str__(self) -> str:
        parts = [f"{self.act} ({self.sfs})"]
        if self.chapter is not None:
            parts.append(f"{self.chapter} kap.")
        if self.section is not None:
            sign = "§§" if ("–" in self.section or "," in self.section) else "§"
            parts.append(f"{self.section} {sign}")
        if self.source:
            parts.append(f"enl. {self.source}")
        return " ".join(parts)


@_checks.collecting
@attrs.frozen(kw_only=True)
class Source:
    """A non-statutory source a rule rests on (*källa*): a seed text, guidance, a strategy."""

    key: str = attrs.field(validator=_checks.non_empty_text)
    title: str = attrs.field(validator=_checks.non_empty_text)
    publisher: str = attrs.field(default="", validator=_checks.text)
    year: int | None = attrs.field(
        default=None,
        validator=_checks.optional(
            _checks.and_(
                _checks.instance_of(int),
                _checks.ge(1),
                at_most(
                    9999, sv="det sista år ett datum kan ha", en="the last year a date can hold"
                ),
            )
        ),
    )
    quote: str = attrs.field(default="", validator=_checks.text)
    """The words the rule rests on, when there are some."""

    def __str__(self) -> str:
        year = f" ({self.year})" if self.year is not None else ""
        who = f"{self.publisher}: " if self.publisher else ""
        return f"{who}{self.title}{year}"


@_checks.collecting
@attrs.frozen(kw_only=True)
class LawTopic:
    """One legal subject whose provision moved over time (*rättsregel över tid*).

    ``cite(on)`` gives the references in force on ``on``; before the first one took
    effect it gives the earliest, after the last was repealed the latest, so a
    finding always cites something a reader can look up. A topic with
    ``cited_before_in_force=False`` is a duty that did not exist before its first
    reference took effect (what prop. 2025/26:60 adds): before that day it cites nothing.
    """

    key: str = attrs.field(validator=_checks.non_empty_text)
    title: Text = attrs.field(validator=_checks.instance_of(Text))
    refs: tuple[LegalRef, ...] = attrs.field(
        validator=_checks.and_(_checks.each(LegalRef), _checks.not_empty)
    )
    cited_before_in_force: bool = attrs.field(default=True, validator=_checks.a_bool)

    def in_force_on(self, on: date) -> bool:
        """Whether any reference of this topic is in force on ``on``."""
        return any(r.in_force_on(on) for r in self.refs)

    def cite_all(self, on: date) -> tuple[LegalRef, ...]:
        """Every reference of this topic in force on ``on`` (empty only before a new duty's
        first day, see ``cited_before_in_force``)."""
        current = tuple(r for r in self.refs if r.in_force_on(on))
        if current:
            return current
        earlier = [r for r in self.refs if r.in_force_from is None or r.in_force_from <= on]
        if earlier:
            return (earlier[-1],)
        return (self.refs[0],) if self.cited_before_in_force else ()

    def cite(self, on: date) -> LegalRef:
        """The first reference of this topic in force on ``on`` (for a new duty not yet in
        force, its first reference)."""
        return (self.cite_all(on) or self.refs)[0]


def _sol01(chapter: int, section: str, since: date = date(2002, 1, 1), **kw: object) -> LegalRef:
    return LegalRef(
        act="SoL",
        sfs="2001:453",
        chapter=chapter,
        section=section,
        in_force_from=since,
        in_force_until=_OLD_SOL_REPEALED,
        **kw,  # type: ignore[arg-type]
    )


def _sol25(chapter: int, section: str, **kw: object) -> LegalRef:
    # The 2025 mapping comes from secondary sources (Botkyrka's guidelines); the
    # SFS text itself was not seen, hence MEDIUM.
    kw.setdefault("confidence", Confidence.MEDIUM)
    return LegalRef(
        act="SoL",
        sfs="2025:400",
        chapter=chapter,
        section=section,
        in_force_from=_OLD_SOL_REPEALED,
        **kw,  # type: ignore[arg-type]
    )


def _osl(chapter: int, section: str, **kw: object) -> LegalRef:
    return LegalRef(
        act="OSL",
        sfs="2009:400",
        chapter=chapter,
        section=section,
        in_force_from=date(2009, 6, 30),
        **kw,  # type: ignore[arg-type]
    )


def _topic(key: str, sv: str, en: str, *refs: LegalRef, new_duty: bool = False) -> LawTopic:
    return LawTopic(
        key=key, title=Text(sv=sv, en=en), refs=refs, cited_before_in_force=not new_duty
    )


CARER_SUPPORT = _topic(
    "carer_support",
    "Socialnämnden ska erbjuda stöd till den som vårdar eller stödjer en närstående",
    "The social welfare committee must offer support to people who care for or support someone close",
    _sol01(5, "10", since=date(2009, 7, 1), note="'ska' since 2009-07-01; 'bör' before"),
    _sol25(13, "9"),
)
REPORT_OF_CONCERN = _topic(
    "report_of_concern",
    "Anmälningsskyldighet vid oro för barn (orosanmälan)",
    "Duty to report concern about a child",
    _sol01(14, "1"),
    _sol25(19, "1"),
)
REPORT_OF_CONCERN_ANYONE = _topic(
    "report_of_concern_anyone",
    "Var och en bör anmäla oro för barn (orosanmälan utan skyldighet)",
    "Anyone should report concern about a child (a report without a duty)",
    _sol01(
        14,
        "1 c",
        confidence=Confidence.MEDIUM,
        note="a recommendation ('bör'), not a duty (Socialstyrelsen, Anmäla oro för barn, 2014)",
        unverified="the statute text was not seen",
    ),
    LegalRef(
        act="SoL",
        sfs="2025:400",
        chapter=19,
        in_force_from=_OLD_SOL_REPEALED,
        confidence=Confidence.LOW,
        note="the recommendation is taken to follow the duty into chapter 19",
        unverified="the section number in SoL 2025:400 was not found, so none is cited",
    ),
)
SIP_SOCIAL_SERVICES = _topic(
    "sip_social_services",
    "Samordnad individuell plan (socialtjänsten)",
    "Coordinated individual plan (social services)",
    _sol01(2, "7", since=date(2010, 1, 1)),
    _sol25(10, "8–9"),
)
SIP_HEALTH_CARE = _topic(
    "sip_health_care",
    "Samordnad individuell plan (hälso- och sjukvården)",
    "Coordinated individual plan (health care)",
    LegalRef(act="HSL", sfs="2017:30", chapter=16, section="4", in_force_from=date(2017, 4, 1)),
)
BISTAND = _topic(
    "bistand",
    "Rätt till bistånd efter behovsprövning",
    "Right to assistance after a needs assessment",
    _sol01(4, "1"),
    _sol25(11, "1"),
)
WITHOUT_NEEDS_ASSESSMENT = _topic(
    "without_needs_assessment",
    "Insatser utan individuell behovsprövning",
    "Services without an individual needs assessment",
    _sol01(4, "2 a", since=date(2018, 7, 1), confidence=Confidence.MEDIUM),
    _sol25(11, "5"),
)
CHILD_RELATIVES_HSL = _topic(
    "child_relatives_hsl",
    "Barns behov av information, råd och stöd när en förälder är sjuk eller avlider",
    "A child's need for information, advice and support when a parent is ill or dies",
    LegalRef(
        act="HSL",
        sfs="2017:30",
        chapter=5,
        section="7",
        in_force_from=date(2017, 4, 1),
        note="wording per Lag 2017:810, which added gambling (spel om pengar)",
    ),
)
CHILD_RELATIVES_STAFF = _topic(
    "child_relatives_staff",
    "Hälso- och sjukvårdspersonalens skyldighet att beakta barns behov",
    "Health care staff's duty to consider a child's needs",
    LegalRef(
        act="PSL",
        sfs="2010:659",
        chapter=6,
        section="5",
        in_force_from=date(2011, 1, 1),
        confidence=Confidence.MEDIUM,
    ),
)
SECRECY_HEALTH_CARE = _topic(
    "secrecy_health_care",
    "Sekretess inom hälso- och sjukvården",
    "Secrecy in health care",
    _osl(25, "1"),
)
SECRECY_SOCIAL_SERVICES = _topic(
    "secrecy_social_services",
    "Sekretess inom socialtjänsten, även mellan nämnder",
    "Secrecy in social services, also between committees",
    _osl(26, "1"),
)
SECRECY_BOUNDARIES = _topic(
    "secrecy_boundaries",
    "Sekretess gäller mot andra myndigheter och mellan självständiga verksamhetsgrenar inom "
    "en myndighet",
    "Secrecy applies against other authorities and between independent branches within an "
    "authority",
    _osl(
        8,
        "1",
        confidence=Confidence.MEDIUM,
        note="a secret piece of information may not be disclosed to individuals or other "
        "authorities, save as the law provides",
        unverified="the statute text was not seen; the rule is taken from Skatteverket's "
        "rättsliga vägledning on sekretessgränser and Lawline's answers citing 8 kap. 1 §",
    ),
    _osl(
        8,
        "2",
        confidence=Confidence.MEDIUM,
        note="within one authority, independent verksamhetsgrenar count as separate "
        "authorities (prop. 2008/09:150 p. 360; JO 6547-2017: health care and social "
        "services in one authority are independent of each other)",
        unverified="the statute text was not seen; whether two branches are independent is "
        "judged case by case, so the library takes an organisation's sector as its branch",
    ),
)
CONSENT_WAIVER = _topic(
    "consent_waiver",
    "Den enskilde kan häva sekretess genom samtycke",
    "The individual can waive secrecy by consent",
    _osl(12, "2"),
)
CONSENT_WAIVER_CHILD = _topic(
    "consent_waiver_child",
    "Vårdnadshavarens samtycke för barn, med hänsyn till barnets mognad",
    "The custodian's consent for a child, weighing the child's maturity",
    _osl(12, "3"),
)
DUTY_OVERRIDES_SECRECY = _topic(
    "duty_overrides_secrecy",
    "Uppgiftsskyldighet i lag bryter sekretess",
    "A statutory duty to provide information overrides secrecy",
    _osl(10, "28"),
)
NEEDED_FOR_OWN_WORK = _topic(
    "needed_for_own_work",
    "Utlämnande nödvändigt för myndighetens verksamhet",
    "Disclosure necessary for the authority's own work",
    _osl(10, "2", confidence=Confidence.MEDIUM),
)
_EXCHANGE_UNVERIFIED = (
    "the statute text was not seen. Direction and groups rest on Lawline (25:12), CVE's "
    "and Socialstyrelsen's summaries (26:9) and a municipality's guidance naming 26:9 for "
    "socialtjänst to socialtjänst and 25:12 for the health-care side; the predecessor, "
    "SekrL 14 kap. 2 § 7 st., covered 'annan sådan myndighet'. The compulsory-care acts "
    "named are LPT (1991:1128) and LRV (1991:1129) in CVE's rendering of 26:9, 25:12 taken "
    "as its counterpart; LVM and LVU, which DOMAIN.md lists, were not found named in either"
)
HEALTH_SOCIAL_EXCHANGE_HEALTH = _topic(
    "health_social_exchange_health",
    "Utbyte utan samtycke från hälso- och sjukvården till en annan myndighet inom hälso- och "
    "sjukvården eller till socialtjänsten, för vissa grupper",
    "Exchange without consent from health care to another health-care authority or to "
    "social services, for certain groups",
    _osl(
        25,
        "12",
        confidence=Confidence.MEDIUM,
        note="from a health-care authority to another one or to social services, when "
        "needed for necessary care, treatment or other support of a person under 18, in "
        "continuous misuse of alcohol, narcotics or volatile solvents, or cared for under "
        "LPT or LRV; a second paragraph on a pregnant person, for the expected child, is "
        "not encoded",
        unverified=_EXCHANGE_UNVERIFIED,
    ),
)
HEALTH_SOCIAL_EXCHANGE_SOCIAL = _topic(
    "health_social_exchange_social",
    "Utbyte utan samtycke från socialtjänsten till en annan myndighet inom socialtjänsten "
    "eller till hälso- och sjukvården, för vissa grupper",
    "Exchange without consent from social services to another social-services authority "
    "or to health care, for certain groups",
    _osl(
        26,
        "9",
        confidence=Confidence.MEDIUM,
        note="from a social-services authority to another one or to health care, for the "
        "same groups as 25 kap. 12 §; a second paragraph on a pregnant person, for the "
        "expected child, is not encoded",
        unverified=_EXCHANGE_UNVERIFIED,
    ),
)
PATIENT_CANNOT_TAKE_IN = _topic(
    "patient_cannot_take_in",
    "Information till närstående när patienten inte kan ta del av den",
    "Information to a relative when the patient cannot take it in",
    LegalRef(
        act="PL",
        sfs="2014:821",
        chapter=3,
        section="4",
        in_force_from=date(2015, 1, 1),
        confidence=Confidence.MEDIUM,
    ),
)
PATIENT_RELATIVES_TAKE_PART = _topic(
    "patient_relatives_take_part",
    "Närstående ges möjlighet att medverka i vården",
    "Relatives are given the opportunity to take part in care",
    LegalRef(
        act="PL",
        sfs="2014:821",
        chapter=5,
        section="3",
        in_force_from=date(2015, 1, 1),
        confidence=Confidence.MEDIUM,
    ),
)
SHARED_RECORDS = _topic(
    "shared_records",
    "Sammanhållen vård- och omsorgsdokumentation, spärr och nödsituation",
    "Shared care records, blocks and emergencies",
    LegalRef(
        act="Lag",
        sfs="2022:913",
        in_force_from=date(2023, 1, 1),
        note="the act and its date are verified (H); spärr, lifting it by consent and "
        "nödsituation are in the act",
        unverified="chapter and section of spärr and nödsituation: DOMAIN.md gives none, "
        "so none is cited",
    ),
)
DISCHARGE_COOPERATION = _topic(
    "discharge_cooperation",
    "Samverkan vid utskrivning från sluten hälso- och sjukvård",
    "Cooperation at discharge from inpatient care",
    LegalRef(
        act="Lag",
        sfs="2017:612",
        in_force_from=date(2018, 1, 1),
        note="in force 2018-01-01, replacing 1990:1404; 24-hour inskrivningsmeddelande "
        "confirmed (prop. 2016/17:106)",
        confidence=Confidence.MEDIUM,
        unverified="the 3-day SIP invitation (said to come from SFS 2019:979), its starting "
        "point and its chapter and section: DOMAIN.md gives none, so none is cited",
    ),
)


# --- Prop. 2025/26:60 ------------------------------------------------------------------------
# "Stärkta insatser för äldre och för de som vårdar eller stöder närstående" (2025-11-20)
# proposed these from 2026-07-01. The bill is confirmed; its adoption, the SFS number and
# the sections are not (DOMAIN.md §2, §10a): LOW confidence, the bill as source, no
# section. A municipality that knows the adopted text replaces these references.

PROP_2025_26_60 = "prop. 2025/26:60"
"""The bill the references of this block come from."""
LAW_OF_2026 = date(2026, 7, 1)
"""The day prop. 2025/26:60 proposed its changes to take effect."""
_PROP_UNVERIFIED = "adoption, SFS number, chapter and section not verified"


def _proposed(act: str, sfs: str, note: str) -> LegalRef:
    return LegalRef(
        act=act,
        sfs=sfs,
        in_force_from=LAW_OF_2026,
        confidence=Confidence.LOW,
        note=note,
        unverified=_PROP_UNVERIFIED,
        source=PROP_2025_26_60,
    )


CARER_INFORMATION_AND_GUIDANCE = _topic(
    "carer_information_and_guidance",
    "Information och vägledning till den som vårdar eller stöder en närstående",
    "Information and guidance for people who care for or support someone close",
    _proposed("SoL", "2025:400", "in addition to the other support to carers"),
    new_duty=True,
)
CARER_SUPPORT_CONTACT = _topic(
    "carer_support_contact",
    "Stödkontakt för den som vårdar eller stöder en närstående",
    "A support contact for people who care for or support someone close",
    _proposed("SoL", "2025:400", "information, guidance and help planning measures"),
    new_duty=True,
)
CHILD_RELATIVES_SOCIAL_SERVICES = _topic(
    "child_relatives_social_services",
    "Nämndens ansvar för barn vars närstående är allvarligt sjuk eller oväntat avlider",
    "The committee's responsibility for a child whose close one is seriously ill or dies "
    "unexpectedly",
    _proposed("SoL", "2025:400", "explicit responsibility of the socialnämnd"),
    new_duty=True,
)
CHILD_RELATIVES_SIBLINGS = _topic(
    "child_relatives_siblings",
    "Barns behov av information, råd och stöd även när ett syskon är sjukt eller avlider",
    "A child's need for information, advice and support also when a sibling is ill or dies",
    _proposed("HSL", "2017:30", "HSL 5 kap. 7 § extended to siblings"),
    _proposed("PSL", "2010:659", "PSL 6 kap. 5 § extended to siblings"),
    new_duty=True,
)
LSS_RESPITE_OUTSIDE_HOME = _topic(
    "lss_respite_outside_home",
    "Avlösarservice enligt LSS utan krav på att ges i hemmet",
    "LSS respite service no longer tied to the home",
    _proposed("LSS", "1993:387", "9 § 5 avlösarservice, today 'i hemmet'"),
    new_duty=True,
)
PERMANENT_CARE_CONTACT = _topic(
    "permanent_care_contact",
    "Fast omsorgskontakt i särskilt boende för äldre",
    "A permanent care contact in residential care for older people",
    _proposed("SoL", "2025:400", "särskilt boende för äldre"),
    new_duty=True,
)


@_checks.collecting
@attrs.frozen(kw_only=True)
class Reporter:
    """Who reports concern about a child to the social welfare committee (*anmälare*),
    and whether the law makes it a duty (*anmälningsskyldig*) or a recommendation.

    ``who`` names them as the law lists them, ``duty`` says ``ska`` (True) or ``bör``
    (False), ``law`` is the provision, ``confidence`` and ``unverified`` how sure the
    project is of this entry. Data, not logic: a municipality corrects the list here.
    """

    key: str = attrs.field(validator=_checks.non_empty_text)
    who: Text = attrs.field(validator=_checks.instance_of(Text))
    duty: bool = attrs.field(validator=_checks.a_bool)
    law: LawTopic = attrs.field(validator=_checks.instance_of(LawTopic))
    confidence: Confidence = attrs.field(validator=_checks.instance_of(Confidence))
    unverified: str = attrs.field(default="", validator=_checks.text)


_REPORTERS_UNVERIFIED = (
    "the statute text was not seen: the list follows Socialstyrelsen's handbooks on 14 kap. "
    "1 § (2004, 2014) and Lawline (kriminalvården); prop. 2025/26:12 extends the duty to "
    "more authorities, which is not encoded"
)


def _reporter(key: str, sv: str, en: str, **kw: object) -> Reporter:
    kw.setdefault("duty", True)
    kw.setdefault("law", REPORT_OF_CONCERN)
    kw.setdefault("confidence", Confidence.MEDIUM)
    kw.setdefault("unverified", _REPORTERS_UNVERIFIED)
    return Reporter(key=key, who=Text(sv=sv, en=en), **kw)  # type: ignore[arg-type]


REPORTERS: dict[str, Reporter] = {
    r.key: r
    for r in (
        _reporter(
            "authorities_for_children",
            "myndigheter vars verksamhet berör barn och unga",
            "authorities whose activities concern children and young people",
        ),
        _reporter(
            "health_social_authorities",
            "myndigheter inom hälso- och sjukvården, socialtjänsten och kriminalvården",
            "authorities in health care, social services and the prison and probation service",
        ),
        _reporter("employees", "anställda hos sådana myndigheter", "those employed by them"),
        _reporter(
            "private_professionals",
            "yrkesverksamma i enskild verksamhet som berör barn och unga eller inom hälso- och "
            "sjukvården eller socialtjänstens område",
            "professionals in private activities concerning children and young people, or in "
            "health care or social services",
        ),
        _reporter(
            "family_counselling",
            "yrkesverksamma inom familjerådgivning",
            "family counsellors",
            confidence=Confidence.LOW,
        ),
        _reporter(
            "anyone",
            "var och en",
            "anyone",
            duty=False,
            law=REPORT_OF_CONCERN_ANYONE,
            unverified="the statute text was not seen",
        ),
    )
}
"""Who reports concern about a child (old SoL 14 kap. 1 § and 1 c §, SoL 2025:400 19 kap.
from 2025-07-01): the authorities and professionals with the duty, and everyone else, who
should. Keyed by ``Reporter.key``."""


def topics() -> tuple[LawTopic, ...]:
    """Every legal topic this module defines, in a stable order."""
    return tuple(value for name, value in sorted(globals().items()) if isinstance(value, LawTopic))


SOURCES: dict[str, Source] = {
    s.key: s
    for s in (
        Source(
            key="seed-000",
            title="Sammanställning lärande nätverk: Samverkan och partnerskap i stöd och hjälp "
            "till anhöriga, tema A: Samverkan, andra mötet – samarbete kommun och landsting",
            publisher="Nationellt kompetenscentrum anhöriga (Nka), lärande nätverk",
        ),
        Source(
            key="seed-001",
            title="Sammanställning 3: Blandat lärande nätverk Sörmlands län 13 december 2016 "
            "om delaktighet och bemötande ur ett anhörigperspektiv",
            publisher="Sörmlands kommuner och landsting i samverkan med Nka",
            year=2016,
        ),
        Source(
            key="seed-002",
            title="Rapport om samverkan i Stockholms äldrevård: uppföljning av revisionens sju "
            "rekommendationer från 2011 (efter studien Sköra länkar i vårdkedjan)",
            publisher="Stiftelsen Stockholms läns Äldrecentrum, på uppdrag av revisionen i "
            "Stockholms läns landsting, Stockholms stad och Täby kommun",
            year=2013,
        ),
        Source(
            key="seed-003",
            title="Implementeringsplan av Nationella anhörigstrategin i din kommun/i kommunerna: "
            "förslag på innehåll baserat på workshop i Sveriges kommuners "
            "anhörigstödsnätverk januari 2024 (inspirationsmaterial, ISBN 978-91-87731-84-6)",
            publisher="Nationellt kompetenscentrum anhöriga (Nka)",
            year=2024,
        ),
        Source(
            key="seed-004",
            title="Sammanfattning, tema A 2:3: Individualisering, utvärdering och utveckling av "
            "anhörigstöd (lärande nätverk i Malmö, Halmstad, Hylte, Mark, Bollebygd, "
            "Alingsås, Tjörn, Växjö, Lidingö och Uppsala)",
            publisher="Nationellt kompetenscentrum anhöriga (Nka), lärande nätverk",
        ),
        Source(
            key="socialstyrelsen-termbank",
            title="Socialstyrelsens termbank: anhörig, närstående, anhörigvårdare",
            publisher="Socialstyrelsen",
        ),
        Source(
            key="socialstyrelsen-samtycke",
            title="Samtycke (Kunskapsguiden)",
            publisher="Socialstyrelsen",
        ),
        Source(
            key="national-carer-strategy",
            title="Nationell anhörigstrategi",
            publisher="Regeringen",
            year=2022,
        ),
        Source(key="ibic", title="Individens behov i centrum (IBIC)", publisher="Socialstyrelsen"),
        Source(
            key="local-routines",
            title="Kommunens och regionens rutiner för uppföljning av planer "
            "(intervallen i PlanPolicy); lagen kräver ingen uppföljning",
            publisher="kommunen eller regionen",
        ),
        Source(
            key="prop-2025-26-60",
            title="Prop. 2025/26:60 Stärkta insatser för äldre och för de som vårdar eller "
            "stöder närstående (föreslagen ikraftträdande 2026-07-01; antagandet inte verifierat)",
            publisher="Regeringen",
            year=2025,
        ),
        Source(
            key="municipal-respite-rules",
            title="Kommunala riktlinjer för avlösning, växelvård och trygghetsplats "
            "(Sunne, Tranemo, Botkyrka, Växjö, Habo, Ronneby, Hudiksvall, Högsby m.fl.)",
            publisher="de nämnda kommunerna (riktlinjerna på kommunernas webbplatser)",
        ),
    )
}
"""Non-statutory sources by key: the seed texts and the guidance the rules rest on.

The five ``seed-NNN`` keys are the texts the project started from (its "seed" texts, cited
as "seed 001" in docstrings and docs): Nka's learning-network summaries (000, 001, 004),
Äldrecentrum's Stockholm report (002) and Nka's implementation-plan material (003).
docs/reference/sources.md lists them all with how to find each.
"""


# --- Discharge (anhorig.discharge): only what that family needs --------------------------
# The 2026 information duty it cites is CARER_INFORMATION_AND_GUIDANCE above (prop.
# 2025/26:60, LOW confidence, from 2026-07-01).

SOURCES["region-stockholm-discharge-agreement"] = Source(
    key="region-stockholm-discharge-agreement",
    title="Långsiktig regional överenskommelse om samverkan vid utskrivning från slutenvården, "
    "från 2020-01-01: genomsnittlig betalningsmodell, dag 0, kalenderdagar (vardgivarguiden.se)",
    publisher="Region Stockholm och länets kommuner",
    year=2020,
)
