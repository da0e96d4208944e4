"""Doctests in the docs run from the repository root, as the pages' commands do."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _from_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Examples read ``examples/core/...`` relative to the repository root."""
    monkeypatch.chdir(ROOT)
