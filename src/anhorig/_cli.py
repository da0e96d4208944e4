"""The command line's shared pieces: exit codes, options, dates, and read-check-print.

The top-level command (:mod:`anhorig.cli`) and every family's command module (``anhorig
plans``, ``anhorig consent``, ...) import these; none of them imports :mod:`anhorig.cli`.

Every command exits with one of three codes: :data:`EXIT_OK`, :data:`EXIT_FINDINGS` and
:data:`EXIT_UNREADABLE`. What a command prints about its input is masked
(:func:`anhorig.language.mask_value`).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, TextIO

from anhorig._json import read_file
from anhorig.errors import InvalidInput, Problem
from anhorig.families import FAMILIES, load
from anhorig.findings import Report, Severity
from anhorig.language import Lang, mask_value, quote
from anhorig.serialization import from_json, load_json
from anhorig.time import MAX_YEAR, MIN_YEAR

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "add_common",
    "check_files",
    "iso_date",
    "print_unreadable",
    "read_document",
]

EXIT_OK = 0
"""Done, and nothing to object to: valid, permitted, within quota."""

EXIT_FINDINGS = 1
"""Read, and found wanting: findings of error severity, a request not permitted, a
period over a quota the policy refuses."""

EXIT_UNREADABLE = 2
"""The input could not be read or judged: a bad file or argument, a refused record, a
store that cannot be opened."""


def iso_date(text: str) -> date:
    """An argument's ``YYYY-MM-DD`` date, in the years anhorig reads (the ``type`` of
    every ``--on``, ``--from``, ``--before`` ... option)."""
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {quote(text)}") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f"not a date in the years {MIN_YEAR}–{MAX_YEAR}: {quote(text)}"
        )
    return day


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every subcommand shares: ``--lang`` and ``--format``."""
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="message language")
    parser.add_argument(
        "--format", choices=("human", "json"), default="human", help="output format"
    )


def print_unreadable(problems: Sequence[Problem], *, lang: Lang, fmt: str, out: TextIO) -> int:
    """Print why the input is unreadable (human or JSON); returns :data:`EXIT_UNREADABLE`."""
    if fmt == "json":
        json.dump(
            {"readable": False, "problems": [p.explain(lang) for p in problems]},
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        out.write("OLÄSBAR\n" if lang == "sv" else "UNREADABLE\n")
        out.writelines(f"  {p.explain(lang)}\n" for p in problems)
    return EXIT_UNREADABLE


def read_document(raw: bytes) -> object:
    """An anhorig document, or a FHIR resource read by the family that reads FHIR (the
    one ``Consent`` in a FHIR ``Consent`` or ``Bundle``)."""
    readers = [family.fhir_reader for family in FAMILIES if family.fhir_reader is not None]
    try:
        return from_json(None, raw)
    except InvalidInput:
        if b'"resourceType"' not in raw or not readers:
            raise
    read: Callable[[object], object] = load(readers[0])
    return read(load_json(raw))


def check_files(
    files: Sequence[str],
    check: Callable[[object], Report],
    *,
    lang: Lang,
    fmt: str,
    out: TextIO,
) -> int:
    """Read each document, ``check`` it, and print the results (human or JSON).

    Shared by ``anhorig validate`` and the families' own check commands. Returns the
    exit code: :data:`EXIT_OK` valid, :data:`EXIT_FINDINGS` findings of error severity,
    :data:`EXIT_UNREADABLE` unreadable input. ``check`` may raise ``InvalidInput`` for a
    document it cannot judge; that file counts as unreadable.
    """
    results: list[dict[str, Any]] = []
    worst = EXIT_OK
    for name in files:
        shown = mask_value(name)  # a file may be named for the person it is about
        try:
            document: object = read_document(read_file(name))
            report = check(document)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            message = (
                f"filen kan inte läsas ({reason})"
                if lang == "sv"
                else f"the file cannot be read ({reason})"
            )
            results.append({"file": shown, "readable": False, "problems": [message]})
            worst = EXIT_UNREADABLE
            continue
        except InvalidInput as exc:
            problems = [p.explain(lang) for p in exc.problems]
            results.append({"file": shown, "readable": False, "problems": problems})
            worst = EXIT_UNREADABLE
            continue
        if not report.ok and worst == EXIT_OK:
            worst = EXIT_FINDINGS
        results.append(
            {
                "file": shown,
                "readable": True,
                "type": type(document).__name__,
                "ok": report.ok,
                "findings": [
                    {
                        "code": f.code,
                        "severity": f.severity.value,
                        "path": f.path,
                        "message": f.message.in_(lang),
                        "references": [str(r) for r in f.references],
                    }
                    for f in report
                ],
            }
        )
    if fmt == "json":
        json.dump(results, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return worst
    for result in results:
        if not result["readable"]:
            out.write(f"{result['file']}: {'OLÄSBAR' if lang == 'sv' else 'UNREADABLE'}\n")
            out.writelines(f"  {problem}\n" for problem in result["problems"])
            continue
        verdict = (
            ("giltig" if lang == "sv" else "valid")
            if result["ok"]
            else ("ogiltig" if lang == "sv" else "invalid")
        )
        out.write(f"{result['file']}: {result['type']} {verdict}\n")
        for f in result["findings"]:
            refs = f" ({'; '.join(f['references'])})" if f["references"] else ""
            severity = Severity(f["severity"]).label(lang)
            out.write(f"  {severity} {f['code']} {f['path']}: {f['message']}{refs}\n")
    return worst
