"""Rebuilding the exact-BM25 statistics of one index from its table, on PostgreSQL.

When the index is the only one in the shared tables (the usual case) the rebuild is a bulk
load: truncate, tokenize batch by batch into a temporary table (the progress bar), then count
terms and load postings in two set-wise statements with the indexes dropped, and re-create the
indexes once (a sort each, instead of millions of index insertions). Otherwise the rebuild
deletes this index's rows and re-applies the table batch by batch through search_apply.
All inside the caller's transaction: readers see the old index or the new, never half.
"""

from typing import Any

from app.search.backends.base import Rebuild
from app.search.backends.base import batches as key_batches
from app.search.declaration import SearchSpec

IMPACT_INDEX = (
    "CREATE INDEX search_posting_impact ON search_posting "
    "(term_id, scope, tf DESC, dl) INCLUDE (doc)"
)


def docs_sql(spec: SearchSpec) -> str:
    fields = ", ".join(f"t.{spec.column(f)}::text" for f in spec.fields)
    scope = f"coalesce(t.{spec.scope_column}, 0)" if spec.scope else "0"
    return (
        f"(SELECT array_agg(ROW(t.{spec.pk_column}, {scope}, ARRAY[{fields}])::search_doc) "
        f"FROM {spec.table} t WHERE t.{spec.pk_column} = ANY(%s))"
    )


def bulk(spec: SearchSpec, connection: Any, cursor: Any, job: Rebuild) -> int:
    cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
    cursor.execute("SET LOCAL work_mem = '256MB'")
    cursor.execute("TRUNCATE search_posting, search_term")
    cursor.execute("DROP INDEX IF EXISTS search_posting_impact")
    cursor.execute("ALTER TABLE search_posting DROP CONSTRAINT IF EXISTS search_posting_pkey")
    cursor.execute(
        "CREATE TEMP TABLE search_build (term text, scope bigint, doc uuid, "
        "tf float8, dl int) ON COMMIT DROP"
    )
    done, total_len = 0, 0
    for keys in key_batches(connection, spec, job.batch):
        cursor.execute(
            "INSERT INTO search_build (term, scope, doc, tf, dl) "
            f"SELECT r.term, r.scope, r.doc, r.tf, r.dl FROM search_doc_terms(%s::float8[], "
            f"{docs_sql(spec)}) r",
            [spec.weights, keys],
        )
        done += len(keys)
        job.progress(len(keys))
    cursor.execute("SELECT coalesce(sum(dl), 0) FROM (SELECT DISTINCT doc, dl FROM search_build) d")
    total_len = int(cursor.fetchone()[0])
    cursor.execute(
        "UPDATE search_stats SET n_docs = %s, total_len = %s WHERE idx = %s",
        [done, total_len, spec.name],
    )
    cursor.execute(
        "INSERT INTO search_term (idx, term, df) SELECT %s, term, count(*) "
        "FROM search_build GROUP BY term ORDER BY term",
        [spec.name],
    )
    cursor.execute(
        "INSERT INTO search_posting (term_id, scope, doc, tf, dl) "
        "SELECT t.id, b.scope, b.doc, b.tf, b.dl FROM search_build b "
        "JOIN search_term t ON t.idx = %s AND t.term = b.term "
        "ORDER BY t.id, b.scope, b.tf DESC, b.dl",
        [spec.name],
    )
    cursor.execute("ALTER TABLE search_posting ADD PRIMARY KEY (term_id, scope, doc)")
    cursor.execute(IMPACT_INDEX)
    return done


def incremental(spec: SearchSpec, connection: Any, cursor: Any, job: Rebuild) -> int:
    cursor.execute(
        "DELETE FROM search_posting WHERE term_id IN (SELECT id FROM search_term WHERE idx = %s)",
        [spec.name],
    )
    cursor.execute("DELETE FROM search_term WHERE idx = %s", [spec.name])
    cursor.execute("UPDATE search_stats SET n_docs = 0, total_len = 0 WHERE idx = %s", [spec.name])
    done = 0
    for keys in key_batches(connection, spec, job.batch):
        cursor.execute(
            f"SELECT search_apply(%s, %s::float8[], {docs_sql(spec)}, 1)",
            [spec.name, spec.weights, keys],
        )
        done += len(keys)
        job.progress(len(keys))
    return done


def rebuild(spec: SearchSpec, connection: Any, job: Rebuild) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {spec.table} IN SHARE MODE")  # no writes meanwhile
        cursor.execute("SELECT 1 FROM search_term WHERE idx <> %s LIMIT 1", [spec.name])
        sole = cursor.fetchone() is None
        done = (bulk if sole else incremental)(spec, connection, cursor, job)
        cursor.execute(
            "UPDATE search_version SET version = version + 1 WHERE idx = %s", [spec.name]
        )
    return done
