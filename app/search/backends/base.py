"""What every backend provides. Backends return (primary key, score) best first; the manager
turns them into objects. Scores are "higher is better" on every backend (FTS5's are negated)."""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from app.search.declaration import SearchSpec
from app.search.query import ParsedQuery

Hit = tuple[uuid.UUID, float]
QUERY_TIMEOUT_MS = 2000  # no search may run longer: a runaway query is cut, not waited for


class SearchTimeout(Exception):
    """The backend gave up after QUERY_TIMEOUT_MS; the API answers 503."""


@dataclass(frozen=True)
class SearchRequest:
    spec: SearchSpec
    query: ParsedQuery
    scope: int
    filters: dict[str, Any]
    k: int
    connection: Any

    def unpack(self) -> tuple[SearchSpec, ParsedQuery, int, dict[str, Any], int, Any]:
        return self.spec, self.query, self.scope, self.filters, self.k, self.connection


@dataclass
class Rebuild:
    """A rebuild's batch size and progress callback (called with each batch's row count)."""

    batch: int = 5000
    progress: Callable[[int], None] = lambda n: None


class Backend(Protocol):
    name: str

    def install(self, spec: SearchSpec, connection: Any) -> None: ...

    def rebuild(self, spec: SearchSpec, connection: Any, job: Rebuild) -> int: ...

    def search(self, req: SearchRequest) -> list[Hit]: ...


def as_uuid(value: object) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def batches(connection: Any, spec: SearchSpec, size: int) -> Iterable[list[Any]]:
    """Primary keys of live rows in key order, `size` at a time (keyset: memory stays flat)."""
    pk, table = spec.pk_column, spec.table
    alive = f"AND {spec.soft_delete} IS NULL" if spec.soft_delete else ""
    last = None
    with connection.cursor() as cursor:
        while True:
            if last is None:
                cursor.execute(
                    f"SELECT {pk} FROM {table} WHERE 1=1 {alive} ORDER BY {pk} LIMIT %s", [size]
                )
            else:
                cursor.execute(
                    f"SELECT {pk} FROM {table} WHERE {pk} > %s {alive} ORDER BY {pk} LIMIT %s",
                    [last, size],
                )
            keys = [row[0] for row in cursor.fetchall()]
            if not keys:
                return
            yield keys
            last = keys[-1]


def filter_sql(spec: SearchSpec, filters: dict[str, Any], alias: str) -> tuple[str, list[Any]]:
    """`AND col = %s ...` for declared filters (the manager has already validated the names)."""
    parts, params = [], []
    for name, value in sorted(filters.items()):
        parts.append(f" AND {alias}.{spec.column(name)} = %s")
        params.append(value)
    return "".join(parts), params
