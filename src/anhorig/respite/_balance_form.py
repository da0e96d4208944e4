"""A `Balance` as a document: every amount under a name that says its unit (issue 17).

Version 1 of a Balance document wrote the amounts under the fields' own names
(``"unit": "hours", "granted": 36000``: seconds next to the word hours). From version 2
an hours quota's amounts are ``granted_seconds`` and so on, a dygn quota's
``granted_dygn``: the names `Balance.amounts` gives, exact, with nothing to round. A
version 1 document is still read, with the same meaning.
"""

from __future__ import annotations

from typing import Any

import attrs

from anhorig import _checks
from anhorig._checks import collecting, instance_of, optional
from anhorig.documents import DocumentForm, register_form
from anhorig.respite.ledger import AMOUNT_FIELDS, Balance
from anhorig.respite.model import QuotaUnit
from anhorig.time import Period

__all__ = ["BALANCE_FORM", "BalanceDocument"]

_AMOUNT = optional(attrs.fields(Balance).granted.validator)  # Balance's own check, if given
_SECONDS = tuple(f"{f}_seconds" for f in AMOUNT_FIELDS)
_DYGN = tuple(f"{f}_dygn" for f in AMOUNT_FIELDS)
_SHAPES = {QuotaUnit.HOURS.value: (_SECONDS, _DYGN), QuotaUnit.DYGN.value: (_DYGN, _SECONDS)}


def _amounts_of_unit(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    instance_of(QuotaUnit)(instance, attribute, value)
    if not isinstance(value, QuotaUnit):
        return
    needed, absent = _SHAPES[value.value]
    for name in needed:
        if getattr(instance, name) is None:
            _checks.fail(
                name,
                sv=f"en kvot i {value.label('sv')} anger sina belopp i {name}",
                en=f"a quota in {value.label('en')} gives its amounts in {name}",
            )
    for name in absent:
        if getattr(instance, name) is not None:
            _checks.fail(
                name,
                sv=f"en kvot i {value.label('sv')} har inget {name}",
                en=f"a quota in {value.label('en')} has no {name}",
            )


_checks.describe(_amounts_of_unit, "cases", "unit", _SHAPES, instance_of(QuotaUnit))


@collecting
@attrs.frozen(kw_only=True)
class BalanceDocument:
    """What is left of a grant in one quota period (*saldo*), every amount named for its
    unit: seconds for an hours quota (``granted_seconds == 36000`` is 10 hours), whole
    dygn for a dygn quota. ``remaining`` and ``over_quota`` are never both above zero,
    and ``remaining - over_quota == granted + carried_over - used - reserved``."""

    grant_id: str = attrs.field(validator=_checks.non_empty_text)
    """The grant's id (*insats*)."""
    period: Period = attrs.field(validator=instance_of(Period))
    """The quota period; ``end`` is the first day after it."""
    unit: QuotaUnit = attrs.field(validator=_amounts_of_unit)
    """The quota's unit: ``hours`` gives the amounts in seconds, ``dygn`` in dygn."""
    granted_seconds: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Granted in the period (*beviljat*), in seconds."""
    carried_over_seconds: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Carried over from the period before (*sparat*), in seconds."""
    used_seconds: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Used before the day asked about (*använt*), in seconds."""
    reserved_seconds: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Booked from the day asked about on (*bokat*), in seconds."""
    remaining_seconds: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Left of the quota (*kvar*), in seconds."""
    over_quota_seconds: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Booked or used over the quota (*över kvoten*), in seconds."""
    granted_dygn: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Granted in the period (*beviljat*), in dygn."""
    carried_over_dygn: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Carried over from the period before (*sparat*), in dygn."""
    used_dygn: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Used before the day asked about (*använt*), in dygn."""
    reserved_dygn: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Booked from the day asked about on (*bokat*), in dygn."""
    remaining_dygn: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Left of the quota (*kvar*), in dygn."""
    over_quota_dygn: int | None = attrs.field(default=None, validator=_AMOUNT)
    """Used or booked over the quota (*över kvoten*), in dygn."""
    charged: bool = attrs.field(validator=_checks.a_bool)
    """Whether the policy charges what goes over the quota rather than refusing it."""


def _write(balance: Balance) -> BalanceDocument:
    suffix = balance.amount_unit
    amounts = {f"{f}_{suffix}": int(getattr(balance, f)) for f in AMOUNT_FIELDS}
    return BalanceDocument(
        grant_id=balance.grant_id,
        period=balance.period,
        unit=balance.unit,
        charged=balance.charged,
        **amounts,
    )


def _read(document: BalanceDocument) -> Balance:
    suffix = "dygn" if document.unit is QuotaUnit.DYGN else "seconds"
    amounts = {f: getattr(document, f"{f}_{suffix}") for f in AMOUNT_FIELDS}
    return Balance(
        grant_id=document.grant_id,
        period=document.period,
        unit=document.unit,
        charged=document.charged,
        **amounts,
    )


BALANCE_FORM = DocumentForm(version=2, form=BalanceDocument, write=_write, read=_read)
"""Balance documents from version 2 on; version 1 (the fields' own names) is still read."""

register_form(Balance, BALANCE_FORM)
