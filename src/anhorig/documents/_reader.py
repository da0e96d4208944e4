"""Compiled readers: the fast way to read a well-formed document, checked against the strict one.

The strict converter in ``anhorig.serialization`` explains every bad path of a
document; that bookkeeping costs most of its time even when nothing is wrong. A
reader here is a function compiled per attrs class that reads a *well-formed*
document only: at the first thing it does not expect it gives up, and the strict
converter reads the document again and says what is wrong (handing each object to its
reader first, and reading strictly only those a reader gives up on). So a reader never
decides that a document is bad; it only has to be right about the good ones,
and the test suite checks that it gives the same object as the strict converter
for every document the testing kit can produce, good and bad.

A reader builds an object as pickle does: ``object.__new__``, then every field set
with ``object.__setattr__``, then whatever else the class's ``__setstate__`` (which
attrs writes for every slotted class) sets on a new object: attrs clears a cached hash
there. Around that it does what the class's own ``__init__`` would, through attrs'
public description of the class (`attrs.fields`): defaults and factories, converters,
then the validators, then ``__attrs_post_init__``. A validator whose description
(``anhorig._checks.describe``) says it checks only a type the reader has just checked
is left out, and one the reader can write as a condition (`._conditions`) is written
out; every other validator is called. A class whose ``__init__`` is its own, or that
attrs did not make slotted, is read strictly.
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

from anhorig.documents._conditions import Returns, condition, parts, satisfies, type_only

__all__ = ["Reader", "reader"]

Reader = Callable[[Any], Any]


class _GiveUp(Exception):
    """The document is not one a reader reads; the strict converter takes over."""


_GIVE_UP = _GiveUp()


class _Unsupported(Exception):
    """A class a reader cannot be compiled for; it is always read strictly."""


def _check_supported(cl: type) -> None:
    """Raise `_Unsupported` unless a reader can build ``cl`` as its ``__init__`` would."""
    own = vars(cl)
    if "__attrs_attrs__" not in own or "__init__" not in own or "__attrs_init__" in own:
        # Not made by attrs itself, or with an __init__ of its own (attrs then writes
        # __attrs_init__ instead): only that __init__ knows how to build it.
        raise _Unsupported(f"{cl.__name__} has its own __init__")
    if "__setstate__" not in own:
        raise _Unsupported(f"{cl.__name__} is not a slotted attrs class")
    if hasattr(cl, "__attrs_pre_init__"):
        raise _Unsupported(f"{cl.__name__} has __attrs_pre_init__")
    for field in attrs.fields(cl):
        if isinstance(field.converter, attrs.Converter):  # may take the instance or field
            raise _Unsupported(f"{cl.__name__}.{field.name} has an attrs.Converter")


def _set_by_setstate(cl: type) -> dict[str, Any]:
    """What ``cl.__setstate__`` sets on a new object besides the fields, by name."""
    probe: Any = object.__new__(cl)
    cl.__setstate__(probe, {})  # type: ignore[attr-defined]  # attrs wrote it
    fields = {field.name for field in attrs.fields(cl)}
    found: dict[str, Any] = {}
    for klass in cl.__mro__:
        slots = getattr(klass, "__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name in fields or name in ("__weakref__", "__dict__"):
                continue
            try:
                found[name] = object.__getattribute__(probe, name)
            except AttributeError:
                continue  # not set: a cached property's slot, say
    return found


def _setter(cl: type, name: str) -> Callable[[Any, Any], None] | None:
    """The ``__set__`` of the slot that holds field ``name`` of ``cl``, if it is a plain slot:
    calling it skips the look-up by name that ``object.__setattr__`` makes for each field."""
    for klass in cl.__mro__:
        found = vars(klass).get(name)
        if found is not None:
            if isinstance(found, types.MemberDescriptorType):
                setter: Callable[[Any, Any], None] = found.__set__
                return setter
            return None
    return None


def _set_line(cl: type, name: str, index: int, names: dict[str, Any]) -> str:
    """The line that sets field ``name`` of ``cl`` on ``o`` to ``a<index>``."""
    setter = _setter(cl, name)
    if setter is None:
        return f"_set(o, {name!r}, a{index})"
    names[f"_s{index}_set"] = setter
    return f"_s{index}_set(o, a{index})"


def _validation(
    field: attrs.Attribute[Any], index: int, names: dict[str, Any], read_as: dict[str, Returns]
) -> list[str]:
    """Lines that run ``field``'s validators on ``o``, leaving out what the reader checked.

    The field's value is in the local ``a<index>`` (what was set on ``o``), which is read
    faster than the attribute."""
    if field.validator is None:
        return []
    names[f"_a{index}"] = field
    returns = read_as.get(field.name)
    lines: list[str] = []
    for number, validator in enumerate(parts(field.validator)):
        if satisfies(returns, type_only(validator)):
            continue  # the reader has already checked this type
        tag = f"{index}_{number}"
        written = condition(validator)
        if (
            written is not None
            and satisfies(returns, written[0])
            and all(satisfies(read_as.get(name), need) for name, need in written[3].items())
        ):
            _, template, objects, _ = written
            renamed = {key: f"_o{tag}_{key}" for key in objects}
            names.update({renamed[key]: obj for key, obj in objects.items()})
            text = template.format(v=f"a{index}", o="o", **renamed)
            lines += [f"    if not ({text}):", "        raise _GIVE_UP"]
            continue
        names[f"_v{tag}"] = validator
        lines.append(f"    _v{tag}(o, _a{index}, a{index})")
    return lines


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
        _check_supported(cl)
        fields = attrs.fields(attrs.resolve_types(cl))
        names: dict[str, Any] = {
            "_GIVE_UP": _GIVE_UP,
            "_dict": dict,
            "_str": str,
            "_bool": bool,
            "_int": int,
            "_date": date.fromisoformat,
            "_new": object.__new__,
            "_set": object.__setattr__,
            "_cl": cl,
        }
        lines = [
            "def read(d):",
            "    if d.__class__ is not _dict:",
            "        raise _GIVE_UP",
            "    o = _new(_cl)",
            "    n = 0",
        ]
        # No key but the fields': every required one is read (or KeyError gives up) and
        # each optional one found is counted, so the dict holds no other key exactly when
        # its length is that count; cheaper than a set comparison per object (issue 14).
        required = 0
        checks: list[str] = []
        read_as = {f.name: self.value(f.type)[1] for f in fields if f.init and f.converter is None}
        for index, field in enumerate(fields):
            var = f"a{index}"
            default = field.default
            if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                names[f"_f{index}"] = default.factory
                # A factory taking self reads the fields before it, already set on o.
                takes = "o" if default.takes_self else ""
                made = [f"{var} = _f{index}({takes})"]
            elif default is not attrs.NOTHING:
                names[f"_d{index}"] = default
                made = [f"{var} = _d{index}"]
            else:
                made = []
            if field.init:
                block = self._lines(field.type, names, str(index), var)
                key = repr(field.name)
                if not made:
                    required += 1
                    lines += [f"    {var} = d[{key}]", *(f"    {line}" for line in block)]
                else:
                    lines += [f"    if {key} in d:", "        n += 1", f"        {var} = d[{key}]"]
                    lines += [f"        {line}" for line in block]
                    lines += ["    else:", *(f"        {line}" for line in made)]
            elif made:
                lines += [f"    {line}" for line in made]
            else:
                continue  # set by __attrs_post_init__, if at all
            converter = field.converter
            if converter is not None:  # attrs converts defaults too
                names[f"_c{index}"] = converter
                lines.append(f"    {var} = _c{index}({var})")
            lines.append(f"    {_set_line(cl, field.name, index, names)}")
            checks += _validation(field, index, names, read_as)
        lines += [f"    if len(d) != n + {required}:", "        raise _GIVE_UP"]
        for number, (name, value) in enumerate(_set_by_setstate(cl).items()):
            names[f"_s{number}"] = value
            lines.append(f"    _set(o, {name!r}, _s{number})")
        lines += checks
        if hasattr(cl, "__attrs_post_init__"):
            lines.append("    o.__attrs_post_init__()")
        lines.append("    return o")
        source = "\n".join(lines)
        # A file name per class: profiles and tracebacks tell the readers apart.
        exec(compile(source, f"<reader of {cl.__module__}.{cl.__qualname__}>", "exec"), names)
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
