"""Time: DST-correct elapsed hours, the spring gap, the autumn fold, working days."""

from __future__ import annotations

import math
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Literal

import pendulum
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import anhorig.time as anhorig_time
from anhorig import Interval, InvalidInput, Period, _calendar, local, working_days_between
from anhorig.testing.strategies import dates, instants, intervals, periods
from anhorig.time import (
    HOLIDAY_YEARS,
    ZONE,
    add_working_days,
    as_instant,
    day_interval,
    epoch_seconds,
    is_working_day,
    parse_instant,
    swedish_holidays,
)


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month, 31)
    return day - timedelta(days=(day.weekday() + 1) % 7)


@given(st.integers(1996, 2100))
def test_dst_days_are_23_and_25_hours(year: int) -> None:
    """The last Sunday of March has 23 elapsed hours, of October 25; others have 24.

    (The EU rule; before 1996 Swedish summer time ended in September.)
    """
    assert day_interval(_last_sunday(year, 3)).hours == 23
    assert day_interval(_last_sunday(year, 10)).hours == 25
    assert day_interval(_last_sunday(year, 3) - timedelta(days=1)).hours == 24
    assert day_interval(_last_sunday(year, 10) + timedelta(days=1)).hours == 24


@given(st.integers(1996, 2100), st.integers(0, 59))
def test_spring_gap_times_are_refused(year: int, minute: int) -> None:
    """02:00–02:59 on the spring change day does not exist: InvalidInput, never moved."""
    day = _last_sunday(year, 3)
    with pytest.raises(InvalidInput) as err:
        local(day.year, day.month, day.day, 2, minute)
    assert "finns inte" in str(err.value)
    assert "does not exist" in err.value.explain("en")


@given(st.integers(1996, 2100), st.integers(0, 59), st.sampled_from([0, 1]))
def test_a_gap_time_shifted_is_read_as_rfc_5545_and_pendulum_read_it(
    year: int, minute: int, fold: int
) -> None:
    """``gap="shift"`` reads 02:mm on the spring change day with the offset before the
    gap (RFC 5545, 3.3.5): one hour after 01:mm winter time, which is 03:mm summer time.
    pendulum, written by others, puts a gap time at the same instant."""
    day = _last_sunday(year, 3)
    shifted = local(day.year, day.month, day.day, 2, minute, fold=0, gap="shift")
    before = local(day.year, day.month, day.day, 1, minute)
    assert Interval(before, shifted).hours == 1
    assert (shifted.hour, shifted.minute, shifted.utcoffset()) == (3, minute, timedelta(hours=2))
    their = pendulum.datetime(day.year, day.month, day.day, 2, minute, tz="Europe/Stockholm")
    assert shifted == their
    # the gap is the only place the keyword changes anything; fold still picks in autumn
    autumn = _last_sunday(year, 10)
    f: Literal[0, 1] = 1 if fold else 0
    assert local(autumn.year, 10, autumn.day, 2, minute, fold=f, gap="shift") == local(
        autumn.year, 10, autumn.day, 2, minute, fold=f
    )


@given(instants())
def test_shifting_gaps_changes_no_time_that_exists(instant: pendulum.DateTime) -> None:
    """Outside the spring gap ``gap="shift"`` gives what the default gives."""
    wall = instant.in_tz(ZONE)
    args = (wall.year, wall.month, wall.day, wall.hour, wall.minute, wall.second)
    f: Literal[0, 1] = 1 if wall.fold else 0
    assert local(*args, fold=f, gap="shift") == local(*args, fold=f)


@pytest.mark.parametrize(
    ("fold", "gap", "paths"),
    [
        (2, "refuse", ("fold",)),
        (True, "refuse", ("fold",)),
        ("1", "shift", ("fold",)),
        (0, "forward", ("gap",)),
        (0, None, ("gap",)),
        (7, "later", ("fold", "gap")),
    ],
)
def test_a_bad_fold_or_gap_is_named(fold: object, gap: object, paths: tuple[str, ...]) -> None:
    """Every bad keyword is named in one ``InvalidInput``, never a ValueError from datetime."""
    with pytest.raises(InvalidInput) as err:
        local(2027, 1, 1, fold=fold, gap=gap)  # type: ignore[arg-type]
    assert err.value.paths == paths


@given(st.integers(1996, 2100), st.integers(0, 59))
def test_autumn_fold_means_the_first_occurrence(year: int, minute: int) -> None:
    """02:00–02:59 on the autumn change day happens twice; fold=0 (default) is the first,
    in summer time (+02:00), fold=1 the second (+01:00), one hour later."""
    day = _last_sunday(year, 10)
    first = local(day.year, day.month, day.day, 2, minute)
    second = local(day.year, day.month, day.day, 2, minute, fold=1)
    assert first.utcoffset() == timedelta(hours=2)
    assert second.utcoffset() == timedelta(hours=1)
    assert Interval(first, second).hours == 1


def test_summer_time_ended_in_september_before_1996() -> None:
    """The zone database, not a hand-written rule, decides: 1995 changed on 24 September."""
    assert day_interval(date(1995, 9, 24)).hours == 25
    assert day_interval(date(1995, 10, 29)).hours == 24


def test_seed_night_over_the_spring_and_autumn_changes() -> None:
    """A respite night 20:00–08:00 is 11 elapsed hours in spring, 13 in autumn (2026)."""
    assert Interval(local(2026, 3, 28, 20), local(2026, 3, 29, 8)).hours == 11
    assert Interval(local(2026, 10, 24, 20), local(2026, 10, 25, 8)).hours == 13
    assert Interval(local(2026, 5, 2, 20), local(2026, 5, 3, 8)).hours == 12


@given(instants())
def test_instants_are_stockholm_and_round_trip_iso(instant: pendulum.DateTime) -> None:
    """Every instant shows Stockholm wall time and offset, and survives its ISO text."""
    assert instant.utcoffset() == instant.in_tz(ZONE).utcoffset()
    assert instant.hour == instant.in_tz(ZONE).hour
    assert parse_instant(instant.isoformat()) == instant
    assert parse_instant(instant.isoformat()).isoformat() == instant.isoformat()


@given(st.integers(1996, 2100), st.integers(0, 59))
def test_fold_instants_compare_by_the_instant(year: int, minute: int) -> None:
    """The two 02:30s of the autumn change day are different, ordered instants."""
    day = _last_sunday(year, 10)
    first = local(day.year, day.month, day.day, 2, minute)
    second = local(day.year, day.month, day.day, 2, minute, fold=1)
    assert first != second
    assert first < second
    assert hash(first) != hash(second) or first.timestamp() != second.timestamp()
    assert Interval(first, second).contains(first)
    assert not Interval(first, second).contains(second)


def _packaged_stockholm() -> zoneinfo.ZoneInfo:
    """Europe/Stockholm as the tzdata package has it (pendulum requires the package):
    a link to Europe/Berlin, what Python reads where the system has no zone data."""
    tzdata = pytest.importorskip("tzdata")
    with (Path(tzdata.__file__).parent / "zoneinfo" / "Europe" / "Stockholm").open("rb") as f:
        return zoneinfo.ZoneInfo.from_file(f, key="Europe/Stockholm")


_ANY_YEAR = st.datetimes(datetime(1800, 1, 2), datetime(2199, 12, 30), timezones=st.just(UTC))


@example(moment=datetime(1940, 6, 15, 11, tzinfo=UTC), packaged=True)
@example(moment=datetime(1942, 12, 15, 11, tzinfo=UTC), packaged=True)
@example(moment=datetime(1945, 6, 15, 10, tzinfo=UTC), packaged=True)
@example(moment=datetime(1947, 6, 1, 10, tzinfo=UTC), packaged=True)
@example(moment=datetime(1899, 12, 31, 23, 30, tzinfo=UTC), packaged=False)
@given(moment=_ANY_YEAR, packaged=st.booleans())
def test_the_model_of_a_years_offsets_agrees_with_the_zone(
    moment: datetime, packaged: bool
) -> None:
    """The offsets the quick paths of `anhorig.time` assume for a year are the zone's, or
    there are none, in every year from 1800 to 2199, with the system's zone data and the
    tzdata package's. Found hunting latent bugs: with the package's (Stockholm as Berlin,
    summer time from April 1940 to November 1942), `as_instant` kept
    1940-06-15 12:00+01:00, an hour off, as a Stockholm instant; the strategies drew
    instants from 1990 on only."""
    zone = _packaged_stockholm() if packaged else _calendar.ZONE
    offset = _calendar.offset_at(moment.timestamp(), zone)
    utcoffset = moment.astimezone(zone).utcoffset()
    assert utcoffset is not None
    assert offset is None or offset == utcoffset.total_seconds()


@given(moment=_ANY_YEAR, shown_in=st.sampled_from((anhorig_time.CET, anhorig_time.CEST)))
def test_an_instant_shows_stockholms_wall_time_in_every_supported_year(
    moment: datetime, shown_in: pendulum.FixedTimezone
) -> None:
    """``as_instant`` of a pendulum instant in CET or CEST shows Stockholm's wall time and
    offset in every year from 1800 to 2199, and `is_own_instant` takes it for one only
    when it does."""
    given_as = pendulum.instance(moment).in_tz(shown_in)
    expected = moment.astimezone(ZONE)
    shown = as_instant(given_as)
    assert shown == moment
    assert shown.utcoffset() == expected.utcoffset()
    assert shown.replace(tzinfo=None) == expected.replace(tzinfo=None)
    if anhorig_time.is_own_instant(given_as):
        assert given_as.utcoffset() == expected.utcoffset()


def test_naive_datetimes_are_refused() -> None:
    """A datetime without a zone is ambiguous and refused, in Python and in text."""
    with pytest.raises(InvalidInput, match="tidszon"):
        as_instant(datetime(2026, 1, 1, 12))
    with pytest.raises(InvalidInput):
        parse_instant("2026-01-01T12:00:00")
    with pytest.raises(InvalidInput):
        parse_instant("2026-01-01")
    with pytest.raises(InvalidInput):
        Interval(datetime(2026, 1, 1), datetime(2026, 1, 2))


def test_other_zones_are_converted_not_reinterpreted() -> None:
    """An aware UTC datetime keeps its instant and is shown in Stockholm time."""
    utc = datetime(2026, 7, 1, 10, tzinfo=UTC)
    assert as_instant(utc) == utc
    assert as_instant(utc).hour == 12


@given(intervals())
def test_hours_equal_utc_elapsed_time(interval: Interval) -> None:
    """Elapsed hours are UTC differences, whatever the wall clock shows."""
    utc = interval.end.in_tz("UTC") - interval.start.in_tz("UTC")
    assert interval.seconds == int(utc.total_seconds())
    assert interval.hours == pytest.approx(utc.total_seconds() / 3600)


@given(intervals(), st.floats(0, 1))
def test_split_preserves_elapsed_time(interval: Interval, fraction: float) -> None:
    """Splitting an interval anywhere keeps the sum of the parts' seconds."""
    point = interval.start.add(seconds=int(interval.seconds * fraction))
    left, right = interval.split_at(point)
    assert left.seconds + right.seconds == interval.seconds
    assert left.end == right.start


@given(intervals(), intervals())
def test_overlap_is_symmetric_and_matches_intersection(a: Interval, b: Interval) -> None:
    """Two intervals overlap iff their intersection exists and is not empty."""
    assert a.overlaps(b) == b.overlaps(a)
    common = a.intersection(b)
    assert (common is not None) == a.overlaps(b)
    if common is not None:
        assert not common.is_empty
        assert a.contains(common.start)
        assert b.contains(common.start)


def test_interval_end_before_start_is_refused() -> None:
    """[start, end) needs end >= start."""
    with pytest.raises(InvalidInput) as err:
        Interval(local(2026, 1, 2), local(2026, 1, 1))
    assert err.value.paths == ("end",)


@given(periods(open_ended=False))
def test_period_interval_and_months(period: Period) -> None:
    """A closed period covers its days, maps onto local midnights and splits into months."""
    assert period.days is not None
    assert period.interval().local_days() == tuple(
        period.start + timedelta(days=i) for i in range(period.days)
    )
    months = list(period.months())
    if period.days:
        assert months[0].contains(period.start)
        assert period.last is not None
        assert months[-1].contains(period.last)


def test_period_constructors() -> None:
    """Periods are half-open: a year ends on the next New Year's Day."""
    assert Period.year(2026) == Period(date(2026, 1, 1), date(2027, 1, 1))
    assert Period.month(2026, 12) == Period(date(2026, 12, 1), date(2027, 1, 1))
    assert Period.through(date(2026, 1, 1), date(2026, 12, 31)) == Period.year(2026)
    assert Period.month(2028, 2).days == 29
    with pytest.raises(InvalidInput):
        Period(date(2026, 2, 1), date(2026, 1, 1))
    with pytest.raises(InvalidInput):
        Period(datetime(2026, 1, 1), None)


def test_holidays_2026() -> None:
    """Swedish public holidays 2026, and the three eves off by default."""
    days = swedish_holidays(2026)
    for day in (
        date(2026, 1, 1),
        date(2026, 1, 6),
        date(2026, 4, 3),
        date(2026, 4, 6),
        date(2026, 5, 1),
        date(2026, 5, 14),
        date(2026, 6, 6),
        date(2026, 6, 19),
        date(2026, 12, 24),
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 31),
    ):
        assert day in days, day
    assert date(2026, 6, 19) not in swedish_holidays(2026, eves_off=False)
    assert not is_working_day(date(2026, 12, 24))
    assert is_working_day(date(2026, 12, 24), eves_off=False)


@given(dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
def test_working_days_skip_weekends_and_public_holidays(day: date) -> None:
    """A working day is Monday–Friday and not a public holiday (or eve, by default)."""
    expected = day.weekday() < 5 and day not in swedish_holidays(day.year)
    assert is_working_day(day) == expected
    assert working_days_between(day, day + timedelta(days=1)) == int(expected)


@given(dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)), st.integers(0, 40))
def test_add_working_days_inverts_working_days_between(day: date, n: int) -> None:
    """add_working_days(d, n) is the earliest e with working_days_between(d, e) == n."""
    end = add_working_days(day, n)
    assert working_days_between(day, end) == n
    if n:
        assert working_days_between(day, end - timedelta(days=1)) == n - 1
    assert working_days_between(end, day) == -n


def test_notice_over_christmas_2026() -> None:
    """Julafton, juldagen, annandag jul and the weekend give no notice days."""
    assert working_days_between(date(2026, 12, 23), date(2026, 12, 28)) == 1
    assert add_working_days(date(2026, 12, 21), 5) == date(2026, 12, 30)
    assert add_working_days(date(2026, 12, 28), -2) == date(2026, 12, 22)


@given(instants())
def test_epoch_seconds_is_the_timestamp(instant: pendulum.DateTime) -> None:
    """epoch_seconds is exact, including on the DST change days."""
    assert epoch_seconds(instant) == math.floor(instant.timestamp())
    assert epoch_seconds(instant.in_tz("UTC")) == math.floor(instant.timestamp())


def test_eves_match_the_holidays_packages_de_facto_days() -> None:
    """Midsommarafton, julafton and nyårsafton as the holidays package lists them, where it can.

    Its releases before 0.64 have no ``de_facto`` category for Sweden; the library computes
    the eves itself so that its declared floor works, and this compares with the package's
    own data wherever the installed release has it.
    """
    import holidays

    try:
        holidays.country_holidays("SE", years=2026, categories=("de_facto",))
    except (ValueError, NotImplementedError):
        pytest.skip("this holidays release has no de_facto category for Sweden")
    for year in HOLIDAY_YEARS:
        eves = holidays.country_holidays("SE", years=year, categories=("de_facto",))
        public = swedish_holidays(year, eves_off=False)
        assert swedish_holidays(year) - public == frozenset(eves), year


@pytest.mark.parametrize("year", [HOLIDAY_YEARS[0] - 1, HOLIDAY_YEARS[-1] + 1, 1, 9999])
def test_working_days_outside_the_known_years_are_refused(year: int) -> None:
    day = date(year, 3, 2)
    for ask in (
        lambda: is_working_day(day),
        lambda: working_days_between(day, day + timedelta(days=3)),
        lambda: swedish_holidays(year),
    ):
        with pytest.raises(InvalidInput) as caught:
            ask()
        assert str(year) in str(caught.value)
        assert "1954–2100" in caught.value.explain("en")


def test_working_days_at_the_edges_of_the_known_years() -> None:
    assert not is_working_day(date(1954, 1, 1))
    assert not is_working_day(date(2100, 12, 24))
    assert is_working_day(date(2100, 12, 27))
