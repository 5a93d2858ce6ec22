"""Every command in the README's code blocks runs, verbatim, in a fresh clone with no `uv` and no
`just` on PATH — the machine the Quick start promises: Python, Node and git.

The clone is of HEAD (what is committed). To stay fast it borrows the checkout's .tools/ (the
pinned uv), frontend/node_modules and mypy cache; .venv/ is made by the Quick start itself (uv
links packages from its cache). Servers run on free ports (PORT, QS_*_PORT; the API examples'
127.0.0.1:8000 becomes the Quick start server's port), are probed, then stopped.

Marked `services`: it runs once, in CI's full-stack pass, where the service binaries `just
services` starts its own PostgreSQL, Valkey and RabbitMQ from are sure to be installed; the
backend of the suite's pass changes nothing here. The inner `python3 quickstart.py test` runs
ruff, mypy and Vitest in full and pytest on one file (PYTEST_ADDOPTS), not the suite again.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.commands.readme import Session, readme_commands
from tests.commands.shell import ROOT, newcomer_env
from tests.integration.processes import free_port

pytestmark = [pytest.mark.services, pytest.mark.slow, pytest.mark.timeout(1800)]

# Servers: what shows each one is up (a URL path on its PORT, or a line of its output).
SERVERS = {
    "python3 quickstart.py": "/",
    "just dev": "/",
    "just worker": r"celery@\S+ ready",
    "just beat": r"beat: Starting",
    "just serve": "/healthz",
}
KEPT = {"python3 quickstart.py"}  # the API examples call the Quick start's server
INNER_PYTEST = "-q -p no:cacheprovider tests/core/test_health.py"
NOT_OURS = ("DATABASE_URL", "VALKEY_URL", "CACHE_URL", "CELERY_BROKER_URL", "CHANNELS_URL")


def amqp_port() -> int:
    """A free port whose Erlang distribution port (+20000, just/services.sh) is free too."""
    for _ in range(100):
        port = free_port()
        if port < 45000:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port + 20000)) != 0:
                    return port
    raise RuntimeError("no free port pair for RabbitMQ")


@pytest.fixture(scope="module")
def session() -> Iterator[Session]:
    # /tmp, not pytest's 0700 folder: `just services` runs PostgreSQL as the postgres user.
    where = Path(tempfile.mkdtemp(prefix="qs-readme-"))
    where.chmod(0o755)
    clone = where / "quickscale"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    env = newcomer_env(
        QS_PG_PORT=str(free_port()),
        QS_VALKEY_PORT=str(free_port()),
        QS_AMQP_PORT=str(amqp_port()),
        PYTEST_ADDOPTS=INNER_PYTEST,
    )
    for name in (*NOT_OURS, "DJANGO_SETTINGS_MODULE", "PORT"):
        env.pop(name, None)
    (clone / ".tools").symlink_to(ROOT / ".tools")
    if (ROOT / "frontend" / "node_modules").is_dir():
        (clone / "frontend" / "node_modules").symlink_to(ROOT / "frontend" / "node_modules")
    for borrowed in ("frontend/dist", ".mypy_cache"):
        if (ROOT / borrowed).is_dir():
            shutil.copytree(ROOT / borrowed, clone / borrowed, symlinks=True)
    logs = where / "logs"
    logs.mkdir()
    session = Session(cwd=clone, env=env, logs=logs)
    try:
        yield session
    finally:
        session.stop_all()
        subprocess.run(["bash", "just/services.sh", "down"], cwd=clone, capture_output=True)
        shutil.rmtree(where, ignore_errors=True)


def check_api_output(session: Session, command: str, output: str) -> None:
    """What a reader reads from the API examples' output (and copies into ACCESS, REFRESH)."""
    if "/auth/login" in command:
        meta = json.loads(output)["meta"]
        session.env.update(ACCESS=meta["access_token"], REFRESH=meta["refresh_token"])
    elif "/api/v1/tasks/" in command:
        body = json.loads(output)
        assert body["error"] is None and body["data"], body
    elif "/tokens/refresh" in command:
        assert json.loads(output)["status"] == 200, output


def test_every_readme_command_runs_on_a_fresh_clone(session: Session) -> None:
    commands = readme_commands((session.cwd / "README.md").read_text())
    assert "python3 quickstart.py" in commands and "python3 quickstart.py test" in commands
    quickstart_port = ""
    for command in commands:
        name = command.split("#", 1)[0].strip()
        if name in SERVERS:
            port = str(free_port())
            session.env["PORT"] = port
            ready = SERVERS[name]
            ready = f"http://127.0.0.1:{port}{ready}" if ready.startswith("/") else ready
            server = session.start(command, ready)
            if name in KEPT:
                quickstart_port = port
            else:
                server.stop()
            continue
        if quickstart_port:
            command = command.replace("127.0.0.1:8000", f"127.0.0.1:{quickstart_port}")
        check_api_output(session, command, session.run(command))
    print("README commands run (seconds to done or ready):")
    for command, took in zip(session.ran, session.took, strict=True):
        print(f"  {took:6.1f}  {command}")
    assert len(session.ran) == len(commands)
