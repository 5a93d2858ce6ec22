"""SQLite FTS5 backend: FTS5's own bm25() with the declared column weights."""

import time
from typing import Any

from django.db import OperationalError, transaction

from app.search.backends import sqlite_schema
from app.search.backends.base import (
    QUERY_TIMEOUT_MS,
    Hit,
    Rebuild,
    SearchRequest,
    SearchTimeout,
    as_uuid,
    filter_sql,
)
from app.search.backends.base import batches as key_batches
from app.search.declaration import SearchSpec
from app.search.query import ParsedQuery


def _quote(term: str) -> str:
    # Tokens are letters and digits only; quoting still makes FTS5 treat e.g. "and"/"not" as words.
    return '"' + term.replace('"', '""') + '"'


def match_expression(query: ParsedQuery) -> str:
    """Phrases required, all positive terms OR-ed (ranked), excluded words cut with NOT."""
    parts = [_quote(" ".join(p)) for p in query.phrases]
    parts.append("(" + " OR ".join(_quote(t) for t in query.terms) + ")")
    expr = " AND ".join(parts)
    for term in query.excluded:
        expr += f" NOT {_quote(term)}"
    return expr


class SQLiteFTS5:
    name = "sqlite"

    def install(self, spec: SearchSpec, connection: Any) -> None:
        with connection.cursor() as cursor:
            for sql in sqlite_schema.trigger_sql(spec):
                cursor.execute(sql)

    def rebuild(self, spec: SearchSpec, connection: Any, job: Rebuild) -> int:
        fts, mp = sqlite_schema.fts_table(spec), sqlite_schema.map_table(spec)
        cols = ", ".join(spec.column(f) for f in spec.fields)
        src = ", ".join(f"t.{spec.column(f)}" for f in spec.fields)
        scope = f"coalesce(t.{spec.scope_column}, 0)" if spec.scope else "0"
        done = 0
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            self.install(spec, connection)
            cursor.execute(f"DELETE FROM {fts}")
            cursor.execute(f"DELETE FROM {mp}")
            for keys in key_batches(connection, spec, job.batch):
                marks = ",".join(["%s"] * len(keys))
                cursor.execute(
                    f"INSERT INTO {mp} (doc, scope) SELECT t.{spec.pk_column}, {scope} "
                    f"FROM {spec.table} t WHERE t.{spec.pk_column} IN ({marks})",
                    keys,
                )
                cursor.execute(
                    f"INSERT INTO {fts} (rowid, {cols}) SELECT m.rowid, {src} "
                    f"FROM {mp} m JOIN {spec.table} t ON t.{spec.pk_column} = m.doc "
                    f"WHERE m.doc IN ({marks})",
                    keys,
                )
                done += len(keys)
                job.progress(len(keys))
            cursor.execute(
                "UPDATE search_version SET version = version + 1 WHERE idx = %s", [spec.name]
            )
        return done

    def search(self, req: SearchRequest) -> list[Hit]:
        spec, query, scope, filters, k, connection = req.unpack()
        fts, mp = sqlite_schema.fts_table(spec), sqlite_schema.map_table(spec)
        weights = ", ".join(repr(float(w)) for w in spec.weights)
        where, fparams = filter_sql(spec, filters, "t")
        join = f"JOIN {spec.table} t ON t.{spec.pk_column} = m.doc" if filters else ""
        sql = (
            f"SELECT m.doc, -bm25({fts}, {weights}) AS score FROM {fts} "
            f"JOIN {mp} m ON m.rowid = {fts}.rowid {join} "
            f"WHERE {fts} MATCH %s AND m.scope = %s{where} ORDER BY score DESC, m.doc LIMIT %s"
        )
        connection.ensure_connection()
        raw = connection.connection
        deadline = time.monotonic() + QUERY_TIMEOUT_MS / 1000
        # SQLite has no statement timeout: a progress handler returning true aborts the query.
        raw.set_progress_handler(lambda: time.monotonic() > deadline, 10_000)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, [match_expression(query), scope, *fparams, k])
                return [(as_uuid(doc), float(score)) for doc, score in cursor.fetchall()]
        except OperationalError as exc:
            if "interrupted" in str(exc):
                raise SearchTimeout from exc
            raise
        finally:
            raw.set_progress_handler(None, 0)
