"""``anhorig store``: import documents into a store, export one person's, purge; and the
``--store URL`` variants of ``anhorig consent check`` and ``anhorig respite balance``.

::

    anhorig store import sqlite:///anhorig.db consents.json ledger.json
    anhorig store import sqlite:///anhorig.db --parties parties.json region-bundle.json
    anhorig store export sqlite:///anhorig.db --person 19391225-0028 [--fhir]
    anhorig store purge sqlite:///anhorig.db --person 19391225-0028 --before 2021-01-01 \\
        --reason "gallring efter 5 år" --by hsa-17
    anhorig consent check --store sqlite:///anhorig.db --request request.json
    anhorig respite balance --store sqlite:///anhorig.db --grant G-1 --on 2026-03-01

``import`` reads anhorig documents (one, or a JSON list), FHIR ``Consent`` resources and
Bundles (their references resolved from ``--parties`` files after the resource's own
contained resources and Bundle, as ``anhorig consent check`` does), and ``Ledger`` documents (their policies, units, grants and entries) and appends everything in
one transaction: all of it, or nothing. ``export`` prints everything about one person as
a JSON list (the person's own right of access: it is the one command that shows personal
data in full, because that is what it is for).

Exit codes: 0 done (permitted, within quota), 1 not permitted or over a refused quota,
2 unreadable input (a bad file, a refused record, a store that cannot be opened).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from anhorig._cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    Issue,
    Unreadable,
    add_common,
    add_parties,
    expand_inputs,
    iso_date,
    judging_date,
    print_unreadable,
    read_one,
    said,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Lang

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["configure", "consent_check", "respite_balance"]


def _url_help() -> str:
    return said(
        "databasens adress: sqlite:///sökväg eller postgresql://...",
        "the store's address: sqlite:///path or postgresql://...",
    )


def _person_help() -> str:
    return said("personnummer eller samordningsnummer", "personnummer or samordningsnummer")


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``import``, ``export`` and ``purge`` to the ``anhorig store`` parser."""
    inner = parser.add_subparsers(dest="store_command", required=True)
    load = inner.add_parser(
        "import",
        help=said(
            "lägg till dokument i en databas, alla eller inga",
            "append documents to a store, all or nothing",
        ),
    )
    load.add_argument("url", metavar="URL", help=_url_help())
    load.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help=said(
            "JSON-dokument (anhorig, FHIR Consent, Ledger); - för standard in, eller en katalog",
            "JSON documents (anhorig, FHIR Consent, Ledger); - for standard input, or a directory",
        ),
    )
    add_parties(load)
    add_common(load)
    load.set_defaults(handler=_cmd_import)
    export = inner.add_parser(
        "export",
        help=said("allt om en person, som JSON", "everything about one person, as JSON"),
    )
    export.add_argument("url", metavar="URL", help=_url_help())
    export.add_argument("--person", required=True, help=_person_help())
    export.add_argument(
        "--fhir",
        action="store_true",
        help=said("samtycken som FHIR R5-resurser", "consents as FHIR R5 resources"),
    )
    add_common(export)
    export.set_defaults(handler=_cmd_export)
    purge = inner.add_parser(
        "purge",
        help=said(
            "gallring: ta bort en persons uppgifter som är äldre än en dag",
            "gallring: remove a person's records older than a date",
        ),
    )
    purge.add_argument("url", metavar="URL", help=_url_help())
    purge.add_argument("--person", required=True, help=_person_help())
    purge.add_argument(
        "--before",
        required=True,
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=said(
            "ta bort det som registrerats före den här dagen",
            "remove what was recorded before this day",
        ),
    )
    purge.add_argument(
        "--reason",
        required=True,
        help=said(
            "gallringsregeln som tillämpas (inga personuppgifter)",
            "the rule applied (no personal data)",
        ),
    )
    purge.add_argument(
        "--by", required=True, help=said("handläggarens personal-id", "the operator's staff id")
    )
    add_common(purge)
    purge.set_defaults(handler=_cmd_purge)


def _stored_records(record: object, _where: str) -> Sequence[Any]:
    """What a store keeps of an anhorig document: a Ledger's records one by one."""
    from anhorig.respite import Ledger

    if isinstance(record, Ledger):
        return (*record.policies, *record.units, *record.grants, *record.entries)
    return (record,)


def _cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.store import open_store

    lang: Lang = args.lang
    issues: list[Issue] = []
    records: list[Any] = []
    from anhorig.consent.cli import parties_resolver, records_in

    resolve = parties_resolver(args.parties, issues)
    # The same strict reading as every other entry point: a repeated key or a lone
    # surrogate must not change what is stored.
    for name in expand_inputs(args.files):
        try:
            records.extend(read_one(name, lambda data: records_in(data, resolve, _stored_records)))
        except Unreadable as exc:
            issues.extend(exc.issues)
    if issues:
        return print_unreadable(issues, lang=lang, fmt=args.format, out=out)
    try:
        with open_store(args.url) as store:
            done = store.append(records)
    except InvalidInput as exc:
        return print_unreadable(_options(exc), lang=lang, fmt=args.format, out=out)
    if args.format == "json":
        json.dump({"added": done.added, "already": done.already}, out)
        out.write("\n")
    elif lang == "sv":
        out.write(f"{done.added} poster tillagda, {done.already} fanns redan\n")
    else:
        out.write(f"{done.added} records added, {done.already} already there\n")
    return EXIT_OK


_OPTION_OF = {"store": "URL", "id": "--person", "before": "--before", "as_of": "--as-of"}
"""The argument a problem with the store or an argument comes from, by its path."""


def _options(exc: InvalidInput) -> list[Problem]:
    """``exc``'s problems, those of an argument at the argument's name (``URL``,
    ``--person``); a record's own problems keep their path."""
    return [
        Problem(_OPTION_OF[p.path.removeprefix("$.")], p.message)
        if p.path.removeprefix("$.") in _OPTION_OF
        else p
        for p in exc.problems
    ]


def _person(text: str) -> Any:
    from anhorig.people import PersonId

    return PersonId.parse(text)


def _cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.store import open_store

    try:
        person = _person(args.person)
        with open_store(args.url) as store:
            documents = store.export(person, fhir=args.fhir)
    except InvalidInput as exc:
        return print_unreadable(
            _options(exc),
            lang=args.lang,
            fmt=args.format,
            out=out,
        )
    json.dump(documents, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return EXIT_OK


def _cmd_purge(args: argparse.Namespace, out: TextIO) -> int:
    from anhorig.store import open_store

    lang: Lang = args.lang
    try:
        person = _person(args.person)
        with open_store(args.url) as store:
            done = store.purge(person, before=args.before, reason=args.reason, by=args.by)
    except InvalidInput as exc:
        return print_unreadable(_options(exc), lang=lang, fmt=args.format, out=out)
    if args.format == "json":
        json.dump({"purge": done.id, "before": done.before.isoformat(), "counts": done.counts}, out)
        out.write("\n")
    else:
        counts = ", ".join(f"{kind} {n}" for kind, n in done.counts.items()) or "0"
        head = "gallrat" if lang == "sv" else "purged"
        out.write(f"{head} (#{done.id}, {done.before}): {counts}\n")
    return EXIT_OK


# --- ``--store URL`` on the families' commands ---------------------------------------------


def consent_check(args: argparse.Namespace, out: TextIO) -> int:
    """``anhorig consent check --store URL --request FILE``: decide from the store."""
    from anhorig.consent import AuditRecord, Combining, DecisionPolicy, DisclosureRequest
    from anhorig.serialization import from_document, to_document
    from anhorig.store import open_store

    lang: Lang = args.lang
    both: list[Problem] = []
    if args.consents:
        both.append(
            Problem.make(
                "--store",
                sv="ange antingen --store eller samtyckesfiler, inte båda",
                en="give either --store or consent files, not both",
            )
        )
    if getattr(args, "parties", None):
        both.append(
            Problem.make(
                "--parties",
                sv="--parties gäller samtyckesfiler i FHIR; en databas har sina parter i sig",
                en="--parties is for FHIR consent files; a store holds its own parties",
            )
        )
    if both:
        return print_unreadable(both, lang=lang, fmt=args.format, out=out)
    try:
        request = read_one(args.request, lambda data: from_document(DisclosureRequest, data))
    except Unreadable as exc:
        return print_unreadable(exc.issues, lang=lang, fmt=args.format, out=out)
    try:
        policy = DecisionPolicy(combining=Combining(args.combining))
        with open_store(args.store) as store:
            decision = store.registry(policy=policy, cache_size=8).decide(request)
    except InvalidInput as exc:
        return print_unreadable(_options(exc), lang=lang, fmt=args.format, out=out)
    record = AuditRecord.of(request, decision)
    if args.format == "json":
        json.dump(
            {
                "readable": True,
                "outcome": decision.outcome.value,
                "permitted": decision.permitted,
                "explanation": decision.explain(lang),
                "journal": record.journal_text(lang),
                "decision": to_document(decision),
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        out.write(decision.explain(lang) + "\n")
        out.write("journal: " + record.journal_text(lang) + "\n")
    return EXIT_OK if decision.permitted else EXIT_FINDINGS


def respite_balance(args: argparse.Namespace, out: TextIO) -> int:
    """``anhorig respite balance --store URL --grant ID``: balances from the store."""
    from anhorig.respite.cli import print_balances
    from anhorig.store import open_store
    from anhorig.time import parse_instant

    lang: Lang = args.lang
    on = judging_date(args.on)
    if args.ledger is not None or args.grant is None:
        return print_unreadable(
            [
                Problem.make(
                    "--store",
                    sv="med --store anges --grant och ingen liggarfil",
                    en="with --store, give --grant and no ledger file",
                )
            ],
            lang=lang,
            fmt=args.format,
            out=out,
            on=on,
        )
    try:
        as_of = parse_instant(args.as_of, path="--as-of") if args.as_of else None
        with open_store(args.store) as store:
            ledger = store.ledger(cache_size=1)
            grant = ledger.grant(args.grant)
            balances = ledger.balances(grant.id, on.day, as_of=as_of)
    except InvalidInput as exc:
        return print_unreadable(_options(exc), lang=lang, fmt=args.format, out=out, on=on)
    # The store's own grant ids are shown as stored, as before.
    return print_balances(list(balances), on, lang=lang, fmt=args.format, out=out, mask=False)
