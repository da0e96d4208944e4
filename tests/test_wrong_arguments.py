"""Every public function refuses an argument of the wrong type with `InvalidInput` naming it.

For each function in the ``__all__`` of every public module (the testing kit aside), valid
arguments are made from its annotations (a parameter's default where it has one, the
kit's strategies for domain types, a small table of samples for the rest), and then each
parameter in turn is given values its annotation does not allow: ``object()``, ``None``
where it is not optional, a personnummer-shaped text where no text is expected, a number
where none is. The call must raise `InvalidInput` whose every path is that parameter (or a
path under it), whose messages read in both languages, and which never quotes the
personnummer back in full: never a ``TypeError``, an ``AttributeError`` or another
parameter's name.

Functions that are the machinery of a rule family or of the command line (public only so
that a sibling module may import them, see ``tests/test_layout.py`` rule (d)) are named in
`MACHINERY` with the reason, not silently skipped.
"""

from __future__ import annotations

import collections.abc
import inspect
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any

import pendulum
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from anhorig import AnhorigError, InvalidInput
from anhorig._arguments import checked, checked_first
from anhorig.consent import Consent, ConsentRegistry
from anhorig.organisations import Provider, ProviderKind
from anhorig.plans import SupportPlan
from anhorig.respite import Ledger
from anhorig.time import Interval, Period, local
from tests._imports import public_modules

PERSONNUMMER = "19391225-0028"
"""A text where no text is expected: a personnummer, so the test sees it is never quoted."""

MACHINERY: dict[str, str] = {
    "anhorig.consent.rules.": "the decision procedure's steps, called by the engine with "
    "a compiled question it has checked",
    "anhorig.respite.rules.booking.": "a booking rule's findings, called by check_booking",
    "anhorig.respite.rules.grant.": "a grant rule's findings, called by check",
    "anhorig.respite.rules.hours.": "a booking rule's findings, called by check_booking",
    "anhorig.respite.rules.pattern.": "a rhythm rule's findings, called by check",
    "anhorig.respite.rules.quota.": "a booking rule's findings, called by check_booking",
    "anhorig.respite.rules.stays.": "a booking rule's findings, called by check_booking",
    "anhorig.respite._carry.": "the carry-over arithmetic, called by the ledger",
    "anhorig.discharge.rules.children.": "a rule step, called by check with its case",
    "anhorig.discharge.rules.information.": "a rule step, called by check with its case",
    "anhorig.discharge.rules.relatives.check_": "a rule step, called by check with its case",
    "anhorig.discharge.rules.steps.": "a rule step, called by check with its case",
    "anhorig.plans.rules.implementation.": "a plan kind's rules, called by check",
    "anhorig.plans.rules.sip.": "a plan kind's rules, called by check",
    "anhorig.plans.rules.stodplan.": "a plan kind's rules, called by check",
    "anhorig.consent._timeline.": "the registry's memoised timelines",
    "anhorig.consent._vocabulary.": "the engine's record keys",
    "anhorig.documents._": "the compiled readers' code generation",
    "anhorig.serialization.configure_converter": "the converter's own set-up",
    "anhorig._cli.": "command-line plumbing, given argparse's own objects",
    "anhorig.cli.": "the command line: its input is argv, refused by argparse with exit 2",
    "anhorig.consent.cli.": "command-line plumbing, given argparse's own objects",
    "anhorig.plans.cli.": "command-line plumbing, given argparse's own objects",
    "anhorig.respite.cli.": "command-line plumbing, given argparse's own objects",
    "anhorig.discharge.cli.": "command-line plumbing, given argparse's own objects",
    "anhorig.store.cli.": "command-line plumbing, given argparse's own objects",
    "anhorig.demo.": "the demonstration, run by the command line",
    "anhorig.families.": "the table of families, read by the package itself",
    "anhorig.findings.validated": "the families' validate, given their own check",
    "anhorig.bounds.": "the bounds' validators and messages, built as classes are defined",
    "anhorig.consent.engine.compile_records": "the engine's index of records, given a policy "
    "evaluate or the registry has checked",
}
"""Function name prefixes left out, with why: not entry points for a user's values."""


def _machinery(name: str) -> str | None:
    return next((why for prefix, why in MACHINERY.items() if name.startswith(prefix)), None)


def _public_functions() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for module in public_modules():
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if inspect.isfunction(value) or (
                callable(value) and not isinstance(value, type) and hasattr(value, "__wrapped__")
            ):
                found.setdefault(f"{value.__module__}.{value.__qualname__}", value)
    return dict(sorted(found.items()))


ALL_FUNCTIONS = _public_functions()
FUNCTIONS = {k: f for k, f in ALL_FUNCTIONS.items() if _machinery(k) is None}


def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    """The function's annotations, each resolved on its own (one only imported for type
    checkers stays a string, and its parameter is left out)."""
    target = inspect.unwrap(function)
    namespace = {**vars(typing), **target.__globals__}
    hints: dict[str, Any] = {}
    for name, annotation in target.__annotations__.items():
        try:
            hints[name] = eval(annotation, namespace) if isinstance(annotation, str) else annotation
        except Exception:
            continue
    return hints


def _members(tp: Any) -> tuple[Any, ...]:
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return tuple(m for arg in typing.get_args(tp) for m in _members(arg))
    if isinstance(tp, typing.TypeAliasType if hasattr(typing, "TypeAliasType") else ()):
        return _members(tp.__value__)
    return (tp,)


_ANYTHING = (Any, object)
_TEXT_LIKE = (
    str,
    collections.abc.Sequence,
    collections.abc.Iterable,
    collections.abc.Collection,
    collections.abc.Container,
)


def _wrong(tp: Any, value: object) -> bool:
    """Whether ``value`` is plainly not what ``tp`` allows (``False`` when in doubt)."""
    members = _members(tp)
    for member in members:
        origin = typing.get_origin(member) or member
        if member in _ANYTHING or isinstance(member, typing.TypeVar):
            return False
        if isinstance(origin, type) and getattr(origin, "_is_protocol", False):
            return False  # a protocol: not for this test to judge
        if origin is typing.Literal:
            if value in typing.get_args(member):
                return False
            continue
        if value is None:
            if member is type(None):
                return False
        elif isinstance(value, str):
            if origin in _TEXT_LIKE or (isinstance(origin, type) and issubclass(str, origin)):
                return False
        elif isinstance(value, int):
            if origin in (int, float, complex) or origin is collections.abc.Hashable:
                return False
        elif origin is collections.abc.Callable and callable(value):
            return False
    return True


WRONG_VALUES: tuple[object, ...] = (object(), None, PERSONNUMMER, 5)

# --- valid arguments ------------------------------------------------------------------------

_DAY = date(2026, 3, 2)
_AT = pendulum.datetime(2026, 3, 1, 9, tz="Europe/Stockholm")
_SAMPLES: dict[Any, Any] = {
    date: _DAY,
    datetime: _AT,
    pendulum.DateTime: _AT,
    int: 3,
    str: "g1",
    bool: True,
    float: 1.0,
    object: "g1",
    Any: "g1",
}

OVERRIDES: dict[str, dict[str, Any]] = {
    "anhorig.time.local": {"year": 2026, "month": 3, "day": 2},
    "anhorig.time.swedish_holidays": {"year": 2026},
    "anhorig.time.parse_instant": {"text": "2026-03-01T09:00:00+01:00"},
    "anhorig.people.read_canonical": {"text": "19391225-0028"},
    "anhorig.findings.rule": {"code": "REL-INVOLVEMENT-MISSING"},
    "anhorig.serialization.from_json": {"cl": Period, "text": '{"start": "2026-01-01"}'},
    "anhorig.serialization.from_document": {"cl": None},
    "anhorig.serialization.document_type": {"tag": "Period"},
    "anhorig.store.store.open_store": {"url": "sqlite:///:memory:"},
    "anhorig.consent.decision.provision_text": {"where": "provision"},
    "anhorig.respite.capacity.hotel_stay": {"nights": 2},
    "anhorig.respite.capacity.availability": {"period": Period.month(2026, 3)},
    "anhorig.consent.receipt.receipt": {"consent": st.from_type(Consent)},
    "anhorig.plans._oracle.registry_oracle": {"registry": st.builds(ConsentRegistry)},
    "anhorig.plans._lifecycle.transition": {"plan": st.from_type(SupportPlan)},
}
"""Arguments a sample of their type would not make valid (a year, a document text)."""


def _strategy(tp: Any) -> st.SearchStrategy[Any]:
    members = [m for m in _members(tp) if m is not type(None)]
    if not members:
        return st.none()
    tp = members[0]
    origin = typing.get_origin(tp)
    if tp in _SAMPLES:
        return st.just(_SAMPLES[tp])
    if origin is typing.Literal:
        return st.just(typing.get_args(tp)[0])
    if origin in (tuple, list, collections.abc.Sequence, collections.abc.Iterable):
        return st.just(() if origin is not list else [])
    if origin in (dict, collections.abc.Mapping):
        return st.just({})
    if origin is type:
        return st.just(Period)
    return st.from_type(tp)


def _arguments(
    name: str, function: Callable[..., Any], data: st.DataObject
) -> tuple[list[Any], dict[str, Any], dict[str, inspect.Parameter]]:
    hints = _hints(function)
    overrides = OVERRIDES.get(name, {})
    params = inspect.signature(function).parameters
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for param in params.values():
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.name in overrides:
            value = overrides[param.name]
            if isinstance(value, st.SearchStrategy):
                value = data.draw(value, label=param.name)
        elif param.default is not param.empty:
            value = param.default
        else:
            value = data.draw(_strategy(hints.get(param.name, object)), label=param.name)
        if param.kind is param.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[param.name] = value
    return args, kwargs, dict(params)


NOT_YET: dict[tuple[str, str], str] = {
    ("anhorig.time.as_instant", "path"): "read only to name a problem: a wrong path is "
    "named when the value is wrong too; checked up front it would slow every balance",
    ("anhorig.time.parse_instant", "path"): "as for as_instant: read only to name a problem",
}
"""Pairs that do not hold yet, with why: expected to fail (strictly: a fix shows here)."""


def _pairs() -> Iterator[tuple[str, str]]:
    for name, function in FUNCTIONS.items():
        hints = _hints(function)
        for param in inspect.signature(function).parameters.values():
            if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
                continue
            if param.name in hints and any(_wrong(hints[param.name], v) for v in WRONG_VALUES):
                yield name, param.name


PAIRS = [
    pytest.param(*pair, marks=pytest.mark.xfail(strict=True, reason=NOT_YET[pair]))
    if pair in NOT_YET
    else pair
    for pair in _pairs()
]


DOCUMENTS: dict[str, str] = {
    "anhorig._json.load_json": "source",
    "anhorig.serialization.from_json": "text",
    "anhorig.serialization.from_document": "data",
    "anhorig.consent.fhir._read.from_fhir": "resource",
    "anhorig.consent.fhir._read.read_fhir": "resource",
}
"""The parameters that are a whole document: its problems' paths are JSON paths from its
root, ``$``, as for every document read (``$.carer.id``)."""


def _names_it(err: InvalidInput, name: str, parameter: str, already: frozenset[str]) -> bool:
    """Whether ``err`` names ``parameter`` (or its document's root), and nothing else but
    what the call with valid arguments was refused for (``already``: a sample of a type
    is not always valid for this call, an id the ledger does not hold)."""
    if DOCUMENTS.get(name) == parameter and all(path.startswith("$") for path in err.paths):
        return bool(err.paths)
    ours = [
        path
        for path in err.paths
        if path == parameter or path.startswith((f"{parameter}.", f"{parameter}["))
    ]
    return bool(ours) and set(err.paths) - set(ours) <= already


def _refused(
    function: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]
) -> frozenset[str]:
    """The paths a call with valid arguments is refused at (none if it is not)."""
    try:
        function(*args, **kwargs)
    except InvalidInput as err:
        return frozenset(err.paths)
    except AnhorigError:  # validate's RuleViolation: the thing broke a rule, not the call
        pass
    return frozenset()


def test_the_walk_finds_the_public_functions() -> None:
    """The walk sees the functions the issue names, and leaves out only `MACHINERY`."""
    assert "anhorig.time.working_days_between" in FUNCTIONS
    assert "anhorig.respite.patterns.alternating" in FUNCTIONS
    assert "anhorig.respite.capacity.hotel_stay" in FUNCTIONS
    assert len(ALL_FUNCTIONS) > 150
    assert len(PAIRS) > 100
    for prefix in MACHINERY:
        assert any(name.startswith(prefix) for name in ALL_FUNCTIONS), prefix


@pytest.mark.parametrize(("name", "parameter"), PAIRS)
@settings(
    max_examples=1,
    deadline=None,
    database=None,
    phases=[Phase.generate],  # a failure's arguments are printed; shrinking them adds nothing
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_a_wrong_argument_is_named(name: str, parameter: str, data: st.DataObject) -> None:
    """Each parameter given each value its annotation does not allow: InvalidInput naming it."""
    function = FUNCTIONS[name]
    args, kwargs, params = _arguments(name, function, data)
    already = _refused(function, args, kwargs)
    annotation = _hints(function)[parameter]
    for bad in (v for v in WRONG_VALUES if _wrong(annotation, v)):
        call_args, call_kwargs = list(args), dict(kwargs)
        if params[parameter].kind is inspect.Parameter.POSITIONAL_ONLY:
            call_args[list(params).index(parameter)] = bad
        else:
            call_kwargs[parameter] = bad
        with pytest.raises(InvalidInput) as caught:
            function(*call_args, **call_kwargs)
        err = caught.value
        assert _names_it(err, name, parameter, already), (bad, err.paths, str(err))
        assert err.explain("sv")
        assert err.explain("en")
        assert PERSONNUMMER not in err.explain("sv") + err.explain("en")


# --- the cases the issue names ----------------------------------------------------------------


def test_hotel_stay_names_a_bad_hour() -> None:
    """An hour out of range, or in the spring gap, is named as the parameter, not ``$``."""
    from anhorig.respite import hotel_stay

    common: dict[str, Any] = {
        "grant_id": "g1",
        "unit_id": "u1",
        "nights": 2,
        "booking_id": "b1",
        "made_at": _AT,
        "provider": Provider(name="Hemtjänst Norr", kind=ProviderKind.MUNICIPALITY),
    }
    with pytest.raises(InvalidInput) as caught:
        hotel_stay(arrive=_DAY, arrive_hour=25, **common)
    assert caught.value.paths == ("arrive_hour",)
    with pytest.raises(InvalidInput) as caught:
        hotel_stay(arrive=date(2026, 3, 29), arrive_hour=2, **common)  # the spring gap
    assert caught.value.paths == ("arrive_hour",)
    with pytest.raises(InvalidInput) as caught:
        hotel_stay(arrive=date(2026, 3, 27), leave_hour=2, **common)  # leaves on the 29th
    assert caught.value.paths == ("leave_hour",)


def test_every_bad_argument_is_named_at_once() -> None:
    """Two wrong arguments: one InvalidInput naming both, in both languages."""
    from anhorig.time import working_days_between

    wrong: Any = PERSONNUMMER
    with pytest.raises(InvalidInput) as caught:
        working_days_between(wrong, 1)  # type: ignore[arg-type]
    assert caught.value.paths == ("start", "end")
    assert "väntade date, fick str" in caught.value.explain("sv")
    assert "expected date, got str" in caught.value.explain("en")


def _spans(day: date, days: int) -> date:
    """A function with a bug: it fails on a valid argument."""
    return [day][days]


def test_a_real_bug_is_not_hidden() -> None:
    """Valid arguments and an error inside: the original error, not an InvalidInput."""
    for decorate in (checked, checked_first):
        spans = decorate(_spans)
        assert spans(_DAY, 0) == _DAY
        with pytest.raises(IndexError):
            spans(_DAY, 1)
        with pytest.raises(InvalidInput) as caught:
            spans(PERSONNUMMER, True)  # type: ignore[arg-type]
        assert caught.value.paths == ("day", "days")
        assert "fick bool" in str(caught.value)
        assert PERSONNUMMER not in str(caught.value)


def test_members_of_a_collection_are_named_by_place() -> None:
    """A tuple with one wrong member: the member is named, not the whole argument."""

    def first(days: tuple[date, ...], lang: typing.Literal["sv", "en"] = "sv") -> date:
        return days[len(lang)]  # fails for a lang of two letters: a tuple of two days

    with pytest.raises(InvalidInput) as caught:
        checked(first)((_DAY, "x"), lang="xx")  # type: ignore[arg-type]
    assert caught.value.paths == ("days[1]", "lang")
    assert caught.value.explain("en").splitlines() == [
        "days[1]: expected date, got str",
        "lang: expected 'sv' | 'en', got 'xx'",
    ]


# --- methods of public classes ----------------------------------------------------------------

_MONTH = Period.month(2026, 3)
_NIGHT = Interval(local(2026, 3, 1, 20), local(2026, 3, 2, 8))
_WRONG: Any = PERSONNUMMER

METHOD_CALLS: dict[str, tuple[Callable[[], object], tuple[str, ...]]] = {
    "Period.month(year='...')": (lambda: Period.month(_WRONG, 1), ("year",)),
    "Period.year(object())": (lambda: Period.year(object()), ("year",)),  # type: ignore[arg-type]
    "Period.through('...', 3)": (lambda: Period.through(_WRONG, 3), ("first", "last")),  # type: ignore[arg-type]
    "period.contains('...')": (lambda: _MONTH.contains(_WRONG), ("day",)),
    "period.overlaps('...')": (lambda: _MONTH.overlaps(_WRONG), ("other",)),
    "period.intersection(5)": (lambda: _MONTH.intersection(5), ("other",)),  # type: ignore[arg-type]
    "interval.overlaps(5)": (lambda: _NIGHT.overlaps(5), ("other",)),  # type: ignore[arg-type]
    "interval.intersection('...')": (lambda: _NIGHT.intersection(_WRONG), ("other",)),
    "interval.contains('...')": (lambda: _NIGHT.contains(_WRONG), ("instant",)),
    "Ledger().book(object())": (lambda: Ledger().book(object()), ("booking",)),  # type: ignore[arg-type]
    "registry.decide(object())": (lambda: ConsentRegistry().decide(object()), ("request",)),  # type: ignore[arg-type]
}
"""Methods of public classes given a wrong argument, and the parameters that must be named.
Not a walk: the methods' valid receivers are made by hand here."""


@pytest.mark.parametrize("call", list(METHOD_CALLS))
def test_a_wrong_argument_to_a_method_is_named(call: str) -> None:
    """A method with a wrong argument: InvalidInput naming that parameter."""
    method, paths = METHOD_CALLS[call]
    with pytest.raises(InvalidInput) as caught:
        method()
    assert caught.value.paths == paths
    assert PERSONNUMMER not in caught.value.explain("sv") + caught.value.explain("en")
