"""Backend choice: SEARCH_BACKEND = "auto" (default) | "paradedb" | "postgres" | "sqlite".

auto: SQLite -> FTS5; PostgreSQL with the pg_search extension -> ParadeDB; other PostgreSQL ->
exact BM25 computed by us.
"""

from typing import Any

from django.conf import settings
from django.db import connections

from app.search.backends.base import Backend, SearchTimeout
from app.search.backends.paradedb import ParadeDBBackend
from app.search.backends.postgres import PostgresBM25
from app.search.backends.sqlite import SQLiteFTS5

BACKENDS: dict[str, type] = {
    "paradedb": ParadeDBBackend,
    "postgres": PostgresBM25,
    "sqlite": SQLiteFTS5,
}
_chosen: dict[str, str] = {}

__all__ = ["BACKENDS", "Backend", "SearchTimeout", "backend_name", "get_backend"]


def has_pg_search(connection: Any) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_search'")
        return cursor.fetchone() is not None


def backend_name(alias: str = "default") -> str:
    if alias not in _chosen:
        connection = connections[alias]
        wanted = getattr(settings, "SEARCH_BACKEND", "auto")
        if wanted != "auto":
            if wanted not in BACKENDS:
                raise ValueError(f"SEARCH_BACKEND must be auto or one of {sorted(BACKENDS)}")
            _chosen[alias] = wanted
        elif connection.vendor == "sqlite":
            _chosen[alias] = "sqlite"
        elif connection.vendor == "postgresql":
            _chosen[alias] = "paradedb" if has_pg_search(connection) else "postgres"
        else:
            raise ValueError(f"no search backend for the {connection.vendor} database")
    return _chosen[alias]


def get_backend(alias: str = "default") -> Backend:
    return BACKENDS[backend_name(alias)]()


def forget_choice() -> None:
    """Re-detect on next use (after installing or removing pg_search)."""
    _chosen.clear()
