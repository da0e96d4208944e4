"""In Swedish, nothing English or internal reaches the reader (issue 12, "Swedish words").

Every message and explanation the library can give is generated with the testing kit:
each rule broken on purpose (`breaking`), each consent decision basis (`deciding`) with
its ``explain``, decisions on random requests and records, and the refusals of hostile
documents (the fuzzers' mutations of every example). Each Swedish text is searched for:

- an English word (`ENGLISH`: words that are not also Swedish);
- an enum member's name (``PERMIT``, ``NOT_APPLICABLE``) or a value with an underscore
  (``short_stay``), except names that are Swedish words or abbreviations (`SWEDISH_NAMES`);
- Python's spelling of a value (`REPRS`): ``None``, ``datetime.date(``, ``Decimal(``,
  ``<Outcome.PERMIT: 'permit'>``, a number in quotes, an ISO instant.

Each English text is searched for Swedish-only words (`SWEDISH`).

What is not prose is left out of the search: a finding's or problem's path (it points
into the document, whose keys are English), a catalogue code (``CONSENT-PERMIT``: the
catalogue's name of a rule, the same in both languages), an id with a hyphen
(``kommun-0480-son``), and input quoted back (``'case-officer'``).
"""

from __future__ import annotations

import enum
import importlib
import json
import pkgutil
import re
from collections.abc import Iterable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import anhorig
from anhorig import InvalidInput, from_json
from anhorig._values import value_text
from anhorig.consent import (
    Action,
    Consent,
    Decision,
    DisclosureRequest,
    Evidence,
    EvidenceForm,
    InfoCategory,
    Purpose,
    Recipient,
    evaluate,
)
from anhorig.findings import Finding, Report, catalogue
from anhorig.language import Text
from anhorig.organisations import Organisation, Principal, Sector
from anhorig.people import Person
from anhorig.respite import Ledger, RespiteKind, RespitePolicy, Weekday, check_booking
from anhorig.testing.strategies import (
    DECIDING_CODES,
    breakable_codes,
    breaking,
    deciding,
    decision_policies,
    decisions,
)
from anhorig.time import local

from .fuzz.mutations import mutated
from .respite._helpers import booking, grant


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(ROOT.glob("examples/**/*.json"))

ENGLISH = _words(
    """
    an the and or not no yes none nan infinity
    is are was were been has have had does did will would should must may
    of with without from into onto than then there which who whom whose what when where why
    consent consents provision provisions assessment assessments exception exceptions
    permit permits permitted deny denies denied applicable basis reason reasons
    expected expecting got missing invalid unknown value values line column delimiter
    property enclosed double quotes unterminated string object control character escape
    decoding decode decoder document empty extra_data
    booking bookings grant grants carer carers relative relatives recipient recipients
    organization holder subject decision finding findings error warning
    day days hour hours minute minutes seconds week weeks month months year years
    holiday holidays eve weekday weekdays working notice quota overlap
    january february march june july august october
    monday tuesday wednesday thursday friday saturday sunday
    """
)
"""English words that are not Swedish words too (so not ``plan``, ``data``, ``info``,
``organisation``,
``policy``, ``extra``, ``status``; nor ``in``, ``for``, ``at``, ``be``, ``under``,
``men``); not JSON's literals either (``null``, ``true``, ``false``), which a message
quotes back as the document writes them."""

SWEDISH = _words(
    """
    och inte eller att som ska måste saknas fick väntade rad kolumn uppgift uppgifter
    samtycke samtycket nekat nekas tillåtet grund varför helgdag helgdagsafton
    januari februari mars maj juni juli augusti oktober kl
    måndag tisdag onsdag torsdag fredag lördag söndag ja nej
    """
)
"""Swedish words an English text never needs (names and Swedish legal terms aside)."""

SWEDISH_NAMES = _words(
    """
    DYGN FORVALTARE GOD_MAN SIP LSS HSL OSL LPT LRV LVM LVU IBIC
    """
)
"""Enum member names that are Swedish words or abbreviations, read as such."""

REPRS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("Python's None", re.compile(r"\bNone\b")),
    ("Python's True/False", re.compile(r"\b(?:True|False)\b")),
    ("a datetime repr", re.compile(r"\b(?:datetime|pendulum|date|timedelta)\.\w|\bDateTime\(")),
    ("a Decimal or Fraction repr", re.compile(r"\b(?:Decimal|Fraction)\(")),
    ("an object repr", re.compile(r"<[\w.]+(?::| object| at )[^>]*>")),
    ("an attrs repr", re.compile(r"\b[A-Z]\w+\((?:\w+=|'|\")")),
    ("a number in quotes", re.compile(r"""(['"])[-+]?\d+(?:[.,]\d+)?\1""")),
    ("an ISO instant", re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\d{2}:\d{2}:\d{2}[+-]\d{2}")),
    ("a UTC offset", re.compile(r"(?<=\d)[+-]\d{2}:\d{2}\b")),
    ("an ISO date", re.compile(r"(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])")),
)

_CODES = re.compile(r"\b[A-Z]+(?:-[A-Z0-9]+)+\b")
_HYPHENATED = re.compile(r"[\w.]+(?:-[\w.]+)+")
_QUOTED = re.compile(r"""(?<!\w)(['"])(.*?)\1(?!\w)""")
_QUOTED_JSON = re.compile(r"""'[\[{][^']*'""")
"""A list or object quoted back as the document wrote it: its keys are JSON strings,
``{"0": null}``, not numbers put in quotes (a long one is cut short, so no closing
bracket is required)."""
_WORD = re.compile(r"[^\W\d_]{2,}(?:_[^\W\d_]+)*")
"""A word of two letters or more (a masked name's initials, ``A. K.``, are not words)."""
_NAMED_BODY = re.compile(r"[^,.;:()]*\([\w]+(?:-[\w]+)+\)")
"""A body named with its id, ``Kommunal hälso- och sjukvård Nyköping (kommun-0480-hsl)``:
its name is Swedish in every language."""


def _enum_names() -> tuple[frozenset[str], frozenset[str]]:
    """Every member name of an enum defined in anhorig, and every value with an underscore."""
    names: set[str] = set()
    values: set[str] = set()
    for info in pkgutil.walk_packages(anhorig.__path__, "anhorig."):
        if info.name.startswith("anhorig.testing") or info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for thing in vars(module).values():
            if (
                isinstance(thing, type)
                and issubclass(thing, enum.Enum)
                and thing.__module__.startswith("anhorig")
            ):
                for member in thing:
                    names.add(member.name)
                    if isinstance(member.value, str) and "_" in member.value:
                        values.add(member.value)
    return frozenset(names - SWEDISH_NAMES), frozenset(values)


ENUM_NAMES, ENUM_VALUES = _enum_names()


def prose(text: str) -> str:
    """``text`` without what is not prose: catalogue codes, hyphenated ids, quoted input."""
    text = _CODES.sub(" ", text)
    text = _QUOTED.sub(" ", text)
    return _HYPHENATED.sub(" ", text)


def leaks_sv(text: str) -> list[str]:
    """What in a Swedish text is English, internal or Python's."""
    plain = prose(text)
    # Python's spellings are searched for everywhere, also in quoted input; an instant
    # quoted back as the input wrote it is the input's own spelling.
    own = _QUOTED_JSON.sub(" ", text)
    found = [f"{what}: {m.group()!r}" for what, rx in REPRS[:7] for m in rx.finditer(own)]
    unquoted = _QUOTED.sub(" ", text)
    found += [f"{what}: {m.group()!r}" for what, rx in REPRS[7:] for m in rx.finditer(unquoted)]
    for match in _WORD.finditer(plain):
        word = match.group()
        if word.lower() in ENGLISH:
            found.append(f"English word {word!r}")
        if word in ENUM_NAMES and len(word) > 1:
            found.append(f"enum name {word!r}")
        if word in ENUM_VALUES:
            found.append(f"enum value {word!r}")
        if "_" in word:
            found.append(f"an identifier {word!r}")
    return found


def leaks_en(text: str) -> list[str]:
    """What in an English text is Swedish-only, or Python's."""
    found = [f"{what}: {m.group()!r}" for what, rx in REPRS[:6] for m in rx.finditer(text)]
    for match in _WORD.finditer(prose(_NAMED_BODY.sub(" ", text))):
        if match.group().lower() in SWEDISH:
            found.append(f"Swedish word {match.group()!r}")
    return found


def assert_said_well(texts: Iterable[tuple[str, str]]) -> None:
    """Each ``(sv, en)`` pair has no leak in either language."""
    problems = []
    for sv, en in texts:
        problems += [f"sv {sv!r}: {leak}" for leak in leaks_sv(sv)]
        problems += [f"en {en!r}: {leak}" for leak in leaks_en(en)]
    assert not problems, "\n".join(problems)


def said(finding: Finding) -> tuple[str, str]:
    """A finding's message in both languages (its path and code are locators)."""
    return finding.message.sv, finding.message.en


def explained(decision: Decision) -> tuple[str, str]:
    """A decision's explanation in both languages."""
    return decision.explain("sv"), decision.explain("en")


def refused(err: InvalidInput) -> Iterator[tuple[str, str]]:
    """Every problem's message in both languages (their paths point into the input)."""
    for problem in err.problems:
        yield problem.message.sv, problem.message.en


FEW = settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# --- the words themselves ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("PERMIT\ngrund: CONSENT-PERMIT consent c-1 provision", "English word 'consent'"),
        ("Beslut: NOT_APPLICABLE", "enum name 'NOT_APPLICABLE'"),
        ("fick 'None'", "Python's None"),
        ("väntade högst '2' timmar", "a number in quotes"),
        ("gäller från 2026-04-01T09:00:00+02:00", "an ISO instant"),
        ("får inte vara före valid_from (2026-04-01)", "an ISO date"),
        ("Expecting value: line 1 column 1 (char 0)", "English word 'value'"),
        ("slag short_stay", "enum value 'short_stay'"),
        ("fick datetime.date(2026, 4, 1)", "a datetime repr"),
        ("utfall <Outcome.PERMIT: 'permit'>", "an object repr"),
    ],
)
def test_the_search_finds_each_kind_of_leak(text: str, leak: str) -> None:
    assert any(found.startswith(leak) for found in leaks_sv(text)), leaks_sv(text)


@pytest.mark.parametrize(
    "text",
    [
        "Beslut: tillåtet\ngrund: CONSENT-PERMIT, samtycke c-1, huvudregeln (OSL (2009:400) 12 kap. 2 §)",
        "Samtycke c-1 inhämtades av Region Sörmland (region-sormland), inte av Socialnämnden i "
        "Nyköping (kommun-0480-son).",
        "Bokningen B-1 börjar 1 april 2026 kl. 09.00, en helgdagsafton; planen följs upp.",
        "Id 'case-officer' används av mer än en mottagare; policy, status, data och info.",
    ],
)
def test_swedish_prose_is_left_alone(text: str) -> None:
    assert leaks_sv(text) == []


def test_the_enum_names_are_collected() -> None:
    assert {"PERMIT", "NOT_APPLICABLE", "DENY_OVERRIDES"} <= ENUM_NAMES
    assert "not_applicable" in ENUM_VALUES


# --- every message the library can give ------------------------------------------------------


@pytest.mark.parametrize("code", breakable_codes())
@FEW
@given(data=st.data())
def test_every_rule_broken_speaks_swedish(code: str, data: st.DataObject) -> None:
    case = data.draw(breaking(code))
    report: Report = case.report()
    texts = [said(f) for f in report]
    texts.append((report.explain("sv"), report.explain("en")) if not report.findings else ("", ""))
    if code in DECIDING_CODES:
        request, records = case.thing
        texts.append(explained(evaluate(request, records)))
    assert_said_well(texts)


@pytest.mark.parametrize("code", DECIDING_CODES)
@FEW
@given(data=st.data())
def test_every_decision_basis_is_explained_in_swedish(code: str, data: st.DataObject) -> None:
    request, records = data.draw(deciding(code, max_also_about=2, max_unrelated=3))
    policy = data.draw(decision_policies())
    decision = evaluate(request, records, policy=policy)
    assert_said_well([explained(decision), *(said(r) for r in decision.reasons)])


@settings(parent=FEW, max_examples=60)
@given(decisions())
def test_decisions_on_anything_are_explained_in_swedish(decision: Decision) -> None:
    assert_said_well([explained(decision), *(said(r) for r in decision.reasons)])


def test_every_rule_is_heard() -> None:
    """The generators above reach every rule but the lifecycle's and those a decision
    gives only beside others (`NEVER_ALONE`, reached by the random decisions)."""
    assert set(breakable_codes()) | {"PLAN-ILLEGAL-TRANSITION"} >= {
        r.code for r in catalogue() if not r.code.startswith("CONSENT-")
    }


# --- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.relative_to(ROOT).as_posix())
@settings(parent=FEW, max_examples=15)
@given(data=st.data())
def test_every_refusal_of_a_mutated_document_is_swedish(path: Path, data: st.DataObject) -> None:
    source = data.draw(mutated(json.loads(path.read_text("utf-8"))))
    try:
        from_json(None, source)
    except InvalidInput as err:
        assert_said_well(refused(err))


BROKEN_JSON = (
    "",
    "{",
    '{"a": }',
    '{"a" 1}',
    "[1, 2",
    '{"a": 1,}',
    '{"a": "b',
    "{'a': 1}",
    '{"a": 1} x',
    '"\\x"',
    '"\\ud800"',
    '{"a": 1, "a": 2}',
    "NaN",
    "1e999",
    "\ufeff{}",
    b'{"a": "\xff"}',
)


@pytest.mark.parametrize("source", BROKEN_JSON)
def test_the_json_reader_refuses_in_swedish(source: str | bytes) -> None:
    with pytest.raises(InvalidInput) as caught:
        from_json(None, source)
    assert_said_well(refused(caught.value))


# --- the cases, as written --------------------------------------------------------------


def test_an_instant_is_said_on_the_stockholm_clock_in_words() -> None:
    moment = local(2026, 4, 1, 9)
    assert Text(sv="{t}", en="{t}").format(t=moment) == Text(
        sv="1 april 2026 kl. 09.00", en="1 April 2026, 09:00"
    )
    assert value_text(local(2026, 10, 25, 2, 30), "sv") == "25 oktober 2026 kl. 02.30 (sommartid)"
    assert value_text(local(2026, 10, 25, 2, 30, fold=1), "sv") == (
        "25 oktober 2026 kl. 02.30 (normaltid)"
    )
    assert value_text(None, "sv") == "uppgift saknas"
    assert value_text(Decimal("2.50"), "sv") == "2,5"


def test_a_decision_in_swedish_names_no_english_and_no_path() -> None:
    town = Organisation(
        id="kommun-0480-son",
        name="Socialnämnden i Nyköping",
        principal=Principal.MUNICIPALITY,
        sector=Sector.SOCIAL_SERVICES,
    )
    region = Organisation(
        id="region-sormland",
        name="Region Sörmland",
        principal=Principal.REGION,
        sector=Sector.HEALTH_CARE,
    )
    anna = Person(name="Anna Karlsson", birth_date=date(1939, 12, 25))
    consent = Consent.grant(
        id="c-1",
        subject=anna,
        obtained_by=region,
        to=(Recipient.any_of_principal(Principal.REGION),),
        categories=(InfoCategory.SOCIAL_SERVICES,),
        purposes=(Purpose.SIP,),
        evidence=Evidence(
            form=EvidenceForm.ORAL, documented_by="hsa-17", documented_at=local(2026, 3, 2, 10)
        ),
        given_at=local(2026, 3, 2, 10),
    )
    request = DisclosureRequest(
        subject=anna,
        action=Action.DISCLOSE,
        category=InfoCategory.SOCIAL_HOME_CARE,
        holder=town,
        recipient=Recipient.of_organisation(region),
        purpose=Purpose.SIP,
        at=local(2026, 5, 4, 9),
    )
    said_sv = evaluate(request, (consent,)).explain("sv")
    assert said_sv.startswith("Beslut: inget stöd (nekas)\n")
    assert (
        "Samtycke c-1 inhämtades av Region Sörmland (region-sormland), inte av Socialnämnden i "
        "Nyköping (kommun-0480-son)" in said_sv
    )
    assert leaks_sv(said_sv) == []


def test_the_eves_are_helgdagsaftnar() -> None:
    policy = RespitePolicy(
        municipality="Exempel",
        kinds=frozenset({RespiteKind.IN_HOME}),
        weekdays=frozenset(Weekday) - {Weekday.SATURDAY, Weekday.SUNDAY},
        exclude_holidays=True,
    )
    ledger = Ledger(policies=(policy,), grants=(grant(amount=40),))
    said_days = {}
    for day in (date(2026, 12, 24), date(2026, 12, 25), date(2026, 12, 31)):
        stay = booking(
            f"B-{day.day}",
            local(day.year, day.month, day.day, 10),
            local(day.year, day.month, day.day, 12),
            made_at=local(2026, 11, 1, 9),
        )
        report = check_booking(ledger, stay, on=date(2026, 11, 1))
        (weekday,) = [f for f in report if f.code == "RESPITE-WEEKDAY"]
        said_days[day.day] = weekday.message.sv
    assert said_days == {
        24: "24 december 2026 (helgdagsafton) ges ingen avlösning i Exempel.",
        25: "25 december 2026 (helgdag) ges ingen avlösning i Exempel.",
        31: "31 december 2026 (helgdagsafton) ges ingen avlösning i Exempel.",
    }
