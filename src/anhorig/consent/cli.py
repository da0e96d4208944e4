"""``anhorig consent check``: decide a request from consent documents, from the command line.

::

    anhorig consent check --request request.json consents.json [more.json ...]
    anhorig consent check --request request.json --format json --lang en consents.json
    anhorig consent check --request request.json --parties parties.json consent.fhir.json

Each consent file holds one document or a JSON list of documents: anhorig documents
(``Consent``, ``Revocation``, ``Block``, ``BlockLift``, ``HarmAssessment``) or FHIR ``Consent``
resources (R4, R4B or R5) and Bundles of them, read strictly. A FHIR consent's references
(``Organization/f001``) are resolved from its ``contained`` resources, its Bundle, and the
``--parties`` files: FHIR ``Organization``, ``Patient``, ``Practitioner``,
``PractitionerRole``, ``RelatedPerson`` and ``Person`` resources (one, a JSON list or a
Bundle), or anhorig ``Organisation`` documents, which resolve ``Organization/<id>``. An
Organization's principal and sector come from anhorig's extensions or from its ``type``
codes in the mapping tables; what they do not say is refused, naming the reference.
The request file holds a ``DisclosureRequest`` document.
A consent file may be ``-`` for standard input, or a directory of ``*.json`` files.
The decision is printed with its basis, obligations and reasons, and the line for
the journal; a file that cannot be read is reported in the command line's one format
(:class:`anhorig._cli.Issue`: the file, and the JSON path within it).
Exit codes: 0 permitted, 1 denied or no basis, 2 unreadable input.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from anhorig._cli import (
    EXIT_FINDINGS,
    EXIT_OK,
    Issue,
    Unreadable,
    add_common,
    add_parties,
    expand_inputs,
    print_unreadable,
    read_one,
    said,
)
from anhorig.consent.audit import AuditRecord
from anhorig.consent.engine import Combining, ConsentRecord, DecisionPolicy, evaluate
from anhorig.consent.fhir import Resolved, Resolver, read_fhir
from anhorig.consent.model import (
    Block,
    BlockLift,
    Consent,
    DisclosureRequest,
    HarmAssessment,
    Organisation,
    Revocation,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import Lang, mask_value
from anhorig.serialization import from_document, to_document

__all__ = [
    "configure",
    "parties_resolver",
    "read_fhir_document",
    "read_parties",
    "records_in",
    "run_check",
]

_PARTY_TYPES = (
    "Organization",
    "Patient",
    "Practitioner",
    "PractitionerRole",
    "RelatedPerson",
    "Person",
)
"""The FHIR resources a consent's references may point to."""
_QUOTED_TYPES = ", ".join(repr(t) for t in _PARTY_TYPES)


def _party(item: object, where: str, found: dict[str, Resolved]) -> list[Problem]:
    """Put one party (a FHIR resource or an anhorig Organisation) into ``found``."""
    if isinstance(item, dict) and "resourceType" not in item and item.get("type") == "Organisation":
        try:
            org = from_document(Organisation, item)
        except InvalidInput as exc:
            return [p.under(where) for p in exc.problems]
        found[f"Organization/{org.id}"] = org
        return []
    if not isinstance(item, dict) or item.get("resourceType") not in _PARTY_TYPES:
        kind = item.get("resourceType") if isinstance(item, dict) else type(item).__name__
        return [
            Problem.make(
                f"{where}.resourceType",
                sv=f"väntade en part ({_QUOTED_TYPES}) eller ett dokument av typen 'Organisation', "
                f"fick {str(kind)[:40]!r}",
                en=f"expected a party ({_QUOTED_TYPES}) or an 'Organisation' document, "
                f"got {str(kind)[:40]!r}",
            )
        ]
    ident = item.get("id")
    if not isinstance(ident, str) or not ident:
        return [
            Problem.make(
                f"{where}.id",
                sv="id saknas: inget att hänvisa till",
                en="no id: nothing refers to it",
            )
        ]
    found[f"{item['resourceType']}/{ident}"] = item
    return []


def _parties_of(data: object) -> dict[str, Resolved]:
    """The parties in one file's JSON: a resource, a list, or a Bundle of them."""
    found: dict[str, Resolved] = {}
    problems: list[Problem] = []
    if isinstance(data, dict) and data.get("resourceType") == "Bundle":
        entries = data.get("entry")
        if not isinstance(entries, list):
            raise InvalidInput.at("$.entry", sv="väntade en lista", en="expected a list")
        for index, entry in enumerate(entries):
            where = f"$.entry[{index}]"
            resource = entry.get("resource") if isinstance(entry, dict) else None
            bad = _party(resource, f"{where}.resource", found)
            problems += bad
            url = entry.get("fullUrl") if isinstance(entry, dict) else None
            if not bad and isinstance(url, str) and isinstance(resource, dict):
                found[url] = resource
    elif isinstance(data, list):
        for index, item in enumerate(data):
            problems += _party(item, f"$[{index}]", found)
    else:
        problems += _party(data, "$", found)
    if problems:
        raise InvalidInput(problems)
    return found


def read_parties(names: Sequence[str]) -> Resolver:
    """A resolver of the parties in the files ``names`` (``--parties``); a file that
    cannot be read raises :class:`~anhorig._cli.Unreadable` with every issue."""
    found: dict[str, Resolved] = {}
    issues: list[Issue] = []
    for name in expand_inputs(names):
        try:
            found.update(read_one(name, _parties_of))
        except Unreadable as exc:
            issues.extend(exc.issues)
    if issues:
        raise Unreadable(issues)
    return found.get


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
    add_parties(check)
    add_common(check)
    check.set_defaults(handler=run_check)


def records_in(
    data: object, resolve: Resolver | None, take: Callable[[object, str], Sequence[Any]]
) -> list[Any]:
    """The records in one file's JSON, one document or a list of them: every consent of a
    FHIR Consent or Bundle (references resolved through ``resolve``), and what ``take``
    makes of each anhorig document (raising `InvalidInput` at the document's path for
    one it does not take). Every problem of every document is raised together."""
    documents = data if isinstance(data, list) else [data]
    records: list[Any] = []
    problems: list[Problem] = []
    for index, document in enumerate(documents):
        where = f"$[{index}]" if isinstance(data, list) else "$"
        try:
            if isinstance(document, dict) and "resourceType" in document:
                readings = read_fhir(document, resolve=resolve)
                records.extend(r.consent for r in readings if r.consent is not None)
            else:
                records.extend(take(from_document(None, document), where))
        except InvalidInput as exc:
            problems.extend(p.under(where) for p in exc.problems)
    if problems:
        raise InvalidInput(problems)
    return records


def _consent_records(record: object, _where: str) -> tuple[ConsentRecord]:
    """``record`` if it is a consent record; else `InvalidInput` at its ``type``."""
    if not isinstance(record, Consent | Revocation | Block | BlockLift | HarmAssessment):
        raise InvalidInput.at(
            "type",
            sv=f"väntade ett samtyckesdokument, fick {type(record).__name__}",
            en=f"expected a consent document, got {type(record).__name__}",
        )
    return (record,)


def parties_resolver(names: Sequence[str], issues: list[Issue]) -> Resolver | None:
    """The resolver of the ``--parties`` files ``names``, or ``None`` when none are given
    or they cannot be read (their problems then go to ``issues``)."""
    if not names:
        return None
    try:
        return read_parties(names)
    except Unreadable as exc:
        issues.extend(exc.issues)
        return None


def read_fhir_document(data: Any, resolve: Resolver | None = None) -> Consent | None:
    """The one consent in a FHIR ``Consent`` or ``Bundle`` (loaded JSON), for ``anhorig
    validate``, its references resolved through ``resolve`` (``--parties``) after its
    own contained resources and Bundle; a Bundle of several is refused, pointing to
    ``anhorig consent check``."""
    readings = read_fhir(data, resolve=resolve)
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
    resolve = parties_resolver(args.parties, issues)
    records: list[ConsentRecord] = []
    for name in expand_inputs(args.consents):
        try:
            records.extend(read_one(name, lambda data: records_in(data, resolve, _consent_records)))
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
