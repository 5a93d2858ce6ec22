"""What the tasks app caches, for how long, and what invalidates it (see services.py)."""

import uuid

from django.db import transaction

from app.core.cache import CacheKind, Generation

# Version every cache key that depends on one owner's tasks; any write bumps it.
OWNER_TASKS = Generation("owner-tasks")
# (generation, counts) since version 2 (CacheKind.get_or_set_in_generation)
TASK_SUMMARY = CacheKind("task-summary", ttl=300, version=2)
TASK_DETAIL = CacheKind("task-detail", ttl=300, version=1)
FRAGMENT_TTL = 300


def invalidate_owner(owner_id: object) -> None:
    OWNER_TASKS.bump(owner_id)


def invalidate_task_on_commit(owner_id: object, task_id: object) -> None:
    """The owner's pages and the task's detail, once the write commits: invalidating earlier
    would let a reader re-cache the old row. Every write path calls it (services, the admin)."""

    def invalidate() -> None:
        invalidate_owner(owner_id)
        TASK_DETAIL.invalidate(owner_id, task_id)

    transaction.on_commit(invalidate)


def canonical_task_id(task_id: str) -> str | None:
    """The id as services invalidate it (str of the UUID), or None when malformed. Keys use this
    spelling only: another (upper case, no hyphens) would get a key no invalidation clears, and
    each spelling a key of its own."""
    try:
        return str(uuid.UUID(task_id))
    except ValueError:
        return None
