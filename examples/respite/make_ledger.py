"""Write examples/respite/ledger.json: a Sunne family and a Växjö växelvård grant."""

from datetime import date
from anhorig.people import Person
from anhorig.respite import *
from anhorig.serialization import to_json
from anhorig.time import Interval, Period, local

carer = Person(name="Nils Berg", birth_date=date(1942, 3, 14))
cared = Person(name="Karin Berg", birth_date=date(1940, 5, 1))
home = RespiteGrant(
    id="AVL-1",
    kind=RespiteKind.IN_HOME,
    basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
    quota=Quota(amount=10, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
    validity=Period(date(2026, 1, 1), date(2026, 7, 1)),
    cared_for=cared,
    carer=carer,
    lives_together=True,
)
team = Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY)
ledger = Ledger(policies=(SUNNE,), grants=(home,))
ledger = ledger.extend(
    [
        Booking(
            id="B-1",
            grant_id="AVL-1",
            interval=Interval(local(2026, 3, 7, 18), local(2026, 3, 7, 23)),
            made_at=local(2026, 2, 20, 10),
            provider=team,
            preferred_staff=("S-12",),
        ),
        Cancellation(booking_id="B-1", at=local(2026, 2, 27, 16), reason="sjukdom"),
        Booking(
            id="B-2",
            grant_id="AVL-1",
            interval=Interval(local(2026, 3, 28, 20), local(2026, 3, 29, 7)),
            made_at=local(2026, 3, 2, 9),
            provider=team,
            preferred_staff=("S-12",),
        ),
        Booking(
            id="B-3",
            grant_id="AVL-1",
            interval=Interval(local(2026, 4, 30, 19), local(2026, 5, 1, 1)),
            made_at=local(2026, 4, 1, 9),
            provider=team,
        ),
    ]
)
open("examples/respite/ledger.json", "w").write(to_json(ledger, indent=2) + "\n")
