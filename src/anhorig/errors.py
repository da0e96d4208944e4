"""The errors anhorig raises: one root, few subclasses, every problem named.

``InvalidInput`` is raised for *structure*: a missing field, a wrong type, a
personnummer that fails its check digit, a naive datetime. It names every bad
field at once, with a path in cattrs' grammar (``$.goals[2].need_id``) and a
message in Swedish and English. ``RuleViolation`` is raised by ``validate(...)``
when a business rule fails; it carries the whole ``Report``.

This module is a face: `InvalidInput` and `Problem` are defined in the ground module
``anhorig._text`` (a bilingual error is a bilingual message with a path), and
`RuleViolation` beside the `Report` it carries, in `anhorig.findings`.

>>> err = InvalidInput.of(Problem.make("hours", sv="måste vara >= 0 (fick -2)",
...                                   en="must be >= 0 (got -2)"))
>>> str(err)
'hours: måste vara >= 0 (fick -2)'
>>> err.explain("en")
'hours: must be >= 0 (got -2)'

Messages may go into logs, so a problem hides personal data in its path and message
whatever its maker put there (`anhorig.language.mask_personal_data`): a bad value is
quoted back with `anhorig.language.quote`, and anything that slipped through unquoted
is masked here as well.

>>> str(InvalidInput.at("$.birth_date", sv="fick '19391225-0028'", en="got '19391225-0028'"))
"$.birth_date: fick '19391225-****'"
"""

from anhorig._text import AnhorigError, InvalidInput, Problem
from anhorig.findings import RuleViolation

__all__ = ["AnhorigError", "InvalidInput", "Problem", "RuleViolation"]
