"""The Stockholm discharge of seed 002, as the examples build it, for the tests."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any, cast

import attrs

from anhorig.discharge import DischargeProcess, RelativeAtDischarge

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "discharge"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_stockholm", EXAMPLES / "make_stockholm.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDER = _builder()
ON: date = BUILDER.ON


def valid() -> DischargeProcess:
    """The discharge done right: no finding on ``ON``."""
    return cast(DischargeProcess, BUILDER.valid())


def every_finding() -> DischargeProcess:
    """The discharge with everything the seeds describe going wrong."""
    return cast(DischargeProcess, BUILDER.every_finding())


def husband(process: DischargeProcess) -> RelativeAtDischarge:
    """The carer, Bertil."""
    return process.relatives[0]


def with_husband(process: DischargeProcess, **changes: Any) -> DischargeProcess:
    """``process`` with the husband changed."""
    first, *rest = process.relatives
    return attrs.evolve(process, relatives=(attrs.evolve(first, **changes), *rest))
