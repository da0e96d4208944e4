"""The docs' recurring people keep their roles: Karin Berg is the carer (*anhörig*) and Nils
Berg the person she cares for (*närstående*) in every tutorial and guide, as in the
stödplan tutorial, and they keep their birth dates from page to page."""

from __future__ import annotations

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(DOCS.rglob("*.md"))

ROLE = re.compile(r"\b(carer|cared_for)=(?:(karin|nils)\b|Person\([^)]*name=\"(Karin|Nils) Berg\")")
BORN = re.compile(r"name=\"(Karin|Nils) Berg\", birth_date=date\((\d+), (\d+), (\d+)\)")
EXPECTED_ROLE = {"karin": "carer", "nils": "cared_for"}
EXPECTED_BIRTH = {"karin": (1950, 3, 1), "nils": (1946, 5, 2)}


def test_karin_is_always_the_carer_and_nils_the_cared_for() -> None:
    seen = 0
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for match in ROLE.finditer(text):
            who = (match.group(2) or match.group(3)).lower()
            assert match.group(1) == EXPECTED_ROLE[who], (page.name, match.group(0))
            seen += 1
    assert seen >= 4  # the plans and respite pages both name them


def test_karin_and_nils_have_one_birth_date_each() -> None:
    for page in PAGES:
        for match in BORN.finditer(page.read_text(encoding="utf-8")):
            who = match.group(1).lower()
            born = tuple(int(n) for n in match.group(2, 3, 4))
            assert born == EXPECTED_BIRTH[who], (page.name, match.group(0))
