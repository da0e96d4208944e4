"""The command line's shared pieces: exit codes, options, dates, inputs and one output format.

The top-level command (:mod:`anhorig.cli`) and every family's command module (``anhorig
plans``, ``anhorig consent``, ...) import these; none of them imports :mod:`anhorig.cli`.

Every command exits with one of three codes: :data:`EXIT_OK`, :data:`EXIT_FINDINGS` and
:data:`EXIT_UNREADABLE`. What a command prints about its input is masked
(:func:`anhorig.language.mask_value`).

Every subcommand reports a problem the same way, whether it is a file that cannot be
read, a document that does not have the right structure or a rule's finding: an
:class:`Issue`, printed as one line (``FEL INPUT-DOCUMENT $.kind: ...``) or, with
``--format json``, as one object ``{file, path, code, severity, message, references}``.
``path`` is a JSON path from the document's root (``$``, ``$.carer.id``,
``$.goals[0]``), or the option's name (``--as-of``) for a bad option; the file is
never part of it.

Wherever files are read, ``-`` is standard input and a directory stands for every
``*.json`` file under it, recursively, in sorted order (:func:`expand_inputs`).
"""

from __future__ import annotations

import argparse
import contextlib
import contextvars
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import Any, TextIO

import attrs

from anhorig._checks import MAX_YEAR, MIN_YEAR
from anhorig._json import MAX_DOCUMENT_SIZE, read_file
from anhorig._values import date_text
from anhorig.errors import InvalidInput, Problem
from anhorig.families import FAMILIES, load
from anhorig.findings import Report, Severity
from anhorig.language import Lang, Text, mask_value, quote
from anhorig.serialization import from_document, load_json

__all__ = [
    "CODE_DOCUMENT",
    "CODE_FILE",
    "CODE_JSON",
    "CODE_OPTION",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "STDIN",
    "Issue",
    "JudgingDate",
    "Unreadable",
    "add_common",
    "add_on",
    "check_files",
    "epilog",
    "expand_inputs",
    "help_language",
    "iso_date",
    "judging_date",
    "option_issues",
    "parser_language",
    "print_unreadable",
    "read_document",
    "read_input",
    "read_issues",
    "read_one",
    "stockholm_today",
    "summary_line",
]

EXIT_OK = 0
"""Done, and nothing to object to: valid, permitted, within quota."""

EXIT_FINDINGS = 1
"""Read, and found wanting: findings of error severity, a request not permitted, a
period over a quota the policy refuses."""

EXIT_UNREADABLE = 2
"""The input could not be read or judged: a bad file or argument, a refused record, a
store that cannot be opened."""

STDIN = "-"
"""The file name that stands for standard input."""

CODE_FILE = "INPUT-FILE"
"""The code of a file that cannot be read (missing, a directory without documents, no
permission)."""

CODE_JSON = "INPUT-JSON"
"""The code of a file that is not strict JSON (:mod:`anhorig._json`)."""

CODE_DOCUMENT = "INPUT-DOCUMENT"
"""The code of JSON that is not a readable document: a wrong type, an unknown field, a bad
personnummer, a value the family cannot judge."""

CODE_OPTION = "INPUT-OPTION"
"""The code of a bad option value (``--as-of``, ``--person``, ``--store``, ...)."""

_LANG: contextvars.ContextVar[Lang] = contextvars.ContextVar("anhorig_cli_lang", default="sv")


@contextlib.contextmanager
def parser_language(lang: Lang) -> Iterator[None]:
    """argparse's own words (usage, errors, ``-h``) and :func:`iso_date`'s in ``lang``.

    argparse looks its messages up through :mod:`gettext` each time it writes one; while
    this is active they are looked up in a small Swedish table instead (English is
    argparse's own).
    """
    token = _LANG.set(lang)
    saved = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    if lang == "sv":

        def translate(message: str) -> str:
            return _SWEDISH.get(message, message)

        def ntranslate(singular: str, plural: str, n: int) -> str:
            return translate(singular if n == 1 else plural)

        argparse._ = translate  # type: ignore[attr-defined]
        argparse.ngettext = ntranslate  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
        _LANG.reset(token)


_SWEDISH: dict[str, str] = {
    "usage: ": "användning: ",
    "options": "flaggor",
    "positional arguments": "argument",
    "show this help message and exit": "visa den här hjälpen och avsluta",
    "show program's version number and exit": "visa programmets version och avsluta",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fel: %(message)s\n",
    "the following arguments are required: %s": "följande argument krävs: %s",
    "unrecognized arguments: %s": "okända argument: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ogiltigt val: %(value)r (välj bland %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argumentet %(argument_name)s: %(message)s",
    "expected one argument": "väntade ett värde",
    "expected at most one argument": "väntade högst ett värde",
    "expected at least one argument": "väntade minst ett värde",
    "expected %s argument": "väntade %s värde",
    "expected %s arguments": "väntade %s värden",
    "invalid %(type)s value: %(value)r": "ogiltigt värde (%(type)s): %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydig flagga: %(option)s kan vara %(matches)s"
    ),
    "not allowed with argument %s": "inte tillåtet tillsammans med %s",
    "ignored explicit argument %r": "ignorerade värdet %r",
    "one of the arguments %s is required": "ett av argumenten %s krävs",
    "unexpected option string: %s": "oväntad flagga: %s",
    "%r is not callable": "%r går inte att anropa",
}


def help_language() -> Lang:
    """The language :func:`parser_language` set: the one argparse and the help speak."""
    return _LANG.get()


def said(sv: str, en: str) -> str:
    """A help text in the language the help speaks (:func:`help_language`): every
    option's help is written in both, and a parser is built in the one asked for."""
    return sv if _LANG.get() == "sv" else en


DEFAULT_WORDS = {"sv": "förval", "en": "default"}
"""How a help text introduces an option's default: ``(förval: sv)``, ``(default: sv)``."""


def epilog(lang: Lang) -> str:
    """The exit codes, for the end of every ``--help``."""
    if lang == "sv":
        return (
            "slutkoder:\n"
            "  0  klart, inget att invända: giltigt, tillåtet, inom kvoten\n"
            "  1  läst, med fel: anmärkningar av graden fel, en begäran som inte är\n"
            "     tillåten, en period över en kvot som policyn vägrar\n"
            "  2  oläsbart: en fil, ett dokument eller en flagga som inte kan läsas"
        )
    return (
        "exit codes:\n"
        "  0  done, nothing to object to: valid, permitted, within quota\n"
        "  1  read, and found wanting: findings of error severity, a request not\n"
        "     permitted, a period over a quota the policy refuses\n"
        "  2  unreadable: a file, document or option that cannot be read"
    )


def iso_date(text: str) -> date:
    """An argument's ``YYYY-MM-DD`` date, in the years anhorig reads (the ``type`` of
    every ``--on``, ``--from``, ``--before`` ... option)."""
    sv = _LANG.get() == "sv"
    try:
        day = date.fromisoformat(text)
    except ValueError:
        message = "inte ett datum ÅÅÅÅ-MM-DD" if sv else "not a date YYYY-MM-DD"
        raise argparse.ArgumentTypeError(f"{message}: {quote(text)}") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        message = "inte ett datum åren" if sv else "not a date in the years"
        raise argparse.ArgumentTypeError(f"{message} {MIN_YEAR}–{MAX_YEAR}: {quote(text)}")
    return day


def stockholm_today() -> date:
    """Today's date in Europe/Stockholm: the command line reads the clock, the library never."""
    import pendulum

    today = pendulum.now("Europe/Stockholm")
    return date(today.year, today.month, today.day)


@attrs.frozen
class JudgingDate:
    """The date a command judges on, and whether it was given (``--on``) or is today."""

    day: date
    given: bool

    def to_json(self) -> dict[str, str]:
        """``{"on": "2026-01-15", "on_source": "option" | "today"}``."""
        return {"on": self.day.isoformat(), "on_source": "option" if self.given else "today"}

    def line(self, lang: Lang) -> str:
        """The line that says it: ``Bedömt per 15 januari 2026 (i dag i Europe/Stockholm)``."""
        if lang == "sv":
            tail = "" if self.given else " (i dag i Europe/Stockholm)"
            return f"Bedömt per {date_text(self.day, 'sv')}{tail}"
        tail = "" if self.given else " (today in Europe/Stockholm)"
        return f"Judged on {date_text(self.day, 'en')}{tail}"


def judging_date(given: date | None) -> JudgingDate:
    """``--on``'s date, or today in Europe/Stockholm when it is left out."""
    if given is not None:
        return JudgingDate(given, True)
    return JudgingDate(stockholm_today(), False)


def add_on(parser: argparse.ArgumentParser) -> None:
    """``--on DATE``, the judging date: today in Europe/Stockholm if left out."""
    parser.add_argument(
        "--on",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=said(
            "dag som bedöms (förval: i dag i Europe/Stockholm; skrivs alltid ut)",
            "date judged (default: today in Europe/Stockholm; always printed)",
        ),
    )


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every subcommand shares: ``--lang`` and ``--format``."""
    add_lang(parser)
    parser.add_argument(
        "--format",
        choices=("human", "json"),
        default="human",
        help=said("utdataformat", "output format"),
    )


def add_lang(parser: argparse.ArgumentParser, sv: str = "", en: str = "") -> None:
    """``--lang sv|en``, Swedish by default; ``sv``/``en`` say what else it sets."""
    parser.add_argument(
        "--lang",
        choices=("sv", "en"),
        default="sv",
        help=said(sv or "meddelandenas språk", en or "message language"),
    )


# --- inputs -------------------------------------------------------------------------------


def expand_inputs(names: Sequence[str]) -> list[str]:
    """The files ``names`` stand for: ``-`` (standard input) and files as given, a
    directory as every ``*.json`` file under it, recursively, in sorted order.

    A directory without any is kept as given; reading it then says so.
    """
    files: list[str] = []
    for name in names:
        if name != STDIN and _is_dir(name):
            from pathlib import Path

            found = sorted(str(p) for p in Path(name).rglob("*.json") if p.is_file())
            files.extend(found or [name])
        else:
            files.append(name)
    return files


def _is_dir(name: str) -> bool:
    """``pathlib.Path(name).is_dir()``, without importing pathlib (~4 ms of start-up,
    issue 14) for the common case, a name that is a file: such a name stays a file
    once ``Path`` normalises it; anything else asks ``Path`` itself."""
    if os.path.isfile(name):
        return False
    from pathlib import Path

    return Path(name).is_dir()


def read_input(name: str) -> bytes:
    """The bytes of file ``name``, or of standard input for ``-``; ``InvalidInput`` at
    ``$`` when the file cannot be read."""
    try:
        if name == STDIN:
            return sys.stdin.buffer.read(MAX_DOCUMENT_SIZE + 1)
        if _is_dir(name):
            raise InvalidInput.at(
                "$",
                sv="katalogen har inga *.json-filer",
                en="the directory has no *.json files",
            )
        return read_file(name)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise InvalidInput.at(
            "$", sv=f"filen kan inte läsas ({reason})", en=f"the file cannot be read ({reason})"
        ) from None


def read_document(raw: bytes) -> object:
    """An anhorig document, or a FHIR resource read by the family that reads FHIR (the
    one ``Consent`` in a FHIR ``Consent`` or ``Bundle``)."""
    return _read_loaded(load_json(raw))


# --- issues -------------------------------------------------------------------------------


def _json_path(path: str) -> str:
    """A path written one way: ``$`` for the root, ``$.a.b[0]`` below it; an option's
    or argument's name (``--as-of``, ``URL``) is left as it is."""
    if not path or path == "$" or path.startswith("-") or path.isupper():
        return path or "$"
    if path.startswith("$"):
        return path
    return f"${path}" if path.startswith("[") else f"$.{path}"


@attrs.frozen
class Issue:
    """One thing a command reports about an input: a read problem or a rule's finding.

    ``file`` is the (masked) file it is about, ``None`` for an option; ``path`` a JSON
    path from the document's root (or the option's name); ``code`` a rule's code, or
    one of ``INPUT-FILE``, ``INPUT-JSON``, ``INPUT-DOCUMENT`` and ``INPUT-OPTION`` for
    input that cannot be read.
    """

    file: str | None
    path: str
    code: str
    severity: Severity
    message: Text
    references: tuple[str, ...] = ()

    @classmethod
    def of_problem(cls, problem: Problem, *, file: str | None, code: str) -> Issue:
        """A read problem, as an error."""
        return cls(file, _json_path(problem.path), code, Severity.ERROR, problem.message)

    def to_json(self, lang: Lang) -> dict[str, Any]:
        """``{file, path, code, severity, message, references}``."""
        return {
            "file": self.file,
            "path": self.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message.in_(lang),
            "references": list(self.references),
        }

    def line(self, lang: Lang) -> str:
        """``FEL INPUT-DOCUMENT $.kind: message (references)``, without the file."""
        refs = f" ({'; '.join(self.references)})" if self.references else ""
        return (
            f"{self.severity.label(lang)} {self.code} {self.path}: {self.message.in_(lang)}{refs}"
        )


def read_issues(exc: InvalidInput, *, file: str | None, code: str) -> list[Issue]:
    """Every problem of ``exc`` as an :class:`Issue` about ``file``."""
    return [Issue.of_problem(p, file=file, code=code) for p in exc.problems]


def read_one(name: str, read: Callable[[bytes], Any]) -> Any:
    """File ``name`` read with ``read`` (bytes to object); every failure becomes one
    :class:`Unreadable` carrying its issues, coded by stage."""
    shown = mask_value(name)  # a file may be named for the person it is about
    try:
        raw = read_input(name)
    except InvalidInput as exc:
        raise Unreadable(read_issues(exc, file=shown, code=CODE_FILE)) from None
    try:
        data = load_json(raw)
    except InvalidInput as exc:
        raise Unreadable(read_issues(exc, file=shown, code=CODE_JSON)) from None
    try:
        return read(data)
    except InvalidInput as exc:
        raise Unreadable(read_issues(exc, file=shown, code=CODE_DOCUMENT)) from None


class Unreadable(Exception):
    """Input that cannot be read, with the issues that say why."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        super().__init__()
        self.issues = list(issues)


def option_issues(exc: InvalidInput) -> list[Issue]:
    """A bad option's problems (path = the option's name) as issues."""
    return read_issues(exc, file=None, code=CODE_OPTION)


def print_unreadable(
    problems: Sequence[Problem | Issue],
    *,
    lang: Lang,
    fmt: str,
    out: TextIO,
    on: JudgingDate | None = None,
) -> int:
    """Print why the input is unreadable (human or JSON); returns :data:`EXIT_UNREADABLE`.

    Plain problems are read problems of the documents (``INPUT-DOCUMENT``), or of an
    option or argument when their path names one (``--person``, ``URL``).
    """
    issues = [
        p
        if isinstance(p, Issue)
        else Issue.of_problem(
            p,
            file=None,
            code=CODE_OPTION if p.path.startswith("-") or p.path.isupper() else CODE_DOCUMENT,
        )
        for p in problems
    ]
    if fmt == "json":
        document: dict[str, Any] = {**(on.to_json() if on else {}), "readable": False}
        document["problems"] = [i.to_json(lang) for i in issues]
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return EXIT_UNREADABLE
    if on is not None:
        out.write(on.line(lang) + "\n")
    label = "OLÄSBAR" if lang == "sv" else "UNREADABLE"
    files = list(dict.fromkeys(i.file for i in issues))
    for file in files:
        out.write(f"{file}: {label}\n" if file is not None else f"{label}\n")
        out.writelines(f"  {i.line(lang)}\n" for i in issues if i.file == file)
    if not issues:
        out.write(f"{label}\n")
    return EXIT_UNREADABLE


def summary_line(files: int, valid: int, invalid: int, unreadable: int, lang: Lang) -> str:
    """``13 filer: 9 giltiga, 3 ogiltiga, 1 oläsbar`` (or in English)."""
    if lang == "sv":

        def n(count: int, one: str, many: str) -> str:
            return f"{count} {one if count == 1 else many}"

        return (
            f"{n(files, 'fil', 'filer')}: {n(valid, 'giltig', 'giltiga')}, "
            f"{n(invalid, 'ogiltig', 'ogiltiga')}, {n(unreadable, 'oläsbar', 'oläsbara')}"
        )
    noun = "file" if files == 1 else "files"
    return f"{files} {noun}: {valid} valid, {invalid} invalid, {unreadable} unreadable"


def check_files(
    files: Sequence[str],
    check: Callable[[object], Report],
    *,
    lang: Lang,
    fmt: str,
    out: TextIO,
    on: JudgingDate | None = None,
    read: Callable[[object], object] | None = None,
) -> int:
    """Read each document, ``check`` it, and print the results (human or JSON).

    Shared by ``anhorig validate`` and the families' own check commands. ``files`` may
    hold ``-`` and directories (:func:`expand_inputs`). Returns the exit code:
    :data:`EXIT_OK` valid, :data:`EXIT_FINDINGS` findings of error severity,
    :data:`EXIT_UNREADABLE` unreadable input. ``check`` may raise ``InvalidInput`` for a
    document it cannot judge; that file counts as unreadable. ``read`` turns loaded JSON
    into the document (by default any anhorig document, or a FHIR resource).

    The JSON output is one object: the judging date (``on``, ``on_source``), ``files``
    (one result each) and ``summary`` (``files``, ``valid``, ``invalid``,
    ``unreadable``).
    """
    reader = read if read is not None else _read_loaded
    results: list[dict[str, Any]] = []
    worst = EXIT_OK
    counts = {"valid": 0, "invalid": 0, "unreadable": 0}
    for name in expand_inputs(files):
        shown = mask_value(name)
        try:
            document = read_one(name, reader)
            report = check(document)
        except Unreadable as exc:
            results.append({"file": shown, "readable": False, "issues": exc.issues})
            worst, counts["unreadable"] = EXIT_UNREADABLE, counts["unreadable"] + 1
            continue
        except InvalidInput as exc:
            issues = read_issues(exc, file=shown, code=CODE_DOCUMENT)
            results.append({"file": shown, "readable": False, "issues": issues})
            worst, counts["unreadable"] = EXIT_UNREADABLE, counts["unreadable"] + 1
            continue
        if not report.ok and worst == EXIT_OK:
            worst = EXIT_FINDINGS
        counts["valid" if report.ok else "invalid"] += 1
        results.append(
            {
                "file": shown,
                "readable": True,
                "type": type(document).__name__,
                "ok": report.ok,
                "issues": [
                    Issue(
                        shown,
                        _json_path(f.path),
                        f.code,
                        f.severity,
                        f.message,
                        tuple(str(r) for r in f.references),
                    )
                    for f in report
                ],
            }
        )
    summary = {"files": len(results), **counts}
    if fmt == "json":
        body: dict[str, Any] = on.to_json() if on is not None else {}
        body["files"] = [
            {
                **{k: v for k, v in result.items() if k != "issues"},
                "problems": [i.to_json(lang) for i in result["issues"]],
            }
            for result in results
        ]
        body["summary"] = summary
        json.dump(body, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return worst
    if on is not None:
        out.write(on.line(lang) + "\n")
    for result in results:
        if not result["readable"]:
            out.write(f"{result['file']}: {'OLÄSBAR' if lang == 'sv' else 'UNREADABLE'}\n")
        else:
            verdict = (
                ("giltig" if lang == "sv" else "valid")
                if result["ok"]
                else ("ogiltig" if lang == "sv" else "invalid")
            )
            out.write(f"{result['file']}: {result['type']} {verdict}\n")
        out.writelines(f"  {issue.line(lang)}\n" for issue in result["issues"])
    if len(results) != 1:
        out.write(summary_line(**summary, lang=lang) + "\n")
    return worst


def add_parties(parser: argparse.ArgumentParser) -> None:
    """``--parties FILE`` (repeatable): the people and organisations FHIR documents refer
    to, read by the family that reads FHIR."""
    parser.add_argument(
        "--parties",
        action="append",
        default=[],
        metavar="FILE",
        help=said(
            "FHIR-resurser för organisationer, patienter, vårdpersonal och närstående "
            "(en, en lista eller en Bundle) eller anhorigs organisationsdokument som "
            "FHIR-dokumenten hänvisar till; kan upprepas, - för standard in, eller en katalog",
            "FHIR Organization/Patient/Practitioner/RelatedPerson resources (one, a list or "
            "a Bundle) or anhorig Organisation documents that FHIR documents refer to; "
            "repeatable, - for standard input, or a directory",
        ),
    )


def reader_with_parties(names: Sequence[str]) -> Callable[[object], object]:
    """A document reader like the default one whose FHIR resources' references are
    resolved from the ``--parties`` files ``names`` (read once, here); a parties file
    that cannot be read raises :class:`Unreadable`."""
    family = next(f for f in FAMILIES if f.fhir_reader is not None and f.fhir_parties)
    assert family.fhir_reader is not None
    assert family.fhir_parties is not None
    resolve = load(family.fhir_parties)(names)
    read_fhir_document = load(family.fhir_reader)

    def read(data: object) -> object:
        if isinstance(data, dict) and "resourceType" in data:
            return read_fhir_document(data, resolve=resolve)
        return from_document(None, data)

    return read


def _read_loaded(data: object) -> object:
    readers = [family.fhir_reader for family in FAMILIES if family.fhir_reader is not None]
    if isinstance(data, dict) and "resourceType" in data and readers:
        read: Callable[[object], object] = load(readers[0])
        return read(data)
    return from_document(None, data)
