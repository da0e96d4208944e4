"""The ground floor: bilingual text, problems and errors, and the masking of personal data.

Nothing here imports anything else of anhorig but `anhorig._values` (how a message writes
a value, on this floor too); every other module stands on this one.
The public faces are `anhorig.language` (text and masking) and `anhorig.errors` (the
errors); the classes carry those modules' names, so a traceback, a ``repr`` and a
pickle name the path users import them from.

A bilingual message and a bilingual error are one idea: a `Problem` is a path and a
`Text`, an `InvalidInput` is every problem of one input, and `fail` reports a problem,
recorded while a `collecting` constructor runs and raised otherwise.

>>> t = Text(sv="anhörig", en="carer")
>>> t.in_("en")
'carer'
>>> str(InvalidInput.at("$.birth_date", sv="fick '19391225-0028'", en="got '19391225-0028'"))
"$.birth_date: fick '19391225-****'"
"""

from __future__ import annotations

import contextvars
import enum
import functools
import json
import re
from collections.abc import Iterable
from typing import Any, Literal, Self, TypeVar, get_args

import attrs

from anhorig._values import value_text

__all__ = [
    "LANGUAGES",
    "AnhorigError",
    "InvalidInput",
    "LabelledEnum",
    "Lang",
    "Problem",
    "Text",
    "check_lang",
    "collected_problems",
    "collecting",
    "fail",
    "mask_personal_data",
    "mask_value",
    "quote",
]

_T = TypeVar("_T")

Lang = Literal["sv", "en"]
"""A language code: ``"sv"`` (Swedish, the default) or ``"en"`` (English)."""

LANGUAGES: tuple[Lang, ...] = get_args(Lang)


def check_lang(lang: str) -> Lang:
    """Return ``lang`` if it is a supported language, else raise ``InvalidInput``."""
    if lang == "sv":
        return "sv"
    if lang == "en":
        return "en"
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
        if value.__class__ is not str:
            # The message of ``_checks.instance_of(str)``, which sits a floor above.
            name = type(value).__name__
            fail(attribute.name, sv=f"väntade str, fick {name}", en=f"expected str, got {name}")

    def in_(self, lang: Lang = "sv") -> str:
        """The text in ``lang`` (``"sv"`` or ``"en"``)."""
        return self.en if check_lang(lang) == "en" else self.sv

    def format(self, **params: object) -> Text:
        """Both texts with ``{name}`` placeholders filled in from ``params``.

        A parameter that is itself a `Text` is filled in per language; any other is
        written as a reader writes it in that language (`anhorig._values.value_text`:
        dates and instants in words, a decimal comma, ``uppgift saknas`` for ``None``).
        """
        sv = {k: v.sv if isinstance(v, Text) else value_text(v, "sv") for k, v in params.items()}
        en = {k: v.en if isinstance(v, Text) else value_text(v, "en") for k, v in params.items()}
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
        """Both labels as a `Text` (one per member: a `Text` never changes)."""
        # By identity: members of two vocabularies with the same value are equal strings.
        found = _LABELS.get(id(self))
        if found is None:
            found = _LABELS.setdefault(id(self), Text(sv=self._sv, en=self._en))
        return found


_LABELS: dict[int, Text] = {}
"""Each member's labels as a `Text`, by the member's identity (members live as long as
their class)."""


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


def _wrong_type(path: str, expected: str, value: object) -> InvalidInput:
    """A wrong argument of a function here, named as ``anhorig._arguments`` names one (it
    sits a floor above, on these functions)."""
    got = type(value).__name__
    return InvalidInput.at(
        path, sv=f"väntade {expected}, fick {got}", en=f"expected {expected}, got {got}"
    )


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
    if not isinstance(value, str):
        raise _wrong_type("value", "str", value)
    return _mask_names(_mask_numbers(value))


def mask_personal_data(text: str) -> str:
    """A message with every personnummer-shaped number hidden, and every quoted name.

    Numbers are hidden anywhere (see `mask_value`). Names only where the message
    quotes them (``'Anna Karlsson'`` → ``'A. K.'``): a message's own words may be
    capitalised, a quoted value is input. Masking twice changes nothing.
    """
    if not isinstance(text, str):
        raise _wrong_type("text", "str", text)
    text = _mask_numbers(text)
    if "'" not in text and '"' not in text:
        return text
    return _QUOTED.sub(lambda m: f"{m.group(1)}{_mask_names(m.group(2))}{m.group(1)}", text)


def quote(value: object, *, limit: int = 40) -> str:
    """A bad input value quoted back in a message: masked, cut to ``limit`` characters,
    then quoted as ``repr`` quotes text (``'19391225-****'``).

    A number, ``None`` or a truth value is not text: it is shown unquoted, as JSON writes
    it (``2``, ``null``, ``true``), never as Python does (``'None'``, ``'2'``). Anything
    else not text is shown as ``str`` shows it.
    """
    if limit.__class__ is not int:
        raise _wrong_type("limit", "int", limit)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return mask_value(repr(value))[:limit]
    if isinstance(value, (list, tuple, dict)):  # as the JSON it was read from
        value = json.dumps(value, ensure_ascii=False, default=str)
    text = value if isinstance(value, str) else str(value)
    return repr(mask_value(text)[:limit])


# --- problems and errors ---------------------------------------------------------------


def _masked_path(path: str) -> str:
    # A path holds input too: a document's unknown key, a file name, a vendor's id.
    return mask_value(path) if isinstance(path, str) else path


def _masked_message(message: Text) -> Text:
    return message.masked() if isinstance(message, Text) else message


@attrs.frozen
class Problem:
    """One bad field in an input: where (``path``) and what is wrong (``message``).

    ``path`` is relative to the object being built (``birth_date``) or, for a
    document, absolute from its root (``$.carer.id``). Both are masked when the
    problem is made: no personnummer-shaped number, and no name in a path or quoted
    in the message, survives.
    """

    path: str = attrs.field(converter=_masked_path)
    message: Text = attrs.field(converter=_masked_message)

    @classmethod
    def make(cls, path: str, *, sv: str, en: str) -> Problem:
        """A problem at ``path`` with its message in Swedish and English."""
        return cls(path, Text(sv=sv, en=en))

    def under(self, prefix: str) -> Problem:
        """This problem with its path placed under ``prefix`` (``$.carer`` + ``id``)."""
        if not self.path or self.path == "$":
            return self._at(prefix)
        if self.path.startswith("$"):
            return self._at(prefix + self.path[1:])
        sep = "" if self.path.startswith("[") else "."
        return self._at(f"{prefix}{sep}{self.path}")

    def _at(self, path: str) -> Problem:
        """This problem at ``path``, masked; its message was masked when it was made, and
        masking twice changes nothing: a problem moved up through every level of a
        document is not masked again at each (issue 14)."""
        moved: Problem = object.__new__(Problem)
        object.__setattr__(moved, "path", _masked_path(path))
        object.__setattr__(moved, "message", self.message)
        return moved

    def explain(self, lang: Lang = "sv") -> str:
        """``path: message`` in ``lang``."""
        return f"{self.path}: {self.message.in_(lang)}" if self.path else self.message.in_(lang)


class AnhorigError(Exception):
    """The root of every error anhorig raises on purpose."""


class InvalidInput(AnhorigError, ValueError):
    """Input that does not have the structure anhorig needs (*ogiltig indata*).

    ``problems`` lists every bad field; ``str()`` gives them in Swedish and
    ``explain("en")`` in English. Messages never contain a full personnummer.
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.explain("sv"))

    @classmethod
    def of(cls, *problems: Problem) -> InvalidInput:
        """An error for the given problems."""
        return cls(problems)

    @classmethod
    def at(cls, path: str, *, sv: str, en: str) -> InvalidInput:
        """An error with a single problem at ``path``."""
        return cls((Problem.make(path, sv=sv, en=en),))

    @property
    def paths(self) -> tuple[str, ...]:
        """The path of every problem, in order."""
        return tuple(p.path for p in self.problems)

    def under(self, prefix: str) -> InvalidInput:
        """The same error with every path placed under ``prefix``."""
        return InvalidInput(p.under(prefix) for p in self.problems)

    def explain(self, lang: Lang = "sv") -> str:
        """Every problem, one per line, in ``lang``."""
        return "\n".join(p.explain(lang) for p in self.problems)


# --- the problem collector ---------------------------------------------------------------
#
# ``@collecting`` on an attrs class makes its validators record problems instead of
# raising at the first one; the constructor then raises one ``InvalidInput`` naming
# them all.

_collector: contextvars.ContextVar[list[Problem] | None] = contextvars.ContextVar(
    "anhorig_problems", default=None
)


def fail(path: str, *, sv: str, en: str) -> None:
    """Report a problem: recorded if a constructor is collecting, raised otherwise."""
    problem = Problem.make(path, sv=sv, en=en)
    problems = _collector.get()
    if problems is None:
        raise InvalidInput.of(problem)
    problems.append(problem)


def collecting(cls: type[_T]) -> type[_T]:
    """Make ``cls``'s constructor report every bad field in one ``InvalidInput``.

    The class's ``__attrs_post_init__``, if it has one, runs only when every field has
    passed its checks, so it may rely on whole fields (the respite ledger builds its
    index there); an ``InvalidInput`` it raises is reported like a bad field.
    """
    init = cls.__init__
    post_init = getattr(cls, "__attrs_post_init__", None)
    if post_init is not None:

        @functools.wraps(post_init)
        def __attrs_post_init__(self: Any) -> None:
            if not _collector.get():  # no field has failed its check
                post_init(self)

        cls.__attrs_post_init__ = __attrs_post_init__  # type: ignore[attr-defined]

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if _collector.get() is not None:
            # A nested construction collects its own problems separately.
            token = _collector.set(None)
            try:
                __init__(self, *args, **kwargs)
            finally:
                _collector.reset(token)
            return
        problems: list[Problem] = []
        token = _collector.set(problems)
        try:
            init(self, *args, **kwargs)
        except InvalidInput as exc:
            problems.extend(exc.problems)
        finally:
            _collector.reset(token)
        if problems:
            raise InvalidInput(problems)

    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls


def collected_problems() -> tuple[Problem, ...]:
    """The problems a `collecting` constructor running here has recorded so far (none
    when no constructor is collecting): a post-init hook skips its work on a bad field."""
    return tuple(_collector.get() or ())


# The public faces' names: what a traceback, a ``repr`` and a pickle show.
Text.__module__ = LabelledEnum.__module__ = "anhorig.language"
Problem.__module__ = AnhorigError.__module__ = InvalidInput.__module__ = "anhorig.errors"
