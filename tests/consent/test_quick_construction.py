"""A request built from values that are already what its fields hold is not checked
again; anything else goes through the full, validating constructor, so the same
request comes out and the same problems are named."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from anhorig.consent import DisclosureRequest
from anhorig.errors import InvalidInput
from anhorig.testing.strategies import disclosure_requests
from anhorig.time import _DAY_ZONE, as_instant, is_own_instant
from tests.consent.consent_scenario import ANNA
from tests.consent.consent_scenario import request as scenario_request

_FULL = vars(DisclosureRequest)["__init__"].__wrapped__


def _fully(**fields: Any) -> DisclosureRequest:
    made: DisclosureRequest = object.__new__(DisclosureRequest)
    _FULL(made, **fields)
    return made


def test_the_request_has_the_quick_constructor() -> None:
    """A field added without a quick test leaves the request with only the full
    constructor: say which, so that one is added (``model.py``, ``quick_init``)."""
    assert getattr(DisclosureRequest.__init__, "__quick__", False)


@given(disclosure_requests(), st.data())
def test_quick_and_full_construction_agree(request: DisclosureRequest, data: st.DataObject) -> None:
    fields = attrs.asdict(request, recurse=False)
    if data.draw(st.booleans(), label="instant from elsewhere"):
        zone = data.draw(st.sampled_from(["UTC", "Europe/Stockholm", "America/New_York"]))
        fields["at"] = pendulum.instance(request.at).in_timezone(zone)
    quick = DisclosureRequest(**fields)
    full = _fully(**fields)
    # The quick constructor builds through an open twin of the class: what it gives
    # back is the class's own, frozen object.
    assert type(quick) is DisclosureRequest
    assert quick == full
    assert hash(quick) == hash(full)
    assert repr(quick) == repr(full)
    assert attrs.astuple(quick, recurse=False) == attrs.astuple(full, recurse=False)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quick.at = full.at  # type: ignore[misc]


def test_an_instant_on_a_day_not_seen_before_is_asked_of_is_own_instant() -> None:
    """The constructor reads the day's zone from what ``is_own_instant`` has seen; on
    a day it has not seen, it asks it (and a wrong zone is still caught)."""
    fields = attrs.asdict(scenario_request(), recurse=False)
    seen = dict(_DAY_ZONE)
    _DAY_ZONE.clear()
    try:
        quick = DisclosureRequest(**fields)
        assert quick == _fully(**fields)
        assert quick.at is fields["at"]
        assert _DAY_ZONE  # is_own_instant was asked, and noted the day
        other = fields["at"].in_timezone("UTC")
        assert DisclosureRequest(**{**fields, "at": other}) == _fully(**{**fields, "at": other})
    finally:
        _DAY_ZONE.clear()
        _DAY_ZONE.update(seen)


_BAD: list[dict[str, Any]] = [
    {"subject": "Anna"},
    {"at": dt.datetime(2026, 5, 4, 9)},  # naive
    {"at": "2026-05-04T09:00+02:00"},
    {"also_about": [ANNA]},
    {"also_about": ("Anna",)},
    {"circumstances": {"emergency"}},
    {"concerns": ANNA},  # only for child protection
    {"data_period": "2026"},
]


@pytest.mark.parametrize("bad", _BAD, ids=[next(iter(b)) for b in _BAD])
def test_bad_fields_are_named_as_by_the_full_constructor(bad: dict[str, Any]) -> None:
    fields = {**attrs.asdict(scenario_request(), recurse=False), **bad}
    with pytest.raises(InvalidInput) as quick:
        DisclosureRequest(**fields)
    with pytest.raises(InvalidInput) as full:
        _fully(**fields)
    assert quick.value.problems == full.value.problems


@given(
    st.datetimes(
        min_value=dt.datetime(1801, 1, 1),
        max_value=dt.datetime(2198, 12, 31),
        timezones=st.sampled_from(
            [dt.UTC, dt.timezone(dt.timedelta(hours=1)), dt.timezone(dt.timedelta(hours=2))]
        ),
    ),
    st.integers(min_value=-10_000, max_value=10_000),
)
def test_an_instant_said_to_be_ours_is_given_back_unchanged(
    moment: dt.datetime, hours: int
) -> None:
    """``is_own_instant`` says yes only to what ``as_instant`` gives back as it is,
    including after arithmetic that crosses a change of offset."""
    for value in (as_instant(moment), as_instant(moment).add(hours=hours)):
        if is_own_instant(value):
            assert as_instant(value) is value
