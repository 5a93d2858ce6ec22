"""The search result cache: keyed by index, scope, the scope's index version, backend and
the normalized request. Triggers bump the version in the writing transaction (any insert, update,
delete or truncate, raw SQL included), so a committed write changes the key the next search
reads: it can miss, never serve a stale hit. Old keys are never read again; their TTL ends them.
"""

import hashlib
import json
from typing import Any

from django.db import connections

from app.core.cache import CacheKind
from app.search.declaration import SearchSpec

SEARCH_RESULTS = CacheKind("search-results", ttl=300, version=1)


def index_version(spec: SearchSpec, scope: int, using: str = "default") -> int:
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT version FROM search_version WHERE idx = %s AND scope = %s", [spec.name, scope]
        )
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def request_digest(*parts: Any) -> str:
    blob = json.dumps(parts, sort_keys=True, default=str).encode()
    return hashlib.sha256(blob).hexdigest()[:32]
