"""Strict JSON text: one reading for every entry point refuses what RFC 8259 leaves open.

Repeated keys, lone surrogates, invalid UTF-8, NaN and Infinity, numbers that overflow,
nesting beyond ``MAX_DEPTH`` and documents beyond ``MAX_DOCUMENT_SIZE`` are refused with
``InvalidInput``, from ``load_json``, ``from_json`` and every command alike.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args, get_origin

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from anhorig import InvalidInput, from_json
from anhorig._json import read_file
from anhorig.cli import main
from anhorig.consent import Consent, Provision
from anhorig.consent.model import MAX_PROVISION_DEPTH
from anhorig.serialization import (
    MAX_DEPTH,
    MAX_DOCUMENT_SIZE,
    document_types,
    from_document,
    load_json,
)

ROOT = Path(__file__).parents[2]
CONSENT = ROOT / "examples" / "consent" / "consent.json"
ECONOMY = ROOT / "examples" / "consent" / "request-economy.json"


def json_values() -> st.SearchStrategy[Any]:
    """JSON values as json.loads gives them: finite floats, text without surrogates."""
    text = st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
    leaves = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | text
    )
    return st.recursive(
        leaves,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
        max_leaves=20,
    )


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out)
    return code, out.getvalue()


def _consent_with_repeated_categories() -> str:
    """The example consent with its deny exception's "categories" given twice: a
    parser keeping the last value sees no category and so no exception."""
    text = CONSENT.read_text(encoding="utf-8")
    exception = '"decision": "deny",\n        "actions": [],\n        "categories": [\n'
    assert exception in text
    return text.replace(
        exception,
        '"decision": "deny",\n        "actions": [],\n        "categories": [],\n'
        '        "categories": [\n',
    )


def test_a_repeated_key_in_a_deny_exception_is_refused() -> None:
    """The issue's case: one repeated "categories" inside the deny exception is refused,
    naming the object's path and the key, in Swedish and in English."""
    with pytest.raises(InvalidInput) as err:
        from_json(Consent, _consent_with_repeated_categories())
    assert [p.explain("sv") for p in err.value.problems] == [
        '$.provision.exceptions[0]: nyckeln "categories" förekommer mer än en gång'
    ]
    assert err.value.explain("en") == (
        '$.provision.exceptions[0]: key "categories" occurs more than once'
    )


def test_validate_and_consent_check_exit_2_on_a_repeated_key(tmp_path: Path) -> None:
    """``anhorig validate`` and ``anhorig consent check`` call the file unreadable (exit 2)
    instead of valid, and instead of permitting the economy request."""
    bad = tmp_path / "consent.json"
    bad.write_text(_consent_with_repeated_categories(), encoding="utf-8")
    code, text = _run("validate", "--on", "2026-05-04", str(bad))
    assert (code, "OLÄSBAR" in text) == (2, True)
    assert "categories" in text
    code, text = _run("consent", "check", "--request", str(ECONOMY), str(bad))
    assert (code, text.startswith(f"{bad}: OLÄSBAR")) == (2, True)
    assert "categories" in text
    code, _ = _run("consent", "check", "--request", str(ECONOMY), str(CONSENT))
    assert code == 1  # the example itself denies the economy request


def _refused(source: str | bytes) -> InvalidInput:
    with pytest.raises(InvalidInput) as err:
        load_json(source)
    return err.value


def test_every_repeated_key_is_named_with_its_objects_path() -> None:
    """All repeated keys are reported, each once, at the path of the object holding it,
    the top level and inside arrays included; a key repeated three times is one problem."""
    text = (
        '{"a": 1, "a": 2, "b": {"c": [0, {"d": 1, "d": 2, "d": 3}]},'
        ' "odd key": {"x": 1, "x": 1}, "b": null}'
    )
    err = _refused(text)
    assert [p.explain("en") for p in err.problems] == [
        '$: key "a" occurs more than once',
        '$: key "b" occurs more than once',
        '$.b.c[1]: key "d" occurs more than once',
        '$["odd key"]: key "x" occurs more than once',
    ]
    with pytest.raises(InvalidInput) as typed:
        from_json(None, text)
    assert typed.value.problems == err.problems


@given(json_values(), st.data())
def test_a_key_repeated_anywhere_is_refused(value: object, data: st.DataObject) -> None:
    """Repeating any one key of any object of a valid document gets it refused, with the
    path of that object; without the repetition the document reads as json.loads does."""
    text = json.dumps(value, ensure_ascii=False)
    assert load_json(text) == json.loads(text)
    objects = list(_objects(value, "$"))
    assume(any(obj for obj, _ in objects))
    obj, path = data.draw(st.sampled_from([(o, p) for o, p in objects if o]))
    key = data.draw(st.sampled_from(sorted(obj)))
    obj["\x00marker"] = None  # placed last, then renamed to the repeated key in the text
    repeated = json.dumps(value, ensure_ascii=False).replace('"\\u0000marker"', json.dumps(key))
    del obj["\x00marker"]
    err = _refused(repeated)
    assert [p.path for p in err.problems] == [path]
    assert json.dumps(key, ensure_ascii=False)[:20] in err.problems[0].message.en


def _objects(value: object, path: str) -> Iterator[tuple[dict[str, Any], str]]:
    if isinstance(value, dict):
        yield value, path
        for key, member in value.items():
            child = f"{path}.{key}" if key.isidentifier() and key.isascii() else None
            if child is None:
                child = f"{path}[{json.dumps(key[:40] + ('…' if len(key) > 40 else ''), ensure_ascii=False)}]"
            yield from _objects(member, child)
    elif isinstance(value, list):
        for index, member in enumerate(value):
            yield from _objects(member, f"{path}[{index}]")


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ('{"name": "\\ud800"}', "$.name"),
        ('{"name": ["ok", "\\udfff x"]}', "$.name[1]"),
        ('{"\\ud83d": 1}', "$"),
        ('{"a": "\\ude00\\ud83d"}', "$.a"),  # low before high is no pair
        ('"\\ud800"', "$"),
    ],
)
def test_escaped_lone_surrogates_are_refused(source: str, where: str) -> None:
    """An escaped surrogate that is not half of a pair, in a key or a value, is refused
    with the path where it sits (the text itself is not quoted back)."""
    err = _refused(source)
    assert err.paths == (where,)
    assert "surrogat" in err.problems[0].message.sv


def test_surrogate_pairs_and_escaped_backslashes_are_text() -> None:
    """A proper pair is one character, and ``\\\\ud800`` is a backslash and letters."""
    assert load_json('{"a": "\\ud83d\\ude00"}') == {"a": "\U0001f600"}
    assert load_json('{"a": "\\\\ud800"}') == {"a": "\\ud800"}


def test_raw_surrogates_and_invalid_utf8_are_refused() -> None:
    """A surrogate code point in str input, bytes that are not UTF-8 (a surrogate encoded
    CESU-style included) and UTF-16 documents are refused, each naming the position."""
    assert "tecken 10" in str(_refused('{"name": "\ud800"}'))
    assert "byte 10" in str(_refused(b'{"name": "\xff"}'))
    assert "byte 10" in str(_refused(b'{"name": "\xed\xa0\x80"}'))
    assert "UTF-8" in str(_refused('{"a": 1}'.encode("utf-16")))
    text = '{"name": "Åsa Öberg – 😀"}'
    assert load_json(text) == load_json(text.encode()) == {"name": "Åsa Öberg – 😀"}


def test_one_utf8_byte_order_mark_is_ignored() -> None:
    """RFC 8259 lets a reader ignore a leading BOM: Windows tools write one. Only one."""
    assert load_json(b"\xef\xbb\xbf" + b'{"a": 1}') == {"a": 1}
    assert load_json('\ufeff{"a": 1}') == {"a": 1}
    _refused(b"\xef\xbb\xbf\xef\xbb\xbf" + b'{"a": 1}')


@pytest.mark.parametrize(
    "number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999", "0.1e400"]
)
def test_numbers_json_does_not_have_or_a_float_cannot_hold(number: str) -> None:
    """NaN and Infinity are not JSON; 1e999 would be read as infinity and 1e-999 as zero."""
    err = _refused(f'{{"hours": {number}}}')
    assert err.paths == ("$",)
    assert number.lstrip("-") in str(err)


def test_ordinary_numbers_and_zeros_are_kept() -> None:
    """Zeros written as zeros, small and large finite numbers read as json.loads does."""
    text = "[0, -0, 0.0, 0e10, -0.0e-5, 1e308, 5e-324, 12.5, 123456789012345678901234567890]"
    assert load_json(text) == json.loads(text)


def test_an_integer_longer_than_python_reads_is_refused() -> None:
    """An integer of more digits than ``sys.get_int_max_str_digits()`` is InvalidInput."""
    assert "siffror" in str(_refused('{"hours": ' + "9" * 5000 + "}"))


def test_nesting_is_limited_to_max_depth() -> None:
    """MAX_DEPTH levels are read; one more is refused; 100,000 levels are refused without
    a RecursionError, by load_json, from_json and from_document alike."""
    assert load_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    deep = '{"a": ' * (MAX_DEPTH - 1) + "[]" + "}" * (MAX_DEPTH - 1)
    assert load_json(deep) is not None
    for text in ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "[" * 100_000 + "]" * 100_000):
        assert "djupare än 64" in str(_refused(text))
    body = '{"type": "Person", "schema_version": 1, "name": ' + "[" * 100_000
    with pytest.raises(InvalidInput, match="djupare"):
        from_json(None, body + "]" * 100_000 + "}")
    nested: list[Any] = []
    for _ in range(100_000):
        nested = [nested]
    with pytest.raises(InvalidInput):
        from_document(None, {"type": "Person", "schema_version": 1, "name": nested})


def test_documents_larger_than_max_document_size_are_refused(tmp_path: Path) -> None:
    """The size limit holds for str (characters) and bytes; read_file stops reading just
    past it, so a huge file is never read into memory whole."""
    padding = " " * (MAX_DOCUMENT_SIZE - 2)
    assert load_json("{}" + padding) == {}
    assert "tecken" in str(_refused("{}" + padding + " "))
    assert "byte" in str(_refused(b"{}" + padding.encode() + b" "))
    big = tmp_path / "big.json"
    with big.open("wb") as file:
        file.write(b"[]")
        file.seek(3 * MAX_DOCUMENT_SIZE)
        file.write(b" ")
    assert len(read_file(big)) == MAX_DOCUMENT_SIZE + 1
    code, text = _run("validate", "--on", "2026-05-04", str(big))
    assert (code, "större än" in text) == (2, True)


SYNTAX_ERRORS = [
    "",
    "{",
    '{"a" 1}',
    '{"a": 1 "b": 2}',
    "{'a': 1}",
    '{"a": "no end',
    '{"a": "tab\there"}',
    '{"a": "\\x"}',
    '{"a": "\\u12"}',
    '{"a": 1} x',
    "[1, 2,]",
    "nul",
]


@pytest.mark.parametrize("text", SYNTAX_ERRORS)
def test_syntax_errors_are_explained_in_swedish_and_english(text: str) -> None:
    """Every decoder message has a Swedish and an English text with line and column; no
    English from Python's json module reaches the Swedish message."""
    err = _refused(text)
    sv, en = err.explain("sv"), err.explain("en")
    assert sv.startswith("$: ogiltig JSON på rad 1, kolumn ")
    assert en.startswith("$: invalid JSON at line 1, column ")
    assert "ogiltig syntax" not in sv  # each message is one the table knows
    for english in ("Expecting", "Unterminated", "Invalid", "Extra", "delimiter", "char "):
        assert english not in sv


def test_not_text_at_all_is_refused() -> None:
    """Neither str nor bytes: InvalidInput, not TypeError."""
    for source in (None, 5, {"a": 1}, ["{}"]):
        with pytest.raises(InvalidInput):
            load_json(source)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput):
            from_json(None, source)  # type: ignore[call-overload]


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_every_command_refuses_a_repeated_key(tmp_path: Path) -> None:
    """plans check (documents and its --policy file), respite balance and consent check
    (request, anhorig and FHIR records) exit 2 for a repeated key; nothing else is read."""
    policy = (ROOT / "examples" / "plans" / "plan-policy-six-months.json").read_text("utf-8")
    plan = ROOT / "examples" / "plans" / "support-plan-valid.json"
    bad_policy = _write(tmp_path / "policy.json", policy.replace("{", '{"type": "x", ', 1))
    code, text = _run("plans", "check", "--on", "2026-11-22", "--policy", bad_policy, str(plan))
    assert (code, '"type"' in text) == (2, True)
    bad_plan = _write(tmp_path / "plan.json", plan.read_text("utf-8").replace("{", '{"id": 1, ', 1))
    assert _run("plans", "check", "--on", "2026-11-22", bad_plan)[0] == 2
    ledger = (ROOT / "examples" / "respite" / "ledger.json").read_text("utf-8")
    bad_ledger = _write(tmp_path / "ledger.json", ledger.replace("{", '{"grants": [], ', 1))
    assert _run("respite", "balance", bad_ledger)[0] == 2
    fhir = (ROOT / "examples" / "consent" / "consent-fhir-r5.json").read_text("utf-8")
    bad_fhir = _write(tmp_path / "fhir.json", fhir.replace("{", '{"status": "x", ', 1))
    code, text = _run("consent", "check", "--request", str(ECONOMY), bad_fhir)
    assert (code, '"status"' in text) == (2, True)
    request = ECONOMY.read_text("utf-8")
    bad_request = _write(tmp_path / "request.json", request.replace("{", '{"action": 1, ', 1))
    code, text = _run("consent", "check", "--request", bad_request, str(CONSENT))
    assert (code, f"{bad_request}: OLÄSBAR\n" in text) == (2, True)
    assert 'INPUT-JSON $: nyckeln "action"' in text


def _json_depth(tp: Any, inside: tuple[type, ...] = ()) -> int:
    """How deep a document of type ``tp`` nests, at most, with a consent's provisions
    nested `MAX_PROVISION_DEPTH` levels; any other type containing itself fails."""
    args = [a for a in get_args(tp) if a is not type(None) and a is not Ellipsis]
    if get_origin(tp) in (list, tuple, frozenset, set):
        return 1 + max(_json_depth(a, inside) for a in args)
    if args:  # a union
        return max(_json_depth(a, inside) for a in args)
    if not (isinstance(tp, type) and attrs.has(tp)):
        return 0
    if tp in inside:
        assert tp is Provision, f"{tp.__name__} contains itself"
        return 0
    fields = [f for f in attrs.fields(attrs.resolve_types(tp)) if f.init]
    below = max((_json_depth(f.type, (*inside, tp)) for f in fields), default=0)
    if tp is Provision:  # each nested provision adds an object and its exceptions list
        return below + 1 + 2 * (MAX_PROVISION_DEPTH - 1)
    return 1 + below


@pytest.mark.parametrize("name", sorted(document_types()))
def test_every_document_type_is_shallower_than_max_depth(name: str) -> None:
    """``from_json`` reads by type, so a document it takes is never deeper than its type
    allows: within MAX_DEPTH for every type, the only one containing itself being
    Provision, whose nesting MAX_PROVISION_DEPTH caps."""
    assert _json_depth(document_types()[name]) <= MAX_DEPTH
