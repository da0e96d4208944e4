"""Conformance: run a vendor's own implementation against anhorig's over generated cases.

A municipality's system, or a vendor's, has its own code for the same rules. Give
:func:`conform` that function, anhorig's reference, and a strategy of cases; it runs
both on generated cases and returns a :class:`ConformanceReport` with the smallest
counterexamples hypothesis could shrink to, each with both answers. One minimal
counterexample is kept per *kind* of disagreement (by default: a different answer,
or an exception of a given type), so different bugs do not hide each other.

From pytest it is a few lines:

>>> from datetime import date, timedelta
>>> from anhorig.testing.conformance import relation_codes
>>> def vendor_check(thing, on):
...     # A vendor that forgets the reconfirm date. ``thing`` is a Relationship or a
...     # ChildRelative: relation_codes gives both.
...     codes = set()
...     if getattr(thing, "involvements", None) == ():
...         codes.add("REL-INVOLVEMENT-MISSING")
...     return codes
>>> report = relation_codes(vendor_check, max_examples=100, max_kinds=1, seed=1)
>>> report.ok
False
>>> all(c.actual < c.expected for c in report.counterexamples)  # it misses findings
True

A report names each counterexample as the JSON documents that reproduce it
(`Counterexample.documents`), ready to save and read back with
:func:`anhorig.serialization.from_json`, and counts the cases generated apart from the
steps spent shrinking them:

>>> report.examples <= 100  # max_examples bounds the cases; shrinking is apart
True
>>> import json
>>> from anhorig.serialization import from_json
>>> (_, thing), (_, on) = report.counterexamples[0].documents()  # ("thing", ...), ("on", ...)
>>> case = from_json(None, thing), date.fromisoformat(json.loads(on))
>>> case == report.counterexamples[0].case
True

A vendor system that speaks JSON rather than Python is wrapped with :func:`via_json`,
which hands it each case as the JSON document anhorig would write.
"""

from __future__ import annotations

import json
import operator
import random
from collections.abc import Callable, Hashable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar, cast

import attrs
import hypothesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.statistics import collector

from anhorig.language import Lang
from anhorig.relations import ChildRelative, Relationship
from anhorig.relations import check as check_relation
from anhorig.serialization import to_json
from anhorig.testing.strategies import child_relatives, dates, relationships

if TYPE_CHECKING:
    from anhorig.consent.model import Consent, DisclosureRequest
    from anhorig.plans import CoordinatedPlan, ImplementationPlan, SupportPlan
    from anhorig.respite import Ledger

    Plan: TypeAlias = SupportPlan | CoordinatedPlan | ImplementationPlan
    """What ``anhorig.plans.check`` judges, and so what ``plan_codes`` gives a vendor."""

__all__ = [
    "BALANCE_FIELDS",
    "ConformanceReport",
    "Counterexample",
    "conform",
    "consent_outcomes",
    "plan_codes",
    "relation_codes",
    "respite_balances",
    "via_json",
]

_C = TypeVar("_C")
_R = TypeVar("_R")


def _is_document(value: object) -> bool:
    return attrs.has(type(value))


def _is_documents(value: object) -> bool:
    return isinstance(value, tuple | list) and all(_is_document(v) for v in value)


def _parts(case: object) -> tuple[object, ...]:
    # A case is one thing or a tuple of arguments (the thing and the date judged, a
    # request and its consents, a ledger, a grant id and a day).
    if isinstance(case, tuple) and not _is_document(case):
        return case
    return (case,)


def _argument(value: object) -> str:
    """An argument that is no document, as the JSON value a tester would pass."""
    if isinstance(value, date):
        return json.dumps(value.isoformat())
    try:
        return json.dumps(value, ensure_ascii=False)
    except TypeError:
        return repr(value)


@attrs.frozen
class Counterexample(Generic[_C, _R]):
    """One case where the vendor's answer differs from anhorig's (*motexempel*).

    ``error`` is set, and ``actual`` is ``None``, when the vendor's function raised.
    ``labels`` name the parts of the case, as the adapter's function takes them
    (``("thing", "on")`` for :func:`relation_codes`).
    """

    case: _C
    expected: _R
    actual: _R | None
    error: str | None = None
    labels: tuple[str, ...] = ()

    def documents(self) -> tuple[tuple[str, str], ...]:
        """The case as the JSON documents that reproduce it, each with its label.

        A document (a relationship, a plan, a ledger) is written by
        :func:`anhorig.serialization.to_json` and reads back with ``from_json(None,
        text)``; a list of documents (a request's consents) gives one document per
        member (``consents[0]``, ...); any other part (the date judged, a grant id) is
        given as its JSON value. The people in generated cases are synthetic, so the
        documents are shown whole: they are what a tester saves and replays.
        """
        out: list[tuple[str, str]] = []
        for i, part in enumerate(_parts(self.case)):
            label = self.labels[i] if i < len(self.labels) else f"#{i + 1}"
            if _is_document(part):
                out.append((label, to_json(part)))
            elif _is_documents(part) and part:
                assert isinstance(part, tuple | list)
                out += [(f"{label}[{j}]", to_json(m)) for j, m in enumerate(part)]
            else:
                out.append((label, _argument(part)))
        return tuple(out)

    def explain(self, lang: Lang = "sv") -> str:
        """The case as JSON documents to save and replay, then both answers."""
        sv = lang == "sv"
        lines = ["fall:" if sv else "case:"]
        for label, text in self.documents():
            lines.append(f"--- {label}:")
            lines.append(text)
        lines.append(f"anhorig: {self.expected!r}")
        if self.error is None:
            lines.append(f"{'leverantör' if sv else 'vendor'}: {self.actual!r}")
        else:
            lines.append(
                f"leverantören kastade {self.error}" if sv else f"vendor raised {self.error}"
            )
        return "\n".join(lines)


@attrs.frozen
class ConformanceReport(Generic[_C, _R]):
    """What a conformance run found (*överensstämmelse*)."""

    name: str
    examples: int
    """How many cases were generated and run (of the one sequence every round goes
    over), never more than ``max_examples``; shrinking does not count."""
    counterexamples: tuple[Counterexample[_C, _R], ...]
    shrink_steps: int = 0
    """How many more times the functions were run to shrink the counterexamples
    (hypothesis' shrink phase)."""

    @property
    def ok(self) -> bool:
        """True when no case disagreed."""
        return not self.counterexamples

    def explain(self, lang: Lang = "sv") -> str:
        """A readable summary with every counterexample as documents to replay."""
        if self.ok:
            if lang == "sv":
                return f"{self.name}: {self.examples} fall, inga avvikelser."
            return f"{self.name}: {self.examples} cases, no disagreements."
        n = len(self.counterexamples)
        head = (
            f"{self.name}: {n} avvikelse(r) efter {self.examples} fall "
            f"({self.shrink_steps} krympsteg)"
            if lang == "sv"
            else f"{self.name}: {n} disagreement(s) after {self.examples} cases "
            f"({self.shrink_steps} shrink steps)"
        )
        return "\n\n".join([head, *(c.explain(lang) for c in self.counterexamples)])

    def assert_ok(self, lang: Lang = "en") -> None:
        """Raise ``AssertionError`` with the explanation unless the run was clean."""
        if not self.ok:
            raise AssertionError(self.explain(lang))


class _Disagreement(Exception):
    counterexample: Counterexample[Any, Any]

    def __init__(self, counterexample: Counterexample[Any, Any]) -> None:
        super().__init__("disagreement")
        self.counterexample = counterexample


def _kind_class(cache: dict[Hashable, type[_Disagreement]], key: Hashable) -> type[_Disagreement]:
    # Hypothesis keeps one minimal example per distinct exception type, so each kind
    # of disagreement gets a class of its own.
    if key not in cache:
        cache[key] = type(f"_Disagreement{len(cache)}", (_Disagreement,), {})
    return cache[key]


def _default_kind(expected: object, actual: object, error: str | None) -> Hashable:
    return ("raised", error.split("(")[0]) if error is not None else "different answer"


def conform(
    vendor: Callable[[_C], _R],
    reference: Callable[[_C], _R],
    cases: st.SearchStrategy[_C],
    *,
    same: Callable[[_R, _R], bool] = operator.eq,
    kind: Callable[[_R, _R | None, str | None], Hashable] = _default_kind,
    max_examples: int = 200,
    max_kinds: int = 5,
    shrink: bool = True,
    seed: int | None = None,
    name: str = "conformance",
    labels: tuple[str, ...] = (),
) -> ConformanceReport[_C, _R]:
    """Run ``vendor`` and ``reference`` on cases drawn from ``cases``; report where they differ.

    ``same`` decides whether two answers agree (equality by default); ``kind`` sorts
    disagreements so that one minimal counterexample is kept per kind. Hypothesis stops
    at the first failure it finds, so the run goes in rounds: each round sets aside
    the kinds already found and looks again over the same sequence of cases (one seed),
    up to ``max_kinds`` kinds; the report's ``examples`` counts the cases of that
    sequence tried, never more than ``max_examples``. Shrinking makes each
    counterexample minimal and costs most of a failing run's time (counted apart, as
    ``shrink_steps``); ``shrink=False`` reports the first case found instead. ``seed``
    makes a run repeatable (hypothesis' ``@seed``), e.g. in CI; without it one is drawn
    for the run. ``labels`` name the parts of a case in the report.
    """
    if max_examples < 1:
        from hypothesis.errors import InvalidArgument

        raise InvalidArgument(f"max_examples={max_examples} must be >= 1")
    classes: dict[Hashable, type[_Disagreement]] = {}
    known: set[Hashable] = set()
    counted = [0, 0]  # cases generated (the furthest round), shrink steps (every round)

    def disagree(counterexample: Counterexample[_C, _R], key: Hashable) -> None:
        if key not in known:
            raise _kind_class(classes, key)(counterexample)

    calls = [0]

    def check(case: _C) -> None:
        calls[0] += 1
        expected = reference(case)
        try:
            actual = vendor(case)
        except Exception as exc:
            error = f"{type(exc).__name__}({exc})"
            disagree(
                Counterexample(case, expected, None, error, labels), kind(expected, None, error)
            )
            return
        if not same(expected, actual):
            disagree(
                Counterexample(case, expected, actual, labels=labels),
                kind(expected, actual, None),
            )

    # A round stops generating at its first new disagreement (report_multiple_bugs=False),
    # and every round draws the same sequence of cases (one seed), so a later round goes
    # over the cases of the earlier ones, which now agree or are set aside, and on: the
    # cases tried are those of the round that went furthest, within max_examples.
    phases = (Phase.explicit, Phase.reuse, Phase.generate, Phase.target)
    found: list[Counterexample[_C, _R]] = []
    one_seed = seed if seed is not None else random.getrandbits(64)
    while len(known) < max_kinds:
        run = settings(
            max_examples=max_examples,
            database=None,
            deadline=None,
            report_multiple_bugs=False,
            suppress_health_check=[HealthCheck.too_slow],
            phases=(*phases, Phase.shrink) if shrink else phases,
        )(hypothesis.seed(one_seed)(given(cases)(check)))
        statistics: list[dict[str, Any]] = []
        calls[0] = 0
        try:
            # The statistics hook is typed for its default, None; it takes a callback.
            with cast(Any, collector).with_value(statistics.append):
                run()
        except _Disagreement as exc:
            new: list[BaseException] = [exc]
        except BaseExceptionGroup as group:
            new = list(_flatten(group))
            if not all(isinstance(e, _Disagreement) for e in new):
                raise
        else:
            new = []
        # Without hypothesis' statistics every call counts as a case: never too few.
        generated, shrunk = _phase_counts(statistics) if statistics else (calls[0], 0)
        counted[0] = max(counted[0], generated)
        counted[1] += shrunk
        if not new:
            break
        for failure in new:
            assert isinstance(failure, _Disagreement)
            found.append(failure.counterexample)
            known.add(next(key for key, cls in classes.items() if type(failure) is cls))
    return ConformanceReport(name, counted[0], tuple(found), counted[1])


def _phase_counts(statistics: list[dict[str, Any]]) -> tuple[int, int]:
    """Cases generated and shrink steps of one run, from hypothesis' own statistics
    (``hypothesis.statistics.collector``, as its pytest plugin reads them): test cases
    that reached the function, per phase."""

    def ran(phase: str) -> int:
        cases = [
            case for stats in statistics for case in stats.get(phase, {}).get("test-cases", [])
        ]
        return sum(1 for case in cases if case.get("status") in ("valid", "interesting"))

    return ran("reuse-phase") + ran("generate-phase"), ran("shrink-phase")


def _flatten(group: BaseExceptionGroup[BaseException]) -> Iterable[BaseException]:
    for exc in group.exceptions:
        if isinstance(exc, BaseExceptionGroup):
            yield from _flatten(exc)
        else:
            yield exc


def via_json(vendor: Callable[[str, date], _R]) -> Callable[[tuple[Any, date]], _R]:
    """Adapt a vendor function that reads an anhorig JSON document and a date."""

    def call(case: tuple[Any, date]) -> _R:
        thing, on = case
        return vendor(to_json(thing), on)

    return call


def _boundaries(thing: Relationship | ChildRelative) -> list[date]:
    """The days a relationship's answers can change on: the 18th birthday, each record
    date and each reconfirm date."""
    # Hypothesis favours the first choices, so the dates most rules turn on come first.
    days: list[date] = []
    if isinstance(thing, Relationship):
        days.extend(involvement.reconfirm_by for involvement in thing.involvements)
        days.extend(involvement.recorded_on for involvement in thing.involvements)
    person = thing.carer if isinstance(thing, Relationship) else thing.child
    if person.birth_date is not None:
        born = person.birth_date
        try:
            days.append(born.replace(year=born.year + 18))
        except ValueError:  # born on 29 February
            days.append(date(born.year + 18, 3, 1))
    return days


_THINGS: st.SearchStrategy[Relationship | ChildRelative] = st.deferred(
    lambda: st.one_of(relationships(), child_relatives())
)
_ANYWHERE = st.deferred(lambda: dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)))
_ON_EDGE = st.integers(0, 3)
_SHIFT = st.sampled_from((0, 1, -1, 0))


@st.composite
def _judged_relations(draw: st.DrawFn) -> tuple[Relationship | ChildRelative, date]:
    thing = draw(_THINGS)
    edges = _boundaries(thing)
    # Three cases in four sit on a boundary or a day either side, where off-by-one
    # mistakes live; the day itself is drawn twice as often as each neighbour.
    if edges and draw(_ON_EDGE) != 3:  # shrinks towards 0: a boundary
        return thing, draw(st.sampled_from(edges)) + timedelta(days=draw(_SHIFT))
    return thing, draw(_ANYWHERE)


def relation_codes(
    vendor: Callable[[Relationship | ChildRelative, date], Iterable[str]],
    *,
    cases: st.SearchStrategy[tuple[Relationship | ChildRelative, date]] | None = None,
    max_examples: int = 200,
    max_kinds: int = 5,
    shrink: bool = True,
    seed: int | None = None,
) -> ConformanceReport[tuple[Relationship | ChildRelative, date], frozenset[str]]:
    """Compare a vendor's relations checker (returning rule codes) with anhorig's.

    ``vendor(thing, on)`` is given both types ``anhorig.relations.check`` judges: a
    `Relationship` (a carer and the person cared for) and a `ChildRelative` (a child
    and an adult in a situation of DOMAIN.md rule 6), so it must tell them apart (an
    ``isinstance`` test, or the ``"type"`` of the JSON document). By default each case
    is judged on a date at one of its own boundaries (a record or reconfirm date, an
    18th birthday, a day either side) or on any date between 2000 and 2050.
    """
    drawn = cases or _judged_relations()

    def ours(case: tuple[Relationship | ChildRelative, date]) -> frozenset[str]:
        return check_relation(case[0], on=case[1]).codes

    def theirs(case: tuple[Relationship | ChildRelative, date]) -> frozenset[str]:
        return frozenset(vendor(case[0], case[1]))

    return conform(
        theirs,
        ours,
        drawn,
        max_examples=max_examples,
        max_kinds=max_kinds,
        shrink=shrink,
        seed=seed,
        name="relation codes",
        labels=("thing", "on"),
    )


# --- the rule families --------------------------------------------------------------


@st.composite
def _consent_worlds(draw: st.DrawFn) -> tuple[DisclosureRequest, tuple[Consent, ...]]:
    """A request and consents about the same few people and organisations, so that
    consents often apply to the request (otherwise nearly every answer is "no basis")."""
    from anhorig.testing.strategies import (
        consents,
        disclosure_requests,
        organisations,
        recipients,
        subject_pools,
    )

    pool = draw(subject_pools(max_size=2))
    people = st.sampled_from(pool)
    orgs = organisations()
    given = draw(
        st.lists(
            consents(
                subjects=people,
                organisations_=orgs,
                recipients_=recipients(people_=people, organisations_=orgs),
            ),
            max_size=4,
            unique_by=lambda c: c.id,
        )
    )
    request = draw(
        disclosure_requests(
            subjects=people,
            organisations_=orgs,
            recipients_=recipients(people_=people, organisations_=orgs, concrete=True),
        )
    )
    return request, tuple(given)


def consent_outcomes(
    vendor: Callable[[DisclosureRequest, tuple[Consent, ...]], object],
    *,
    max_examples: int = 200,
    max_kinds: int = 5,
    shrink: bool = True,
    seed: int | None = None,
) -> ConformanceReport[tuple[DisclosureRequest, tuple[Consent, ...]], str]:
    """Compare a vendor's disclosure decision with ``anhorig.consent.evaluate``.

    ``vendor(request, consents)`` is given a `DisclosureRequest` and a tuple of
    `Consent` (possibly empty) and returns the outcome as ``"permit"``, ``"deny"`` or
    ``"not_applicable"`` (or an ``Outcome``). Each pair of answers is its own kind, so
    a vendor that permits where anhorig denies and one that denies where anhorig
    permits are both reported.
    """
    from anhorig.consent import evaluate

    def ours(case: tuple[DisclosureRequest, tuple[Consent, ...]]) -> str:
        return str(evaluate(case[0], case[1]).outcome.value)

    def theirs(case: tuple[DisclosureRequest, tuple[Consent, ...]]) -> str:
        answer = vendor(case[0], case[1])
        return str(getattr(answer, "value", answer))

    return conform(
        theirs,
        ours,
        _consent_worlds(),
        kind=lambda expected, actual, error: (
            (expected, actual) if error is None else ("raised", error.split("(")[0])
        ),
        max_examples=max_examples,
        max_kinds=max_kinds,
        shrink=shrink,
        seed=seed,
        name="consent outcomes",
        labels=("request", "consents"),
    )


def _plans_judged() -> st.SearchStrategy[tuple[Plan, date]]:
    from anhorig.testing.strategies import (
        DEFAULT_ON,
        breakable_plan_codes,
        broken_plans,
        coordinated_plans,
        implementation_plans,
        support_plans,
    )

    valid = st.one_of(
        support_plans(on=DEFAULT_ON),
        coordinated_plans(on=DEFAULT_ON),
        implementation_plans(on=DEFAULT_ON),
    )
    broken = st.sampled_from(breakable_plan_codes()).flatmap(
        lambda code: broken_plans(code, on=DEFAULT_ON)
    )
    return st.tuples(st.one_of(valid, broken), st.just(DEFAULT_ON))


def plan_codes(
    vendor: Callable[[Plan, date], Iterable[str]],
    *,
    max_examples: int = 200,
    max_kinds: int = 5,
    shrink: bool = True,
    seed: int | None = None,
) -> ConformanceReport[tuple[Plan, date], frozenset[str]]:
    """Compare a vendor's plan checker (returning rule codes) with ``anhorig.plans.check``,
    over valid plans of all three kinds and plans that break exactly one rule.

    ``vendor(plan, on)`` is given each of the three types ``check`` judges: a
    `SupportPlan` (*stödplan*), a `CoordinatedPlan` (*SIP*) and an `ImplementationPlan`
    (*genomförandeplan*)."""
    from anhorig.plans import check

    def ours(case: tuple[Plan, date]) -> frozenset[str]:
        return check(case[0], on=case[1]).codes

    def theirs(case: tuple[Plan, date]) -> frozenset[str]:
        return frozenset(vendor(case[0], case[1]))

    return conform(
        theirs,
        ours,
        _plans_judged(),
        max_examples=max_examples,
        max_kinds=max_kinds,
        shrink=shrink,
        seed=seed,
        name="plan codes",
        labels=("plan", "on"),
    )


BALANCE_FIELDS = ("granted", "carried_over", "used", "reserved", "remaining", "over_quota")
"""What a balance is compared on, in this order."""


@st.composite
def _ledger_questions(draw: st.DrawFn) -> tuple[Ledger, str, date]:
    from anhorig.testing.strategies import ledgers

    ledger = draw(ledgers())
    grant = draw(st.sampled_from(ledger.grants))
    first = grant.validity.start
    last = grant.validity.last or first
    on = draw(st.dates(first, max(first, last)))
    return ledger, grant.id, on


def _numbers(balance: object) -> tuple[int, ...]:
    if isinstance(balance, dict):
        return tuple(int(balance[name]) for name in BALANCE_FIELDS)
    return tuple(int(getattr(balance, name)) for name in BALANCE_FIELDS)


def respite_balances(
    vendor: Callable[[Ledger, str, date], object],
    *,
    max_examples: int = 200,
    max_kinds: int = 5,
    shrink: bool = True,
    seed: int | None = None,
) -> ConformanceReport[tuple[Ledger, str, date], tuple[int, ...]]:
    """Compare a vendor's respite balance with ``Ledger.balance(grant_id, on)``.

    ``vendor(ledger, grant_id, on)`` is given a `Ledger`, the id of one of its grants
    (text) and a day in that grant's validity, and returns an object or a dict with the fields of
    ``BALANCE_FIELDS`` (seconds for hours, whole dygn for dygn, as anhorig counts).
    """

    def ours(case: tuple[Ledger, str, date]) -> tuple[int, ...]:
        ledger, grant_id, on = case
        return _numbers(ledger.balance(grant_id, on))

    def theirs(case: tuple[Ledger, str, date]) -> tuple[int, ...]:
        return _numbers(vendor(*case))

    return conform(
        theirs,
        ours,
        _ledger_questions(),
        max_examples=max_examples,
        max_kinds=max_kinds,
        shrink=shrink,
        seed=seed,
        name="respite balances",
        labels=("ledger", "grant_id", "on"),
    )
