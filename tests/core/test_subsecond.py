"""Sub-second precision: microseconds are kept end to end, more digits are refused.

pendulum holds an instant to the microsecond. An instant written with nanoseconds
(``10:00:00.123456789``) was cut to microseconds without a word; now it is refused,
as is a fraction after the hours or minutes, which Python read as a fraction of a
second (``10:00.5`` became 10:00:00.5, not 10:00:30).
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig import InvalidInput, from_json, to_json
from anhorig.consent import Consent
from anhorig.consent.fhir import FhirVersion, from_fhir, to_fhir
from anhorig.time import Interval, as_instant, parse_instant

EXAMPLE = Path(__file__).parents[2] / "examples" / "consent" / "consent.json"


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-02T10:00:00.1234567+01:00",
        "2026-03-02T10:00:00.123456789Z",
        "2026-03-02T10:00:00,000000001+01:00",
        "20260302T100000.1234567+0100",
        "2026-03-02T10:00.5+01:00",
        "2026-03-02T10.25+01:00",
    ],
)
def test_more_than_microseconds_or_a_fraction_of_a_minute_is_refused(text: str) -> None:
    """Refused by parse_instant, in a document and in a FHIR resource, naming the path."""
    with pytest.raises(InvalidInput) as err:
        parse_instant(text, path="at")
    assert err.value.paths == ("at",)
    assert "6 decimals" in err.value.explain("en")
    document = json.loads(EXAMPLE.read_text("utf-8"))
    document["given_at"] = text
    with pytest.raises(InvalidInput) as err:
        from_json(Consent, json.dumps(document))
    assert err.value.paths == ("$.given_at",)
    resource = to_fhir(from_json(Consent, EXAMPLE.read_bytes()), version="R4")
    resource["dateTime"] = text
    with pytest.raises(InvalidInput) as err:
        from_fhir(resource)
    assert "$.dateTime" in err.value.paths


@pytest.mark.parametrize(
    ("text", "microsecond"),
    [
        ("2026-03-02T10:00:00.1+01:00", 100_000),
        ("2026-03-02T10:00:00,123456+01:00", 123_456),
        ("2026-03-02T10:00:00.000001Z", 1),
        ("20260302T100000.5+0100", 500_000),
    ],
)
def test_up_to_six_decimals_are_read_exactly(text: str, microsecond: int) -> None:
    """One to six decimals, with a point or a comma, are kept to the microsecond."""
    assert parse_instant(text).microsecond == microsecond


_MOMENTS = st.datetimes(
    min_value=datetime(1801, 1, 1), max_value=datetime(2198, 12, 31), timezones=st.just(None)
)
_OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@given(_MOMENTS, _OFFSETS, _MOMENTS, st.integers(1, 10**9), st.sampled_from(["R4", "R5"]))
def test_microseconds_round_trip_exactly(
    moment: datetime, offset: timezone, later: datetime, micro: int, version: FhirVersion
) -> None:
    """An instant with microseconds in any offset comes back equal, to the microsecond,
    from its ISO text, from a JSON document and from FHIR."""
    instant = as_instant(moment.replace(tzinfo=offset))
    assert parse_instant(instant.isoformat()) == instant
    assert parse_instant(instant.isoformat()).microsecond == instant.microsecond
    end = as_instant(max(moment, later).replace(tzinfo=offset)) + timedelta(microseconds=1)
    interval = Interval(instant, end)
    back = from_json(Interval, to_json(interval))
    assert (back.start, back.end) == (interval.start, interval.end)
    assert back.end.microsecond == interval.end.microsecond
    consent = from_json(Consent, EXAMPLE.read_bytes())
    given_at = consent.given_at + timedelta(microseconds=micro)  # within its validity
    changed = attrs.evolve(consent, given_at=given_at, valid_from=given_at)
    assert from_fhir(to_fhir(changed, version=version)).given_at == given_at
    assert from_json(Consent, to_json(changed)).valid_from == given_at
