"""Hostile variants of JSON documents, as hypothesis strategies.

`mutated(document)` takes a JSON value (a document as ``json.loads`` gives it) and
applies one to three mutations, each of a kind a sender's bug or an attacker could
produce: a deleted key, a value of another JSON type, a huge number, deep nesting, a
repeated key, bad Unicode (lone surrogates, invalid UTF-8 bytes), a DST-gap, fold or
leap-day time, a year outside 1800–2199, nanoseconds, NaN or an overflowing literal,
a truncated text. The result is ``str`` or ``bytes``, as a file or a caller would give
it. Shrinks towards a single deletion.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from hypothesis import strategies as st

from anhorig.serialization import MAX_DEPTH

Path = tuple[str | int, ...]

_MARK = "\x00mark\x00"
"""Stands in the document for text that json.dumps cannot write (repeated keys, raw
literals, deep nesting); replaced in the written text."""

EDGE_TIMES = (
    "2026-03-29T02:30:00",  # in the spring gap, and naive
    "2026-03-29T02:30:00+01:00",  # in the gap by the wall clock, a real instant by its offset
    "2026-03-29T02:30:00+02:00",
    "2026-10-25T02:30:00+02:00",  # the autumn fold, first and second time
    "2026-10-25T02:30:00+01:00",
    "2026-10-25T02:30:00",
    "2024-02-29T12:00:00+01:00",
    "2025-02-29T12:00:00+01:00",
    "2100-02-29T00:00:00Z",
    "2024-02-29",
    "2025-02-29",
    "2100-02-29",
    "2000-02-29",
    "9999-12-31T23:59:59-05:00",
    "0001-01-01T00:00:00+05:00",
    "1799-12-31T23:59:59Z",
    "2200-01-01T00:00:00+01:00",
    "9999-12-31",
    "0001-01-01",
    "1799-12-31",
    "2200-01-01",
    "2199-12-31",
    "1800-01-01",
    "2026-03-02T10:00:00.123456789+01:00",
    "2026-03-02T10:00.5+01:00",
    "2026-03-02T24:00:00+01:00",
    "2026-W10-1",
    "2026-13-01",
    "20260302T100000Z",
)

HUGE_NUMBERS = (
    "1e999",
    "-1e999",
    "1e-999",
    "1.7976931348623157e308",
    "5e-324",
    "NaN",
    "Infinity",
    "-Infinity",
    "1" + "0" * 400,
    "9" * 5000,
    "-0",
    "0.0",
    "2147483648",
    "9223372036854775808",
    "1e400",
)

_DATEISH = re.compile(r"^\d{4}-\d{2}-\d{2}")


def paths(value: Any, at: Path = ()) -> list[Path]:
    """Every path into ``value``, the root (``()``) first."""
    found = [at]
    if isinstance(value, dict):
        for key, member in value.items():
            found += paths(member, (*at, key))
    elif isinstance(value, list):
        for index, member in enumerate(value):
            found += paths(member, (*at, index))
    return found


def value_at(value: Any, at: Path) -> Any:
    """What a JSON value holds at the path ``at`` (as `paths` gives them)."""
    for step in at:
        value = value[step]
    return value


def _set(root: Any, at: Path, new: Any) -> Any:
    if not at:
        return new
    value_at(root, at[:-1])[at[-1]] = new
    return root


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
"""Any JSON value, to put where another belongs."""


class _Writer:
    """Collects the raw texts that replace the marks when the document is written."""

    def __init__(self) -> None:
        self.raw: list[str] = []

    def mark(self, text: str) -> str:
        self.raw.append(text)
        return f"{_MARK}{len(self.raw) - 1}"

    def write(self, document: Any, *, ascii_only: bool) -> str:
        text = json.dumps(document, ensure_ascii=ascii_only)
        for index, raw in enumerate(self.raw):
            quoted = json.dumps(f"{_MARK}{index}", ensure_ascii=ascii_only)
            text = text.replace(quoted, raw)
        return text


@st.composite
def _mutate(draw: st.DrawFn, document: Any, writer: _Writer) -> Any:
    """``document`` with one mutation applied (in place, or a new root)."""
    every = paths(document)
    at: Path = draw(st.sampled_from(every), label="path")
    node = value_at(document, at)
    kind = draw(
        st.sampled_from(
            [
                "delete",
                "retype",
                "huge",
                "deep",
                "repeat",
                "surrogate",
                "time",
                "null",
                "empty",
            ]
        ),
        label="kind",
    )
    if kind == "delete":
        objects = [
            p for p in every if isinstance(value_at(document, p), dict) and value_at(document, p)
        ]
        if objects:
            owner = value_at(document, draw(st.sampled_from(objects)))
            del owner[draw(st.sampled_from(sorted(owner)))]
        return document
    if kind == "retype":
        return _set(document, at, draw(json_values))
    if kind == "huge":
        return _set(document, at, writer.mark(draw(st.sampled_from(HUGE_NUMBERS))))
    if kind == "deep":
        levels = draw(st.sampled_from([MAX_DEPTH - 2, MAX_DEPTH + 1, 1_000, 100_000]))
        opening, closing = draw(st.sampled_from([("[", "]"), ('{"a": ', "}")]))
        inner = json.dumps(node) if len(paths(node)) < 50 else "1"
        return _set(document, at, writer.mark(opening * levels + inner + closing * levels))
    if kind == "repeat":
        objects = [
            p for p in every if isinstance(value_at(document, p), dict) and value_at(document, p)
        ]
        if objects:
            owner = value_at(document, draw(st.sampled_from(objects)))
            key = draw(st.sampled_from(sorted(owner)))
            owner[writer.mark(json.dumps(key))] = draw(st.sampled_from([owner[key], None, []]))
        return document
    if kind == "surrogate":
        lone = draw(st.sampled_from(["\ud800", "\udfff", "\udc00\ud800", "x\ud83d"]))
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            node[key + lone] = node.pop(key)
            return document
        return _set(document, at, (node if isinstance(node, str) else "") + lone)
    if kind == "time":
        dated = [
            p
            for p in every
            if isinstance(value_at(document, p), str) and _DATEISH.match(value_at(document, p))
        ]
        target = draw(st.sampled_from(dated)) if dated else at
        return _set(document, target, draw(st.sampled_from(EDGE_TIMES)))
    if kind == "null":
        return _set(document, at, None)
    return _set(document, at, draw(st.sampled_from([[], {}, ""])))


@st.composite
def mutated(draw: st.DrawFn, document: Any) -> str | bytes:
    """``document`` written as JSON after one to three mutations, as text or bytes."""
    changed = copy.deepcopy(document)
    writer = _Writer()
    for _ in range(draw(st.integers(1, 3), label="mutations")):
        changed = draw(_mutate(changed, writer))
    text = writer.write(changed, ascii_only=draw(st.booleans(), label="ascii"))
    form = draw(
        st.sampled_from(["str", "bytes", "bytes", "truncated", "bad-bytes", "bom", "utf-16"]),
        label="form",
    )
    if form == "str":
        return text
    encoded = text.encode("utf-8", "surrogatepass")  # a raw surrogate becomes invalid UTF-8
    if form == "truncated":
        return encoded[: draw(st.integers(0, max(0, len(encoded) - 1)))]
    if form == "bad-bytes":
        at = draw(st.integers(0, len(encoded)))
        junk = draw(st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\xc0\xaf"]))
        return encoded[:at] + junk + encoded[at:]
    if form == "bom":
        return b"\xef\xbb\xbf" + encoded
    if form == "utf-16":
        return text.encode("utf-16", "surrogatepass")
    return encoded
