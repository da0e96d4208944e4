"""People: the Swedish personal identity number and the person it identifies.

``PersonId.parse`` reads a personnummer or a samordningsnummer (coordination
number, whose day is the birth day plus 60) in the 10- and 12-digit forms, with
``-`` or ``+`` (aged 100 or more) as separator. The structure and the Luhn check
digit are python-stdnum's; the century of a 10-digit number comes from the date
you pass as ``on``, never from the clock.

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
>>> PersonId.parse("19391225-0029")
Traceback (most recent call last):
  ...
anhorig.errors.InvalidInput: id: kontrollsiffran stämmer inte
"""

from __future__ import annotations

import functools
import types
from datetime import date, datetime
from typing import Any

import attrs

from anhorig import _checks
from anhorig.errors import InvalidInput, Problem

__all__ = ["Person", "PersonId", "mask_name"]

_COORDINATION_OFFSET = 60


@functools.cache
def _stdnum() -> Any:
    """python-stdnum's personnummer and Luhn functions, imported on first use:
    stdnum.util pulls in pydoc and ssl (about 14 ms) that `import anhorig` need not pay."""
    from stdnum import luhn
    from stdnum.exceptions import ValidationError
    from stdnum.se import personnummer

    return types.SimpleNamespace(
        compact=personnummer.compact, ValidationError=ValidationError, luhn_is_valid=luhn.is_valid
    )


def _bad(sv: str, en: str) -> InvalidInput:
    return InvalidInput.of(Problem.make("id", sv=sv, en=en))


def _birth_date(year: int, month: int, day: int) -> tuple[date, bool]:
    coordination = day > _COORDINATION_OFFSET
    real_day = day - _COORDINATION_OFFSET if coordination else day
    return date(year, month, real_day), coordination


def _century_year(yy: int, month: int, day: int, plus: bool, on: date) -> int:
    """The birth year of a 10-digit number: the latest year ending in ``yy`` whose
    date is not after ``on``; one century earlier when the separator is ``+``.

    A date that is invalid in the chosen century (29 February) stays invalid.
    """
    real_day = day - _COORDINATION_OFFSET if day > _COORDINATION_OFFSET else day
    year = on.year - (on.year - yy) % 100
    try:
        if date(year, month, real_day) > on:
            year -= 100
    except ValueError:
        # 29 February in a non-leap year, or an impossible day: decide by month/day.
        if (month, real_day) > (on.month, on.day):
            year -= 100
    if plus:
        year -= 100
    return year


@_checks.collecting
@attrs.frozen(repr=False, order=False)
class PersonId:
    """A Swedish personnummer or samordningsnummer (*personnummer*, *samordningsnummer*).

    ``value`` holds the canonical 12-digit form ``ÅÅÅÅMMDD-NNNN``; build it with
    `parse`.
    """

    value: str = attrs.field(
        validator=_checks.matches(r"\d{8}-\d{4}", "ÅÅÅÅMMDD-NNNN / YYYYMMDD-NNNN")
    )

    @classmethod
    def parse(cls, text: str, *, on: date | None = None) -> PersonId:
        """Read a personnummer or samordningsnummer; refuse anything else with ``InvalidInput``.

        Accepts exactly what ``stdnum.se.personnummer.validate`` accepts, plus
        samordningsnummer. A 10-digit form needs ``on``, the date it was written
        on, to tell the century.
        """
        if not isinstance(text, str):
            raise _bad(
                f"väntade text, fick {type(text).__name__}",
                f"expected a string, got {type(text).__name__}",
            )
        if on is not None and (not isinstance(on, date) or isinstance(on, datetime)):
            raise InvalidInput.at("on", sv="väntade ett datum", en="expected a date")
        stdnum = _stdnum()
        try:
            number = stdnum.compact(text)
        except stdnum.ValidationError:
            number = ""
        if len(number) not in (11, 13):
            raise _bad("fel längd: ange 10 eller 12 siffror", "wrong length: give 10 or 12 digits")
        separator = number[-5]
        digits = number[:-5] + number[-4:]
        if separator not in "-+" or not (digits.isascii() and digits.isdigit()):
            raise _bad(
                "ogiltigt format: siffror med - eller + före de fyra sista",
                "invalid format: digits with - or + before the last four",
            )
        month, day = int(digits[-8:-6]), int(digits[-6:-4])
        if len(digits) == 12:
            year = int(digits[:4])
        else:
            if on is None:
                raise _bad(
                    "10-siffrig form kräver ett datum (on=) för att avgöra århundradet",
                    "the 10-digit form needs a date (on=) to tell the century",
                )
            year = _century_year(int(digits[:2]), month, day, separator == "+", on)
        try:
            born, _ = _birth_date(year, month, day)
        except ValueError:
            raise _bad("födelsedatumet finns inte", "the birth date does not exist") from None
        if year < 1:
            raise _bad("födelseåret är orimligt", "the birth year is out of range")
        if not stdnum.luhn_is_valid(digits[-10:]):
            raise _bad("kontrollsiffran stämmer inte", "the check digit is wrong")
        del born
        return cls(f"{year:04d}{digits[-8:-4]}-{digits[-4:]}")

    @property
    def birth_date(self) -> date:
        """The birth date the number encodes (the day less 60 for a samordningsnummer)."""
        value = self.value
        day = int(value[6:8])
        if day > _COORDINATION_OFFSET:
            day -= _COORDINATION_OFFSET
        return date(int(value[:4]), int(value[4:6]), day)

    @property
    def is_coordination_number(self) -> bool:
        """Whether this is a samordningsnummer (day + 60)."""
        return int(self.value[6:8]) > _COORDINATION_OFFSET

    def short_form(self, *, on: date) -> str:
        """The 10-digit form as written on ``on`` (``+`` from the year the person turns 100)."""
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


_DOUBLED = str.maketrans("0123456789", "0246813579")
"""Each digit to the digit sum of its double, for the Luhn check."""


def _luhn_ok(digits: str) -> bool:
    """The Luhn check of ASCII ``digits``, summing code points to stay in C."""
    doubled = digits[-2::-2].translate(_DOUBLED)
    total = sum(digits[::-2].encode()) + sum(doubled.encode()) - 48 * len(digits)
    return total % 10 == 0


def _read_canonical(text: Any) -> PersonId | None:
    """The `PersonId` of a number already in the canonical form ``ÅÅÅÅMMDD-NNNN``, else ``None``.

    The documents' own form, read without python-stdnum's general cleaning: it gives
    a `PersonId` exactly when ``PersonId.parse`` would give that same one, and
    ``None`` for anything that needs ``parse`` to read or to explain.
    """
    if text.__class__ is not str or len(text) != 13 or text[8] != "-":
        return None
    value = text
    digits = value[:8] + value[9:]
    if not (digits.isascii() and digits.isdigit()):
        return None
    day = int(value[6:8])
    try:
        date(int(value[:4]), int(value[4:6]), day - _COORDINATION_OFFSET if day > 60 else day)
    except ValueError:
        return None
    if not _luhn_ok(digits[2:]):
        return None
    person: PersonId = object.__new__(PersonId)
    object.__setattr__(person, "value", value)
    return person


def mask_name(name: str) -> str:
    """A name reduced to initials: ``'Anna Karlsson'`` → ``'A. K.'``."""
    return " ".join(f"{part[0]}." for part in name.split() if part) or "?"


def _check_birth_date(instance: Person, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    if not _checks.is_date(value) or not _checks.FIRST_DAY <= value <= _checks.LAST_DAY:
        _checks.a_date(instance, attribute, value)
        return
    if isinstance(instance.id, PersonId) and instance.id.birth_date != value:
        _checks.fail(
            "birth_date",
            sv="födelsedatumet stämmer inte med personnumret",
            en="the birth date does not match the personnummer",
        )


# Given a date (or None) and a PersonId (or None), this is what the validator checks.
_checks.inline_condition(
    _check_birth_date,
    (date, type(None)),
    "{v} is None or ({first} <= {v} <= {last} and ({o}.id is None or {o}.id.birth_date == {v}))",
    {"id": (PersonId, type(None))},
    first=_checks.FIRST_DAY,
    last=_checks.LAST_DAY,
)


def _birth_date_of_id(person: Person) -> date | None:
    return person.id.birth_date if isinstance(person.id, PersonId) else None


def _mask_date(value: date | None) -> str:
    return "None" if value is None else f"'{value.year}-**-**'"


@_checks.collecting
@attrs.frozen(kw_only=True, order=False)
class Person:
    """A person in anhörigstöd: carer, cared-for, custodian, professional (*person*).

    ``id`` may be unknown (a neighbour who helps, a friend); then ``birth_date`` may be
    given on its own. When both are given they must agree. ``repr`` shows only the
    initials and the birth year.
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
