"""The reference domain: a team's to-do list."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from app.core.models import BaseModel, SoftDeleteModel
from app.search import Searchable


class Task(SoftDeleteModel):
    class Status(models.TextChoices):
        TODO = "todo", "To do"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    class Priority(models.IntegerChoices):
        LOW = 1, "Low"
        NORMAL = 2, "Normal"
        HIGH = 3, "High"
        URGENT = 4, "Urgent"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True, max_length=10_000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.TODO)
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    due_date = models.DateField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True, editable=False)

    # Full-text BM25 (app.search): a title word weighs like two description words;
    # every search is scoped to one owner and may filter by status.
    search = Searchable(
        fields={"title": 2.0, "description": 1.0},
        scope="owner",
        filters=("status",),
        summary=("title", "status", "priority", "due_date"),
    )

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["owner", "deleted_at", "-created_at"], name="task_owner_recent"),
            models.Index(fields=["owner", "status", "due_date"], name="task_owner_status_due"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (
            self.due_date is not None
            and self.status != self.Status.DONE
            and self.due_date < timezone.localdate()
        )


class OverdueDigest(BaseModel):
    """One row per user and day: the record that makes the daily digest task idempotent."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    day = models.DateField()
    task_count = models.PositiveIntegerField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="one_overdue_digest_per_day"),
        ]
