"""EMAIL_BACKEND: hands each message to Celery once the current transaction commits.

A request never waits on an SMTP server or a provider, a rolled-back sign-up sends nothing, and
a failed send is retried by the task (celery_tasks.deliver_mail) instead of failing the request.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from app.mail.message import to_payload

logger = logging.getLogger("app.mail")


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            payload = to_payload(message)
            mail_id = uuid.uuid4().hex
            transaction.on_commit(lambda p=payload, m=mail_id: enqueue(p, m))  # type: ignore[misc]
            queued += 1
        return queued


def enqueue(payload: dict[str, Any], mail_id: str) -> None:
    from app.mail.celery_tasks import deliver_mail

    kwargs = {"payload": payload, "mail_id": mail_id}
    try:
        deliver_mail.apply_async(kwargs=kwargs, task_id=mail_id)
    except Exception as exc:  # the broker is unreachable: send from here rather than lose it
        logger.warning(
            "mail not queued (%s); sending it from this process",
            exc,
            extra={"action": "queue_failed", "entity": "mail", "entity_id": mail_id},
        )
        # One attempt, no eager retries: they would ignore the wait and hold the request for
        # every attempt. A failure is logged as an ERROR naming the mail and the reason.
        deliver_mail.apply(kwargs={**kwargs, "retry": False}, task_id=mail_id)
        return
    logger.info(
        "mail queued",
        extra={"action": "queue", "entity": "mail", "entity_id": mail_id},
    )
