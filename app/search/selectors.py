"""Reads: one page of search results for a user, cache-aside, with a signed cursor."""

from typing import Any

from django.core import signing

from app.search.backends import backend_name
from app.search.caching import SEARCH_RESULTS, index_version, request_digest
from app.search.declaration import REGISTRY, SearchSpec
from app.search.manager import MAX_WINDOW, SearchResults, split_filters
from app.search.query import QueryError, parse

_CURSOR_SALT = "app.search.cursor"


def get_spec(name: str | None = None) -> SearchSpec:
    """The named index, or the only/first registered one."""
    if name is None:
        if not REGISTRY:
            raise QueryError("index", "no model is searchable")
        return next(iter(REGISTRY.values()))
    if name not in REGISTRY:
        raise QueryError("index", f"unknown index; one of: {', '.join(sorted(REGISTRY))}")
    return REGISTRY[name]


def encode_cursor(digest: str, offset: int) -> str:
    return signing.dumps({"d": digest, "o": offset}, salt=_CURSOR_SALT, compress=True)


def decode_cursor(cursor: str | None, digest: str) -> int:
    """The offset a cursor carries; QueryError if it was forged or belongs to another query."""
    if not cursor:
        return 0
    try:
        data = signing.loads(cursor, salt=_CURSOR_SALT)
    except signing.BadSignature as exc:
        raise QueryError("cursor", "is not a valid cursor") from exc
    if data.get("d") != digest or not isinstance(data.get("o"), int):
        raise QueryError("cursor", "belongs to another query")
    return int(data["o"])


def search_page(
    *,
    spec: SearchSpec,
    q: str,
    scope: Any,
    filters: dict[str, Any],
    limit: int,
    cursor: str | None = None,
) -> dict[str, Any]:
    """{"results": [{id, score, snippet, object}], "next_cursor", "query"}: plain data."""
    query = parse(q)
    scope_id, filters = split_filters(
        spec, {spec.scope: scope, **filters} if spec.scope else filters
    )
    digest = request_digest(spec.name, query.normalized(), filters, limit)
    offset = decode_cursor(cursor, digest)
    if query.is_empty:
        return {"results": [], "next_cursor": None, "query": query.normalized()}

    def compute() -> dict[str, Any]:
        results = SearchResults(spec, query, scope_id, filters)
        hits = results.hits(min(offset + limit + 1, MAX_WINDOW))
        page = results.objects(hits[offset : offset + limit])
        more = len(hits) > offset + limit and offset + 2 * limit <= MAX_WINDOW
        return {
            "results": [
                {
                    "id": str(obj.pk),
                    "score": obj.score,
                    "snippet": str(obj.snippet),
                    "object": {f: getattr(obj, f) for f in spec.summary},
                }
                for obj in page
            ],
            "next_cursor": encode_cursor(digest, offset + limit) if more else None,
            "query": query.normalized(),
        }

    version = index_version(spec, scope_id)
    return SEARCH_RESULTS.get_or_set(
        spec.name, scope_id, version, backend_name(), digest, offset, compute=compute
    )
