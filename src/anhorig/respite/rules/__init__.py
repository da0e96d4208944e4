"""The respite rules: may this booking be made, and is this grant in order?

:func:`check_booking` judges one booking against a ledger and returns **every**
finding at once; :func:`check` judges a grant (with a policy) or a whole ledger;
:func:`validate` and :func:`is_valid` follow the interface every rule family keeps.

Rules (codes are stable):

- ``RESPITE-UNKNOWN-GRANT``: the booking names a grant the ledger does not have.
- ``RESPITE-VOLUNTEER``: a volunteer organisation is not the municipality's respite.
- ``RESPITE-OUTSIDE-VALIDITY``: the booking lies (partly) outside the grant's validity.
- ``RESPITE-NOTICE``: booked with less notice than the policy asks (working days
  exclude Swedish public holidays); ``RESPITE-SHORT-NOTICE`` (info) when a
  short-notice allowance covers it. An emergency place needs no notice.
- ``RESPITE-OVER-QUOTA``: the booking goes beyond the quota and the policy refuses
  overage; ``RESPITE-OVERAGE-CHARGED`` (warning) when the policy charges it.
- ``RESPITE-OVERLAP``: another booking for the same person overlaps it.
- ``RESPITE-WEEKDAY`` / ``RESPITE-TIME-OF-DAY``: outside the days or hours in-home
  respite is given.
- ``RESPITE-CONSECUTIVE`` (error) / ``RESPITE-CONSECUTIVE-GUIDELINE`` (warning):
  more dygn in a row than the policy allows.
- ``RESPITE-DYGN-PER-MONTH``: more dygn away in a calendar month than allowed.
- ``RESPITE-CARER-AGE``, ``RESPITE-LIVING-TOGETHER``, ``RESPITE-CARED-FOR-AGE``:
  eligibility; ``RESPITE-ELIGIBILITY-UNKNOWN`` (warning) when the fact is not recorded.
- ``RESPITE-COMBINATION``: the family holds kinds the policy does not combine.
- ``RESPITE-DECISION-REQUIRED``: a grant without a decision beyond what the policy
  gives without one; ``RESPITE-DECISION-CEILING`` when the person's age group lets
  some be granted without a decision (Habo: 20 hours a month from 75), but not this much.
- ``RESPITE-UNKNOWN-UNIT`` / ``RESPITE-NO-BED``: the short-stay unit is unknown or
  has no free bed some night (an emergency place too needs a bed).
- ``RESPITE-CONTINUITY`` (info): the family has asked for certain staff before and
  this booking names none of them (seeds 001, 004: continuity of staff matters).
- ``RESPITE-AWAY-EXCEEDS-HOME``: a växelvård pattern with more time away than at
  home where the policy forbids it; ``RESPITE-BOOKED-AWAY-EXCEEDS-HOME`` (warning) a
  booked stay longer, in nights, than the time at home before it (``check(ledger)``).

Each rule names the DOMAIN.md rules (24–32) it encodes in its ``domain``, and stands
by topic directly above the condition that finds it: :mod:`~anhorig.respite.rules.booking`,
:mod:`~anhorig.respite.rules.quota`, :mod:`~anhorig.respite.rules.hours`,
:mod:`~anhorig.respite.rules.stays`, :mod:`~anhorig.respite.rules.grant` and
:mod:`~anhorig.respite.rules.pattern`.

>>> from datetime import date
>>> from anhorig.people import Person
>>> from anhorig.time import Interval, Period, local
>>> from anhorig.respite import SUNNE, Ledger
>>> from anhorig.respite.model import *
>>> grant = RespiteGrant(id="G", kind=RespiteKind.IN_HOME,
...     basis=GrantBasis.WITHOUT_NEEDS_ASSESSMENT,
...     quota=Quota(amount=10, unit=QuotaUnit.HOURS, per=QuotaPeriod.MONTH),
...     validity=Period.year(2026), lives_together=True,
...     cared_for=Person(name="Karin Berg", birth_date=date(1940, 5, 1)),
...     carer=Person(name="Nils Berg", birth_date=date(1942, 3, 14)))
>>> ledger = Ledger(policies=(SUNNE,), grants=(grant,))
>>> evening = Booking(id="B", grant_id="G", made_at=local(2026, 6, 1, 9),
...     interval=Interval(local(2026, 6, 12, 18), local(2026, 6, 12, 22)),
...     provider=Provider(name="Avlösarteamet", kind=ProviderKind.MUNICIPALITY))
>>> check_booking(ledger, evening, on=date(2026, 6, 1)).ok
True
>>> import attrs
>>> late = attrs.evolve(evening, made_at=local(2026, 6, 10, 9))
>>> print(check_booking(ledger, late, on=date(2026, 6, 10)).explain("en"))
ERROR RESPITE-NOTICE made_at: The booking was made with 2 calendar days notice; Sunne asks for 7. (Sunne kommun: Avlösning i hemmet, kommunens webbplats)

The notice is Sunne's riktlinje, not law: the finding cites Sunne's own document
(``RespitePolicy.source``). The law is cited where it is the point: the duty to offer
support (SoL 13 kap. 9 §) for ``RESPITE-VOLUNTEER``, bistånd and insatser without
individual needs assessment for ``RESPITE-DECISION-REQUIRED`` and
``RESPITE-DECISION-CEILING``, bistånd for ``RESPITE-OUTSIDE-VALIDITY``.

References:
    - Socialtjänstlag (2001:453) 4 kap. 1 §, 2 a §, 5 kap. 10 §; Socialtjänstlag
      (2025:400) 11 kap. 1 §, 5 §, 13 kap. 9 § (respite is support to carers; quotas,
      notice, days, dygn and eligibility are local policy, not law, and cited as such).
    - DOMAIN.md rules 24–32 and part 2 §6 (municipal riktlinjer).
    - Seed 004: respite must be booked days ahead; volunteers are not respite;
      trygghetsplats; växelvård booked like a hotel.
"""

from anhorig.respite.policy import notice_given
from anhorig.respite.rules._check import (
    RULES,
    check,
    check_booking,
    check_ledger_reference,
    is_valid,
    validate,
)
from anhorig.respite.rules.booking import (
    CONTINUITY,
    NOTICE,
    OUTSIDE_VALIDITY,
    OVERLAP,
    SHORT_NOTICE,
    UNKNOWN_GRANT,
    VOLUNTEER,
)
from anhorig.respite.rules.grant import (
    CARED_FOR_AGE,
    CARER_AGE,
    COMBINATION,
    DECISION_CEILING,
    DECISION_REQUIRED,
    ELIGIBILITY_UNKNOWN,
    LIVING_TOGETHER,
    check_grant,
)
from anhorig.respite.rules.hours import TIME_OF_DAY, WEEKDAY
from anhorig.respite.rules.pattern import (
    AWAY_EXCEEDS_HOME,
    BOOKED_AWAY_EXCEEDS_HOME,
    booked_rhythm_findings,
    check_pattern,
)
from anhorig.respite.rules.quota import OVER_QUOTA, OVERAGE_CHARGED
from anhorig.respite.rules.stays import (
    CONSECUTIVE,
    CONSECUTIVE_GUIDELINE,
    DYGN_PER_MONTH,
    NO_BED,
    UNKNOWN_UNIT,
)

_check_ledger_reference = check_ledger_reference  # the name the tests first knew it by

__all__ = [
    "AWAY_EXCEEDS_HOME",
    "BOOKED_AWAY_EXCEEDS_HOME",
    "CARED_FOR_AGE",
    "CARER_AGE",
    "COMBINATION",
    "CONSECUTIVE",
    "CONSECUTIVE_GUIDELINE",
    "CONTINUITY",
    "DECISION_CEILING",
    "DECISION_REQUIRED",
    "DYGN_PER_MONTH",
    "ELIGIBILITY_UNKNOWN",
    "LIVING_TOGETHER",
    "NOTICE",
    "NO_BED",
    "OUTSIDE_VALIDITY",
    "OVERAGE_CHARGED",
    "OVERLAP",
    "OVER_QUOTA",
    "RULES",
    "SHORT_NOTICE",
    "TIME_OF_DAY",
    "UNKNOWN_GRANT",
    "UNKNOWN_UNIT",
    "VOLUNTEER",
    "WEEKDAY",
    "booked_rhythm_findings",
    "check",
    "check_booking",
    "check_grant",
    "check_ledger_reference",
    "check_pattern",
    "is_valid",
    "notice_given",
    "validate",
]
