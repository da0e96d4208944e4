"""How far each document type's JSON Schema agrees with anhorig's reader (issue 17).

A vendor who validates documents with the published schemas alone should rarely have
one refused by anhorig. This script measures that: for every document type it
generates documents from the type's schema (``anhorig.documents.json_schema``) with
the small generator below, which reads nothing but the schema, keeps those a real
validator (``jsonschema``, draft 2020-12, with format checks) accepts, and reads each with ``anhorig.serialization.from_document``. It prints, per
type, how many were read and, for the rest, which field the reader refused and why.

Goal: at least 95 % read for every type, and every refusal at a field that the schema's
``x-cross-field-rules`` annotation names (a rule between fields, which a schema cannot
state; its top-level description lists the same rules in words).

Run on demand (about a minute of CPU for the default 100 documents a type)::

    python benchmarks/schema_agreement.py             # every type, 100 documents each
    python benchmarks/schema_agreement.py -n 30 Consent Period
    python benchmarks/schema_agreement.py --json out.json

Not timed: the figures are counts, so a loaded machine changes nothing but the wait.

Why not hypothesis-jsonschema: its last release (0.23.1) reaches into Hypothesis'
internals and fails with current Hypothesis (``'many' object has no attribute 'more'``).
The generator here covers the keywords anhorig's schemas use, and refuses any other.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import jsonschema
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.exceptions import ValidationError
from stdnum.se import personnummer

from anhorig.errors import InvalidInput
from anhorig.serialization import document_types, from_document, json_schema

GOAL = 0.95
"""The share of schema-valid documents the reader must read, per type."""


@dataclass
class Agreement:
    """What the reader made of one type's generated documents."""

    type: str
    generated: int = 0
    read: int = 0
    listed: int = 0
    """Refused only at fields whose cross-field rules the schema lists."""
    unlisted: int = 0
    """Refused at least once elsewhere: the schema should have said so."""
    reasons: Counter[str] = field(default_factory=Counter)
    examples: list[dict[str, Any]] = field(default_factory=list)

    @property
    def share(self) -> float:
        return self.read / self.generated if self.generated else 1.0

    @property
    def ok(self) -> bool:
        return self.generated > 0 and self.share >= GOAL and self.unlisted == 0


_KNOWN = frozenset(
    {
        "$schema",
        "$id",
        "$defs",
        "$ref",
        "type",
        "const",
        "enum",
        "oneOf",
        "anyOf",
        "allOf",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "uniqueItems",
        "minimum",
        "maximum",
        "minLength",
        "pattern",
        "format",
        "title",
        "description",
        "if",
        "then",
        "not",
    }
)
"""The keywords the generator reads; every ``x-`` annotation is ignored, as validators do."""

PERSON_ID_FORMAT = "personnummer"
"""The format anhorig's schemas give a personnummer; registered below as a vendor would."""

FORMATS = jsonschema.FormatChecker()
"""Every format jsonschema knows, and the personnummer: what a vendor's validator checks."""


@FORMATS.checks(PERSON_ID_FORMAT)
def is_person_id(value: object) -> bool:
    """A personnummer, or a samordningsnummer (its day less 60), by python-stdnum: another
    implementation than anhorig's. Anything but text is left to the schema's ``type``."""
    if not isinstance(value, str):
        return True
    if not personnummer.is_valid(value):
        # A samordningsnummer: the birth date of its day less 60, the check digit of its
        # own digits. One with an unknown month or day (00, 60) is refused here, though
        # anhorig reads it: a vendor may be stricter than the reader.
        number = personnummer.compact(value)
        if len(number) != 13 or not number[6:8].isdigit() or int(number[6:8]) <= 60:
            return False
        try:
            personnummer.get_birth_date(f"{number[:6]}{int(number[6:8]) - 60:02d}{number[8:]}")
        except ValidationError:
            return False
        return bool(luhn.is_valid(number[2:8] + number[9:]))
    return True


def person_ids() -> st.SearchStrategy[str]:
    """Personnummer and samordningsnummer that the format accepts: a day, three digits,
    and the Luhn check digit of the ten that follow the century."""

    def number(day: date, serial: int, coordination: bool) -> str:
        shown = day.day + 60 if coordination else day.day
        nine = f"{day:%y%m}{shown:02d}{serial:03d}"
        return f"{day.year:04d}{nine[2:4]}{shown:02d}-{serial:03d}{luhn.calc_check_digit(nine)}"

    return st.builds(
        number, st.dates(date(1800, 1, 1), date(2199, 12, 31)), st.integers(0, 999), st.booleans()
    )


def _birth_date(number: str) -> str | None:
    """The birth date a personnummer or samordningsnummer gives, as a document writes it."""
    try:
        day = int(number[6:8])
        return date(int(number[:4]), int(number[4:6]), day - 60 if day > 60 else day).isoformat()
    except ValueError:
        return None


def _value(text: Any) -> Any:
    """A date, instant or number as compared; ``None`` if it is none of them."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return text
    if isinstance(text, str):
        try:
            return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            return None
    return None


def _at(document: Any, path: str) -> tuple[Any, str] | None:
    """The object holding the field at dotted ``path`` in ``document``, and its key."""
    *parents, key = path.split(".")
    for name in parents:
        document = document.get(name) if isinstance(document, dict) else None
    return (document, key) if isinstance(document, dict) else None


def _later(value: Any) -> Any:
    """The next value after ``value`` as a document writes it: a day, a second, one more."""
    if isinstance(value, datetime):
        return (value + timedelta(seconds=1)).isoformat()
    if isinstance(value, date):
        return (value + timedelta(days=1)).isoformat()
    return value + 1


_ORDER = re.compile(r"([\w.]+) (<=|<) ([\w.]+)")
_BORN = re.compile(r"(\w+) == birth_date\((\w+)\)")


def honour(checks: Sequence[str], document: Any) -> Any:
    """``document`` made to hold each of ``checks`` (the relations in the schema's
    ``x-cross-field-rules``) where it can: two values out of order swapped, a birth date
    set from the personnummer. What it cannot mend it leaves to the reader to refuse."""
    if not isinstance(document, dict):
        return document
    document = dict(document)
    for check in checks:
        if order := _ORDER.fullmatch(check):
            first, second = _at(document, order[1]), _at(document, order[3])
            if first is None or second is None:
                continue
            (a, ka), (b, kb) = first, second
            va, vb = _value(a.get(ka)), _value(b.get(kb))
            if va is None or vb is None or type(va) is not type(vb):
                continue
            try:
                wrong = va > vb
            except TypeError:  # a naive and an aware instant
                continue
            if wrong:
                a[ka], b[kb] = b[kb], a[ka]
            elif order[2] == "<" and va == vb:
                b[kb] = _later(vb)
        elif born := _BORN.fullmatch(check):
            number = document.get(born[2])
            if isinstance(number, str) and document.get(born[1]) is not None:
                document[born[1]] = _birth_date(number) or document[born[1]]
    return document


_OFFSETS = [
    UTC,
    timezone(timedelta(hours=1)),
    timezone(timedelta(hours=2)),
    timezone(timedelta(hours=-5, minutes=-30)),
]


def string(node: dict[str, Any]) -> st.SearchStrategy[str]:
    if node.get("format") == PERSON_ID_FORMAT:
        return person_ids()
    if node.get("format") == "date":
        return st.dates(date(1800, 1, 1), date(2199, 12, 31)).map(date.isoformat)
    if node.get("format") == "date-time":
        return st.datetimes(
            datetime(1800, 1, 2), datetime(2199, 12, 30), timezones=st.sampled_from(_OFFSETS)
        ).map(datetime.isoformat)
    least = node.get("minLength", 0)
    if "pattern" in node:
        pattern = node["pattern"]
        whole = pattern.startswith("^") and pattern.endswith("$")
        return st.from_regex(pattern, fullmatch=whole).filter(lambda t: len(t) >= least)
    return st.text(min_size=least, max_size=least + 20)


def from_schema(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Documents ``schema`` describes, filtered through a validator for what the generator
    does not aim at (``oneOf`` exclusivity, a second pattern)."""
    defs = schema.get("$defs", {})
    named: dict[str, st.SearchStrategy[Any]] = {}
    validator = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    checks: dict[str, list[str]] = {}
    for rule in schema.get("x-cross-field-rules", ()):
        if "check" in rule:
            checks.setdefault(rule["type"], []).append(rule["check"])

    def ref(name: str) -> st.SearchStrategy[Any]:
        if name not in named:
            named[name] = st.deferred(lambda: build(defs[name]))
        return named[name]

    def build(node: dict[str, Any]) -> st.SearchStrategy[Any]:
        unknown = {k for k in node if not k.startswith("x-")} - _KNOWN
        if unknown:
            raise ValueError(f"the generator does not know {sorted(unknown)}")
        if "$ref" in node:
            target = defs[node["$ref"].removeprefix("#/$defs/")]
            rest = {k: v for k, v in node.items() if k not in ("$ref", "description", "title")}
            if not rest:
                return ref(node["$ref"].removeprefix("#/$defs/"))
            merged = {**target, **rest}
            # A sibling "not null" on a property narrows the target's; the filter keeps it.
            merged["properties"] = {
                key: {**prop, **rest.get("properties", {}).get(key, {})}
                for key, prop in target.get("properties", {}).items()
            }
            merged["required"] = [*target.get("required", ()), *rest.get("required", ())]
            return build(merged)
        if "const" in node:
            return st.just(node["const"])
        if "enum" in node:
            return st.sampled_from(node["enum"])
        for key in ("oneOf", "anyOf"):
            if key in node:
                return st.one_of([build(option) for option in node[key]])
        if "allOf" in node and node.get("type") == "object":
            return conditional(node, build).map(
                functools.partial(honour, checks.get(node.get("title", ""), []))
            )
        if "allOf" in node:
            rest = {k: v for k, v in node.items() if k != "allOf"}
            combined: dict[str, Any] = dict(rest)
            patterns = [part["pattern"] for part in node["allOf"] if "pattern" in part]
            for part in node["allOf"]:
                if "$ref" in part:
                    combined = {**defs[part["$ref"].removeprefix("#/$defs/")], **combined}
            if patterns:
                combined["pattern"] = patterns[0]  # the others: the validator's filter
            return build(combined)
        kind = node.get("type")
        if kind == "null":
            return st.none()
        if kind == "boolean":
            return st.booleans()
        if kind == "integer":
            return st.integers(node.get("minimum"), node.get("maximum"))
        if kind == "number":
            return st.floats(
                node.get("minimum"), node.get("maximum"), allow_nan=False, allow_infinity=False
            )
        if kind == "string":
            return string(node)
        if kind == "array":
            least = node.get("minItems", 0)
            return st.lists(
                build(node["items"]),
                min_size=least,
                max_size=least + 3,
                unique_by=(lambda v: json.dumps(v, sort_keys=True))
                if node.get("uniqueItems")
                else None,
            )
        if kind == "object":
            properties = node.get("properties", {})
            required = set(node.get("required", ()))
            return st.fixed_dictionaries(
                {k: build(v) for k, v in properties.items() if k in required},
                optional={k: build(v) for k, v in properties.items() if k not in required},
            ).map(functools.partial(honour, checks.get(node.get("title", ""), [])))
        raise ValueError(f"the generator cannot read {node}")

    return build(schema).filter(validator.is_valid)


def conditional(
    node: dict[str, Any], build: Callable[[dict[str, Any]], st.SearchStrategy[Any]]
) -> st.SearchStrategy[Any]:
    """An object with ``if``/``then`` pairs: drawn without them, then each ``then``
    whose ``if`` holds is made to hold (a field given, left null, or narrowed)."""
    base = build({k: v for k, v in node.items() if k != "allOf"})
    pairs = [
        (jsonschema.Draft202012Validator(part["if"]), part["then"])
        for part in node["allOf"]
        if "if" in part and "then" in part
    ]
    properties = node.get("properties", {})
    required = set(node.get("required", ()))

    @st.composite
    def draw(pick: st.DrawFn) -> Any:
        document = dict(pick(base))
        for when, then in pairs:
            if not when.is_valid(document):
                continue
            for name, sub in then.get("properties", {}).items():
                if sub == {"type": "null"}:
                    if name in required:
                        document[name] = None
                    else:
                        document.pop(name, None)
                elif name in properties:
                    document[name] = pick(build(narrowed(properties[name], sub)))
            for name in then.get("required", ()):
                if name not in document and name in properties:
                    document[name] = pick(build(narrowed(properties[name], {})))
        return document

    return draw()


def narrowed(prop: dict[str, Any], sub: dict[str, Any]) -> dict[str, Any]:
    """``prop`` without ``null``, and with the keywords of ``sub`` (a ``maximum``)."""
    options = prop.get("anyOf", [prop])
    kept = [o for o in options if o != {"type": "null"}] or options
    extra = {k: v for k, v in sub.items() if k != "not"}

    def merge(option: dict[str, Any]) -> dict[str, Any]:
        merged = {**option, **extra}
        if "items" in extra and "items" in option:  # the members narrowed, not replaced
            merged["items"] = {**option["items"], **extra["items"]}
        return merged

    if len(kept) == 1:
        return merge(kept[0])
    return {"anyOf": [merge(o) for o in kept]}


def documents(schema: dict[str, Any], count: int, *, at: int = 0) -> list[Any]:
    """Up to ``count`` distinct documents generated from ``schema`` (seeded, reproducible)."""
    found: list[Any] = []
    seen: set[str] = set()

    @seed(at)
    @settings(
        max_examples=count,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(from_schema(schema))
    def collect(document: Any) -> None:
        key = json.dumps(document, sort_keys=True)
        if key not in seen:
            seen.add(key)
            found.append(document)

    collect()
    return found


def _fields(path: str) -> set[str]:
    """The field names on a problem path (``$.grants[0].end`` gives grants and end): a
    rule on a field may report a part of it (``$.exceptions[0].decision``)."""
    return set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", path))


def measure(name: str, count: int, *, at: int = 0) -> Agreement:
    """Generate ``count`` documents of type ``name`` from its schema and read them."""
    cls = document_types()[name]
    schema = json_schema(cls)
    validator = jsonschema.Draft202012Validator(schema, format_checker=FORMATS)
    # A rule is listed on its field, and relates the fields its words name: "a quota
    # over the validity fits in it" is reported at $.quota.amount.
    fields = {rule["field"] for rule in schema.get("x-cross-field-rules", ())}
    fields |= {
        word
        for rule in schema.get("x-cross-field-rules", ())
        for word in re.findall(r"[a-z_]+", rule["rule"])
        if word in schema.get("properties", {})
    }
    result = Agreement(name)
    for document in documents(schema, count, at=at):
        if not validator.is_valid(document):
            continue  # the generator's slip, not the schema's: not counted
        result.generated += 1
        try:
            from_document(cls, document)
        except InvalidInput as exc:
            problems = exc.problems
        else:
            result.read += 1
            continue
        outside = [p for p in problems if not _fields(p.path) & fields]
        if outside:
            result.unlisted += 1
            if len(result.examples) < 3:
                result.examples.append(document)
        else:
            result.listed += 1
        for problem in problems:
            result.reasons[f"{problem.path}: {problem.message.en}"[:160]] += 1
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("types", nargs="*", help="document types (default: every one)")
    parser.add_argument("-n", "--count", type=int, default=100, help="documents a type")
    parser.add_argument("--seed", type=int, default=0, help="the generator's seed")
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="print refusals")
    args = parser.parse_args(argv)
    names = args.types or sorted(document_types())
    rows = []
    total_generated = total_read = 0
    print(f"{'type':<24} {'read':>9} {'share':>7}  refused: listed / unlisted")
    for name in names:
        row = measure(name, args.count, at=args.seed)
        rows.append(row)
        total_generated += row.generated
        total_read += row.read
        mark = "" if row.ok else "  <-- below the goal" if row.share < GOAL else "  <-- unlisted"
        print(
            f"{name:<24} {row.read:>4}/{row.generated:<4} {row.share:>7.1%}"
            f"  {row.listed:>4} / {row.unlisted:<4}{mark}",
            flush=True,
        )
        if args.verbose:
            for reason, times in row.reasons.most_common(5):
                print(f"    {times:>4} × {reason}")
    share = total_read / total_generated if total_generated else 1.0
    failing = [row.type for row in rows if not row.ok]
    print(
        f"all: {total_read}/{total_generated} read ({share:.1%}); types off the goal: "
        f"{len(failing)}{' (' + ', '.join(failing) + ')' if failing else ''}"
    )
    if args.json:
        report = {
            "count": args.count,
            "seed": args.seed,
            "goal": GOAL,
            "rows": [
                {
                    "type": row.type,
                    "generated": row.generated,
                    "read": row.read,
                    "refused_listed": row.listed,
                    "refused_unlisted": row.unlisted,
                    "reasons": dict(row.reasons.most_common(10)),
                }
                for row in rows
            ],
        }
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump(report, out, ensure_ascii=False, indent=2)
    return 0 if not failing else 1


if __name__ == "__main__":
    sys.exit(main())
