"""`Model.search`: the only way callers search. Validates filters, picks the backend, and turns
(pk, score) hits into model objects carrying `score` and `snippet`."""

from typing import Any

from django.db import connections

from app.search.backends import get_backend
from app.search.backends.base import Hit, SearchRequest
from app.search.declaration import SearchSpec
from app.search.query import ParsedQuery, QueryError, parse
from app.search.snippets import snippet

DEFAULT_LIMIT = 20
MAX_WINDOW = 1000  # offset + limit: deep pages cost a full top-k each; nobody reads page 50


class SearchManager:
    def __init__(self, spec: SearchSpec) -> None:
        self.spec = spec

    def bm25(self, q: str | ParsedQuery, **filters: Any) -> "SearchResults":
        query = q if isinstance(q, ParsedQuery) else parse(q)
        return SearchResults(self.spec, query, *split_filters(self.spec, filters))


def split_filters(spec: SearchSpec, filters: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The scope id (required when the model declares one) and the validated extra filters."""
    filters = dict(filters)
    scope = 0
    if spec.scope:
        if spec.scope not in filters:
            raise QueryError(spec.scope, "is required: every search is scoped")
        value = filters.pop(spec.scope)
        scope = int(getattr(value, "pk", value))
    unknown = sorted(set(filters) - set(spec.filters))
    if unknown:
        raise QueryError(unknown[0], "is not a search filter")
    return scope, filters


class SearchResults:
    """Lazy: nothing runs until sliced or iterated; `[a:b]` asks the backend for the top b."""

    def __init__(
        self,
        spec: SearchSpec,
        query: ParsedQuery,
        scope: int,
        filters: dict[str, Any],
        using: str = "default",
    ) -> None:
        self.spec, self.query, self.scope, self.filters, self.using = (
            spec,
            query,
            scope,
            filters,
            using,
        )

    def hits(self, k: int) -> list[Hit]:
        if self.query.is_empty or k <= 0:
            return []
        k = min(k, MAX_WINDOW)
        req = SearchRequest(
            self.spec, self.query, self.scope, self.filters, k, connections[self.using]
        )
        return get_backend(self.using).search(req)

    def objects(self, hits: list[Hit]) -> list[Any]:
        by_pk = self.spec.model._default_manager.using(self.using).in_bulk([pk for pk, _ in hits])
        out = []
        for pk, score in hits:
            obj = by_pk.get(pk)
            if obj is None:  # deleted between the two reads
                continue
            obj.score = score
            obj.snippet = snippet(
                [str(getattr(obj, f) or "") for f in self.spec.fields], self.query.terms
            )
            out.append(obj)
        return out

    def __getitem__(self, item: slice) -> list[Any]:
        if not isinstance(item, slice) or item.step not in (None, 1):
            raise TypeError("search results support [start:stop] slices only")
        start, stop = item.start or 0, item.stop if item.stop is not None else DEFAULT_LIMIT
        if start < 0 or stop < 0:
            raise ValueError("negative slice bounds are not supported")
        return self.objects(self.hits(stop)[start:stop])

    def __iter__(self):
        return iter(self[:DEFAULT_LIMIT])
