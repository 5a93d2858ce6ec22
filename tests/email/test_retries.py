"""A mail that fails to send is retried, then given up on with an ERROR naming the reason;
never lost silently, never a 500 (the embedded default runs the task inside the request)."""

import logging

import pytest
from django.core import mail
from django.test import override_settings

from app.mail.celery_tasks import deliver_mail
from app.mail.message import to_payload
from tests.integration.processes import free_port


def smtp_settings(port: int, retries: int = 3):
    return override_settings(
        EMAIL_BACKEND="app.mail.backend.QueuedEmailBackend",
        MAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
        MAIL_MAX_RETRIES=retries,
        MAIL_RETRY_BACKOFF=0.01,
    )


def deliver(subject: str = "Hi") -> bool:
    message = mail.EmailMessage(subject, "body", "from@example.com", ["to@example.com"])
    return deliver_mail.apply(kwargs={"payload": to_payload(message), "mail_id": "m-1"}).get()


def mail_records(caplog):
    return [r for r in caplog.records if r.name == "app.mail"]


def test_a_temporary_refusal_is_retried_until_the_server_accepts(smtp, caplog):
    server = smtp(["451 4.3.0 try again later", "421 4.7.0 busy"])
    caplog.set_level(logging.INFO, logger="app.mail")
    with smtp_settings(server.port):
        assert deliver("Retried") is True
    assert server.attempts == 3
    assert [m["Subject"] for m in server.received] == ["Retried"]
    records = mail_records(caplog)
    assert [r.action for r in records] == ["send_retry", "send_retry", "send"]
    assert "attempt 1 of 4 failed" in records[0].getMessage()
    assert "451" in records[0].reason and records[-1].attempts == 3


def test_a_server_that_keeps_failing_is_given_up_on_with_the_reason_logged(smtp, caplog):
    server = smtp(["451 4.3.0 try again later"] * 10)
    caplog.set_level(logging.INFO, logger="app.mail")
    with smtp_settings(server.port, retries=2):
        assert deliver("Doomed") is False
    assert server.attempts == 3 and server.received == []
    last = mail_records(caplog)[-1]
    assert last.levelno == logging.ERROR and last.action == "send_failed"
    assert last.getMessage().startswith("mail not sent (gave up after 3 attempts)")
    assert "451" in last.reason and "try again later" in last.reason
    assert last.entity == "mail" and last.entity_id == "m-1" and last.subject == "Doomed"


def test_a_permanent_refusal_is_not_retried(smtp, caplog):
    server = smtp(["550 5.1.1 mailbox unavailable"])
    caplog.set_level(logging.INFO, logger="app.mail")
    with smtp_settings(server.port):
        assert deliver() is False
    assert server.attempts == 1
    (last,) = mail_records(caplog)
    assert last.levelno == logging.ERROR and "(refused)" in last.getMessage()
    assert "550" in last.reason


def test_no_server_at_all_is_retried_then_logged(caplog):
    caplog.set_level(logging.INFO, logger="app.mail")
    with smtp_settings(free_port(), retries=1):
        assert deliver() is False
    actions = [r.action for r in mail_records(caplog)]
    assert actions == ["send_retry", "send_failed"]
    assert "ConnectionRefusedError" in mail_records(caplog)[-1].reason


@pytest.mark.django_db(transaction=True)
def test_sign_up_with_a_dead_mail_server_is_no_500(client, caplog):
    caplog.set_level(logging.INFO, logger="app.mail")
    with smtp_settings(free_port(), retries=1):
        response = client.post(
            "/accounts/signup/",
            {"email": "dead@example.com", "password1": "pw for 42 q", "password2": "pw for 42 q"},
        )
    assert response.status_code == 302
    assert "send_failed" in [r.action for r in mail_records(caplog)]
