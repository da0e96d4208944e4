"""A public function's arguments checked against its annotations (*kontroll av argument*).

A constructor refuses a bad field with ``InvalidInput`` (`anhorig._checks`); these two
decorators give a function's parameters the same: an argument of a type its annotation
does not allow is named, with every other such argument, in one ``InvalidInput`` whose
paths are the parameters' names (``start``, ``bookings[2]``), in Swedish and English.

- `checked` checks only when the call has failed: the function runs as it is, and if it
  raises ``TypeError``, ``AttributeError``, ``ValueError`` (``InvalidInput`` included),
  ``KeyError``, ``IndexError`` or ``OverflowError``, the arguments are checked then. A
  wrong one turns the error into ``InvalidInput`` naming it; when all are right, the
  original error goes on unchanged, so a real bug is never hidden. Where the function's
  own ``InvalidInput`` already names a parameter, its words are kept. A correct call
  costs one more function call and nothing else: for the functions on hot paths.
- `checked_first` checks before the function runs: for a function that would return a
  wrong answer for a wrong argument instead of failing.

Nothing is done at import: the annotations (strings, under ``from __future__ import
annotations``) are read when a call first needs them. One that names something imported
only for type checkers cannot be read, and its parameter is not checked.

A message names the type expected and the type given, never the value, except a value a
``Literal`` lists, which is quoted masked (`anhorig._text.quote`): no personal data.
"""

from __future__ import annotations

import collections.abc
import functools
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ParamSpec, TypeVar

from anhorig._text import InvalidInput, Problem, quote

__all__ = ["argument_problems", "checked", "checked_first"]

_P = ParamSpec("_P")
_R = TypeVar("_R")

_FAILURES = (TypeError, AttributeError, ValueError, KeyError, IndexError, OverflowError)
"""What a wrong argument makes a function raise (``InvalidInput`` is a ``ValueError``)."""

_Accepts = Callable[[object], bool]
_Check = tuple[str, _Accepts | None]
"""A parameter's name, and what its annotation accepts (``None``: anything)."""


def checked(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Check ``function``'s arguments when a call fails (see the module's text)."""

    @functools.wraps(function)
    def on_failure(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return function(*args, **kwargs)
        except InvalidInput as refused:
            problems = argument_problems(function, args, kwargs)
            if problems:
                raise _merged(function, refused, problems) from None
            raise
        except _FAILURES:
            problems = argument_problems(function, args, kwargs)
            if problems:
                raise InvalidInput(problems) from None
            raise

    return on_failure


def checked_first(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """Check ``function``'s arguments before every call (see the module's text)."""

    @functools.wraps(function)
    def first(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        problems = argument_problems(function, args, kwargs)
        if problems:
            raise InvalidInput(problems)
        return function(*args, **kwargs)

    return first


def argument_problems(
    function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> list[Problem]:
    """A problem for each argument of a call of ``function`` its annotation does not allow,
    in the order of the parameters (an argument the function does not take is left to
    Python's own ``TypeError``)."""
    positional, by_name, order = _checks(function)
    found: list[tuple[int, list[Problem]]] = []
    for (name, accepts), value in zip(positional, args, strict=False):
        if accepts is not None and not accepts(value):
            found.append((order[name], _problems(function, name, value)))
    for name, value in kwargs.items():
        accepts = by_name.get(name)
        if accepts is not None and not accepts(value):
            found.append((order[name], _problems(function, name, value)))
    found.sort(key=lambda item: item[0])
    return [p for _, problems in found for p in problems]


def _merged(
    function: Callable[..., Any], refused: InvalidInput, problems: list[Problem]
) -> InvalidInput:
    """The function's own problems that name a parameter (its words, kept), and ours for
    every other wrong argument; its problems at no parameter (``$``) came of those."""
    order = _checks(function)[2]
    own = [p for p in refused.problems if _root(p.path) in order]
    named = {_root(p.path) for p in own}
    found = sorted(own + [p for p in problems if _root(p.path) not in named], key=_place(order))
    # Its own kind of error (a StoreError), so that a caller catching that still does.
    kind = type(refused) if type(refused).__init__ is InvalidInput.__init__ else InvalidInput
    return kind(found)


def _place(order: dict[str, int]) -> Callable[[Problem], int]:
    return lambda problem: order[_root(problem.path)]


def _root(path: str) -> str:
    """The parameter a path starts with: ``bookings`` of ``bookings[2].id``."""
    return path.partition(".")[0].partition("[")[0]


# --- what an annotation accepts ---------------------------------------------------------------


@functools.cache
def _checks(
    function: Callable[..., Any],
) -> tuple[tuple[_Check, ...], dict[str, _Accepts | None], dict[str, int]]:
    """``function``'s positional parameters in order, every parameter by name, and each
    one's place: made on the first call that needs them."""
    import inspect  # only here: a slow import, and only a failed call needs it

    hints = _hints(function)
    positional: list[_Check] = []
    by_name: dict[str, _Accepts | None] = {}
    order: dict[str, int] = {}
    for place, param in enumerate(inspect.signature(function).parameters.values()):
        if param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        accepts = _accepts(hints[param.name]) if param.name in hints else None
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            positional.append((param.name, accepts))
        if param.kind is not param.POSITIONAL_ONLY:
            by_name[param.name] = accepts
        order[param.name] = place
    return tuple(positional), by_name, order


@functools.cache
def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    """The annotations of ``function``, each read on its own: one naming something imported
    only for type checkers is left out (its parameter is then not checked)."""
    target = getattr(function, "__wrapped__", function)
    namespace = getattr(target, "__globals__", {})
    hints: dict[str, Any] = {}
    for name, annotation in getattr(target, "__annotations__", {}).items():
        if name == "return":
            continue
        try:
            hints[name] = eval(annotation, namespace) if isinstance(annotation, str) else annotation
        except Exception:
            continue
    return hints


def _accepts(tp: Any) -> _Accepts | None:
    """What a value of annotation ``tp`` may be, or ``None`` for anything."""
    if tp is Any or tp is object or isinstance(tp, TypeVar):
        return None
    if tp is None or tp is type(None):
        return _is_none
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        members = [_accepts(member) for member in typing.get_args(tp)]
        if any(member is None for member in members):
            return None
        return lambda value: any(accepts(value) for accepts in members if accepts is not None)
    if origin is typing.Literal:
        allowed = typing.get_args(tp)
        return lambda value: any(type(value) is type(a) and value == a for a in allowed)
    if origin is type:
        (bound,) = typing.get_args(tp) or (object,)
        upper = bound if isinstance(bound, type) else object
        return lambda value: isinstance(value, type) and issubclass(value, upper)
    if origin is collections.abc.Callable or tp is collections.abc.Callable:
        return callable
    if hasattr(tp, "__supertype__"):  # a NewType
        return _accepts(tp.__supertype__)
    if origin is not None:
        return _collection(origin, typing.get_args(tp))
    if not isinstance(tp, type):
        return None
    if getattr(tp, "_is_protocol", False) and not getattr(tp, "_is_runtime_protocol", False):
        return None
    return _instance_of(tp)


def _is_none(value: object) -> bool:
    return value is None


def _instance_of(cls: type) -> _Accepts:
    """An instance of ``cls``, as `anhorig._checks.instance_of` reads it: ``True`` is no
    ``int``, a ``datetime`` no ``date``; and an ``int`` is a ``float``, as for a type checker."""
    if cls is float:
        return lambda value: type(value) is not bool and isinstance(value, int | float)
    if cls is date:
        return lambda value: isinstance(value, date) and not isinstance(value, datetime)
    if cls is int:
        return lambda value: type(value) is not bool and isinstance(value, int)
    return lambda value: isinstance(value, cls)


_MEMBERS_READ = (tuple, list, frozenset, set)
"""The collections whose members are checked: ones read again without being used up."""


def _collection(origin: Any, arguments: tuple[Any, ...]) -> _Accepts | None:
    if not isinstance(origin, type):
        return None
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        arguments = arguments[:1]
    elif origin is tuple or issubclass(origin, collections.abc.Mapping):
        arguments = ()  # a fixed tuple's places, or a mapping: only the collection's type
    member = _accepts(arguments[0]) if len(arguments) == 1 else None
    if member is None:
        return lambda value: isinstance(value, origin)
    return lambda value: (
        isinstance(value, origin)
        and (not isinstance(value, _MEMBERS_READ) or all(member(m) for m in value))
    )


# --- what the messages say ----------------------------------------------------------------------


def _problems(function: Callable[..., Any], name: str, value: object) -> list[Problem]:
    """Why ``value`` is wrong for parameter ``name``: a wrong member of a collection is
    named by its place (``bookings[2]``), anything else by the parameter."""
    tp = _hints(function)[name]
    origin = typing.get_origin(tp)
    arguments = typing.get_args(tp)
    if isinstance(origin, type) and isinstance(value, origin) and isinstance(value, _MEMBERS_READ):
        member_type = arguments[0]
        member = _accepts(member_type)
        members = value if not isinstance(value, frozenset | set) else sorted(value, key=repr)
        return [
            _wrong(f"{name}[{index}]", member_type, item)
            for index, item in enumerate(members)
            if member is not None and not member(item)
        ]
    return [_wrong(name, tp, value)]


def _wrong(path: str, tp: Any, value: object) -> Problem:
    expected = _name(tp)
    got = quote(value) if _lists_values(tp) else type(value).__name__
    return Problem.make(
        path, sv=f"väntade {expected}, fick {got}", en=f"expected {expected}, got {got}"
    )


def _lists_values(tp: Any) -> bool:
    return typing.get_origin(tp) is typing.Literal or any(
        typing.get_origin(m) is typing.Literal for m in typing.get_args(tp)
    )


def _name(tp: Any) -> str:
    """``tp`` as a message names it: ``date``, ``Booking | None``, ``'sv' | 'en'``."""
    if tp is None or tp is type(None):
        return "None"
    origin = typing.get_origin(tp)
    arguments = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(_name(a) for a in arguments)
    if origin is typing.Literal:
        return " | ".join(quote(a) for a in arguments)
    if origin is collections.abc.Callable:
        return "callable"
    if origin is not None:
        inner = ", ".join("..." if a is Ellipsis else _name(a) for a in arguments)
        return f"{getattr(origin, '__name__', str(origin))}[{inner}]"
    return getattr(tp, "__name__", str(tp))
