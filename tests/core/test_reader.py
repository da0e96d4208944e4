"""The compiled readers agree with the strict converter on every document, good or bad.

A compiled reader (``anhorig.documents``) reads well-formed documents fast and gives
up on anything else, leaving the strict converter to explain. It must never accept
a document the strict converter refuses, nor read one differently. These tests
compare the two on documents of every type the testing kit produces, and on the
same documents broken in one place.
"""

from __future__ import annotations

import copy
import threading
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig import InvalidInput, PersonId
from anhorig.people import read_canonical
from anhorig.serialization import (
    _compiled_reader,
    _problems,
    converter,
    document_types,
    from_document,
    make_converter,
    to_document,
)
from tests.fuzz.mutations import paths, value_at

TYPES = sorted(document_types().items())

Path = tuple[str | int, ...]

_ODD_VALUES: list[object] = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.5,
    "",
    " ",
    "x",
    "2026-11-22",
    "2026-W47-1",  # an ISO week date: fromisoformat reads it, documents must not hold it
    "2026-11-22T10:00:00+01:00",
    "2026-11-22T10:00:00",
    "19500301-9824",
    "19500301-9825",
    "195003019824",
    "500301-9824",
    [],
    {},
    ["x"],
    {"x": 1},
]


# The strict reading throughout: anhorig's own converter reads each object with its
# compiled reader first, which is what is compared here.
_STRICT = make_converter()


def _strict(body: object, cls: type) -> tuple[bool, object]:
    try:
        return True, _STRICT.structure(body, cls)
    except Exception:  # the strict converter's refusal, in whatever form it takes here
        return False, None


def _answer(conv: Any, body: object, cls: type) -> tuple[str, object]:
    """What converter ``conv`` makes of ``body``: the object's document, or every problem."""
    try:
        value = conv.structure(body, cls)
    except Exception as exc:  # as from_document turns it into InvalidInput
        problems = _problems(exc, "$")
        return "refused", [(p.path, p.message.sv, p.message.en) for p in problems]
    return "read", (type(value), to_document(value))


def _fast(body: object, cls: type) -> tuple[bool, object]:
    read = _compiled_reader(cls)
    assert read is not None, f"{cls.__name__} has no compiled reader"
    try:
        return True, read(body)
    except Exception:  # the reader gave up
        return False, None


def _same(a: object, b: object) -> bool:
    return a == b and type(a) is type(b) and to_document(a) == to_document(b)


def test_every_document_type_has_a_compiled_reader() -> None:
    """No type silently falls back to the slow reading for its good documents."""
    assert [name for name, cls in TYPES if _compiled_reader(cls) is None] == []


@pytest.mark.parametrize(("name", "cls"), TYPES, ids=[name for name, _ in TYPES])
def test_readers_agree_with_the_strict_converter(name: str, cls: type) -> None:
    """A good document is read by the compiled reader to the same object as the strict
    converter reads it; the same document broken in one place is either refused by
    both or read to the same object by both."""

    @given(st.from_type(cls), st.data())
    def agree(value: Any, data: st.DataObject) -> None:
        body = converter.unstructure(value, cls)
        ok, fast = _fast(body, cls)
        assert ok, "the compiled reader gave up on a good document"
        assert _same(fast, value)

        broken = copy.deepcopy(body)
        path = data.draw(st.sampled_from(paths(broken)), label="path")
        others = [value_at(body, p) for p in paths(body)]
        replacement = data.draw(st.sampled_from(_ODD_VALUES + others), label="replacement")
        how = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]), label="how")
        if not path:
            broken = replacement
        else:
            parent: Any = value_at(broken, path[:-1])
            step = path[-1]
            if how == "delete":
                del parent[step]
            elif how == "add" and isinstance(parent, dict):
                parent["unknown_field"] = replacement
            elif how == "duplicate" and isinstance(parent, list) and isinstance(step, int):
                parent.append(copy.deepcopy(parent[step]))
            else:
                parent[step] = replacement
        strict_ok, strict = _strict(broken, cls)
        fast_ok, fast = _fast(broken, cls)
        # anhorig's converter, which tries the compiled reader on each object first,
        # answers as the strict reading throughout: the same object or the same problems.
        assert _answer(converter, broken, cls) == _answer(_STRICT, broken, cls)
        if fast_ok:
            assert strict_ok, f"the compiled reader accepted what the strict one refuses: {path}"
            assert _same(fast, strict)

    agree()


@given(
    st.text(alphabet="0123456789-+ ", min_size=11, max_size=14)
    | st.from_type(PersonId).map(lambda p: p.value)
)
def test_canonical_personnummer_reading_agrees_with_parse(text: str) -> None:
    """The canonical-form shortcut gives a PersonId exactly when parse gives that one."""
    fast = read_canonical(text)
    try:
        parsed: PersonId | None = PersonId.parse(text)
    except InvalidInput:
        parsed = None
    if fast is not None:
        assert parsed == fast
        assert fast.value == text
    elif parsed is not None:
        assert parsed.value != text, "a canonical number was left to the slow reading"


def test_a_week_date_is_not_a_date() -> None:
    """Python 3.11 reads '2026-W47-1' as a date; a document's date must be YYYY-MM-DD."""
    person = {
        "type": "Person",
        "schema_version": 1,
        "name": "Karin Berg",
        "birth_date": "1950-W09-3",
    }
    with pytest.raises(InvalidInput, match="birth_date"):
        from_document(None, person)
    person["birth_date"] = "1950-03-01"
    read = from_document(None, person)
    assert getattr(read, "birth_date", None) == date(1950, 3, 1)


def test_readers_can_be_used_from_many_threads() -> None:
    """Readers switch validators off in their own copy of __init__, never globally: a
    bad object built in another thread meanwhile is still refused."""
    from anhorig.people import Person

    stop = threading.Event()
    refused: list[bool] = []

    def build_bad() -> None:
        while not stop.is_set():
            try:
                Person(name="")
            except InvalidInput:
                refused.append(True)
            else:
                refused.append(False)

    worker = threading.Thread(target=build_bad)
    worker.start()
    try:
        body = {"id": "19500301-9824", "name": "Karin Berg", "birth_date": "1950-03-01"}
        for _ in range(2000):
            from_document(Person, {"type": "Person", "schema_version": 1, **body})
    finally:
        stop.set()
        worker.join()
    assert refused
    assert all(refused)


def test_a_class_first_read_by_many_threads_at_once_gets_its_reader() -> None:
    """Compiling is serialised, so no thread sees a half-compiled class as unsupported."""
    from anhorig import documents
    from anhorig.plans import SupportPlan
    from anhorig.serialization import _read_person_id

    reader_of = documents.reader(converter, {PersonId: _read_person_id})
    barrier = threading.Barrier(8)
    found: list[object] = []

    def first_read() -> None:
        barrier.wait()
        found.append(reader_of(SupportPlan))

    threads = [threading.Thread(target=first_read) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(found) == 8
    assert all(read is not None and read is found[0] for read in found)
