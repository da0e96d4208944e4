"""The respite family's interface: ``RULES``, ``check``, ``check_booking``, ``validate``,
``is_valid``.

The rules stand by topic in :mod:`~anhorig.respite.rules.booking`,
:mod:`~anhorig.respite.rules.quota`, :mod:`~anhorig.respite.rules.hours`,
:mod:`~anhorig.respite.rules.stays`, :mod:`~anhorig.respite.rules.grant` and
:mod:`~anhorig.respite.rules.pattern`; this module applies them to a booking, a grant
or a whole ledger.
"""

from __future__ import annotations

from datetime import date

from anhorig._arguments import checked, checked_first
from anhorig._checks import trusted
from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Report, Rule, validated
from anhorig.respite._sweep import Lookup, Sweep
from anhorig.respite.ledger import Ledger
from anhorig.respite.model import Booking, RespiteGrant
from anhorig.respite.policy import DEFAULT_POLICY, RespitePolicy
from anhorig.respite.rules._common import judged_day
from anhorig.respite.rules.booking import (
    CONTINUITY,
    NOTICE,
    OUTSIDE_VALIDITY,
    OVERLAP,
    SHORT_NOTICE,
    UNKNOWN_GRANT,
    VOLUNTEER,
    booking_findings,
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
)
from anhorig.respite.rules.quota import OVER_QUOTA, OVERAGE_CHARGED
from anhorig.respite.rules.stays import (
    CONSECUTIVE,
    CONSECUTIVE_GUIDELINE,
    DYGN_PER_MONTH,
    NO_BED,
    UNKNOWN_UNIT,
)

__all__ = [
    "RULES",
    "check",
    "check_booking",
    "check_ledger_reference",
    "is_valid",
    "validate",
]

RULES: tuple[Rule, ...] = (
    UNKNOWN_GRANT,
    VOLUNTEER,
    OUTSIDE_VALIDITY,
    NOTICE,
    SHORT_NOTICE,
    OVER_QUOTA,
    OVERAGE_CHARGED,
    OVERLAP,
    WEEKDAY,
    TIME_OF_DAY,
    CONSECUTIVE,
    CONSECUTIVE_GUIDELINE,
    DYGN_PER_MONTH,
    CARER_AGE,
    LIVING_TOGETHER,
    CARED_FOR_AGE,
    ELIGIBILITY_UNKNOWN,
    COMBINATION,
    DECISION_REQUIRED,
    DECISION_CEILING,
    UNKNOWN_UNIT,
    NO_BED,
    CONTINUITY,
    AWAY_EXCEEDS_HOME,
    BOOKED_AWAY_EXCEEDS_HOME,
)
"""The rules of this family, in the catalogue."""


@checked
def check_booking(ledger: Ledger, booking: Booking, *, on: date) -> Report:
    """Every finding about making ``booking`` in ``ledger``, judged on ``on``.

    If the booking is already in the ledger it is judged against the entries
    recorded before it (and never against itself). Never raises on a domain problem.
    """
    judged_day(on)
    if not isinstance(ledger, Ledger) or not isinstance(booking, Booking):
        raise InvalidInput.at(
            "$", sv="väntade en Ledger och en Booking", en="expected a Ledger and a Booking"
        )
    seq = ledger.seq_of(booking.id)
    k = seq if seq is not None and ledger.entry(seq) is booking else ledger.cutoff()
    return Report(tuple(booking_findings(ledger, booking, on, k, "$", Lookup(ledger))))


def _grant_findings(ledger: Ledger, on: date) -> list[Finding]:
    findings: list[Finding] = []
    for index, grant in enumerate(ledger.grants):
        if ledger.governed(grant.kind):
            findings.extend(
                check_grant(grant, ledger.policy_for(grant.kind), on=on, path=f"grants[{index}]")
            )
    return findings


def _check_ledger(ledger: Ledger, on: date) -> Report:
    # One pass in recorded order: each booking is judged against the sweep's state,
    # which then takes the entry in (O(n log n) over the ledger, see performance.md).
    findings = _grant_findings(ledger, on)
    sweep = Sweep(ledger)
    # Active: a booking no entry of this ledger cancels.
    cancelled = {
        ledger.seq_of(entry.booking_id)
        for entry in ledger.entries
        if not isinstance(entry, Booking)
    }
    for seq, entry in enumerate(ledger.entries):
        if isinstance(entry, Booking):
            if seq not in cancelled:
                findings.extend(
                    booking_findings(
                        ledger, entry, on, seq, f"entries[{seq}]", sweep, eligibility=False
                    )
                )
            sweep.record(seq, entry)
        else:
            target = ledger.seq_of(entry.booking_id)
            assert target is not None
            sweep.cancel(target)
    findings.extend(booked_rhythm_findings(ledger, on))
    # Every member is a Finding the rules made: not checked again, one by one.
    return trusted(Report, findings=tuple(findings))


@checked_first
def check_ledger_reference(ledger: Ledger, on: date) -> Report:
    """The straightforward whole-ledger check: each active booking judged on its own
    against the entries before it (quadratic; the oracle for :func:`_check_ledger`)."""
    findings = _grant_findings(ledger, on)
    lookup = Lookup(ledger)
    for seq, entry in enumerate(ledger.entries):
        if isinstance(entry, Booking) and ledger.is_active(seq):
            findings.extend(
                f
                for f in booking_findings(ledger, entry, on, seq, f"entries[{seq}]", lookup)
                if f.code not in _GRANT_CODES
            )
    findings.extend(booked_rhythm_findings(ledger, on))
    return Report(tuple(findings))


_GRANT_CODES = frozenset(
    {CARER_AGE.code, LIVING_TOGETHER.code, CARED_FOR_AGE.code, ELIGIBILITY_UNKNOWN.code}
)


@checked_first
def check(thing: Ledger | RespiteGrant, *, on: date, policy: RespitePolicy | None = None) -> Report:
    """Every finding for a ledger (its grants and every active booking, each judged
    against the entries before it) or for a grant under ``policy``; never raises on a
    domain problem."""
    judged_day(on)
    if isinstance(thing, Ledger):
        return _check_ledger(thing, on)
    if isinstance(thing, RespiteGrant):
        return check_grant(thing, policy if policy is not None else DEFAULT_POLICY, on=on)
    raise InvalidInput.at(
        "$",
        sv=f"väntade Ledger eller RespiteGrant, fick {type(thing).__name__}",
        en=f"expected Ledger or RespiteGrant, got {type(thing).__name__}",
    )


@checked_first
def validate(
    thing: Ledger | RespiteGrant, *, on: date, policy: RespitePolicy | None = None
) -> Ledger | RespiteGrant:
    """``thing`` if no rule finds an error on ``on``; else ``RuleViolation``."""
    return validated(check, thing, on=on, policy=policy)


@checked_first
def is_valid(thing: object, *, on: date, policy: RespitePolicy | None = None) -> bool:
    """Whether ``thing`` has no error findings on ``on``; never raises."""
    try:
        return check(thing, on=on, policy=policy).ok  # type: ignore[arg-type]
    except InvalidInput:
        return False
