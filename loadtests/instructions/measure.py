"""Step 2 of a count, run under callgrind (callgrind.py starts it): serve each hot path through
Django's WSGI handler in this process, warm it, then count a loop of N requests.

    valgrind --tool=callgrind --instr-atstart=no --zero-before=ctermid \
        --dump-before=getloadavg python -m loadtests.instructions.measure ...

Start-up and warm-up run uninstrumented (callgrind's --instr-atstart=no: several times faster
than counting them). Then instrumentation is switched on once (callgrind_control, the tool
valgrind ships) and each path's loop sits between two markers: os.ctermid() zeroes the counters
(libc's ctermid, --zero-before) and os.getloadavg() dumps them (--dump-before), one dump per
path, in order. Neither function is called by Django or the app; callgrind.py checks there is
exactly one dump per path.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from loadtests.instructions.hot_paths import HOT_PATHS, HotPath

ZERO_MARKER = "ctermid"  # libc functions behind os.ctermid() and os.getloadavg()
DUMP_MARKER = "getloadavg"

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class MeasureError(RuntimeError):
    pass


def environ(path: str, query: str, session: str) -> dict[str, Any]:
    """A browser's signed-in GET, as a WSGI server hands it to Django."""
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_HOST": "127.0.0.1:8000",
        "HTTP_ACCEPT": "text/html,application/json",
        "HTTP_COOKIE": f"sessionid={session}",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": True,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def serve(app: WsgiApp, env: dict[str, Any]) -> tuple[str, bytes]:
    status: list[str] = []

    def start_response(line: str, headers: list, exc_info: Any = None) -> Callable:
        status.append(line)
        return lambda data: None

    response = app(env, start_response)
    try:
        body = b"".join(response)
    finally:
        close = getattr(response, "close", None)
        if close is not None:
            close()  # request_finished: what a WSGI server does after every response
    return status[0], body


def check_warm(path: HotPath, status: str, body: bytes) -> None:
    """A warm-up response must be the real page: 200, and for the API a non-empty result."""
    if not status.startswith("200"):
        raise MeasureError(f"{path.name}: {path.label} answered {status}, not 200")
    if path.name != "tasks_page" and not json.loads(body).get("data"):
        raise MeasureError(f"{path.name}: {path.label} returned no data (is the fixture seeded?)")


def instrumentation_on() -> None:
    """Ask callgrind to count from now on. Spin while waiting: callgrind reads the request
    between blocks of guest code, so a process blocked in waitpid would never see it."""
    control = subprocess.Popen(
        ["callgrind_control", "--instr=on", str(os.getpid())],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    deadline = time.monotonic() + 60
    while control.poll() is None:
        if time.monotonic() > deadline:
            control.kill()
            raise MeasureError("callgrind_control did not answer within 60 s")
    output = control.stdout.read() if control.stdout else ""
    if control.returncode != 0 or "OK" not in output:
        raise MeasureError(f"callgrind_control could not switch instrumentation on: {output}")


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="loadtests.instructions.measure")
    p.add_argument("--fixture", type=Path, required=True)
    p.add_argument("--report", type=Path, required=True)
    p.add_argument("--paths", required=True, help="comma-separated names from hot_paths.py")
    p.add_argument("--requests", type=int, required=True)
    p.add_argument("--warmup", type=int, required=True)
    args = p.parse_args(argv)

    import django
    from django.core.handlers.wsgi import WSGIHandler

    django.setup()
    app = WSGIHandler()
    fixture = json.loads(args.fixture.read_text())
    paths = [HOT_PATHS[name] for name in args.paths.split(",")]
    targets = {path.name: path.target(fixture) for path in paths}
    report: dict[str, Any] = {"paths": [p.name for p in paths], "statuses": {}}
    try:
        for path in paths:
            for _ in range(args.warmup):
                check_warm(path, *serve(app, environ(*targets[path.name], fixture["session"])))
        instrumentation_on()
        for path in paths:
            statuses = set()
            os.ctermid()  # callgrind: zero the counters
            for _ in range(args.requests):
                statuses.add(serve(app, environ(*targets[path.name], fixture["session"]))[0])
            os.getloadavg()  # callgrind: dump the counters
            report["statuses"][path.name] = sorted(statuses)
    except MeasureError as exc:
        report["error"] = str(exc)
    args.report.write_text(json.dumps(report))


if __name__ == "__main__":
    main()
