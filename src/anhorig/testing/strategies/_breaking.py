"""Cases that break exactly one named rule, for every rule in the catalogue.

``breaking(code)`` gives a strategy of :class:`Broken` cases: the thing, the date it is
judged on, and the check of its rule family, so that ``case.report().codes == {code}``.
Each rule family names its breakers in :data:`anhorig.families.FAMILIES` (the adapters
below, over each family's strategies); ``breaking`` gathers them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from anhorig.families import FAMILIES, load
from anhorig.findings import Report, catalogue
from anhorig.people import Person
from anhorig.relations import ChildRelative, Involvement, Relationship
from anhorig.relations import check as check_relation
from anhorig.testing.strategies._consent_deciding import NEVER_ALONE
from anhorig.testing.strategies._core import (
    adult_conditions,
    care_areas,
    involvements,
    names,
    people,
    relation_kinds,
)

_T = TypeVar("_T")

__all__ = [
    "UNBREAKABLE",
    "Broken",
    "breakable_codes",
    "breaking",
    "consent_breakers",
    "decision_breakers",
    "discharge_breakers",
    "plan_breakers",
    "relation_breakers",
    "respite_breakers",
    "respite_grant_breakers",
    "respite_pattern_breakers",
]

UNBREAKABLE: dict[str, str] = {
    "PLAN-ILLEGAL-TRANSITION": (
        "a lifecycle step raises it (RuleViolation) when asked for an illegal step; "
        "no check finds it in a plan"
    ),
    **{
        code: f"a reason evaluate() gives in a Decision, but never alone: {why}"
        for code, why in NEVER_ALONE.items()
    },
}
"""Catalogue codes no check can be made to find on purpose, each with the reason
(for example a lifecycle rule that a transition raises rather than a check finds)."""


@attrs.frozen
class Broken(Generic[_T]):
    """A case built to break exactly the rule ``code`` (*regelbrott på beställning*)."""

    code: str
    thing: _T
    on: date
    check: Callable[[_T, date], Report] = attrs.field(eq=False, repr=False)

    def report(self) -> Report:
        """What the rule family's check finds in this case."""
        return self.check(self.thing, self.on)


def _relation_check(thing: Relationship | ChildRelative, on: date) -> Report:
    return check_relation(thing, on=on)


_ON = st.dates(date(2020, 1, 1), date(2035, 12, 31))


def _adult(on: date) -> st.SearchStrategy[Person]:
    return people(min_birth=date(1910, 1, 1), max_birth=on - timedelta(days=18 * 366))


def _current(on: date, *, willing: bool, overdue: bool) -> st.SearchStrategy[Involvement]:
    """An involvement in force on ``on``: recorded before it, reconfirm date before it
    only if ``overdue``."""

    def build(recorded_back: int, span: int, inv: Involvement) -> Involvement:
        recorded = on - timedelta(days=recorded_back)
        reconfirm = recorded + timedelta(days=span)
        if overdue and reconfirm >= on:
            reconfirm = on - timedelta(days=1)
            recorded = min(recorded, reconfirm - timedelta(days=1))
        if not overdue and reconfirm < on:
            reconfirm = on
        return attrs.evolve(inv, recorded_on=recorded, reconfirm_by=reconfirm, willing=willing)

    return st.builds(build, st.integers(2, 700), st.integers(1, 730), involvements())


def _relationship(
    carer: st.SearchStrategy[Person], history: st.SearchStrategy[tuple[Involvement, ...]]
) -> st.SearchStrategy[Relationship]:
    return st.builds(
        lambda carer, cared_name, kind, areas, together, history: Relationship(
            carer=carer,
            cared_for=Person(name=f"{cared_name} d.ä.", birth_date=date(1930, 1, 1)),
            kind=kind,
            areas=areas,
            lives_together=together,
            involvements=history,
        ),
        carer,
        names(),
        relation_kinds(),
        st.frozensets(care_areas(), max_size=3),
        st.none() | st.booleans(),
        history,
    )


@st.composite
def _rel_case(draw: st.DrawFn, code: str) -> Broken[Relationship | ChildRelative]:
    on = draw(_ON)
    thing: Relationship | ChildRelative
    if code == "REL-INVOLVEMENT-MISSING":
        later = involvements(min_date=on + timedelta(days=1), max_date=on + timedelta(days=900))
        thing = draw(_relationship(_adult(on), st.lists(later, max_size=2).map(tuple)))
    elif code in ("REL-INVOLVEMENT-OVERDUE", "REL-CARER-NOT-WILLING"):
        current = _current(
            on, willing=code != "REL-CARER-NOT-WILLING", overdue=code == "REL-INVOLVEMENT-OVERDUE"
        )
        thing = draw(_relationship(_adult(on), current.map(lambda inv: (inv,))))
    elif code == "REL-CHILD-CARER":
        child = people(
            min_birth=on - timedelta(days=17 * 365),
            max_birth=on - timedelta(days=7 * 365),
            with_id=True,
        )
        current = _current(on, willing=True, overdue=False)
        thing = draw(_relationship(child, current.map(lambda inv: (inv,))))
    elif code == "REL-CHILD-NEEDS-SUPPORT":
        child = people(
            min_birth=on - timedelta(days=17 * 365), max_birth=on - timedelta(days=30), with_id=True
        )
        adult = people(min_birth=date(1950, 1, 1), max_birth=on - timedelta(days=25 * 366))
        thing = draw(
            st.builds(
                ChildRelative,
                child=child,
                adult=adult,
                adult_is_parent=st.booleans(),
                lives_with_adult=st.booleans(),
                conditions=st.frozensets(adult_conditions(), min_size=1, max_size=3),
            ).map(
                lambda s: (
                    s
                    if s.adult_is_parent or s.lives_with_adult
                    else attrs.evolve(s, lives_with_adult=True)
                )
            )
        )
    else:  # pragma: no cover - guarded by relation_breakers()
        raise InvalidArgument(code)
    return Broken(code, thing, on, _relation_check)


_RELATION_CODES = (
    "REL-CARER-NOT-WILLING",
    "REL-CHILD-CARER",
    "REL-CHILD-NEEDS-SUPPORT",
    "REL-INVOLVEMENT-MISSING",
    "REL-INVOLVEMENT-OVERDUE",
)


def relation_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The relation rules' breakers by code."""
    return {code: (lambda code=code: _rel_case(code)) for code in _RELATION_CODES}  # type: ignore[misc]


def _plan_check(plan: Any, on: date) -> Report:
    from anhorig.plans import check

    return check(plan, on=on)


def plan_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The plan rules' breakers by code, over ``broken_plans`` judged on its default date."""
    from anhorig.testing.strategies._plans import DEFAULT_ON
    from anhorig.testing.strategies._plans_breaking import breakable_plan_codes, broken_plans

    def breaker(code: str) -> Callable[[], st.SearchStrategy[Broken[Any]]]:
        return lambda: broken_plans(code, on=DEFAULT_ON).map(
            lambda plan: Broken(code, plan, DEFAULT_ON, _plan_check)
        )

    return {code: breaker(code) for code in breakable_plan_codes()}


def _consent_check(consent: Any, on: date) -> Report:
    from anhorig.consent.checks import check

    return check(consent, on=on)


def consent_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The consent rules' breakers by code, over ``consents_breaking``, each consent
    judged on the day it takes effect."""
    from anhorig.testing.strategies._consent import BREAKABLE_RULES, consents_breaking

    def breaker(code: str) -> Callable[[], st.SearchStrategy[Broken[Any]]]:
        return lambda: consents_breaking(code).map(
            lambda consent: Broken(code, consent, consent.valid_from.date(), _consent_check)
        )

    return {code: breaker(code) for code in BREAKABLE_RULES}


def _decision_check(pair: Any, on: date) -> Report:
    from anhorig.consent import evaluate

    request, records = pair
    return Report(evaluate(request, records).reasons)


def decision_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The consent decision bases' cases by code, over ``deciding``: a request and its
    records, whose decision's reasons are judged on the day of the request."""
    from anhorig.testing.strategies._consent_deciding import DECIDING_CODES, deciding

    def breaker(code: str) -> Callable[[], st.SearchStrategy[Broken[Any]]]:
        return lambda: deciding(code).map(
            lambda pair: Broken(code, pair, pair[0].at.date(), _decision_check)
        )

    return {code: breaker(code) for code in DECIDING_CODES}


def _booking_check(case: Any, on: date) -> Report:
    from anhorig.respite import check_booking

    ledger, booking = case
    return check_booking(ledger, booking, on=on)


def respite_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The respite rules' breakers by code: a ledger and a booking, judged on a date."""
    from anhorig.testing.strategies._respite_breaking import BREAKABLE, rule_breaking_bookings

    def breaker(code: str) -> Callable[[], st.SearchStrategy[Broken[Any]]]:
        return lambda: rule_breaking_bookings(codes=[code]).map(
            lambda case: Broken(code, (case.ledger, case.booking), case.on, _booking_check)
        )

    return {code: breaker(code) for code in BREAKABLE}


def _grant_check(case: Any, on: date) -> Report:
    from anhorig.respite import check

    grant, policy = case
    return check(grant, on=on, policy=policy)


def respite_grant_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The respite rules only ``check(grant, policy=...)`` finds, by code: a grant and
    its policy, judged on the first day of the grant."""
    from anhorig.testing.strategies._respite_breaking import (
        grants_needing_decision,
        grants_over_age_ceiling,
    )

    def breaker(code: str, cases: Any) -> Callable[[], st.SearchStrategy[Broken[Any]]]:
        return lambda: cases().map(
            lambda case: Broken(code, (case.grant, case.policy), case.on, _grant_check)
        )

    return {
        "RESPITE-DECISION-REQUIRED": breaker("RESPITE-DECISION-REQUIRED", grants_needing_decision),
        "RESPITE-DECISION-CEILING": breaker("RESPITE-DECISION-CEILING", grants_over_age_ceiling),
    }


def _pattern_check(case: Any, on: date) -> Report:
    from anhorig.respite.patterns import check_pattern

    pattern, policy = case
    return check_pattern(pattern, policy, on=on)


def _ledger_check(ledger: Any, on: date) -> Report:
    from anhorig.respite import check

    return check(ledger, on=on)


def respite_pattern_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The växelvård rhythm rules, by code: a pattern and its policy (``check_pattern``),
    and stays booked in a ledger (``check(ledger)``), judged on a date."""
    from anhorig.testing.strategies._respite_breaking import (
        patterns_away_longer,
        stays_away_longer,
    )

    def breaker() -> st.SearchStrategy[Broken[Any]]:
        return patterns_away_longer().map(
            lambda case: Broken(
                "RESPITE-AWAY-EXCEEDS-HOME", (case.pattern, case.policy), case.on, _pattern_check
            )
        )

    def booked() -> st.SearchStrategy[Broken[Any]]:
        return stays_away_longer().map(
            lambda case: Broken(
                "RESPITE-BOOKED-AWAY-EXCEEDS-HOME", case.ledger, case.on, _ledger_check
            )
        )

    return {"RESPITE-AWAY-EXCEEDS-HOME": breaker, "RESPITE-BOOKED-AWAY-EXCEEDS-HOME": booked}


def _discharge_check(process: Any, on: date) -> Report:
    from anhorig.discharge import check

    return check(process, on=on)


def discharge_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    """The discharge rules' breakers by code: a discharge and the day it is judged on."""
    from anhorig.testing.strategies._discharge_breaking import (
        BREAKABLE_DISCHARGE_CODES,
        broken_discharges,
    )

    def breaker(code: str) -> Callable[[], st.SearchStrategy[Broken[Any]]]:
        return lambda: broken_discharges(code).map(
            lambda case: Broken(code, case[0], case[1], _discharge_check)
        )

    return {code: breaker(code) for code in BREAKABLE_DISCHARGE_CODES}


def _all_breakers() -> dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]]:
    merged: dict[str, Callable[[], st.SearchStrategy[Broken[Any]]]] = {}
    for family in FAMILIES:
        for source in family.breakers:
            merged.update(load(source)())
    return merged


def breakable_codes() -> tuple[str, ...]:
    """Every rule code ``breaking`` can break on purpose, sorted."""
    return tuple(sorted(_all_breakers()))


def breaking(code: str) -> st.SearchStrategy[Broken[Any]]:
    """Cases that break exactly the rule ``code``: ``case.report().codes == {code}``.

    Raises ``InvalidArgument`` for a code not in the catalogue or one that cannot be
    broken on purpose (say, a lifecycle rule that a step raises rather than a check
    finds). Shrinks towards the simplest thing that still breaks the rule.
    """
    breakers = _all_breakers()
    if code not in breakers:
        known = {rule.code for rule in catalogue()}
        why = (
            "is not a rule in the catalogue" if code not in known else "cannot be broken on purpose"
        )
        raise InvalidArgument(f"{code!r} {why}; breakable: {sorted(breakers)}")
    return breakers[code]()
