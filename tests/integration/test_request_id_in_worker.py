"""One request id through a request's whole life: an HTTP request enqueues a mail, and a real
worker process logs the task's lines (its retry too) under the id the request came with. Before,
the worker's lines said request_id "-" (full stack; the eager path: tests/observability)."""

import json
import uuid
from contextlib import contextmanager

import pytest

from app import celery_app
from tests.email.conftest import smtp  # noqa: F401  (the scripted SMTP server fixture)
from tests.integration.conftest import running_worker

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


@contextmanager
def routed_to(queue: str, tasks: str = "app.mail.celery_tasks.*"):
    """Send these tasks to this test's worker instead of their shared queue."""
    routes = celery_app.conf.task_routes
    celery_app.conf.task_routes = {**routes, tasks: {"queue": queue}}
    celery_app.amqp.flush_routes()
    celery_app.amqp.__dict__.pop("router", None)  # the router caches the table
    try:
        yield
    finally:
        celery_app.conf.task_routes = routes
        celery_app.amqp.flush_routes()
        celery_app.amqp.__dict__.pop("router", None)


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_the_request_id_reaches_the_worker_log_of_the_task_the_request_enqueued(
    client,
    settings,
    smtp,  # noqa: F811
):
    rid = f"follow-me-{uuid.uuid4().hex[:12]}"
    server = smtp(["451 4.3.0 try again"])  # the first attempt fails: the retry keeps the id
    settings.EMAIL_BACKEND = "app.mail.backend.QueuedEmailBackend"
    with (
        running_worker(EMAIL_URL=server.url, MAIL_RETRY_BACKOFF="0.2", LOG_JSON="true") as worker,
        routed_to(worker.queue),
    ):
        response = client.post(
            "/accounts/signup/",
            {"email": "follow@example.com", "password1": "pw for 42 q", "password2": "pw for 42 q"},
            HTTP_X_REQUEST_ID=rid,
        )
        assert response.status_code == 302 and response["X-Request-ID"] == rid
        assert server.arrived.wait(60), "the worker sent no mail"
    (mail,) = server.received
    assert mail["To"] == "follow@example.com"
    mail_lines = [line for line in json_lines(worker.output) if line["logger"] == "app.mail"]
    assert [line["action"] for line in mail_lines] == ["send_retry", "send"], worker.output
    assert {line["request_id"] for line in mail_lines} == {rid}
    assert {line["actor"] for line in mail_lines} == {"anonymous"}
    # Celery's own lines about the task run inside the same context carry it as well.
    celery_lines = [line for line in json_lines(worker.output) if rid in json.dumps(line)]
    assert len(celery_lines) > len(mail_lines)


def test_a_task_a_view_ran_is_logged_by_the_worker_under_the_request_id(client, settings):
    """The same with the plainest task (ping, which logs nothing itself): the worker's own lines
    about running it carry the id."""
    rid = f"follow-ping-{uuid.uuid4().hex[:12]}"
    settings.ROOT_URLCONF = "tests.observability.urls"  # adds /run-task/: ping.delay().get()
    with running_worker() as worker, routed_to(worker.queue, "app.core.celery_tasks.*"):
        response = client.get("/run-task/", HTTP_X_REQUEST_ID=rid)
        assert response.content == b"pong"
    task_lines = [line for line in json_lines(worker.output) if "ping" in line["message"]]
    assert any(line["request_id"] == rid for line in task_lines), worker.output
