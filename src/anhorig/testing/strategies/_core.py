"""Strategies for the core types: time, people, relationships, organisations, law, findings."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pendulum
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum import luhn

from anhorig._checks import month_days
from anhorig.findings import Finding, Report, Rule, Severity
from anhorig.language import Text
from anhorig.law import Confidence, LawTopic, LegalRef, Reporter, Source
from anhorig.organisations import Organisation, Principal, Provider, ProviderKind, Sector
from anhorig.people import Person, PersonId
from anhorig.relations import (
    AdultCondition,
    CareArea,
    ChildRelative,
    ContingencyPlan,
    Involvement,
    RelationKind,
    Relationship,
)
from anhorig.time import ZONE, Interval, Period, as_instant, swedish_holidays

MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2099, 12, 31)

FIRST_DAY = ("Anna", "Erik", "Maria", "Lars", "Karin", "Nils", "Sara", "Ali", "Aino", "Johan")
LAST_DAY = ("Karlsson", "Andersson", "Nilsson", "Lindqvist", "Berg", "Hassan", "Ström", "Öberg")


def _check_dates(min_value: date, max_value: date) -> None:
    if min_value > max_value:
        raise InvalidArgument(f"min_value={min_value} is after max_value={max_value}")


def last_sunday(year: int, month: int) -> date:
    """The last Sunday of ``month``: the day Sweden's clocks change in March and October."""
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def dates(*, min_value: date = MIN_DATE, max_value: date = MAX_DATE) -> st.SearchStrategy[date]:
    """Dates in ``[min_value, max_value]``, favouring month and year ends, leap days,
    DST change days and Swedish public holidays. Shrinks towards ``min_value``."""
    _check_dates(min_value, max_value)

    def edge(year: int, pick: int) -> date:
        candidates = [
            date(year, 1, 1),
            date(year, 12, 31),
            date(year, 2, 28),
            date(year, 3, 1),
            last_sunday(year, 3),
            last_sunday(year, 10),
            *sorted(swedish_holidays(year)),
        ]
        if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
            candidates.append(date(year, 2, 29))
        month = pick % 12 + 1
        candidates.append(date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
        return candidates[pick % len(candidates)]

    edges = st.builds(edge, st.integers(min_value.year, max_value.year), st.integers(0, 40)).filter(
        lambda d: min_value <= d <= max_value
    )
    return st.one_of(st.dates(min_value, max_value), edges)


def instants(
    *, min_value: date = date(1990, 1, 1), max_value: date = date(2060, 12, 31)
) -> st.SearchStrategy[pendulum.DateTime]:
    """Aware instants in Europe/Stockholm between the two dates, often within three hours
    of a daylight-saving change. Shrinks towards ``min_value``'s first second."""
    _check_dates(min_value, max_value)
    start = int(
        pendulum.datetime(min_value.year, min_value.month, min_value.day, tz=ZONE).timestamp()
    )
    end = int(
        pendulum.datetime(max_value.year, max_value.month, max_value.day, tz=ZONE).timestamp()
    )

    def near_change(year: int, autumn: bool, minutes: int) -> pendulum.DateTime:
        day = last_sunday(year, 10 if autumn else 3)
        change = pendulum.datetime(day.year, day.month, day.day, 1, tz="UTC")
        return as_instant(change.add(minutes=minutes))

    around = st.builds(
        near_change,
        st.integers(min_value.year, max_value.year),
        st.booleans(),
        st.integers(-180, 180),
    ).filter(lambda t: start <= t.timestamp() <= end)
    anywhere = st.integers(start, end).map(lambda s: as_instant(pendulum.from_timestamp(s)))
    return st.one_of(anywhere, around)


@st.composite
def intervals(
    draw: st.DrawFn,
    *,
    starts: st.SearchStrategy[pendulum.DateTime] | None = None,
    max_hours: int = 24 * 14,
) -> Interval:
    """Half-open intervals of up to ``max_hours`` elapsed hours (possibly empty)."""
    if max_hours < 0:
        raise InvalidArgument(f"max_hours={max_hours} must be >= 0")
    start = draw(starts if starts is not None else instants())
    minutes = draw(st.integers(0, max_hours * 60))
    return Interval(start, start.add(minutes=minutes))


@st.composite
def periods(draw: st.DrawFn, *, open_ended: bool | None = None, max_days: int = 800) -> Period:
    """Date periods ``[start, end)``; ``open_ended=None`` allows both kinds."""
    start = draw(dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)))
    ended = draw(st.booleans()) if open_ended is None else not open_ended
    if not ended:
        return Period(start)
    return Period(start, start + timedelta(days=draw(st.integers(0, max_days))))


@st.composite
def person_ids(
    draw: st.DrawFn,
    *,
    min_birth: date = MIN_DATE,
    max_birth: date = date(2060, 12, 31),
    coordination: bool | None = None,
    incomplete: bool | None = None,
) -> PersonId:
    """Synthetic, Luhn-valid personnummer (or samordningsnummer, day + 60).

    A samordningsnummer may leave its birth month or day unknown, as Skatteverket issues
    them (month 00, day 60, or a day past the end of its month; then ``birth_date`` is
    ``None``): ``incomplete=None`` draws either, ``True`` only those (samordningsnummer
    only), ``False`` never. Shrinks towards a complete birth date."""
    _check_dates(min_birth, max_birth)
    if incomplete and coordination is False:
        raise InvalidArgument("incomplete=True needs samordningsnummer (coordination)")
    born = draw(st.dates(min_birth, max_birth))
    is_coordination = (
        True if incomplete else draw(st.booleans()) if coordination is None else coordination
    )
    month, day = born.month, born.day
    if is_coordination and (incomplete or (incomplete is None and draw(st.integers(0, 3)) == 3)):
        past_end = month_days(born.year, month) + 1
        month, day = draw(
            st.sampled_from(
                ((0, day), (month, 0), (0, 0), (month, past_end if past_end <= 31 else 0))
            )
        )
    day += 60 if is_coordination else 0
    serial = draw(st.integers(0, 999))
    nine = f"{born.year % 100:02d}{month:02d}{day:02d}{serial:03d}"
    check = luhn.calc_check_digit(nine)
    return PersonId(f"{born.year:04d}{month:02d}{day:02d}-{serial:03d}{check}")


def names() -> st.SearchStrategy[str]:
    """Made-up names from common Swedish first and last names."""
    return st.builds(
        lambda first, last: f"{first} {last}", st.sampled_from(FIRST_DAY), st.sampled_from(LAST_DAY)
    )


def people(
    *,
    min_birth: date = date(1910, 1, 1),
    max_birth: date = date(2025, 12, 31),
    with_id: bool | None = None,
) -> st.SearchStrategy[Person]:
    """People born in ``[min_birth, max_birth]``, with a synthetic id or only a birth date
    (or none). ``with_id=True``: each has an id and the birth date it gives; otherwise an
    id may be a samordningsnummer that leaves its birth month or day unknown, and its
    bearer has no birth date. Shrinks towards a person without an id or birth date."""
    _check_dates(min_birth, max_birth)
    without_id = st.builds(
        Person, name=names(), birth_date=st.none() | st.dates(min_birth, max_birth)
    )

    def with_ids(incomplete: bool | None) -> st.SearchStrategy[Person]:
        numbers = person_ids(min_birth=min_birth, max_birth=max_birth, incomplete=incomplete)
        return st.builds(Person, id=numbers, name=names())

    if with_id is None:
        return without_id | with_ids(None)
    return with_ids(False) if with_id else without_id


def care_areas() -> st.SearchStrategy[CareArea]:
    """Life areas (IBIC)."""
    return st.sampled_from(CareArea)


def relation_kinds() -> st.SearchStrategy[RelationKind]:
    """What the carer is to the person cared for."""
    return st.sampled_from(RelationKind)


def adult_conditions() -> st.SearchStrategy[AdultCondition]:
    """The HSL 5 kap. 7 § conditions."""
    return st.sampled_from(AdultCondition)


def severities() -> st.SearchStrategy[Severity]:
    """Finding severities."""
    return st.sampled_from(Severity)


def involvements(
    *,
    min_date: date = date(2015, 1, 1),
    max_date: date = date(2035, 12, 31),
) -> st.SearchStrategy[Involvement]:
    """Involvements recorded in ``[min_date, max_date]`` with a later reconfirm date.

    Shrinks towards a record on ``min_date``, reconfirmed a day later, all answers no."""
    _check_dates(min_date, max_date)
    return st.builds(
        lambda recorded, days, **rest: Involvement(
            recorded_on=recorded, reconfirm_by=recorded + timedelta(days=days), **rest
        ),
        dates(min_value=min_date, max_value=max_date),
        st.integers(1, 730),
        willing=st.booleans(),
        wants_information=st.booleans(),
        wants_to_take_part=st.booleans(),
        tasks=st.frozensets(care_areas(), max_size=4),
        note=st.sampled_from(("", "Handlar och lagar mat", "Hjälper med medicinerna")),
    )


def contingency_plans(
    *,
    min_date: date = date(2015, 1, 1),
    max_date: date = date(2035, 12, 31),
    family_known: bool | None = None,
) -> st.SearchStrategy[ContingencyPlan]:
    """Contingency plans (*plan vid akut behov*) agreed in ``[min_date, max_date]``;
    ``family_known`` fixes whether the unit knows the family (``None``: either).

    Shrinks towards a plan agreed on ``min_date`` with a unit that knows the family."""
    _check_dates(min_date, max_date)
    return st.builds(
        ContingencyPlan,
        takes_over=st.sampled_from(("Dottern Eva", "Trygghetsplatsen direkt", "Hemtjänsten")),
        unit=st.sampled_from(("Trygghetsplatsen Tallen", "Korttidsboendet Björken")),
        how_to_reach=st.sampled_from(("010-000 00 00, dygnet runt", "Via kommunens växel")),
        family_known_to_unit=st.just(family_known)
        if family_known is not None
        else st.sampled_from((True, False)),
        agreed_on=dates(min_value=min_date, max_value=max_date),
    )


def _distinct(carer: Person, cared_for: Person) -> Person:
    # Two draws can give the same person; make the second someone else rather than
    # filtering, so that generation never rejects.
    if cared_for != carer and (cared_for.id is None or cared_for.id != carer.id):
        return cared_for
    return Person(name=f"{cared_for.name} d.y.", birth_date=cared_for.birth_date)


def relationships(
    *,
    carers: st.SearchStrategy[Person] | None = None,
    cared_fors: st.SearchStrategy[Person] | None = None,
    max_involvements: int = 3,
) -> st.SearchStrategy[Relationship]:
    """Relationships between two different people with a history of involvements.

    Shrinks towards two people without ids, no areas and no involvements."""
    if max_involvements < 0:
        raise InvalidArgument(f"max_involvements={max_involvements} must be >= 0")
    carer_strategy = carers if carers is not None else people()
    cared_strategy = cared_fors if cared_fors is not None else people()
    return st.builds(
        lambda carer, cared_for, **rest: Relationship(
            carer=carer, cared_for=_distinct(carer, cared_for), **rest
        ),
        carer_strategy,
        cared_strategy,
        kind=relation_kinds(),
        areas=st.frozensets(care_areas(), max_size=4),
        lives_together=st.none() | st.booleans(),
        involvements=st.lists(involvements(), max_size=max_involvements).map(tuple),
    )


def child_relatives() -> st.SearchStrategy[ChildRelative]:
    """A child and an adult, with any combination of HSL 5 kap. 7 § conditions."""
    return st.builds(
        ChildRelative,
        child=people(min_birth=date(2008, 1, 1), max_birth=date(2025, 12, 31)),
        adult=people(min_birth=date(1950, 1, 1), max_birth=date(1995, 12, 31)),
        adult_is_parent=st.booleans(),
        lives_with_adult=st.booleans(),
        conditions=st.frozensets(adult_conditions(), max_size=3),
    )


ORGANISATION_POOL = (
    Organisation(
        id="kommun-0480-son",
        name="Socialnämnden i Nyköping",
        principal=Principal.MUNICIPALITY,
        sector=Sector.SOCIAL_SERVICES,
    ),
    Organisation(
        id="kommun-0480-hsl",
        name="Kommunal hälso- och sjukvård Nyköping",
        principal=Principal.MUNICIPALITY,
        sector=Sector.HEALTH_CARE,
    ),
    Organisation(
        id="region-sormland",
        name="Region Sörmland",
        principal=Principal.REGION,
        sector=Sector.HEALTH_CARE,
    ),
    Organisation(
        id="vardcentral-ab",
        name="Vårdcentralen AB",
        principal=Principal.PRIVATE_PROVIDER,
        sector=Sector.HEALTH_CARE,
    ),
    Organisation(
        id="roda-korset-nkp",
        name="Röda korset Nyköping",
        principal=Principal.VOLUNTARY_ORGANISATION,
        sector=Sector.OTHER,
    ),
    Organisation(
        id="fk-nkp",
        name="Försäkringskassan",
        principal=Principal.OTHER,
        sector=Sector.OTHER,
    ),
)
"""Six organisations, one of each principal (two municipal committees). A small pool,
so that consents and requests name the same organisations often enough to meet."""

_PROVIDER_NAMES = (
    "Hemtjänst Norr",
    "Avlösarteamet",
    "Region Exempel",
    "Omsorg AB",
    "Röda korset",
    "Vårdcentralen Centrum",
)


def principals() -> st.SearchStrategy[Principal]:
    """Principals (*huvudman*); shrinks towards the municipality."""
    return st.sampled_from(Principal)


def sectors() -> st.SearchStrategy[Sector]:
    """Sectors (*verksamhet*); shrinks towards health care."""
    return st.sampled_from(Sector)


def provider_kinds() -> st.SearchStrategy[ProviderKind]:
    """Kinds of provider (*utförare*); shrinks towards the municipality."""
    return st.sampled_from(ProviderKind)


def providers(
    *, kinds: st.SearchStrategy[ProviderKind] | None = None
) -> st.SearchStrategy[Provider]:
    """Providers with made-up names and a kind drawn from ``kinds`` (any kind by
    default); shrinks towards the municipality's *Hemtjänst Norr*."""
    return st.builds(
        Provider,
        name=st.sampled_from(_PROVIDER_NAMES),
        kind=kinds if kinds is not None else provider_kinds(),
    )


def organisations() -> st.SearchStrategy[Organisation]:
    """Organisations from `ORGANISATION_POOL` (municipality, region, private provider,
    voluntary organisation, another principal); shrinks towards the social welfare
    committee."""
    return st.sampled_from(ORGANISATION_POOL)


def texts() -> st.SearchStrategy[Text]:
    """Bilingual texts."""
    words = st.text(st.characters(codec="utf-8"), max_size=20)
    return st.builds(Text, sv=words, en=words)


@st.composite
def legal_refs(draw: st.DrawFn) -> LegalRef:
    """References to (made-up or real) provisions with consistent in-force dates."""
    start = draw(st.none() | dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)))
    until = None
    if draw(st.booleans()):
        base = start or date(1990, 1, 1)
        until = base + timedelta(days=draw(st.integers(1, 9000)))
    return LegalRef(
        act=draw(st.sampled_from(("SoL", "HSL", "OSL", "PL", "Lag"))),
        sfs=f"{draw(st.integers(1900, 2030))}:{draw(st.integers(1, 999))}",
        chapter=draw(st.none() | st.integers(1, 40)),
        section=draw(st.none() | st.sampled_from(("1", "7", "10", "8–9", "3 f"))),
        in_force_from=start,
        in_force_until=until,
        confidence=draw(st.sampled_from(Confidence)),
        note=draw(st.sampled_from(("", "se förarbeten"))),
    )


def sources() -> st.SearchStrategy[Source]:
    """Non-statutory sources."""
    return st.builds(
        Source,
        key=st.sampled_from(("seed-001", "seed-003", "nka")),
        title=st.sampled_from(("Nationell anhörigstrategi", "Samtycke")),
        publisher=st.sampled_from(("", "Nka", "Socialstyrelsen")),
        year=st.none() | st.integers(1990, 2030),
        quote=st.sampled_from(("", "lyssna kan man alltid göra")),
    )


def law_topics() -> st.SearchStrategy[LawTopic]:
    """Legal topics with one to three references."""
    return st.builds(
        LawTopic,
        key=st.sampled_from(("carer_support", "example")),
        title=texts(),
        refs=st.lists(legal_refs(), min_size=1, max_size=3).map(tuple),
    )


def reporters() -> st.SearchStrategy[Reporter]:
    """Who reports concern about a child: with a duty or not, under a legal topic."""
    return st.builds(
        Reporter,
        key=st.sampled_from(("anyone", "example")),
        who=texts(),
        duty=st.booleans(),
        law=law_topics(),
        confidence=st.sampled_from(Confidence),
        unverified=st.sampled_from(("", "the statute text was not seen")),
    )


_CODES = st.from_regex(r"[A-Z]{2,5}(-[A-Z0-9]{1,8}){1,3}", fullmatch=True)


def findings() -> st.SearchStrategy[Finding]:
    """Findings with any code, severity and references."""
    return st.builds(
        Finding,
        code=_CODES,
        severity=severities(),
        path=st.sampled_from(("$", "involvements[0]", "carer.birth_date")),
        message=texts(),
        references=st.lists(legal_refs(), max_size=2).map(tuple),
        sources=st.lists(sources(), max_size=2).map(tuple),
    )


def reports(*, max_size: int = 5) -> st.SearchStrategy[Report]:
    """Reports of up to ``max_size`` findings; shrinks towards the empty report."""
    if max_size < 0:
        raise InvalidArgument(f"max_size={max_size} must be >= 0")
    return st.lists(findings(), max_size=max_size).map(lambda fs: Report(tuple(fs)))


def rules() -> st.SearchStrategy[Rule]:
    """Rule catalogue entries (made up, with real source keys)."""
    return st.builds(
        Rule,
        code=_CODES,
        severity=severities(),
        family=st.sampled_from(("relations", "example")),
        title=texts(),
        message=st.just(Text(sv="Något saknas.", en="Something is missing.")),
        law=st.lists(law_topics(), max_size=2).map(tuple),
        sources=st.lists(st.sampled_from(("seed-001", "seed-004")), max_size=2, unique=True).map(
            tuple
        ),
        applies_to=st.lists(st.sampled_from(("Relationship", "ChildRelative")), max_size=2).map(
            tuple
        ),
        condition=st.none() | texts(),
        boundary=st.none() | texts(),
        fix=st.none() | texts(),
    )


def type_strategies() -> dict[type, st.SearchStrategy[Any]]:
    """The core types and their strategies, for hypothesis' ``from_type``."""
    return {
        PersonId: person_ids(),
        Person: people(),
        Involvement: involvements(),
        ContingencyPlan: contingency_plans(),
        Relationship: relationships(),
        ChildRelative: child_relatives(),
        Interval: intervals(),
        Period: periods(),
        Text: texts(),
        Organisation: organisations(),
        Provider: providers(),
        LegalRef: legal_refs(),
        Source: sources(),
        LawTopic: law_topics(),
        Reporter: reporters(),
        Finding: findings(),
        Report: reports(),
        Rule: rules(),
    }
