"""Mail goes out after the commit, through the Celery task, with the whole message intact."""

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _queued(settings):
    settings.EMAIL_BACKEND = "app.mail.backend.QueuedEmailBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def test_the_configured_backend_queues_mail():
    from django.conf import settings

    from app.settings import base

    assert base.EMAIL_BACKEND == "app.mail.backend.QueuedEmailBackend"
    assert settings.CELERY_TASK_ROUTES["app.mail.celery_tasks.*"] == {"queue": "interactive"}


def test_mail_waits_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        send_mail("Hello", "Body", None, ["a@example.com"])
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_a_rolled_back_transaction_sends_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                send_mail("Never", "Body", None, ["a@example.com"])
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == []


def test_the_whole_message_survives_the_queue(django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives(
        "Report",
        "plain body",
        "Reports <r@example.com>",
        ["to@example.com"],
        cc=["cc@example.com"],
        bcc=["bcc@example.com"],
        reply_to=["reply@example.com"],
        headers={"X-Campaign": "weekly"},
    )
    message.attach_alternative("<p>html body</p>", "text/html")
    message.attach("data.bin", b"\x00\x01binary", "application/octet-stream")
    message.attach("notes.txt", "some text", "text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        message.send()
    (sent,) = mail.outbox
    assert (sent.subject, sent.body) == ("Report", "plain body")
    assert sent.from_email == message.from_email
    assert (sent.to, sent.cc, sent.bcc, sent.reply_to) == (
        ["to@example.com"],
        ["cc@example.com"],
        ["bcc@example.com"],
        ["reply@example.com"],
    )
    assert sent.extra_headers == {"X-Campaign": "weekly"}
    assert [tuple(a) for a in sent.alternatives] == [("<p>html body</p>", "text/html")]
    assert [tuple(a) for a in sent.attachments] == [
        ("data.bin", b"\x00\x01binary", "application/octet-stream"),
        ("notes.txt", "some text", "text/plain"),
    ]


def test_sign_up_mails_the_confirmation_link_through_the_queue(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            "/accounts/signup/",
            {"email": "queued@example.com", "password1": "pw for 42 q", "password2": "pw for 42 q"},
        )
    assert response.status_code == 302
    assert callbacks, "the confirmation mail was not deferred to the commit"
    (sent,) = mail.outbox
    assert sent.to == ["queued@example.com"] and "/accounts/confirm-email/" in sent.body
