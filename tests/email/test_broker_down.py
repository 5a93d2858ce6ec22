"""With the broker gone, a mail is still never lost silently: a retry that cannot be queued
ends in the mail's own ERROR line, and the fallback that sends from the web request makes one
attempt (no back-to-back eager retries holding the request) and logs the failure."""

import logging

import pytest
from django.core import mail

from app.celery import app as celery_app
from app.mail.backend import enqueue
from app.mail.celery_tasks import deliver_mail
from app.mail.message import to_payload
from tests.email.test_retries import mail_records, smtp_settings
from tests.integration.processes import free_port


@pytest.fixture
def broker_refusing():
    """Publishing goes to a port nothing listens on (the broker is down), not run eagerly."""
    conf = celery_app.conf
    names = ("broker_url", "broker_write_url", "broker_read_url", "task_always_eager")
    saved = {name: conf[name] for name in names}
    pools = (celery_app._pool, celery_app.amqp._producer_pool)
    dead = f"amqp://guest:guest@127.0.0.1:{free_port()}//"
    conf.update(broker_url=dead, broker_write_url=dead, broker_read_url=dead)
    conf.task_always_eager = False
    celery_app._pool = celery_app.amqp._producer_pool = None
    try:
        yield
    finally:
        if celery_app._pool is not None:
            celery_app._pool.force_close_all()
        conf.update(saved)
        celery_app._pool, celery_app.amqp._producer_pool = pools


def payload(subject: str) -> dict:
    return to_payload(mail.EmailMessage(subject, "body", "from@example.com", ["to@example.com"]))


def test_a_retry_that_cannot_be_queued_is_logged_as_the_mail_not_sent(
    smtp, broker_refusing, caplog
):
    server = smtp(["451 4.3.0 try again later"])
    caplog.set_level(logging.INFO, logger="app.mail")
    # As a worker runs it: not eager, so the retry is published to the (dead) broker.
    kwargs = {"payload": payload("Stranded"), "mail_id": "m-3"}
    deliver_mail.push_request(
        id="m-3", args=[], kwargs=kwargs, retries=0, is_eager=False, called_directly=False
    )
    try:
        with smtp_settings(server.port):
            sent = deliver_mail.run(**kwargs)
    finally:
        deliver_mail.pop_request()
    assert sent is False and server.attempts == 1
    last = mail_records(caplog)[-1]
    assert last.levelno == logging.ERROR and last.action == "send_failed"
    assert last.getMessage().startswith("mail not sent (retry not queued)")
    assert "451" in last.reason and "the retry could not be queued" in last.reason
    assert "Connection refused" in last.reason, last.reason
    assert last.entity_id == "m-3" and last.subject == "Stranded"


def test_the_fallback_makes_one_attempt_and_logs_the_failure(smtp, broker_refusing, caplog):
    server = smtp(["451 4.3.0 try again later"] * 10)
    caplog.set_level(logging.INFO, logger="app.mail")
    with smtp_settings(server.port, retries=3):
        enqueue(payload("Once"), "m-4")  # what the commit hook runs; must not raise
    assert server.attempts == 1 and server.received == []
    records = mail_records(caplog)
    assert [r.action for r in records] == ["queue_failed", "send_failed"]
    last = records[-1]
    assert last.levelno == logging.ERROR and "451" in last.reason
    assert last.getMessage().startswith("mail not sent (one attempt, no broker to retry through)")
    assert last.entity_id == "m-4" and last.subject == "Once"
