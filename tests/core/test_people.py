"""PersonId and Person: parsing, the stdnum contract, masking, ages."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.se import personnummer as stdnum_pnr

from anhorig import InvalidInput, Person, PersonId
from anhorig.testing.strategies import people, person_ids

TODAY = date.today()  # only to mirror stdnum, which reads the clock for 10-digit numbers


@pytest.mark.parametrize(
    ("text", "on", "value"),
    [
        ("19391225-0028", None, "19391225-0028"),
        ("193912250028", None, "19391225-0028"),
        ("391225-0028", date(2026, 1, 1), "19391225-0028"),
        ("3912250028", date(2026, 1, 1), "19391225-0028"),
        ("391225+0028", date(2045, 1, 1), "19391225-0028"),
        ("120115-2343", date(2026, 11, 22), "20120115-2343"),
        (" 19391225 0028 ", None, "19391225-0028"),
    ],
)
def test_parse_forms(text: str, on: date | None, value: str) -> None:
    """The 10- and 12-digit forms, with - or + and stray spaces, give the same number."""
    assert PersonId.parse(text, on=on).value == value


def test_ten_digit_century_comes_from_the_date_given() -> None:
    """A 10-digit number is born on or before the date it is read on; '+' adds a century."""
    # Born 2026-12-31 would be in the future on 2026-11-22, so it is 1926 (stdnum says 2026).
    assert PersonId.parse("261231-0009", on=date(2026, 11, 22)).birth_date == date(1926, 12, 31)
    pid = PersonId.parse("391225-0028", on=date(2039, 12, 24))
    assert pid.birth_date == date(1939, 12, 25)
    assert PersonId.parse("391225-0028", on=date(2039, 12, 25)).birth_date == date(2039, 12, 25)


def test_ten_digit_without_date_is_refused() -> None:
    """No hidden clock: without ``on`` a 10-digit number cannot be read."""
    with pytest.raises(InvalidInput) as err:
        PersonId.parse("391225-0028")
    assert err.value.paths == ("id",)
    assert "århundradet" in str(err.value)
    assert "century" in err.value.explain("en")


def test_coordination_number() -> None:
    """A samordningsnummer has day + 60; stdnum refuses it, anhorig accepts it."""
    pid = PersonId.parse("19391285-0025")
    assert pid.is_coordination_number
    assert pid.birth_date == date(1939, 12, 25)
    assert not stdnum_pnr.is_valid("19391285-0025")
    assert not PersonId.parse("19391225-0028").is_coordination_number


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "19391225-0029",
        "19391325-0028",
        "19390230-0020",
        "19391292-0020",
        "1939122500281",
        5,
    ],
)
def test_refused(text: object) -> None:
    """Wrong check digit, month, day, length or type: InvalidInput, nothing else."""
    with pytest.raises(InvalidInput):
        PersonId.parse(text)  # type: ignore[arg-type]


def _coordination_valid(text: str) -> bool:
    compact = stdnum_pnr.compact(text)
    digits = compact[:-5] + compact[-4:]
    if len(compact) not in (11, 13) or compact[-5] not in "-+" or not digits.isdigit():
        return False
    day = int(digits[-6:-4])
    if day <= 60:
        return False
    real = digits[:-6] + f"{day - 60:02d}"
    # stdnum's own date check on the birth day the number encodes, and the Luhn check
    # over the digits as written (the check digit covers day + 60).
    try:
        stdnum_pnr.get_birth_date(real + compact[-5] + digits[-4:])
    except Exception:
        return False
    return luhn.is_valid(digits[-10:])


_number_like = st.one_of(
    st.text(alphabet="0123456789-+ ", min_size=8, max_size=15),
    st.builds(
        lambda pid, form, sep: (pid.value if form == 12 else pid.value[2:]).replace("-", sep),
        person_ids(),
        st.sampled_from((10, 12)),
        st.sampled_from(("-", "+", "")),
    ),
    st.text(max_size=15),
)


@given(_number_like)
def test_accepts_exactly_what_stdnum_accepts_plus_coordination_numbers(text: str) -> None:
    """PersonId.parse accepts a text iff stdnum does, or it is a valid samordningsnummer."""
    try:
        PersonId.parse(text, on=TODAY)
        accepted = True
    except InvalidInput:
        accepted = False
    expected = stdnum_pnr.is_valid(text)
    if not expected:
        try:
            expected = _coordination_valid(text)
        except Exception:
            expected = False
    assert accepted == expected


@given(person_ids())
def test_round_trip_through_both_forms(pid: PersonId) -> None:
    """Writing the 10-digit form on a date and reading it back on that date is lossless."""
    on = date(pid.birth_date.year + 50, 6, 1)
    assert PersonId.parse(pid.short_form(on=on), on=on) == pid
    assert PersonId.parse(pid.value) == pid


@given(people())
def test_masked_output_never_holds_the_full_number_or_name(person: Person) -> None:
    """repr and str show initials and the birth year, never the number's last four digits."""
    shown = repr(person) + str(person)
    if person.id is not None:
        assert person.id.value not in shown
        assert person.id.value.replace("-", "") not in shown
        assert repr(person.id) == f"PersonId('{person.id.value[:9]}****')"
    assert person.name not in shown


def test_person_reports_every_bad_field() -> None:
    """A constructor with three bad fields names all three."""
    with pytest.raises(InvalidInput) as err:
        Person(id=5, name="", birth_date="1939-12-25")  # type: ignore[arg-type]
    assert err.value.paths == ("id", "name", "birth_date")


def test_birth_date_must_match_the_number() -> None:
    """A birth date that contradicts the personnummer is refused."""
    with pytest.raises(InvalidInput, match="stämmer inte"):
        Person(id=PersonId.parse("19391225-0028"), name="Anna", birth_date=date(1939, 12, 24))


@given(people(), st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_age_is_whole_years_and_child_means_under_18(person: Person, on: date) -> None:
    """age_on counts birthdays passed; is_child_on is age < 18."""
    if person.birth_date is None:
        with pytest.raises(InvalidInput):
            person.age_on(on)
        return
    age = person.age_on(on)
    born = person.birth_date
    assert age == on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    assert person.is_child_on(on) == (age < 18)


def test_leap_day_birthday() -> None:
    """Born 29 February: a year older on 1 March in common years."""
    person = Person(name="Lea Berg", birth_date=date(2008, 2, 29))
    assert person.age_on(date(2026, 2, 28)) == 17
    assert person.age_on(date(2026, 3, 1)) == 18
    assert person.is_child_on(date(2026, 2, 28))
    assert not person.is_child_on(date(2026, 3, 1))
