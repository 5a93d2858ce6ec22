"""app/serving: the one definition of how Granian serves each role, read by Granian's own CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest
from granian.cli import cli as granian_cli

from app.serving import ServingError, granian_args, granian_command


def parsed(role: str, **options: object) -> dict:
    """What Granian itself makes of the arguments (its click command, not run)."""
    args = granian_args(role, **{"host": "127.0.0.1", "port": 8000, **options})  # type: ignore[arg-type]
    return granian_cli.make_context("granian", args).params


def test_web_role_is_wsgi_two_by_two_with_backpressure_and_no_websockets() -> None:
    params = parsed("web")
    assert params["interface"].value == "wsgi"
    assert params["app"] == "app.wsgi:application"
    assert (params["workers"], params["blocking_threads"], params["backpressure"]) == (2, 2, 64)
    assert params["websockets"] is False
    assert params["reload"] is False


def test_web_asgi_role_serves_websockets_for_live_updates() -> None:
    params = parsed("web-asgi")
    assert params["interface"].value == "asginl"  # Django's ASGI app has no lifespan
    assert params["app"] == "app.asgi:application"
    assert params["websockets"] is True
    assert params["reload"] is False


def test_dev_role_reloads_on_code_changes() -> None:
    params = parsed("dev")
    assert params["interface"].value == "asginl"
    assert params["websockets"] is True
    assert params["reload"] is True
    assert [str(p) for p in params["reload_paths"]] == ["app"]


def test_shape_and_app_can_be_chosen_per_launch() -> None:
    params = parsed("web", workers=3, threads=6, port=9001, app="other.wsgi:application")
    assert (params["workers"], params["blocking_threads"], params["port"]) == (3, 6, 9001)
    assert params["app"] == "other.wsgi:application"


@pytest.mark.parametrize(
    ("role", "options", "message"),
    [
        ("nope", {}, "unknown role 'nope'"),
        ("web", {"port": 0}, "port must be between 1 and 65535"),
        ("web", {"workers": 0}, "workers must be at least 1"),
        ("web-asgi", {"threads": 2}, "no blocking threads"),
    ],
)
def test_bad_shapes_are_refused_by_name(role: str, options: dict, message: str) -> None:
    with pytest.raises(ServingError, match=message):
        granian_args(role, **{"host": "127.0.0.1", "port": 8000, **options})  # type: ignore[arg-type]


def test_the_command_runs_the_granian_of_this_environment() -> None:
    command = granian_command("web", host="127.0.0.1", port=8000)
    assert command[0].endswith("granian") or command[:3] == [sys.executable, "-m", "granian"]


def test_cli_prints_the_command_it_would_exec() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "app.serving", "web", "--port", "9", "--threads", "3", "--print"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "--interface wsgi" in out
    assert "--port 9 --workers 2 --blocking-threads 3 --backpressure 64 --no-ws" in out


def test_cli_names_bad_input_without_a_traceback() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "app.serving", "web", "--workers", "0"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode != 0
    assert "serving: workers must be at least 1" in proc.stderr
    assert "Traceback" not in proc.stderr
