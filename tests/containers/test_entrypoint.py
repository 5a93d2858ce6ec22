"""containers/entrypoint, run on the host with stand-ins for granian, celery and python.

The stand-ins print their arguments and their PID, so the tests see which command each role
runs, with which settings, and that it was exec'd (same PID as the process we started: the
server is PID 1 in the container and gets the stop signal itself). The image itself is proven
by containers/image-test.sh (`just image-test`).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ENTRYPOINT = Path(__file__).resolve().parents[2] / "containers" / "entrypoint"
REQUIRED = {
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "example.test",
    "DATABASE_URL": "postgres://db.invalid/app",
    "VALKEY_URL": "redis://valkey.invalid:6379/0",
    "CELERY_BROKER_URL": "amqp://rabbit.invalid//",
}
STAND_IN = '#!/bin/sh\necho "pid=$$ $(basename "$0") $*"\n'


@pytest.fixture
def bin_dir(tmp_path: Path) -> Path:
    for name in ("granian", "celery", "python"):
        path = tmp_path / name
        path.write_text(STAND_IN)
        path.chmod(0o755)
    return tmp_path


def run(bin_dir: Path, *args: str, **env: str) -> tuple[int, list[str], str, int]:
    """Returns (exit code, stdout lines, stderr, pid of the process started)."""
    proc = subprocess.Popen(
        [str(ENTRYPOINT), *args],
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = proc.communicate(timeout=10)
    return proc.returncode, out.splitlines(), err, proc.pid


def test_web_runs_the_serving_definitions_web_role_and_is_execd(bin_dir: Path) -> None:
    # app/serving execs Granian in turn (tests/serving prove what it runs).
    code, out, _, pid = run(bin_dir, ROLE="web", **REQUIRED)
    assert code == 0
    assert out == [f"pid={pid} python -m app.serving web --host 0.0.0.0 --port 8000"]


def test_web_settings_come_from_the_environment(bin_dir: Path) -> None:
    code, out, _, _ = run(
        bin_dir, ROLE="web", PORT="9001", WEB_WORKERS="3", WEB_BLOCKING_THREADS="6", **REQUIRED
    )
    assert code == 0
    assert out[0].endswith("--port 9001 --workers 3 --threads 6")


def test_web_asgi_runs_the_serving_definitions_asgi_role(bin_dir: Path) -> None:
    code, out, _, pid = run(bin_dir, ROLE="web-asgi", **REQUIRED)
    assert code == 0
    assert out == [f"pid={pid} python -m app.serving web-asgi --host 0.0.0.0 --port 8000"]


def test_worker_consumes_the_queues_from_the_environment(bin_dir: Path) -> None:
    _, out, _, pid = run(bin_dir, ROLE="worker", **REQUIRED)
    assert out == [
        f"pid={pid} celery -A app worker --loglevel info --queues default,interactive,reports"
        " --concurrency 2"
    ]
    _, out, _, _ = run(bin_dir, ROLE="worker", CELERY_QUEUES="reports", **REQUIRED)
    assert "--queues reports " in out[0]


def test_beat_keeps_its_schedule_where_the_app_user_can_write(bin_dir: Path) -> None:
    _, out, _, pid = run(bin_dir, ROLE="beat", **REQUIRED)
    assert out == [
        f"pid={pid} celery -A app beat --loglevel info --schedule /tmp/celerybeat-schedule"
    ]


def test_migrate_migrates_then_collects_static(bin_dir: Path) -> None:
    code, out, _, pid = run(bin_dir, ROLE="migrate", **REQUIRED)
    assert code == 0
    assert [line.split(" ", 1)[1] for line in out] == [
        "python manage.py migrate --noinput",
        "python manage.py collectstatic --noinput --verbosity 1",
    ]
    assert out[1].startswith(f"pid={pid} ")  # the last step is exec'd


def test_shell_passes_arguments_on(bin_dir: Path) -> None:
    _, out, _, _ = run(bin_dir, "-c", "print(1)", ROLE="shell", **REQUIRED)
    assert out[0].split(" ", 1)[1] == "python manage.py shell -c print(1)"


@pytest.mark.parametrize("role", ["", "webb", "web worker"])
def test_missing_or_unknown_role_exits_64_naming_the_valid_ones(bin_dir: Path, role: str) -> None:
    code, out, err, _ = run(bin_dir, ROLE=role, **REQUIRED)
    assert code == 64
    assert out == []
    assert "valid roles: web web-asgi worker beat migrate shell" in err
    assert ("ROLE is not set" if not role else f"unknown ROLE '{role}'") in err


@pytest.mark.parametrize("missing", sorted(REQUIRED))
def test_missing_required_variable_is_named(bin_dir: Path, missing: str) -> None:
    env = {k: v for k, v in REQUIRED.items() if k != missing}
    code, out, err, _ = run(bin_dir, ROLE="worker", **env)
    assert code == 64
    assert out == []
    assert err.strip() == (
        f"entrypoint: required environment variable {missing} is not set (role worker)"
    )


def test_empty_variable_counts_as_missing(bin_dir: Path) -> None:
    code, _, err, _ = run(bin_dir, ROLE="web", **{**REQUIRED, "SECRET_KEY": ""})
    assert code == 64
    assert "SECRET_KEY is not set" in err


def test_required_list_matches_production_settings() -> None:
    """The entrypoint checks exactly what production settings require."""
    required = pytest.importorskip("app.settings.parts.required")
    text = ENTRYPOINT.read_text()
    line = next(x for x in text.splitlines() if x.startswith("REQUIRED_VARS="))
    assert set(line.split("=", 1)[1].strip('"').split()) == set(required.REQUIRED)


def test_entrypoint_is_executable() -> None:
    assert os.access(ENTRYPOINT, os.X_OK)
