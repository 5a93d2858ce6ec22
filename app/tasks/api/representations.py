"""The API's task representations, made once per version of a task and kept in the cache.

Serializing a page of 25 tasks with DRF's ModelSerializer was over half the CPU of an
`/api/v1/tasks/` list (cProfile on the load test's lists). A task's representation depends only on
its row (keyed by `updated_at`, which every save moves), the day (`is_overdue`) and the
serializer's own declaration, so a list serializes only the tasks that changed since they were
last listed; the others come back in one round trip.
"""

from collections.abc import Sequence
from functools import cache as once
from typing import Any

from django.utils import timezone

from app.core.cache import CacheKind, fingerprint
from app.tasks.api.serializers import TaskOutputSerializer
from app.tasks.models import Task

TASK_REPRESENTATION = CacheKind("task-json", ttl=3600, version=1)


@once
def serializer_fingerprint() -> str:
    """Changes with any field of the serializer (its repr declares every one)."""
    return fingerprint(repr(TaskOutputSerializer()))


def represent_tasks(tasks: Sequence[Task]) -> list[dict[str, Any]]:
    return TASK_REPRESENTATION.get_or_set_per_row(
        tasks,
        version=(timezone.localdate(), serializer_fingerprint()),
        compute=lambda missing: [
            dict(row) for row in TaskOutputSerializer(missing, many=True).data
        ],
    )
