"""Exact BM25 on plain PostgreSQL (see pg_schema.py and pg_scorer.py for the SQL)."""

from typing import Any

from django.db import OperationalError, transaction

from app.search.backends import pg_build, pg_schema, pg_scorer, pg_triggers
from app.search.backends.base import (
    QUERY_TIMEOUT_MS,
    Hit,
    Rebuild,
    SearchRequest,
    SearchTimeout,
    as_uuid,
    filter_sql,
)
from app.search.declaration import SearchSpec

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS search_version (
  idx text NOT NULL, scope bigint NOT NULL, version bigint NOT NULL, PRIMARY KEY (idx, scope));
"""


def install_schema(cursor: Any) -> None:
    for sql in [
        VERSION_TABLE,
        pg_schema.TABLES,
        pg_schema.APPLY,
        pg_schema.TERM_TOP,
        *pg_scorer.ALL,
    ]:
        cursor.execute(sql)


def phrase_sql(spec: SearchSpec, phrases: tuple[tuple[str, ...], ...], alias: str):
    """Each phrase must occur in one field: its words in order, separated by non-words only.
    Words are letters and digits (the tokenizer made them), so they need no regex escaping."""
    parts, params = [], []
    for phrase in phrases:
        pattern = "(^|[^[:alnum:]])" + "[^[:alnum:]]+".join(phrase) + "($|[^[:alnum:]])"
        ors = " OR ".join(f"lower({alias}.{spec.column(f)}) ~ %s" for f in spec.fields)
        parts.append(f" AND ({ors})")
        params.extend([pattern] * len(spec.fields))
    return "".join(parts), params


class PostgresBM25:
    name = "postgres"

    def install(self, spec: SearchSpec, connection: Any) -> None:
        with connection.cursor() as cursor:
            install_schema(cursor)
            for sql in pg_triggers.trigger_sql(spec, exact=True):
                cursor.execute(sql)

    def rebuild(self, spec: SearchSpec, connection: Any, job: Rebuild) -> int:
        with transaction.atomic(using=connection.alias):
            self.install(spec, connection)
            return pg_build.rebuild(spec, connection, job)

    def index_is_empty(self, spec: SearchSpec, connection: Any) -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT n_docs FROM search_stats WHERE idx = %s", [spec.name])
            row = cursor.fetchone()
        return row is None or row[0] == 0

    def search(self, req: SearchRequest) -> list[Hit]:
        spec, query, scope, filters, k, connection = req.unpack()
        terms, excluded = list(query.terms), list(query.excluded)
        if not filters and not query.phrases:
            sql = "SELECT doc, score FROM search_topk(%s, %s, %s, %s, %s)"
            params: list[Any] = [spec.name, terms, scope, k, excluded]
        else:
            where, fparams = filter_sql(spec, filters, "t")
            phrases, pparams = phrase_sql(spec, query.phrases, "t")
            # Each scored document's row is fetched by its key and only then checked: as a join
            # the planner scanned the whole table, running the phrase's regex on every row of
            # every owner (EXPLAIN ANALYZE on the load test's 11,700 tasks: 79 ms, now 6 ms).
            # OFFSET 0 keeps the planner from flattening the LATERAL back into that join.
            sql = (
                f"SELECT s.doc, s.score FROM search_all(%s, %s, %s, %s) s "
                f"CROSS JOIN LATERAL (SELECT 1 FROM {spec.table} t "
                f"WHERE t.{spec.pk_column} = s.doc{where}{phrases} OFFSET 0) t "
                f"ORDER BY s.score DESC, s.doc LIMIT %s"
            )
            params = [spec.name, terms, scope, excluded, *fparams, *pparams, k]
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {QUERY_TIMEOUT_MS}")
                cursor.execute(sql, params)
                return [(as_uuid(doc), float(score)) for doc, score in cursor.fetchall()]
        except OperationalError as exc:
            if "statement timeout" in str(exc):
                raise SearchTimeout from exc
            raise
