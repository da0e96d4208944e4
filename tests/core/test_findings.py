"""Findings, reports and the rule catalogue."""

from __future__ import annotations

import copy
import pickle
import string
from datetime import date

import attrs
import pytest
from hypothesis import given

from anhorig import Finding, InvalidInput, Report, Rule, RuleViolation, Severity, Text, catalogue
from anhorig.findings import BODY_PARAMETERS, rule, validated
from anhorig.language import mask_value
from anhorig.law import CARER_SUPPORT, SOURCES
from anhorig.testing.strategies import reports
from tests._threads import run_together, switching_often


@given(reports())
def test_report_partitions_its_findings(report: Report) -> None:
    """errors, warnings and infos partition the findings; ok means no errors."""
    assert len(report.errors) + len(report.warnings) + len(report.infos) == len(report)
    assert report.ok == (not report.errors)
    assert report.codes == {f.code for f in report}
    assert list(report) == list(report.findings)


@given(reports(), reports())
def test_reports_add_up(a: Report, b: Report) -> None:
    """Adding reports concatenates findings; ok only if both are ok."""
    both = a + b
    assert both.findings == a.findings + b.findings
    assert both.ok == (a.ok and b.ok)


def test_catalogue_codes_are_unique_sorted_and_complete() -> None:
    """Every rule appears once, sorted by code, with both languages and a family."""
    rules = catalogue()
    codes = [r.code for r in rules]
    assert codes == sorted(set(codes))
    for entry in rules:
        assert entry.title.sv
        assert entry.title.en
        assert entry.message.sv
        assert entry.message.en
        assert entry.family
        assert entry.law or entry.sources, entry.code
    assert rule("REL-INVOLVEMENT-MISSING").severity is Severity.WARNING
    with pytest.raises(InvalidInput):
        rule("NO-SUCH-RULE")


def test_rule_findings_cite_the_law_of_the_date() -> None:
    """A rule's finding cites SoL 2001:453 before 1 July 2025 and SoL 2025:400 after."""
    entry = Rule(
        code="TEST-EXAMPLE",
        severity=Severity.ERROR,
        family="test",
        title=Text(sv="Exempel", en="Example"),
        message=Text(sv="{who} saknas den {on}.", en="{who} is missing on {on}."),
        law=(CARER_SUPPORT,),
        sources=("seed-004",),
    )
    old = entry.finding("x", on=date(2025, 6, 30), who="A. K.")
    new = entry.finding("x", on=date(2025, 7, 1), who="A. K.")
    assert str(old.references[0]) == "SoL (2001:453) 5 kap. 10 §"
    assert str(new.references[0]) == "SoL (2025:400) 13 kap. 9 §"
    assert new.message == Text(
        sv="A. K. saknas den 1 juli 2025.", en="A. K. is missing on 1 July 2025."
    )
    assert new.sources[0].key == "seed-004"
    assert new.explain("en") == (
        "ERROR TEST-EXAMPLE x: A. K. is missing on 1 July 2025. (SoL (2025:400) 13 kap. 9 §)"
    )
    assert new.explain("sv").startswith("FEL TEST-EXAMPLE")


def test_rule_refuses_unknown_sources_and_bad_codes() -> None:
    """Sources must be known keys; codes are PREFIX-WHAT in capitals."""
    with pytest.raises(InvalidInput) as err:
        Rule(
            code="bad code",
            severity=Severity.INFO,
            family="test",
            title=Text(sv="a", en="a"),
            message=Text(sv="a", en="a"),
            sources=("nowhere",),
        )
    assert set(err.value.paths) == {"code", "sources"}


def test_validated_raises_rule_violation_with_the_report() -> None:
    """validated returns the thing, or raises RuleViolation carrying every error."""
    error = Finding(code="TEST-ERR", severity=Severity.ERROR, message=Text(sv="fel", en="wrong"))
    warning = Finding(
        code="TEST-WARN", severity=Severity.WARNING, message=Text(sv="obs", en="note")
    )
    assert validated(lambda thing: Report((warning,)), "x") == "x"
    with pytest.raises(RuleViolation) as err:
        validated(lambda thing: Report((error, warning)), "x")
    assert err.value.report.errors == (error,)
    assert isinstance(err.value, InvalidInput)
    assert "[TEST-ERR] wrong" in err.value.explain("en")


def test_empty_report_explains_itself() -> None:
    """An empty report says so in both languages."""
    assert Report().explain() == "Inga anmärkningar."
    assert Report().explain("en") == "No findings."


def test_rule_names_the_domain_rules_it_encodes() -> None:
    """``domain`` holds DOMAIN.md rule numbers (1–32), each once; anything else is refused
    with the field named."""
    entry = Rule.define(
        "test", "TEST-EXAMPLE", Severity.INFO, ("a", "a"), ("a", "a"), domain=(18, 21)
    )
    assert entry.domain == (18, 21)
    assert Rule.define("test", "TEST-EXAMPLE", Severity.INFO, ("a", "a"), ("a", "a")).domain == ()
    for bad in ((0,), (33,), (14, 14), (True,), ("14",), [14]):
        with pytest.raises(InvalidInput) as err:
            Rule.define("test", "TEST-EXAMPLE", Severity.INFO, ("a", "a"), ("a", "a"), domain=bad)  # type: ignore[arg-type]
        assert any(path.startswith("domain") for path in err.value.paths), bad


def test_every_plan_rule_names_its_domain_rule() -> None:
    """The plans family's rules carry their DOMAIN.md numbers (rules 14–23, 3 where a
    plan counts on the carer's answer, and 7 where a plan's consent is a child's) in the
    catalogue."""
    plans = [entry for entry in catalogue() if entry.family == "plans"]
    assert plans
    assert all(entry.domain for entry in plans)
    assert {n for entry in plans for n in entry.domain} == {3, 7, *range(14, 24)}
    assert rule("SIP-DISCHARGE-INVITATION-LATE").domain == (22,)


@pytest.mark.parametrize("entry", catalogue(), ids=lambda r: r.code)
def test_a_finding_built_without_checks_is_one_the_constructor_accepts(entry: Rule) -> None:
    """``Rule.finding`` builds its finding from checked parts without checking them
    again (`anhorig._checks.trusted`): the public constructor, given the same parts,
    accepts them and makes an equal finding, masked alike."""
    names = {
        name
        for text in (entry.message.sv, entry.message.en)
        for _, name, _, _ in string.Formatter().parse(text)
        if name
    }
    params = dict.fromkeys(names - {"on"}, "Anna Karlsson 19391225-0028")
    found = entry.finding("consents[19391225-0028]", on=date(2026, 5, 4), **params)
    again = Finding(**attrs.asdict(found, recurse=False))
    assert again == found
    assert found.path == "consents[19391225-****]"
    assert "0028" not in found.message.sv + found.message.en


def _written_at_once(entry: Rule, path: str, on: date, params: dict[str, object]) -> Finding:
    """What ``Rule.finding`` built before findings were written when read (issue 14):
    the message filled in and masked at once, through the public constructor."""
    used = {
        name
        for text in (entry.message.sv, entry.message.en)
        for _, name, _, _ in string.Formatter().parse(text)
        if name
    }
    shown = {
        name: mask_value(value) if isinstance(value, str) and name not in BODY_PARAMETERS else value
        for name, value in params.items()
        if name in used
    }
    if "on" in used:
        shown["on"] = on
    return Finding(
        code=entry.code,
        severity=entry.severity,
        path=path,
        message=entry.message.format(**shown),
        references=entry.references(on),
        sources=tuple(SOURCES[key] for key in entry.sources),
    )


_VALUES = (
    "Anna Karlsson 19391225-0028",
    "Röda Korset",
    7,
    date(2026, 3, 2),
    Text(sv="helgdag", en="public holiday"),
    None,
)


@pytest.mark.parametrize("entry", catalogue(), ids=lambda r: r.code)
def test_a_finding_written_when_read_reads_as_one_written_at_once(entry: Rule) -> None:
    """``Rule.finding`` writes a finding's path and message when first read (issue 14):
    every field, in both languages, is what writing them at once gives, for text to
    mask, a body's name, numbers, dates, a ``Text`` and nothing; and the finding
    equals, hashes and explains itself as that one does."""
    names = sorted(
        {
            name
            for text in (entry.message.sv, entry.message.en)
            for _, name, _, _ in string.Formatter().parse(text)
            if name
        }
        - {"on"}
    )
    for shift in range(len(_VALUES)):
        params: dict[str, object] = {
            name: _VALUES[(i + shift) % len(_VALUES)] for i, name in enumerate(names)
        }
        params["unused"] = "Anna Karlsson"  # not in the message: left out
        on = date(2026, 5, 4)
        found = entry.finding("consents[19391225-0028]", on=on, **params)
        expected = _written_at_once(entry, "consents[19391225-0028]", on, params)
        with pytest.raises(AttributeError):  # not written yet
            object.__getattribute__(found, "message")
        assert found.message.sv == expected.message.sv
        assert found.message.en == expected.message.en
        assert found == expected
        assert hash(found) == hash(expected)
        assert found.explain("en") == expected.explain("en")
        assert found.path == "consents[19391225-****]"


def test_a_finding_with_a_value_that_may_change_is_written_at_once() -> None:
    """A parameter that could change after the finding is made (a list) is written into
    the message at once: changing it later does not change the finding."""
    entry = rule("RESPITE-CONTINUITY")
    staff = ["Anna"]
    found = entry.finding("x", on=date(2026, 1, 1), staff=staff, booking="B")
    staff.append("Bo")
    assert "Bo" not in found.message.sv


def test_a_finding_missing_a_parameter_fails_when_made() -> None:
    """A parameter the message needs and was not given fails at once, as before."""
    with pytest.raises(KeyError):
        rule("RESPITE-CONTINUITY").finding("x", on=date(2026, 1, 1), booking="B")


def test_a_finding_written_when_read_survives_a_copy_and_a_round_trip() -> None:
    """A finding not yet read pickles, copies and evolves into an equal finding."""

    def fresh() -> Finding:
        return rule("RESPITE-CONTINUITY").finding(
            "entries[3].preferred_staff", on=date(2026, 1, 1), staff="Anna", booking="B-1"
        )

    read = fresh()
    assert pickle.loads(pickle.dumps(fresh())) == read
    assert copy.copy(fresh()) == read
    assert copy.deepcopy(fresh()) == read
    assert attrs.evolve(fresh(), code="RESPITE-X") == attrs.evolve(read, code="RESPITE-X")
    assert repr(fresh()) == repr(read)


def test_threads_reading_a_fresh_finding_get_one_message() -> None:
    """Threads reading a finding's message at once all get the same object."""
    entry = rule("RESPITE-CONTINUITY")
    for round_number in range(200):
        found = entry.finding(
            f"entries[{round_number}].preferred_staff",
            on=date(2026, 1, 1),
            staff="Anna",
            booking="B",
        )
        seen: list[tuple[Text, str]] = []

        def read(found: Finding = found, seen: list[tuple[Text, str]] = seen) -> None:
            seen.append((found.message, found.path))  # one append: threads interleave

        with switching_often():
            errors = run_together([read] * 4)
        assert errors == []
        messages, paths = [m for m, _ in seen], [p for _, p in seen]
        assert all(m is messages[0] for m in messages)
        assert all(p == f"entries[{round_number}].preferred_staff" for p in paths)
