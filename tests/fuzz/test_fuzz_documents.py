"""Fuzzing the readers: every example and generated document, mutated, read or refused.

The only acceptable outcomes of reading a hostile document are a value or
``InvalidInput``. A value must also survive what a caller does next: be written back
(``to_json``) and read again to an equal value, and be judged by its rule family. Any
other exception, from the reader or from what follows, is a bug.

Counts: see docs/explanation/reliability.md ("Fuzzing"); the number of cases scales
with the hypothesis profile (``ci``: 60, ``deep``: 2,000 examples per unit below).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from anhorig import InvalidInput, from_json, to_json
from anhorig.cli import checker_for
from anhorig.consent.fhir import from_fhir, to_fhir
from anhorig.serialization import document_types, from_document, load_json, to_document
from anhorig.testing.strategies import consents

from .mutations import mutated

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(ROOT.glob("examples/**/*.json"))
NATIVE = [p for p in EXAMPLES if "resourceType" not in p.read_text("utf-8")]
FHIR = [p for p in EXAMPLES if p not in NATIVE]
ON = date(2026, 11, 22)
SCALE = settings().max_examples
"""Examples per unit: 60 in the ``ci`` profile, 2,000 in ``deep``."""


def fuzz(units: int) -> settings:
    """``units`` × the profile's examples; generating hostile documents may be slow."""
    return settings(
        max_examples=SCALE * units,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def refused(err: InvalidInput) -> None:
    """A refusal names at least one problem and explains it in both languages as text
    that can be printed (no lone surrogate quoted back)."""
    assert err.problems
    for lang in ("sv", "en"):
        err.explain(lang).encode("utf-8")


def read_or_refuse(source: str | bytes) -> object | None:
    """``from_json`` gives a value or InvalidInput; a value writes back, reads back
    equal, and can be checked by its family (which may only refuse with InvalidInput)."""
    try:
        value: object = from_json(None, source)
    except InvalidInput as err:
        refused(err)
        return None
    text = to_json(value)
    assert from_json(type(value), text) == value
    check = checker_for(type(value).__name__)
    if check is not None:
        try:
            check(value, on=ON)
        except InvalidInput as err:
            refused(err)
    return value


def fhir_or_refuse(source: str | bytes) -> object | None:
    """``load_json`` then ``from_fhir``: a Consent or InvalidInput, nothing else."""
    try:
        consent = from_fhir(load_json(source))
    except InvalidInput as err:
        refused(err)
        return None
    assert from_json(type(consent), to_json(consent)) == consent
    return consent


def _loaded(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("path", NATIVE, ids=lambda p: p.name)
@fuzz(2)
@given(data=st.data())
def test_mutated_example_documents_are_read_or_refused(path: Path, data: st.DataObject) -> None:
    """Each example document under one to three mutations, through from_json."""
    read_or_refuse(data.draw(mutated(_loaded(path))))


@pytest.mark.parametrize("path", FHIR, ids=lambda p: p.name)
@fuzz(3)
@given(data=st.data())
def test_mutated_fhir_examples_are_read_or_refused(path: Path, data: st.DataObject) -> None:
    """Each FHIR example under one to three mutations, through load_json and from_fhir."""
    fhir_or_refuse(data.draw(mutated(_loaded(path))))


TYPES = sorted(document_types())


@fuzz(4)
@given(data=st.data())
def test_mutated_generated_documents_are_read_or_refused(data: st.DataObject) -> None:
    """A generated document of any type (valid by construction), mutated, through
    from_json; unmutated it reads back equal."""
    name = data.draw(st.sampled_from(TYPES), label="type")
    value = data.draw(st.from_type(document_types()[name]), label="value")
    document = to_document(value)
    assert from_document(None, document) == value
    read_or_refuse(data.draw(mutated(document)))


@fuzz(2)
@given(consents(), st.sampled_from(["R4", "R5"]), st.data())
def test_mutated_generated_fhir_consents_are_read_or_refused(
    consent: Any, version: Any, data: st.DataObject
) -> None:
    """A generated consent written as FHIR, mutated, through from_fhir."""
    fhir_or_refuse(data.draw(mutated(to_fhir(consent, version=version))))


@fuzz(1)
@given(st.binary(max_size=64) | st.text(max_size=64))
def test_arbitrary_bytes_and_text_are_read_or_refused(source: str | bytes) -> None:
    """Not JSON at all, or almost: read or refused, by from_json, load_json and FHIR."""
    read_or_refuse(source)
    fhir_or_refuse(source)
