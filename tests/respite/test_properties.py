"""Properties of balances, and a stateful test that books and cancels at random.

The oracle in the stateful test counts hours its own way (pendulum intervals
intersected with calendar months), independent of the ledger's epoch arithmetic.
"""

from __future__ import annotations

import math
from datetime import UTC, date, timedelta

import attrs
import pendulum
from hypothesis import assume, given, note, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from anhorig.respite import (
    Booking,
    Ledger,
    Overage,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
    try_book,
)
from anhorig.testing.strategies import (
    bookings,
    instants,
    ledgers,
    quotas,
    respite_grants,
    respite_policies,
)
from anhorig.time import ZONE, Period, epoch_seconds, local

HOURS_QUOTAS = quotas(units=st.just(QuotaUnit.HOURS))


def _dates_of(grant: RespiteGrant) -> st.SearchStrategy[date]:
    assert grant.validity.end is not None
    return st.dates(grant.validity.start, grant.validity.end - timedelta(days=1))


def _balances(ledger: Ledger, grant_id: str, on: date) -> list[tuple[int, ...]]:
    return [
        (b.granted, b.carried_over, b.used, b.reserved, b.remaining, b.over_quota)
        for b in ledger.balances(grant_id, on)
    ]


def _after(ledger: Ledger, grant: RespiteGrant) -> pendulum.DateTime:
    """An instant no earlier than the ledger's last entry."""
    last = ledger.entries[-1] if ledger.entries else None
    if last is None:
        return pendulum.datetime(2020, 1, 1, tz=ZONE)
    return last.made_at if isinstance(last, Booking) else last.at


@given(st.data())
def test_balance_identity(data: st.DataObject) -> None:
    """remaining − over_quota = granted + carried − used − reserved; never both above 0."""
    ledger = data.draw(ledgers())
    grant = data.draw(st.sampled_from(ledger.grants))
    on = data.draw(_dates_of(grant))
    for b in ledger.balances(grant.id, on):
        assert b.remaining - b.over_quota == b.granted + b.carried_over - b.used - b.reserved
        assert min(b.remaining, b.over_quota) == 0
        assert min(b.granted, b.carried_over, b.used, b.reserved) >= 0


@given(st.data())
def test_book_then_cancel_restores(data: st.DataObject) -> None:
    """Booking and then cancelling (before any late cut-off) restores every balance."""
    ledger = data.draw(ledgers())
    grant = data.draw(st.sampled_from(ledger.grants))
    made = _after(ledger, grant)
    extra = data.draw(bookings(grant, ids=st.just("NEW"), made_at=made))
    assume(extra.interval.start > made)
    cutoff = ledger.policy_for(grant.kind).late_cancellation_hours
    assume(cutoff is None or made <= extra.interval.start.subtract(hours=cutoff))
    on = data.draw(_dates_of(grant))
    booked = ledger.book(extra)
    restored = booked.cancel("NEW", at=made)
    assert _balances(restored, grant.id, on) == _balances(ledger, grant.id, on)


@given(st.data())
def test_splitting_preserves_hours(data: st.DataObject) -> None:
    """A booking split in two at any minute uses the same hours in every period."""
    grant = data.draw(respite_grants(quota_strategy=HOURS_QUOTAS))
    whole = data.draw(
        bookings(grant, ids=st.just("W"), made_at=pendulum.datetime(2020, 1, 1, tz=ZONE))
    )
    minutes = int(whole.interval.seconds // 60)
    assume(minutes >= 2)
    cut = whole.interval.start.add(minutes=data.draw(st.integers(1, minutes - 1)))
    first, second = whole.interval.split_at(cut)
    halves = (
        attrs.evolve(whole, id="H1", interval=first),
        attrs.evolve(whole, id="H2", interval=second),
    )
    on = data.draw(_dates_of(grant))
    one = Ledger(grants=(grant,)).book(whole)
    two = Ledger(grants=(grant,)).extend(halves)
    assert _balances(one, grant.id, on) == _balances(two, grant.id, on)


@given(st.data())
def test_order_of_independent_bookings_does_not_matter(data: st.DataObject) -> None:
    """Bookings recorded at the same instant give the same balances in any order."""
    ledger = data.draw(ledgers(max_entries=0, max_grants=3))
    made = pendulum.datetime(2020, 1, 1, tz=ZONE)
    entries = []
    for index in range(data.draw(st.integers(0, 6))):
        grant = data.draw(st.sampled_from(ledger.grants))
        entries.append(data.draw(bookings(grant, ids=st.just(f"B{index}"), made_at=made)))
    shuffled = data.draw(st.permutations(entries))
    a, b = ledger.extend(entries), ledger.extend(shuffled)
    for grant in ledger.grants:
        on = data.draw(_dates_of(grant))
        assert _balances(a, grant.id, on) == _balances(b, grant.id, on)


@given(st.data())
def test_hours_equal_utc_elapsed_time(data: st.DataObject) -> None:
    """For an hours quota, a booking's counted seconds over all periods is its UTC length."""
    grant = data.draw(respite_grants(quota_strategy=HOURS_QUOTAS))
    entry = data.draw(bookings(grant, made_at=pendulum.datetime(2020, 1, 1, tz=ZONE)))
    ledger = Ledger(grants=(grant,)).book(entry)
    counted = sum(b.used + b.reserved for b in ledger.balances(grant.id, grant.validity.start))
    utc = entry.interval.end.astimezone(UTC) - entry.interval.start.astimezone(UTC)
    assert counted == int(utc.total_seconds())


@settings(max_examples=40)
@given(st.data())
def test_no_balance_negative_unless_charged(data: st.DataObject) -> None:
    """Booking only what ``check_booking`` accepts never goes over a refusing quota."""
    policy = data.draw(respite_policies(kinds=st.just(frozenset({RespiteKind.IN_HOME}))))
    policy = attrs.evolve(policy, overage=Overage.REFUSE)
    grant = data.draw(respite_grants(kinds=st.just(RespiteKind.IN_HOME), max_days=120))
    ledger = Ledger(policies=(policy,), grants=(grant,))
    made = pendulum.datetime(2020, 1, 1, tz=ZONE)
    for index in range(data.draw(st.integers(1, 8))):
        entry = data.draw(bookings(grant, ids=st.just(f"B{index}"), made_at=made, max_hours=30))
        ledger, report = try_book(ledger, entry, on=grant.validity.start)
        note(report.explain("en"))
    for b in ledger.balances(grant.id, grant.validity.start):
        assert b.over_quota == 0


def _oracle_seconds(entries: dict[str, Booking], month: Period, validity: Period) -> int:
    """Seconds of ``entries`` inside ``month`` ∩ ``validity``, computed on UTC datetimes
    (wall-clock comparison in one zone is wrong inside the autumn fold)."""
    window = month.intersection(validity)
    if window is None or window.start == window.end:
        return 0
    span = window.interval()
    lo, hi = span.start.astimezone(UTC), span.end.astimezone(UTC)
    total = 0
    for entry in entries.values():
        start = max(entry.interval.start.astimezone(UTC), lo)
        end = min(entry.interval.end.astimezone(UTC), hi)
        if end > start:
            total += int((end - start).total_seconds())
    return total


class LedgerMachine(RuleBasedStateMachine):
    """Book and cancel at random; the ledger must agree with a simple model."""

    def __init__(self) -> None:
        super().__init__()
        self.ledger = Ledger()
        self.grant: RespiteGrant | None = None
        self.active: dict[str, Booking] = {}
        self.clock = pendulum.datetime(2020, 1, 1, tz=ZONE)
        self.count = 0
        self.history: list[tuple[Ledger, pendulum.DateTime, list[tuple[int, ...]]]] = []

    @initialize(grant=respite_grants(quota_strategy=HOURS_QUOTAS, max_days=200))
    def start(self, grant: RespiteGrant) -> None:
        self.grant = grant
        self.ledger = Ledger(grants=(grant,))

    @rule(data=st.data(), step=st.integers(0, 3000))
    def book(self, data: st.DataObject, step: int) -> None:
        assert self.grant is not None
        self.clock = self.clock.add(minutes=step)
        self.count += 1
        entry = data.draw(bookings(self.grant, ids=st.just(f"B{self.count}"), made_at=self.clock))
        self.ledger = self.ledger.book(entry)
        self.active[entry.id] = entry
        self._remember()

    @rule(data=st.data(), step=st.integers(0, 3000))
    def cancel(self, data: st.DataObject, step: int) -> None:
        if not self.active:
            return
        self.clock = self.clock.add(minutes=step)
        target = data.draw(st.sampled_from(sorted(self.active)))
        self.ledger = self.ledger.cancel(target, at=self.clock)
        del self.active[target]
        self._remember()

    def _remember(self) -> None:
        assert self.grant is not None
        self.history.append(
            (
                self.ledger,
                self.clock,
                _balances(self.ledger, self.grant.id, self.grant.validity.start),
            )
        )

    @invariant()
    def agrees_with_model(self) -> None:
        if self.grant is None:
            return
        validity = self.grant.validity
        for balance in self.ledger.balances(self.grant.id, validity.start):
            if self.grant.quota.per.value == "month":
                expected = _oracle_seconds(self.active, balance.period, validity)
                assert balance.used + balance.reserved == expected
            assert balance.remaining - balance.over_quota == balance.net

    @invariant()
    def past_answers_hold(self) -> None:
        """Asked "as of" an earlier instant, the ledger answers as it did then."""
        if self.grant is None or not self.history:
            return
        then, clock, answer = self.history[len(self.history) // 2]
        grant_id = self.grant.id
        later = [
            (b.granted, b.carried_over, b.used, b.reserved, b.remaining, b.over_quota)
            for b in self.ledger.balances(grant_id, self.grant.validity.start, as_of=clock)
        ]
        # Entries recorded at the same instant as ``clock`` after it are included too.
        same_instant = self.ledger.cutoff(clock) == len(then.entries)
        if same_instant:
            assert later == answer


LedgerMachine.TestCase.settings = settings(max_examples=25, stateful_step_count=15)
TestLedgerMachine = LedgerMachine.TestCase


@given(instants(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 59))
def test_fast_epoch_is_the_timestamp(moment: pendulum.DateTime, extra: int) -> None:
    """The ledger's table-driven epoch equals ``floor(timestamp())``, DST days included."""
    moment = moment.add(seconds=extra, microseconds=extra * 1000)
    assert epoch_seconds(moment) == math.floor(moment.timestamp())
    folded = local(2026, 10, 25, 2, 30, fold=1)
    assert epoch_seconds(folded) == math.floor(folded.timestamp())
    assert epoch_seconds(moment.in_tz("UTC")) == math.floor(moment.timestamp())
