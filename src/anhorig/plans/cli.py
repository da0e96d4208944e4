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
import json
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from anhorig.errors import InvalidInput
from anhorig.language import Lang

__all__ = ["register"]

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.plans import Plan, PlanPolicy, check
    from anhorig.serialization import from_json

    lang: Lang = args.lang
    policy = None
    if args.policy is not None:
        try:
            policy = from_json(PlanPolicy, Path(args.policy).read_bytes())
        except (OSError, InvalidInput) as exc:
            problems = exc.explain(lang) if isinstance(exc, InvalidInput) else str(exc)
            out.write(
                f"{args.policy}: {'OLÄSBAR' if lang == 'sv' else 'UNREADABLE'}\n  {problems}\n"
            )
            return EXIT_UNREADABLE
    worst = EXIT_OK
    results: list[dict[str, Any]] = []
    for name in args.files:
        try:
            plan: Plan = from_json(None, Path(name).read_bytes())
            report = check(plan, on=args.on, policy=policy)
        except OSError as exc:
            results.append({"file": name, "readable": False, "problems": [str(exc)]})
            worst = EXIT_UNREADABLE
            continue
        except InvalidInput as exc:
            results.append(
                {
                    "file": name,
                    "readable": False,
                    "problems": [p.explain(lang) for p in exc.problems],
                }
            )
            worst = EXIT_UNREADABLE
            continue
        if not report.ok and worst == EXIT_OK:
            worst = EXIT_FINDINGS
        results.append(
            {
                "file": name,
                "readable": True,
                "type": type(plan).__name__,
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
                "explained": [f.explain(lang) for f in report],
            }
        )
    if args.format == "json":
        for result in results:
            result.pop("explained", None)
        json.dump(results, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return worst
    for result in results:
        if not result["readable"]:
            out.write(f"{result['file']}: {'OLÄSBAR' if lang == 'sv' else 'UNREADABLE'}\n")
            out.writelines(f"  {p}\n" for p in result["problems"])
            continue
        valid = (
            ("giltig" if lang == "sv" else "valid")
            if result["ok"]
            else ("ogiltig" if lang == "sv" else "invalid")
        )
        out.write(f"{result['file']}: {result['type']} {valid}\n")
        out.writelines(f"  {line}\n" for line in result["explained"])
    return worst


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


def register(subparsers: Any) -> None:
    """Add ``anhorig plans check`` and ``anhorig plans template``."""
    from anhorig.cli import add_common

    plans = subparsers.add_parser("plans", help="support plans: check under a policy, templates")
    sub = plans.add_subparsers(dest="plans_command", required=True)

    check = sub.add_parser("check", help="check plan documents under a municipal policy")
    check.add_argument("files", nargs="+", help="plan documents (JSON)")
    check.add_argument("--on", type=_iso_date, required=True, help="date judged, YYYY-MM-DD")
    check.add_argument("--policy", help="a PlanPolicy document (JSON); defaults if left out")
    add_common(check)
    check.set_defaults(handler=_cmd_check)

    template = sub.add_parser("template", help="an implementation plan from seed 003's examples")
    template.add_argument("--municipality", required=True, help="the municipality's name")
    template.add_argument(
        "--from", dest="valid_from", type=_iso_date, required=True, help="YYYY-MM-DD"
    )
    template.add_argument(
        "--until", dest="valid_until", type=_iso_date, default=None, help="YYYY-MM-DD"
    )
    template.add_argument("--responsible", default="", help="owner of every row (default: empty)")
    template.add_argument("--lang", choices=("sv", "en"), default="sv", help="message language")
    template.set_defaults(handler=_cmd_template)
