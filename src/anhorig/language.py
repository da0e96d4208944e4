"""Bilingual text: every user-facing message exists in Swedish (default) and English.

>>> t = Text(sv="anhörig", en="carer")
>>> t.in_("en")
'carer'
>>> str(t)
'anhörig'
"""

from __future__ import annotations

import enum
from typing import Literal, Self, get_args

import attrs

__all__ = ["LANGUAGES", "LabelledEnum", "Lang", "Text", "check_lang"]

Lang = Literal["sv", "en"]
"""A language code: ``"sv"`` (Swedish, the default) or ``"en"`` (English)."""

LANGUAGES: tuple[Lang, ...] = get_args(Lang)


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is a supported language, else raise ``InvalidInput``."""
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
    from anhorig.errors import InvalidInput, Problem

    raise InvalidInput.of(
        Problem.make(
            "lang",
            sv=f"okänt språk {lang!r}; välj 'sv' eller 'en'",
            en=f"unknown language {lang!r}; choose 'sv' or 'en'",
        )
    )


@attrs.frozen
class Text:
    """A message in Swedish and English (*text på svenska och engelska*)."""

    sv: str = attrs.field()
    en: str = attrs.field()

    @sv.validator
    @en.validator
    def _is_str(self, attribute: attrs.Attribute[str], value: object) -> None:
        if value.__class__ is str:
            return
        from anhorig._checks import text  # _checks imports this module

        text(self, attribute, value)

    def in_(self, lang: Lang = "sv") -> str:
        """The text in ``lang`` (``"sv"`` or ``"en"``)."""
        return self.en if check_lang(lang) == "en" else self.sv

    def format(self, **params: object) -> Text:
        """Both texts with ``{name}`` placeholders filled in from ``params``.

        A parameter that is itself a `Text` is filled in per language.
        """
        sv = {k: v.sv if isinstance(v, Text) else v for k, v in params.items()}
        en = {k: v.en if isinstance(v, Text) else v for k, v in params.items()}
        return Text(sv=self.sv.format(**sv), en=self.en.format(**en))

    def __str__(self) -> str:
        return self.sv


class LabelledEnum(enum.StrEnum):
    """A closed vocabulary whose members carry a Swedish and an English label.

    Members are declared as ``NAME = "value", "svensk etikett", "English label"``;
    the value is what JSON holds, the labels are what people read.
    """

    _sv: str
    _en: str

    def __new__(cls, value: str, sv: str = "", en: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._sv = sv or value
        member._en = en or value
        return member

    def label(self, lang: Lang = "sv") -> str:
        """The member's label in ``lang``."""
        return self._en if check_lang(lang) == "en" else self._sv

    @property
    def text(self) -> Text:
        """Both labels as a `Text`."""
        return Text(sv=self._sv, en=self._en)
