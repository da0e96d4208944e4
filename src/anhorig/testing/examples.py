"""A failing example for every rule the kit can break (*exempel på regelbrott*).

:func:`failing_example` draws, with a fixed seed and without shrinking, the first case
:func:`~anhorig.testing.strategies.breaking` gives for a rule: hypothesis tries the
simplest case first, so the documents are small. A :class:`RuleExample` holds the
documents, the day they are judged on and the check that judges them; ``to_data`` and
``from_data`` write and read it as JSON documents, which is how the rule catalogue of
the documentation shows them (``docs/reference/rule-examples.json``, rewritten by
``ANHORIG_WRITE_DOCS=1 pytest tests/test_docs_rule_examples.py``).

>>> example = failing_example("REL-INVOLVEMENT-MISSING")
>>> example.call
'anhorig.relations.check(document, on=day)'
>>> "REL-INVOLVEMENT-MISSING" in example.report().codes
True
>>> RuleExample.from_data(example.code, example.to_data()) == example
True
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import attrs

from anhorig.families import checked_document, load
from anhorig.findings import Report
from anhorig.serialization import from_document, to_document

__all__ = ["RuleExample", "failing_example", "failing_examples"]

_Part = Any
"""A document (an attrs instance), or a tuple of documents (a request's records)."""


def _names(parts: tuple[_Part, ...]) -> tuple[str, ...]:
    return tuple("ConsentRecord" if isinstance(p, tuple) else type(p).__name__ for p in parts)


def _report(parts: tuple[_Part, ...], on: date) -> tuple[str, Report]:
    """The call that judges ``parts`` (as text) and its report."""
    from anhorig.respite import check as check_respite
    from anhorig.respite import check_booking
    from anhorig.respite.patterns import check_pattern

    names = _names(parts)
    if len(parts) == 1:
        found = checked_document(names[0])
        if found is None:
            raise ValueError(f"no family checks {names[0]}")
        family, _ = found
        check = load(family.check)
        module = family.check.partition(":")[0]
        # Name the package's own check where it re-exports the family's.
        public = module.removesuffix(".rules")
        if public != module and getattr(load(public), "check", None) is not check:
            public = module
        return f"{public}.check(document, on=day)", check(parts[0], on=on)
    if names == ("Ledger", "Booking"):
        return (
            "anhorig.respite.check_booking(ledger, booking, on=day)",
            check_booking(parts[0], parts[1], on=on),
        )
    if names == ("RespiteGrant", "RespitePolicy"):
        return (
            "anhorig.respite.check(grant, on=day, policy=policy)",
            check_respite(parts[0], on=on, policy=parts[1]),
        )
    if names[1:] == ("RespitePolicy",):
        return (
            "anhorig.respite.patterns.check_pattern(pattern, policy, on=day)",
            check_pattern(parts[0], parts[1], on=on),
        )
    if names == ("DisclosureRequest", "ConsentRecord"):
        from anhorig.consent import evaluate

        return (
            "anhorig.consent.evaluate(request, records).reasons",
            Report(evaluate(parts[0], parts[1]).reasons),
        )
    raise ValueError(f"no check for a case of {names}")


@attrs.frozen
class RuleExample:
    """Documents that break the rule ``code`` when judged on ``on`` (*exempel*).

    ``parts`` are the arguments of the check, in order: each a document, or a tuple of
    documents (the consents and other records of a disclosure request).
    """

    code: str
    on: date
    parts: tuple[_Part, ...]

    @property
    def applies_to(self) -> tuple[str, ...]:
        """The types of the parts, as `anhorig.findings.Rule.applies_to` names them."""
        return _names(self.parts)

    @property
    def call(self) -> str:
        """The call that judges the parts, as text (``day`` is ``on``)."""
        return _report(self.parts, self.on)[0]

    def report(self) -> Report:
        """What the check finds in the parts on ``on``."""
        return _report(self.parts, self.on)[1]

    def to_data(self) -> dict[str, Any]:
        """JSON-ready: ``{"on", "call", "documents"}``, a document (or a list of them)
        per part."""
        return {
            "on": self.on.isoformat(),
            "call": self.call,
            "documents": [
                [to_document(m) for m in p] if isinstance(p, tuple) else to_document(p)
                for p in self.parts
            ],
        }

    @classmethod
    def from_data(cls, code: str, data: dict[str, Any]) -> RuleExample:
        """Read what ``to_data`` wrote, every document with anhorig's reader."""
        parts: tuple[_Part, ...] = tuple(
            tuple(from_document(None, m) for m in p)
            if isinstance(p, list)
            else from_document(None, p)
            for p in data["documents"]
        )
        return cls(code, date.fromisoformat(data["on"]), parts)


def failing_example(code: str, *, seed: int = 0) -> RuleExample:
    """The first case ``breaking(code)`` draws with ``seed``, checked to find ``code``.

    Raises hypothesis' ``InvalidArgument`` for a code the kit cannot break
    (:data:`~anhorig.testing.strategies.UNBREAKABLE` says why).
    """
    import random

    from hypothesis import HealthCheck, Phase, find, settings

    from anhorig.testing.strategies import breaking

    case = find(
        breaking(code),
        lambda case: code in case.report().codes,
        settings=settings(
            database=None,
            deadline=None,
            max_examples=100,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        ),
        random=random.Random(seed),
    )
    thing = case.thing
    parts = tuple(thing) if isinstance(thing, tuple) else (thing,)
    example = RuleExample(code, case.on, parts)
    if code not in example.report().codes:  # pragma: no cover - breaking's own promise
        raise AssertionError(f"the example drawn for {code} does not break it")
    return example


def failing_examples(codes: Iterable[str] | None = None) -> dict[str, RuleExample]:
    """A failing example for each of ``codes`` (every breakable code by default)."""
    from anhorig.testing.strategies import breakable_codes

    return {code: failing_example(code) for code in (breakable_codes() if codes is None else codes)}
