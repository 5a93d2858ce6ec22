"""The caught mail: a Maildir (one file per message) the SMTP server writes and the pages read."""

from __future__ import annotations

import email
import email.policy
import mailbox
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path

from django.conf import settings


@dataclass(frozen=True)
class CaughtMail:
    key: str
    subject: str
    sender: str
    to: str
    date: str
    text: str
    html: str


def directory() -> Path:
    """Where caught mail is kept: MAILCATCHER_DIR, else .var/mail/."""
    default = Path(settings.BASE_DIR) / ".var" / "mail"
    return Path(getattr(settings, "MAILCATCHER_DIR", default))


def open_box(directory: Path | str) -> mailbox.Maildir:
    # Maildir(create=True) leaves an existing (say, empty) folder without its subfolders.
    for sub in ("tmp", "new", "cur"):
        (Path(directory) / sub).mkdir(parents=True, exist_ok=True)
    return mailbox.Maildir(directory, create=False)


def _parse(key: str, raw: bytes) -> CaughtMail:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    return CaughtMail(
        key=key,
        subject=str(message["Subject"] or "(no subject)"),
        sender=str(message["From"] or ""),
        to=str(message["To"] or ""),
        date=str(message["Date"] or ""),
        text=text.get_content() if text is not None else "",
        html=html.get_content() if html is not None else "",
    )


def newest_first(directory: Path | str) -> list[CaughtMail]:
    box = open_box(directory)
    # A Maildir message's date is when it was delivered here.
    keys = sorted(box.iterkeys(), key=lambda key: box.get_message(key).get_date(), reverse=True)
    return [_parse(key, box.get_bytes(key)) for key in keys]


def one(directory: Path | str, key: str) -> CaughtMail | None:
    box = open_box(directory)
    try:
        return _parse(key, box.get_bytes(key))
    except KeyError:
        return None
