"""ParadeDB (pg_search) through the official django-paradedb package (MIT).

The BM25 index is ParadeDB's own (`CREATE INDEX ... USING paradedb`, key field first); queries
use its `|||` (match any) and phrase operators on each declared field, `pdb.score()` for the
score, per-field boosts for the declared weights. Scores are tantivy's BM25 (Lucene idf, k1 1.2,
b 0.75, document length in one lossy byte), so they differ from exact BM25 by a few percent.
Only the result-cache version triggers are ours; ParadeDB keeps its index in step itself.
"""

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from app.search.backends import pg_triggers
from app.search.backends.base import QUERY_TIMEOUT_MS, Hit, Rebuild, SearchRequest, as_uuid
from app.search.backends.postgres import install_schema
from app.search.declaration import SearchSpec
from app.search.query import ParsedQuery


def index(spec: SearchSpec) -> Any:
    from paradedb import ParadeDBIndex

    fields: dict[str, dict[str, Any]] = {spec.model._meta.pk.name: {}}
    fields.update({f: {} for f in spec.fields})
    if spec.scope:
        fields[spec.scope] = {}
    for name in spec.filters:
        fields.setdefault(name, {})
    # Partial on live rows: soft-deleted documents then count in none of ParadeDB's statistics.
    condition = Q(**{f"{spec.soft_delete}__isnull": True}) if spec.soft_delete else None
    return ParadeDBIndex(fields=fields, name=f"search_{spec.slug}_bm25"[:63], condition=condition)


def queryset(
    spec: SearchSpec, query: ParsedQuery, *, scope: int, filters: dict[str, Any], k: int
) -> QuerySet:
    """The ORM query ParadeDB runs; built without touching the database (tests compile it)."""
    from paradedb import Boost, MatchAny, ParadeDB, Phrase, Score

    words = Q()
    for name, weight in spec.fields.items():
        # `|||` tokenizes the string and matches any of its words; the boost is the weight.
        text = " ".join(query.terms)
        words |= Q(**{name: ParadeDB(MatchAny(Boost(text, weight) if weight != 1 else text))})
    qs = spec.model._default_manager.filter(words)
    for phrase in query.phrases:
        either = Q()
        for name in spec.fields:
            either |= Q(**{name: ParadeDB(Phrase(" ".join(phrase)))})
        qs = qs.filter(either)
    for term in query.excluded:
        for name in spec.fields:
            qs = qs.exclude(**{name: ParadeDB(MatchAny(term))})
    if spec.scope:
        qs = qs.filter(**{f"{spec.scope}_id": scope})
    qs = qs.filter(**filters)
    # ORDER BY score DESC LIMIT k alone: the shape ParadeDB pushes down as a top-k scan.
    return (
        qs.annotate(search_score=Score())
        .order_by("-search_score")
        .values_list("pk", "search_score")[:k]
    )


class ParadeDBBackend:
    name = "paradedb"

    def install(self, spec: SearchSpec, connection: Any) -> None:
        with connection.cursor() as cursor:
            install_schema(cursor)
            for sql in pg_triggers.trigger_sql(spec, exact=False):
                cursor.execute(sql)
            cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [index(spec).name])
            exists = cursor.fetchone()
        if not exists:
            with connection.schema_editor() as editor:
                editor.add_index(spec.model, index(spec))

    def rebuild(self, spec: SearchSpec, connection: Any, job: Rebuild) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"REINDEX INDEX {connection.ops.quote_name(index(spec).name)}")
            cursor.execute(f"SELECT count(*) FROM {spec.table}")
            count = int(cursor.fetchone()[0])
        job.progress(count)
        return count

    def search(self, req: SearchRequest) -> list[Hit]:
        spec, query, scope, filters, k, connection = req.unpack()
        qs = queryset(spec, query, scope=scope, filters=filters, k=k)
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {QUERY_TIMEOUT_MS}")
            return [(as_uuid(pk), float(score)) for pk, score in qs.using(connection.alias)]
