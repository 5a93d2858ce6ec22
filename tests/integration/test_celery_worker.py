"""A real Celery worker process on RabbitMQ, results through Valkey (full stack only)."""

import pytest

from app.core.celery_tasks import ping
from app.tasks.celery_tasks import send_overdue_digest
from app.tasks.models import OverdueDigest
from tests.conftest import make_user

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_worker_process_runs_a_task_sent_through_rabbitmq(worker_queue):
    result = ping.apply_async(queue=worker_queue)
    assert result.get(timeout=60) == "pong"
    assert result.backend.__class__.__name__ == "RedisBackend"


def test_the_digest_task_runs_in_the_worker_once(worker_queue, make_task, today):
    import datetime

    user = make_user("worker@example.com")
    make_task(user, title="Late", due_date=today - datetime.timedelta(days=1))
    first = send_overdue_digest.apply_async(
        kwargs={"user_id": user.pk, "day": today.isoformat()}, queue=worker_queue
    )
    second = send_overdue_digest.apply_async(
        kwargs={"user_id": user.pk, "day": today.isoformat()}, queue=worker_queue
    )
    assert (first.get(timeout=60), second.get(timeout=60)) == (True, False)
    assert OverdueDigest.objects.get(user=user, day=today).sent_at is not None
