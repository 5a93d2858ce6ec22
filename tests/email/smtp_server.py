"""A real SMTP server on loopback (aiosmtpd) whose answers a test scripts: refuse the first
messages with a temporary (4xx) or permanent (5xx) reply, then accept and keep the rest."""

from __future__ import annotations

import email
import email.policy
import threading
from email.message import EmailMessage
from typing import Any

from aiosmtpd.controller import Controller

from tests.integration.processes import free_port


class ScriptedSmtp:
    def __init__(self, replies: list[str] | None = None) -> None:
        # Replies given to the first DATA commands in turn; every later one is accepted.
        self.replies = list(replies or [])
        self.attempts = 0
        self.received: list[EmailMessage] = []
        self.arrived = threading.Event()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.attempts += 1
        if self.replies:
            return self.replies.pop(0)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.received.append(message)  # type: ignore[arg-type]
        self.arrived.set()
        return "250 OK"

    def stop(self) -> None:
        self.controller.stop()
