"""Personal data is never echoed: not in errors, findings, decisions or command output.

Input can hold a personnummer or a name where it does not belong: in a date field, an
id, an enum value, a key, a file name, a command-line argument. These tests plant
them there, as valid personnummer and samordningsnummer from the testing kit and as
arbitrary 10- and 12-digit shapes with separators, alone or inside longer text, and
names, and look for them in everything the library says back, in both languages.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from anhorig import InvalidInput, PersonId, from_json
from anhorig.cli import checker_for, main
from anhorig.consent.audit import AuditRecord
from anhorig.consent.engine import evaluate
from anhorig.errors import Problem
from anhorig.findings import Report, rule
from anhorig.language import Text, check_lang, mask_personal_data, mask_value, quote
from anhorig.respite import Ledger
from anhorig.serialization import document_types, from_document, to_document, to_json
from anhorig.testing.strategies import (
    DECIDING_CODES,
    breakable_codes,
    breaking,
    deciding,
    ledgers,
    names,
    person_ids,
)
from anhorig.time import parse_instant

_SEPARATORS = ("-", "+", " ", "", "\u00a0")
_MORE = settings(max_examples=settings().max_examples * 2)


@attrs.frozen
class Planted:
    """Personal data planted in input: the text, and the numbers and names it holds."""

    text: str
    numbers: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


def _written(digits: str, separator: str) -> str:
    return f"{digits[:-4]}{separator}{digits[-4:]}"


@st.composite
def _numbers(draw: st.DrawFn) -> Planted:
    """A personnummer or samordningsnummer (valid, or only shaped like one), written in
    one of its forms."""
    if draw(st.booleans()):
        digits = draw(person_ids()).value.replace("-", "")
    else:
        length = draw(st.sampled_from((10, 12)))
        digits = draw(st.text(alphabet="0123456789", min_size=length, max_size=length))
        # All one digit also occurs in outputs by chance ("T00:00:00"); not a person's.
        assume(len(set(digits)) > 2)
    if len(digits) == 12 and draw(st.booleans()):
        digits = digits[2:]
    return Planted(_written(digits, draw(st.sampled_from(_SEPARATORS))), numbers=(digits,))


_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöé", min_size=2, max_size=9).map(
    str.capitalize
)


@st.composite
def _names(draw: st.DrawFn) -> Planted:
    """A full name: two or three capitalised words."""
    if draw(st.booleans()):
        name = draw(names())
    else:
        name = " ".join(draw(st.lists(_WORDS, min_size=2, max_size=3)))
    return Planted(name, names=(name,))


@st.composite
def planted(draw: st.DrawFn) -> Planted:
    """A number or a name, alone or inside longer text (``id-193912250028x``)."""
    core = draw(st.one_of(_numbers(), _names()))
    if draw(st.booleans()):
        return core
    # Glued to a number by any letter (id-193912250028x); to a name by a separator, as
    # "xAnna" reads as no name (nor does "SupportPlan", a type a message quotes).
    before = draw(st.sampled_from(("id-", "nr ", "(", "") + (("x",) if core.numbers else ())))
    after = draw(st.sampled_from(("x", ".json", " (dotter)", ")", "")))
    if draw(st.booleans()):
        other = draw(st.one_of(_numbers(), _names()))
        return Planted(
            f"{before}{core.text} {other.text}{after}",
            core.numbers + other.numbers,
            core.names + other.names,
        )
    return Planted(f"{before}{core.text}{after}", core.numbers, core.names)


def _unescaped(text: str) -> str:
    # repr and JSON escape some separators ("\xa0", "\u00a0"); read them as one.
    return re.sub(r"\\(?:x[0-9a-f]{2}|u[0-9a-f]{4}|U[0-9a-f]{8})", " ", text)


def leaks(output: str, secret: Planted) -> list[str]:
    """The planted numbers and names that ``output`` shows in full."""
    text = _unescaped(output)
    found = []
    for digits in secret.numbers:
        tail = digits[-10:]
        if re.search(rf"{tail[:6]}\D{{0,3}}{tail[6:]}", text):
            found.append(digits)
    for name in secret.names:
        if re.search(r"[\s,]+".join(re.escape(word) for word in name.split()), text):
            found.append(name)
    return found


def assert_masked(secret: Planted, *outputs: str) -> None:
    for output in outputs:
        assert leaks(output, secret) == [], output


def _error_texts(err: InvalidInput) -> list[str]:
    return [str(err), err.explain("sv"), err.explain("en")] + [
        p.explain(lang) for p in err.problems for lang in ("sv", "en")
    ]


def _report_texts(report: Report) -> list[str]:
    texts = [report.explain("sv"), report.explain("en")]
    for finding in report:
        texts += [finding.path, finding.message.sv, finding.message.en]
    return texts


# --- the masking functions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("19391225-0028", "19391225-****"),
        ("193912250028", "19391225****"),
        ("391225+0028", "391225+****"),
        ("3912250028", "391225****"),
        ("19391225 0028", "19391225 ****"),
        ("19391225\u00a00028", "19391225\u00a0****"),
        ("id-193912250028x", "id-19391225****x"),
        ("19391285-0025", "19391285-****"),  # a samordningsnummer
        ("1234567890123456789012", "12345678****345678****"),
        ("Anna Karlsson", "A. K."),
        ("Karlsson, Anna-Lena", "K. A. L."),
        ("id-Anna Karlsson", "id-A. K."),
        ("YYYY-MM-DD", "YYYY-MM-DD"),
        ("'SupportPlan'", "'SupportPlan'"),
        ("Ludwig van Beethoven", "L. v. B."),
        ("ANNA KARLSSON", "A. K."),
        ("Anna", "Anna"),
        ("2026-11-22", "2026-11-22"),
        ("2026-03-29T08:00:00+02:00", "2026-03-29T08:00:00+02:00"),
        ("c-17", "c-17"),
    ],
)
def test_mask_value_examples(value: str, shown: str) -> None:
    """Numbers keep their birth date and lose their last four digits; names become
    initials; dates, instants, short ids and single words are left alone."""
    assert mask_value(value) == shown


def test_quote_masks_before_it_cuts_and_quotes() -> None:
    """A bad value comes back masked, cut and quoted as repr quotes text."""
    assert quote("19391225-0028") == "'19391225-****'"
    assert quote("x" * 30 + "193912250028") == repr("x" * 30 + "19391225**")
    assert quote("x" * 30 + "193912250028", limit=50) == repr("x" * 30 + "19391225****")
    assert quote(5) == "5"  # a number is not text: unquoted, as JSON writes it
    assert (quote(None), quote(True), quote([1, None])) == ("null", "true", "'[1, null]'")
    assert quote("Anna Karlsson") == "'A. K.'"


def test_messages_mask_quoted_names_only() -> None:
    """In a message, a name is masked where it is quoted; the message's own words stay."""
    message = "Measure 'Anna Karlsson' is not the municipality's respite; Region Stockholm"
    assert mask_personal_data(message) == (
        "Measure 'A. K.' is not the municipality's respite; Region Stockholm"
    )
    assert mask_personal_data('got "19391225-0028"') == 'got "19391225-****"'


@given(st.text() | planted().map(lambda p: p.text))
def test_masking_twice_changes_nothing(text: str) -> None:
    """Masking is idempotent, so a masked message can be masked again on its way out."""
    once = mask_personal_data(text)
    assert mask_personal_data(once) == once
    assert mask_value(mask_value(text)) == mask_value(text)


@given(planted())
def test_masked_values_hold_no_planted_data(secret: Planted) -> None:
    """Whatever is planted, mask_value and quote hide it."""
    assert_masked(secret, mask_value(secret.text), quote(secret.text), quote(secret.text, limit=12))


@given(planted())
def test_problems_and_text_mask_themselves(secret: Planted) -> None:
    """A Problem masks its path and message whoever made it: the safety net."""
    problem = Problem(
        f"$.{secret.text}", Text(sv=f"fick {secret.text!r}", en=f"got {secret.text!r}")
    )
    err = InvalidInput.of(problem)
    assert_masked(secret, *_error_texts(err))


@given(
    st.text() | planted().map(lambda p: p.text),
    st.text() | planted().map(lambda p: p.text),
    st.sampled_from(["", "$", "$.id", "[0]", "kind", "$[1].x"]) | st.text(),
    st.text() | planted().map(lambda p: p.text),
)
def test_a_moved_problem_is_the_one_made_at_its_new_path(
    sv: str, en: str, path: str, prefix: str
) -> None:
    """``under`` keeps the masked message as it is (masking twice changes nothing) and
    masks the new path: the same problem as one made there from the start."""
    problem = Problem(path, Text(sv=sv, en=en))
    moved = problem.under(prefix)
    if not problem.path or problem.path == "$":
        whole = prefix
    elif problem.path.startswith("$"):
        whole = prefix + problem.path[1:]
    else:
        whole = f"{prefix}{'' if problem.path.startswith('[') else '.'}{problem.path}"
    assert moved == Problem(whole, Text(sv=sv, en=en))


# --- every message that quotes a value --------------------------------------------------


def _reading(value: str, field: str, body: dict[str, Any]) -> None:
    from_json(None, json.dumps({**body, field: value}))


_PERSON = {"type": "Person", "schema_version": 1, "name": "A", "birth_date": "1939-12-25"}
_QUOTING: list[tuple[str, Any]] = [
    ("PersonId.parse", PersonId.parse),
    ("PersonId.parse on a date", lambda v: PersonId.parse(v, on=date(2026, 1, 1))),
    ("a date field", lambda v: _reading(v, "birth_date", _PERSON)),
    ("a text field", lambda v: from_json(None, json.dumps({**_PERSON, "name": [v]}))),
    ("an id field", lambda v: _reading(v, "id", _PERSON)),
    ("an unknown key", lambda v: from_json(None, json.dumps({**_PERSON, v: 1}))),
    ("the type tag", lambda v: _reading(v, "type", _PERSON)),
    ("the type asked for", lambda v: from_json(PersonId, json.dumps({**_PERSON, "type": v}))),
    ("the schema version", lambda v: _reading(v, "schema_version", _PERSON)),
    (
        "an enum value",
        lambda v: from_json(
            None,
            json.dumps(
                {"type": "Organisation", "schema_version": 1, "id": "k", "name": "K"}
                | {"principal": v, "sector": "social_services"}
            ),
        ),
    ),
    ("an instant", lambda v: parse_instant(v, path="at")),
    ("a language", check_lang),
    ("a label's language", lambda v: Text(sv="a", en="b").in_(v)),
    ("a rule code", rule),
]


@pytest.mark.parametrize(("where", "call"), _QUOTING, ids=[w for w, _ in _QUOTING])
def test_quoted_values_are_masked(where: str, call: Any) -> None:
    """Each kind of message that quotes a bad value back masks it, in both languages."""

    @given(planted())
    def quoted(secret: Planted) -> None:
        try:
            call(secret.text)
        except InvalidInput as err:
            assert_masked(secret, *_error_texts(err))
        # A valid personnummer is read, and then nothing is said back.

    quoted()


@given(ledgers(), planted())
def test_ledger_errors_mask_the_id_asked_for(ledger: Any, secret: Planted) -> None:
    """Asking a ledger for an unknown grant quotes the id back masked."""
    assume(all(grant.id != secret.text for grant in ledger.grants))
    with pytest.raises(InvalidInput) as err:
        ledger.grant(secret.text)
    assert_masked(secret, *_error_texts(err.value))


# --- documents, findings and decisions --------------------------------------------------

_TYPES = sorted(document_types().items())

Path_ = tuple[str | int, ...]


def _leaves(node: object, at: Path_ = ()) -> list[Path_]:
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _leaves(value, (*at, key))]
    if isinstance(node, list):
        return [p for index, value in enumerate(node) for p in _leaves(value, (*at, index))]
    return [at]


def _at(node: Any, path: Path_) -> Any:
    for step in path:
        node = node[step]
    return node


def _is_body_name(document: dict[str, Any], path: Path_) -> bool:
    """Whether ``path`` names a body (an organisation, a unit, a municipality) rather
    than a person: those names are shown as given (`findings.BODY_PARAMETERS`)."""
    if not path or path[-1] not in ("name", "municipality", "organisation"):
        return False
    parent = _at(document, path[:-1])
    return not (isinstance(parent, dict) and "birth_date" in parent)


def _plant(data: st.DataObject, document: dict[str, Any], secret: Planted) -> dict[str, Any]:
    """``document`` with ``secret`` in one place: a value, or a key."""
    planted_in = copy.deepcopy(document)
    leaves = [p for p in _leaves(planted_in) if p]
    # Mostly where text is (ids, names, codes), where personal data gets quoted back.
    texts = [p for p in leaves if isinstance(_at(planted_in, p), str)] or leaves
    path = data.draw(st.sampled_from(texts) | st.sampled_from(leaves), label="path")
    if secret.names and _is_body_name(document, path):
        assume(False)
    parent = _at(planted_in, path[:-1])
    if data.draw(st.booleans(), label="as a key") and isinstance(parent, dict):
        parent[secret.text] = parent.pop(path[-1])
    else:
        parent[path[-1]] = secret.text
    return planted_in


def _cli(*argv: str) -> str:
    """Everything ``anhorig`` prints for ``argv``, on standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    with (
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(out),
        contextlib.suppress(SystemExit),  # argparse's own refusals
    ):
        main(list(argv), out)
    return out.getvalue() + err.getvalue()


@_MORE
@given(st.sampled_from(_TYPES), st.data(), planted())
def test_documents_with_personal_data_anywhere(
    named: tuple[str, type], data: st.DataObject, secret: Planted
) -> None:
    """Planted in any field or key of any document: the reading error, the findings of
    its check and `anhorig validate`'s output (human and JSON) show none of it."""
    name, cls = named
    value = data.draw(st.from_type(cls), label=name)
    document = _plant(data, to_document(value), secret)
    _read_check_and_validate(document, date(2026, 11, 22), secret)


@_MORE
@given(st.sampled_from(breakable_codes()), st.data(), planted())
def test_findings_quote_planted_ids_masked(code: str, data: st.DataObject, secret: Planted) -> None:
    """Things that break a rule, with personal data planted in them: every finding's
    message and path, in both languages, and the command's output are masked."""
    case = data.draw(breaking(code), label="case")
    assume(type(case.thing) in document_types().values())
    document = _plant(data, to_document(case.thing), secret)
    try:
        thing: Any = from_document(None, document)
    except InvalidInput as err:
        assert_masked(secret, *_error_texts(err))
        return
    assert_masked(secret, *_report_texts(case.check(thing, case.on)))
    _read_check_and_validate(document, case.on, secret)


def _read_check_and_validate(document: dict[str, Any], on: date, secret: Planted) -> None:
    try:
        thing: object = from_document(None, document)
    except InvalidInput as err:
        assert_masked(secret, *_error_texts(err))
    else:
        check = checker_for(type(thing).__name__)
        if check is not None:
            assert_masked(secret, *_report_texts(check(thing, on=on)))
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "document.json"
        file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        assert_masked(
            secret,
            _cli("validate", str(file), "--on", on.isoformat()),
            _cli("validate", str(file), "--on", on.isoformat(), "--lang", "en", "--format", "json"),
        )


@given(st.sampled_from(DECIDING_CODES), st.data(), planted())
def test_decisions_explain_without_personal_data(
    code: str, data: st.DataObject, secret: Planted
) -> None:
    """Planted in the request or a record (a consent's id, a block's holder id): the
    decision's explanation, its journal line and `anhorig consent check` (human and
    JSON) are masked."""
    request, records = data.draw(deciding(code), label="case")
    documents = [to_document(request), *(to_document(r) for r in records)]
    which = data.draw(st.integers(0, len(documents) - 1), label="document")
    documents[which] = _plant(data, documents[which], secret)
    with tempfile.TemporaryDirectory() as folder:
        files = []
        for index, document in enumerate(documents):
            file = Path(folder) / f"{index}.json"
            file.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
            files.append(str(file))
        assert_masked(
            secret,
            _cli("consent", "check", "--request", *files),
            _cli("consent", "check", "--lang", "en", "--format", "json", "--request", *files),
        )
    try:
        read: list[Any] = [from_document(None, d) for d in documents]
        request = read[0]
        decision = evaluate(request, read[1:])
    except InvalidInput as err:
        assert_masked(secret, *_error_texts(err))
        return
    journal = AuditRecord.of(request, decision)
    assert_masked(
        secret,
        decision.explain("sv"),
        decision.explain("en"),
        journal.journal_text("sv"),
        journal.journal_text("en"),
        *_report_texts(Report(decision.reasons)),
    )


# --- the command line -------------------------------------------------------------------


@given(planted())
def test_command_line_arguments_are_masked(secret: Planted) -> None:
    """A personnummer or name given where a date, a choice, a type or a file belongs is
    not printed back, by the command or by argparse."""
    value = secret.text
    with tempfile.TemporaryDirectory() as folder:
        named = Path(folder) / f"{value}.json"
        named.write_text('{"type": "Person", "schema_version": 1, "name": 5}', encoding="utf-8")
        ledger = Path(folder) / "ledger.json"
        ledger.write_text(to_json(Ledger()), encoding="utf-8")
        outputs = [
            _cli("validate", "x.json", "--on", value),
            _cli("demo", "--on", value),
            _cli("schema", value),
            _cli("validate", "x.json", "--on", "2026-01-01", "--lang", value),
            _cli("validate", "x.json", "--on", "2026-01-01", "--format", value),
            _cli("validate", "x.json", "--on", "2026-01-01", "--", value),
            _cli("validate", "x.json", "--on", "2026-01-01", "--nope", value),
            _cli(value),
            _cli("validate", str(named), "--on", "2026-01-01"),
            _cli("validate", str(named), "--on", "2026-01-01", "--format", "json"),
            _cli("validate", str(Path(folder) / "missing" / value), "--on", "2026-01-01"),
            _cli("consent", "check", "--request", str(named), str(named)),
            _cli("consent", "check", "--request", str(named), "--combining", value),
            _cli("respite", "balance", str(named)),
            _cli("respite", "balance", str(Path(folder) / value)),
            _cli("respite", "balance", str(ledger), "--as-of", value),
            _cli("plans", "check", str(named), "--on", "2026-01-01", "--policy", str(named)),
            _cli("plans", "check", str(named), "--on", value),
        ]
    assert_masked(secret, *outputs)
