"""Helpers to run the app's real processes (Granian, Celery) against the test database."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterable
from pathlib import Path

from django.db import connection

from app.serving import granian_command

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def process_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(DJANGO_SETTINGS_MODULE="app.settings.test", DATABASE_URL=test_database_url())
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}: {read_output(proc)}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


def stop(proc: subprocess.Popen) -> str:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return read_output(proc)


def manage_process(
    *args: str, settings: str, env: dict[str, str], drop: Iterable[str] = ()
) -> subprocess.CompletedProcess[str]:
    """manage.py in a fresh process, as start-up runs it, on `settings` with `env` on top of this
    environment; `drop`: variables it must not inherit (and no inherited EMAIL_*: a developer's
    mail settings must not decide a test)."""
    dropped = set(drop)
    base = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("EMAIL_")}
    base["DJANGO_SETTINGS_MODULE"] = settings
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def start_granian_wsgi(**env_extra: str) -> tuple[subprocess.Popen, str]:
    """Granian's web role (app/serving, as deployed; one worker) on the test settings and
    database, answering /healthz; returns the process and its base URL."""
    port = free_port()
    proc = subprocess.Popen(
        granian_command("web", host="127.0.0.1", port=port, workers=1),
        cwd=ROOT,
        env=process_env(**env_extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for_http(f"{base}/healthz", proc)
    except Exception:
        stop(proc)
        raise
    return proc, base


def read_output(proc: subprocess.Popen) -> str:
    return proc.stdout.read().decode(errors="replace")[-4000:] if proc.stdout else ""
