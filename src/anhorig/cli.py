"""The ``anhorig`` command.

``anhorig demo`` walks through the core vocabulary on a seed scenario;
``anhorig schema TYPE`` prints a document type's JSON Schema; ``anhorig validate
FILE...`` reads documents and checks them with their rule family. The families add
their own subcommands (``consent check``, ``respite balance``): each is listed in
:data:`anhorig.families.COMMANDS` and configured by its ``cli`` module's
``configure(parser)``, which is imported only when its subcommand is run.

Exit codes: 0 valid, 1 findings of error severity, 2 unreadable input
(:mod:`anhorig._cli`, shared by every subcommand, and listed at the end of every
``--help``). Wherever files are read, ``-`` is standard input and a directory every
``*.json`` file under it; every problem is reported in the one format of
:class:`anhorig._cli.Issue`. Commands that judge on a date take ``--on``, today in
Europe/Stockholm when it is left out, and print the date they judged on. argparse's
own messages follow ``--lang`` (Swedish by default).

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
from typing import Any, NoReturn, TextIO

from anhorig._cli import (
    DEFAULT_WORDS,
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    Issue,
    Unreadable,
    add_common,
    add_lang,
    add_on,
    add_parties,
    check_files,
    epilog,
    help_language,
    iso_date,
    judging_date,
    parser_language,
    print_unreadable,
    reader_with_parties,
    said,
)
from anhorig.families import COMMANDS, checked_document, load
from anhorig.findings import Report, Severity
from anhorig.language import Lang, Text, mask_value, quote

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


def _terminal_columns() -> int:
    """``shutil.get_terminal_size().columns``, the width argparse writes help to, without
    importing shutil (~3 ms of every command's start, issue 14): ``COLUMNS`` when it is a
    positive number, else the width of the terminal of standard output, else 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help that keeps the epilog's lines and shows every option's default."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
        **kwargs: Any,
    ) -> None:
        # argparse's own default, the terminal's width less 2, asked without shutil.
        if width is None:
            width = _terminal_columns() - 2
        super().__init__(prog, indent_increment, max_help_position, width, **kwargs)

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        word = DEFAULT_WORDS[help_language()]
        if (
            word in text
            or not action.option_strings
            or action.default in (None, False, argparse.SUPPRESS)
        ):
            return text
        return text + f" ({word}: %(default)s)"


class _Parser(argparse.ArgumentParser):
    """argparse quotes a bad argument back in its error message; this parser masks it.

    Every parser of the command (the subcommands' too, which argparse makes of the same
    class) shows its defaults and ends its help with the exit codes.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("epilog", epilog(help_language()))
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        super().error(mask_value(message))


def _language_of(argv: Sequence[str]) -> Lang:
    """The ``--lang`` that ``argv`` asks for, read before parsing so that argparse's own
    messages are in it too; Swedish unless English is asked for."""
    for index, word in enumerate(argv):
        if (word == "--lang" and argv[index + 1 : index + 2] == ["en"]) or word == "--lang=en":
            return "en"
    return "sv"


def _cmd_demo(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.demo import run

    code: int = run(out, lang=args.lang, on=args.on)
    return code


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.serialization import document_types, json_schema

    types = document_types()
    if args.type not in types:
        known = ", ".join(sorted(types))
        issue = Issue(
            None,
            "TYPE",
            "INPUT-OPTION",
            Severity.ERROR,
            Text(
                sv=f"okänd dokumenttyp {quote(args.type)}; kända: {known}",
                en=f"unknown document type {quote(args.type)}; known: {known}",
            ),
        )
        print(issue.line(args.lang), file=sys.stderr)
        return EXIT_UNREADABLE
    json.dump(json_schema(types[args.type]), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    on = judging_date(args.on)

    def check(document: object) -> Report:
        family = checker_for(type(document).__name__)
        return family(document, on=on.day) if family else Report()

    read = None
    if args.parties:
        try:
            read = reader_with_parties(args.parties)
        except Unreadable as exc:
            return print_unreadable(exc.issues, lang=args.lang, fmt=args.format, out=out, on=on)
    return check_files(
        args.files, check, lang=args.lang, fmt=args.format, out=out, on=on, read=read
    )


def _command_named(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` runs: its first word that is not an option (the options
    before it, ``--help`` and ``--version``, take no value)."""
    return next((word for word in argv if not word.startswith("-")), None)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser, with every family's subcommands.

    Given the ``argv`` to parse, only the subcommand it runs is configured (its module
    imported); the others are listed with their help alone.
    """
    parser = _Parser(
        prog="anhorig", description=said("Anhörigstöd som regler.", "Carer support as rules.")
    )
    from anhorig._version import __version__

    parser.add_argument(
        "--version",
        action="version",
        version=f"anhorig {__version__}",
        help="visa programmets version och avsluta"
        if help_language() == "sv"
        else "show program's version number and exit",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    demo = sub.add_parser(
        "demo",
        help=said(
            "en genomgång av kärnans begrepp på ett exempelfall ur underlagen",
            "a walk through the core vocabulary on a seed scenario",
        ),
    )
    demo.add_argument(
        "--on",
        type=iso_date,
        default=date(2026, 11, 22),
        metavar="YYYY-MM-DD",
        help=said("dag som bedöms", "date judged"),
    )
    # No --format: the demo is a text for people, and a JSON request is refused, not ignored.
    add_lang(demo)
    demo.set_defaults(handler=_cmd_demo)

    schema = sub.add_parser(
        "schema",
        help=said(
            "skriv ut en dokumenttyps JSON Schema", "print the JSON Schema of a document type"
        ),
    )
    schema.add_argument(
        "type",
        metavar="TYPE",
        help=said("dokumenttyp, t.ex. Relationship", "document type, e.g. Relationship"),
    )
    add_lang(schema)
    schema.set_defaults(handler=_cmd_schema)

    validate = sub.add_parser(
        "validate",
        help=said("läs dokument och pröva deras regler", "read documents and check their rules"),
    )
    validate.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=said(
            "JSON-dokument; - för standard in, eller en katalog",
            "JSON documents; - for standard input, or a directory",
        ),
    )
    add_on(validate)
    add_parties(validate)
    add_common(validate)
    validate.set_defaults(handler=_cmd_validate)

    chosen = None if argv is None else _command_named(argv)
    for command in COMMANDS:
        parser_of_command = sub.add_parser(command.name, help=said(*command.help))
        if argv is None or command.name == chosen:
            load(command.module).configure(parser_of_command)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command; returns the exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    with parser_language(_language_of(words)):
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
