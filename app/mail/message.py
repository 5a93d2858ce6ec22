"""An EmailMessage as JSON (Celery's only content type here) and back, for the send task."""

from __future__ import annotations

import base64
from email.mime.base import MIMEBase
from typing import Any

from django.core.mail import EmailMessage, EmailMultiAlternatives

# Plain attributes copied as they are; anymail's extras (tags, metadata) ride along so a
# provider backend still sees them.
_FIELDS = ("subject", "body", "from_email", "to", "cc", "bcc", "reply_to", "extra_headers")
_OPTIONAL = ("content_subtype", "mixed_subtype", "alternative_subtype", "tags", "metadata")


def to_payload(message: EmailMessage) -> dict[str, Any]:
    payload: dict[str, Any] = {name: getattr(message, name) for name in _FIELDS}
    for name in _OPTIONAL:
        if hasattr(message, name):
            payload[name] = getattr(message, name)
    payload["alternatives"] = [
        [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
    ]
    payload["attachments"] = [_attachment(item) for item in message.attachments]
    return payload


def _attachment(item: Any) -> dict[str, str | None]:
    if isinstance(item, MIMEBase):
        # A ready-made MIME part: keep its bytes and type; it is re-attached as a file.
        content = item.get_payload(decode=True)
        if not isinstance(content, bytes | str):
            content = b""
        filename, mimetype = item.get_filename(), item.get_content_type()
    else:
        filename, content, mimetype = item
    raw = content.encode() if isinstance(content, str) else content
    return {"filename": filename, "content": base64.b64encode(raw).decode(), "mimetype": mimetype}


def from_payload(payload: dict[str, Any]) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["extra_headers"],
        alternatives=[tuple(pair) for pair in payload["alternatives"]],
    )
    for name in _OPTIONAL:
        if name in payload:
            setattr(message, name, payload[name])
    for item in payload["attachments"]:
        content = base64.b64decode(item["content"])
        message.attach(item["filename"], content, item["mimetype"])
    return message
