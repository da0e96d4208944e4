"""The municipality's plan for implementing the national carer strategy (*implementeringsplan*).

Rows of area, activity, how, responsible and due date, across the three areas of
the national carer strategy (2022): *ledning och styrning*, *kunskap och
kompetens*, *samverkan och samordning*. Every area has activities and every
activity an owner. :meth:`ImplementationPlan.template` fills a plan with the
example activities of Nka's inspiration material (seed 003); their owners are
left for the municipality to fill in unless one is given.

>>> from datetime import date
>>> plan = ImplementationPlan.template(municipality="Exempelby", valid_from=date(2027, 1, 1))
>>> len(plan.activities) > 20
True
>>> sorted({a.area.label("sv") for a in plan.activities})
['Kunskap och kompetens', 'Ledning och styrning', 'Samverkan och samordning']

References:
    - Nationell anhörigstrategi (Regeringen, 2022-04-14).
    - Seed 003: Nka, *Implementeringsplan av Nationella anhörigstrategin i din kommun*
      (2024), "Exempel på hur en implementeringsplan/handlingsplan kan se ut".
"""

from __future__ import annotations

from datetime import date

import attrs

from anhorig import _checks
from anhorig._checks import a_date, collecting, each, instance_of, non_empty_text, optional
from anhorig.language import LabelledEnum, Lang

__all__ = ["Activity", "ImplementationArea", "ImplementationPlan"]


class ImplementationArea(LabelledEnum):
    """One of the three areas of the national carer strategy (*område*)."""

    LEADERSHIP = "leadership", "Ledning och styrning", "Leadership and governance"
    KNOWLEDGE = "knowledge", "Kunskap och kompetens", "Knowledge and competence"
    COLLABORATION = "collaboration", "Samverkan och samordning", "Collaboration and coordination"


@collecting
@attrs.frozen(kw_only=True, order=False)
class Activity:
    """One row of an implementation plan (*aktivitet/åtgärd*): what, how, who, by when.

    ``heading`` is the optional sub-heading within the area (*underrubrik*, e.g.
    *Utbilda chefer, medarbetare och politiker*); ``responsible`` may be empty while
    the plan is being written, which the rules report.
    """

    area: ImplementationArea = attrs.field(validator=instance_of(ImplementationArea))
    activity: str = attrs.field(validator=non_empty_text)
    how: str = attrs.field(default="", validator=_checks.text)
    responsible: str = attrs.field(default="", validator=_checks.text)
    due: date | None = attrs.field(default=None, validator=optional(a_date))
    done_on: date | None = attrs.field(default=None, validator=optional(a_date))
    heading: str = attrs.field(default="", validator=_checks.text)


_L, _K, _S = (
    ImplementationArea.LEADERSHIP,
    ImplementationArea.KNOWLEDGE,
    ImplementationArea.COLLABORATION,
)

_SEED_003_ROWS: tuple[tuple[ImplementationArea, str, str, str], ...] = (
    (
        _L,
        "",
        "Styrdokument",
        "Vilka finns i din kommun? Behöver de revideras? Riktlinjer, handlingsplaner, strategier, "
        "nämndens mål, ledningssystem, enhetsplaner och verksamhetsmål. Viktigt att det som finns "
        "efterföljs, följs upp och att man har mandat att arbeta utifrån dem.",
    ),
    (
        _L,
        "",
        "Få till ett politiskt beslut att alla kommunanställda ska ha gått utbildning om anhörigstöd.",
        "Föreslå till politiker direkt, ta hjälp av din närmsta chef för en dialog med politiken "
        "eller be intresseföreningar påverka.",
    ),
    (
        _L,
        "",
        "Arbetsplatsträffar.",
        "Tillfälle att lyfta anhörigperspektivet, exempelvis stående punkt på dagordning.",
    ),
    (_L, "", "Årshjul i verksamheterna.", "Tillfälle att lyfta anhörigperspektivet."),
    (
        _L,
        "",
        "Länsgemensamma strategier.",
        "Finns i vissa län. Låna formuleringar som passar och forma om efter din egen kommuns behov.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Introduktionsutbildning för alla nyanställda.",
        "Digital utbildning. Använd material som finns till exempel på Nka:s hemsida. Träffa en "
        "anhörigkonsulent för en kortare presentation en timme. Kan erbjudas 1 g/år eller oftare.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Utbildning om anhörigstöd för personal inom vård- och omsorgsförvaltning.",
        "Erbjud en halv- eller heldagsutbildning, använd material från Nka:s hemsida. Kan erbjudas "
        "vid flera tillfällen löpande under året.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Tillgängliggör befintliga utbildningar som finns om anhörigstöd för alla i kommunen.",
        "Lägg upp/länka på kommunens intranät/utbildningsportal.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Utbilda och stötta biståndshandläggare.",
        'Bjud in handläggarna och titta tillsammans på webinarier "Stöd för handläggare att '
        'uppmärksamma anhöriga". Fika och diskussion efteråt.',
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Erbjud handledning.",
        "Anhörigkonsulenter kan erbjuda handledning inom vård- och omsorgsverksamheter.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Informera om nationella anhörigstrategin.",
        "Gå ut till APT-grupper/planeringsdagar och informera.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Erbjud föreläsningar med teaterspel.",
        "Engagera anhöriga/föreläsare som får berätta sin historia.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Gör en egen utbildning som ska gå ut till alla chefer och alla medarbetare.",
        "Gör en digital nanoutbildning.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Utbilda anhörigombud/anhörigrepresentanter.",
        "Möten till exempel två gånger om året, då ombuden träffas, får vidareutbildning och "
        "utbyter erfarenheter. De utbildar i sin tur sina kollegor.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Få till ett systematiskt arbete, till exempel med hjälp av årshjul.",
        "Verksamheter kan ha med digitala utbildningar om anhörigperspektiv i årshjulet.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Presentera anhörigstrategin/erbjud digital utbildning på alla enheter. Inventera vad som redan görs.",
        "Dokumentera hur de olika enheterna idag arbetar med anhörigperspektivet och ett eventuellt önskeläge.",
    ),
    (
        _K,
        "Utbilda chefer, medarbetare och politiker i kommunen",
        "Ta fram enkla verktyg.",
        "Ta fram ett frågematerial som vård- och omsorgspersonal kan använda i samtal med anhöriga.",
    ),
    (
        _K,
        "Utbilda andra målgrupper",
        "Informera/föreläsa om anhörigperspektiv.",
        "Gå ut i skolor, föreningar, sjuksköterske- och omvårdnadsutbildningar varje år.",
    ),
    (
        _K,
        "Utbilda andra målgrupper",
        "Föreläs för politiker om den nationella anhörigstrategin.",
        "Be att få komma till socialnämnden och berätta om den nationella anhörigstrategin.",
    ),
    (
        _K,
        "Broschyr mm.",
        "Utveckla broschyr och/eller informationsblad om anhörigperspektiv riktat till verksamheter inom kommun och region.",
        "Utgå till exempel från Socialstyrelsens material; bred information som inte riktar sig till något speciellt anhörigområde.",
    ),
    (
        _K,
        "Broschyr mm.",
        "Sprida information via sociala medier mm.",
        "Sociala medier, hemsidor och nyhetsbrev är ett bra och oftast helt gratis sätt att sprida information.",
    ),
    (
        _S,
        "Samverkan med föreningar, civilsamhället",
        "Ordna föreläsningar, utbildningar, anhöriggrupper och gemensamma aktiviteter.",
        "Samverka med till exempel Attention, kyrkan, Röda Korset, Spes, Suicide Zero, studieförbund, "
        "Demensförbundet, pensionärsföreningar och anhörigföreningar.",
    ),
    (
        _S,
        "Samverkan inom kommun, region",
        "Skapa samverkansgrupper och nätverk. Delta på SIP.",
        "Samverka med till exempel demensteam, primärvården, biståndshandläggare, "
        "demenssjuksköterska, psykiatri, skolan och socialtjänsten.",
    ),
    (
        _S,
        "Samverkan inom kommun, region",
        "Informera anhöriga om var de kan få stöd för egen del.",
        "Verksamheter inom kommun och region hänvisar till Anhörigstödet i kommunen.",
    ),
    (
        _S,
        "Samverkan inom kommun, region",
        "Informera/utbilda personalenheten på kommunen då många medarbetare är yrkesverksamma anhöriga.",
        "Bjud in dig till personalenheten på kommunen på ett APT.",
    ),
    (
        _S,
        "Samverkan inom kommun, region",
        "Ta fram ett samverkansdokument för personal och anhöriga.",
        "Implementera och synliggör ett dokument om hur anhöriga och personal kan samarbeta inom "
        "vård- och omsorgsverksamheter.",
    ),
)


@collecting
@attrs.frozen(kw_only=True, order=False)
class ImplementationPlan:
    """A municipality's plan to implement the national carer strategy (*implementeringsplan*)."""

    municipality: str = attrs.field(validator=non_empty_text)
    valid_from: date = attrs.field(validator=a_date)
    valid_until: date | None = attrs.field(
        default=None, validator=_checks.and_(optional(a_date), _checks.not_before("valid_from"))
    )
    activities: tuple[Activity, ...] = attrs.field(default=(), validator=each(Activity))
    title: str = attrs.field(
        default="Implementeringsplan för Nationell anhörigstrategi", validator=non_empty_text
    )

    @classmethod
    def template(
        cls,
        *,
        municipality: str,
        valid_from: date,
        valid_until: date | None = None,
        responsible: str = "",
        areas: frozenset[ImplementationArea] | None = None,
        lang: Lang = "sv",
    ) -> ImplementationPlan:
        """A plan filled with the example activities of seed 003 (Nka 2024).

        Every row gets ``responsible`` (empty by default: the municipality names the
        owners, and until it does the rules report each row). ``areas`` limits the
        template to some of the three areas. ``lang="en"`` gives the rows' text in
        English translation (the Swedish is the source).
        """
        rows_of: list[tuple[ImplementationArea, str, str, str]] = list(_SEED_003_ROWS)
        if lang == "en":
            from anhorig.plans._template_en import ROWS_EN

            rows_of = [
                (row[0], *english) for row, english in zip(_SEED_003_ROWS, ROWS_EN, strict=True)
            ]
        rows = tuple(
            Activity(
                area=area, heading=heading, activity=activity, how=how, responsible=responsible
            )
            for area, heading, activity, how in rows_of
            if areas is None or area in areas
        )
        return cls(
            municipality=municipality,
            valid_from=valid_from,
            valid_until=valid_until,
            activities=rows,
        )

    def by_area(self) -> dict[ImplementationArea, tuple[Activity, ...]]:
        """The activities of each area, in the order of the three areas."""
        return {
            area: tuple(a for a in self.activities if a.area is area) for area in ImplementationArea
        }
