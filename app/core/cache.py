"""Cache-aside with a TTL per kind of data and explicit invalidation on write.

    TASK_DETAIL = CacheKind("task-detail", ttl=300, version=1)
    data = TASK_DETAIL.get_or_set(task_id, lambda: expensive(task_id))
    TASK_DETAIL.invalidate(task_id)          # in the service that changed the row

Keys are `<kind>:v<version>:<parts>` under the cache's own KEY_PREFIX and VERSION
(settings.CACHE_SCHEMA). Bump a kind's version when the shape of its value changes, so a
new release never reads a value an older release wrote.
"""

import datetime
import hashlib
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from django.core.cache import cache

T = TypeVar("T")


class Row(Protocol):
    """A model row as core.models.BaseModel makes one."""

    pk: Any
    updated_at: datetime.datetime


R = TypeVar("R", bound=Row)
_MISSING = object()
# A request's values read ahead (a dict of key -> value, and under ASKED the keys that were
# asked for), set on the HttpRequest by whoever read them: see app/users/api/authentication.py.
READ_AHEAD = "cache_read_ahead"
ASKED = object()


def fingerprint(*sources: str) -> str:
    """A short digest of what a cached value was made with (templates, a serializer's
    declaration): part of its key, so a release that changes them never serves old values."""
    return hashlib.sha256("".join(sources).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class CacheKind:
    name: str
    ttl: int
    version: int = 1

    def key(self, *parts: object) -> str:
        return ":".join([self.name, f"v{self.version}", *(str(p) for p in parts)])

    def get_or_set(
        self,
        *parts: object,
        compute: Callable[[], T],
        read_ahead: Mapping[Any, Any] | None = None,
    ) -> T:
        """`read_ahead`: what a get_many made earlier in this request found (READ_AHEAD), read
        in a round trip it shared; a key it asked for and did not find is a miss."""
        key = self.key(*parts)
        if read_ahead is not None and key in read_ahead.get(ASKED, ()):
            value = read_ahead.get(key, _MISSING)
        else:
            value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = compute()
            cache.set(key, value, timeout=self.ttl)
        return value

    def get_or_set_per_row(
        self,
        rows: Sequence[R],
        *,
        version: tuple,
        compute: Callable[[list[R]], list[T]],
    ) -> list[T]:
        """One value per model row, in order, keyed by the row's pk and `updated_at` (every
        save moves it, so these values never need invalidating) and `version` (what else the
        value depends on). The cached ones come in one round trip (get_many); the missing rows
        are computed together (compute returns one value each, in order) and stored together."""
        keys = [self.key(row.pk, row.updated_at.timestamp(), *version) for row in rows]
        cached = cache.get_many(keys) if keys else {}
        missing = [(key, row) for key, row in zip(keys, rows, strict=True) if key not in cached]
        if missing:
            values = compute([row for _, row in missing])
            computed = dict(zip((key for key, _ in missing), values, strict=True))
            cache.set_many(computed, timeout=self.ttl)
            cached.update(computed)
        return [cached[key] for key in keys]

    def get_or_set_in_generation(
        self, generation: "Generation", scope: object, *parts: object, compute: Callable[[], T]
    ) -> T:
        """A value that depends on everything `generation` versions for `scope` (e.g. a whole
        page of one owner's tasks). It is stored beside the generation it was made in and used
        only while that is still the current one; the counter and the value are read in one
        round trip. The generation is read before the value is made: a write that commits
        meanwhile bumps it, so the value is made again on the next read."""
        key, counter = self.key(scope, *parts), generation.key(scope)
        found = cache.get_many([counter, key])
        current, stored = found.get(counter), found.get(key)
        if current is not None and stored is not None and stored[0] == current:
            return stored[1]
        if current is None:
            current = generation.current(scope)
        value = compute()
        cache.set(key, (current, value), timeout=self.ttl)
        return value

    def invalidate(self, *parts: object) -> None:
        cache.delete(self.key(*parts))


class Generation:
    """A counter that versions a whole family of keys (e.g. every list page of one owner).

    Bumping it makes every key built with the old value unreachable at once; they expire by TTL.
    A missing counter (evicted, or lost with a Valkey restart that reloaded an older snapshot)
    starts again at the clock in nanoseconds, never at a value it held before: a value stored
    beside an old generation is never current again.
    """

    def __init__(self, name: str) -> None:
        self.name = name

    def key(self, scope: object) -> str:
        return f"gen:{self.name}:{scope}"

    def current(self, scope: object) -> int:
        value: Any = cache.get(self.key(scope))
        if value is None:
            start = time.time_ns()
            cache.add(self.key(scope), start, timeout=None)
            value = cache.get(self.key(scope), start)
        return int(value)

    def bump(self, scope: object) -> None:
        key = self.key(scope)
        try:
            cache.incr(key)
        except ValueError:  # absent: start above any value a reader could have seen
            cache.set(key, time.time_ns(), timeout=None)
