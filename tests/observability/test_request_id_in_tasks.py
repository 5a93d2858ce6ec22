"""The request id goes with the tasks a request enqueues: published messages carry it in their
headers, a worker takes it on for the task's run and drops it after, and a task run in-process
(the embedded default's eager Celery) logs under the id of the request that ran it."""

import logging
from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings

from app import celery_app
from app.core import context
from app.core.celery_tasks import ping
from app.core.logging import RequestContextFilter

RID = "eager-path-0123456789"


class Records(logging.Handler):
    """Records as the console handler sees them: stamped by the request-context filter."""

    def __init__(self) -> None:
        super().__init__()
        self.addFilter(RequestContextFilter())
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def mail_log():
    handler = Records()
    logger = logging.getLogger("app.mail")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    yield handler.records
    logger.removeHandler(handler)
    logger.setLevel(previous)


@pytest.mark.django_db(transaction=True)
def test_an_eager_task_logs_under_the_id_of_the_request_that_ran_it(client, settings, mail_log):
    settings.EMAIL_BACKEND = "app.mail.backend.QueuedEmailBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(
        "/accounts/signup/",
        {"email": "eager@example.com", "password1": "pw for 42 q", "password2": "pw for 42 q"},
        HTTP_X_REQUEST_ID=RID,
    )
    assert response.status_code == 302
    assert "send" in [r.action for r in mail_log]
    assert {r.request_id for r in mail_log} == {RID}
    assert context.request_id.get() == "-"  # nothing leaks past the request


@pytest.mark.skipif(
    not django_settings.CELERY_BROKER_URL.startswith("memory"),
    reason="reads the message back from the in-process broker; the full stack's real worker "
    "test (tests/integration/test_request_id_in_worker.py) covers RabbitMQ",
)
def test_a_published_task_carries_the_request_id_and_actor_in_its_headers():
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    rid_token, actor_token = context.request_id.set(RID), context.actor.set("user:7")
    try:
        ping.apply_async(queue="published-headers-test")
    finally:
        context.request_id.reset(rid_token)
        context.actor.reset(actor_token)
        celery_app.conf.task_always_eager = eager
    with celery_app.connection_for_read() as conn:
        queue = conn.SimpleQueue("published-headers-test")
        message = queue.get(timeout=5)
        message.ack()
        queue.close()
    assert message.headers[context.REQUEST_ID_HEADER] == RID
    assert message.headers[context.ACTOR_HEADER] == "user:7"


def test_nothing_is_added_outside_a_request():
    assert context.task_headers() == {}


def test_a_worker_takes_the_id_on_for_the_run_and_drops_it_after():
    request = SimpleNamespace(**{context.REQUEST_ID_HEADER: RID, context.ACTOR_HEADER: "user:7"})
    context.enter_task("task-1", request)
    assert (context.request_id.get(), context.actor.get()) == (RID, "user:7")
    context.leave_task("task-1")
    assert (context.request_id.get(), context.actor.get()) == ("-", "-")


def test_a_task_without_the_headers_keeps_the_context_it_runs_in():
    token = context.request_id.set(RID)
    try:
        context.enter_task("task-2", SimpleNamespace())
        assert context.request_id.get() == RID
        context.leave_task("task-2")
        assert context.request_id.get() == RID
    finally:
        context.request_id.reset(token)
