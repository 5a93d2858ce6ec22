"""`just serve` is production-like: production settings, plain HTTP on 127.0.0.1 only.

It used to run the development settings with DEBUG off (the dev key fallback, the dev JWT key
from .var/, the load-test slowdown middleware). Run as a newcomer would: `just` from the venv,
no uv and no just on PATH.
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import urllib.request

import pytest

from tests.commands.shell import JUST, ROOT, newcomer_env
from tests.integration import processes
from tests.integration.processes import free_port, wait_for_http

SERVICE_VARS = ("DATABASE_URL", "VALKEY_URL", "CACHE_URL", "CELERY_BROKER_URL", "CHANNELS_URL")


def serve_env(**extra: str) -> dict[str, str]:
    env = newcomer_env(**extra)
    for name in ("DJANGO_SETTINGS_MODULE", "JWT_PRIVATE_KEY", "DEBUG"):
        env.pop(name, None)
    return env


def test_without_the_full_stack_it_refuses_naming_the_variables() -> None:
    dotenv = (ROOT / ".env").read_text() if (ROOT / ".env").exists() else ""
    if any(f"{name}=" in dotenv for name in SERVICE_VARS):
        pytest.skip(".env sets service URLs")
    env = {k: v for k, v in serve_env().items() if k not in SERVICE_VARS}
    env["PORT"] = str(free_port())
    try:
        proc = subprocess.run(
            [str(JUST), "serve"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
        )
    except subprocess.TimeoutExpired as exc:  # the old recipe served the dev settings on SQLite
        pytest.fail(f"just serve started without DATABASE_URL:\n{exc.stdout!r}")
    assert proc.returncode != 0
    for name in ("DATABASE_URL is not set", "VALKEY_URL is not set", "CELERY_BROKER_URL"):
        assert name in proc.stderr
    assert "just services" in proc.stderr  # and says where the URLs come from
    assert "Traceback" not in proc.stderr


def start(env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [str(JUST), "serve"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{env['PORT']}"
    try:
        wait_for_http(f"{base}/healthz", proc, timeout=240)  # a first collectstatic included
    except Exception:
        stop(proc)
        raise
    return proc, base


def stop(proc: subprocess.Popen) -> str:
    # just runs the runner, which execs Granian: stop the whole session.
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        out, _ = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    return out.decode(errors="replace")


@pytest.mark.services
@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_serves_production_settings_over_loopback_http_and_collects_static_once() -> None:
    env = serve_env(PORT=str(free_port()), SECRET_KEY=secrets.token_urlsafe(50))
    env["DATABASE_URL"] = processes.test_database_url()
    proc, base = start(env)
    try:
        # Production has no API token key unless JWT_PRIVATE_KEY is set; dev always has one.
        with urllib.request.urlopen(f"{base}/.well-known/jwks.json") as response:  # noqa: S310
            assert json.load(response) == {"keys": []}
        # Plain HTTP works: no redirect to https, cookies not HTTPS-only, no HSTS.
        with urllib.request.urlopen(f"{base}/accounts/login/") as response:  # noqa: S310
            assert response.url == f"{base}/accounts/login/"
            assert "Strict-Transport-Security" not in response.headers
            cookie = response.headers["Set-Cookie"]
            assert "csrftoken=" in cookie and "Secure" not in cookie
    finally:
        first = stop(proc)
    assert "production settings, plain HTTP" in first

    manifest = ROOT / "staticfiles" / "staticfiles.json"
    collected_at = manifest.stat().st_mtime
    proc, base = start(env)
    second = stop(proc)
    assert "static files are current (not collected)" in second
    assert manifest.stat().st_mtime == collected_at


def test_plain_http_serving_offers_no_other_address_than_loopback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.serving.local", "--host", "0.0.0.0"],  # noqa: S104
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "unrecognized arguments: --host" in proc.stderr
