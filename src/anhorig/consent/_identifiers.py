"""A consent's business identifiers (*identifierare*): the numbers other systems know it
by, e.g. a region's document number, kept so that a consent read from FHIR can be
found again and written back with them.

>>> ref = Identifier(system="urn:oid:1.2.752.29.4.19", value="SAMT-2026-0042")
>>> ref
Identifier(system='urn:oid:1.2.752.29.4.19', value='SAMT-2026-0042')
>>> Identifier(system="urn:oid:1.2.752.29.4.19", value="19391225-0028")
Identifier(system='urn:oid:1.2.752.29.4.19', value='19391225-****')
>>> Identifier(system="ett system", value="")
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: system: väntade en URI: 1–255 tecken (ASCII) utan blanksteg
value: får inte vara tom text

References:
    - HL7 FHIR R4/R5 ``Consent.identifier`` (Identifier: ``system``, ``value``).
"""

from __future__ import annotations

import attrs

from anhorig import _checks
from anhorig._checks import collecting
from anhorig.language import mask_value

__all__ = ["Identifier"]

_URI = _checks.matches(
    r"[!-~]{1,255}",
    "en URI: 1–255 tecken (ASCII) utan blanksteg",
    "a URI: 1–255 characters (ASCII) without spaces",
)


def _masked(value: str) -> str:
    return repr(mask_value(value))


@collecting
@attrs.frozen(kw_only=True, order=False, cache_hash=True)
class Identifier:
    """A business identifier (*identifierare*): ``value`` in the namespace ``system``
    (a URI, e.g. ``urn:oid:…``). Anything shaped like a personnummer in the value is
    masked in the repr."""

    system: str = attrs.field(validator=_URI)
    value: str = attrs.field(validator=_checks.non_empty_text, repr=_masked)
