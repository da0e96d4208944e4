"""``anhorig plans``: plan commands beyond ``anhorig validate``.

- ``anhorig plans check FILE... [--on DATE] [--policy POLICY.json]`` checks plan
  documents like ``anhorig validate`` does (``-`` and directories too; ``--on`` is
  today in Europe/Stockholm when left out, and printed), under a municipality's
  :class:`~anhorig.plans.PlanPolicy` read from a ``PlanPolicy`` document.
- ``anhorig plans template --municipality NAME --from DATE [--lang en]`` prints an
  implementation plan filled with seed 003's example activities, as JSON (in English
  translation with ``--lang en``).

Exit codes as ``anhorig validate``: 0 valid, 1 findings of error severity,
2 unreadable input.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from anhorig._cli import (
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
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Lang

__all__ = ["configure"]


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.findings import Report
    from anhorig.plans import PlanPolicy, check
    from anhorig.serialization import from_document

    lang: Lang = args.lang
    on = judging_date(args.on)
    policy = None
    if args.policy is not None:
        try:
            policy = read_one(args.policy, lambda data: from_document(PlanPolicy, data))
        except Unreadable as exc:
            return print_unreadable(exc.issues, lang=lang, fmt=args.format, out=out, on=on)

    def check_plan(document: object) -> Report:
        return check(document, on=on.day, policy=policy)  # type: ignore[arg-type]

    return check_files(args.files, check_plan, lang=lang, fmt=args.format, out=out, on=on)


def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.plans import ImplementationPlan
    from anhorig.serialization import to_json

    try:
        plan = ImplementationPlan.template(
            municipality=args.municipality,
            valid_from=args.valid_from,
            valid_until=args.valid_until,
            responsible=args.responsible,
            lang=args.lang,
        )
    except InvalidInput as exc:
        return print_unreadable(
            [Problem(_option_of(p.path), p.message) for p in exc.problems],
            lang=args.lang,
            fmt="human",
            out=out,
        )
    out.write(to_json(plan, indent=2) + "\n")
    return EXIT_OK


def _option_of(path: str) -> str:
    """The option a template's problem comes from (``valid_from`` is ``--from``)."""
    field = path.rpartition(".")[2]
    return {"valid_from": "--from", "valid_until": "--until"}.get(field, f"--{field}")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``check`` and ``template`` to the ``anhorig plans`` parser."""
    sub = parser.add_subparsers(dest="plans_command", required=True)

    check = sub.add_parser(
        "check",
        help=said(
            "pröva plandokument mot en kommunal policy",
            "check plan documents under a municipal policy",
        ),
    )
    check.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=said(
            "plandokument (JSON); - eller en katalog", "plan documents (JSON); - or a directory"
        ),
    )
    add_on(check)
    check.add_argument(
        "--policy",
        help=said(
            "ett PlanPolicy-dokument (JSON) (förval: lagens standardvärden)",
            "a PlanPolicy document (JSON) (default: the law's defaults)",
        ),
    )
    add_common(check)
    check.set_defaults(handler=_cmd_check)

    template = sub.add_parser(
        "template",
        help=said(
            "en implementeringsplan ur exemplen i underlag 003",
            "an implementation plan from seed 003's examples",
        ),
    )
    template.add_argument(
        "--municipality", required=True, help=said("kommunens namn", "the municipality's name")
    )
    template.add_argument(
        "--from",
        dest="valid_from",
        type=iso_date,
        required=True,
        metavar="YYYY-MM-DD",
        help=said("planens första dag", "the plan's first day"),
    )
    template.add_argument(
        "--until",
        dest="valid_until",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help=said(
            "planens sista dag (förval: tills vidare)", "the plan's last day (default: open-ended)"
        ),
    )
    template.add_argument(
        "--responsible",
        default="",
        help=said("ansvarig för varje rad (förval: tom)", "owner of every row (default: empty)"),
    )
    add_lang(
        template,
        "radernas och meddelandenas språk (förval: sv; en är en översättning)",
        "language of the rows' text and of messages (default: sv; en is a translation)",
    )
    template.set_defaults(handler=_cmd_template)
