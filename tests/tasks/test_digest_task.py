"""The daily overdue digest: one email per user and day, however often the task runs."""

import datetime

import pytest
from django.core import mail

from app.tasks.celery_tasks import send_overdue_digest, send_overdue_digests
from app.tasks.models import OverdueDigest

pytestmark = pytest.mark.django_db


def test_digest_is_sent_once_per_user_and_day(user, other_user, make_task, today):
    make_task(user, title="Late report", due_date=today - datetime.timedelta(days=2))
    make_task(
        user, title="Done already", status="done", due_date=today - datetime.timedelta(days=2)
    )
    make_task(other_user, title="Not late", due_date=today + datetime.timedelta(days=2))

    assert send_overdue_digests.delay(day=today.isoformat()).get() == 1
    assert len(mail.outbox) == 1
    assert "Late report" in mail.outbox[0].body and "Done already" not in mail.outbox[0].body
    assert mail.outbox[0].to == [user.email]

    # Running again (a retry, a redelivery, a second beat) sends nothing more.
    send_overdue_digests.delay(day=today.isoformat()).get()
    assert send_overdue_digest(user_id=user.pk, day=today.isoformat()) is False
    assert len(mail.outbox) == 1
    assert OverdueDigest.objects.get(user=user, day=today).task_count == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"user_id": "1; drop", "day": "2026-01-01"}, "user_id must be an integer"),
        ({"user_id": 1, "day": "yesterday"}, "day must be an ISO date"),
    ],
)
def test_bad_payloads_are_rejected_with_a_named_problem(kwargs, message):
    with pytest.raises(ValueError, match=message):
        send_overdue_digest(**kwargs)
