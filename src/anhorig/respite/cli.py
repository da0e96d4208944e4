"""``anhorig respite balance LEDGER.json [--on DATE] [--grant ID] [--as-of INSTANT]``.

Prints, for every grant in a ledger document (or one), the balance of each quota
period: granted, carried over, used, reserved, remaining, over quota. Time before
``--on`` is used and time after it reserved; ``--on`` is today in Europe/Stockholm when
it is left out, and the date is printed either way (the remaining amounts are the same
whichever day is asked about). ``--as-of`` reads the ledger as it stood at that instant.
The ledger file may be ``-`` for standard input.

Amounts say their unit: the table shows ``10 h 30 min`` or ``3 dygn``, and the JSON
names each amount for its unit (``granted_seconds`` and ``granted_hours``, or
``granted_dygn``; see `anhorig.respite.Balance.amounts`). A period is shown from its
first day through its last (*t.o.m.*); the JSON gives ``start``, ``last`` and
``end_exclusive``, the first day after it.

``--store URL --grant ID`` reads the grant from a store instead (see ``anhorig store``).

Exit codes: 0 no period over a quota that the policy refuses, 1 some period is,
2 unreadable input.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from typing import Any, TextIO

from anhorig._cli import (
    CODE_OPTION,
    EXIT_FINDINGS,
    EXIT_OK,
    Issue,
    JudgingDate,
    Unreadable,
    add_common,
    add_on,
    judging_date,
    option_issues,
    print_unreadable,
    read_one,
    said,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Lang, mask_value

__all__ = ["balance_json", "balance_table", "configure", "print_balances"]


def balance_json(balance: Any, *, mask: bool = True) -> dict[str, Any]:
    """One balance as ``respite balance --format json`` writes it: the period with its
    last day and its exclusive end, and every amount named for its unit."""
    # The grant id is the municipality's own, and may hold a personnummer.
    period = balance.period
    return {
        "grant_id": mask_value(balance.grant_id) if mask else balance.grant_id,
        "period": {
            "start": period.start.isoformat(),
            "last": period.last.isoformat(),
            "end_exclusive": period.end.isoformat() if period.end is not None else None,
        },
        "unit": balance.unit.value,
        **{k: _number(v) for k, v in balance.amounts().items()},
        "charged": balance.charged,
    }


def _number(value: int | Decimal) -> int | float:
    # A Decimal of at most two decimals: its float prints the same digits.
    return (
        value
        if isinstance(value, int)
        else int(value)
        if value == value.to_integral()
        else float(value)
    )


def balance_table(balances: list[Any], lang: Lang, *, mask: bool = True) -> str:
    """The table ``respite balance`` prints: amounts with their unit, periods through
    their last day."""
    from anhorig.respite.ledger import format_amount

    head = (
        ("insats", "period (t.o.m.)", "beviljat", "sparat", "använt", "bokat", "kvar", "över")
        if lang == "sv"
        else (
            "grant",
            "period (through)",
            "granted",
            "carried",
            "used",
            "reserved",
            "remaining",
            "over",
        )
    )
    charged = " (debiteras)" if lang == "sv" else " (charged)"
    table = [head] + [
        (
            mask_value(b.grant_id) if mask else b.grant_id,
            f"{b.period.start}–{b.period.last}",
            b.show("granted", lang),
            b.show("carried_over", lang),
            b.show("used", lang),
            b.show("reserved", lang),
            format_amount(b.net, b.unit, lang),
            b.show("over_quota", lang) + (charged if b.over_quota and b.charged else ""),
        )
        for b in balances
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    return "".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() + "\n"
        for row in table
    )


def print_balances(
    balances: list[Any], on: JudgingDate, *, lang: Lang, fmt: str, out: TextIO, mask: bool = True
) -> int:
    """Print the balances with the date they were judged on; returns the exit code."""
    refused = any(b.over_quota and not b.charged for b in balances)
    if fmt == "json":
        json.dump(
            {**on.to_json(), "balances": [balance_json(b, mask=mask) for b in balances]},
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        out.write(on.line(lang) + "\n")
        out.write(balance_table(balances, lang, mask=mask))
    return EXIT_FINDINGS if refused else EXIT_OK


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``balance`` to the ``anhorig respite`` parser."""
    inner = parser.add_subparsers(dest="respite_command", required=True)
    balance = inner.add_parser(
        "balance",
        help=said("skriv ut saldot per kvotperiod", "print the balance per quota period"),
    )
    balance.add_argument(
        "ledger",
        nargs="?",
        metavar="LEDGER",
        help=said(
            "ett Ledger-dokument (JSON); - för standard in",
            "a Ledger JSON document; - for standard input",
        ),
    )
    balance.add_argument(
        "--store",
        metavar="URL",
        help=said("ur den här databasen (med --grant)", "from this store (with --grant)"),
    )
    add_on(balance)
    balance.add_argument(
        "--grant",
        default=None,
        help=said(
            "bara den här insatsen (förval: varje insats)",
            "only this grant id (default: every grant)",
        ),
    )
    balance.add_argument(
        "--as-of",
        dest="as_of",
        default=None,
        metavar="INSTANT",
        help=said(
            "läs liggaren som den var vid den här tidpunkten (ISO 8601, med tidszon; "
            "förval: allt som registrerats)",
            "read the ledger as it was at this instant (ISO 8601, with its offset; "
            "default: everything recorded)",
        ),
    )
    add_common(balance)
    balance.set_defaults(handler=_cmd_balance)


def _cmd_balance(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.respite.ledger import Ledger
    from anhorig.serialization import from_document
    from anhorig.time import parse_instant

    lang: Lang = args.lang
    on = judging_date(args.on)
    if args.ledger is None:
        problem = Problem.make(
            "LEDGER",
            sv="ange en liggarfil (eller --store URL --grant ID)",
            en="give a ledger file (or --store URL --grant ID)",
        )
        return print_unreadable(
            [Issue.of_problem(problem, file=None, code=CODE_OPTION)],
            lang=lang,
            fmt=args.format,
            out=out,
            on=on,
        )
    try:
        ledger = read_one(args.ledger, lambda data: from_document(Ledger, data))
    except Unreadable as exc:
        return print_unreadable(exc.issues, lang=lang, fmt=args.format, out=out, on=on)
    balances = []
    try:
        as_of = parse_instant(args.as_of, path="--as-of") if args.as_of else None
        grants = [_grant(ledger, args.grant)] if args.grant else list(ledger.grants)
        for grant in grants:
            # The ledger may refuse a date it has no calendar for (InvalidInput).
            balances.extend(ledger.balances(grant.id, on.day, as_of=as_of))
    except InvalidInput as exc:
        return print_unreadable(option_issues(exc), lang=lang, fmt=args.format, out=out, on=on)
    return print_balances(balances, on, lang=lang, fmt=args.format, out=out)


def _grant(ledger: Any, grant_id: str) -> Any:
    """The grant ``--grant`` names; an unknown id is a problem of that option."""
    try:
        return ledger.grant(grant_id)
    except InvalidInput as exc:
        raise InvalidInput(Problem("--grant", p.message) for p in exc.problems) from None
