"""The ledger by example: DST, month boundaries, carry-over, proration, overage,
cancellations, "as of", dygn counting and the structural refusals."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from anhorig.errors import InvalidInput
from anhorig.respite import (
    Balance,
    CarryOver,
    DygnCount,
    Ledger,
    Overage,
    Proration,
    QuotaPeriod,
    QuotaUnit,
    RespiteKind,
    RespitePolicy,
)
from anhorig.time import Period, local

from ._helpers import HOUR, booking, grant

POLICY = RespitePolicy(municipality="Exempel", kinds=frozenset({RespiteKind.IN_HOME}))


def test_spring_night_is_eleven_hours() -> None:
    """A booking 20:00–08:00 over the spring change uses 11 elapsed hours."""
    ledger = Ledger(grants=(grant(),)).book(
        booking("B", local(2026, 3, 28, 20), local(2026, 3, 29, 8))
    )
    assert ledger.balance("G-1", date(2026, 3, 1)).reserved == 11 * HOUR


def test_autumn_night_is_thirteen_hours() -> None:
    """A booking 20:00–08:00 over the autumn change uses 13 elapsed hours."""
    ledger = Ledger(grants=(grant(amount=20),)).book(
        booking("B", local(2026, 10, 24, 20), local(2026, 10, 25, 8))
    )
    balance = ledger.balance("G-1", date(2026, 10, 1))
    assert (balance.reserved, balance.remaining) == (13 * HOUR, 7 * HOUR)


def test_booking_across_month_counts_in_both() -> None:
    """A booking over midnight of a month's end counts its part in each month."""
    ledger = Ledger(grants=(grant(),)).book(
        booking("B", local(2026, 4, 30, 20), local(2026, 5, 1, 2))
    )
    assert ledger.balance("G-1", date(2026, 4, 1)).reserved == 4 * HOUR
    assert ledger.balance("G-1", date(2026, 5, 1)).reserved == 2 * HOUR


def test_used_and_reserved_split_at_on() -> None:
    """Time before ``on`` is used, time from it on reserved; an instant splits a booking."""
    ledger = Ledger(grants=(grant(),)).book(
        booking("B", local(2026, 2, 10, 10), local(2026, 2, 10, 14))
    )
    assert ledger.balance("G-1", date(2026, 2, 11)).used == 4 * HOUR
    assert ledger.balance("G-1", date(2026, 2, 10)).reserved == 4 * HOUR
    split = ledger.balance("G-1", local(2026, 2, 10, 11))
    assert (split.used, split.reserved) == (1 * HOUR, 3 * HOUR)


@pytest.mark.parametrize(
    ("carry", "cap", "expected"),
    [(CarryOver.NONE, None, 0), (CarryOver.CAPPED, 5, 5 * HOUR), (CarryOver.FULL, None, 16 * HOUR)],
)
def test_carry_over(carry: CarryOver, cap: int | None, expected: int) -> None:
    """Unused quota is lost, carried up to a cap, or carried in full (rule 27)."""
    policy = attrs.evolve(POLICY, carry_over=carry, carry_over_cap=cap)
    ledger = Ledger(policies=(policy,), grants=(grant(),)).book(
        booking("B", local(2026, 1, 5, 10), local(2026, 1, 5, 14))
    )
    # January leaves 6 h; February leaves 10 h more; March gets what is carried.
    march = ledger.balance("G-1", date(2026, 3, 1))
    assert march.carried_over == expected


def test_proration_by_days() -> None:
    """A grant starting mid-month gets the quota in proportion to its days (rule 26)."""
    g = grant(validity=Period(date(2026, 4, 16), date(2026, 7, 1)))
    ledger = Ledger(policies=(POLICY,), grants=(g,))
    assert ledger.balance("G-1", date(2026, 4, 20)).granted == 10 * HOUR * 15 // 30
    assert ledger.balance("G-1", date(2026, 5, 20)).granted == 10 * HOUR
    whole = attrs.evolve(POLICY, proration=Proration.NONE)
    assert (
        Ledger(policies=(whole,), grants=(g,)).balance("G-1", date(2026, 4, 20)).granted
        == 10 * HOUR
    )


def test_outside_validity_grants_nothing() -> None:
    """A month outside the grant's validity has nothing granted."""
    g = grant(validity=Period(date(2026, 4, 1), date(2026, 5, 1)))
    assert Ledger(grants=(g,)).balance("G-1", date(2026, 6, 1)).granted == 0


def test_overage_shown_and_flagged_charged() -> None:
    """Hours beyond the quota are over quota; a charging policy flags them (rule 28)."""
    charging = attrs.evolve(POLICY, overage=Overage.CHARGE)
    ledger = Ledger(policies=(charging,), grants=(grant(),)).book(
        booking("B", local(2026, 6, 1, 8), local(2026, 6, 1, 20))
    )
    balance = ledger.balance("G-1", date(2026, 6, 1))
    assert (balance.remaining, balance.over_quota, balance.charged) == (0, 2 * HOUR, True)
    assert balance.show("remaining") == "-2 h"


def test_cancel_restores_and_as_of_remembers() -> None:
    """A cancellation frees the time from when it is recorded; "as of" before it does not."""
    ledger = Ledger(grants=(grant(),)).book(
        booking("B", local(2026, 6, 1, 8), local(2026, 6, 1, 12))
    )
    cancelled = ledger.cancel("B", at=local(2026, 5, 20))
    assert cancelled.balance("G-1", date(2026, 6, 1)).remaining == 10 * HOUR
    before = cancelled.balance("G-1", date(2026, 6, 1), as_of=local(2026, 5, 19))
    assert before.remaining == 6 * HOUR
    assert cancelled.as_of(local(2026, 5, 19)) == ledger
    assert ledger.balance("G-1", date(2026, 6, 1)).remaining == 6 * HOUR


def test_late_cancellation_counts_as_used() -> None:
    """A cancellation after the cut-off counts the booking as used (rule 31)."""
    policy = attrs.evolve(POLICY, late_cancellation_hours=24)
    ledger = Ledger(policies=(policy,), grants=(grant(),)).book(
        booking("B", local(2026, 6, 1, 8), local(2026, 6, 1, 12))
    )
    late = ledger.cancel("B", at=local(2026, 5, 31, 12))
    balance = late.balance("G-1", date(2026, 6, 1))
    assert (balance.used, balance.reserved) == (4 * HOUR, 0)
    early = ledger.cancel("B", at=local(2026, 5, 30, 12))
    assert early.balance("G-1", date(2026, 6, 1)).used == 0


def test_dygn_nights_or_calendar_days() -> None:
    """A stay Monday 14:00 to Thursday 12:00 is 3 nights or 4 calendar days (rule 29)."""
    stay = grant(kind=RespiteKind.SHORT_STAY, amount=30, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR)
    nights = RespitePolicy(municipality="N", kinds=frozenset({RespiteKind.SHORT_STAY}))
    days = attrs.evolve(nights, dygn_count=DygnCount.CALENDAR_DAYS)
    entry = booking("S", local(2026, 6, 1, 14), local(2026, 6, 4, 12))
    for policy, expected in ((nights, 3), (days, 4)):
        ledger = Ledger(policies=(policy,), grants=(stay,)).book(entry)
        assert ledger.balance("G-1", date(2026, 1, 1)).reserved == expected


def test_night_counts_in_month_of_evening() -> None:
    """The night of 31 March belongs to March; 1 April's to April."""
    stay = grant(kind=RespiteKind.SHORT_STAY, amount=30, unit=QuotaUnit.DYGN)
    ledger = Ledger(grants=(stay,)).book(
        booking("S", local(2026, 3, 30, 14), local(2026, 4, 2, 12))
    )
    assert ledger.balance("G-1", date(2026, 3, 1)).reserved == 2
    assert ledger.balance("G-1", date(2026, 4, 1)).reserved == 1


def test_validity_quota_counts_once() -> None:
    """A quota per validity is one period over all of it."""
    g = grant(
        amount=40, per=QuotaPeriod.VALIDITY, validity=Period(date(2026, 3, 1), date(2026, 9, 1))
    )
    ledger = Ledger(grants=(g,)).book(booking("B", local(2026, 3, 2, 8), local(2026, 3, 2, 18)))
    ledger = ledger.book(booking("C", local(2026, 8, 2, 8), local(2026, 8, 2, 18)))
    balance = ledger.balance("G-1", date(2026, 5, 1))
    assert (balance.period, balance.used, balance.reserved) == (g.validity, 10 * HOUR, 10 * HOUR)


def test_balances_per_period() -> None:
    """``balances`` gives one balance per quota period of the grant."""
    ledger = Ledger(grants=(grant(),))
    found = ledger.balances("G-1", date(2026, 1, 1))
    assert [b.period for b in found] == list(Period.year(2026).months())
    assert all(isinstance(b, Balance) for b in found)


def test_refuses_bad_entries_naming_each() -> None:
    """Unknown grant, duplicate id, out of order and unknown cancellation are refused."""
    base = Ledger(grants=(grant(),)).book(booking("B", local(2026, 6, 1, 8), local(2026, 6, 1, 9)))
    with pytest.raises(InvalidInput) as unknown:
        base.book(booking("C", local(2026, 6, 2, 8), local(2026, 6, 2, 9), gid="G-9"))
    assert unknown.value.paths == ("entries[1].grant_id",)
    with pytest.raises(InvalidInput) as twice:
        base.book(booking("B", local(2026, 6, 2, 8), local(2026, 6, 2, 9)))
    assert twice.value.paths == ("entries[1].id",)
    with pytest.raises(InvalidInput) as early:
        base.book(
            booking("D", local(2026, 6, 2, 8), local(2026, 6, 2, 9), made_at=local(2025, 1, 1))
        )
    assert early.value.paths == ("entries[1].made_at",)
    with pytest.raises(InvalidInput) as nothing:
        base.cancel("X", at=local(2026, 1, 1))
    assert nothing.value.paths == ("entries[1].booking_id",)
    cancelled = base.cancel("B", at=local(2026, 1, 1))
    with pytest.raises(InvalidInput):
        cancelled.cancel("B", at=local(2026, 1, 2))


def test_refused_append_leaves_ledger_usable() -> None:
    """After a refused append the old ledger still books (a fresh index is built)."""
    base = Ledger(grants=(grant(),))
    with pytest.raises(InvalidInput):
        base.extend(
            [
                booking("A", local(2026, 6, 1, 8), local(2026, 6, 1, 9)),
                booking("A", local(2026, 6, 2, 8), local(2026, 6, 2, 9)),
            ]
        )
    again = base.book(booking("A", local(2026, 6, 3, 8), local(2026, 6, 3, 9)))
    assert again.balance("G-1", date(2026, 6, 1)).reserved == HOUR
    assert base.balance("G-1", date(2026, 6, 1)).reserved == 0


def test_branching_from_an_older_ledger() -> None:
    """Two ledgers appended to the same parent do not see each other's entries."""
    base = Ledger(grants=(grant(),))
    one = base.book(booking("A", local(2026, 6, 1, 8), local(2026, 6, 1, 9)))
    two = base.book(booking("A", local(2026, 6, 1, 8), local(2026, 6, 1, 11)))
    assert one.balance("G-1", date(2026, 6, 1)).reserved == HOUR
    assert two.balance("G-1", date(2026, 6, 1)).reserved == 3 * HOUR


def test_ledger_constructor_reports_every_problem() -> None:
    """Duplicate grants and two policies for one kind are both named."""
    with pytest.raises(InvalidInput) as caught:
        Ledger(policies=(POLICY, POLICY), grants=(grant(), grant()))
    assert set(caught.value.paths) == {"policies[1].kinds", "grants[1].id"}


def test_repr_is_short_and_masked() -> None:
    """A ledger's repr counts its parts and shows nobody's name or number."""
    ledger = Ledger(grants=(grant(),))
    assert repr(ledger) == "Ledger(policies=0, grants=1, units=0, entries=0)"
    shown = repr(grant()) + str(grant())
    assert "Karin" not in shown
    assert "19400501-0006" not in shown


def test_booking_inside_the_autumn_fold() -> None:
    """02:30 summer time to 02:30 winter time is one elapsed hour, not an empty booking."""
    start = local(2026, 10, 25, 2, 30)
    end = local(2026, 10, 25, 2, 30, fold=1)
    ledger = Ledger(grants=(grant(),)).book(booking("F", start, end))
    assert ledger.balance("G-1", date(2026, 10, 1)).reserved == HOUR
    # 02:40 on the first pass (+02:00) is before 02:30 on the second (+01:00): the
    # interval itself refuses it, since instants compare by the instant.
    with pytest.raises(InvalidInput) as caught:
        booking("R", end, local(2026, 10, 25, 2, 40))
    assert caught.value.paths == ("end",)


def test_appended_ledgers_build_entries_on_demand() -> None:
    """A ledger made by ``book`` shares its parent's index; its ``entries`` tuple is
    built when asked for and equals the parent's plus the new entry."""
    base = Ledger(grants=(grant(),))
    ledgers = [base]
    for day in range(1, 8):
        ledgers.append(
            ledgers[-1].book(booking(f"B{day}", local(2026, 6, day, 8), local(2026, 6, day, 9)))
        )
    last = ledgers[-1]
    assert len(last) == 7
    assert last.entry(6).id == "B7"  # type: ignore[union-attr]
    assert ledgers[3].entries == last.entries[:3]
    assert last == Ledger(grants=(grant(),), entries=last.entries)
    branch = ledgers[3].book(booking("X", local(2026, 7, 1, 8), local(2026, 7, 1, 9)))
    assert [e.id for e in branch.entries] == ["B1", "B2", "B3", "X"]  # type: ignore[union-attr]
    assert len(last.entries) == 7
    with pytest.raises(IndexError):
        last.entry(7)


def test_entries_must_be_bookings_or_cancellations() -> None:
    """A non-entry is refused with its index; a list instead of a tuple with the field."""
    with pytest.raises(InvalidInput) as member:
        Ledger(grants=(grant(),), entries=("not an entry",))  # type: ignore[arg-type]
    assert member.value.paths == ("entries[0]",)
    with pytest.raises(InvalidInput) as container:
        Ledger(grants=(grant(),), entries=[])  # type: ignore[arg-type]
    assert container.value.paths == ("entries",)


def test_series_sharing_made_at_and_a_cancellation_between() -> None:
    """Entries that share one ``made_at`` object keep time order across a cancellation."""
    made = local(2026, 5, 1, 9)
    a = booking("A", local(2026, 6, 1, 8), local(2026, 6, 1, 9), made_at=made)
    b = booking("B", local(2026, 6, 2, 8), local(2026, 6, 2, 9), made_at=made)
    ledger = Ledger(grants=(grant(),)).extend([a])
    ledger = ledger.cancel("A", at=local(2026, 5, 2))
    with pytest.raises(InvalidInput) as caught:
        ledger.book(b)
    assert caught.value.paths == ("entries[2].made_at",)
    assert ledger.cutoff(local(2026, 5, 1, 9)) == 1
