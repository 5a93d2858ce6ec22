"""A real Celery worker process consuming a queue of its own on the shared broker."""

import subprocess
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app import celery_app
from tests.integration.processes import BIN, ROOT, process_env, stop


class Worker:
    def __init__(self, queue: str, proc: subprocess.Popen) -> None:
        self.queue, self.proc, self.output = queue, proc, ""


@contextmanager
def running_worker(**env: str) -> Iterator[Worker]:
    """A worker consuming a queue of its own, so no other worker on this broker takes our
    tasks; its output (stdout and stderr) is in `.output` once the block ends."""
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
        env=process_env(**env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    worker = Worker(queue, proc)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        yield worker
    finally:
        celery_app.conf.task_always_eager = eager
        worker.output = stop(proc)
        print(worker.output)
        # Leave no queue behind on the shared broker.
        with celery_app.connection_for_write() as conn:
            conn.default_channel.queue_delete(queue)


@pytest.fixture
def worker_queue():
    with running_worker() as worker:
        yield worker.queue
