"""The rule catalogue says, for every rule, when it fires, at which edge, on which type and
what fixes it; and shows a failing example document, drawn from the testing kit, that
really gives the rule's finding.

The examples live in ``docs/reference/rule-examples.json`` so the docs build does not draw
them; ``ANHORIG_WRITE_DOCS=1 pytest tests/test_docs_rule_examples.py`` draws them again
(after a rule or a breaker changed).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from anhorig.findings import catalogue, rule
from anhorig.testing.examples import RuleExample, failing_examples
from anhorig.testing.strategies import UNBREAKABLE, breakable_codes

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "docs" / "reference" / "rule-examples.json"


def _render(examples: dict[str, RuleExample]) -> str:
    # One example per line: a rule's example changes as one line of the diff.
    lines = [
        f"  {json.dumps(code)}: {json.dumps(examples[code].to_data(), ensure_ascii=False)}"
        for code in sorted(examples)
    ]
    unbreakable = json.dumps(dict(sorted(UNBREAKABLE.items())), ensure_ascii=False, indent=2)
    return (
        '{\n "examples": {\n'
        + ",\n".join(lines)
        + '\n },\n "unbreakable": '
        + unbreakable.replace("\n", "\n ")
        + "\n}\n"
    )


def _stored() -> dict[str, Any]:
    if os.environ.get("ANHORIG_WRITE_DOCS") == "1":
        EXAMPLES.write_text(_render(failing_examples()), encoding="utf-8")
    data: dict[str, Any] = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    return data


def test_every_rule_says_when_it_fires_where_the_edge_is_on_what_and_how_to_fix_it() -> None:
    missing: dict[str, list[str]] = {}
    for entry in catalogue():
        for field in ("applies_to", "condition", "boundary", "fix"):
            if not getattr(entry, field):
                missing.setdefault(field, []).append(entry.code)
    assert not missing, "rules without " + "; ".join(
        f"{field}: {', '.join(codes)}" for field, codes in missing.items()
    )


def test_every_rule_has_an_example_or_a_reason_why_not() -> None:
    data = _stored()
    codes = {entry.code for entry in catalogue()}
    assert set(data["examples"]) == set(breakable_codes()), (
        "rewrite with ANHORIG_WRITE_DOCS=1: "
        f"{sorted(set(data['examples']) ^ set(breakable_codes()))}"
    )
    assert data["unbreakable"] == UNBREAKABLE
    assert codes == set(data["examples"]) | set(data["unbreakable"]), sorted(
        codes ^ (set(data["examples"]) | set(data["unbreakable"]))
    )


@pytest.mark.parametrize("code", sorted(json.loads(EXAMPLES.read_text("utf-8"))["examples"]))
def test_each_example_document_gives_its_finding(code: str) -> None:
    """Read back with anhorig's reader, the documents break the rule on the day given,
    with the call the page names; and the rule's ``applies_to`` names their types."""
    data = _stored()["examples"][code]
    example = RuleExample.from_data(code, data)
    assert code in example.report().codes
    assert example.call == data["call"]
    applies_to = rule(code).applies_to
    if applies_to:  # the completeness test names the rules without
        assert len(example.applies_to) == len(applies_to)
        for name, alternatives in zip(example.applies_to, applies_to, strict=True):
            assert name in alternatives.split(" | "), (name, applies_to)
