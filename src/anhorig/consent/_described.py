"""What three of the consent model's validators check, said as data for the JSON Schema.

Said here, beside the model rather than in it, so that the model keeps to its size: a
provision's exceptions take the opposite decision (``alternating``), a consent ends
after it starts (a ``rule`` with a ``check``), and only a request for child protection
names the child it concerns (``cases``). Each validator is found through attrs' public
description of its class; the checks themselves are the model's own, unchanged.
"""

from __future__ import annotations

from typing import Any

import attrs

from anhorig import _checks
from anhorig.consent import _fields
from anhorig.consent.model import (
    MAX_PROVISION_DEPTH,
    Consent,
    Provision,
    ProvisionType,
    Purpose,
)

__all__: list[str] = []


def _validator(field: attrs.Attribute[Any]) -> _checks.Validator:
    found = field.validator
    assert found is not None, field.name  # both fields have one
    return found


_checks.describe(
    _validator(attrs.fields(Provision).exceptions),
    "alternating",
    "decision",
    (ProvisionType.PERMIT.value, ProvisionType.DENY.value),
    f"provisions nest at most {MAX_PROVISION_DEPTH} levels deep",
)

_checks.describe(
    _validator(attrs.fields(Consent).valid_until),
    "rule",
    _fields.optional_instant,
    "valid_until is after valid_from, when both are given",
    "valid_from < valid_until",
)

_checks.describe(
    _fields.for_child_protection,
    "cases",
    "purpose",
    {p.value: ((), ("concerns",)) for p in Purpose if p is not Purpose.CHILD_PROTECTION},
    None,
)
