"""The ``anhorig`` command.

``anhorig demo`` walks through the core vocabulary on a seed scenario;
``anhorig schema TYPE`` prints a document type's JSON Schema; ``anhorig validate
FILE...`` reads documents and checks them with their rule family. Subpackages add
their own subcommands (``consent check``, ``respite balance``) through a
``register(subparsers)`` function in their ``cli`` module.

Exit codes: 0 valid, 1 findings of error severity, 2 unreadable input.

What the commands print about their input is masked (`anhorig.language.mask_value`):
file names, ids and bad arguments quoted back show no personnummer and no name.
Documents a command is asked to write (``plans template``, the JSON part of ``demo``)
are written in full.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NoReturn, TextIO

from anhorig.errors import InvalidInput
from anhorig.findings import Report, Severity
from anhorig.language import Lang, mask_value, quote
from anhorig.time import MAX_YEAR, MIN_YEAR

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_UNREADABLE",
    "add_common",
    "build_parser",
    "check_files",
    "checker_for",
    "main",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_UNREADABLE = 2

_SUBCOMMAND_MODULES: tuple[str, ...] = (
    "anhorig.plans.cli",
    "anhorig.consent.cli",
    "anhorig.respite.cli",
    "anhorig.discharge.cli",
    "anhorig.store.cli",
)
"""Modules with a ``register(subparsers)`` adding subcommands (``anhorig.consent.cli``)."""

_FROM_STORE: dict[str, str] = {
    "consent": "anhorig.store.cli:consent_check",
    "respite": "anhorig.store.cli:respite_balance",
}
"""Command → its handler when given ``--store URL`` (the families never import the store)."""

_CHECKERS: dict[str, str] = {
    "Relationship": "anhorig.relations:check",
    "ChildRelative": "anhorig.relations:check",
    "SupportPlan": "anhorig.plans:check",
    "CoordinatedPlan": "anhorig.plans:check",
    "ImplementationPlan": "anhorig.plans:check",
    "Consent": "anhorig.consent.checks:check",
    "Ledger": "anhorig.respite.rules:check",
    "DischargeProcess": "anhorig.discharge:check",
}
"""Document type → the ``check`` of its rule family, as ``module:function``."""


def checker_for(type_name: str) -> Callable[..., Report] | None:
    """The rule family's ``check`` for documents of ``type_name``, if it has one."""
    target = _CHECKERS.get(type_name)
    if target is None:
        return None
    module, _, name = target.partition(":")
    check: Callable[..., Report] = getattr(importlib.import_module(module), name)
    return check


def _iso_date(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {quote(text)}") from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise argparse.ArgumentTypeError(
            f"not a date in the years {MIN_YEAR}–{MAX_YEAR}: {quote(text)}"
        )
    return day


class _Parser(argparse.ArgumentParser):
    """argparse quotes a bad argument back in its error message; this parser masks it."""

    def error(self, message: str) -> NoReturn:
        super().error(mask_value(message))


def add_common(parser: argparse.ArgumentParser) -> None:
    """Options every subcommand shares: ``--lang`` and ``--format``."""
    parser.add_argument("--lang", choices=("sv", "en"), default="sv", help="message language")
    parser.add_argument(
        "--format", choices=("human", "json"), default="human", help="output format"
    )


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.demo import run

    code: int = run(out, lang=args.lang, on=args.on)
    return code


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.serialization import document_types, json_schema

    types = document_types()
    if args.type not in types:
        print(
            f"okänd typ / unknown type {quote(args.type)}; " + ", ".join(sorted(types)),
            file=sys.stderr,
        )
        return EXIT_UNREADABLE
    json.dump(json_schema(types[args.type]), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def _read_document(raw: bytes) -> object:
    """An anhorig document, or the one Consent in a FHIR Consent or Bundle."""
    from anhorig.serialization import from_json, load_json

    try:
        return from_json(None, raw)
    except InvalidInput:
        if b'"resourceType"' not in raw:
            raise
    from anhorig.consent.fhir import read_fhir

    readings = read_fhir(load_json(raw))
    if len(readings) != 1:
        raise InvalidInput.at(
            "$.entry",
            sv=f"{len(readings)} samtycken i Bundlen; pröva dem med 'anhorig consent check'",
            en=f"{len(readings)} consents in the Bundle; check them with 'anhorig consent check'",
        )
    return readings[0].consent


def check_files(
    files: Sequence[str],
    check: Callable[[object], Report],
    *,
    lang: Lang,
    fmt: str,
    out: TextIO,
) -> int:
    """Read each document, ``check`` it, and print the results (human or JSON).

    Shared by ``anhorig validate`` and the subpackages' own check commands. Returns the
    exit code: 0 valid, 1 findings of error severity, 2 unreadable input. ``check`` may
    raise ``InvalidInput`` for a document it cannot judge; that file counts as unreadable.
    """
    from anhorig._json import read_file

    results: list[dict[str, Any]] = []
    worst = EXIT_OK
    for name in files:
        shown = mask_value(name)  # a file may be named for the person it is about
        try:
            document: object = _read_document(read_file(name))
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


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    def check(document: object) -> Report:
        family = checker_for(type(document).__name__)
        return family(document, on=args.on) if family else Report()

    return check_files(args.files, check, lang=args.lang, fmt=args.format, out=out)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every subpackage's subcommands."""
    parser = _Parser(prog="anhorig", description="Anhörigstöd som regler / carer support as rules.")
    from anhorig._version import __version__

    parser.add_argument("--version", action="version", version=f"anhorig {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="a walk through the core vocabulary on a seed scenario")
    demo.add_argument("--on", type=_iso_date, default=date(2026, 11, 22), help="date judged")
    add_common(demo)
    demo.set_defaults(handler=_cmd_demo)

    schema = sub.add_parser("schema", help="print the JSON Schema of a document type")
    schema.add_argument("type", help="document type, e.g. Relationship")
    schema.set_defaults(handler=_cmd_schema)

    validate = sub.add_parser("validate", help="read documents and check their rules")
    validate.add_argument("files", nargs="+", help="JSON documents")
    validate.add_argument("--on", type=_iso_date, required=True, help="date judged, YYYY-MM-DD")
    add_common(validate)
    validate.set_defaults(handler=_cmd_validate)

    for name in _SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
    if getattr(args, "store", None) is not None and args.command in _FROM_STORE:
        module, _, name = _FROM_STORE[args.command].partition(":")
        handler = getattr(importlib.import_module(module), name)
    try:
        return handler(args, out if out is not None else sys.stdout)
    except BrokenPipeError:
        # The reader went away (`anhorig demo | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
