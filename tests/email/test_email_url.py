"""EMAIL_URL: SMTP and providers from one variable; bad values stop start-up, named."""

import importlib.util

import pytest
from django.core.exceptions import ImproperlyConfigured

from app.settings.parts.email import email_settings
from tests.email.startup import manage


def test_no_url_prints_mail_to_the_console():
    assert email_settings({})["MAIL_DELIVERY_BACKEND"].endswith("console.EmailBackend")


@pytest.mark.parametrize(
    ("url", "host", "port", "starttls", "tls"),
    [
        ("smtp://mail.example.com", "mail.example.com", 25, False, False),
        ("smtp://mail.example.com:2525?tls=true", "mail.example.com", 2525, True, False),
        ("smtp+tls://mail.example.com", "mail.example.com", 587, True, False),
        ("smtps://mail.example.com", "mail.example.com", 465, False, True),
        ("smtp+ssl://mail.example.com:1465", "mail.example.com", 1465, False, True),
    ],
)
def test_smtp_urls(url, host, port, starttls, tls):
    s = email_settings({"EMAIL_URL": url})
    assert s["MAIL_DELIVERY_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (s["EMAIL_HOST"], s["EMAIL_PORT"]) == (host, port)
    assert (s["EMAIL_USE_TLS"], s["EMAIL_USE_SSL"]) == (starttls, tls)
    assert s["EMAIL_TIMEOUT"] == 10


def test_smtp_credentials_are_percent_decoded():
    s = email_settings(
        {"EMAIL_URL": "smtp+tls://ap%40example.com:p%2Fw%3A1@h.example.com?timeout=3"}
    )
    assert (s["EMAIL_HOST_USER"], s["EMAIL_HOST_PASSWORD"]) == ("ap@example.com", "p/w:1")
    assert s["EMAIL_TIMEOUT"] == 3


@pytest.mark.parametrize(
    ("env", "backend", "anymail"),
    [
        (
            {"EMAIL_URL": "postmark://", "EMAIL_API_KEY": "pm-key"},
            "anymail.backends.postmark.EmailBackend",
            {"POSTMARK_SERVER_TOKEN": "pm-key"},
        ),
        (
            {"EMAIL_URL": "resend://re_inline@"},
            "anymail.backends.resend.EmailBackend",
            {"RESEND_API_KEY": "re_inline"},
        ),
        (
            {"EMAIL_URL": "mailgun://mg.example.com?region=eu", "EMAIL_API_KEY": "k"},
            "anymail.backends.mailgun.EmailBackend",
            {
                "MAILGUN_API_KEY": "k",
                "MAILGUN_SENDER_DOMAIN": "mg.example.com",
                "MAILGUN_API_URL": "https://api.eu.mailgun.net/v3",
            },
        ),
        (
            {"EMAIL_URL": "mailersend://", "EMAIL_API_KEY": "t"},
            "anymail.backends.mailersend.EmailBackend",
            {"MAILERSEND_API_TOKEN": "t"},
        ),
    ],
)
def test_provider_urls(env, backend, anymail):
    s = email_settings(env)
    assert s["MAIL_DELIVERY_BACKEND"] == backend
    assert s["ANYMAIL"] == anymail


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EMAIL_URL": "smtp://host:notaport"}, "EMAIL_URL is malformed"),
        ({"EMAIL_URL": "mail.example.com"}, "EMAIL_URL has an unknown scheme"),
        ({"EMAIL_URL": "pigeon://loft"}, "EMAIL_URL has an unknown scheme 'pigeon'"),
        ({"EMAIL_URL": "smtp://"}, "EMAIL_URL names no SMTP host"),
        ({"EMAIL_URL": "smtp://h?tls=maybe"}, "EMAIL_URL ?tls= must be true or false"),
        ({"EMAIL_URL": "smtp://h?timeout=soon"}, "EMAIL_URL ?timeout= must be a number"),
        ({"EMAIL_URL": "postmark://"}, "EMAIL_API_KEY is not set: EMAIL_URL postmark://"),
        ({"EMAIL_URL": "resend://", "EMAIL_API_KEY": " "}, "EMAIL_API_KEY is not set"),
        ({"EMAIL_URL": "postmark://k@?region=eu"}, "EMAIL_URL ?region=eu is not a region"),
        ({"EMAIL_URL": "ses://"}, "EMAIL_URL ses:// names no region"),
        pytest.param(
            {"EMAIL_URL": "ses://eu-west-1"},
            "EMAIL_URL ses:// needs boto3",
            marks=pytest.mark.skipif(
                importlib.util.find_spec("boto3") is not None, reason="boto3 is installed here"
            ),
        ),
    ],
)
def test_bad_values_are_refused_naming_the_variable(env, message):
    with pytest.raises(ImproperlyConfigured) as refused:
        email_settings(env)
    assert message in str(refused.value)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"EMAIL_URL": "smtp//mail.example.com"}, "EMAIL_URL has an unknown scheme"),
        ({"EMAIL_URL": "carrier-pigeon://loft"}, "EMAIL_URL has an unknown scheme"),
        ({"EMAIL_URL": "postmark://"}, "EMAIL_API_KEY is not set"),
    ],
)
def test_start_up_stops_on_a_bad_email_url_without_a_traceback(env, message):
    result = manage("check", settings="app.settings.dev", env=env)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr
