"""What the respite rules' topic modules share: the family's rule constructor, the
sources most rules cite, and the check that the day judged is a date."""

from __future__ import annotations

import functools
from datetime import date, datetime

from anhorig.errors import InvalidInput
from anhorig.findings import Rule
from anhorig.law import CARER_SUPPORT

__all__ = ["LOCAL", "SEED", "judged_day", "respite_rule"]

SEED = ("seed-004",)
"""Seed 004: respite booked days ahead, volunteers are not respite, trygghetsplats."""
LOCAL = ("municipal-respite-rules",)
"""The municipalities' own respite rules (riktlinjer), DOMAIN.md part 2 §6."""

respite_rule = functools.partial(Rule.define, "respite", law=(CARER_SUPPORT,), sources=LOCAL)
"""``Rule.define`` bound to the family ``respite``, citing carer support and local rules."""


def judged_day(on: object) -> date:
    """``on`` if it is a date (not a datetime); ``InvalidInput`` if not."""
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return on
