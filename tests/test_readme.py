"""The README tells a newcomer what the test run costs, which hypothesis profiles there
are, and a docs command that works: the extra it installs brings MkDocs."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _profiles() -> set[str]:
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    return set(re.findall(r'register_profile\(\s*"(\w+)"', conftest))


def _requirements(extra: str, extras: dict[str, list[str]]) -> set[str]:
    """The distributions an extra brings, following ``anhorig[...]`` to other extras."""
    found: set[str] = set()
    for requirement in extras[extra]:
        name = re.match(r"[A-Za-z0-9_.-]+", requirement)
        assert name is not None
        nested = re.fullmatch(r"anhorig\[([^\]]+)\]", requirement)
        if nested:
            for other in nested.group(1).split(","):
                found |= _requirements(other.strip(), extras)
        else:
            found.add(name.group(0).lower())
    return found


def test_the_readme_says_what_the_test_run_costs() -> None:
    assert re.search(r"about \*\*\d+ minutes of CPU\*\*", README)


def test_the_readme_names_every_hypothesis_profile() -> None:
    profiles = _profiles()
    assert {"ci", "dev", "deep"} <= profiles
    for name in profiles - {"ci"}:
        assert f"HYPOTHESIS_PROFILE={name}" in README, name
    assert "`ci`, the default" in README


def test_the_docs_command_installs_the_extra_that_has_mkdocs() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    docs = README.split("## Documentation", 1)[1]
    command = next(line for line in docs.splitlines() if "mkdocs" in line and "pip install" in line)
    match = re.search(r'pip install -e "\.\[(\w+)\]"', command)
    assert match is not None, command
    assert {"mkdocs", "mkdocs-material", "mkdocstrings"} <= _requirements(match.group(1), extras)
    assert ".venv/bin/mkdocs serve" in command
