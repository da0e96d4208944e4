"""Findings: what a rule says about a thing, as data; and the catalogue of every rule.

A `Rule` is the catalogue entry (stable code, severity, bilingual message
template, the law and sources it rests on, the rules of the project's DOMAIN.md it
encodes). Applied to a thing it yields a
`Finding` (the code, where in the document, the message, the references
in force on the date judged). A `Report` holds every finding of one check.

Every rule family offers the same three functions: ``check(thing, *, on) -> Report``
collects every finding and never raises on a domain problem; ``validate(thing, *,
on)`` returns the thing or raises ``RuleViolation``; ``is_valid(thing, *, on)``
never raises.

>>> from datetime import date
>>> from anhorig.relations import RULES
>>> rule = RULES[0]
>>> finding = rule.finding("involvements", on=date(2026, 1, 1), carer="A. K.")
>>> finding.code == rule.code
True
>>> Report((finding,)).ok == (rule.severity is not Severity.ERROR)
True
"""

from __future__ import annotations

import functools
import string
import threading
from collections.abc import Callable, Iterator
from datetime import date, time, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from anhorig import _checks
from anhorig._text import InvalidInput, LabelledEnum, Lang, Problem, Text, mask_value, quote
from anhorig.families import FAMILIES, load
from anhorig.law import SOURCES, LawTopic, LegalRef, Source

__all__ = [
    "BODY_PARAMETERS",
    "Finding",
    "Report",
    "Rule",
    "RuleViolation",
    "Severity",
    "catalogue",
    "rule",
    "validated",
]

_T = TypeVar("_T")

_RULE_MODULES = tuple(family.rules for family in FAMILIES)
"""The modules whose ``RULES`` make up the catalogue, one per rule family."""


_DOMAIN_NUMBERS = range(1, 33)
"""The rules of the project's DOMAIN.md (part 1 lists 32) a catalogue entry can encode."""

BODY_PARAMETERS = frozenset(
    {"holder", "municipality", "obtained_by", "organisation", "provider", "relying", "unit"}
)
"""Message parameters that name a body, not a person (``Röda Korset``, ``Exempelby``):
shown as given, with only personnummer-shaped numbers hidden (a sole trader's
organisation number is the owner's personnummer)."""

_CODE = _checks.matches(
    r"[A-Z]+(-[A-Z0-9]+)+", "en regelkod, REL-EXAMPLE", en="a rule code, REL-EXAMPLE"
)


class Severity(LabelledEnum):
    """How serious a finding is (*allvarlighetsgrad*).

    ``ERROR``: the thing breaks a rule and ``validate`` refuses it. ``WARNING``:
    something to act on, e.g. a follow-up past due. ``INFO``: worth knowing, e.g.
    that a carer is a child relative.
    """

    ERROR = "error", "FEL", "ERROR"
    WARNING = "warning", "VARNING", "WARNING"
    INFO = "info", "INFO", "INFO"


def _masked_path(path: str) -> str:
    # Paths name vendors' ids (``consents[<id>]``), which may hold a personnummer.
    return mask_value(path) if isinstance(path, str) else path


def _masked_message(message: Text) -> Text:
    return message.masked() if isinstance(message, Text) else message


class _Later:
    """Room for what a finding made by `Rule.finding` writes when first read."""

    __slots__ = ("_later",)


@_checks.collecting
@attrs.frozen(kw_only=True, order=False)
class Finding(_Later):
    """One thing a rule found (*anmärkning*): code, severity, where, why, and on what law.

    ``path`` and ``message`` are masked, like a `Problem`'s
    (`anhorig.language.mask_personal_data`): findings go into reports, decisions and logs.
    A finding made by `Rule.finding` writes them when first read (a whole-ledger check
    makes thousands that are only counted); what is read is what writing them at once
    gives.
    """

    code: str = attrs.field(validator=_CODE)
    severity: Severity = attrs.field(validator=_checks.instance_of(Severity))
    path: str = attrs.field(default="$", validator=_checks.text, converter=_masked_path)
    message: Text = attrs.field(validator=_checks.instance_of(Text), converter=_masked_message)
    references: tuple[LegalRef, ...] = attrs.field(default=(), validator=_checks.each(LegalRef))
    sources: tuple[Source, ...] = attrs.field(default=(), validator=_checks.each(Source))
    policy_source: Source | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(Source))
    )
    """The local rules applied (*kommunens riktlinjer*), when the finding applies a
    municipality's own policy rather than the law: cited after the law, as the
    municipality's."""

    def explain(self, lang: Lang = "sv") -> str:
        """One line: ``ERROR REL-X $.path: message (SoL (2025:400) 13 kap. 9 §)``; a finding
        applying a municipality's policy cites it too (``Sunne kommun: ...``)."""
        cited = "; ".join(
            [str(r) for r in self.references]
            + ([str(self.policy_source)] if self.policy_source is not None else [])
        )
        tail = f" ({cited})" if cited else ""
        return (
            f"{self.severity.label(lang)} {self.code} {self.path}: {self.message.in_(lang)}{tail}"
        )


@_checks.collecting
@attrs.frozen(kw_only=True, order=False)
class Rule:
    """A catalogue entry (*regel*): how to recognise and explain one kind of finding.

    ``message`` is a template whose ``{placeholders}`` a rule fills in: people as
    ``str(person)`` (initials), and input such as ids as they are, which `finding`
    masks.
    ``domain`` names the rules of the project's DOMAIN.md (numbered 1–32) this entry
    encodes; the catalogue shows them, so the two documents can be read side by side.
    """

    code: str = attrs.field(validator=_CODE)
    severity: Severity = attrs.field(validator=_checks.instance_of(Severity))
    family: str = attrs.field(validator=_checks.non_empty_text)
    title: Text = attrs.field(validator=_checks.instance_of(Text))
    message: Text = attrs.field(validator=_checks.instance_of(Text))
    law: tuple[LawTopic, ...] = attrs.field(default=(), validator=_checks.each(LawTopic))
    sources: tuple[str, ...] = attrs.field(default=())
    """Keys of `anhorig.law.SOURCES`."""
    domain: tuple[int, ...] = attrs.field(default=())
    """Numbers of the DOMAIN.md rules this entry encodes (*domänregler*), e.g. ``(14,)``."""
    cites_policy: bool = attrs.field(default=False, validator=_checks.a_bool)
    """Whether the rule applies a municipality's own policy (*riktlinjer*), which its
    findings cite (``Finding.policy_source``): local rules, not law."""
    applies_to: tuple[str, ...] = attrs.field(default=(), validator=_checks.each(str))
    """The types the rule judges, as the class names of the arguments its check is given,
    in order (*gäller*): ``("SupportPlan",)``, ``("Ledger", "Booking")`` or
    ``("DisclosureRequest", "ConsentRecord")``; an argument that may be one of several
    types names them as ``"SupportPlan | CoordinatedPlan"``."""
    condition: Text | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.instance_of(Text))
    )
    """When the rule fires (*villkor*), in words a re-implementer can follow."""
    boundary: Text | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.instance_of(Text))
    )
    """The exact edge (*gräns*): the last case that passes and the first that fires,
    e.g. "notice of exactly N working days is enough; N − 1 fires"."""
    fix: Text | None = attrs.field(
        default=None, validator=attrs.validators.optional(_checks.instance_of(Text))
    )
    """What to change in the document so that the rule no longer fires (*åtgärd*)."""

    @domain.validator
    def _known_domain_rules(
        self, attribute: attrs.Attribute[tuple[int, ...]], value: tuple[int, ...]
    ) -> None:
        _checks.each(int)(self, attribute, value)
        if not isinstance(value, tuple):
            return
        if not all(isinstance(n, int) for n in value):
            return  # each(int) named the bad members
        unknown = [n for n in value if n not in _DOMAIN_NUMBERS]
        shown = ", ".join(_checks.shown(n) for n in unknown)
        if unknown:
            _checks.fail(
                "domain",
                sv=f"DOMAIN.md har regler 1–{_DOMAIN_NUMBERS[-1]}, inte {shown}",
                en=f"DOMAIN.md has rules 1–{_DOMAIN_NUMBERS[-1]}, not {shown}",
            )
        elif len(set(value)) != len(value):
            _checks.fail(
                "domain",
                sv=f"samma regel två gånger: {list(value)}",
                en=f"the same rule twice: {list(value)}",
            )

    _checks.describe(_known_domain_rules, "each_between", 1, _DOMAIN_NUMBERS[-1], True)

    @sources.validator
    def _known_sources(
        self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]
    ) -> None:
        _checks.each(str)(self, attribute, value)
        if not isinstance(value, tuple | frozenset):
            return  # each() has named it
        unknown = [key for key in value if isinstance(key, str) and key not in SOURCES]
        if unknown:
            _checks.fail(
                "sources", sv=f"okända källor: {unknown}", en=f"unknown sources: {unknown}"
            )

    _checks.describe(_known_sources, "each_in", SOURCES)

    @classmethod
    def define(
        cls,
        family: str,
        code: str,
        severity: Severity,
        title: tuple[str, str],
        message: tuple[str, str],
        law: tuple[LawTopic, ...] = (),
        sources: tuple[str, ...] = (),
        *,
        domain: tuple[int, ...] = (),
        cites_policy: bool = False,
        applies_to: tuple[str, ...] = (),
        condition: tuple[str, str] | None = None,
        boundary: tuple[str, str] | None = None,
        fix: tuple[str, str] | None = None,
    ) -> Rule:
        """A rule of ``family`` with its title and message given as (Swedish, English).

        Rule modules bind their family once: ``_rule = functools.partial(Rule.define, "plans")``;
        ``domain`` names the DOMAIN.md rules it encodes; ``cites_policy`` says it applies a
        municipality's own policy; ``applies_to`` the types it
        judges; ``condition``, ``boundary`` and ``fix`` say, as (Swedish, English), when
        it fires, at which edge, and what mends the document.
        """

        def text(pair: tuple[str, str] | None) -> Text | None:
            return None if pair is None else Text(sv=pair[0], en=pair[1])

        return cls(
            code=code,
            severity=severity,
            family=family,
            title=Text(sv=title[0], en=title[1]),
            message=Text(sv=message[0], en=message[1]),
            law=law,
            sources=sources,
            domain=domain,
            cites_policy=cites_policy,
            applies_to=applies_to,
            condition=text(condition),
            boundary=text(boundary),
            fix=text(fix),
        )

    def references(self, on: date) -> tuple[LegalRef, ...]:
        """The legal references this rule cites on ``on``."""
        return tuple(ref for topic in self.law for ref in topic.cite_all(on))

    def finding(self, path: str = "$", *, on: date, **params: object) -> Finding:
        """A finding of this rule at ``path``, citing the law in force on ``on`` and, for a
        rule that applies a municipality's policy, ``policy_source``, the policy's own
        document.

        Text parameters are input (a vendor's ids, a staff member's name) and are
        masked (`anhorig.language.mask_value`), except those that name a body
        (`BODY_PARAMETERS`: an organisation, a municipality, a unit), whose numbers only
        are hidden.
        """
        policy_source = params.pop("policy_source", None)
        if policy_source is not None and not isinstance(policy_source, Source):
            raise InvalidInput.at("policy_source", sv="väntade en källa", en="expected a Source")
        if type(path) is not str or type(on) is not date:
            return Finding(
                code=self.code,
                severity=self.severity,
                path=path,
                message=_written_message(self.message, on, params),
                references=self.references(on),
                sources=tuple(SOURCES[key] for key in self.sources),
                policy_source=policy_source if self.cites_policy else None,
            )
        parts = _PARTS.get(id(self))
        if parts is None or parts[0] is not self:
            parts = _parts(self)
        _, needed, sources = parts
        settled = needed.issubset(params)
        if settled:
            for value in params.values():
                if type(value) not in _SETTLED and not isinstance(value, _UNCHANGING):
                    settled = False
                    break
        if not settled:
            # A name missing (the error is raised now, as before) or a value that could
            # still change: written at once.
            return _trusted_finding(self, path, on, params, policy_source)
        # Every field below is the rule's own, checked when the rule was made, or was
        # just checked here: the finding is built without checking them again. The path
        # and message are written (and masked, as the constructor's converters would)
        # when first read, from values that never change (see `_written`).
        finding = object.__new__(Finding)
        _SET_CODE(finding, self.code)
        _SET_SEVERITY(finding, self.severity)
        _SET_REFERENCES(finding, _references(self.law, on) if self.law else ())
        _SET_SOURCES(finding, sources)
        _SET_POLICY_SOURCE(finding, policy_source if self.cites_policy else None)
        _SET_LATER(finding, (self.message, path, on, params))
        return finding


_PARTS: dict[int, tuple[Rule, frozenset[str], tuple[Source, ...]]] = {}
"""Per rule (by identity, the rule kept with them): the parameters its message needs
besides the date judged, and its sources; read for every finding made."""


def _parts(rule: Rule) -> tuple[Rule, frozenset[str], tuple[Source, ...]]:
    if len(_PARTS) > 4096:
        _PARTS.clear()  # rules made on the fly: keep the table bounded
    parts = (rule, _placeholders(rule.message) - {"on"}, _sources(rule.sources))
    _PARTS[id(rule)] = parts
    return parts


def _written_message(message: Text, on: date, params: dict[str, object]) -> Text:
    """``message`` filled in from ``params`` as `Rule.finding` fills it: parameters not
    shown left out, text masked (but a body's name), the date judged where shown."""
    used = _placeholders(message)
    shown: dict[str, object] = {}
    for name, value in params.items():
        if name in used:
            shown[name] = (
                mask_value(value)
                if isinstance(value, str) and name not in BODY_PARAMETERS
                else value
            )
    if "on" in used:
        shown["on"] = on
    return message.format(**shown).masked()


def _trusted_finding(
    rule: Rule, path: str, on: date, params: dict[str, object], policy_source: object
) -> Finding:
    finding = object.__new__(Finding)
    _SET_CODE(finding, rule.code)
    _SET_SEVERITY(finding, rule.severity)
    _SET_PATH(finding, mask_value(path))
    _SET_MESSAGE(finding, _written_message(rule.message, on, params))
    _SET_REFERENCES(finding, _references(rule.law, on))
    _SET_SOURCES(finding, _sources(rule.sources))
    _SET_POLICY_SOURCE(finding, policy_source if rule.cites_policy else None)
    return finding


_SETTLED = frozenset({str, int, bool, float, date, Decimal, Fraction, Text, type(None)})
"""Types of parameters that cannot change after the finding is made (the common ones)."""
_UNCHANGING = (str, int, float, Decimal, Fraction, date, time, timedelta, Text)
"""Any other parameter of these types is kept too (enum members, pendulum's instants)."""

# Through the slots' own descriptors: a third of the cost of object.__setattr__.
_SET_CODE = vars(Finding)["code"].__set__
_SET_SEVERITY = vars(Finding)["severity"].__set__
_SET_PATH = vars(Finding)["path"].__set__
_SET_MESSAGE = vars(Finding)["message"].__set__
_SET_REFERENCES = vars(Finding)["references"].__set__
_SET_SOURCES = vars(Finding)["sources"].__set__
_SET_POLICY_SOURCE = vars(Finding)["policy_source"].__set__
_SET_LATER = vars(_Later)["_later"].__set__
_WRITING = threading.Lock()


def _written(finding: Finding, name: str) -> Any:
    """``path`` or ``message`` of a finding made by `Rule.finding`, written now."""
    if name not in ("path", "message"):
        raise AttributeError(f"'Finding' object has no attribute {name!r}")
    message, path, on, params = object.__getattribute__(finding, "_later")
    # Written outside the lock; the first one set stays, so every reader sees one object.
    masked_path, text = mask_value(path), _written_message(message, on, params)
    with _WRITING:
        try:
            object.__getattribute__(finding, "message")
        except AttributeError:
            _SET_PATH(finding, masked_path)
            _SET_MESSAGE(finding, text)
    return object.__getattribute__(finding, name)


# Set here, not in the class body, so that type checkers still reject unknown names.
Finding.__getattr__ = _written  # type: ignore[attr-defined]


@functools.lru_cache(maxsize=1024)
def _placeholders(message: Text) -> frozenset[str]:
    """The names a message template fills in, in either language."""
    parse = string.Formatter().parse
    return frozenset(
        name.split(".")[0].split("[")[0]
        for text in (message.sv, message.en)
        for _, name, _, _ in parse(text)
        if name
    )


@functools.lru_cache(maxsize=4096)
def _references(law: tuple[LawTopic, ...], on: date) -> tuple[LegalRef, ...]:
    return tuple(ref for topic in law for ref in topic.cite_all(on))


@functools.lru_cache(maxsize=1024)
def _sources(keys: tuple[str, ...]) -> tuple[Source, ...]:
    return tuple(SOURCES[key] for key in keys)


@_checks.collecting
@attrs.frozen(order=False)
class Report:
    """Every finding of one check (*granskningsresultat*); iterable, in document order."""

    findings: tuple[Finding, ...] = attrs.field(default=(), validator=_checks.each(Finding))

    @property
    def ok(self) -> bool:
        """True when no finding is an error (warnings and infos allowed)."""
        return not any(f.severity is Severity.ERROR for f in self.findings)

    @property
    def errors(self) -> tuple[Finding, ...]:
        """Findings of severity error."""
        return tuple(f for f in self.findings if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """Findings of severity warning."""
        return tuple(f for f in self.findings if f.severity is Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        """Findings of severity info."""
        return tuple(f for f in self.findings if f.severity is Severity.INFO)

    @property
    def codes(self) -> frozenset[str]:
        """The distinct codes found."""
        return frozenset(f.code for f in self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def __len__(self) -> int:
        return len(self.findings)

    def __add__(self, other: Report) -> Report:
        return Report(self.findings + other.findings)

    def explain(self, lang: Lang = "sv") -> str:
        """Every finding on its own line, or a line saying there are none."""
        if not self.findings:
            return "Inga anmärkningar." if lang == "sv" else "No findings."
        return "\n".join(f.explain(lang) for f in self.findings)


class RuleViolation(InvalidInput):
    """A business rule failed in ``validate(...)`` (*regelbrott*); ``report`` has every finding."""

    report: Report

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(
            Problem(f.path, Text(sv=f"[{f.code}] {f.message.sv}", en=f"[{f.code}] {f.message.en}"))
            for f in report.errors
        )


# Raised and caught as an error among the errors: tracebacks name the errors' face.
RuleViolation.__module__ = "anhorig.errors"


def validated(check: Callable[..., Report], thing: _T, **kwargs: object) -> _T:
    """``thing`` if ``check(thing, **kwargs)`` has no errors; else ``RuleViolation``."""
    report = check(thing, **kwargs)
    if not report.ok:
        raise RuleViolation(report)
    return thing


def catalogue() -> tuple[Rule, ...]:
    """Every rule anhorig knows, sorted by code (*regelkatalog*).

    The documentation's rule pages are generated from this.
    """
    rules: dict[str, Rule] = {}
    for name in _RULE_MODULES:
        for entry in load(name).RULES:
            if entry.code in rules:
                raise RuntimeError(f"duplicate rule code {entry.code} in {name}")
            rules[entry.code] = entry
    return tuple(rules[code] for code in sorted(rules))


def rule(code: str) -> Rule:
    """The catalogue entry for ``code``; ``InvalidInput`` if there is none."""
    for entry in catalogue():
        if entry.code == code:
            return entry
    raise InvalidInput.at("code", sv=f"okänd regel {quote(code)}", en=f"unknown rule {quote(code)}")
