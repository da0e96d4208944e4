"""Strict JSON text: the one reading of JSON for documents, FHIR, policy files and commands.

Python's ``json`` module reads more than one document into the same value: it keeps the
last of a repeated key, takes ``NaN`` and ``Infinity``, turns ``1e999`` into infinity,
and passes lone surrogates (``"\\ud800"``) into text that cannot be written out again.
A sender whose parser keeps the first of two keys then sees another document than we
decide on. Here each of those is refused with ``InvalidInput``:

- a repeated key in any object, every one named with the path of its object;
- a lone surrogate, escaped in the JSON or raw in ``str`` input, and bytes that are not
  UTF-8 (one leading UTF-8 byte order mark is ignored, as RFC 8259 allows);
- ``NaN``, ``Infinity``, ``-Infinity``, and numbers too large for a float or an int;
- nesting deeper than `MAX_DEPTH` objects and arrays, and documents larger than
  `MAX_DOCUMENT_SIZE`.

The well-formed case stays close to the plain C decoder: the repeated-key check is a
length comparison per object, and only a refused document is read a second time to
name every repeated key.
"""

from __future__ import annotations

import json
import math
import re
import sys
from os import PathLike
from typing import Any

from anhorig._text import InvalidInput, Problem, quote

__all__ = ["MAX_DEPTH", "MAX_DOCUMENT_SIZE", "check_depth", "decode", "load_json", "read_file"]

MAX_DEPTH = 64
"""The deepest nesting of JSON objects and arrays read (the top-level value is level 1).

Documents nest about ten levels; a consent's provisions within provisions stay far below
this. Deeper input is refused before anything recurses into it.
"""

MAX_DOCUMENT_SIZE = 16 * 1024 * 1024
"""The largest JSON text read: 16 MiB, counted in bytes for ``bytes`` input and in
characters for ``str`` input."""

_BOM = b"\xef\xbb\xbf"


class _Repeated(Exception):
    """An object has a repeated key; the text is read again to name every one."""


class _Constant(Exception):
    """``NaN``, ``Infinity`` or ``-Infinity``, which JSON does not have."""


class _Unrepresentable(Exception):
    """A number that a float cannot hold: it would become infinity, or zero."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Repeated
    return result


def _no_constant(name: str) -> Any:
    raise _Constant(name)


_NONZERO = re.compile(r"[1-9]")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise _Unrepresentable(literal)
    if value == 0.0 and _NONZERO.search(literal.lower().partition("e")[0]):
        raise _Unrepresentable(literal)  # 1e-999 is not zero
    return value


_DECODER = json.JSONDecoder(
    object_pairs_hook=_unique, parse_constant=_no_constant, parse_float=_finite_float
)


class _Pairs(list[tuple[str, Any]]):
    """An object's key-value pairs as written, repeated keys included."""


_PAIRS_DECODER = json.JSONDecoder(
    object_pairs_hook=_Pairs, parse_constant=_no_constant, parse_float=_finite_float
)

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""Where an escaped surrogate may start; a proper pair is one character once decoded."""

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")

_DECODER_MESSAGES = {
    "Expecting value": ("väntade ett värde", "expected a value"),
    "Expecting property name enclosed in double quotes": (
        "väntade ett nyckelnamn inom dubbla citattecken",
        "expected a key in double quotes",
    ),
    "Expecting ':' delimiter": ("väntade ':'", "expected ':'"),
    "Expecting ',' delimiter": ("väntade ','", "expected ','"),
    "Unterminated string starting at": (
        "en text som börjar här tar aldrig slut",
        "a string starting here never ends",
    ),
    "Invalid control character at": (
        "otillåtet styrtecken i en text",
        "a control character inside a string",
    ),
    "Invalid \\escape": ("ogiltig escape-sekvens", "invalid escape sequence"),
    "Invalid \\uXXXX escape": ("ogiltig \\uXXXX-sekvens", "invalid \\uXXXX escape"),
    "Extra data": ("mer text efter dokumentets slut", "more text after the document's end"),
}
"""The json module's messages in Swedish and English, so none of its English reaches a
Swedish message."""


def _cpython_narrow_floor() -> int | None:
    # sys.getsizeof of a CPython str of n two-byte characters is this plus 2n, or more.
    if sys.implementation.name != "cpython":
        return None
    return sys.getsizeof("\u0100" * 8) - 16


_NARROW_FLOOR = _cpython_narrow_floor()


def _may_hold_surrogates(text: str) -> bool:
    """Whether ``text`` may hold a surrogate code point; cheap for the usual text.

    CPython stores a text whose characters all lie below U+0100 one byte per character,
    which its size shows without reading the text; a surrogate (U+D800–U+DFFF) needs two.
    """
    if text.isascii():
        return False
    if _NARROW_FLOOR is None:
        return True
    return sys.getsizeof(text) >= _NARROW_FLOOR + 2 * len(text)


def _refuse(sv: str, en: str) -> InvalidInput:
    return InvalidInput.at("$", sv=sv, en=en)


def _quote(text: str) -> str:
    """``text`` in double quotes, shortened, with anything unprintable escaped."""
    shown = json.dumps(text[:40] + ("…" if len(text) > 40 else ""), ensure_ascii=False)
    return shown.encode("utf-8", "backslashreplace").decode("utf-8")


def _child(path: str, key: str) -> str:
    return f"{path}.{key}" if _IDENTIFIER.fullmatch(key) else f"{path}[{_quote(key)}]"


def _size_problem(size: int, *, sv: str, en: str) -> InvalidInput:
    return _refuse(
        sv=f"dokumentet är större än {MAX_DOCUMENT_SIZE} {sv} (fick {size})",
        en=f"the document is larger than {MAX_DOCUMENT_SIZE} {en} (got {size})",
    )


def _depth_problem() -> InvalidInput:
    return _refuse(
        sv=f"JSON nästlat djupare än {MAX_DEPTH} nivåer",
        en=f"JSON nested deeper than {MAX_DEPTH} levels",
    )


def _as_text(source: object) -> str:
    """The JSON text of ``source``: ``str`` as it is, ``bytes`` decoded as strict UTF-8."""
    if isinstance(source, bytes | bytearray):
        if len(source) > MAX_DOCUMENT_SIZE:
            raise _size_problem(len(source), sv="byte", en="bytes")
        start = 3 if source.startswith(_BOM) else 0
        try:
            return bytes(source[start:]).decode("utf-8") if start else source.decode("utf-8")
        except UnicodeDecodeError as exc:
            at = exc.start + start
            raise _refuse(
                sv=f"ogiltig UTF-8 vid byte {at} (dokument ska vara UTF-8)",
                en=f"invalid UTF-8 at byte {at} (documents must be UTF-8)",
            ) from None
    if not isinstance(source, str):
        raise _refuse(
            sv=f"väntade JSON-text (str eller bytes), fick {type(source).__name__}",
            en=f"expected JSON text (str or bytes), got {type(source).__name__}",
        )
    if len(source) > MAX_DOCUMENT_SIZE:
        raise _size_problem(len(source), sv="tecken", en="characters")
    if source.startswith("\ufeff"):
        source = source[1:]
    if _may_hold_surrogates(source):
        try:
            source.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise _refuse(
                sv=f"ensamt surrogattecken vid tecken {exc.start} (ingen Unicode-text)",
                en=f"a lone surrogate at character {exc.start} (not Unicode text)",
            ) from None
    return source


def _decoder_problem(exc: json.JSONDecodeError) -> InvalidInput:
    sv, en = _DECODER_MESSAGES.get(exc.msg, ("ogiltig syntax", "invalid syntax"))
    return _refuse(
        sv=f"ogiltig JSON på rad {exc.lineno}, kolumn {exc.colno}: {sv}",
        en=f"invalid JSON at line {exc.lineno}, column {exc.colno}: {en}",
    )


def decode(source: str | bytes) -> Any:
    """``source`` read strictly, except that its depth is left to the caller.

    `anhorig.serialization.from_json` reads by a document type, which bounds how deep it
    looks; it checks the depth only where it reads without one (`check_depth`).
    """
    text = _as_text(source)
    try:
        data = _decoded(_DECODER, text)
    except _Repeated:
        # Read again keeping every pair; anything else wrong further on is named instead.
        raise InvalidInput(_repeated_keys(_decoded(_PAIRS_DECODER, text))) from None
    if "\\" in text and _SURROGATE_ESCAPE.search(text):
        problems = _lone_surrogates(data)
        if problems:
            raise InvalidInput(problems)
    return data


def _decoded(decoder: json.JSONDecoder, text: str) -> Any:
    """``text`` read by ``decoder``; every error but a repeated key is InvalidInput."""
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise _decoder_problem(exc) from None
    except _Constant as exc:
        raise _refuse(
            sv=f"{quote(exc.args[0])} är inget tal i JSON",
            en=f"{quote(exc.args[0])} is not a JSON number",
        ) from None
    except _Unrepresentable as exc:
        literal = str(exc.args[0])[:40]
        raise _refuse(
            sv=f"talet {literal} ryms inte i ett flyttal",
            en=f"the number {literal} does not fit a float",
        ) from None
    except RecursionError:
        raise _depth_problem() from None
    except ValueError:
        # The only other ValueError: an integer longer than Python converts.
        limit = sys.get_int_max_str_digits()
        raise _refuse(
            sv=f"ett heltal har fler än {limit} siffror",
            en=f"an integer has more than {limit} digits",
        ) from None


_CONTAINERS = (dict, list)


def check_depth(data: object) -> None:
    """Refuse ``data`` (dicts and lists) nested deeper than `MAX_DEPTH`, without recursing."""
    level: list[Any] = [data] if isinstance(data, _CONTAINERS) else []
    depth = 0
    while level:
        depth += 1
        below: list[Any] = []
        for container in level:
            members = container.values() if container.__class__ is dict else container
            # A tuple of types and a list display: half the time of a union type and a
            # generator, on every document refused (issue 14).
            below += [m for m in members if isinstance(m, _CONTAINERS)]
        if below and depth == MAX_DEPTH:
            raise _depth_problem()
        level = below


def load_json(source: str | bytes) -> Any:
    """Read JSON text strictly; ``InvalidInput`` is the only error raised.

    ``source`` is ``str``, or ``bytes`` that must be UTF-8 (one leading byte order mark
    is ignored). Refused, each with its own message: a key repeated in any object
    (every one, with its object's path, e.g. ``$.provision.exceptions[0]: nyckeln
    "categories" förekommer mer än en gång``), lone surrogates, invalid UTF-8, ``NaN``,
    ``Infinity``, ``-Infinity``, numbers that overflow (``1e999``), nesting deeper than
    `MAX_DEPTH`, and text longer than `MAX_DOCUMENT_SIZE`.

    >>> load_json('{"hours": 12, "kind": "in_home"}')
    {'hours': 12, 'kind': 'in_home'}
    >>> load_json('{"hours": 12, "hours": 1}')
    Traceback (most recent call last):
      ...
    anhorig.errors.InvalidInput: $: nyckeln "hours" förekommer mer än en gång
    """
    data = decode(source)
    if isinstance(data, dict | list):
        check_depth(data)
    return data


def read_file(path: str | PathLike[str]) -> bytes:
    """The bytes of the file at ``path``, at most one more than `MAX_DOCUMENT_SIZE`.

    A larger file is not read in full; `load_json` then refuses it for its size.
    ``OSError`` is left to the caller, which names the file.
    """
    with open(path, "rb") as file:
        return file.read(MAX_DOCUMENT_SIZE + 1)


def _repeated_keys(document: Any) -> list[Problem]:
    """Every repeated key in ``document`` (objects as `_Pairs`), with its object's path."""
    problems: list[Problem] = []
    stack: list[tuple[Any, str]] = [(document, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, _Pairs):
            seen: set[str] = set()
            reported: set[str] = set()
            for key, _ in value:
                if key in seen and key not in reported:
                    reported.add(key)
                    problems.append(
                        Problem.make(
                            path,
                            sv=f"nyckeln {_quote(key)} förekommer mer än en gång",
                            en=f"key {_quote(key)} occurs more than once",
                        )
                    )
                seen.add(key)
            stack.extend((member, _child(path, key)) for key, member in reversed(value))
        elif isinstance(value, list):
            stack.extend((member, f"{path}[{i}]") for i, member in reversed(list(enumerate(value))))
    return problems


def _lone_surrogates(data: object) -> list[Problem]:
    """A problem for each key or text in ``data`` holding a lone surrogate, with its path."""

    def bad(text: str) -> bool:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False

    problems: list[Problem] = []
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key in value:
                if bad(key):
                    problems.append(
                        Problem.make(
                            path,
                            sv=f"nyckeln {_quote(key)} har ett ensamt surrogattecken "
                            "(ingen Unicode-text)",
                            en=f"key {_quote(key)} holds a lone surrogate (not Unicode text)",
                        )
                    )
            stack.extend((member, _child(path, key)) for key, member in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((member, f"{path}[{i}]") for i, member in reversed(list(enumerate(value))))
        elif isinstance(value, str) and bad(value):
            problems.append(
                Problem.make(
                    path,
                    sv="texten har ett ensamt surrogattecken (ingen Unicode-text)",
                    en="the text holds a lone surrogate (not Unicode text)",
                )
            )
    return problems
