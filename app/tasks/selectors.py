"""Reads of tasks. Every read is scoped to an owner: another user's task is simply not found."""

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from app.tasks.caching import OWNER_TASKS, TASK_SUMMARY
from app.tasks.filters import TaskFilter
from app.tasks.models import Task
from app.users.models import User


def task_list(*, owner: User, filters: dict[str, Any] | None = None) -> QuerySet[Task]:
    """The owner's live tasks, filtered; invalid filter values raise ValidationError by field."""
    # Through the owner's related manager: each task's `owner` is this very User, with no join
    # and no User built per row (measured: half the list query's CPU).
    qs = owner.tasks.all()
    if not filters or not any(filters.get(name) for name in TaskFilter.base_filters):
        return qs  # nothing to filter: skip building and validating a filter form
    filterset = TaskFilter(filters, queryset=qs)
    if not filterset.is_valid():
        raise ValidationError({field: list(msgs) for field, msgs in filterset.errors.items()})
    return filterset.qs


def task_get(*, owner: User, task_id: uuid.UUID | str) -> Task:
    try:
        return owner.tasks.get(id=task_id)
    except (Task.DoesNotExist, ValidationError, ValueError) as exc:
        # A malformed id is as unknown as a foreign one: 404 either way.
        raise Http404("No such task") from exc


def task_summary(*, owner: User) -> dict[str, int]:
    """Counts per status and overdue, cache-aside, valid while the owner's write generation is
    the one they were counted in."""

    def compute() -> dict[str, int]:
        today = timezone.localdate()
        open_tasks = ~Q(status=Task.Status.DONE)
        counts = Task.objects.filter(owner=owner).aggregate(
            total=Count("id"),
            todo=Count("id", filter=Q(status=Task.Status.TODO)),
            in_progress=Count("id", filter=Q(status=Task.Status.IN_PROGRESS)),
            done=Count("id", filter=Q(status=Task.Status.DONE)),
            overdue=Count("id", filter=open_tasks & Q(due_date__lt=today)),
        )
        return {k: int(v) for k, v in counts.items()}

    # Stored beside the generation it was counted in: the counter and the counts in one round
    # trip (core.cache).
    return TASK_SUMMARY.get_or_set_in_generation(
        OWNER_TASKS, owner.pk, timezone.localdate(), compute=compute
    )


def overdue_tasks(*, owner: User, today: datetime.date) -> QuerySet[Task]:
    return (
        Task.objects.filter(owner=owner, due_date__lt=today)
        .exclude(status=Task.Status.DONE)
        .order_by("due_date", "-priority")
    )


def owners_with_overdue_tasks(*, today: datetime.date) -> QuerySet[User]:
    overdue = Task.objects.filter(due_date__lt=today).exclude(status=Task.Status.DONE)
    return User.objects.filter(is_active=True, id__in=overdue.values("owner_id"))
