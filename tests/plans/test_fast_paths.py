"""Issue 14's fast paths for a stödplan give the slow paths' answers, on drawn plans.

- ``from_json(SupportPlan, text)`` reads a well-formed document with the compiled
  reader and leaves anything else to the strict converter. Here the whole of
  ``from_json`` is compared with ``from_json`` that has only the strict converter (the
  compiled reader switched off): the same plan from every drawn document, and from the
  same document broken in one place the same ``InvalidInput``, every path and message
  in the same order, or the same plan when the change leaves it valid.
- ``SupportPlan.relationship()`` builds its ``Relationship`` from the plan's checked
  parts without checking them again (``anhorig._checks.trusted``): it is the one the
  constructor builds, and a plan whose carer is the person cared for is still refused.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeGuard

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig import serialization
from anhorig.errors import InvalidInput
from anhorig.people import Person
from anhorig.plans import SupportPlan
from anhorig.relations import Relationship
from anhorig.serialization import from_json, to_document
from anhorig.testing.strategies import (
    breakable_plan_codes,
    broken_support_plans,
    support_plans,
)
from tests.fuzz.mutations import paths, value_at

ON_DATES = st.dates(date(2001, 1, 1), date(2070, 12, 31))

Steps = tuple[str | int, ...]

# Values a broken document may hold instead of the drawn one: wrong types, empty and
# blank texts, dates written other ways, personnummer with a wrong check digit or in
# another form, and the like.
_ODD_VALUES: list[object] = [
    None,
    True,
    0,
    -1,
    1.5,
    "",
    " ",
    "x",
    "massage",
    "2026-11-22",
    "2026-W47-1",
    "2026-11-22T10:00:00",
    "1761436800",
    "1799-12-31",
    "19500301-9824",
    "19500301-9825",
    "195003019824",
    "500301-9824",
    [],
    ["x"],
    ["self_care", "self_care"],
    {},
    {"x": 1},
]


@contextmanager
def _strict_only() -> Iterator[None]:
    """``from_json`` as it reads without the compiled readers: the strict converter only."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(serialization, "_compiled_reader", lambda cl: None)
        yield


def _outcome(text: str) -> tuple[str, object]:
    """What ``from_json`` makes of ``text``: the plan as a document, or every problem."""
    try:
        plan = from_json(SupportPlan, text)
    except InvalidInput as exc:
        return "refused", [(p.path, p.message.sv, p.message.en) for p in exc.problems]
    return "read", (plan, to_document(plan))


SUPPORT_CODES = [code for code in breakable_plan_codes() if code.startswith("PLAN-")]


def _plans(on: date | None = None) -> st.SearchStrategy[SupportPlan]:
    """Stödplaner with no finding, and stödplaner that break one rule (well-formed all)."""
    if on is None:
        return support_plans() | st.sampled_from(SUPPORT_CODES).flatmap(broken_support_plans)
    return support_plans(on=on) | st.sampled_from(SUPPORT_CODES).flatmap(
        lambda code: broken_support_plans(code, on=on)
    )


def _is_date_text(value: object) -> TypeGuard[str]:
    return isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"


def _keys(node: object) -> list[str | int]:
    if isinstance(node, dict):
        return list(node)
    return list(range(len(node))) if isinstance(node, list) else []


def _shifted_dates(values: list[object]) -> st.SearchStrategy[object]:
    """A date beside the one replaced (in the same object, or the plan's creation)
    moved a day either way or kept: the conditions between fields (an end not before
    its start, agreed not before created) are decided at that boundary."""
    days = [date.fromisoformat(v) for v in values if _is_date_text(v)]
    if not days:
        return st.nothing()
    return st.tuples(st.sampled_from(days), st.sampled_from([-1, 0, 1, -400, 400])).map(
        lambda moved: (moved[0] + timedelta(days=moved[1])).isoformat()
    )


@given(st.data(), ON_DATES)
def test_fast_reading_gives_the_strict_plan(data: st.DataObject, on: date) -> None:
    """A drawn plan's document is read to the same plan with and without the compiled
    reader, and that plan is the one written."""
    plan = data.draw(_plans(on), label="plan")
    text = serialization.to_json(plan)
    fast = _outcome(text)
    with _strict_only():
        strict = _outcome(text)
    assert fast == strict
    assert fast == ("read", (plan, to_document(plan)))


@given(st.data(), ON_DATES)
def test_a_broken_document_gets_the_same_refusal(data: st.DataObject, on: date) -> None:
    """The same document changed in one place (a value replaced by an odd one or
    another of the document's, a key removed, an unknown key added, a list member
    repeated, a key written twice) is refused with the same problems, paths and
    messages in order, with and without the compiled reader, or read to the same plan."""
    plan = data.draw(_plans(on), label="plan")
    document = to_document(plan)
    broken = copy.deepcopy(document)
    inner = paths(broken)[1:]
    dates = [path for path in inner if _is_date_text(value_at(broken, path))]
    # Half the time a date: the conditions between fields are mostly between dates.
    path = data.draw(st.sampled_from(inner) | st.sampled_from(dates), label="path")
    others = [value_at(document, p) for p in paths(document)]
    near = [value_at(broken, (*path[:-1], key)) for key in _keys(value_at(broken, path[:-1]))]
    replacement = data.draw(
        st.sampled_from(_ODD_VALUES + others) | _shifted_dates([*near, document["created_on"]]),
        label="replacement",
    )
    how = data.draw(
        st.sampled_from(["replace", "delete", "add", "duplicate", "repeat key"]), label="how"
    )
    parent: Any = value_at(broken, path[:-1])
    step = path[-1]
    text: str | None = None
    if how == "delete":
        del parent[step]
    elif how == "add" and isinstance(parent, dict):
        parent["unknown_field"] = replacement
    elif how == "duplicate" and isinstance(parent, list) and isinstance(step, int):
        parent.append(copy.deepcopy(parent[step]))
    elif how == "repeat key" and isinstance(parent, dict) and isinstance(step, str):
        marker = "\x00repeat\x00"
        parent[marker] = replacement
        written = json.dumps(broken, ensure_ascii=False)
        text = written.replace(json.dumps(marker), json.dumps(step), 1)
    else:
        parent[step] = replacement
    if text is None:
        text = json.dumps(broken, ensure_ascii=False)
    fast = _outcome(text)
    with _strict_only():
        strict = _outcome(text)
    assert fast == strict


@given(_plans())
def test_the_relationship_is_the_constructors(plan: SupportPlan) -> None:
    """``relationship()`` gives the relationship the constructor builds from the plan."""
    built = Relationship(
        carer=plan.carer,
        cared_for=plan.cared_for,
        kind=plan.relation,
        involvements=() if plan.involvement is None else (plan.involvement,),
    )
    made = plan.relationship()
    assert made == built
    assert repr(made) == repr(built)
    assert attrs.asdict(made, recurse=False) == attrs.asdict(built, recurse=False)


@given(support_plans(), st.booleans())
def test_a_carer_who_is_the_person_cared_for_is_refused(plan: SupportPlan, by_id: bool) -> None:
    """A plan whose carer is the person cared for (the same person, or the same
    personnummer under another name) has no relationship: ``InvalidInput`` at
    ``cared_for``, as the constructor says."""
    carer = plan.carer
    if by_id and carer.id is not None:
        same: Person = attrs.evolve(carer, name=carer.name + " Andersson")
    else:
        same = carer
    odd = attrs.evolve(plan, cared_for=same)
    with pytest.raises(InvalidInput) as refused:
        odd.relationship()
    assert [p.path for p in refused.value.problems] == ["cared_for"]


_EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "plans" / "support-plan-valid.json"

_FAULTS: dict[str, tuple[Steps, object]] = {
    "a measure ends the day before it starts": (("measures", 2, "end"), "2027-01-14"),
    "a measure ends the day it starts": (("measures", 2, "end"), "2027-01-15"),
    "agreed the day before created": (("agreed_on",), "2026-10-25"),
    "reconfirm_by on recorded_on": (("involvement", "reconfirm_by"), "2026-10-26"),
    "revoked before given": (("consents", 0, "revoked_on"), "2026-10-25"),
    "birth date not the personnummer's": (("carer", "birth_date"), "1950-03-02"),
    "wrong check digit": (("carer", "id"), "19500301-9825"),
    "a samordningsnummer's birth date": (("cared_for", "id"), "19460562-9711"),
    "unknown measure kind": (("measures", 9, "kind"), "massage"),
    "a week date": (("created_on",), "2026-W44-1"),
    "a year before 1800": (("created_on",), "1799-12-31"),
    "a respite grant on education": (("measures", 2, "respite_grant_id"), "AVL-1"),
    "a blank description": (("needs", 0, "description"), " "),
    "a duplicate task": (("involvement", "tasks"), ["self_care", "self_care"]),
    "no purposes": (("consents", 0, "purposes"), []),
    "active without agreed_on": (("agreed_on",), None),
}


@pytest.mark.parametrize("fault", sorted(_FAULTS))
def test_the_example_plan_broken_gets_the_same_refusal(fault: str) -> None:
    """The example stödplan with one fault at a condition's boundary is refused with the
    same problems with and without the compiled reader (or read the same, where the
    boundary is on the good side)."""
    document = json.loads(_EXAMPLE.read_text(encoding="utf-8"))
    path, value = _FAULTS[fault]
    parent = value_at(document, path[:-1])
    parent[path[-1]] = value
    text = json.dumps(document, ensure_ascii=False)
    fast = _outcome(text)
    with _strict_only():
        strict = _outcome(text)
    assert fast == strict
    if fault != "a measure ends the day it starts":
        assert fast[0] == "refused"


@given(st.lists(st.sampled_from(sorted(_FAULTS)), min_size=2, max_size=5, unique=True))
def test_the_example_plan_broken_in_several_places_names_every_fault(faults: list[str]) -> None:
    """With several faults at once, the objects read by their compiled readers and the
    ones read strictly together name the same problems, paths and messages in the same
    order, as the strict reading of the whole document does: none is lost to a part
    the reader took."""
    document = json.loads(_EXAMPLE.read_text(encoding="utf-8"))
    for fault in faults:
        path, value = _FAULTS[fault]
        parent = value_at(document, path[:-1])
        parent[path[-1]] = copy.deepcopy(value)
    text = json.dumps(document, ensure_ascii=False)
    fast = _outcome(text)
    with _strict_only():
        strict = _outcome(text)
    assert fast == strict
