"""``anhorig plans``: plan commands beyond ``anhorig validate``.

- ``anhorig plans check FILE... --on DATE [--policy POLICY.json]`` checks plan
  documents like ``anhorig validate`` does, under a municipality's
  :class:`~anhorig.plans.PlanPolicy` read from a ``PlanPolicy`` document.
- ``anhorig plans template --municipality NAME --from DATE`` prints an
  implementation plan filled with seed 003's example activities, as JSON.

Exit codes as ``anhorig validate``: 0 valid, 1 findings of error severity,
2 unreadable input.
"""

from __future__ import annotations

import argparse
from typing import TextIO

from anhorig._cli import EXIT_OK, EXIT_UNREADABLE, add_common, check_files, iso_date
from anhorig.errors import InvalidInput
from anhorig.language import Lang, mask_value

__all__ = ["configure"]


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig._json import read_file
    from anhorig.findings import Report
    from anhorig.plans import PlanPolicy, check
    from anhorig.serialization import from_json

    lang: Lang = args.lang
    policy = None
    if args.policy is not None:
        try:
            policy = from_json(PlanPolicy, read_file(args.policy))
        except (OSError, InvalidInput) as exc:
            problems = exc.explain(lang) if isinstance(exc, InvalidInput) else str(exc)
            out.write(
                mask_value(f"{args.policy}: {'OLÄSBAR' if lang == 'sv' else 'UNREADABLE'}")
                + f"\n  {mask_value(problems)}\n"
            )
            return EXIT_UNREADABLE

    def check_plan(document: object) -> Report:
        return check(document, on=args.on, policy=policy)  # type: ignore[arg-type]

    return check_files(args.files, check_plan, lang=lang, fmt=args.format, out=out)


def _cmd_template(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.plans import ImplementationPlan
    from anhorig.serialization import to_json

    try:
        plan = ImplementationPlan.template(
            municipality=args.municipality,
            valid_from=args.valid_from,
            valid_until=args.valid_until,
            responsible=args.responsible,
        )
    except InvalidInput as exc:
        out.write(exc.explain(args.lang) + "\n")
        return EXIT_UNREADABLE
    out.write(to_json(plan, indent=2) + "\n")
    return EXIT_OK


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``check`` and ``template`` to the ``anhorig plans`` parser."""
    sub = parser.add_subparsers(dest="plans_command", required=True)

    check = sub.add_parser("check", help="check plan documents under a municipal policy")
    check.add_argument("files", nargs="+", help="plan documents (JSON)")
    check.add_argument("--on", type=iso_date, required=True, help="date judged, YYYY-MM-DD")
    check.add_argument("--policy", help="a PlanPolicy document (JSON); defaults if left out")
    add_common(check)
    check.set_defaults(handler=_cmd_check)

    template = sub.add_parser("template", help="an implementation plan from seed 003's examples")
    template.add_argument("--municipality", required=True, help="the municipality's name")
    template.add_argument(
        "--from", dest="valid_from", type=iso_date, required=True, help="YYYY-MM-DD"
    )
    template.add_argument(
        "--until", dest="valid_until", type=iso_date, default=None, help="YYYY-MM-DD"
    )
    template.add_argument("--responsible", default="", help="owner of every row (default: empty)")
    template.add_argument("--lang", choices=("sv", "en"), default="sv", help="message language")
    template.set_defaults(handler=_cmd_template)
