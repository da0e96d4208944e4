"""People: the Swedish personal identity number and the person it identifies.

``PersonId.parse`` reads a personnummer or a samordningsnummer (coordination
number, whose day is the birth day plus 60) in its 10- and 12-digit forms, with
``-``, ``+`` (in and after the year the person turns 100) or nothing before the last
four digits, in the digits 0-9 and nothing else: no spaces around it, no other
separator. The Luhn check digit is python-stdnum's; the century of a 10-digit number
comes from the date you pass as ``on``, never from the clock.

A samordningsnummer may have an incomplete birth date, as Skatteverket issues them
when the birth date is not known in full: month ``00`` (the month unknown), day
``60`` (the day unknown), or a day past the end of its month. ``birth_date`` is then
``None``, and ``birth`` says which parts are known.

Personal data stays masked: ``str`` and ``repr`` show the birth date and hide the
last four digits; the full number is only in ``PersonId.value``.

>>> pid = PersonId.parse("19391225-0028")
>>> pid
PersonId('19391225-****')
>>> pid.birth_date
datetime.date(1939, 12, 25)
>>> from datetime import date
>>> PersonId.parse("391225+0028", on=date(2045, 1, 1)).birth_date
datetime.date(1939, 12, 25)
>>> PersonId.parse("191500722390").birth
Birth(year=1915, month=None, day=12)
>>> PersonId.parse("19391225-0029")
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: id: kontrollsiffran stämmer inte
"""

from __future__ import annotations

import functools
import re
import types
from datetime import date, datetime
from typing import Any, NamedTuple

import attrs

from anhorig import _checks
from anhorig._arguments import checked
from anhorig._checks import month_days
from anhorig._text import InvalidInput, Problem

__all__ = ["Birth", "Person", "PersonId", "mask_name", "read_canonical"]

_COORDINATION_OFFSET = 60


@functools.cache
def _stdnum() -> Any:
    """python-stdnum's Luhn check, imported on first use: stdnum.util pulls in pydoc and
    ssl (about 14 ms) that `import anhorig` need not pay."""
    from stdnum import luhn

    return types.SimpleNamespace(luhn_is_valid=luhn.is_valid)


_FORM = re.compile(r"([0-9]{2})?([0-9]{6})([-+]?)([0-9]{4})")
"""The written forms: ``ÅÅMMDD-NNNN``, ``ÅÅMMDD+NNNN``, ``ÅÅMMDDNNNN`` and the same with
the century (``ÅÅÅÅMMDD-NNNN``), in ASCII digits."""


class Birth(NamedTuple):
    """The birth date a number encodes, each part ``None`` where the number leaves it
    unknown (*födelsetid*): only a samordningsnummer can (month ``00``, day ``60``, or a
    day past the end of its month)."""

    year: int
    month: int | None
    day: int | None


def _bad(sv: str, en: str) -> InvalidInput:
    return InvalidInput.of(Problem.make("id", sv=sv, en=en))


def _birth(year: int, month: int, day: int) -> Birth | None:
    """The birth a number's year, month and day digits encode, or ``None`` if there is
    no such birth. A personnummer's date must exist; a samordningsnummer's (day + 60)
    may leave the month (``00``) or the day (``60``, or past the month's end) unknown."""
    if year < 1 or month > 12:
        return None
    if day < _COORDINATION_OFFSET:
        if month == 0 or day == 0 or day > month_days(year, month):
            return None
        return Birth(year, month, day)
    real_day = day - _COORDINATION_OFFSET
    if real_day > 31:
        return None
    known_month = month or None
    if real_day == 0 or (known_month is not None and real_day > month_days(year, known_month)):
        return Birth(year, known_month, None)
    return Birth(year, known_month, real_day)


def _after(year: int, month: int, day: int, on: date) -> bool:
    """Whether a birth on ``month``/``day`` (day + 60 for a samordningsnummer) of ``year``
    comes after ``on``, as far as its known parts tell: a month or day the number leaves
    unknown is taken to be one already passed."""
    birth = _birth(year, month, day)
    if birth is None:  # no such day this year (29 February): decide by the digits
        real_day = day - _COORDINATION_OFFSET if day >= _COORDINATION_OFFSET else day
        return (month, real_day) > (on.month, on.day)
    if birth.month is None:
        return False
    if birth.day is None:
        return birth.month > on.month
    return (birth.month, birth.day) > (on.month, on.day)


def _century_year(yy: int, month: int, day: int, plus: bool, on: date) -> int:
    """The birth year of a 10-digit number written on ``on``.

    ``+`` is written from the start of the year the person turns 100 (folkbokföringslag
    (1991:481) 18 §), so a ``+`` number is born in the latest year ending in ``yy`` at
    least 100 years before ``on``'s year, whatever the birthday. A ``-`` number is born
    in the latest year ending in ``yy`` whose birthday is not after ``on``.
    """
    if plus:
        last = on.year - 100
        return last - (last - yy) % 100
    year = on.year - (on.year - yy) % 100
    if year == on.year and _after(year, month, day, on):
        year -= 100
    return year


def _a_number(instance: Any, attribute: attrs.Attribute[str], value: Any) -> None:
    """A canonical value's birth date can exist and its check digit is right."""
    if not (isinstance(value, str) and len(value) == 13 and value.isascii()):
        return  # the pattern's own message says what is wrong
    digits = value[:8] + value[9:]
    if not digits.isdigit():
        return
    if _birth(int(value[:4]), int(value[4:6]), int(value[6:8])) is None:
        _checks.fail("value", sv="födelsedatumet finns inte", en="the birth date does not exist")
    elif not _luhn_ok(digits[2:]):
        _checks.fail("value", sv="kontrollsiffran stämmer inte", en="the check digit is wrong")


@_checks.collecting
@attrs.frozen(repr=False, order=False)
class PersonId:
    """A Swedish personnummer or samordningsnummer (*personnummer*, *samordningsnummer*).

    ``value`` holds the canonical 12-digit form ``ÅÅÅÅMMDD-NNNN``; build it with
    `parse`. Built directly, the value must be a number too: a birth date that can
    exist and the right check digit.
    """

    value: str = attrs.field(
        validator=_checks.and_(
            _checks.matches(r"[0-9]{8}-[0-9]{4}", "ÅÅÅÅMMDD-NNNN", en="YYYYMMDD-NNNN"),
            _a_number,
        )
    )

    @classmethod
    def parse(cls, text: str, *, on: date | None = None) -> PersonId:
        """Read a personnummer or samordningsnummer; refuse anything else with ``InvalidInput``.

        The forms are ``ÅÅMMDD-NNNN``, ``ÅÅMMDD+NNNN``, ``ÅÅMMDDNNNN`` and the same with
        the century, ``ÅÅÅÅMMDD-NNNN``, in the digits 0-9. Nothing is cleaned up: a space
        around the number, another separator or another script's digits are refused,
        never silently dropped. A 10-digit form needs ``on``, the date it was written
        on, to tell the century. A samordningsnummer may leave its birth month or day
        unknown (see `birth`); its check digit is checked all the same.
        """
        if not isinstance(text, str):
            raise _bad(
                f"väntade text, fick {type(text).__name__}",
                f"expected a string, got {type(text).__name__}",
            )
        if on is not None and (not isinstance(on, date) or isinstance(on, datetime)):
            raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
        form = _FORM.fullmatch(text)
        if form is None:
            raise _unreadable(text)
        century, six, separator, four = form.groups()
        month, day = int(six[2:4]), int(six[4:6])
        if century is not None:
            year = int(century + six[:2])
        elif on is None:
            raise _bad(
                "10-siffrig form kräver ett datum (on=) för att avgöra århundradet",
                "the 10-digit form needs a date (on=) to tell the century",
            )
        else:
            year = _century_year(int(six[:2]), month, day, separator == "+", on)
        if year < 1:
            raise _bad("födelseåret är orimligt", "the birth year is out of range")
        if _birth(year, month, day) is None:
            raise _bad("födelsedatumet finns inte", "the birth date does not exist")
        if not _stdnum().luhn_is_valid(six + four):
            raise _bad("kontrollsiffran stämmer inte", "the check digit is wrong")
        return _checked(f"{year:04d}{six[2:]}-{four}")

    @property
    def birth(self) -> Birth:
        """The birth date the number encodes, part by part (*födelsetid*): for a
        samordningsnummer the day less 60, and ``None`` for a month or day it leaves
        unknown."""
        value = self.value
        birth = _birth(int(value[:4]), int(value[4:6]), int(value[6:8]))
        assert birth is not None, "a PersonId is built from a number that has a birth"
        return birth

    @property
    def birth_date(self) -> date | None:
        """The birth date the number encodes (the day less 60 for a samordningsnummer),
        or ``None`` when a samordningsnummer leaves its month or day unknown."""
        year, month, day = self.birth
        return None if month is None or day is None else date(year, month, day)

    def born_on(self, day: date) -> bool:
        """Whether someone born on ``day`` can have this number: ``day`` agrees with
        every part of the birth date the number encodes."""
        value = self.value
        if value[6] < "6":  # a personnummer: its whole birth date is known
            # Its eight ASCII digits are the day's ISO date without dashes (a date's year
            # has four digits): compared as text, as fast as one int() (issue 14).
            return _ISO_DATE(day).replace("-", "") == value[:8]
        year, month, known_day = self.birth
        return (
            day.year == year
            and (month is None or day.month == month)
            and (known_day is None or day.day == known_day)
        )

    @property
    def is_coordination_number(self) -> bool:
        """Whether this is a samordningsnummer (day + 60)."""
        return int(self.value[6:8]) >= _COORDINATION_OFFSET

    def short_form(self, *, on: date) -> str:
        """The 10-digit form as written on ``on``: ``+`` from the start of the year the
        person turns 100 (folkbokföringslag (1991:481) 18 §), ``-`` before."""
        plus = on.year - int(self.value[:4]) >= 100
        return f"{self.value[2:8]}{'+' if plus else '-'}{self.value[-4:]}"

    @property
    def masked(self) -> str:
        """The number with its last four digits hidden: ``19391225-****``."""
        return self.value[:9] + "****"

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"PersonId({self.masked!r})"


def _unreadable(text: str) -> InvalidInput:
    """Why ``text`` has none of the written forms, as precisely as can be said."""
    if text != text.strip():
        return _bad(
            "blanksteg före eller efter numret",
            "whitespace before or after the number",
        )
    if any(c.isdigit() and not c.isascii() for c in text):
        return _bad("bara siffrorna 0–9", "only the digits 0-9")
    if sum(c.isdigit() for c in text) not in (10, 12):
        return _bad("fel längd: ange 10 eller 12 siffror", "wrong length: give 10 or 12 digits")
    return _bad(
        "ogiltigt format: siffror med - eller + före de fyra sista",
        "invalid format: digits with - or + before the last four",
    )


_DOUBLED = bytes.maketrans(b"0123456789", b"0246813579")
"""Each ASCII digit to the digit sum of its double, for the Luhn check."""


def _luhn_ok(digits: str) -> bool:
    """The Luhn check of ASCII ``digits``, summing their bytes to stay in C."""
    written = digits.encode()
    total = sum(written[::-2]) + sum(written[-2::-2].translate(_DOUBLED)) - 48 * len(written)
    return total % 10 == 0


def read_canonical(text: Any) -> PersonId | None:
    """The `PersonId` of a number already in the canonical form ``ÅÅÅÅMMDD-NNNN``, else ``None``.

    The documents' own form, read without the general parsing: it gives a `PersonId`
    exactly when ``PersonId.parse`` would give that same one, and ``None`` for
    anything that needs ``parse`` to read or to explain.
    """
    if text.__class__ is not str or len(text) != 13 or text[8] != "-":
        return None
    value = text
    digits = value[:8] + value[9:]
    if not (digits.isascii() and digits.isdigit()):
        return None
    born = int(value[:8])  # one int() for the three parts (issue 14)
    year, month, day = born // 10000, born // 100 % 100, born % 100
    if 0 < day < _COORDINATION_OFFSET and year > 0 and 0 < month < 13:
        # A personnummer's date, as _birth decides it without building the Birth.
        if day > month_days(year, month):
            return None
    elif _birth(year, month, day) is None:
        return None
    if not _luhn_ok(digits[2:]):
        return None
    return _checked(value)


def _checked(value: str) -> PersonId:
    """A `PersonId` of a value already checked as its validators would."""
    person: PersonId = object.__new__(PersonId)
    _SET_VALUE(person, value)
    return person


_ISO_DATE = date.isoformat
"""A date's ``YYYY-MM-DD`` (a datetime's date part too, as ``born_on`` reads it)."""

_SET_VALUE = vars(PersonId)["value"].__set__
"""The slot setter of ``PersonId.value``: no look-up by name for each number read."""


@checked
def mask_name(name: str) -> str:
    """A name reduced to initials: ``'Anna Karlsson'`` → ``'A. K.'``."""
    return " ".join(f"{part[0]}." for part in name.split() if part) or "?"


def _check_birth_date(instance: Person, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not _checks.is_date(value) or not _checks.FIRST_DAY <= value <= _checks.LAST_DAY:
        _checks.a_date(instance, attribute, value)
        return
    if isinstance(instance.id, PersonId) and not instance.id.born_on(value):
        _checks.fail(
            "birth_date",
            sv="födelsedatumet stämmer inte med personnumret",
            en="the birth date does not match the personnummer",
        )


_checks.describe(_check_birth_date, "born_on", "id")


def _birth_date_of_id(person: Person) -> date | None:
    return person.id.birth_date if isinstance(person.id, PersonId) else None


def _mask_date(value: date | None) -> str:
    return "None" if value is None else f"'{value.year}-**-**'"


@_checks.collecting
@attrs.frozen(kw_only=True, order=False)
class Person:
    """A person in anhörigstöd: carer, cared-for, custodian, professional (*person*).

    ``id`` may be unknown (a neighbour who helps, a friend); then ``birth_date`` may be
    given on its own. When both are given they must agree. By default the birth date
    is the number's; a samordningsnummer with an incomplete birth date gives none, and
    a full birth date given with it must agree with the parts it has. ``repr`` shows
    only the initials and the birth year.
    """

    id: PersonId | None = attrs.field(
        default=None, validator=_checks.optional(_checks.instance_of(PersonId))
    )
    name: str = attrs.field(validator=_checks.non_empty_text, repr=lambda n: repr(mask_name(n)))
    birth_date: date | None = attrs.field(
        default=attrs.Factory(_birth_date_of_id, takes_self=True),
        validator=_check_birth_date,
        repr=_mask_date,
    )

    def age_on(self, on: date) -> int:
        """Age in whole years on ``on``; ``InvalidInput`` if the birth date is unknown.

        Someone born on 29 February turns a year older on 1 March in common years.
        """
        born = self.birth_date
        if born is None:
            raise InvalidInput.at(
                "birth_date",
                sv="födelsedatum saknas, åldern kan inte räknas ut",
                en="the birth date is unknown, so the age cannot be computed",
            )
        return on.year - born.year - ((on.month, on.day) < (born.month, born.day))

    def is_child_on(self, on: date) -> bool:
        """Whether the person is under 18 on ``on`` (*barn*)."""
        return self.age_on(on) < 18

    def __str__(self) -> str:
        return mask_name(self.name)
