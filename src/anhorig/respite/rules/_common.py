"""What the respite rules' topic modules share: the family's rule constructors, the
sources most rules cite, and the check that the day judged is a date.

Most respite rules apply a municipality's riktlinjer (notice, days and hours, quotas,
dygn, eligibility, combinations, the rhythm of växelvård): they are :data:`local_rule`s,
whose findings cite the policy's own document (``RespitePolicy.source``), not the law.
The law is cited where it is the point: the duty to offer support (SoL 13 kap. 9 §)
where a volunteer's help is presented as the municipality's, the decision (bistånd) and
insatser without individual needs assessment where a grant needs a decision."""

from __future__ import annotations

import functools
from datetime import date, datetime

from anhorig.errors import InvalidInput
from anhorig.findings import Rule
from anhorig.law import CARER_SUPPORT

__all__ = ["CARER_SUPPORT_DUTY", "LOCAL", "SEED", "judged_day", "local_rule", "respite_rule"]

SEED = ("seed-004",)
"""Seed 004: respite booked days ahead, volunteers are not respite, trygghetsplats."""
LOCAL = ("municipal-respite-rules",)
"""The municipalities' own respite rules (riktlinjer), DOMAIN.md part 2 §6."""

respite_rule = functools.partial(Rule.define, "respite")
"""``Rule.define`` bound to the family ``respite``; each rule names the law it rests on."""

local_rule = functools.partial(Rule.define, "respite", sources=LOCAL, cites_policy=True)
"""A respite rule applying a municipality's policy: its findings cite the policy's own
document (``RespitePolicy.source``), and the catalogue the municipal riktlinjer."""

CARER_SUPPORT_DUTY = (CARER_SUPPORT,)
"""The duty to offer support to carers (SoL 13 kap. 9 §), cited where it is the point."""


def judged_day(on: object) -> date:
    """``on`` if it is a date (not a datetime); ``InvalidInput`` if not."""
    if not isinstance(on, date) or isinstance(on, datetime):
        raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
    return on
