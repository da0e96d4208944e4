"""The ``anhorig`` command.

``anhorig demo`` walks through the core vocabulary on a seed scenario;
``anhorig schema TYPE`` prints a document type's JSON Schema; ``anhorig validate
FILE...`` reads documents and checks them with their rule family. The families add
their own subcommands (``consent check``, ``respite balance``): each is listed in
:data:`anhorig.families.COMMANDS` and configured by its ``cli`` module's
``configure(parser)``, which is imported only when its subcommand is run.

Exit codes: 0 valid, 1 findings of error severity, 2 unreadable input
(:mod:`anhorig._cli`, shared by every subcommand).

What the commands print about their input is masked (`anhorig.language.mask_value`):
file names, ids and bad arguments quoted back show no personnummer and no name.
Documents a command is asked to write (``plans template``, the JSON part of ``demo``)
are written in full.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import NoReturn, TextIO

from anhorig._cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_common,
    check_files,
    iso_date,
)
from anhorig.families import COMMANDS, checked_document, load
from anhorig.findings import Report
from anhorig.language import mask_value, quote

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


def checker_for(type_name: str) -> Callable[..., Report] | None:
    """The rule family's ``check`` for documents of ``type_name``, if it has one."""
    checked = checked_document(type_name)
    if checked is None:
        return None
    check: Callable[..., Report] = load(checked[0].check)
    return check


class _Parser(argparse.ArgumentParser):
    """argparse quotes a bad argument back in its error message; this parser masks it."""

    def error(self, message: str) -> NoReturn:
        super().error(mask_value(message))


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


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    def check(document: object) -> Report:
        family = checker_for(type(document).__name__)
        return family(document, on=args.on) if family else Report()

    return check_files(args.files, check, lang=args.lang, fmt=args.format, out=out)


def _command_named(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` runs: its first word that is not an option (the options
    before it, ``--help`` and ``--version``, take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, with every family's subcommands.

    Given the ``argv`` to parse, only the subcommand it runs is configured (its module
    imported); the others are listed with their help alone.
    """
    parser = _Parser(prog="anhorig", description="Anhörigstöd som regler / carer support as rules.")
    from anhorig._version import __version__

    parser.add_argument("--version", action="version", version=f"anhorig {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser("demo", help="a walk through the core vocabulary on a seed scenario")
    demo.add_argument("--on", type=iso_date, default=date(2026, 11, 22), help="date judged")
    add_common(demo)
    demo.set_defaults(handler=_cmd_demo)

    schema = sub.add_parser("schema", help="print the JSON Schema of a document type")
    schema.add_argument("type", help="document type, e.g. Relationship")
    schema.set_defaults(handler=_cmd_schema)

    validate = sub.add_parser("validate", help="read documents and check their rules")
    validate.add_argument("files", nargs="+", help="JSON documents")
    validate.add_argument("--on", type=iso_date, required=True, help="date judged, YYYY-MM-DD")
    add_common(validate)
    validate.set_defaults(handler=_cmd_validate)

    chosen = None if argv is None else _command_named(argv)
    for command in COMMANDS:
        parser_of_command = sub.add_parser(command.name, help=command.help)
        if argv is None or command.name == chosen:
            load(command.module).configure(parser_of_command)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command; returns the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(words).parse_args(words)
    handler: Callable[[argparse.Namespace, TextIO], int] = args.handler
    from_store = {c.name: c.from_store for c in COMMANDS if c.from_store is not None}
    if getattr(args, "store", None) is not None and args.command in from_store:
        handler = load(from_store[args.command])
    try:
        return handler(args, out if out is not None else sys.stdout)
    except BrokenPipeError:
        # The reader went away (`anhorig demo | head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
