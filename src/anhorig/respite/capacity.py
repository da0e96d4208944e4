"""Short-stay capacity: beds night by night, and booking "like a hotel".

A :class:`~anhorig.respite.model.ShortStayUnit` has a number of beds. A stay
takes a bed on every night it covers (a local midnight strictly inside the stay),
so a stay from Monday 14:00 to Thursday 12:00 takes the nights before Tuesday,
Wednesday and Thursday. :func:`occupancy` counts the beds taken on one night,
:func:`availability` every night of a period, and :func:`hotel_stay` builds the
booking for an arrival date and a number of nights, which :func:`try_book`
(or :func:`book_like_hotel`) checks against free beds and the grant's rules.
An emergency place (*trygghetsplats*) skips notice and quota but never capacity.

Every stay that names a unit takes its beds, whatever its kind: korttid, växelvård
and trygghetsplats share the beds of a *korttidsenhet* (DOMAIN.md part 2 §6.2 and §6.3
treat korttid and växelvård as stays at the same units, at one fee per dygn; seed 004
books växelvård days "som hotell" against free beds).

>>> from datetime import date
>>> from anhorig.people import Person
>>> from anhorig.time import Period, local
>>> from anhorig.respite.model import *
>>> from anhorig.respite.ledger import Ledger
>>> grant = RespiteGrant(id="G", kind=RespiteKind.SHORT_STAY, basis=GrantBasis.DECISION,
...     decision_ref="D", quota=Quota(amount=60, unit=QuotaUnit.DYGN, per=QuotaPeriod.YEAR),
...     validity=Period(date(2026, 1, 1), date(2027, 1, 1)),
...     cared_for=Person(name="Erik Ström", birth_date=date(1938, 2, 3)))
>>> ledger = Ledger(grants=(grant,), units=(ShortStayUnit(id="U", name="Tallbacken", beds=1),))
>>> stay = hotel_stay(grant_id="G", unit_id="U", arrive=date(2026, 6, 1), nights=3,
...     booking_id="H-1", made_at=local(2026, 5, 1),
...     provider=Provider(name="Tallbacken", kind=ProviderKind.MUNICIPALITY))
>>> ledger, report = book_like_hotel(ledger, stay, on=date(2026, 5, 1))
>>> report.ok, occupancy(ledger, "U", date(2026, 6, 2)).free
(True, 0)
>>> again = attrs.evolve(stay, id="H-2")
>>> sorted(book_like_hotel(ledger, again, on=date(2026, 5, 1))[1].codes)
['RESPITE-NO-BED', 'RESPITE-OVERLAP']
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs

from anhorig import _checks, bounds
from anhorig._arguments import checked, checked_first
from anhorig._calendar import DAY_ZERO_ORDINAL
from anhorig._checks import collecting, instance_of, non_empty_text
from anhorig.errors import InvalidInput, Problem
from anhorig.findings import Report
from anhorig.organisations import Provider
from anhorig.respite.ledger import Ledger
from anhorig.respite.model import Booking
from anhorig.respite.rules import check_booking
from anhorig.time import Instant, Interval, Period, local

__all__ = [
    "Occupancy",
    "availability",
    "book_like_hotel",
    "hotel_stay",
    "occupancy",
    "try_book",
]

_BEDS = _checks.and_(
    instance_of(int),
    _checks.ge(0),
    bounds.at_most(
        bounds.MAX_BEDS, sv="bäddar på en korttidsenhet", en="beds at a short-stay unit"
    ),
)
# Counted from the ledger, which may hold an overbooked night: no bound from the domain.
_OCCUPIED = _checks.and_(
    instance_of(int),
    _checks.ge(0),
    bounds.at_most(
        bounds.INTEROP_INTEGER,
        sv="det största heltal varje JSON-läsare läser exakt",
        en="the largest integer every JSON reader reads exactly",
    ),
)


@collecting
@attrs.frozen(kw_only=True, order=False)
class Occupancy:
    """Beds taken at a unit on one night (*beläggning*); ``night`` is the evening's date."""

    unit_id: str = attrs.field(validator=non_empty_text)
    night: date = attrs.field(validator=_checks.a_date)
    beds: int = attrs.field(validator=_BEDS)
    occupied: int = attrs.field(validator=_OCCUPIED)

    @property
    def free(self) -> int:
        """Free beds that night (never below zero; an overbooked night shows 0)."""
        return max(0, self.beds - self.occupied)


@checked
def occupancy(
    ledger: Ledger, unit_id: str, night: date, *, as_of: datetime | None = None
) -> Occupancy:
    """Beds taken at ``unit_id`` on the night starting on ``night``."""
    unit = ledger.unit(unit_id)
    k = ledger.cutoff(as_of)
    seqs = ledger.unit_nights(unit_id).get(night.toordinal() - DAY_ZERO_ORDINAL, ())
    taken = sum(1 for seq in seqs if ledger.is_active(seq, k))
    return Occupancy(unit_id=unit.id, night=night, beds=unit.beds, occupied=taken)


@checked
def availability(
    ledger: Ledger, unit_id: str, period: Period, *, as_of: datetime | None = None
) -> tuple[Occupancy, ...]:
    """The occupancy of every night of ``period`` (which needs an end)."""
    if period.end is None:
        raise InvalidInput.at(
            "period.end", sv="perioden behöver ett slut", en="the period needs an end"
        )
    days = (period.end - period.start).days
    return tuple(
        occupancy(ledger, unit_id, period.start + timedelta(days=i), as_of=as_of)
        for i in range(days)
    )


@checked_first
def hotel_stay(
    *,
    grant_id: str,
    unit_id: str,
    arrive: date,
    nights: int,
    booking_id: str,
    made_at: datetime,
    provider: Provider,
    arrive_hour: int = 14,
    leave_hour: int = 12,
) -> Booking:
    """A stay at ``unit_id`` arriving on ``arrive`` at ``arrive_hour`` and leaving
    ``nights`` nights later at ``leave_hour`` (Skara: arrival about 14:00); at most
    366 nights, a year."""
    if not isinstance(nights, int) or isinstance(nights, bool) or nights < 1:
        got = bounds.number_text(nights, "sv") if isinstance(nights, int) else type(nights).__name__
        got_en = (
            bounds.number_text(nights, "en") if isinstance(nights, int) else type(nights).__name__
        )
        raise InvalidInput.at(
            "nights", sv=f"minst en natt (fick {got})", en=f"at least one night (got {got_en})"
        )
    if nights > bounds.DAYS_IN_YEAR:
        bounds.refuse(
            "nights", bounds.DAYS_IN_YEAR, nights, sv="nätter, ett år", en="nights, a year"
        )
    leave = arrive + timedelta(days=nights)
    # An hour out of range or in the spring gap is named as its parameter, both at once.
    ends: list[Instant] = []
    problems: list[Problem] = []
    for name, day, hour in (
        ("arrive_hour", arrive, arrive_hour),
        ("leave_hour", leave, leave_hour),
    ):
        try:
            ends.append(local(day.year, day.month, day.day, hour))
        except InvalidInput as err:
            problems.extend(err.under(name).problems)
    if problems:
        raise InvalidInput(problems)
    return Booking(
        id=booking_id,
        grant_id=grant_id,
        interval=Interval(ends[0], ends[1]),
        made_at=made_at,
        provider=provider,
        unit_id=unit_id,
    )


@checked
def try_book(ledger: Ledger, booking: Booking, *, on: date) -> tuple[Ledger, Report]:
    """Check ``booking`` and, if there is no error finding, book it.

    Returns the new ledger (or the same one when refused) and every finding.
    """
    report = check_booking(ledger, booking, on=on)
    if not report.ok:
        return ledger, report
    return ledger.book(booking), report


@checked
def book_like_hotel(ledger: Ledger, stay: Booking, *, on: date) -> tuple[Ledger, Report]:
    """Book a stay against the unit's free beds and the grant's rules (*omsorgshotell*)."""
    if stay.unit_id is None:
        raise InvalidInput.at(
            "unit_id", sv="en hotellbokning behöver en enhet", en="a hotel stay needs a unit"
        )
    return try_book(ledger, stay, on=on)
