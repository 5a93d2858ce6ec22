"""Production settings: `check --deploy` is clean; missing or insecure values stop start-up."""

import subprocess

import pytest

from tests.integration.processes import manage_process

GOOD_ENV = {
    "SECRET_KEY": "k3J9-x" * 10,
    "ALLOWED_HOSTS": "app.example.com",
    "DATABASE_URL": "postgres://app@db.example.com/app",
    "VALKEY_URL": "redis://cache.example.com:6379/0",
    "CELERY_BROKER_URL": "amqp://app:pw@mq.example.com//",
    "EMAIL_URL": "smtp+tls://app:pw@smtp.example.com:587",
    "DEFAULT_FROM_EMAIL": "QuickScale <noreply@example.com>",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return manage_process(
        *args, settings="app.settings.production", env=env, drop={*GOOD_ENV, "DEBUG"}
    )


def test_check_deploy_reports_nothing_with_the_required_environment():
    # A deployment that runs the web-asgi server says so (else live.W001: tests/live)
    env = {**GOOD_ENV, "ASGI_SERVER_CONFIGURED": "true"}
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=env)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", sorted(GOOD_ENV))
def test_a_missing_required_variable_is_named_without_a_traceback(missing):
    env = {k: v for k, v in GOOD_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} is not set" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SECRET_KEY", "short", "SECRET_KEY is insecure"),
        ("SECRET_KEY", "django-insecure-" + "x1y2z3" * 10, "SECRET_KEY is insecure"),
        ("ALLOWED_HOSTS", "*", "ALLOWED_HOSTS must list host names"),
        ("DATABASE_URL", "sqlite:////tmp/x.db", "must point at PostgreSQL"),
        ("DEBUG", "true", "DEBUG must be off"),
        ("JWT_PRIVATE_KEY", "not a key", "JWT_PRIVATE_KEY is not an unencrypted PEM private key"),
    ],
)
def test_an_insecure_value_is_refused_and_named(name, value, message):
    result = manage("check", env={**GOOD_ENV, name: value})
    assert result.returncode != 0
    assert message in result.stderr


TOKEN_LOGIN_RESOLVES = (
    "from django.urls import Resolver404, resolve\n"
    "try:\n    resolve('/_allauth/app/v1/auth/login'); print('token login: served')\n"
    "except Resolver404:\n    print('token login: not served')"
)


def test_without_a_signing_key_production_serves_no_token_endpoints():
    result = manage("shell", "-c", TOKEN_LOGIN_RESOLVES, env=GOOD_ENV)
    assert result.returncode == 0, result.stderr
    assert "token login: not served" in result.stdout


def test_with_a_signing_key_production_serves_the_token_endpoints():
    from app.settings.parts.api_tokens import new_private_key

    env = {**GOOD_ENV, "JWT_PRIVATE_KEY": new_private_key().replace("\n", "\\n")}
    result = manage("shell", "-c", TOKEN_LOGIN_RESOLVES, env=env)
    assert result.returncode == 0, result.stderr
    assert "token login: served" in result.stdout
