"""The ground of the FHIR ``Consent`` reader: what it reads into (:class:`Reading`), and
:class:`Reader`, which collects problems and set-aside meaning and reads JSON shapes,
codes through the mapping tables, and anhorig's extensions. The parties, the provisions
and the resource are read by the classes and functions above it
(:mod:`~anhorig.consent.fhir._parties`, :mod:`~anhorig.consent.fhir._provisions`,
:mod:`~anhorig.consent.fhir._read`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

import attrs
import pendulum

from anhorig.consent.fhir._names import (
    ENUM_SYSTEMS,
    EXTENSION,
)
from anhorig.consent.fhir.codes import (
    CodeRow,
    CodeTables,
    Table,
)
from anhorig.consent.model import (
    Consent,
    Organisation,
)
from anhorig.errors import InvalidInput, Problem
from anhorig.language import LabelledEnum, Text
from anhorig.people import Person
from anhorig.time import ZONE, parse_instant

__all__ = ["Reader", "Reading", "Resolved", "Resolver", "quoted", "what"]

Resolved = Mapping[str, Any] | Person | Organisation
"""What a resolver gives for a reference: the FHIR resource (a dict), or the person or
organisation itself."""

Resolver = Callable[[str], "Resolved | None"]
"""Finds what a reference (``"Patient/123"``, a full URL) points to; ``None`` when it
does not know."""

_E = TypeVar("_E", bound=LabelledEnum)


@attrs.frozen(kw_only=True)
class Reading:
    """One FHIR ``Consent`` as read (*inläst samtycke*): the consent, or ``None`` when
    nothing of it can be relied on, and every item set aside with what it would have
    meant (empty when read strictly). ``path`` is where the resource was in the input."""

    path: str
    consent: Consent | None
    set_aside: tuple[Problem, ...] = ()


class Reader:
    """Reads one resource or Bundle, collecting hard problems and set-aside meaning."""

    def __init__(self, codes: CodeTables, resolve: Resolver | None, lenient: bool) -> None:
        self.codes = codes
        self.resolve = resolve
        self.lenient = lenient
        self.problems: list[Problem] = []
        self.aside: list[Problem] = []
        self.contained: dict[str, Any] = {}
        self.bundle: dict[str, Any] = {}

    # -- collecting --

    def bad(self, path: str, sv: str, en: str) -> None:
        self.problems.append(Problem.make(path, sv=sv, en=en))

    def meaning(self, path: str, sv: str, en: str) -> None:
        """Something anhorig cannot hold: set aside (lenient) or refused (strict)."""
        self.aside.append(Problem.make(path, sv=sv, en=en))

    def cannot_hold(self, path: str, what: Text) -> None:
        self.meaning(
            path,
            f"anhorig kan inte hålla detta: {what.sv}",
            f"anhorig cannot hold this: {what.en}",
        )

    def under(self, exc: InvalidInput, prefix: str) -> None:
        self.problems.extend(p.under(prefix) for p in exc.problems)

    # -- JSON shapes --

    def obj(self, value: object, path: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.bad(path, "väntade ett objekt", "expected an object")
        return None

    def items(self, value: object, path: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.bad(path, "väntade en lista", "expected a list")
        return []

    def objects(self, value: object, path: str) -> list[tuple[str, dict[str, Any]]]:
        found = []
        for i, item in enumerate(self.items(value, path)):
            data = self.obj(item, f"{path}[{i}]")
            if data is not None:
                found.append((f"{path}[{i}]", data))
        return found

    def string(self, value: object, path: str) -> str | None:
        if isinstance(value, str) and value.strip():
            return value
        self.bad(path, "väntade text", "expected text")
        return None

    def instant(self, value: object, path: str) -> pendulum.DateTime | None:
        if isinstance(value, str) and len(value) == 10:
            try:
                day = date.fromisoformat(value)
            except ValueError:
                day = None
            if day is not None:
                return pendulum.datetime(day.year, day.month, day.day, tz=ZONE)
        if isinstance(value, str) and len(value) <= 64:
            try:
                return parse_instant(value, path=path)
            except InvalidInput as exc:
                self.problems.extend(exc.problems)
                return None
            except (ValueError, OverflowError):
                pass
        self.bad(path, "väntade en tidpunkt", "expected a date-time")
        return None

    def day(self, value: object, path: str) -> date | None:
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                pass
        self.bad(path, "väntade ett datum", "expected a date")
        return None

    def code(self, cls: type[_E], value: object, path: str) -> _E | None:
        if isinstance(value, str):
            try:
                return cls(value)
            except ValueError:
                pass
        allowed = ", ".join(m.value for m in cls)
        shown = str(value)[:40] if value is not None else "saknas/missing"
        self.bad(
            path,
            f"okänd kod {shown!r}; tillåtna: {allowed}",
            f"unknown code {shown!r}; allowed: {allowed}",
        )
        return None

    def only(
        self, data: dict[str, Any], path: str, allowed: set[str], what: dict[str, Text]
    ) -> None:
        """Every key outside ``allowed`` is meaning anhorig cannot hold (``what`` says it)."""
        for key in sorted(set(data) - allowed):
            if key in {"modifierExtension", "implicitRules"}:
                self.bad(
                    f"{path}.{key}",
                    "ändrar innebörden på ett sätt anhorig inte känner till",
                    "changes the meaning in a way anhorig does not know",
                )
                continue
            self.cannot_hold(
                f"{path}.{key}",
                what.get(key, Text(sv=f"elementet {key!r}", en=f"the element {key!r}")),
            )

    # -- codes through the tables --

    def lookup(
        self, table: Table, coding: dict[str, Any], path: str
    ) -> tuple[CodeRow | None, bool]:
        """The row for a Coding; ``(None, False)`` with a problem when the code is unknown."""
        system, code = coding.get("system"), coding.get("code")
        if not isinstance(system, str) or not isinstance(code, str):
            self.bad(path, "väntade system och code som text", "expected system and code as text")
            return None, False
        row = self.codes.lookup(table, system, code)
        if row is None:
            self.meaning(
                path,
                f"okänd kod {system}#{code[:40]}: vad den betyder är inte känt",
                f"unknown code {system}#{code[:40]}: what it means is not known",
            )
            return None, False
        if row.term is None:
            self.cannot_hold(path, quoted(row))
            return row, False
        return row, True

    def concept(self, table: Table, value: object, path: str) -> tuple[list[Any], bool]:
        """The terms of a CodeableConcept (its codings that map); ``ok`` is False when one
        of its codings cannot be held or is unknown, or it has only text."""
        data = self.obj(value, path)
        if data is None:
            return [], False
        terms: list[Any] = []
        ok = True
        codings = self.objects(data.get("coding"), f"{path}.coding")
        for where, coding in codings:
            row, fine = self.lookup(table, coding, where)
            if fine and row is not None:
                terms.append(row.term)
            ok = ok and fine
        if not codings:
            self.meaning(
                path,
                "bara text, ingen kod: innebörden kan inte läsas",
                "text only, no code: the meaning cannot be read",
            )
            ok = False
        return terms, ok

    def coding_term(self, table: Table, value: object, path: str) -> tuple[Any, bool]:
        coding = self.obj(value, path)
        if coding is None:
            return None, False
        row, fine = self.lookup(table, coding, path)
        return (row.term if row is not None and fine else None), fine

    # -- anhorig's extensions --

    def extensions(self, data: dict[str, Any], path: str) -> dict[str, tuple[str, Any]]:
        found: dict[str, tuple[str, Any]] = {}
        for where, ext in self.objects(data.get("extension"), f"{path}.extension"):
            url = ext.get("url")
            if not isinstance(url, str) or not url.startswith(EXTENSION):
                self.cannot_hold(
                    where,
                    Text(
                        sv=f"extensionen {str(url)[:80]!r}",
                        en=f"the extension {str(url)[:80]!r}",
                    ),
                )
                continue
            name = url[len(EXTENSION) :]
            if name in found:
                self.bad(where, "extensionen förekommer två gånger", "the extension occurs twice")
            found[name] = (where, ext)
        return found

    def ext_code(
        self, exts: dict[str, tuple[str, Any]], cls: type[_E], *, name: str | None = None
    ) -> _E | None:
        key = name or ENUM_SYSTEMS[cls]
        if key not in exts:
            return None
        where, ext = exts.pop(key)
        return self.code(cls, ext.get("valueCode"), f"{where}.valueCode")

    def leftover(self, exts: dict[str, tuple[str, Any]]) -> None:
        for name, (where, _) in exts.items():
            self.cannot_hold(
                where,
                Text(
                    sv=f"anhorigs extension {name!r} här", en=f"anhorig's extension {name!r} here"
                ),
            )


def quoted(row: CodeRow) -> Text:
    """A code row's meaning with its system and code, in words."""
    return Text(
        sv=f"{row.meaning.sv} ({row.system}#{row.code})",
        en=f"{row.meaning.en} ({row.system}#{row.code})",
    )


def what(sv: str, en: str) -> Text:
    """What an element would have meant, in Swedish and English."""
    return Text(sv=sv, en=en)
