"""The development mail catcher: the Quick start starts it and points EMAIL_URL at it, it keeps
every mail it receives, its inbox reads them newest first, and production never has it."""

import smtplib
from email.message import EmailMessage

import pytest

import quickstart
from app.mailcatcher import inbox
from tests.email.startup import manage
from tests.email.test_production_email import production

INSTALLED_AND_ROUTED = (
    "from django.conf import settings\n"
    "from django.urls import Resolver404, resolve\n"
    "print('installed', 'app.mailcatcher' in settings.INSTALLED_APPS)\n"
    "try:\n    resolve('/_dev/mail/'); print('routed True')\n"
    "except Resolver404:\n    print('routed False')\n"
)


def send(url: str, subject: str, body: str) -> None:
    host, port = url.removeprefix("smtp://").split(":")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "app@example.com", "u@example.com", subject
    message.set_content(body)
    with smtplib.SMTP(host, int(port), timeout=10) as client:
        client.send_message(message)


@pytest.fixture
def catcher(tmp_path, monkeypatch):
    monkeypatch.setenv("MAILCATCHER_DIR", str(tmp_path))
    monkeypatch.delenv("EMAIL_URL", raising=False)
    process, mail_env = quickstart.start_mail_catcher()
    assert process is not None, "the catcher did not start"
    yield tmp_path, mail_env["EMAIL_URL"]
    process.terminate()
    assert process.wait(10) == 0  # stops cleanly on SIGTERM


def test_the_quick_start_catcher_keeps_every_mail_newest_first(catcher):
    directory, url = catcher
    send(url, "First", "one")
    send(url, "Second", "two: http://127.0.0.1:8000/accounts/confirm-email/abc/")
    mails = inbox.newest_first(directory)
    assert [m.subject for m in mails] == ["Second", "First"]
    assert "confirm-email/abc/" in mails[0].text and mails[0].to == "u@example.com"
    assert inbox.one(directory, mails[1].key).text.strip() == "one"  # type: ignore[union-attr]
    assert inbox.one(directory, "no-such-key") is None


def test_with_email_url_set_the_quick_start_starts_no_catcher(monkeypatch):
    monkeypatch.setenv("EMAIL_URL", "smtp://mail.example.com:25")
    assert quickstart.start_mail_catcher() == (None, {})


def test_development_has_the_inbox_page():
    result = manage("shell", "-c", INSTALLED_AND_ROUTED, settings="app.settings.dev", env={})
    assert result.returncode == 0, result.stderr
    assert "installed True" in result.stdout and "routed True" in result.stdout


def test_development_with_debug_off_has_no_inbox():
    env = {"DEBUG": "false"}
    result = manage("shell", "-c", INSTALLED_AND_ROUTED, settings="app.settings.dev", env=env)
    assert result.returncode == 0, result.stderr
    assert "installed False" in result.stdout and "routed False" in result.stdout


def test_production_never_has_the_inbox():
    result = production("shell", "-c", INSTALLED_AND_ROUTED)
    assert result.returncode == 0, result.stderr
    assert "installed False" in result.stdout and "routed False" in result.stdout
