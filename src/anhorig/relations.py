"""Who cares for whom: relationships, what the carer does, and children as relatives.

Roles are explicit: a `Relationship` has a ``carer`` and a ``cared_for``.
Anyone can be a carer (partner, parent, child, sibling, friend, neighbour, särbo,
bonus parent), living together or not, and the same person can be carer in one
relationship and cared for in another. Being a carer is voluntary and changes
over time, so what the carer does and wants is an `Involvement` recorded
on a date, with a date by which to ask again.

Rules (``check`` / ``validate`` / ``is_valid``):

- ``REL-INVOLVEMENT-MISSING``: nobody has asked the carer what they do and want.
- ``REL-INVOLVEMENT-OVERDUE``: the carer's involvement was not reconfirmed in time.
- ``REL-CARER-NOT-WILLING``: the carer has said they do not want to go on.
- ``REL-CHILD-CARER``: the carer is under 18 on the date judged, a child relative.
- ``REL-CHILD-NEEDS-SUPPORT``: a child whose parent, or an adult the child lives
  with, is seriously ill, has a mental disorder or an addiction, or died
  unexpectedly: health care must consider the child's need for information,
  advice and support.

References:
    - Socialtjänstlag (2001:453) 5 kap. 10 §; Socialtjänstlag (2025:400) 13 kap. 9 §.
    - Hälso- och sjukvårdslag (2017:30) 5 kap. 7 § (wording per Lag 2017:810).
    - Patientsäkerhetslag (2010:659) 6 kap. 5 §.
    - Seed 001: "Anhörigrollen är frivillig! … man måste få frågan många gånger".
    - Seed 003: Nka's definitions of anhörig, närstående and anhörigperspektiv.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import attrs

from anhorig import _checks
from anhorig._arguments import checked, checked_first
from anhorig._checks import a_bool, a_date, collecting, each, instance_of
from anhorig.errors import InvalidInput
from anhorig.findings import Report, Rule, Severity, validated
from anhorig.language import LabelledEnum, Text
from anhorig.law import (
    CARER_SUPPORT,
    CHILD_RELATIVES_HSL,
    CHILD_RELATIVES_SIBLINGS,
    CHILD_RELATIVES_SOCIAL_SERVICES,
    CHILD_RELATIVES_STAFF,
)
from anhorig.people import Person
from anhorig.terminology import Context, Role, term

__all__ = [
    "RULES",
    "AdultCondition",
    "CareArea",
    "ChildRelative",
    "ContingencyPlan",
    "Involvement",
    "RelationKind",
    "Relationship",
    "check",
    "is_valid",
    "validate",
]


class RelationKind(LabelledEnum):
    """What the carer is to the person cared for (*relation*)."""

    SPOUSE = "spouse", "make/maka/registrerad partner", "spouse or registered partner"
    COHABITANT = "cohabitant", "sambo", "cohabiting partner"
    PARTNER_LIVING_APART = "partner_living_apart", "särbo", "partner living apart"
    PARENT = "parent", "förälder", "parent"
    BONUS_PARENT = "bonus_parent", "bonusförälder", "step-parent"
    CHILD = "child", "barn", "child"
    BONUS_CHILD = "bonus_child", "bonusbarn", "stepchild"
    SIBLING = "sibling", "syskon", "sibling"
    GRANDPARENT = "grandparent", "mor- eller farförälder", "grandparent"
    GRANDCHILD = "grandchild", "barnbarn", "grandchild"
    OTHER_RELATIVE = "other_relative", "annan släkting", "other relative"
    FRIEND = "friend", "vän", "friend"
    NEIGHBOUR = "neighbour", "granne", "neighbour"
    OTHER = "other", "annan närstående person", "other person close to them"


class CareArea(LabelledEnum):
    """A life area (*livsområde*) in which someone has needs or a carer helps (IBIC).

    The nine ICF activity chapters, mental functions, and the area where the
    carer's own contribution and needs are documented (e398A).
    """

    LEARNING = "learning", "Lärande och att tillämpa kunskap", "Learning and applying knowledge"
    GENERAL_TASKS = "general_tasks", "Allmänna uppgifter och krav", "General tasks and demands"
    COMMUNICATION = "communication", "Kommunikation", "Communication"
    MOBILITY = "mobility", "Förflyttning", "Mobility"
    SELF_CARE = "self_care", "Personlig vård", "Self-care"
    DOMESTIC_LIFE = "domestic_life", "Hemliv", "Domestic life"
    RELATIONSHIPS = (
        "relationships",
        "Mellanmänskliga interaktioner och relationer",
        "Interpersonal interactions and relationships",
    )
    WORK_AND_ECONOMY = (
        "work_and_economy",
        "Utbildning, arbete, sysselsättning och ekonomiskt liv",
        "Education, work, employment and economic life",
    )
    COMMUNITY_LIFE = (
        "community_life",
        "Samhällsgemenskap, socialt och medborgerligt liv",
        "Community, social and civic life",
    )
    MENTAL_FUNCTIONS = "mental_functions", "Psykiska funktioner", "Mental functions"
    SUPPORT_TO_CARER = (
        "support_to_carer",
        "Stöd till person som vårdar eller stödjer",
        "Support to a person who cares or supports",
    )


class AdultCondition(LabelledEnum):
    """What may befall a child's parent or household adult under HSL 5 kap. 7 §."""

    MENTAL_DISORDER = "mental_disorder", "psykisk störning", "mental disorder"
    MENTAL_DISABILITY = "mental_disability", "psykisk funktionsnedsättning", "mental disability"
    SERIOUS_PHYSICAL_ILLNESS = (
        "serious_physical_illness",
        "allvarlig fysisk sjukdom",
        "serious physical illness",
    )
    SERIOUS_PHYSICAL_INJURY = "serious_physical_injury", "allvarlig fysisk skada", "serious injury"
    ALCOHOL_MISUSE = "alcohol_misuse", "missbruk av alkohol", "alcohol misuse"
    DRUG_MISUSE = (
        "drug_misuse",
        "missbruk av annat beroendeframkallande medel",
        "misuse of other addictive substances",
    )
    GAMBLING_MISUSE = "gambling_misuse", "missbruk av spel om pengar", "gambling misuse"
    UNEXPECTED_DEATH = "unexpected_death", "oväntat dödsfall", "unexpected death"


def _masked_text(value: str) -> str:
    return "''" if not value else f"<{len(value)} tecken>"


@collecting
@attrs.frozen(kw_only=True, order=False)
class Involvement:
    """What the carer does and wants, as asked on one date (*anhörigs delaktighet*).

    Voluntary and changing over time: ``reconfirm_by`` is when to ask again.
    ``note`` is free text and never shown in ``repr``.
    """

    recorded_on: date = attrs.field(validator=a_date)
    reconfirm_by: date = attrs.field(
        validator=_checks.and_(_checks.a_date, _checks.after("recorded_on"))
    )
    willing: bool = attrs.field(validator=a_bool)
    """Whether the carer wants to go on caring (*vill och orkar*)."""
    wants_information: bool = attrs.field(validator=a_bool)
    """Whether the carer wants information about the person cared for."""
    wants_to_take_part: bool = attrs.field(validator=a_bool)
    """Whether the carer wants to take part in planning care (*delaktighet*)."""
    tasks: frozenset[CareArea] = attrs.field(
        default=frozenset(),
        validator=each(CareArea),
    )
    """The life areas the carer helps in."""
    note: str = attrs.field(default="", repr=_masked_text)

    def overdue_on(self, on: date) -> bool:
        """Whether the answer should have been reconfirmed before ``on`` (*inte bekräftad i
        tid*): a stale answer says nothing about what the carer wants today."""
        return self.reconfirm_by < on


@_checks.collecting
@attrs.frozen(kw_only=True, order=False)
class ContingencyPlan:
    """Who takes over when the carer falls ill (*plan vid akut behov, trygghetsplats*).

    ``takes_over`` (masked in repr) says who or what takes over the carer's part;
    ``unit`` the emergency place (*trygghetsplats*) or service; ``how_to_reach`` how to
    reach it at any hour; ``family_known_to_unit`` whether the family is already known
    there (seed 004: "Vart vänder jag mig om det händer mig något som anhörigvårdare?";
    "Är jag inte känd i verksamheten … kan det bli bekymmersamt"). The carer's own plan
    (:class:`anhorig.plans.SupportPlan`) and the relative at discharge
    (:class:`anhorig.discharge.RelativeAtDischarge`) both hold one, so it lives here in
    the core.
    """

    takes_over: str = attrs.field(validator=_checks.non_empty_text, repr=_masked_text)
    unit: str = attrs.field(validator=_checks.non_empty_text)
    how_to_reach: str = attrs.field(validator=_checks.non_empty_text)
    family_known_to_unit: bool = attrs.field(validator=a_bool)
    agreed_on: date = attrs.field(validator=a_date)


def _sorted_involvements(values: Iterable[Involvement]) -> tuple[Involvement, ...]:
    if isinstance(values, str | bytes | dict) or not isinstance(values, Iterable):
        return values  # type: ignore[return-value]  # the validator names what it is
    members = tuple(values)
    if not all(isinstance(m, Involvement) and _checks.is_date(m.recorded_on) for m in members):
        return members  # the validator names the bad members by their index
    return tuple(sorted(members, key=lambda inv: inv.recorded_on))


def _not_same_person(
    instance: Relationship, attribute: attrs.Attribute[Person], value: Person
) -> None:
    instance_of(Person)(instance, attribute, value)
    carer = instance.carer
    if not (isinstance(value, Person) and isinstance(carer, Person)):
        return
    if value == carer or (value.id is not None and value.id == carer.id):
        _checks.fail(
            "cared_for",
            sv="anhörig och närstående måste vara olika personer",
            en="the carer and the person cared for must be different people",
        )


@collecting
@attrs.frozen(kw_only=True, order=False)
class Relationship:
    """A care relationship with explicit roles (*anhörigrelation*).

    ``kind`` is what the carer is to the person cared for. ``involvements`` is the
    history of what the carer said, oldest first.
    """

    carer: Person = attrs.field(validator=instance_of(Person))
    cared_for: Person = attrs.field(validator=_not_same_person)
    kind: RelationKind = attrs.field(validator=instance_of(RelationKind))
    areas: frozenset[CareArea] = attrs.field(
        default=frozenset(),
        validator=each(CareArea),
    )
    """The life areas the person cared for needs help in."""
    lives_together: bool | None = attrs.field(default=None, validator=_checks.optional(a_bool))
    """Whether they share a household; ``None`` when not known. It does not decide who is a carer."""
    involvements: tuple[Involvement, ...] = attrs.field(
        default=(),
        converter=_sorted_involvements,
        validator=each(Involvement),
    )

    def involvement_on(self, on: date) -> Involvement | None:
        """The latest involvement recorded on or before ``on``, if any."""
        current = None
        for involvement in self.involvements:
            if involvement.recorded_on <= on:
                current = involvement
        return current

    def with_involvement(self, involvement: Involvement) -> Relationship:
        """A new relationship with ``involvement`` added to the history."""
        return attrs.evolve(self, involvements=(*self.involvements, involvement))

    def is_child_relative_on(self, on: date) -> bool:
        """Whether the carer is under 18 on ``on`` (*barn som anhörig*)."""
        return self.carer.birth_date is not None and self.carer.is_child_on(on)

    def role_of(self, person: Person) -> Role | None:
        """``Role.CARER`` or ``Role.CARED_FOR`` for ``person``, or ``None`` if not a party."""
        if person == self.carer:
            return Role.CARER
        if person == self.cared_for:
            return Role.CARED_FOR
        return None

    def describe(self, context: Context, lang: str = "sv") -> str:
        """One sentence naming both roles in the words of ``context`` (masked names)."""
        from anhorig.language import check_lang

        language = check_lang(lang)
        carer_word = term(Role.CARER, context, language)
        cared_word = term(Role.CARED_FOR, context, language)
        if language == "sv":
            return (
                f"{self.carer} ({carer_word}, {self.kind.label('sv')}) och "
                f"{self.cared_for} ({cared_word})"
            )
        return f"{self.carer} ({carer_word}, {self.kind.label('en')}) and {self.cared_for} ({cared_word})"


@collecting
@attrs.frozen(kw_only=True, order=False)
class ChildRelative:
    """A child and an adult whose situation may give the child a need for support.

    (*barn som anhöriga*, HSL 5 kap. 7 §.) ``adult_is_parent`` or
    ``lives_with_adult`` (the child *varaktigt bor tillsammans med* the adult) makes
    the adult's ``conditions`` relevant.
    """

    child: Person = attrs.field(validator=instance_of(Person))
    adult: Person = attrs.field(validator=instance_of(Person))
    adult_is_parent: bool = attrs.field(validator=a_bool)
    lives_with_adult: bool = attrs.field(validator=a_bool)
    conditions: frozenset[AdultCondition] = attrs.field(
        default=frozenset(),
        validator=each(AdultCondition),
    )
    adult_is_sibling: bool = attrs.field(default=False, validator=a_bool)
    """The other person is the child's sibling (*syskon*, of any age): counts from
    2026-07-01 (prop. 2025/26:60, adoption not verified; see ``CHILD_RELATIVES_SIBLINGS``)."""

    def relation_on(self, on: date) -> Text | None:
        """How the child is tied to the other person in a way HSL 5 kap. 7 § counts on
        ``on``, or ``None``."""
        if self.adult_is_parent:
            return Text(sv="är barn till", en="is the child of")
        if self.lives_with_adult:
            return Text(sv="bor varaktigt med", en="lives with")
        if self.adult_is_sibling and CHILD_RELATIVES_SIBLINGS.in_force_on(on):
            return Text(sv="är syskon till", en="is a sibling of")
        return None

    def triggers_hsl_5_7(self, on: date) -> bool:
        """Whether HSL 5 kap. 7 § applies on ``on``: a child, a parent or household adult
        (from 2026-07-01 also a sibling), and at least one of the conditions."""
        if self.child.birth_date is None or not self.child.is_child_on(on):
            return False
        return bool(self.conditions) and self.relation_on(on) is not None


_FAMILY = "relations"

INVOLVEMENT_MISSING = Rule(
    code="REL-INVOLVEMENT-MISSING",
    severity=Severity.WARNING,
    family=_FAMILY,
    title=Text(sv="Anhörig inte tillfrågad", en="Carer not asked"),
    message=Text(
        sv="Ingen har frågat {carer} vad hen gör och vill som anhörig; rollen är frivillig.",
        en="Nobody has asked {carer} what they do and want as a carer; the role is voluntary.",
    ),
    law=(CARER_SUPPORT,),
    sources=("seed-001", "seed-003"),
    domain=(3,),
    applies_to=("Relationship",),
    condition=Text(
        sv="En Relationship har ingen delaktighet (Involvement) registrerad den dag som bedöms eller tidigare.",
        en="A Relationship has no Involvement recorded on or before the day judged.",
    ),
    boundary=Text(
        sv="En delaktighet registrerad just den dag som bedöms räcker (recorded_on == on); registrerad dagen efter räknas inte.",
        en="An involvement recorded on the day judged itself is enough (recorded_on == on); one recorded the day after does not count.",
    ),
    fix=Text(
        sv="Fråga den anhörige vad hen gör och vill, och lägg till en Involvement med recorded_on senast den dag som bedöms.",
        en="Ask the carer what they do and want, and add an Involvement with recorded_on on or before the day judged.",
    ),
)
INVOLVEMENT_OVERDUE = Rule(
    code="REL-INVOLVEMENT-OVERDUE",
    severity=Severity.WARNING,
    family=_FAMILY,
    title=Text(
        sv="Anhörigs delaktighet inte bekräftad i tid", en="Carer's involvement not reconfirmed"
    ),
    message=Text(
        sv="Delaktigheten skulle ha bekräftats senast {due}; fråga {carer} igen.",
        en="The involvement should have been reconfirmed by {due}; ask {carer} again.",
    ),
    law=(CARER_SUPPORT,),
    sources=("seed-001",),
    domain=(3,),
    applies_to=("Relationship",),
    condition=Text(
        sv="Den senaste delaktigheten registrerad den dag som bedöms eller tidigare har reconfirm_by före den dagen.",
        en="The latest involvement recorded on or before the day judged has reconfirm_by before that day.",
    ),
    boundary=Text(
        sv="Den dag reconfirm_by anger är i tid; dagen efter slår regeln till (reconfirm_by < on).",
        en="The reconfirm_by day itself is in time; the day after fires (reconfirm_by < on).",
    ),
    fix=Text(
        sv="Bekräfta delaktigheten igen med den anhörige och registrera en ny Involvement med ett senare reconfirm_by.",
        en="Reconfirm the involvement with the carer and record a new Involvement with a later reconfirm_by.",
    ),
)
CARER_NOT_WILLING = Rule(
    code="REL-CARER-NOT-WILLING",
    severity=Severity.INFO,
    family=_FAMILY,
    title=Text(sv="Anhörig vill inte fortsätta", en="Carer does not want to go on"),
    message=Text(
        sv="{carer} har sagt att hen inte vill fortsätta vårda; inget får förväntas av hen.",
        en="{carer} has said they do not want to go on caring; nothing may be expected of them.",
    ),
    law=(CARER_SUPPORT,),
    sources=("seed-001", "seed-003"),
    domain=(3, 17),
    applies_to=("Relationship",),
    condition=Text(
        sv="Den senaste delaktigheten registrerad den dag som bedöms eller tidigare har willing = false.",
        en="The latest involvement recorded on or before the day judged has willing = false.",
    ),
    boundary=Text(
        sv="Bara den gällande delaktigheten räknas: ett senare registrerat ja (willing = true, recorded_on ≤ on) tar bort anmärkningen.",
        en="Only the current involvement counts: a later yes (willing = true, recorded_on ≤ on) clears the finding.",
    ),
    fix=Text(
        sv="Inget att rätta i dokumentet: lägg inga uppgifter på den anhörige; om hen ändrar sig, registrera en ny Involvement med willing = true.",
        en="Nothing to correct in the document: expect nothing of the carer; if they change their mind, record a new Involvement with willing = true.",
    ),
)
CHILD_CARER = Rule(
    code="REL-CHILD-CARER",
    severity=Severity.INFO,
    family=_FAMILY,
    title=Text(sv="Barn som anhörig", en="Child as carer"),
    message=Text(
        sv="{carer} är under 18 år den {on}: ett barn som anhörig.",
        en="{carer} is under 18 on {on}: a child relative.",
    ),
    # A child who cares is a carer under SoL, and a child relative whose needs health care
    # and its staff must consider; from 2026-07-01 (proposed) the nämnd's own responsibility.
    law=(
        CARER_SUPPORT,
        CHILD_RELATIVES_HSL,
        CHILD_RELATIVES_STAFF,
        CHILD_RELATIVES_SOCIAL_SERVICES,
    ),
    sources=("seed-001", "seed-003"),
    domain=(4,),
    applies_to=("Relationship",),
    condition=Text(
        sv="Den anhöriges (carer) födelsedatum är känt och hen är under 18 år den dag som bedöms.",
        en="The carer's birth date is known and they are under 18 on the day judged.",
    ),
    boundary=Text(
        sv="På 18-årsdagen är den anhörige vuxen (en född 29 februari den 1 mars); dagen före slår regeln till. Utan födelsedatum slår den aldrig till.",
        en="On the 18th birthday the carer is an adult (one born on 29 February on 1 March); the day before fires. Without a birth date it never fires.",
    ),
    fix=Text(
        sv="Inget fel att rätta: uppmärksamma barnet som anhörig och erbjud stöd anpassat till barn.",
        en="No error to correct: attend to the child as a child relative and offer support suited to a child.",
    ),
)
CHILD_NEEDS_SUPPORT = Rule(
    code="REL-CHILD-NEEDS-SUPPORT",
    severity=Severity.WARNING,
    family=_FAMILY,
    title=Text(
        sv="Barnets behov av information, råd och stöd ska beaktas",
        en="The child's need for information, advice and support must be considered",
    ),
    message=Text(
        sv="{child} {relation} {adult} ({conditions}): vården ska särskilt "
        "beakta barnets behov av information, råd och stöd.",
        en="{child} {relation} {adult} ({conditions}): health care must "
        "give particular attention to the child's need for information, advice and support.",
    ),
    # The sibling extension and the nämnd's responsibility (prop. 2025/26:60) are cited from
    # 2026-07-01 only.
    law=(
        CHILD_RELATIVES_HSL,
        CHILD_RELATIVES_STAFF,
        CHILD_RELATIVES_SIBLINGS,  # the bill amends 5:7 and 6:5 themselves
        CHILD_RELATIVES_SOCIAL_SERVICES,
    ),
    sources=("seed-001", "prop-2025-26-60"),
    domain=(4,),
    applies_to=("ChildRelative",),
    condition=Text(
        sv="En ChildRelative där barnet är under 18 år den dag som bedöms, den vuxne är förälder eller bor varaktigt med barnet (från 2026-07-01 även syskon) och minst ett tillstånd (conditions) anges.",
        en="A ChildRelative where the child is under 18 on the day judged, the adult is a parent or lives with the child (from 2026-07-01 also a sibling) and at least one condition is given.",
    ),
    boundary=Text(
        sv="Utan födelsedatum för barnet, på 18-årsdagen eller med tom conditions slår regeln inte till; ett syskon räknas först från 2026-07-01.",
        en="Without the child's birth date, on the 18th birthday or with empty conditions it does not fire; a sibling counts from 2026-07-01 only.",
    ),
    fix=Text(
        sv="En varning att agera på, inget att rätta i dokumentet: ge barnet information, råd och stöd (HSL 5 kap. 7 §) och dokumentera det.",
        en="A warning to act on, nothing to correct in the document: give the child information, advice and support (HSL 5 kap. 7 §) and record it.",
    ),
)

RULES: tuple[Rule, ...] = (
    INVOLVEMENT_MISSING,
    INVOLVEMENT_OVERDUE,
    CARER_NOT_WILLING,
    CHILD_CARER,
    CHILD_NEEDS_SUPPORT,
)
"""The rules of this family, in the catalogue."""


def _check_relationship(rel: Relationship, on: date) -> Report:
    findings = []
    carer = str(rel.carer)
    current = rel.involvement_on(on)
    if current is None:
        findings.append(INVOLVEMENT_MISSING.finding("involvements", on=on, carer=carer))
    else:
        index = rel.involvements.index(current)
        if current.overdue_on(on):
            findings.append(
                INVOLVEMENT_OVERDUE.finding(
                    f"involvements[{index}].reconfirm_by",
                    on=on,
                    due=current.reconfirm_by,
                    carer=carer,
                )
            )
        if not current.willing:
            findings.append(
                CARER_NOT_WILLING.finding(f"involvements[{index}].willing", on=on, carer=carer)
            )
    if rel.is_child_relative_on(on):
        findings.append(CHILD_CARER.finding("carer.birth_date", on=on, carer=carer))
    return Report(tuple(findings))


def _check_child(situation: ChildRelative, on: date) -> Report:
    if not situation.triggers_hsl_5_7(on):
        return Report()
    conditions = Text(
        sv=", ".join(sorted(c.label("sv") for c in situation.conditions)),
        en=", ".join(sorted(c.label("en") for c in situation.conditions)),
    )
    finding = CHILD_NEEDS_SUPPORT.finding(
        "conditions",
        on=on,
        relation=situation.relation_on(on),
        child=str(situation.child),
        adult=str(situation.adult),
        conditions=conditions,
    )
    return Report((finding,))


@checked
def check(thing: Relationship | ChildRelative, *, on: date) -> Report:
    """Every finding of the relationship rules for ``thing`` on ``on``; never raises on
    a domain problem (``InvalidInput`` only if ``thing`` is not a relationship)."""
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    if isinstance(thing, Relationship):
        return _check_relationship(thing, on)
    if isinstance(thing, ChildRelative):
        return _check_child(thing, on)
    raise InvalidInput.at(
        "$",
        sv=f"väntade Relationship eller ChildRelative, fick {type(thing).__name__}",
        en=f"expected Relationship or ChildRelative, got {type(thing).__name__}",
    )


@checked
def validate(thing: Relationship | ChildRelative, *, on: date) -> Relationship | ChildRelative:
    """``thing`` if no rule finds an error on ``on``; else ``RuleViolation``."""
    return validated(check, thing, on=on)


@checked_first
def is_valid(thing: object, *, on: date) -> bool:
    """Whether ``thing`` is a relationship with no error findings on ``on``; never raises."""
    try:
        return check(thing, on=on).ok  # type: ignore[arg-type]
    except InvalidInput:
        return False
