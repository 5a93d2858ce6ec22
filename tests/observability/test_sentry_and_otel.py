"""Sentry and OpenTelemetry switch on from their environment variables and really send."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.observability.collector import Collector

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client(raise_request_exception=False)
client.get("/healthz")
client.get("/boom/")
import sentry_sdk
sentry_sdk.flush(timeout=10)
from opentelemetry import trace
provider = trace.get_tracer_provider()
if hasattr(provider, "force_flush"):
    provider.force_flush(10_000)
"""


@pytest.fixture
def collector():
    c = Collector()
    yield c
    c.close()


def run_app(env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SENTRY_", "OTEL_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="app.settings.test",
        **env_extra,
    )
    # The test URLconf adds a failing view.
    script = "from django.conf import settings\n" + SCRIPT.replace(
        "django.setup()", "django.setup()\nsettings.ROOT_URLCONF = 'tests.core.boom_urls'"
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_an_unhandled_error_reaches_sentry(collector):
    result = run_app({"SENTRY_DSN": f"http://publickey@127.0.0.1:{collector.port}/42"})
    assert result.returncode == 0, result.stderr
    envelopes = [body for path, body in collector.requests if path == "/api/42/envelope/"]
    assert envelopes, collector.paths()
    assert any(b"secret internal detail" in body for body in envelopes)


def test_requests_are_traced_over_otlp(collector):
    result = run_app(
        {
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{collector.port}",
            "OTEL_SERVICE_NAME": "quickscale-test",
        }
    )
    assert result.returncode == 0, result.stderr
    traces = [body for path, body in collector.requests if path == "/v1/traces"]
    assert traces, collector.paths()
    assert b"quickscale-test" in traces[0] and b"/healthz" in b"".join(traces)


def test_nothing_is_sent_without_the_variables(collector):
    result = run_app({})
    assert result.returncode == 0, result.stderr
    assert collector.requests == []
