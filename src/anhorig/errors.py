"""The errors anhorig raises: one root, few subclasses, every problem named.

``InvalidInput`` is raised for *structure*: a missing field, a wrong type, a
personnummer that fails its check digit, a naive datetime. It names every bad
field at once, with a path in cattrs' grammar (``$.goals[2].need_id``) and a
message in Swedish and English. ``RuleViolation`` is raised by ``validate(...)``
when a business rule fails; it carries the whole ``Report``.

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

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from anhorig.language import Lang, Text, mask_value

if TYPE_CHECKING:
    from anhorig.findings import Report

__all__ = ["AnhorigError", "InvalidInput", "Problem", "RuleViolation"]


def _masked_path(path: str) -> str:
    # A path holds input too: a document's unknown key, a file name, a vendor's id.
    return mask_value(path) if isinstance(path, str) else path


def _masked_message(message: Text) -> Text:
    return message.masked() if isinstance(message, Text) else message


@attrs.frozen
class Problem:
    """One bad field in an input: where (``path``) and what is wrong (``message``).

    ``path`` is relative to the object being built (``birth_date``) or, for a
    document, absolute from its root (``$.carer.id``). Both are masked when the
    problem is made: no personnummer-shaped number, and no name in a path or quoted
    in the message, survives.
    """

    path: str = attrs.field(converter=_masked_path)
    message: Text = attrs.field(converter=_masked_message)

    @classmethod
    def make(cls, path: str, *, sv: str, en: str) -> Problem:
        """A problem at ``path`` with its message in Swedish and English."""
        return cls(path, Text(sv=sv, en=en))

    def under(self, prefix: str) -> Problem:
        """This problem with its path placed under ``prefix`` (``$.carer`` + ``id``)."""
        if not self.path or self.path == "$":
            return Problem(prefix, self.message)
        if self.path.startswith("$"):
            return Problem(prefix + self.path[1:], self.message)
        sep = "" if self.path.startswith("[") else "."
        return Problem(f"{prefix}{sep}{self.path}", self.message)

    def explain(self, lang: Lang = "sv") -> str:
        """``path: message`` in ``lang``."""
        return f"{self.path}: {self.message.in_(lang)}" if self.path else self.message.in_(lang)


class AnhorigError(Exception):
    """The root of every error anhorig raises on purpose."""


class InvalidInput(AnhorigError, ValueError):
    """Input that does not have the structure anhorig needs (*ogiltig indata*).

    ``problems`` lists every bad field; ``str()`` gives them in Swedish and
    ``explain("en")`` in English. Messages never contain a full personnummer.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.explain("sv"))

    @classmethod
    def of(cls, *problems: Problem) -> InvalidInput:
        """An error for the given problems."""
        return cls(problems)

    @classmethod
    def at(cls, path: str, *, sv: str, en: str) -> InvalidInput:
        """An error with a single problem at ``path``."""
        return cls((Problem.make(path, sv=sv, en=en),))

    @property
    def paths(self) -> tuple[str, ...]:
        """The path of every problem, in order."""
        return tuple(p.path for p in self.problems)

    def under(self, prefix: str) -> InvalidInput:
        """The same error with every path placed under ``prefix``."""
        return InvalidInput(p.under(prefix) for p in self.problems)

    def explain(self, lang: Lang = "sv") -> str:
        """Every problem, one per line, in ``lang``."""
        return "\n".join(p.explain(lang) for p in self.problems)


class RuleViolation(InvalidInput):
    """A business rule failed in ``validate(...)`` (*regelbrott*); ``report`` has every finding."""

    report: Report

    def __init__(self, report: Report) -> None:
        self.report = report
        super().__init__(
            Problem(f.path, Text(sv=f"[{f.code}] {f.message.sv}", en=f"[{f.code}] {f.message.en}"))
            for f in report.errors
        )
