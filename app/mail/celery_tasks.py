"""Sends one queued mail through the backend EMAIL_URL names, retrying what may pass later.

A temporary failure (a refused or dropped connection, an SMTP 4xx, a provider's 5xx or 429) is
retried MAIL_MAX_RETRIES times with a doubling wait; a permanent one (an SMTP 5xx, a provider
refusing the request or the recipients) is not. Either way the last word is an ERROR log line
naming the mail and the reason, and the task returns instead of raising: the mail is never lost
silently, and an eager run (the embedded default) never turns it into a 500.
"""

from __future__ import annotations

import logging
import smtplib
from typing import Any

from anymail.exceptions import AnymailAPIError, AnymailInvalidAddress, AnymailRecipientsRefused
from celery import Task, shared_task
from celery.exceptions import Reject
from django.conf import settings
from django.core.mail import get_connection

from app.mail.message import from_payload

logger = logging.getLogger("app.mail")


def is_permanent(exc: BaseException) -> bool:
    if isinstance(exc, AnymailRecipientsRefused | AnymailInvalidAddress):
        return True
    if isinstance(exc, AnymailAPIError):
        status = exc.status_code
        return status is not None and 400 <= status < 500 and status not in (408, 429)
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return exc.smtp_code >= 500
    return False


def _log(level: int, message: str, mail_id: str, **fields: Any) -> None:
    logger.log(level, message, extra={"entity": "mail", "entity_id": mail_id, **fields})


def _give_up(subject: str, mail_id: str, why: str, reason: str, attempts: int) -> bool:
    _log(
        logging.ERROR,
        f"mail not sent ({why}): {reason}",
        mail_id,
        action="send_failed",
        reason=reason,
        attempts=attempts,
        subject=subject,
    )
    return False


# No result is stored: nobody waits on one, and publishing never touches the result backend.
@shared_task(
    bind=True, name="app.mail.celery_tasks.deliver_mail", max_retries=None, ignore_result=True
)
def deliver_mail(self: Task, *, payload: dict[str, Any], mail_id: str, retry: bool = True) -> bool:
    """Send the mail; True once sent, False when it was given up on (logged as an ERROR).

    retry=False makes one attempt only: the fallback that runs inside a web request when the
    broker is down (eager retries would ignore the wait and hold the request for every attempt).
    """
    message = from_payload(payload)
    attempt, attempts = self.request.retries + 1, settings.MAIL_MAX_RETRIES + 1
    try:
        with get_connection(settings.MAIL_DELIVERY_BACKEND, fail_silently=False) as connection:
            connection.send_messages([message])
    except Exception as exc:
        reason = f"{type(exc).__name__}: {exc}"
        if is_permanent(exc) or not retry or attempt >= attempts:
            if is_permanent(exc):
                why = "refused"
            elif retry:
                why = f"gave up after {attempt} attempts"
            else:
                why = "one attempt, no broker to retry through"
            return _give_up(str(message.subject), mail_id, why, reason, attempt)
        wait = settings.MAIL_RETRY_BACKOFF * 2 ** (attempt - 1)
        _log(
            logging.WARNING,
            f"mail send attempt {attempt} of {attempts} failed, retrying in {wait:g} s: {reason}",
            mail_id,
            action="send_retry",
            reason=reason,
            attempts=attempt,
        )
        try:
            again = self.retry(exc=exc, countdown=wait, throw=False)
        except Reject as rejected:
            # Publishing the retry failed (the broker is gone): Celery would drop the message
            # (late acks, requeue=False) with only its own error line; say which mail and why.
            reason = f"{reason}; the retry could not be queued: {rejected.args[0]}"
            return _give_up(str(message.subject), mail_id, "retry not queued", reason, attempt)
        if self.request.is_eager:
            # Run in-process (no broker): Celery's apply() runs the returned retry at once.
            return again  # type: ignore[return-value]
        raise again from exc
    _log(logging.INFO, "mail sent", mail_id, action="send", attempts=attempt)
    return True
