"""Every ``--help`` speaks the language asked for, our texts as well as argparse's (issue 17).

Run as a user runs it, through a subprocess: ``anhorig CMD --help`` in Swedish (the
default) has no English help sentence, and with ``--lang en`` no Swedish one. What is
not prose is left out of the search: the usage lines, option names, metavariables and
choices (``--lang {sv,en}``, ``FILE``), subcommands' names and defaults as they are
typed, which are the same in both languages.
"""

from __future__ import annotations

import re

import pytest

from anhorig.serialization import document_types
from tests.test_cli_pipeline import anhorig
from tests.test_swedish_words import ENGLISH, SWEDISH, leaks_en, leaks_sv

COMMANDS: tuple[tuple[str, ...], ...] = (
    (),
    ("demo",),
    ("schema",),
    ("validate",),
    ("plans",),
    ("plans", "check"),
    ("plans", "template"),
    ("consent",),
    ("consent", "check"),
    ("respite",),
    ("respite", "balance"),
    ("discharge",),
    ("discharge", "checklist"),
    ("discharge", "check"),
    ("store",),
    ("store", "import"),
    ("store", "export"),
    ("store", "purge"),
)
"""Every command and subcommand of ``anhorig``."""

HELP_ENGLISH = ENGLISH | frozenset(
    [
        "message",
        "language",
        "output",
        "documents",
        "print",
        "read",
        "check",
        "their",
        "rules",
        "show",
        "help",
        "exit",
        "judged",
        "today",
        "always",
        "printed",
        "default",
        "only",
        "every",
        "instead",
        "file",
        "files",
        "contact",
        "order",
        "which",
        "deadlines",
        "run",
        "under",
        "municipal",
        "policy's",
        "append",
        "all",
        "nothing",
        "everything",
        "one",
        "consents",
        "resources",
        "remove",
        "records",
        "older",
        "applied",
        "operator's",
        "staff",
        "owner",
        "row",
        "rows",
        "empty",
        "translation",
        "plan's",
        "first",
        "last",
        "walk",
        "through",
        "core",
        "vocabulary",
        "scenario",
        "ledger's",
        "instant",
        "offset",
        "recorded",
        "conflicting",
        "combine",
        "decide",
        "request",
        "disclosure",
        "discharge",
        "day",
        "store's",
        "address",
    ]
)
"""English words a help text may use that are not Swedish words too."""

HELP_SWEDISH = SWEDISH | frozenset(
    [
        "förval",
        "dag",
        "bedöms",
        "språk",
        "meddelandenas",
        "utdataformat",
        "för",
        "katalog",
        "eller",
        "skrivs",
        "alltid",
        "ut",
        "pröva",
        "läs",
        "skriv",
        "visa",
        "hjälpen",
        "avsluta",
        "kontaktas",
        "vilka",
        "tidsfrister",
        "löper",
        "lägg",
        "till",
        "alla",
        "inga",
        "allt",
        "om",
        "ta",
        "bort",
        "uppgifter",
        "äldre",
        "än",
        "kommunens",
        "namn",
        "ansvarig",
        "varje",
        "rad",
        "tom",
        "översättning",
        "planens",
        "första",
        "sista",
        "genomgång",
        "kärnans",
        "begrepp",
        "exempelfall",
        "ur",
        "underlagen",
        "saldot",
        "liggaren",
        "tidpunkten",
        "avgör",
        "begäran",
        "utlämnande",
        "utifrån",
        "samtycken",
        "databasen",
        "i",
        "stället",
        "filer",
    ]
)
"""Swedish words a help text may use that are not English words too."""

_USAGE = re.compile(r"^(?:användning|usage): .*?(?=\n\n)", re.S | re.M)
_OPTION = re.compile(r"(?<![\w-])--?[\w-]+")
_CHOICES = re.compile(r"\{[^}]*\}")
_METAVAR = re.compile(r"\b[A-Z][A-Z_-]{2,}\b")
_NAMES = "|".join(sorted(document_types(), key=len, reverse=True))
_TYPES = re.compile(rf"\b(?:{_NAMES})\b")
"""A document type's name (``Ledger``, ``FHIR Consent``): an identifier in both languages."""
_SUBCOMMAND = re.compile(r"^ {2,}[a-z]+(?= {2,}|\n)", re.M)
_TYPED_DEFAULT = re.compile(r"(?:(?<=förval: )|(?<=default: ))[\w.-]+(?=\))")
"""A default as it would be typed (``sv``, ``2026-11-22``), the same in both languages."""


def help_prose(text: str) -> str:
    """``--help``'s text without what is the same in both languages."""
    text = _USAGE.sub(" ", text)
    text = _TYPES.sub(" ", text)
    text = _SUBCOMMAND.sub(" ", text)
    text = _TYPED_DEFAULT.sub(" ", text)
    text = _CHOICES.sub(" ", text)
    text = _OPTION.sub(" ", text)
    return _METAVAR.sub(" ", text)


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)}


def test_the_search_finds_a_help_text_in_the_other_language() -> None:
    """The words the search knows are enough to catch a help text left in English."""
    english = help_prose("  --lang {sv,en}        message language (default: sv)\n")
    assert _words(english) & HELP_ENGLISH
    swedish = help_prose("  --lang {sv,en}        meddelandenas språk (förval: sv)\n")
    assert not _words(swedish) & HELP_ENGLISH
    assert _words(swedish) & HELP_SWEDISH


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "anhorig")
def test_help_in_swedish_has_no_english_and_in_english_no_swedish(
    command: tuple[str, ...],
) -> None:
    swedish = anhorig(*command, "--help")
    english = anhorig(*command, "--help", "--lang", "en")
    assert swedish.returncode == english.returncode == 0, swedish.stderr + english.stderr
    sv_prose, en_prose = help_prose(swedish.stdout), help_prose(english.stdout)
    assert not (_words(sv_prose) & HELP_ENGLISH), sv_prose
    assert not leaks_sv(sv_prose), leaks_sv(sv_prose)
    assert not (_words(en_prose) & (HELP_SWEDISH - {"policy", "plan"})), en_prose
    assert not leaks_en(en_prose), leaks_en(en_prose)
    # Every option with a default says it, in the help's own words.
    assert "(default:" not in swedish.stdout
    assert "(förval:" not in english.stdout
