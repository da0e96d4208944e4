"""``anhorig discharge``: a discharge's checklist and deadlines, and its rules.

- ``anhorig discharge checklist FILE [--on DATE] [--policy POLICY.json] [--lang sv|en]
  [--format human|json]`` prints who to contact, in which order, which deadlines run and
  what each recipient may be told, with the rules' findings. Without ``--on`` the
  document's day of discharge is judged (or, with none planned, the day of its latest
  event): the library reads no clock, and the page always says which day it judged.
- ``anhorig discharge check FILE... [--on DATE] [--policy POLICY.json]`` checks discharge
  documents like ``anhorig validate`` (``-`` and directories too; ``--on`` is today in
  Europe/Stockholm when left out, and printed), under a region's
  :class:`~anhorig.discharge.DischargePolicy`.

``FILE`` may be ``-`` for standard input. Every problem is printed in the command line's
one format (:class:`anhorig._cli.Issue`).

Exit codes as ``anhorig validate``: 0 no finding of error severity, 1 some, 2 unreadable
input.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any, TextIO

from anhorig._cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    Unreadable,
    add_common,
    add_lang,
    add_on,
    check_files,
    iso_date,
    judging_date,
    print_unreadable,
    read_one,
    said,
)
from anhorig._values import date_text
from anhorig.language import Lang

__all__ = ["configure", "default_day"]


def default_day(process: Any) -> date:
    """The day a checklist is judged on when none is given: the day of discharge, else
    the day of the document's latest event."""
    if process.discharge_on is not None:
        day: date = process.discharge_on
        return day
    moments = [process.admission.admitted_at]
    moments += [n.sent_at for n in process.admission_notices]
    moments += [t.sent_at for t in process.transfers]
    for event, name in (
        (process.care_contact, "appointed_at"),
        (process.planning, "held_at"),
        (process.ready_notice, "sent_at"),
        (process.sip_invitation, "sent_at"),
    ):
        if event is not None:
            moments.append(getattr(event, name))
    latest = max(moments)
    return date(latest.year, latest.month, latest.day)


def _read_policy(name: str | None) -> Any:
    """The policy document, or ``None`` for the defaults; `Unreadable` if it cannot be read."""
    from anhorig.discharge.policy import DischargePolicy
    from anhorig.serialization import from_document

    if name is None:
        return None
    return read_one(name, lambda data: from_document(DischargePolicy, data))


def _cmd_checklist(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.discharge.checklist import checklist
    from anhorig.discharge.model import DischargeProcess
    from anhorig.serialization import from_document, to_json

    lang: Lang = args.lang
    fmt = "json" if args.format == "json" else "human"
    try:
        policy = _read_policy(args.policy)
        process = read_one(args.file, lambda data: from_document(DischargeProcess, data))
    except Unreadable as exc:
        return print_unreadable(exc.issues, lang=lang, fmt=fmt, out=out)
    on = args.on if args.on is not None else default_day(process)
    sheet = checklist(process, on=on, policy=policy)
    if fmt == "json":
        out.write(to_json(sheet, indent=2) + "\n")
    else:
        if args.on is None:
            out.write(
                f"(Inget --on angivet: bedömd {date_text(on, 'sv')}, dokumentets "
                "utskrivningsdag eller senaste händelse.)\n"
                if lang == "sv"
                else f"(No --on given: judged on {date_text(on, 'en')}, the document's day of "
                "discharge or latest event.)\n"
            )
        out.write(sheet.render(lang))
    return EXIT_OK if sheet.report.ok else EXIT_FINDINGS


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.discharge.rules import check
    from anhorig.findings import Report

    lang: Lang = args.lang
    on = judging_date(args.on)
    try:
        policy = _read_policy(args.policy)
    except Unreadable as exc:
        return print_unreadable(exc.issues, lang=lang, fmt=args.format, out=out, on=on)

    def check_discharge(document: object) -> Report:
        return check(document, on=on.day, policy=policy)  # type: ignore[arg-type]

    return check_files(args.files, check_discharge, lang=lang, fmt=args.format, out=out, on=on)


def _policy_help() -> str:
    return said(
        "ett DischargePolicy-dokument (JSON) (förval: lagens standardvärden)",
        "a DischargePolicy document (JSON) (default: the law's defaults)",
    )


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``checklist`` and ``check`` to the ``anhorig discharge`` parser."""
    sub = parser.add_subparsers(dest="discharge_command", required=True)

    sheet = sub.add_parser(
        "checklist",
        help=said(
            "vem som ska kontaktas, i vilken ordning, vilka tidsfrister som löper",
            "who to contact, in which order, which deadlines run",
        ),
    )
    sheet.add_argument(
        "file",
        metavar="FILE",
        help=said(
            "ett DischargeProcess-dokument (JSON); - för standard in",
            "a DischargeProcess document (JSON); - for standard input",
        ),
    )
    sheet.add_argument(
        "--on",
        type=iso_date,
        default=None,
        help=said(
            "dag som bedöms (förval: utskrivningsdagen)",
            "date judged (default: the day of discharge)",
        ),
    )
    sheet.add_argument("--policy", help=_policy_help())
    add_lang(sheet)
    sheet.add_argument(
        "--format",
        choices=("human", "json", "text"),
        default="human",
        help=said(
            "utdataformat; text är det gamla namnet på human",
            "output format; text is human's old name",
        ),
    )
    sheet.set_defaults(handler=_cmd_checklist)

    check = sub.add_parser(
        "check",
        help=said(
            "pröva utskrivningsdokument mot en regional policy",
            "check discharge documents under a regional policy",
        ),
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=said(
            "DischargeProcess-dokument (JSON); - eller en katalog",
            "DischargeProcess documents (JSON); - or a directory",
        ),
    )
    add_on(check)
    check.add_argument("--policy", help=_policy_help())
    add_common(check)
    check.set_defaults(handler=_cmd_check)
