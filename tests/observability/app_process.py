"""Run the app in a fresh process (so Sentry and OpenTelemetry start from its environment),
make some requests through Django's test client, then flush what the SDKs hold."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import django
django.setup()
from django.conf import settings
settings.ROOT_URLCONF = "tests.observability.urls"  # the site plus a failing view and a task
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
client = Client(raise_request_exception=False)
{requests}
import sentry_sdk
sentry_sdk.flush(timeout=10)
from opentelemetry import trace
provider = trace.get_tracer_provider()
if hasattr(provider, "force_flush"):
    provider.force_flush(10_000)
"""


def run_app(requests: str, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`requests`: Python lines using `client`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SENTRY_", "OTEL_"))}
    env.update(DJANGO_SETTINGS_MODULE="app.settings.test", **env_extra)
    return subprocess.run(
        [sys.executable, "-c", SCRIPT.format(requests=requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
