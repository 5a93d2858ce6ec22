"""Outgoing mail from one variable, EMAIL_URL: plain SMTP, or an email provider's API through
django-anymail. The API key goes in EMAIL_API_KEY (kept apart from the URL, as vaults like) or
in the URL's user part (`postmark://KEY@`).

    smtp://user:pass@host:25           SMTP without TLS (`?tls=true` asks for STARTTLS)
    smtp+tls://user:pass@host:587      SMTP with STARTTLS
    smtps://user:pass@host:465         SMTP over TLS from the first byte (smtp+ssl:// too)
    postmark://  resend://  sendgrid://  brevo://  mailersend://
    mailgun://[sender domain][?region=eu]     sparkpost://[?region=eu]
    ses://REGION                       Amazon SES's API; needs boto3 (django-anymail[amazon-ses])
                                       and takes credentials from AWS_* or the host's role
    console://                         print each mail (development only)

User and password are percent-encoded in the URL (`@` is `%40`). `?timeout=` (seconds, default
10) bounds each SMTP exchange. A malformed URL, an unknown scheme or a provider without its key
stops start-up naming EMAIL_URL or EMAIL_API_KEY. Messages are queued to Celery after the commit
(app.mail); MAIL_DELIVERY_BACKEND is the backend that finally sends them.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
CONSOLE_BACKEND = "django.core.mail.backends.console.EmailBackend"
# scheme -> SMTP security and default port
SMTP_SCHEMES = {
    "smtp": ("none", 25),
    "smtp+tls": ("starttls", 587),
    "smtps": ("tls", 465),
    "smtp+ssl": ("tls", 465),
}
# scheme -> (anymail backend module, the ANYMAIL setting that holds its key)
PROVIDERS = {
    "postmark": ("postmark", "POSTMARK_SERVER_TOKEN"),
    "resend": ("resend", "RESEND_API_KEY"),
    "mailgun": ("mailgun", "MAILGUN_API_KEY"),
    "sendgrid": ("sendgrid", "SENDGRID_API_KEY"),
    "brevo": ("brevo", "BREVO_API_KEY"),
    "mailersend": ("mailersend", "MAILERSEND_API_TOKEN"),
    "sparkpost": ("sparkpost", "SPARKPOST_API_KEY"),
}
EU_API_URLS = {
    "mailgun": ("MAILGUN_API_URL", "https://api.eu.mailgun.net/v3"),
    "sparkpost": ("SPARKPOST_API_URL", "https://api.eu.sparkpost.com/api/v1"),
}
SCHEMES = (*SMTP_SCHEMES, *PROVIDERS, "ses", "console")
# Backends that do not send: fine for development, refused by production.
NON_SENDING = (CONSOLE_BACKEND,)


def email_settings(environ: Mapping[str, str]) -> dict[str, Any]:
    """The mail settings EMAIL_URL describes (console output when it is not set)."""
    url = environ.get("EMAIL_URL", "").strip()
    if not url:
        return {"MAIL_DELIVERY_BACKEND": CONSOLE_BACKEND, "EMAIL_URL_SCHEME": ""}
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ImproperlyConfigured(f"EMAIL_URL is malformed ({exc})") from None
    scheme = parts.scheme.lower()
    if "://" not in url or scheme not in SCHEMES:
        known = ", ".join(f"{s}://" for s in SCHEMES)
        raise ImproperlyConfigured(
            f"EMAIL_URL has an unknown scheme {scheme!r}; use one of {known}"
        )
    query = {k.lower(): v[-1] for k, v in parse_qs(parts.query).items()}
    user, password = unquote(parts.username or ""), unquote(parts.password or "")
    settings: dict[str, Any] = {"EMAIL_URL_SCHEME": scheme}
    if scheme in SMTP_SCHEMES:
        settings.update(_smtp(parts.hostname, port, scheme, user, password, query))
    elif scheme == "console":
        settings["MAIL_DELIVERY_BACKEND"] = CONSOLE_BACKEND
    elif scheme == "ses":
        settings.update(_ses(parts.hostname))
    else:
        key = password or user or environ.get("EMAIL_API_KEY", "").strip()
        settings.update(_provider(scheme, key, parts.hostname, query))
    return settings


def _smtp(
    host: str | None, port: int | None, scheme: str, user: str, password: str, query: dict
) -> dict[str, Any]:
    if not host:
        raise ImproperlyConfigured(f"EMAIL_URL names no SMTP host ({scheme}://user:pass@host:port)")
    security, default_port = SMTP_SCHEMES[scheme]
    tls = query.get("tls", "").lower()
    if tls not in ("", "true", "false", "1", "0", "yes", "no"):
        raise ImproperlyConfigured(f"EMAIL_URL ?tls= must be true or false, not {tls!r}")
    if tls in ("true", "1", "yes") and security == "none":
        security = "starttls"
    try:
        timeout = float(query.get("timeout", "10"))
    except ValueError:
        raise ImproperlyConfigured(
            f"EMAIL_URL ?timeout= must be a number of seconds, not {query['timeout']!r}"
        ) from None
    return {
        "MAIL_DELIVERY_BACKEND": SMTP_BACKEND,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port or default_port,
        "EMAIL_HOST_USER": user,
        "EMAIL_HOST_PASSWORD": password,
        "EMAIL_USE_TLS": security == "starttls",
        "EMAIL_USE_SSL": security == "tls",
        "EMAIL_TIMEOUT": timeout,
    }


def _ses(region: str | None) -> dict[str, Any]:
    if not region:
        raise ImproperlyConfigured("EMAIL_URL ses:// names no region (ses://eu-west-1)")
    if importlib.util.find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "EMAIL_URL ses:// needs boto3, which is not installed "
            "(uv add 'django-anymail[amazon-ses]'), or use SES's SMTP endpoint with smtp+tls://"
        )
    return {
        "MAIL_DELIVERY_BACKEND": "anymail.backends.amazon_ses.EmailBackend",
        "ANYMAIL": {"AMAZON_SES_CLIENT_PARAMS": {"region_name": region}},
    }


def _provider(scheme: str, key: str, host: str | None, query: dict) -> dict[str, Any]:
    module, key_setting = PROVIDERS[scheme]
    if not key:
        raise ImproperlyConfigured(
            f"EMAIL_API_KEY is not set: EMAIL_URL {scheme}:// needs the provider's API key "
            f"(in EMAIL_API_KEY, or in the URL as {scheme}://KEY@)"
        )
    anymail: dict[str, str] = {key_setting: key}
    if scheme == "mailgun" and host:
        anymail["MAILGUN_SENDER_DOMAIN"] = host
    region = query.get("region", "").lower()
    if region:
        if scheme not in EU_API_URLS or region not in ("eu", "us"):
            raise ImproperlyConfigured(
                f"EMAIL_URL ?region={region} is not a region {scheme}:// knows"
            )
        if region == "eu":
            url_setting, api_url = EU_API_URLS[scheme]
            anymail[url_setting] = api_url
    return {"MAIL_DELIVERY_BACKEND": f"anymail.backends.{module}.EmailBackend", "ANYMAIL": anymail}


def production_email_problems(environ: Mapping[str, str]) -> list[str]:
    """What keeps production from sending account mail, while verification is mandatory."""
    try:
        settings = email_settings(environ)
    except ImproperlyConfigured as exc:
        return [str(exc)]
    if environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory") != "mandatory":
        return []
    problems = []
    if not environ.get("EMAIL_URL", "").strip():
        problems.append(
            "EMAIL_URL is not set (email verification is mandatory: "
            "smtp+tls://user:pass@host:587, postmark://, ses://REGION, ... see README)"
        )
    elif settings["MAIL_DELIVERY_BACKEND"] in NON_SENDING:
        problems.append(f"EMAIL_URL {settings['EMAIL_URL_SCHEME']}:// sends no mail")
    if not environ.get("DEFAULT_FROM_EMAIL", "").strip():
        problems.append("DEFAULT_FROM_EMAIL is not set (the sender of account mail)")
    return problems
