"""Small builders shared by the respite tests (synthetic people only)."""

from __future__ import annotations

from datetime import date, datetime

from anhorig.people import Person, PersonId
from anhorig.respite import (
    Booking,
    GrantBasis,
    Provider,
    ProviderKind,
    Quota,
    QuotaPeriod,
    QuotaUnit,
    RespiteGrant,
    RespiteKind,
)
from anhorig.time import Interval, Period, local

CARED_FOR = Person(id=PersonId.parse("19400501-0006"), name="Karin Berg")
CARER = Person(name="Nils Berg", birth_date=date(1942, 3, 14))
MUNICIPAL = Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY)


def grant(
    gid: str = "G-1",
    *,
    kind: RespiteKind = RespiteKind.IN_HOME,
    amount: int = 10,
    unit: QuotaUnit = QuotaUnit.HOURS,
    per: QuotaPeriod = QuotaPeriod.MONTH,
    validity: Period | None = None,
    decision: bool = True,
    carer: Person | None = CARER,
    cared_for: Person = CARED_FOR,
    lives_together: bool | None = True,
) -> RespiteGrant:
    """A grant of ``amount`` ``unit`` ``per`` period, valid in 2026 unless told."""
    return RespiteGrant(
        id=gid,
        kind=kind,
        basis=GrantBasis.DECISION if decision else GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
        decision_ref="SN-2026-17" if decision else None,
        quota=Quota(amount=amount, unit=unit, per=per),
        validity=validity or Period.year(2026),
        cared_for=cared_for,
        carer=carer,
        lives_together=lives_together,
    )


def booking(
    bid: str,
    start: datetime,
    end: datetime,
    *,
    gid: str = "G-1",
    made_at: datetime | None = None,
    provider: Provider = MUNICIPAL,
    unit_id: str | None = None,
) -> Booking:
    """A booking ``[start, end)`` made a month before it unless told."""
    return Booking(
        id=bid,
        grant_id=gid,
        interval=Interval(start, end),
        made_at=made_at if made_at is not None else local(2025, 12, 1),
        provider=provider,
        unit_id=unit_id,
    )


HOUR = 3600
