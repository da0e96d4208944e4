"""Compiled readers: the fast way to read a well-formed document, checked against the strict one.

The strict converter in ``anhorig.serialization`` explains every bad path of a
document; that bookkeeping costs most of its time even when nothing is wrong. A
reader here is a function compiled per attrs class that reads a *well-formed*
document only: at the first thing it does not expect it gives up, and the strict
converter reads the document again and says what is wrong. So a reader never
decides that a document is bad; it only has to be right about the good ones,
and the test suite checks that it gives the same object as the strict converter
for every document the testing kit can produce, good and bad.

A reader builds objects with the class's own attrs ``__init__`` (so defaults,
factories, converters and post-init hooks behave as always) with its validators
switched off, then runs the validators itself, leaving out those that only check
a type the reader has just checked (marked by ``anhorig._checks``).
"""

from __future__ import annotations

import enum
import functools
import threading
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any, get_args, get_origin

import attrs

from anhorig._checks import INLINE, TYPE_ONLY

__all__ = ["reader"]

Reader = Callable[[Any], Any]

Returns = tuple[str, tuple[type, ...]] | None
"""What a reader returns, to match against a type-only validator's ``TYPE_ONLY`` mark:
``("is", types)`` a value of exactly one of ``types``; ``("each", types)`` a tuple or
frozenset of such values; ``None`` not known (every validator runs)."""


class _GiveUp(Exception):
    """The document is not one a reader reads; the strict converter takes over."""


_GIVE_UP = _GiveUp()


class _Unsupported(Exception):
    """A class a reader cannot be compiled for; it is always read strictly."""


class _ValidatorsOff:
    """Stands in for attrs' config inside a copied ``__init__``: validators do not run."""

    _run_validators = False


def _init_without_validators(cl: type) -> Callable[..., None]:
    init: Any = cl.__dict__.get("__init__")
    while hasattr(init, "__wrapped__"):  # anhorig._checks.collecting wraps attrs' __init__
        init = init.__wrapped__
    code = getattr(init, "__code__", None)
    if code is None or not code.co_filename.startswith("<attrs generated"):
        raise _Unsupported(f"{cl.__name__} has its own __init__")
    if "_config" not in init.__globals__:
        raise _Unsupported(f"{cl.__name__}'s __init__ has no validator switch")
    copy = types.FunctionType(
        code,
        {**init.__globals__, "_config": _ValidatorsOff},
        init.__name__,
        init.__defaults__,
        init.__closure__,
    )
    copy.__kwdefaults__ = init.__kwdefaults__
    return copy


def _validators(validator: Any) -> list[Any]:
    inner = getattr(validator, "_validators", None)  # attrs' and_ of a list of validators
    if inner is not None:
        return [v for part in inner for v in _validators(part)]
    return [validator]


class _Compiler:
    """Compiles readers; one per converter, since a reader falls back on its hooks."""

    def __init__(self, converter: Any, special: dict[type, Reader]) -> None:
        self._converter = converter
        self._special = special
        self._readers: dict[type, Reader | None] = {}
        self._pending: dict[type, list[Reader]] = {}

    # --- values ------------------------------------------------------------------------

    def value(self, tp: Any) -> tuple[Reader, Returns]:
        """A reader for values of ``tp``, and what it returns (see `Returns`)."""
        if tp is str:
            return _read_str, ("is", (str,))
        if tp is bool:
            return _read_bool, ("is", (bool,))
        if tp is int:
            return _read_int, ("is", (int,))
        if tp is date:
            return _read_date, ("is", (date,))
        if tp in self._special:
            return self._special[tp], ("is", (tp,))
        if isinstance(tp, type) and issubclass(tp, enum.Enum):
            if _text_members(tp) is not None:
                return _enum_reader(tp), ("is", (tp,))
            return self._hook(tp), None
        origin = get_origin(tp)
        args = get_args(tp)
        if origin in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args:
            (inner,) = (a for a in args if a is not type(None))
            read, returns = self.value(inner)
            optional_returns: Returns = None
            if returns is not None and returns[0] == "is":
                optional_returns = ("is", (*returns[1], type(None)))
            return _optional(read), optional_returns
        if origin in (list, tuple, frozenset, set) and args:
            if origin is tuple and (len(args) != 2 or args[1] is not Ellipsis):
                return self._hook(tp), None
            read, returns = self.value(args[0])
            each: Returns = None
            if origin in (tuple, frozenset) and returns is not None and returns[0] == "is":
                each = ("each", returns[1])
            return _collection(origin, read), each
        if isinstance(tp, type) and attrs.has(tp):
            return self._attrs(tp), ("is", (tp,))
        return self._hook(tp), None

    def _hook(self, tp: Any) -> Reader:
        """The strict converter's own hook, for types read as they always are."""
        hook = self._converter.get_structure_hook(tp)
        return lambda value: hook(value, tp)

    def _attrs(self, cl: type) -> Reader:
        read = self.reader(cl)
        if read is not None:
            return read
        if cl in self._pending:
            # A class that contains itself: read through a cell filled when compiled.
            cell: list[Reader] = self._pending[cl]
            return lambda value: cell[0](value)  # noqa: PLW0108 - filled in later
        return self._hook(cl)

    # --- classes -----------------------------------------------------------------------

    def reader(self, cl: type) -> Reader | None:
        """The compiled reader of attrs class ``cl``, or ``None`` if it is read strictly."""
        if cl in self._special:
            return self._special[cl]
        if not attrs.has(cl):
            return None
        if cl in self._readers:
            return self._readers[cl]
        if cl in self._pending:
            return None
        cell: list[Reader] = []
        self._pending[cl] = cell
        try:
            compiled: Reader | None = self._compile(cl)
        except _Unsupported:
            compiled = None
        finally:
            del self._pending[cl]
        if compiled is not None:
            cell.append(compiled)
        self._readers[cl] = compiled
        return compiled

    def _compile(self, cl: type) -> Reader:
        fields = attrs.fields(attrs.resolve_types(cl))
        init = _init_without_validators(cl)
        names: dict[str, Any] = {
            "_GIVE_UP": _GIVE_UP,
            "_dict": dict,
            "_str": str,
            "_bool": bool,
            "_int": int,
            "_date": date.fromisoformat,
            "_new": object.__new__,
            "_cl": cl,
            "_init": init,
            "_keys": frozenset(f.name for f in fields if f.init),
        }
        lines = [
            "def read(d):",
            "    if d.__class__ is not _dict or not _keys.issuperset(d):",
            "        raise _GIVE_UP",
        ]
        arguments: list[str] = []
        checks: list[str] = []
        read_as = {f.name: self.value(f.type)[1] for f in fields if f.init and f.converter is None}
        for index, field in enumerate(fields):
            returns = read_as.get(field.name)
            if field.init:
                var = f"a{index}"
                block = self._lines(field.type, names, str(index), var)
                key = repr(field.name)
                if field.default is attrs.NOTHING:
                    lines += [f"    {var} = d[{key}]", *(f"    {line}" for line in block)]
                    arguments.append(f"{field.alias}={var}")
                elif isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
                    # Left to attrs when absent: the factory may need the other fields.
                    lines += [f"    if {key} in d:", f"        {var} = d[{key}]"]
                    lines += [f"        {line}" for line in block]
                    lines.append(f"        kw[{field.alias!r}] = {var}")
                else:
                    names[f"_d{index}"] = field.default
                    lines += [f"    if {key} in d:", f"        {var} = d[{key}]"]
                    lines += [f"        {line}" for line in block]
                    lines += ["    else:", f"        {var} = _d{index}"]
                    arguments.append(f"{field.alias}={var}")
            if field.validator is None or not (field.init or field.default is not attrs.NOTHING):
                continue
            names[f"_a{index}"] = field
            for number, validator in enumerate(_validators(field.validator)):
                if _checked(getattr(validator, TYPE_ONLY, None), returns):
                    continue  # the reader has already checked this type
                tag = f"{index}_{number}"
                inline = getattr(validator, INLINE, None)
                if (
                    inline is not None
                    and _checked(inline[0], returns)
                    and all(_checked(need, read_as.get(name)) for name, need in inline[3].items())
                ):
                    _, template, objects, _ = inline
                    renamed = {key: f"_o{tag}_{key}" for key in objects}
                    names.update({renamed[key]: obj for key, obj in objects.items()})
                    condition = template.format(v=f"o.{field.name}", o="o", **renamed)
                    checks += [f"    if not ({condition}):", "        raise _GIVE_UP"]
                    continue
                names[f"_v{tag}"] = validator
                checks.append(f"    _v{tag}(o, _a{index}, o.{field.name})")
        if any("kw[" in line for line in lines):
            lines.insert(3, "    kw = {}")
            arguments.append("**kw")
        lines += [
            "    o = _new(_cl)",
            f"    _init(o, {', '.join(arguments)})",
            *checks,
            "    return o",
        ]
        source = "\n".join(lines)
        exec(source, names)
        read: Reader = names["read"]
        read.__source__ = source  # type: ignore[attr-defined]  # for whoever debugs a reader
        return read

    def _lines(self, tp: Any, names: dict[str, Any], tag: str, var: str) -> list[str]:
        """Lines that check ``var`` as a ``tp`` and turn it into one, raising to give up."""
        if tp is str or tp is bool or tp is int:
            return [f"if {var}.__class__ is not _{tp.__name__}:", "    raise _GIVE_UP"]
        if tp is date:
            return [
                f"if {var}.__class__ is not _str or len({var}) != 10"
                f" or {var}[4] != '-' or {var}[7] != '-':",
                "    raise _GIVE_UP",
                f"{var} = _date({var})",
            ]
        members = _text_members(tp)
        if members is not None:
            names[f"_m{tag}"] = members
            return [
                f"if {var}.__class__ is not _str:",
                "    raise _GIVE_UP",
                f"{var} = _m{tag}.get({var})",
                f"if {var} is None:",
                "    raise _GIVE_UP",
            ]
        args = get_args(tp)
        if (
            get_origin(tp) in (typing.Union, types.UnionType)
            and len(args) == 2
            and type(None) in args
        ):
            (inner,) = (a for a in args if a is not type(None))
            block = self._lines(inner, names, tag, var)
            return [f"if {var} is not None:", *(f"    {line}" for line in block)]
        names[f"_r{tag}"] = self.value(tp)[0]
        return [f"{var} = _r{tag}({var})"]


# --- leaf readers ------------------------------------------------------------------------
# Each mirrors the strict converter's hook for the well-formed case and gives up otherwise.


def _read_str(value: Any) -> str:
    if value.__class__ is not str:
        raise _GIVE_UP
    return value


def _read_bool(value: Any) -> bool:
    if value.__class__ is not bool:
        raise _GIVE_UP
    return value


def _read_int(value: Any) -> int:
    if value.__class__ is not int:
        raise _GIVE_UP
    return value


def _read_date(value: Any) -> date:
    if value.__class__ is not str or len(value) != 10 or value[4] != "-" or value[7] != "-":
        raise _GIVE_UP
    return date.fromisoformat(value)


def _checked(accepts: Returns, returns: Returns) -> bool:
    """Whether a validator accepting ``accepts`` passes everything a reader ``returns``.

    Types must match exactly: ``instance_of(int)`` refuses a bool, ``a_date`` a datetime.
    """
    if accepts is None or returns is None or accepts[0] != returns[0]:
        return False
    return all(t in accepts[1] for t in returns[1])


@functools.cache
def _text_members(tp: Any) -> dict[str, enum.Enum] | None:
    """An enum's members by their text values, or ``None`` if ``tp`` is no such enum."""
    if not (isinstance(tp, type) and issubclass(tp, enum.Enum)):
        return None
    members = {member.value: member for member in tp}
    return members if all(isinstance(value, str) for value in members) else None


def _enum_reader(tp: type[enum.Enum]) -> Reader:
    members = _text_members(tp)
    assert members is not None
    get = members.get

    def read(value: Any) -> enum.Enum:
        if value.__class__ is not str:
            raise _GIVE_UP
        member = get(value)
        if member is None:
            raise _GIVE_UP
        return member

    return read


def _optional(read: Reader) -> Reader:
    def read_optional(value: object) -> object:
        return None if value is None else read(value)

    return read_optional


def _collection(origin: Any, read: Reader) -> Reader:
    if origin in (frozenset, set):

        def read_set(value: Any) -> object:
            if value.__class__ is not list:
                raise _GIVE_UP
            members = [read(member) for member in value]
            result = frozenset(members)
            if len(result) != len(members):
                raise _GIVE_UP
            return result if origin is frozenset else set(result)

        return read_set
    if read is _read_str:

        def read_texts(value: Any) -> object:
            if value.__class__ is not list:
                raise _GIVE_UP
            for member in value:
                if member.__class__ is not str:
                    raise _GIVE_UP
            return tuple(value) if origin is tuple else list(value)

        return read_texts

    def read_sequence(value: Any) -> object:
        if value.__class__ is not list:
            raise _GIVE_UP
        members = [read(member) for member in value]
        return tuple(members) if origin is tuple else members

    return read_sequence


def reader(converter: Any, special: dict[type, Reader]) -> Callable[[type], Reader | None]:
    """``reader(cl)``: the compiled reader of ``cl`` for ``converter``, or ``None``.

    ``special`` maps types with hooks of their own (PersonId) to their fast readers.
    """
    compiler = _Compiler(converter, special)
    lock = threading.RLock()
    ready: dict[type, Reader | None] = {}

    def reader_of(cl: type) -> Reader | None:
        try:
            return ready[cl]
        except KeyError:
            pass
        # One thread compiles at a time: a class half-compiled by another thread would
        # otherwise look unsupported, and stay read strictly.
        with lock:
            if cl not in ready:
                ready[cl] = compiler.reader(cl)
            return ready[cl]

    return reader_of
