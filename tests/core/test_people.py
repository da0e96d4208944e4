"""PersonId and Person: parsing, the stdnum contract, masking, ages."""

from __future__ import annotations

import gzip
import os
import re
from datetime import date

import jsonschema
import pytest
from hypothesis import assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from stdnum import luhn
from stdnum.se import personnummer as stdnum_pnr

from anhorig import InvalidInput, Person, PersonId, from_json, json_schema, to_json
from anhorig.people import Birth
from anhorig.serialization import from_document
from anhorig.testing.strategies import people, person_ids

TODAY = date.today()  # only to mirror stdnum, which reads the clock for 10-digit numbers


@pytest.mark.parametrize(
    ("text", "on", "value"),
    [
        ("19391225-0028", None, "19391225-0028"),
        ("193912250028", None, "19391225-0028"),
        ("19391225+0028", None, "19391225-0028"),
        ("391225-0028", date(2026, 1, 1), "19391225-0028"),
        ("3912250028", date(2026, 1, 1), "19391225-0028"),
        ("391225+0028", date(2045, 1, 1), "19391225-0028"),
        ("120115-2343", date(2026, 11, 22), "20120115-2343"),
    ],
)
def test_parse_forms(text: str, on: date | None, value: str) -> None:
    """The 10- and 12-digit forms, with -, + or nothing before the last four, give the
    same number."""
    assert PersonId.parse(text, on=on).value == value


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (" 19391225-0028", "whitespace before or after"),
        ("19391225-0028 ", "whitespace before or after"),
        ("\u00a019391225-0028", "whitespace before or after"),
        ("19391225-0028\n", "whitespace before or after"),
        ("19391225 0028", "invalid format"),
        ("19391225:0028", "invalid format"),
        ("19391225\u20130028", "invalid format"),  # an en dash
        ("1939 1225 0028", "invalid format"),
        (
            "\uff11\uff19\uff13\uff19\uff11\uff12\uff12\uff15-\uff10\uff10\uff12\uff18",
            "only the digits",
        ),
        ("\u0661\u0669\u0663\u0669\u0661\u0662\u0662\u0665-0028", "only the digits"),
    ],
)
def test_nothing_is_cleaned_up(text: str, why: str) -> None:
    """python-stdnum cleans these into a number; anhorig refuses them and says why, so a
    value is never silently changed (issue 10, item 4)."""
    with pytest.raises(InvalidInput) as err:
        PersonId.parse(text)
    assert why in err.value.explain("en")
    assert err.value.paths == ("id",)


def test_ten_digit_century_comes_from_the_date_given() -> None:
    """A 10-digit number is born on or before the date it is read on; '+' adds a century."""
    # Born 2026-12-31 would be in the future on 2026-11-22, so it is 1926 (stdnum says 2026).
    assert PersonId.parse("261231-0009", on=date(2026, 11, 22)).birth_date == date(1926, 12, 31)
    pid = PersonId.parse("391225-0028", on=date(2039, 12, 24))
    assert pid.birth_date == date(1939, 12, 25)
    assert PersonId.parse("391225-0028", on=date(2039, 12, 25)).birth_date == date(2039, 12, 25)


@pytest.mark.parametrize(
    ("text", "on", "born"),
    [
        # The year the person turns 100: "+" from 1 January, birthday or not.
        ("240622+8607", date(2024, 6, 15), date(1924, 6, 22)),
        ("240622+8607", date(2024, 1, 1), date(1924, 6, 22)),
        ("240622+8607", date(2024, 6, 22), date(1924, 6, 22)),
        ("240622+8607", date(2024, 12, 31), date(1924, 6, 22)),
        ("240622+8607", date(2124, 6, 21), date(2024, 6, 22)),
        # "-" up to the end of the year before; "+" then means a century earlier.
        ("240622-8607", date(2023, 12, 31), date(1924, 6, 22)),
        ("240622+8607", date(2023, 12, 31), date(1824, 6, 22)),
        ("240622-8607", date(2024, 6, 22), date(2024, 6, 22)),
    ],
)
def test_century_of_the_ten_digit_forms(text: str, on: date, born: date) -> None:
    """Issue 10, item 6: a ``+`` number in the year its bearer turns 100, before the
    birthday, is born 100 years before, not 200 (it was read as 1824)."""
    assert PersonId.parse(text, on=on).birth_date == born


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


_FORMS = re.compile(r"([0-9]{2})?[0-9]{6}[-+]?[0-9]{4}")


def _coordination_valid(digits: str) -> bool:
    """A samordningsnummer by Skatteverket's rules: day + 60; the month may be 00, the
    day 60 (unknown), or past the end of its month; the Luhn check over the digits as
    written."""
    year = int(digits[:-8]) if len(digits) == 12 else 2000
    month, day = int(digits[-8:-6]), int(digits[-6:-4])
    if day < 60 or day > 91 or month > 12:
        return False
    return luhn.is_valid(digits[-10:]) and (year > 0 or len(digits) == 10)


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
def test_accepts_what_stdnum_accepts_in_the_written_forms_plus_coordination_numbers(
    text: str,
) -> None:
    """PersonId.parse accepts a text iff it is in one of the written forms and stdnum
    accepts it, or it is a samordningsnummer. A 10-digit ``+`` form is left out: stdnum
    reads it a century too late (``+`` on someone born 1996), see the century tests."""
    assume(not (len(text) == 11 and text[6] == "+"))
    try:
        PersonId.parse(text, on=TODAY)
        accepted = True
    except InvalidInput:
        accepted = False
    if not _FORMS.fullmatch(text):
        assert not accepted
        return
    digits = text.replace("-", "").replace("+", "")
    expected = stdnum_pnr.is_valid(text) or _coordination_valid(digits)
    assert accepted == expected


# --- reading back the short form ---------------------------------------------------------


@st.composite
def _coordination_numbers_with_incomplete_birth(draw: st.DrawFn) -> PersonId:
    """Samordningsnummer as Skatteverket issues them when the birth date is incomplete:
    month 00, day 60 (00 + 60), or a day past the end of its month."""
    year = draw(st.integers(1850, 2060))
    month = draw(st.integers(0, 12))
    day = draw(st.sampled_from((0, 29, 30, 31)) | st.integers(0, 31))
    serial = draw(st.integers(0, 999))
    nine = f"{year % 100:02d}{month:02d}{day + 60:02d}{serial:03d}"
    return PersonId.parse(f"{year:04d}{nine[2:6]}-{serial:03d}{luhn.calc_check_digit(nine)}")


def _earliest(pid: PersonId) -> date:
    """The first day the bearer can have been born on."""
    year, month, day = pid.birth
    return date(year, month or 1, day or 1)


_ANY_NUMBER = person_ids() | _coordination_numbers_with_incomplete_birth()


@given(_ANY_NUMBER, st.data())
def test_the_short_form_reads_back_on_every_date(pid: PersonId, data: st.DataObject) -> None:
    """``PersonId.parse(p.short_form(on=d), on=d) == p`` for every number and every date
    from the birth on while the 10 digits tell the century (under 200 years): ``-`` and
    ``+`` numbers, samordningsnummer, and those with an incomplete birth date."""
    first = _earliest(pid)
    last = date(min(first.year + 199, 9999), 12, 31)
    near_100 = st.dates(date(first.year + 99, 1, 1), date(first.year + 100, 12, 31))
    on = data.draw(st.dates(first, last) | near_100 | st.just(first), label="on")
    assert PersonId.parse(pid.short_form(on=on), on=on) == pid
    assert PersonId.parse(pid.value) == pid


SKATTEVERKET = "ANHORIG_SKATTEVERKET_TESTPERSONNUMMER"
"""Names a file (gzip or plain text, one 12-digit number a line) of Skatteverket's published
test personnummer (*Testpersonnummer*, open data, CC0): 41,493 numbers as of 2024-07-02,
from skatteverket.entryscape.net (dataset b4de7df7-63c0-4e7e-bb59-1f156a591763). The project
does not ship a copy of published material; download it and point this variable at it."""


def _skatteverket() -> list[str]:
    name = os.environ.get(SKATTEVERKET)
    if not name:
        pytest.skip(f"set {SKATTEVERKET} to a file of Skatteverket's test personnummer")
    opener = gzip.open if name.endswith(".gz") else open
    with opener(name, "rt", encoding="ascii") as lines:
        return [line.strip() for line in lines if line.strip()]


def test_every_skatteverket_test_personnummer_reads_back() -> None:
    """All 41,493 of Skatteverket's published test personnummer are read in their
    12-digit forms, and their short forms read back the same on the day of their birth,
    the last day before the year they turn 100, a day in that year before the birthday
    (where the century was read wrong) and 2024-06-15 (220 of them came back a century
    off on that day)."""
    numbers = _skatteverket()
    assert len(numbers) > 40_000
    wrong = []
    for number in numbers:
        pid = PersonId.parse(number)
        assert pid == PersonId.parse(f"{number[:8]}-{number[8:]}")
        born = pid.birth_date
        assert born is not None
        assert not pid.is_coordination_number
        hundred = born.year + 100
        days = [born, date(hundred - 1, 12, 31), date(hundred, born.month, 1)]
        days += [date(2024, 6, 15)] if born < date(2024, 6, 15) else []
        for on in days:
            if on >= born and PersonId.parse(pid.short_form(on=on), on=on) != pid:
                wrong.append((number, on))
    assert wrong == []


@pytest.mark.parametrize(
    ("number", "birth"),
    [
        # Published by Skatteverket as test samordningsnummer.
        ("191500722390", Birth(1915, None, 12)),
        ("191711602399", Birth(1917, 11, None)),
        ("191800852384", Birth(1918, None, 25)),
        ("192001602396", Birth(1920, 1, None)),
        ("198000602394", Birth(1980, None, None)),
        ("191611882398", Birth(1916, 11, 28)),
        ("202601912393", Birth(2026, 1, 31)),
        # Built from the rules: 30 February, 31 April, 29 February in a common year.
        ("191902902384", Birth(1919, 2, None)),
        ("191904912381", Birth(1919, 4, None)),
        ("190302892385", Birth(1903, 2, None)),
    ],
)
def test_samordningsnummer_with_an_incomplete_birth_date(number: str, birth: Birth) -> None:
    """Issue 10, item 6: a samordningsnummer whose birth month or day is unknown is read
    (its check digit checked), and says which part is unknown; it reads back from its
    short form."""
    pid = PersonId.parse(number)
    assert pid.birth == birth
    assert pid.is_coordination_number
    complete = birth.month is not None and birth.day is not None
    assert (pid.birth_date is not None) == complete
    on = date(2026, 8, 16)
    assert PersonId.parse(pid.short_form(on=on), on=on) == pid
    with pytest.raises(InvalidInput, match="kontrollsiffran"):
        PersonId.parse(number[:-1] + str((int(number[-1]) + 1) % 10))


@pytest.mark.parametrize(
    "number",
    [
        "19150012-0009",  # a personnummer (not day + 60) cannot leave its month unknown
        "19151100-0000",  # nor its day
        "19151392-0007",  # day 92: 32, no month has it
        "19151372-0001",  # month 13
    ],
)
def test_only_a_samordningsnummer_may_be_incomplete(number: str) -> None:
    """A personnummer's birth date must exist; a samordningsnummer's day is at most 31."""
    from stdnum.luhn import is_valid

    assert is_valid(number[2:8] + number[9:])
    with pytest.raises(InvalidInput, match="födelsedatumet finns inte"):
        PersonId.parse(number)


@given(_coordination_numbers_with_incomplete_birth(), st.dates(date(1850, 1, 1), date(2060, 1, 1)))
def test_documents_read_incomplete_samordningsnummer_both_ways(pid: PersonId, born: date) -> None:
    """The compiled reader's shortcut for the canonical form reads these numbers as
    parse does, and a Person document with one is read the same by both readers."""
    from anhorig.people import read_canonical
    from anhorig.serialization import _compiled_reader, make_converter

    assert read_canonical(pid.value) == pid
    body = {"id": pid.value, "name": "Okänd Födelsedag", "birth_date": born.isoformat()}
    read = _compiled_reader(Person)
    assert read is not None
    try:
        fast: Person | None = read(body)
    except Exception:  # the compiled reader gave up; the strict one must refuse too
        fast = None
    try:
        strict: Person | None = make_converter().structure(body, Person)
    except Exception:  # the strict converter's refusal
        strict = None
    assert (strict is None) == (not pid.born_on(born))
    if fast is not None:
        assert fast == strict


@given(
    person_ids(),
    st.dates(date(1800, 1, 1), date(2199, 12, 31)) | st.datetimes(),
)
def test_born_on_compares_every_known_part(pid: PersonId, day: date) -> None:
    """``born_on`` (which compares a personnummer's date as text) agrees with comparing
    the year, month and day the number encodes, each it leaves unknown matching any."""
    year, month, known_day = pid.birth
    expected = (
        day.year == year
        and (month is None or day.month == month)
        and (known_day is None or day.day == known_day)
    )
    assert pid.born_on(day) is expected
    if month is not None and known_day is not None:
        assert pid.born_on(date(year, month, known_day))


@given(st.text(alphabet="0123456789", min_size=1, max_size=20))
def test_the_luhn_check_is_stdnums(digits: str) -> None:
    """The check digit test a document's numbers are read with is python-stdnum's."""
    from anhorig.people import _luhn_ok

    assert _luhn_ok(digits) is luhn.is_valid(digits)


def test_a_person_with_an_incomplete_birth_date() -> None:
    """Person takes no birth date from such a number, accepts one that agrees with the
    known parts, refuses one that does not, and cannot tell an age."""
    pid = PersonId.parse("19171160-2399")
    person = Person(id=pid, name="Okänd Födelsedag")
    assert person.birth_date is None
    with pytest.raises(InvalidInput, match="födelsedatum saknas"):
        person.age_on(date(2026, 1, 1))
    assert Person(id=pid, name="A", birth_date=date(1917, 11, 3)).age_on(date(2026, 1, 1)) == 108
    with pytest.raises(InvalidInput, match="stämmer inte"):
        Person(id=pid, name="A", birth_date=date(1917, 12, 3))
    assert from_json(Person, to_json(person)) == person
    assert pid.born_on(date(1917, 11, 30))
    assert not pid.born_on(date(1918, 11, 30))


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


# --- personnummer in documents -----------------------------------------------------------

_WRITTEN_ODDLY = [
    " 19391225-0028",
    "19391225-0028 ",
    "\u00a019391225-0028",
    "19391225-0028\u00a0",
    "\t19391225-0028",
    "19391225 0028",
    "19391225\u20130028",
    "\uff11\uff19\uff13\uff19\uff11\uff12\uff12\uff15-0028",
    "391225-0028",
]


@pytest.mark.parametrize("text", _WRITTEN_ODDLY)
def test_documents_refuse_a_number_written_oddly(text: str) -> None:
    """Issue 10, item 4: a personnummer with a space or a no-break space around it, or
    written in other digits, is refused in a document, not silently cleaned; and the
    JSON Schema says the same."""
    document = {"type": "Person", "schema_version": 1, "id": text, "name": "A"}
    with pytest.raises(InvalidInput) as err:
        from_document(Person, document)
    assert err.value.paths == ("$.id",)
    assert "0028" not in str(err.value)
    assert not _schema_allows(text)


def _schema_allows(text: str) -> bool:
    schema = json_schema(PersonId)
    document = {"type": "PersonId", "schema_version": 1, "value": text}
    return jsonschema.Draft202012Validator(schema).is_valid(document)


@given(
    st.text(alphabet="0123456789-+ \u00a0\uff11\u0661\n", min_size=9, max_size=15)
    | person_ids().map(lambda p: p.value)
    | st.builds(
        lambda p, sep, pad: f"{pad}{p.value.replace('-', sep)}{pad}",
        person_ids(),
        st.sampled_from(("-", "+", "")),
        st.sampled_from(("", " ", "\u00a0")),
    )
)
def test_the_schema_pattern_states_the_forms_documents_take(text: str) -> None:
    """What a document's reader accepts, the schema allows; what the schema refuses,
    the reader refuses (the schema cannot check a date or a check digit)."""
    document = {"type": "PersonId", "schema_version": 1, "value": text}
    try:
        from_document(PersonId, document)
        read = True
    except InvalidInput:
        read = False
    if read:
        assert _schema_allows(text)
    if not _schema_allows(text):
        assert not read


@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("19391225-0029", "check digit"),
        ("19391392-0000", "birth date does not exist"),
        ("19390229-0006", "birth date does not exist"),
        ("193912250028", "expected YYYYMMDD-NNNN"),
    ],
)
def test_a_person_id_built_directly_is_a_number_too(value: str, why: str) -> None:
    """``PersonId(value)`` checks what ``parse`` checks, so every PersonId has a birth
    (an impossible one made ``birth`` fail with an AssertionError)."""
    with pytest.raises(InvalidInput) as err:
        PersonId(value)
    assert why in err.value.explain("en")
    assert PersonId("19171160-2399").birth == Birth(1917, 11, None)


@given(_ANY_NUMBER, st.dates(date(1800, 1, 1), date(2199, 12, 31)) | st.data())
def test_born_on_agrees_with_the_birth_parts(pid: PersonId, day: date | st.DataObject) -> None:
    """``born_on``'s shortcut for a personnummer (its whole date known) answers as the
    comparison with every known part of ``birth`` does, on any day and on its own."""
    if isinstance(day, st.DataObject):  # the day it encodes, or one a part away
        earliest = _earliest(pid)
        day = day.draw(
            st.sampled_from(
                [earliest, date(earliest.year + 1, earliest.month, 1), date(earliest.year, 1, 1)]
            )
        )
    year, month, known_day = pid.birth
    expected = (
        day.year == year
        and (month is None or day.month == month)
        and (known_day is None or day.day == known_day)
    )
    assert pid.born_on(day) == expected


@given(st.integers(1, 9999), st.integers(1, 12))
def test_month_days_is_calendars(year: int, month: int) -> None:
    """The days of a month the number check uses are the calendar module's."""
    import calendar

    from anhorig._checks import month_days

    assert month_days(year, month) == calendar.monthrange(year, month)[1]


@pytest.mark.parametrize("year", [1900, 1999, 2000, 2023, 2024])
def test_canonical_reading_agrees_with_parse_on_every_month_and_day(year: int) -> None:
    """Every month 00–13 and day 00–99 of leap and other years, with the right check
    digit: the canonical-form shortcut reads a number exactly when parse reads it."""
    from anhorig.people import read_canonical

    for month in range(14):
        for day in range(100):
            nine = f"{year % 100:02d}{month:02d}{day:02d}123"
            text = f"{year}{nine[2:6]}-123{luhn.calc_check_digit(nine)}"
            try:
                parsed: PersonId | None = PersonId.parse(text)
            except InvalidInput:
                parsed = None
            assert read_canonical(text) == parsed, text


def test_the_strategies_reach_numbers_with_an_incomplete_birth_date() -> None:
    """``person_ids()`` draws samordningsnummer that leave the birth month or day unknown,
    as a real register holds them, so every property over people meets a person with an
    id and no birth date; ``people(with_id=True)`` keeps to people with both (a child a
    custodian consents for must be shown to be one). Found hunting latent bugs: no
    strategy drew such a number, and widening ``person_ids`` showed the consent breaking
    strategy for ``CONSENT-CHILD-VIEW-MISSING`` relying on a birth date it was not
    promised (it got ``CONSENT-NO-AUTHORITY``)."""
    seen: set[tuple[bool, bool]] = set()

    @settings(max_examples=300, database=None)
    @given(person_ids(), people(with_id=True))
    def draw(pid: PersonId, person: Person) -> None:
        seen.add((pid.is_coordination_number, pid.birth_date is None))
        assert person.id is not None
        assert person.birth_date is not None
        assert person.id.born_on(person.birth_date)

    draw()
    assert (True, True) in seen
    assert (False, False) in seen
    assert all(coordination for coordination, unknown in seen if unknown)
    with pytest.raises(InvalidArgument):
        find(person_ids(coordination=False, incomplete=True), lambda p: True)
    only = find(person_ids(incomplete=True), lambda p: True)
    assert only.birth_date is None
