"""`manage.py mailcatcher [--port 1025]`: catch every mail sent to 127.0.0.1:PORT (development)."""

import logging
import signal
import threading
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from app.mailcatcher import inbox
from app.mailcatcher.smtp import start_catcher


class Command(BaseCommand):
    help = "Run the development mail catcher: an SMTP server whose mail /_dev/mail/ shows."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=1025)

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd: every SMTP command
        controller = start_catcher(inbox.directory(), host, port)
        self.stdout.write(f"Mail catcher: smtp://{host}:{port} -> {inbox.directory()}")
        self.stdout.flush()
        stopped = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopped.set())
        stopped.wait()
        controller.stop()
