"""Append-only persistence for consent records and respite ledgers (*lagring*).

``open_store("sqlite:///anhorig.db")`` (the standard library's SQLite) or
``open_store("postgresql://...")`` (``pip install "anhorig[postgres]"``); then
:meth:`Store.append` records, and :meth:`Store.registry` and :meth:`Store.ledger` answer
from them, loading what a question needs on first use. See :mod:`anhorig.store.store`.
"""

from anhorig.store._backend import StoreError
from anhorig.store._schema import SCHEMA_VERSION
from anhorig.store.ledger import StoreLedger
from anhorig.store.registry import StoreRegistry
from anhorig.store.store import Appended, Purge, Store, Stored, StoreRecord, open_store

__all__ = [
    "SCHEMA_VERSION",
    "Appended",
    "Purge",
    "Store",
    "StoreError",
    "StoreLedger",
    "StoreRecord",
    "StoreRegistry",
    "Stored",
    "open_store",
]
