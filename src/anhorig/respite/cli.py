"""``anhorig respite balance LEDGER.json [--on DATE] [--grant ID] [--as-of INSTANT]``.

Prints, for every grant in a ledger document (or one), the balance of each quota
period: granted, carried over, used, reserved, remaining, over quota. Time before
``--on`` is used and time after it reserved; without ``--on`` nothing is counted
as used yet (the remaining amounts are the same either way). ``--as-of`` reads the
ledger as it stood at that instant.

``--store URL --grant ID`` reads the grant from a store instead (see ``anhorig store``).

Exit codes: 0 no period over a quota that the policy refuses, 1 some period is,
2 unreadable input.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from anhorig._cli import EXIT_FINDINGS, EXIT_OK, EXIT_UNREADABLE, add_common, iso_date
from anhorig.errors import InvalidInput
from anhorig.language import Lang, mask_value

__all__ = ["configure"]


def _masked_ids(balance: dict[str, Any]) -> dict[str, Any]:
    # The grant id is the municipality's own, and may hold a personnummer.
    return {**balance, "grant_id": mask_value(balance["grant_id"])}


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``balance`` to the ``anhorig respite`` parser."""
    inner = parser.add_subparsers(dest="respite_command", required=True)
    balance = inner.add_parser("balance", help="print the balance per quota period")
    balance.add_argument("ledger", nargs="?", help="a Ledger JSON document")
    balance.add_argument("--store", metavar="URL", help="from this store (with --grant)")
    balance.add_argument("--on", type=iso_date, default=None, help="date judged, YYYY-MM-DD")
    balance.add_argument("--grant", default=None, help="only this grant id")
    balance.add_argument(
        "--as-of", dest="as_of", default=None, help="read the ledger as of this ISO instant"
    )
    add_common(balance)
    balance.set_defaults(handler=_cmd_balance)


def _cmd_balance(args: argparse.Namespace, out: TextIO) -> int:
    import sys

    from anhorig._json import read_file
    from anhorig.respite.ledger import Ledger, format_amount
    from anhorig.serialization import from_json
    from anhorig.time import parse_instant

    lang: Lang = args.lang
    if args.ledger is None:
        print("ange en liggarfil / give a ledger file (or --store URL --grant ID)", file=sys.stderr)
        return EXIT_UNREADABLE
    rows: list[dict[str, Any]] = []
    refused = False
    try:
        ledger = from_json(Ledger, read_file(args.ledger))
        as_of = parse_instant(args.as_of, path="--as-of") if args.as_of else None
        grants = [ledger.grant(args.grant)] if args.grant else list(ledger.grants)
        for grant in grants:
            on = args.on if args.on is not None else grant.validity.start
            # The ledger may refuse a date it has no calendar for (InvalidInput).
            for balance in ledger.balances(grant.id, on, as_of=as_of):
                if balance.over_quota and not balance.charged:
                    refused = True
                rows.append({"balance": balance, "grant": grant})
    except OSError as exc:
        print(mask_value(f"{args.ledger}: {exc}"), file=sys.stderr)
        return EXIT_UNREADABLE
    except InvalidInput as exc:
        print(f"{mask_value(args.ledger)}:\n{exc.explain(lang)}", file=sys.stderr)
        return EXIT_UNREADABLE
    if args.format == "json":
        from anhorig.serialization import converter

        json.dump(
            [_masked_ids(converter.unstructure(row["balance"])) for row in rows],
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        head = (
            ("insats", "period", "beviljat", "sparat", "använt", "bokat", "kvar", "över")
            if lang == "sv"
            else ("grant", "period", "granted", "carried", "used", "reserved", "remaining", "over")
        )
        table = [head]
        for row in rows:
            b = row["balance"]
            over = b.show("over_quota", lang) + (
                (" (debiteras)" if lang == "sv" else " (charged)")
                if b.over_quota and b.charged
                else ""
            )
            table.append(
                (
                    mask_value(b.grant_id),
                    f"{b.period.start}–{b.period.last}",
                    b.show("granted", lang),
                    b.show("carried_over", lang),
                    b.show("used", lang),
                    b.show("reserved", lang),
                    format_amount(b.remaining, b.unit, lang),
                    over,
                )
            )
        widths = [max(len(r[i]) for r in table) for i in range(len(head))]
        for r in table:
            out.write("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() + "\n")
    return EXIT_FINDINGS if refused else EXIT_OK
