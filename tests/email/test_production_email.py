"""Production sends account mail: it refuses to start without a way to, and really sends."""

import os

import pytest

from tests.core.test_production_settings import GOOD_ENV
from tests.email.startup import manage

SEND = (
    "from django.core.mail import send_mail\n"
    "send_mail('Confirm your address', 'Click http://x/confirm', None, ['new@example.com'])\n"
)


def production(*args: str, **env: str):
    drop = [*GOOD_ENV, "DEBUG"]
    return manage(*args, settings="app.settings.production", env={**GOOD_ENV, **env}, drop=drop)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EMAIL_URL": ""}, "EMAIL_URL is not set (email verification is mandatory"),
        ({"EMAIL_URL": "console://"}, "EMAIL_URL console:// sends no mail"),
        ({"DEFAULT_FROM_EMAIL": ""}, "DEFAULT_FROM_EMAIL is not set"),
        ({"EMAIL_URL": "smtp+tls//no-colon"}, "EMAIL_URL has an unknown scheme"),
        ({"EMAIL_URL": "resend://"}, "EMAIL_API_KEY is not set: EMAIL_URL resend://"),
    ],
)
def test_production_refuses_to_start_without_a_way_to_send(env, message):
    result = production("check", **env)
    assert result.returncode != 0
    assert "Production settings refused" in result.stderr and message in result.stderr
    assert "Traceback" not in result.stderr


def test_without_mandatory_verification_no_mail_setting_is_required():
    result = production(
        "check", EMAIL_URL="", DEFAULT_FROM_EMAIL="", ACCOUNT_EMAIL_VERIFICATION="optional"
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.services  # a PostgreSQL to connect to (mail waits for the commit)
def test_production_sends_through_the_smtp_server_email_url_names(smtp):
    """Before EMAIL_URL, production's mail went to the console backend (the server's log)."""
    server = smtp()
    # No broker answers on port 1: the queued mail is sent from the process itself (and says so).
    result = production(
        "shell",
        "-c",
        SEND,
        EMAIL_URL=server.url,
        DATABASE_URL=os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/postgres",
        CELERY_BROKER_URL="amqp://guest:guest@127.0.0.1:1//",
    )
    assert result.returncode == 0, result.stderr
    assert server.arrived.wait(10), result.stderr
    (message,) = server.received
    assert message["To"] == "new@example.com" and message["Subject"] == "Confirm your address"
    assert message["From"] == GOOD_ENV["DEFAULT_FROM_EMAIL"]
    assert "mail not queued" in result.stderr and '"action": "send"' in result.stderr
