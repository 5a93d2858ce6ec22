"""The catcher's SMTP side: aiosmtpd accepts any mail from loopback and files it in the Maildir."""

from __future__ import annotations

import mailbox
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from app.mailcatcher.inbox import open_box


class MaildirHandler:
    def __init__(self, directory: Path | str) -> None:
        self.box: mailbox.Maildir = open_box(directory)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.box.add(envelope.original_content or envelope.content)
        return "250 Message accepted for delivery"


def start_catcher(directory: Path | str, host: str, port: int) -> Controller:
    """An SMTP server on host:port in a thread of its own; stop() it when done."""
    controller = Controller(MaildirHandler(directory), hostname=host, port=port)
    controller.start()
    return controller
