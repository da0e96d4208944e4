"""The store's tables, their version, and the steps that upgrade an older store.

Version 1:

``meta``
    ``schema_version``, the anhorig version that created the store, and the store's
    secret for person keys.
``records``
    one row per record, never updated: ``seq`` (the sequence number), ``kind`` (the
    document type), ``record_id`` (its id, or a digest of its document for the kinds
    without one), ``person`` (the keyed digest of the person it is about: the subject of a
    consent record, the person cared for of a grant and of its bookings and cancellations),
    ``grant_id`` (for grants, bookings and cancellations), ``at_s`` (a ledger entry's own
    instant, epoch seconds), ``recorded_at`` (when the store took it, by the database's
    clock, never decreasing with ``seq``) and ``document`` (the record as anhorig's own JSON
    document, byte for byte what :func:`anhorig.serialization.to_json` wrote).
    ``UNIQUE (kind, record_id)`` makes two records with one id impossible.
``mentions``
    every other person a record names (a grantor, a recipient, a carer), by keyed
    digest, so an export for the right of access finds them too.
``purges``
    the audit of every gallring: when, what date, why, by whom and how many of each
    kind; never who.
"""

from __future__ import annotations

from collections.abc import Callable

from anhorig.store._backend import Backend, StoreError

__all__ = ["SCHEMA_VERSION", "UPGRADES", "create_or_upgrade"]

SCHEMA_VERSION = 1
"""The version of the tables this anhorig writes."""

_TABLES: dict[str, tuple[str, ...]] = {
    "sqlite": (
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS records (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            person TEXT,
            grant_id TEXT,
            at_s INTEGER,
            recorded_at TEXT NOT NULL,
            document TEXT NOT NULL,
            UNIQUE (kind, record_id))""",
        """CREATE TABLE IF NOT EXISTS mentions (
            person TEXT NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (person, seq))""",
        """CREATE TABLE IF NOT EXISTS purges (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            purged_at TEXT NOT NULL,
            before TEXT NOT NULL,
            reason TEXT NOT NULL,
            operator TEXT NOT NULL,
            counts TEXT NOT NULL)""",
    ),
    "postgresql": (
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE IF NOT EXISTS records (
            seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            kind TEXT NOT NULL,
            record_id TEXT NOT NULL,
            person TEXT,
            grant_id TEXT,
            at_s BIGINT,
            recorded_at TIMESTAMPTZ NOT NULL,
            document TEXT NOT NULL,
            UNIQUE (kind, record_id))""",
        """CREATE TABLE IF NOT EXISTS mentions (
            person TEXT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (person, seq))""",
        """CREATE TABLE IF NOT EXISTS purges (
            id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            purged_at TIMESTAMPTZ NOT NULL,
            before DATE NOT NULL,
            reason TEXT NOT NULL,
            operator TEXT NOT NULL,
            counts TEXT NOT NULL)""",
    ),
}

_INDEXES = (
    # Partial: policies and units have no person, consent records no grant; every index
    # makes each append dearer, so the store has only the ones its reads need.
    "CREATE INDEX IF NOT EXISTS records_person ON records (person, seq) WHERE person IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS records_grant ON records (grant_id, seq) "
    "WHERE grant_id IS NOT NULL",
)

UPGRADES: dict[int, Callable[[Backend], None]] = {}
"""Step ``n`` upgrades a store of version ``n`` to ``n + 1`` (inside the write lock).
There are none yet: version 1 is the first."""


def _meta(db: Backend) -> dict[str, str] | None:
    """The meta table, or ``None`` if the database has none yet."""
    exists = (
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        if db.dialect == "sqlite"
        else "SELECT 1 WHERE to_regclass('meta') IS NOT NULL"
    )
    if not db.query(exists):
        return None
    return {str(k): str(v) for k, v in db.query("SELECT key, value FROM meta")}


def _refuse_newer(meta: dict[str, str]) -> int:
    version = int(meta["schema_version"])
    if version > SCHEMA_VERSION:
        raise StoreError.because(
            sv=f"lagret har schemaversion {version}, skriven av en nyare anhorig "
            f"({meta.get('created_by', '?')}); den här förstår version {SCHEMA_VERSION}: "
            "uppgradera anhorig",
            en=f"the store has schema version {version}, written by a newer anhorig "
            f"({meta.get('created_by', '?')}); this one understands version "
            f"{SCHEMA_VERSION}: upgrade anhorig",
        )
    return version


def create_or_upgrade(db: Backend, *, secret: str, created_by: str) -> dict[str, str]:
    """Create the tables if the database has none, upgrade them if older, and refuse a
    store written by a newer anhorig (before touching anything). Returns the meta table.
    Safe when several processes open one new store at once: the first creates, the others
    find it made."""
    meta = _meta(db)
    if meta is not None and "schema_version" in meta and _refuse_newer(meta) == SCHEMA_VERSION:
        return meta  # the common case: no lock, no DDL
    with db.write():
        meta = _meta(db)
        if meta is None or "schema_version" not in meta:
            for statement in (*_TABLES[db.dialect], *_INDEXES):
                db.query(statement)
            meta = {
                "schema_version": str(SCHEMA_VERSION),
                "created_by": created_by,
                "person_key_secret": secret,
            }
            db.run_many("INSERT INTO meta (key, value) VALUES (?, ?)", list(meta.items()))
            return meta
        version = _refuse_newer(meta)
        while version < SCHEMA_VERSION:
            UPGRADES[version](db)
            version += 1
            db.query("DELETE FROM meta WHERE key = 'schema_version'")
            db.query("INSERT INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))
            meta["schema_version"] = str(version)
        return meta
