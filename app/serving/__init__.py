"""How Granian serves QuickScale: the one definition every launcher uses.

The justfile, the container entrypoint, the Ansible systemd units, the Quick start, the
integration tests and the load-test stack all start Granian through this module, so a tuning
change (workers, threads, backpressure, WebSockets) is made once and reaches all of them.

Roles:
  web       WSGI: the sync Django app, workers x blocking threads, bounded backpressure and no
            WebSockets (WSGI measured far faster than ASGI for it: shared/design/perf.md).
  web-asgi  ASGI (asginl: Django's ASGI app has no lifespan handler): WebSockets for live updates.
  dev       ASGI with reload: pages and live updates in one process (Quick start, `just dev`).

Python: ``granian_command("web", host=..., port=...)`` returns the argv list.
Shell, systemd: ``python -m app.serving web --host H --port P [--workers N] [--threads N]``
execs Granian (``--print`` prints the command instead). Imports nothing from Django.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

WSGI_APP = "app.wsgi:application"
ASGI_APP = "app.asgi:application"


@dataclass(frozen=True)
class Role:
    interface: str
    app: str
    workers: int
    threads: int | None  # blocking threads: WSGI only (ASGI runs Django's sync code in its own)
    backpressure: int | None  # requests a worker accepts at once; None keeps Granian's default
    websockets: bool
    reload: bool = False


ROLES: dict[str, Role] = {
    # 2 x 2 measured best on the 2-core reference machine (loadtests/README.md); backpressure 64
    # queues a burst in the worker instead of refusing it.
    "web": Role("wsgi", WSGI_APP, workers=2, threads=2, backpressure=64, websockets=False),
    "web-asgi": Role(
        "asginl", ASGI_APP, workers=2, threads=None, backpressure=None, websockets=True
    ),
    "dev": Role(
        "asginl", ASGI_APP, workers=1, threads=None, backpressure=None, websockets=True, reload=True
    ),
}


class ServingError(ValueError):
    """A role or shape that cannot be served; the message names the problem."""


def granian_args(
    role: str = "web",
    *,
    host: str,
    port: int,
    workers: int | None = None,
    threads: int | None = None,
    app: str | None = None,
) -> list[str]:
    """Granian's arguments (without the program) for a role; None keeps the role's default.

    ``app`` replaces the role's application (the load test's anchor app is served as `web`).
    """
    if role not in ROLES:
        raise ServingError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    spec = ROLES[role]
    if not 0 < int(port) < 65536:
        raise ServingError(f"port must be between 1 and 65535, not {port}")
    for name, value in (("workers", workers), ("threads", threads)):
        if value is not None and int(value) < 1:
            raise ServingError(f"{name} must be at least 1, not {value}")
    if threads is not None and spec.threads is None:
        raise ServingError(f"the {role} role (ASGI) has no blocking threads to set")
    args = ["--interface", spec.interface, "--host", host, "--port", str(port)]
    args += ["--workers", str(workers or spec.workers)]
    if spec.threads is not None:
        args += ["--blocking-threads", str(threads or spec.threads)]
    if spec.backpressure is not None:
        args += ["--backpressure", str(spec.backpressure)]
    args.append("--ws" if spec.websockets else "--no-ws")
    if spec.reload:
        args += ["--reload", "--reload-paths", "app"]
    return [*args, app or spec.app]


def granian_program() -> list[str]:
    """The Granian of this interpreter's environment (the venv's), whatever PATH says."""
    beside = Path(sys.executable).parent / "granian"
    if beside.exists():
        return [str(beside)]
    found = shutil.which("granian")
    return [found] if found else [sys.executable, "-m", "granian"]


def granian_command(role: str = "web", **options: object) -> list[str]:
    """The whole argv: ``granian_command("web", host="127.0.0.1", port=8000, workers=2)``."""
    return [*granian_program(), *granian_args(role, **options)]  # type: ignore[arg-type]
