"""``anhorig discharge``: a discharge's checklist and deadlines, and its rules.

- ``anhorig discharge checklist FILE [--on DATE] [--policy POLICY.json] [--lang sv|en]
  [--format text|json]`` prints who to contact, in which order, which deadlines run and
  what each recipient may be told, with the rules' findings. Without ``--on`` the
  document's day of discharge is judged (or, with none planned, the day of its latest
  event): the library reads no clock, and the page always says which day it judged.
- ``anhorig discharge check FILE... --on DATE [--policy POLICY.json]`` checks discharge
  documents like ``anhorig validate``, under a region's
  :class:`~anhorig.discharge.DischargePolicy`.

Exit codes as ``anhorig validate``: 0 no finding of error severity, 1 some, 2 unreadable
input.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from anhorig._cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNREADABLE,
    add_common,
    check_files,
    iso_date,
)
from anhorig.errors import InvalidInput
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


def _read_policy(name: str | None, lang: Lang, out: TextIO) -> Any:
    """The policy document, ``None`` for the defaults, or ``False`` if unreadable."""
    from anhorig.discharge.policy import DischargePolicy
    from anhorig.serialization import from_json

    if name is None:
        return None
    try:
        return from_json(DischargePolicy, Path(name).read_bytes())
    except (OSError, InvalidInput) as exc:
        problems = exc.explain(lang) if isinstance(exc, InvalidInput) else str(exc)
        out.write(f"{name}: {'OLÄSBAR' if lang == 'sv' else 'UNREADABLE'}\n  {problems}\n")
        return False


def _cmd_checklist(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.discharge.checklist import checklist
    from anhorig.discharge.model import DischargeProcess
    from anhorig.serialization import from_json, to_json

    lang: Lang = args.lang
    policy = _read_policy(args.policy, lang, out)
    if policy is False:
        return EXIT_UNREADABLE
    try:
        process = from_json(DischargeProcess, Path(args.file).read_bytes())
    except OSError as exc:
        print(f"{args.file}: {exc.strerror or type(exc).__name__}", file=sys.stderr)
        return EXIT_UNREADABLE
    except InvalidInput as exc:
        print(f"{args.file}: {'OLÄSBAR' if lang == 'sv' else 'UNREADABLE'}", file=sys.stderr)
        print(exc.explain(lang), file=sys.stderr)
        return EXIT_UNREADABLE
    on = args.on if args.on is not None else default_day(process)
    sheet = checklist(process, on=on, policy=policy)
    if args.format == "json":
        out.write(to_json(sheet, indent=2) + "\n")
    else:
        if args.on is None:
            out.write(
                f"(Inget --on angivet: bedömd {on}, dokumentets utskrivningsdag eller senaste händelse.)\n"
                if lang == "sv"
                else f"(No --on given: judged on {on}, the document's day of discharge or latest event.)\n"
            )
        out.write(sheet.render(lang))
    return EXIT_OK if sheet.report.ok else EXIT_FINDINGS


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.discharge.rules import check
    from anhorig.findings import Report

    lang: Lang = args.lang
    policy = _read_policy(args.policy, lang, out)
    if policy is False:
        return EXIT_UNREADABLE

    def check_discharge(document: object) -> Report:
        return check(document, on=args.on, policy=policy)  # type: ignore[arg-type]

    return check_files(args.files, check_discharge, lang=lang, fmt=args.format, out=out)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``checklist`` and ``check`` to the ``anhorig discharge`` parser."""
    sub = parser.add_subparsers(dest="discharge_command", required=True)

    sheet = sub.add_parser("checklist", help="who to contact, in which order, which deadlines run")
    sheet.add_argument("file", help="a DischargeProcess document (JSON)")
    sheet.add_argument(
        "--on", type=iso_date, default=None, help="date judged (default: the day of discharge)"
    )
    sheet.add_argument(
        "--policy", help="a DischargePolicy document (JSON); the law's defaults if left out"
    )
    sheet.add_argument("--lang", choices=("sv", "en"), default="sv", help="language")
    sheet.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    sheet.set_defaults(handler=_cmd_checklist)

    check = sub.add_parser("check", help="check discharge documents under a regional policy")
    check.add_argument("files", nargs="+", help="DischargeProcess documents (JSON)")
    check.add_argument("--on", type=iso_date, required=True, help="date judged, YYYY-MM-DD")
    check.add_argument(
        "--policy", help="a DischargePolicy document (JSON); the law's defaults if left out"
    )
    add_common(check)
    check.set_defaults(handler=_cmd_check)
