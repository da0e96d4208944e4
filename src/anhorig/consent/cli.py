"""``anhorig consent check``: decide a request from consent documents, from the command line.

::

    anhorig consent check --request request.json consents.json [more.json ...]
    anhorig consent check --request request.json --format json --lang en consents.json

Each consent file holds one document or a JSON list of documents: anhorig documents
(``Consent``, ``Revocation``, ``Block``, ``BlockLift``, ``HarmAssessment``) or FHIR ``Consent``
resources (R4, R4B or R5) and Bundles of them, read strictly. The request file holds a ``DisclosureRequest`` document.
A consent file may be ``-`` for standard input, or a directory of ``*.json`` files.
The decision is printed with its basis, obligations and reasons, and the line for
the journal; a file that cannot be read is reported in the command line's one format
(:class:`anhorig._cli.Issue`: the file, and the JSON path within it).
Exit codes: 0 permitted, 1 denied or no basis, 2 unreadable input.
"""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from anhorig._cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    Issue,
    Unreadable,
    add_common,
    expand_inputs,
    print_unreadable,
    read_one,
    said,
)
from anhorig.consent.audit import AuditRecord
from anhorig.consent.engine import Combining, ConsentRecord, DecisionPolicy, evaluate
from anhorig.consent.fhir import read_fhir
from anhorig.consent.model import (
    Block,
    BlockLift,
    Consent,
    DisclosureRequest,
    HarmAssessment,
    Revocation,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Lang, mask_value
from anhorig.serialization import from_document, to_document

__all__ = ["configure", "read_fhir_document", "run_check"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add ``check`` to the ``anhorig consent`` parser."""
    sub = parser.add_subparsers(dest="consent_command", required=True)
    check = sub.add_parser(
        "check",
        help=said(
            "avgör en begäran om utlämnande utifrån samtyckesdokument",
            "decide a disclosure request from consent documents",
        ),
    )
    check.add_argument(
        "--request",
        required=True,
        help=said(
            "ett DisclosureRequest-dokument; - för standard in",
            "a DisclosureRequest document; - for standard input",
        ),
    )
    check.add_argument(
        "consents",
        nargs="*",
        metavar="CONSENTS",
        help=said(
            "samtyckesdokument (anhorig eller FHIR); - för standard in, eller en katalog",
            "consent documents (anhorig or FHIR); - for standard input, or a directory",
        ),
    )
    check.add_argument(
        "--combining",
        choices=[c.value for c in Combining],
        default=Combining.DENY_OVERRIDES.value,
        help=said(
            "hur samtycken som strider mot varandra vägs samman", "how conflicting consents combine"
        ),
    )
    check.add_argument(
        "--store",
        metavar="URL",
        help=said(
            "avgör utifrån den här databasen i stället för filer",
            "decide from this store instead of files",
        ),
    )
    add_common(check)
    check.set_defaults(handler=run_check)


def _records_of(data: object) -> list[ConsentRecord]:
    """The consent records in one file's JSON: one document, or a list of them."""
    documents = data if isinstance(data, list) else [data]
    records: list[ConsentRecord] = []
    problems: list[Problem] = []
    for index, document in enumerate(documents):
        where = f"$[{index}]" if isinstance(data, list) else "$"
        try:
            if isinstance(document, dict) and "resourceType" in document:
                records.extend(r.consent for r in read_fhir(document) if r.consent is not None)
                continue
            record: object = from_document(None, document)
        except InvalidInput as exc:
            problems.extend(p.under(where) for p in exc.problems)
            continue
        if not isinstance(record, Consent | Revocation | Block | BlockLift | HarmAssessment):
            problems.extend(
                InvalidInput.at(
                    f"{where}.type",
                    sv=f"väntade ett samtyckesdokument, fick {type(record).__name__}",
                    en=f"expected a consent document, got {type(record).__name__}",
                ).problems
            )
            continue
        records.append(record)
    if problems:
        raise InvalidInput(problems)
    return records


def read_fhir_document(data: Any) -> Consent | None:
    """The one consent in a FHIR ``Consent`` or ``Bundle`` (loaded JSON), for ``anhorig
    validate``; a Bundle of several is refused, pointing to ``anhorig consent check``."""
    readings = read_fhir(data)
    if len(readings) != 1:
        raise InvalidInput.at(
            "$.entry",
            sv=f"{len(readings)} samtycken i Bundlen; pröva dem med 'anhorig consent check'",
            en=f"{len(readings)} consents in the Bundle; check them with 'anhorig consent check'",
        )
    return readings[0].consent


def _read_request(name: str) -> DisclosureRequest:
    return read_one(name, lambda data: from_document(DisclosureRequest, data))  # type: ignore[no-any-return]


def _masked_ids(decision: dict[str, Any]) -> dict[str, Any]:
    # The vendor's consent and assessment ids, shown masked like any other input.
    def masked(basis: dict[str, Any]) -> dict[str, Any]:
        return {
            key: mask_value(value) if key.endswith("_id") and isinstance(value, str) else value
            for key, value in basis.items()
        }

    return {**decision, "basis": [masked(b) for b in decision["basis"]]}


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """Handle ``anhorig consent check``; returns the exit code."""
    lang: Lang = args.lang
    issues: list[Issue] = []
    request = None
    try:
        request = _read_request(args.request)
    except Unreadable as exc:
        issues.extend(exc.issues)
    records: list[ConsentRecord] = []
    for name in expand_inputs(args.consents):
        try:
            records.extend(read_one(name, _records_of))
        except Unreadable as exc:
            issues.extend(exc.issues)
    if issues or request is None:
        return print_unreadable(issues, lang=lang, fmt=args.format, out=out)
    try:
        decision = evaluate(
            request, records, policy=DecisionPolicy(combining=Combining(args.combining))
        )
    except InvalidInput as exc:
        return print_unreadable(exc.problems, lang=lang, fmt=args.format, out=out)
    record = AuditRecord.of(request, decision)
    if args.format == "json":
        json.dump(
            {
                "readable": True,
                "outcome": decision.outcome.value,
                "permitted": decision.permitted,
                "explanation": decision.explain(lang),
                "journal": record.journal_text(lang),
                "decision": _masked_ids(to_document(decision)),
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
