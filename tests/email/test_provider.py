"""A provider URL really sends through django-anymail: a local HTTP server stands in for
Postmark's API (the network boundary), answering as Postmark does."""

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail

from app.mail.celery_tasks import deliver_mail
from app.mail.message import to_payload
from app.settings.parts.email import email_settings


class FakePostmark:
    def __init__(self, statuses: list[int]) -> None:
        self.statuses, self.calls = list(statuses), []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                fake.calls.append((self.path, self.headers["X-Postmark-Server-Token"], body))
                status = fake.statuses.pop(0) if fake.statuses else 200
                answer = {"ErrorCode": 0, "Message": "OK", "MessageID": "pm-1", "To": body["To"]}
                if status != 200:
                    answer = {"ErrorCode": 10 if status == 401 else 500, "Message": "no"}
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(json.dumps(answer).encode())

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"


@pytest.fixture
def postmark(settings):
    def _start(statuses: list[int] | None = None) -> FakePostmark:
        fake = FakePostmark(statuses or [])
        configured = email_settings({"EMAIL_URL": "postmark://", "EMAIL_API_KEY": "pm-token"})
        settings.MAIL_DELIVERY_BACKEND = configured["MAIL_DELIVERY_BACKEND"]
        settings.ANYMAIL = {**configured["ANYMAIL"], "POSTMARK_API_URL": fake.url}
        settings.MAIL_MAX_RETRIES, settings.MAIL_RETRY_BACKOFF = 2, 0.01
        return fake

    yield _start


def deliver() -> bool:
    message = mail.EmailMessage("Hello", "body", "QuickScale <a@example.com>", ["u@example.com"])
    return deliver_mail.apply(kwargs={"payload": to_payload(message), "mail_id": "p-1"}).get()


def test_postmark_url_sends_with_its_server_token(postmark):
    fake = postmark()
    assert deliver() is True
    ((path, token, body),) = fake.calls
    assert path == "/email" and token == "pm-token"
    assert body["To"] == "u@example.com" and body["Subject"] == "Hello"


def test_a_provider_outage_is_retried(postmark):
    fake = postmark([503])
    assert deliver() is True
    assert len(fake.calls) == 2


def test_a_refused_key_is_not_retried_and_is_logged(postmark, caplog):
    fake = postmark([401, 401, 401])
    caplog.set_level(logging.INFO, logger="app.mail")
    assert deliver() is False
    assert len(fake.calls) == 1
    last = [r for r in caplog.records if r.name == "app.mail"][-1]
    assert last.levelno == logging.ERROR and "401" in last.reason
