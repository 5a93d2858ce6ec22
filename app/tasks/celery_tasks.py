"""Background work for tasks: the daily digest of overdue tasks (idempotent per user and day)."""

import datetime
import logging

from celery import shared_task
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from app.tasks import selectors
from app.tasks.models import OverdueDigest
from app.users.models import User

logger = logging.getLogger(__name__)


@shared_task(name="app.tasks.celery_tasks.send_overdue_digests")
def send_overdue_digests(day: str | None = None) -> int:
    """Fan out one digest task per user with overdue tasks. Returns how many were queued."""
    today = _parse_day(day)
    user_ids = list(selectors.owners_with_overdue_tasks(today=today).values_list("id", flat=True))
    for user_id in user_ids:
        send_overdue_digest.delay(user_id=user_id, day=today.isoformat())
    return len(user_ids)


@shared_task(name="app.tasks.celery_tasks.send_overdue_digest")
def send_overdue_digest(*, user_id: int, day: str) -> bool:
    """Email one user their overdue tasks for `day`, at most once however often it runs.

    Returns True when this run sent the mail, False when it was already sent (or nothing is due).
    """
    today = _parse_day(day)
    if not isinstance(user_id, int) or isinstance(user_id, bool):
        raise ValueError(f"user_id must be an integer, got {user_id!r}")
    with transaction.atomic():
        user = User.objects.filter(pk=user_id, is_active=True).first()
        if user is None:
            return False
        digest, _ = OverdueDigest.objects.select_for_update().get_or_create(
            user=user, day=today, defaults={"task_count": 0}
        )
        if digest.sent_at is not None:
            return False
        tasks = list(selectors.overdue_tasks(owner=user, today=today)[:50])
        if not tasks:
            return False
        lines = [f"- {t.title} (due {t.due_date:%Y-%m-%d})" for t in tasks]
        send_mail(
            subject=f"{len(tasks)} overdue task(s)",
            message="These tasks are past their due date:\n\n" + "\n".join(lines),
            from_email=None,
            recipient_list=[user.email],
        )
        # The row lock serialises concurrent runs; marking inside the same transaction means a
        # crash before commit resends (at-least-once) rather than silently dropping the digest.
        digest.task_count = len(tasks)
        digest.sent_at = timezone.now()
        digest.save(update_fields=["task_count", "sent_at", "updated_at"])
    logger.info(
        "overdue digest sent",
        extra={"action": "send", "entity": "overdue_digest", "entity_id": str(digest.id)},
    )
    return True


def _parse_day(day: str | None) -> datetime.date:
    if day is None:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(day)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"day must be an ISO date (YYYY-MM-DD), got {day!r}") from exc
