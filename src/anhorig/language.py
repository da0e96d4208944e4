"""Bilingual text: every user-facing message exists in Swedish (default) and English.

>>> t = Text(sv="anhörig", en="carer")
>>> t.in_("en")
'carer'
>>> str(t)
'anhörig'

Messages quote input values back, and input may hold personal data where it does
not belong. `mask_personal_data` hides it in a message; `quote` quotes a bad value
back with it hidden:

>>> quote("19391225-0028")
"'19391225-****'"
>>> quote("Anna Karlsson")
"'A. K.'"
>>> mask_personal_data("got 'Anna Karlsson' and id-193912250028x")
"got 'A. K.' and id-19391225****x"
"""

from __future__ import annotations

import enum
import re
from typing import Literal, Self, get_args

import attrs

__all__ = [
    "LANGUAGES",
    "LabelledEnum",
    "Lang",
    "Text",
    "check_lang",
    "mask_personal_data",
    "mask_value",
    "quote",
]

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
            sv=f"okänt språk {quote(lang)}; välj 'sv' eller 'en'",
            en=f"unknown language {quote(lang)}; choose 'sv' or 'en'",
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

    def masked(self) -> Text:
        """Both texts through `mask_personal_data` (this text itself if nothing changes)."""
        sv, en = mask_personal_data(self.sv), mask_personal_data(self.en)
        return self if (sv, en) == (self.sv, self.en) else Text(sv=sv, en=en)

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


# --- masking personal data -------------------------------------------------------------
#
# One mechanism, used by every message that quotes input: `mask_value` hides personal
# data in a value, `quote` quotes a value back hidden, `mask_personal_data` hides it in a
# whole message (and `Problem`, `Finding` and the command line pass their text through
# it as a safety net).

_NUMBER = re.compile(
    r"\d{6}(?:\d{2})?(?:[^\w\n]|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|\\U[0-9a-f]{8}){0,3}\d{4}"
)
"""Shaped like a personnummer or samordningsnummer: 10 or 12 digits (any script's), with
up to three separator characters (``-``, ``+``, a space, a no-break space, or one as
``repr`` escapes it, ``\\xa0``) before the last four, anywhere in a text, also inside a
longer run of digits."""

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
"""A word of letters, with inner apostrophes (``O'Brien``)."""

_BETWEEN_NAME_WORDS = re.compile(r",?[ \t\u00a0]+|-")
"""What separates the words of one name: spaces, a comma and spaces (``Karlsson,
Anna``), or a hyphen between two capitalised words (``Anna-Lena``)."""

_PARTICLES = frozenset(
    {
        "af",
        "av",
        "al",
        "bin",
        "da",
        "de",
        "del",
        "den",
        "der",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "zu",
    }
)
"""Lower-case words that may stand between the capitalised words of a name."""

_QUOTED = re.compile(r"""(?<!\w)(['"])(.+?)\1(?!\w)""")
"""A quoted stretch of a message, as ``repr`` quotes a value: ``'...'`` or ``"..."``."""


def _hide_digits(match: re.Match[str]) -> str:
    return match.group()[:-4] + "****"


def _is_name_word(word: str) -> bool:
    return len(word) >= 2 and word[0].isupper()


def _joins(text: str, before: re.Match[str], after: re.Match[str]) -> bool:
    """Whether two words are next to each other in one name."""
    gap = _BETWEEN_NAME_WORDS.fullmatch(text, before.end(), after.start())
    if gap is None:
        return False
    if gap.group() != "-":
        return True
    # A hyphen joins names (Anna-Lena), not a prefix (id-Anna) or a format (YYYY-MM-DD).
    return all(_is_name_word(w.group()) and not w.group().isupper() for w in (before, after))


def _mask_names(text: str) -> str:
    if sum(map(str.isupper, text)) < 2:  # no two capitalised words: the common case
        return text
    spans: list[tuple[int, int, str]] = []
    run: list[re.Match[str]] = []

    def close() -> None:
        # A name is two or more capitalised words, particles allowed between them.
        while run and not _is_name_word(run[-1].group()):
            run.pop()
        if len(run) >= 2 and sum(_is_name_word(w.group()) for w in run) >= 2:
            initials = " ".join(f"{w.group()[0]}." for w in run)
            spans.append((run[0].start(), run[-1].end(), initials))
        run.clear()

    previous: re.Match[str] | None = None
    for word in _WORD.finditer(text):
        if previous is None or not _joins(text, previous, word):
            close()
        token = word.group()
        if _is_name_word(token) or (run and token in _PARTICLES):
            run.append(word)
        else:
            close()
        previous = word
    close()
    for start, end, initials in reversed(spans):
        text = text[:start] + initials + text[end:]
    return text


def _mask_numbers(text: str) -> str:
    masked = _NUMBER.sub(_hide_digits, text)
    while masked != text:  # a hidden number never makes a new one; this only confirms it
        text, masked = masked, _NUMBER.sub(_hide_digits, masked)
    return masked


def mask_value(value: str) -> str:
    """``value`` (input, not a message) with personal data hidden (*maskerad*).

    Anything shaped like a personnummer or samordningsnummer — 10 or 12 digits, with or
    without a separator, anywhere in the value — keeps its birth date part and loses
    its last four digits, as ``PersonId.masked`` shows a number (``19391225-****``);
    a longer run of digits loses four of every twelve, so no full number is left. A
    name — two or more capitalised words — becomes initials (``A. K.``), as
    ``people.mask_name`` shows one.

    >>> mask_value("id-193912250028x")
    'id-19391225****x'
    >>> mask_value("Karlsson, Anna-Lena")
    'K. A. L.'
    """
    return _mask_names(_mask_numbers(value))


def mask_personal_data(text: str) -> str:
    """A message with every personnummer-shaped number hidden, and every quoted name.

    Numbers are hidden anywhere (see `mask_value`). Names only where the message
    quotes them (``'Anna Karlsson'`` → ``'A. K.'``): a message's own words may be
    capitalised, a quoted value is input. Masking twice changes nothing.
    """
    text = _mask_numbers(text)
    if "'" not in text and '"' not in text:
        return text
    return _QUOTED.sub(lambda m: f"{m.group(1)}{_mask_names(m.group(2))}{m.group(1)}", text)


def quote(value: object, *, limit: int = 40) -> str:
    """A bad input value quoted back in a message: masked, cut to ``limit`` characters,
    then quoted as ``repr`` quotes text (``'19391225-****'``).

    Anything not text is shown as ``str`` shows it.
    """
    text = value if isinstance(value, str) else str(value)
    return repr(mask_value(text)[:limit])
