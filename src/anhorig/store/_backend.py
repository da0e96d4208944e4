"""The two databases behind one small interface: SQLite (standard library) and PostgreSQL.

Everything above this module speaks one SQL dialect (``?`` placeholders, the common
subset of both databases) and one notion of a write: :meth:`Backend.write` opens a
transaction holding the store's single write lock, so appends are serialised and a
record's sequence number order is also its commit order. That is what lets a reader
that has seen sequence number ``n`` ask only for ``seq > n`` and never miss a record
committed late: no record with a smaller number can commit after one with a larger.

SQLite: WAL mode (readers never wait for the writer), a busy timeout, and
``BEGIN IMMEDIATE`` for writes (the database's own write lock). PostgreSQL: psycopg 3,
imported only when a ``postgresql://`` store is opened, autocommit reads, and writes
that first take a transaction-scoped advisory lock.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlsplit

from anhorig.errors import InvalidInput, Problem

__all__ = ["Backend", "StoreError", "connect", "masked_url"]

BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for another process's write before giving up."""

_ADVISORY_LOCK = 0x616E686F72696701
"""The PostgreSQL advisory lock every append holds (an arbitrary, fixed bigint)."""


class StoreError(InvalidInput):
    """The store cannot be used (*lagret kan inte användas*): a bad URL, a database that
    cannot be reached, a store written by a newer anhorig, PostgreSQL without psycopg.

    An :class:`~anhorig.errors.InvalidInput`, so the command line reports it as
    unreadable input (exit code 2) with its message in Swedish and English.
    """

    @classmethod
    def because(cls, *, sv: str, en: str) -> StoreError:
        """An error about the store itself (path ``store``)."""
        return cls((Problem.make("store", sv=sv, en=en),))


Row = tuple[Any, ...]


class Backend(Protocol):
    """What the store needs from a database."""

    dialect: str

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        """Run one statement and return every row."""
        ...

    def run_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        """Run one statement once per row of parameters."""
        ...

    def write(self) -> contextlib.AbstractContextManager[None]:
        """A transaction holding the store's write lock; rolled back on an exception."""
        ...

    def server_clock(self) -> datetime:
        """The database server's clock (aware, UTC): the one clock all writers share."""
        ...

    def instant_in(self, value: datetime) -> object:
        """``value`` as the database stores an instant."""
        ...

    def instant_out(self, value: object) -> datetime:
        """An instant read back from the database (aware, UTC)."""
        ...

    def close(self) -> None:
        """Close the connection."""
        ...


def masked_url(url: str) -> str:
    """``url`` with any password replaced by ``***`` (for reprs and messages)."""
    return re.sub(r"(//[^/:@]*:)[^/@]*@", r"\1***@", url)


def connect(url: str) -> Backend:
    """A backend for ``url``: ``sqlite:///path``, ``sqlite:///:memory:`` or ``postgresql://...``."""
    if not isinstance(url, str):
        raise StoreError.because(
            sv=f"väntade en URL, fick {type(url).__name__}",
            en=f"expected a URL, got {type(url).__name__}",
        )
    scheme = url.partition(":")[0].lower()
    if scheme == "sqlite":
        return _Sqlite(_sqlite_path(url))
    if scheme in ("postgresql", "postgres"):
        return _Postgres(url)
    raise StoreError.because(
        sv=f"okänd lagrings-URL {masked_url(url)[:80]!r}: använd sqlite:///sökväg eller postgresql://...",
        en=f"unknown store URL {masked_url(url)[:80]!r}: use sqlite:///path or postgresql://...",
    )


def _sqlite_path(url: str) -> str:
    parts = urlsplit(url)
    if parts.netloc or parts.query or parts.fragment or not parts.path.startswith("/"):
        raise StoreError.because(
            sv=f"en SQLite-URL skrivs sqlite:///relativ/sökväg eller sqlite:////absolut/sökväg, fick {url[:80]!r}",
            en=f"a SQLite URL is sqlite:///relative/path or sqlite:////absolute/path, got {url[:80]!r}",
        )
    path = unquote(parts.path[1:])
    if not path:
        raise StoreError.because(sv="SQLite-URL:en saknar sökväg", en="the SQLite URL has no path")
    return path


class _Sqlite:
    """SQLite through the standard library: one connection, used under a lock."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        if path != ":memory:" and not Path(path).parent.is_dir():
            raise StoreError.because(
                sv=f"katalogen för {path!r} finns inte", en=f"the folder of {path!r} does not exist"
            )
        try:
            self._db = sqlite3.connect(
                path,
                isolation_level=None,  # autocommit; writes say BEGIN IMMEDIATE themselves
                check_same_thread=False,  # shared between threads under self._lock
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.Error as exc:
            raise StoreError.because(
                sv=f"SQLite-databasen kan inte öppnas ({exc})",
                en=f"the SQLite database cannot be opened ({exc})",
            ) from None
        self._lock = threading.RLock()

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def run_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        with self._lock:
            self._db.executemany(sql, rows)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def server_clock(self) -> datetime:
        (text,) = self.query("SELECT strftime('%Y-%m-%dT%H:%M:%f', 'now')")[0]
        return datetime.fromisoformat(str(text)).replace(tzinfo=UTC)

    def instant_in(self, value: datetime) -> object:
        # Fixed width, so text order is time order.
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def instant_out(self, value: object) -> datetime:
        return datetime.strptime(str(value), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)

    def close(self) -> None:
        with self._lock:
            self._db.close()


class _Postgres:
    """PostgreSQL through psycopg 3 (the ``postgres`` extra), imported only here."""

    dialect = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError.because(
                sv='PostgreSQL kräver psycopg: pip install "anhorig[postgres]"',
                en='PostgreSQL needs psycopg: pip install "anhorig[postgres]"',
            ) from None
        try:
            self._db: Any = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            reason = masked_url(str(exc).strip().splitlines()[0] if str(exc).strip() else "")
            raise StoreError.because(
                sv=f"PostgreSQL-databasen kan inte nås ({reason})",
                en=f"the PostgreSQL database cannot be reached ({reason})",
            ) from None
        self._lock = threading.RLock()

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def query(self, sql: str, params: Sequence[object] = ()) -> list[Row]:
        with self._lock:
            cursor = self._db.execute(self._sql(sql), params)
            return list(cursor.fetchall()) if cursor.description is not None else []

    def run_many(self, sql: str, rows: Sequence[Sequence[object]]) -> None:
        if not rows:
            return
        with self._lock, self._db.cursor() as cursor:
            cursor.executemany(self._sql(sql), rows)

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        with self._lock, self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_ADVISORY_LOCK,))
            yield

    def server_clock(self) -> datetime:
        value = self.query("SELECT clock_timestamp()")[0][0]
        assert isinstance(value, datetime)
        return value.astimezone(UTC)

    def instant_in(self, value: datetime) -> object:
        return value.astimezone(UTC)

    def instant_out(self, value: object) -> datetime:
        assert isinstance(value, datetime)
        return value.astimezone(UTC)

    def close(self) -> None:
        with self._lock:
            self._db.close()
