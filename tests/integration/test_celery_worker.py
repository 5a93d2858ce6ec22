"""A real Celery worker process on RabbitMQ, results through Valkey (full stack only)."""

import subprocess
import uuid

import pytest

from app import celery_app
from app.core.celery_tasks import ping
from app.tasks.celery_tasks import send_overdue_digest
from app.tasks.models import OverdueDigest
from tests.conftest import make_user
from tests.integration.processes import BIN, ROOT, process_env, stop

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_queue():
    """A worker consuming a queue of its own, so no other worker on this broker takes our tasks."""
    queue = f"test-{uuid.uuid4().hex[:12]}"
    proc = subprocess.Popen(
        [
            BIN / "celery",
            "-A",
            "app",
            "worker",
            "-Q",
            queue,
            "--pool",
            "solo",
            "--hostname",
            f"{queue}@%h",
            "--without-gossip",
            "--without-mingle",
            "-l",
            "INFO",
        ],
        cwd=ROOT,
        env=process_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield queue
    finally:
        celery_app.conf.task_always_eager = eager
        output = stop(proc)
        print(output)
        # Leave no queue behind on the shared broker.
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


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
