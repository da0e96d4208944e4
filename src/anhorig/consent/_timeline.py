"""Timelines: the same decisions, memoised between the instants where they can change.

A :class:`Timeline` answers one question (a request without its instant) over time on
fixed records: the answer can only change at the law's change points, the records'
(validity starts and ends, documentation, revocations, blocks, lifts, assessments) and
the people's birth and majority, so between two of them it is decided once. The
registry keeps one per question (its key is :func:`question_key`) and drops a person's
when a record about them is added.
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Mapping
from datetime import date

from anhorig.consent._compiled import Question, SubjectRecords, birthday, start_of_day
from anhorig.consent.decision import Decision, DecisionPolicy
from anhorig.consent.model import DisclosureRequest, person_key
from anhorig.consent.rules import RULES, decide
from anhorig.law import (
    CONSENT_WAIVER_CHILD,
    HEALTH_SOCIAL_EXCHANGE_HEALTH,
    HEALTH_SOCIAL_EXCHANGE_SOCIAL,
    REPORT_OF_CONCERN_ANYONE,
)
from anhorig.people import Person
from anhorig.time import Period

__all__ = ["LAW_CHANGES", "Timeline", "question_key", "timeline_for", "timeline_of"]

_QUESTION = Question.__init__
_OTHER = object()  # in a question key: its data period is not a Period (None)


def _law_change_points() -> list[float]:
    points: set[float] = set()
    for entry in RULES:
        for topic in entry.law:
            for ref in topic.refs:
                for day in (ref.in_force_from, ref.in_force_until):
                    if day is not None:
                        points.add(start_of_day(day))
    for topic in (
        CONSENT_WAIVER_CHILD,
        HEALTH_SOCIAL_EXCHANGE_HEALTH,
        HEALTH_SOCIAL_EXCHANGE_SOCIAL,
        REPORT_OF_CONCERN_ANYONE,
    ):
        for ref in topic.refs:
            if ref.in_force_from is not None:
                points.add(start_of_day(ref.in_force_from))
    return sorted(points)


LAW_CHANGES = _law_change_points()
"""The instants where a law the consent rules cite comes into or goes out of force,
sorted and distinct; shared, so never to be changed."""


def question_key(request: DisclosureRequest) -> tuple[object, ...]:
    """Everything ``request`` asks except its instant: the registry's memo key."""
    period = request.data_period
    # A period as its two days, which are equal exactly when it is (a first ask
    # hashes the key twice: dates keep their hash, a Period works it out again), put
    # in the key itself (no tuple for them); anything else beside a marker no day is.
    start: object
    end: object
    if type(period) is Period:
        start, end = period.start, period.end
    else:
        start, end = period, _OTHER
    return (
        person_key(request.subject),
        request.also_about,
        request.action,
        request.category,
        request.holder,
        request.recipient,
        request.purpose,
        start,
        end,
        request.circumstances,
        request.concerns,
        request.information,
    )


class Timeline(Question):
    """The decisions for one question over time, on fixed records: the compiled
    question itself (one object, not two, on every first ask), with its answers.

    The answer can only change at the instants in ``breaks``, sorted and distinct
    (kept, not copied: never to be changed); between two of them it is computed once,
    on first use, and then reused. ``records`` are the compiled records of its people
    it answers from (never changed after, see
    :class:`~anhorig.consent._compiled.SubjectRecords`; kept, not copied), ``policy``
    the decision policy.

    Threads may share a timeline: two first asks in one segment compute equal
    decisions, and either may stay.
    """

    __slots__ = ("breaks", "decisions", "policy", "records")

    def __init__(
        self,
        request: DisclosureRequest,
        breaks: list[float],
        records: Mapping[str, SubjectRecords],
        policy: DecisionPolicy,
    ) -> None:
        # Positional and unchecked: one is made on every first ask (a keyword
        # argument alone cost a few hundred nanoseconds).
        _QUESTION(self, request)
        self.records = records
        self.policy = policy
        self.breaks = breaks
        # By segment, filled on first use: a question asked at one instant costs
        # one decision, not one for every segment.
        self.decisions: dict[int, Decision] = {}

    def decide(self, t: float) -> Decision:
        """The decision at ``t`` (seconds since the epoch)."""
        index = bisect_right(self.breaks, t)
        found = self.decisions.get(index)
        if found is None:
            found = decide(self, t, self.records, self.policy)
            self.decisions[index] = found
        return found


def _person_points(person: Person) -> tuple[float, ...]:
    """When ``person`` is born and comes of age (an answer can change at both)."""
    born = person.birth_date
    if born is None:
        return ()
    return _birth_points(born)


@functools.lru_cache(maxsize=4096)
def _birth_points(born: date) -> tuple[float, ...]:
    return (start_of_day(birthday(born, 18)), start_of_day(born))


def timeline_of(
    request: DisclosureRequest, key: str, records: SubjectRecords | None, policy: DecisionPolicy
) -> Timeline:
    """A fresh :class:`Timeline` for ``request``'s question about one person (whose
    :func:`~anhorig.consent.model.person_key` is ``key``) over their ``records``."""
    born = request.subject.birth_date  # _person_points, written out: every first ask
    people = _birth_points(born) if born is not None else ()
    if request.concerns is not None:
        # The child a report of concern is about: whether they are a child can change too.
        people = (*people, *_person_points(request.concerns))
    if records is None:
        return Timeline(request, _with_law(people), {}, policy)
    # What the records keep (their change points with these people's, the mapping
    # shared by their timelines) read in place: no call when both are made already.
    derived = records.derived
    kept = derived.breaks if derived is not None else None
    breaks = kept.get(people) if kept is not None else None
    if breaks is None:
        breaks = records.breaks(LAW_CHANGES, people)
    alone = derived.alone if derived is not None else None
    return Timeline(request, breaks, alone if alone is not None else records.alone(key), policy)


@functools.lru_cache(maxsize=4096)
def _with_law(people: tuple[float, ...]) -> list[float]:
    """The law's change points and ``people``'s, sorted and distinct (shared)."""
    return sorted({*LAW_CHANGES, *people}) if people else LAW_CHANGES


def timeline_for(
    request: DisclosureRequest,
    by_subject: Mapping[str, SubjectRecords],
    policy: DecisionPolicy,
) -> Timeline:
    """A fresh :class:`Timeline` for ``request``'s question over ``by_subject``.

    Only the request's subjects' records are read, each once; the timeline keeps them
    (:attr:`Timeline.records`), so it answers from them whatever is added later. For
    one subject the sorted change points the records keep are reused, with the
    person's birth and majority put in (a copy only when they are not there already),
    so a first ask does not sort.
    """
    subjects = request.subjects
    if len(subjects) == 1:
        key = person_key(subjects[0])
        return timeline_of(request, key, by_subject.get(key), policy)
    # The child a report of concern is about: whether they are a child can change too.
    concerned = _person_points(request.concerns) if request.concerns is not None else ()
    points: list[float] = [*LAW_CHANGES, *concerned]
    kept = {}
    for person in subjects:
        key = person_key(person)
        records = by_subject.get(key)
        if records is not None:
            kept[key] = records
            points.extend(records.breakpoints())
        points.extend(_person_points(person))
    return Timeline(request, sorted(set(points)), kept, policy)
