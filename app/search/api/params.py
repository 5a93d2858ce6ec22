"""Query-parameter validation for search: every problem is a QueryError naming the parameter."""

from typing import Any

from app.search.declaration import SearchSpec
from app.search.query import QueryError

RESERVED = ("q", "limit", "cursor", "index")
MAX_LIMIT = 100


def parse_limit(raw: str | None, default: int = 20) -> int:
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError) as exc:
        raise QueryError("limit", "must be a whole number") from exc
    if not 1 <= value <= MAX_LIMIT:
        raise QueryError("limit", f"must be between 1 and {MAX_LIMIT}")
    return value


def parse_filters(spec: SearchSpec, params: Any) -> dict[str, Any]:
    """Declared filters only, each value one of the field's choices when it has choices."""
    filters: dict[str, Any] = {}
    for name in params:
        if name in RESERVED:
            continue
        if name not in spec.filters:
            raise QueryError(name, "is not a known parameter")
        value = params.get(name)
        field = spec.model._meta.get_field(name)
        choices = [str(c[0]) for c in field.choices or []]
        if choices and value not in choices:
            raise QueryError(name, f"must be one of: {', '.join(choices)}")
        filters[name] = value
    return filters
