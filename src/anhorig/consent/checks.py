"""The consent rule family: is this consent valid on a given date?

``check(consent, *, on)`` reports why a consent would not count on ``on`` (no
authority, not documented, the child's view missing, the child objecting, not in
force), with the same catalogue codes the decisions use; ``validate`` and
``is_valid`` follow the interface every rule family shares. ``anhorig validate``
uses it for ``Consent`` documents.

>>> from anhorig.consent.model import *
>>> from anhorig.people import Person
>>> from anhorig.time import local
>>> from datetime import date
>>> anna = Person(name="Anna Karlsson", birth_date=date(1939, 12, 25))
>>> town = Organisation(id="kommun-1", name="Socialnämnden", principal=Principal.MUNICIPALITY,
...                     sector=Sector.SOCIAL_SERVICES)
>>> neighbour = Person(name="Nils Berg")
>>> consent = Consent(id="c-9", subject=anna, obtained_by=town, given_at=local(2026, 1, 2, 9),
...     grantor=Grantor(person=neighbour, capacity=GrantorCapacity.NEIGHBOUR),
...     evidence=None, provision=Provision(decision=ProvisionType.PERMIT))
>>> print(check(consent, on=date(2026, 2, 1)).explain("en"))
ERROR CONSENT-NO-AUTHORITY grantor: Consent c-9 is not valid: N. B. consents as neighbour. Only the person themselves, or a custodian for a child, can consent. (OSL (2009:400) 12 kap. 2 §; OSL (2009:400) 12 kap. 3 §)
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from anhorig._arguments import checked_first
from anhorig.consent import rules
from anhorig.consent._compiled import start_of_day
from anhorig.consent.decision import DecisionPolicy
from anhorig.consent.model import Consent
from anhorig.consent.rules.validity import compile_consent, invalid_at, period_text
from anhorig.errors import InvalidInput
from anhorig.findings import Finding, Report, validated

__all__ = ["RULES", "check", "is_valid", "validate"]

RULES = rules.RULES
"""The consent family's catalogue entries (its bases and its reasons a consent does not count)."""

_PATHS = {
    rules.NO_AUTHORITY.code: "grantor",
    rules.UNDOCUMENTED.code: "evidence",
    rules.CHILD_VIEW_MISSING.code: "grantor.child_view",
    rules.CHILD_OBJECTS.code: "grantor.child_view.opinion",
    rules.CHILD_TOO_YOUNG.code: "grantor",
}


@checked_first
def check(consent: Consent, *, on: date, policy: DecisionPolicy | None = None) -> Report:
    """Every reason ``consent`` would not count at the end of ``on``; never raises on a
    domain problem."""
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    if not isinstance(consent, Consent):
        raise InvalidInput.at(
            "$",
            sv=f"väntade Consent, fick {type(consent).__name__}",
            en=f"expected Consent, got {type(consent).__name__}",
        )
    chosen = policy if policy is not None else DecisionPolicy()
    compiled = compile_consent(consent, chosen)
    t = start_of_day(on + timedelta(days=1)) - 1e-6  # the end of ``on``
    findings: list[Finding] = []
    invalid = invalid_at(compiled, t, chosen)
    if invalid is not None:
        rule, params = invalid
        findings.append(rule.finding(_PATHS[rule.code], on=on, consent=consent.id, **params))
    if not compiled.start <= t < compiled.until:
        findings.append(
            rules.NOT_IN_FORCE.finding(
                "valid_from" if t < compiled.start else "valid_until",
                on=on,
                consent=consent.id,
                period=period_text(compiled),
            )
        )
    return Report(tuple(findings))


@checked_first
def validate(consent: Consent, *, on: date, policy: DecisionPolicy | None = None) -> Consent:
    """``consent`` if it is valid on ``on``; else ``RuleViolation`` with the findings."""
    return validated(check, consent, on=on, policy=policy)


@checked_first
def is_valid(consent: object, *, on: date, policy: DecisionPolicy | None = None) -> bool:
    """Whether ``consent`` is a consent with no error findings on ``on``; never raises."""
    try:
        return check(consent, on=on, policy=policy).ok  # type: ignore[arg-type]
    except InvalidInput:
        return False
