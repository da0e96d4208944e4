"""mkdocs hook: replace ``<!-- anhorig:NAME -->`` markers with content generated from the code.

The documentation never restates what the code knows. A page writes a marker and
this hook fills it in when the site is built:

- ``<!-- anhorig:catalogue -->``: every rule of :func:`anhorig.findings.catalogue`,
  grouped by ``rule.family``, with its messages, legal references, sources and the
  DOMAIN.md rules it encodes;
- ``<!-- anhorig:glossary -->``: every :class:`~anhorig.language.LabelledEnum`
  (value, Swedish label, English label) and :func:`anhorig.terminology.term` for
  each role and context;
- ``<!-- anhorig:law -->``: every :func:`anhorig.law.topics` entry with its
  references, in-force dates and confidence;
- ``<!-- anhorig:demo -->`` (or ``<!-- anhorig:demo en -->``): the output of
  ``anhorig demo``;
- ``<!-- anhorig:changelog -->``: the text of ``CHANGELOG.md``.
- ``<!-- anhorig:fhircodes -->``: every row of the FHIR mapping tables.

Every page also gets its prose mentions of a seed text ("seed 001") linked to the
source's entry on ``reference/sources.md``, the page :func:`sources_page` renders from
:data:`anhorig.law.SOURCES` (written to the repository, checked by the test suite).

An unknown marker stops the build, so a typo cannot ship an empty page.

The file also gives mkdocstrings a griffe extension, :func:`doctest_fences`: the
docstrings' doctests are written bare (``>>>`` lines, no ``Examples:`` section), which
Markdown would read as nested blockquotes, so the extension fences them as ``pycon`` code
before the API pages are rendered.

>>> "| `x` |" in _table(["a"], [["`x`"]])
True
>>> _cell("a | b")
'a \\\\| b'
"""

from __future__ import annotations

import importlib
import io
import json
import posixpath
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

__all__ = [
    "CORE_MODULES",
    "REFERENCE_DATE",
    "doctest_fences",
    "expand",
    "fence_doctests",
    "link_seed_mentions",
    "on_page_markdown",
    "sources_page",
]

REFERENCE_DATE = date(2026, 1, 1)
"""The date for which the catalogue shows what each rule cites (fixed, so builds repeat)."""

CORE_MODULES = (
    "anhorig.language",
    "anhorig.errors",
    "anhorig.law",
    "anhorig.time",
    "anhorig.people",
    "anhorig.relations",
    "anhorig.organisations",
    "anhorig.terminology",
    "anhorig.findings",
    "anhorig.serialization",
)
"""The modules whose vocabularies the glossary lists (rule modules of the catalogue are added)."""


_MARKER = re.compile(r"<!--\s*anhorig:(?P<name>[a-z]+)(?:\s+(?P<arg>[a-z]+))?\s*-->")


# --- Markdown helpers --------------------------------------------------------------------


def _cell(text: object) -> str:
    """``text`` safe inside a Markdown table cell (pipes escaped, newlines joined)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _escape(text: str) -> str:
    """``text`` with the characters Markdown would interpret escaped."""
    return re.sub(r"([\\`*_\[\]<|])", r"\\\1", text)


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def _severity(severity: Any, *, value: bool = False) -> str:
    sv, en = severity.label("sv"), severity.label("en")
    text = sv if sv == en else f"{sv} / {en}"
    return f"{text} (`{severity.value}`)" if value else text


def _domain(numbers: Sequence[int]) -> str:
    """The DOMAIN.md rules a catalogue entry encodes, ``–`` if it names none.

    >>> _domain((18, 21)), _domain(())
    ('18, 21', '–')
    """
    return ", ".join(str(n) for n in numbers) or "–"


def _day(value: date | None, *, empty: str = "–") -> str:
    return empty if value is None else value.isoformat()


SOURCES_PAGE = "reference/sources.md"
"""The page that lists every source, relative to ``docs/``."""


def _source_link(key: str, *, page: str = "reference/rules.md") -> str:
    """``key`` linked to its entry on the sources page, from ``page`` (under ``docs/``).

    >>> _source_link("seed-001"), _source_link("seed-001", page="plans/rules.md")
    ('[`seed-001`](sources.md#seed-001)', '[`seed-001`](../reference/sources.md#seed-001)')
    """
    target = posixpath.relpath(SOURCES_PAGE, posixpath.dirname(page) or ".")
    return f"[`{key}`]({target}#{key})"


# --- Generators ----------------------------------------------------------------------------


def _ref_rows(refs: Iterable[Any]) -> list[list[str]]:
    return [
        [
            f"`{ref}`",
            _day(ref.in_force_from),
            _day(ref.in_force_until, empty="in force"),
            ref.confidence.value,
            "yes" if ref.verified else "**no**",
            _escape(ref.unverified) or "–",
            _escape(ref.note),
        ]
        for ref in refs
    ]


_REF_HEADER = [
    "Reference",
    "In force from",
    "Until (first day not)",
    "Confidence",
    "Verified",
    "Not verified",
    "Note",
]


RULE_EXAMPLES = Path(__file__).resolve().parent / "reference" / "rule-examples.json"
"""The failing example of each rule, drawn from the testing kit
(:func:`anhorig.testing.examples.failing_examples`) and stored, so a build draws nothing;
``tests/test_docs_rule_examples.py`` checks each gives its finding."""


def rule_examples() -> dict[str, Any]:
    """``{"examples": {code: {"on", "call", "documents"}}, "unbreakable": {code: why}}``."""
    data: dict[str, Any] = json.loads(RULE_EXAMPLES.read_text(encoding="utf-8"))
    return data


def _bilingual(text: Any) -> str:
    """A rule's condition, boundary or fix: English, then the Swedish in italics."""
    if text is None:
        return "–"
    return f"{_escape(text.en)} — *{_escape(text.sv)}*"


def _applies_to(names: Sequence[str]) -> str:
    return " + ".join(f"`{name}`" for name in names) or "–"


def _arguments(call: str) -> list[str]:
    """The names of the documents a call takes, in order (not the day).

    >>> _arguments("anhorig.respite.check(grant, on=day, policy=policy)")
    ['grant', 'policy']
    """
    inside = call[call.index("(") + 1 : call.index(")")]
    names = [arg.strip().partition("=")[2] or arg.strip() for arg in inside.split(",")]
    return [name for name in names if name != "day"]


def _example_block(code: str, examples: dict[str, Any]) -> list[str]:
    """A collapsed block with the documents that break rule ``code``, or why there are none.

    >>> _example_block("X-1", {"examples": {}, "unbreakable": {"X-1": "a step raises it"}})
    ['*No failing example: a step raises it.*', '']
    """
    if code in examples["unbreakable"]:
        return [f"*No failing example: {_escape(examples['unbreakable'][code])}.*", ""]
    example = examples["examples"].get(code)
    if example is None:
        return []
    on, call, documents = example["on"], example["call"], example["documents"]
    names = _arguments(call)
    head = f'??? example "Failing example, judged on {on}: `{call}`"'
    out = [head, ""]
    if len(documents) == 1:
        out += [
            f"    Saved as `example.json`, `anhorig validate example.json --on {on}` "
            "shows the finding.",
            "",
        ]
    for name, document in zip(names, documents, strict=True):
        if len(documents) > 1:
            out += [f"    `{name}`:", ""]
        out += ["    ```text"]  # plain: highlighting would triple the page (2.6 MB)
        text = json.dumps(document, ensure_ascii=False, indent=2)
        out += [f"    {line}" for line in text.split("\n")]
        out += ["    ```", ""]
    return out


def catalogue_markdown() -> str:
    """The rule catalogue: per family a section, per rule its code, messages, law and the
    DOMAIN.md rules it encodes.

    >>> page = catalogue_markdown()
    >>> "| DOMAIN.md rule | 22 |" in page.split("### SIP-DISCHARGE-INVITATION-LATE")[1]
    True
    """
    from anhorig.families import FAMILIES
    from anhorig.findings import Severity, catalogue
    from anhorig.law import SOURCES

    titles = {family.name: family.title for family in FAMILIES}

    rules = catalogue()
    examples = rule_examples()
    families: dict[str, list[Any]] = {}
    for rule in rules:
        families.setdefault(rule.family, []).append(rule)

    out = [
        f"{len(rules)} rules in {len(families)} "
        f"{'family' if len(families) == 1 else 'families'}. The references under "
        f"*cites on {REFERENCE_DATE}* are what a finding made on that date names; a finding "
        "made on another date cites the provisions in force on that date, listed under "
        "*legal topics*.",
        "",
        _table(
            ["Code", "Severity", "Family", "DOMAIN.md", "Title (sv)", "Title (en)"],
            (
                [
                    f"[`{r.code}`](#{r.code.lower()})",
                    _severity(r.severity),
                    f"`{r.family}`",
                    _domain(r.domain),
                    _escape(r.title.sv),
                    _escape(r.title.en),
                ]
                for r in rules
            ),
        ),
        "",
        "Severities: "
        + "; ".join(f"**{s.label('sv')}** / {s.label('en')} (`{s.value}`)" for s in Severity)
        + ".",
        "",
    ]
    unbreakable = examples["unbreakable"]
    out += [
        f"{len(examples['examples'])} rules come with a **failing example**: documents the "
        "testing kit draws to break that rule alone (`anhorig.testing.strategies.breaking`, "
        "the first case of a fixed seed), stored in `docs/reference/rule-examples.json` and "
        "checked by the test suite to give the finding. The kit cannot break "
        f"{len(unbreakable)} rules on purpose:",
        "",
        _table(
            ["Code", "Why there is no failing example"],
            ([f"[`{c}`](#{c.lower()})", _escape(why)] for c, why in unbreakable.items()),
        ),
        "",
    ]
    for family in sorted(families):
        sv_name, en_name = titles.get(family, (family, family))
        out += [f"## {en_name} (*{sv_name}*, `{family}`)", ""]
        for rule in families[family]:
            out += [
                f"### {rule.code}",
                "",
                f"**{_escape(rule.title.en)}** — *{_escape(rule.title.sv)}*",
                "",
                _table(
                    ["", ""],
                    [
                        ["Code", f"`{rule.code}`"],
                        ["Severity", _severity(rule.severity, value=True)],
                        ["Family", f"`{rule.family}`"],
                        ["DOMAIN.md rule", _domain(rule.domain)],
                        ["Applies to", _applies_to(rule.applies_to)],
                        ["Fires when", _bilingual(rule.condition)],
                        ["Boundary", _bilingual(rule.boundary)],
                        ["Fix", _bilingual(rule.fix)],
                        ["Meddelande (sv)", _escape(rule.message.sv)],
                        ["Message (en)", _escape(rule.message.en)],
                        [
                            f"Cites on {REFERENCE_DATE}",
                            "; ".join(f"`{ref}`" for ref in rule.references(REFERENCE_DATE)) or "–",
                        ],
                        *(
                            [
                                [
                                    "Local rules",
                                    "the municipality's own policy (*riktlinjer*), cited from "
                                    "its document (`RespitePolicy.source`) as local rules, "
                                    "not law",
                                ]
                            ]
                            if rule.cites_policy
                            else []
                        ),
                    ],
                ),
                "",
            ]
            out += _example_block(rule.code, examples)
            if rule.law:
                out += ["**Legal topics**", ""]
                for topic in rule.law:
                    out += [
                        f"- `{topic.key}`: {_escape(topic.title.sv)} — *{_escape(topic.title.en)}*",
                        "",
                    ]
                out += [_table(_REF_HEADER, _ref_rows(r for t in rule.law for r in t.refs)), ""]
            if rule.sources:
                out += ["**Sources**", ""]
                for key in rule.sources:
                    source = SOURCES[key]
                    quote = f" — “{_escape(source.quote)}”" if source.quote else ""
                    out.append(f"- {_source_link(key)}: {_escape(str(source))}{quote}")
                out.append("")
    return "\n".join(out)


def _vocabularies() -> list[type]:
    """Every ``LabelledEnum`` of the core modules and of the catalogue's rule modules."""
    from anhorig.findings import catalogue
    from anhorig.language import LabelledEnum

    for name in CORE_MODULES:
        importlib.import_module(name)
    catalogue()  # imports every rule module, so subpackages' vocabularies appear too
    found: list[type] = []
    pending: list[type] = list(LabelledEnum.__subclasses__())
    while pending:
        cls = pending.pop(0)
        pending.extend(cls.__subclasses__())
        module = cls.__module__
        if module.startswith("anhorig.") and not module.startswith("anhorig.testing"):
            found.append(cls)
    order = {name: i for i, name in enumerate(CORE_MODULES)}
    return sorted(
        found, key=lambda c: (order.get(c.__module__, len(order)), c.__module__, c.__name__)
    )


def glossary_markdown() -> str:
    """Tables of the code's vocabularies and of ``term()`` for every role and context."""
    from anhorig.terminology import Context, Role, legal_basis, term

    out = [
        "### Role words: `term(role, context, lang)`",
        "",
        _table(
            ["Role", "Context", "sv", "sv (plural)", "en", "en (plural)", "Follows"],
            (
                [
                    f"`Role.{role.name}`",
                    f"`Context.{context.name}`",
                    f"**{term(role, context, 'sv')}**",
                    term(role, context, "sv", plural=True),
                    term(role, context, "en"),
                    term(role, context, "en", plural=True),
                    "; ".join(f"`{r}`" for r in legal_basis(context).refs),
                ]
                for context in Context
                for role in Role
            ),
        ),
        "",
    ]
    for cls in _vocabularies():
        doc = (cls.__doc__ or "").strip().split("\n\n")[0]
        out += [
            f"### `{cls.__name__}`",
            "",
            f"`{cls.__module__}.{cls.__name__}`: {_escape(' '.join(doc.split()))}",
            "",
            _table(
                ["Value (JSON)", "Svenska", "English"],
                (
                    [f"`{member.value}`", member.label("sv"), member.label("en")]
                    for member in cls  # type: ignore[attr-defined]
                ),
            ),
            "",
        ]
    return "\n".join(out)


def _reporters_markdown() -> list[str]:
    """Who must and who should report concern about a child (``anhorig.law.REPORTERS``)."""
    from anhorig.law import REPORTERS

    return [
        "## Who reports concern about a child (*anmälare*)",
        "",
        "`anhorig.law.REPORTERS`: the authorities and professionals the law gives the duty "
        "to report (*ska*), and everyone else, who should (*bör*). Data with its confidence, "
        "which a municipality can correct; the consent engine's `CONSENT-REPORT-OF-CONCERN` "
        "says which one the holder is.",
        "",
        _table(
            ["Key", "Who (sv)", "Who (en)", "Duty", "Provision", "Confidence", "Not verified"],
            (
                [
                    f"`{r.key}`",
                    _escape(r.who.sv),
                    _escape(r.who.en),
                    "ska (duty)" if r.duty else "bör (should)",
                    f"`{r.law.key}`",
                    r.confidence.value,
                    _escape(r.unverified) or "–",
                ]
                for r in REPORTERS.values()
            ),
        ),
        "",
    ]


def law_markdown() -> str:
    """Every legal topic with its references, in-force dates and confidence."""
    from anhorig.findings import catalogue
    from anhorig.law import SOURCES, topics

    cited_by: dict[str, list[str]] = {}
    for rule in catalogue():
        for topic in rule.law:
            cited_by.setdefault(topic.key, []).append(rule.code)
    out: list[str] = [f"## Legal topics (*rättsregler*): {len(topics())}", ""]
    for topic in topics():
        rules = cited_by.get(topic.key, [])
        used = (
            "Cited by " + ", ".join(f"[`{c}`](rules.md#{c.lower()})" for c in rules) + "."
            if rules
            else "Not cited by a rule of the catalogue yet."
        )
        out += [
            f"### `{topic.key}`",
            "",
            f"**{_escape(topic.title.sv)}** — *{_escape(topic.title.en)}*",
            "",
            used,
            "",
            _table(_REF_HEADER, _ref_rows(topic.refs)),
            "",
        ]
    out += _reporters_markdown()
    out += [
        "## Sources (*källor*)",
        "",
        "Non-statutory sources a rule can rest on (`anhorig.law.SOURCES`); "
        "[Sources](sources.md) says how to find each.",
        "",
        _table(
            ["Key", "Publisher", "Title", "Year", "Cited by"],
            (
                [
                    _source_link(source.key),
                    _escape(source.publisher) or "–",
                    _escape(source.title),
                    source.year if source.year is not None else "–",
                    ", ".join(
                        f"[`{r.code}`](rules.md#{r.code.lower()})"
                        for r in catalogue()
                        if source.key in r.sources
                    )
                    or "–",
                ]
                for source in SOURCES.values()
            ),
        ),
        "",
    ]
    return "\n".join(out)


def sources_page() -> str:
    """``docs/reference/sources.md``: every entry of :data:`anhorig.law.SOURCES` with how
    to find it. The test suite checks the file against this (``ANHORIG_WRITE_DOCS=1``
    rewrites it), so the page reads the same in the repository and on the site."""
    from anhorig.law import SOURCES

    seeds = [key for key in SOURCES if key.startswith("seed-")]
    out = [
        "# Sources (*källor*)",
        "",
        "The non-statutory texts anhorig's rules rest on: guidance, strategies, local rules",
        "and the project's own source texts. A rule lists them by key in its `sources`, a",
        "finding carries them in `finding.sources`, and the [rule catalogue](rules.md) links",
        "each key here. Laws and ordinances are on [Legal references](law.md), which also",
        "says which rules cite each source.",
        "",
        f"The keys `{seeds[0]}` … `{seeds[-1]}` are the project's **seed texts**, the documents",
        "it was built from; docstrings and these docs cite them as "
        f"“{seeds[0].replace('-', ' ')}” … “{seeds[-1].replace('-', ' ')}”.",
        "They are summaries and reports from Nka's learning networks, Äldrecentrum's",
        "Stockholm report and Nka's implementation-plan material, not laws: where a rule",
        "rests on one, it encodes practice the text describes.",
        "",
        "This page is generated from `anhorig.law.SOURCES` by `docs/hooks.py`",
        "(`ANHORIG_WRITE_DOCS=1 pytest tests/test_docs_sources.py` rewrites it).",
        "",
        _table(
            ["Key", "Publisher", "Title", "Year"],
            (
                [
                    f"[`{s.key}`](#{s.key})",
                    _escape(s.publisher) or "–",
                    _escape(s.title),
                    s.year if s.year is not None else "–",
                ]
                for s in SOURCES.values()
            ),
        ),
        "",
    ]
    for source in SOURCES.values():
        seed = source.key.removeprefix("seed-")
        hint = (
            f"seed text {seed} of the project (cited as “seed {seed}”); "
            if seed != source.key
            else ""
        ) + "search for the title above"
        if source.publisher:
            hint += f" with “{_escape(source.publisher)}”"
        if source.year is not None:
            hint += f", {source.year}"
        out += [
            f"## `{source.key}`",
            "",
            f"**{_escape(source.title)}**",
            "",
            f"- Publisher: {_escape(source.publisher) or '–'}",
            f"- Year: {source.year if source.year is not None else 'not stated'}",
            f"- Finding it: {hint}.",
        ]
        if source.quote:
            out.append(f"- Quoted: “{_escape(source.quote)}”")
        out.append("")
    return "\n".join(out)


_SEED_MENTION = re.compile(r"(?<![\w\[#/`-])([Ss]eed) (\d{3})\b(?!\])")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def link_seed_mentions(markdown: str, *, page: str) -> str:
    """``markdown`` with each "seed 001" of its prose linked to that source's entry.

    Code (fenced blocks, code spans), headings and the sources page itself are left as
    they are; ``page`` is the page's path under ``docs/``.

    >>> link_seed_mentions("As seed 003 says, `seed 003`.", page="plans/sip.md")
    'As [seed 003](../reference/sources.md#seed-003) says, `seed 003`.'
    """
    if page == SOURCES_PAGE:
        return markdown
    target = posixpath.relpath(SOURCES_PAGE, posixpath.dirname(page) or ".")

    def link(match: re.Match[str]) -> str:
        return f"[{match.group(1)} {match.group(2)}]({target}#seed-{match.group(2)})"

    out: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opened = _FENCE.match(line)
        if fence is not None:
            if opened and opened.group(1) == fence:
                fence = None
        elif opened:
            fence = opened.group(1)
        elif not line.lstrip().startswith("#"):
            parts, last = [], 0
            for span in _CODE_SPAN.finditer(line):
                parts += [_SEED_MENTION.sub(link, line[last : span.start()]), span.group(0)]
                last = span.end()
            parts.append(_SEED_MENTION.sub(link, line[last:]))
            out.append("".join(parts))
            continue
        out.append(line)
    return "\n".join(out)


def demo_markdown(lang: str = "sv") -> str:
    """The output of ``anhorig demo`` in a code block."""
    from anhorig.demo import run
    from anhorig.language import check_lang

    out = io.StringIO()
    run(out, lang=check_lang(lang))
    return "```text\n" + out.getvalue().rstrip("\n") + "\n```"


def fhir_codes_markdown() -> str:
    """Every row of :data:`anhorig.consent.fhir.DEFAULT_CODES`, one table per table."""
    from anhorig.consent.fhir.codes import DEFAULT_CODES, TABLES

    parts = []
    for table, (vocabulary, where) in TABLES.items():
        rows = [
            [
                f"`{r.system}`",
                f"`{r.code}`",
                "–" if r.term is None else f"`{r.term.value}`",
                f"{r.meaning.en} / {r.meaning.sv}",
            ]
            for r in DEFAULT_CODES.rows(table)
        ]
        parts.append(f"### `{table}` → {vocabulary.__name__}\n\n{_escape(where.en)}\n")
        parts.append(_table(["system", "code", "anhorig", "meaning / betydelse"], rows))
    return "\n\n".join(parts)


def changelog_markdown(root: Path) -> str:
    """The text of ``CHANGELOG.md`` at the repository root."""
    return (root / "CHANGELOG.md").read_text(encoding="utf-8")


# --- Doctests in docstrings ----------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
_EXAMPLES_HEADER = re.compile(r"^\s*Examples?:\s*$")
_DOCTEST_FLAGS = re.compile(r"\s*#\s*doctest:\s*[+-]\w+(?:\s*,\s*[+-]\w+)*\s*$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def fence_doctests(docstring: str) -> str:
    """``docstring`` with each bare doctest block wrapped in a ``pycon`` fence.

    A block starts at a ``>>>`` line and runs to the next blank line, as doctest reads
    it; ``# doctest:`` flags are dropped from the shown code. Blocks already inside a
    fence, or under a Google ``Examples:`` section (which griffe renders itself), are
    left as they are.

    >>> fence_doctests("Adds.\\n\\n>>> 1 + 1  # doctest: +ELLIPSIS\\n2\\n\\nDone.").splitlines()
    ['Adds.', '', '```pycon', '>>> 1 + 1', '2', '```', '', 'Done.']
    """
    lines = docstring.split("\n")
    out: list[str] = []
    fence: str | None = None
    examples_indent: int | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        opened = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if opened and opened.group(1) == fence:
                fence = None
            i += 1
            continue
        if opened:
            fence = opened.group(1)
            out.append(line)
            i += 1
            continue
        if examples_indent is not None and stripped and _indent(line) <= examples_indent:
            examples_indent = None
        if _EXAMPLES_HEADER.match(line):
            examples_indent = _indent(line)
        if examples_indent is not None or not stripped.startswith(">>>"):
            out.append(line)
            i += 1
            continue
        pad = line[: _indent(line)]
        out.append(f"{pad}```pycon")
        while i < len(lines) and lines[i].strip():
            out.append(_DOCTEST_FLAGS.sub("", lines[i]))
            i += 1
        out.append(f"{pad}```")
    return "\n".join(out)


def doctest_fences(**options: Any) -> Any:
    """A griffe extension (``mkdocs.yml``: ``extensions: [docs/hooks.py:doctest_fences]``)
    that applies :func:`fence_doctests` to every docstring as griffe loads it.

    griffe is imported here, not at the top, so that the test suite, which imports this
    file, does not need the docs extra.
    """
    from griffe import Extension

    class DoctestFences(Extension):
        def on_instance(self, *, obj: Any, **kwargs: Any) -> None:
            if obj.docstring is not None:
                obj.docstring.value = fence_doctests(obj.docstring.value)

    return DoctestFences(**options)


# --- The hook ------------------------------------------------------------------------------


def expand(markdown: str, *, root: Path) -> str:
    """``markdown`` with every ``<!-- anhorig:NAME -->`` marker replaced.

    ``ValueError`` for an unknown marker.
    """
    generators: dict[str, Callable[[str | None], str]] = {
        "catalogue": lambda _: catalogue_markdown(),
        "glossary": lambda _: glossary_markdown(),
        "law": lambda _: law_markdown(),
        "demo": lambda arg: demo_markdown(arg or "sv"),
        "changelog": lambda _: changelog_markdown(root),
        "fhircodes": lambda _: fhir_codes_markdown(),
    }

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in generators:
            raise ValueError(f"unknown anhorig marker {match.group(0)!r}")
        return generators[name](match.group("arg"))

    return _MARKER.sub(replace, markdown)


def on_page_markdown(markdown: str, *, page: Any, config: Any, files: Any) -> str:
    """mkdocs event: fill in the markers of one page before it is rendered."""
    from mkdocs.exceptions import PluginError

    root = Path(config["config_file_path"]).resolve().parent
    try:
        markdown = expand(markdown, root=root)
    except ValueError as exc:
        raise PluginError(f"{page.file.src_path}: {exc}") from exc
    return link_seed_mentions(markdown, page=page.file.src_path.replace("\\", "/"))
