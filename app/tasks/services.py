"""Writes to tasks. Every write validates, logs an audit line and invalidates caches on commit."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from app.core.logging import audit
from app.tasks.caching import invalidate_task_on_commit
from app.tasks.models import Task
from app.tasks.producer import publish_task_change
from app.users.models import User

EDITABLE_FIELDS = ("title", "description", "status", "priority", "due_date")


def _after_write(task: Task, action: str) -> None:
    audit(action, entity="task", entity_id=task.id, owner=str(task.owner_id))
    invalidate_task_on_commit(task.owner_id, task.id)
    # Also after commit, and after the invalidation: the owner's open pages update live.
    publish_task_change(task, action)


def _validate(task: Task) -> None:
    """Every field's own rules. Not the owner's existence (the owner is a loaded User, and the
    foreign key holds in the database) nor uniqueness (the one unique field is the UUID
    primary key): those checks cost a query each on every write and could not fail."""
    task.full_clean(exclude=["owner"], validate_unique=False)


def _track_completion(task: Task) -> None:
    if task.status == Task.Status.DONE and task.completed_at is None:
        task.completed_at = timezone.now()
    elif task.status != Task.Status.DONE:
        task.completed_at = None


@transaction.atomic
def task_create(
    *,
    owner: User,
    title: str,
    description: str = "",
    status: str = Task.Status.TODO,
    priority: int = Task.Priority.NORMAL,
    due_date: datetime.date | None = None,
) -> Task:
    task = Task(
        owner=owner,
        title=title,
        description=description,
        status=status,
        priority=priority,
        due_date=due_date,
    )
    _track_completion(task)
    _validate(task)
    task.save()
    _after_write(task, "create")
    return task


@transaction.atomic
def task_update(*, task: Task, data: dict[str, Any]) -> Task:
    unknown = set(data) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    changed = [field for field, value in data.items() if getattr(task, field) != value]
    if not changed:
        return task
    for field in changed:
        setattr(task, field, data[field])
    _track_completion(task)
    _validate(task)
    task.save(update_fields=[*changed, "completed_at", "updated_at"])
    _after_write(task, "update")
    return task


@transaction.atomic
def task_delete(*, task: Task) -> None:
    """Soft delete: the task disappears for its owner and can be restored."""
    task.delete()
    _after_write(task, "delete")


@transaction.atomic
def task_restore(*, task: Task) -> Task:
    task.restore()
    _after_write(task, "restore")
    return task
