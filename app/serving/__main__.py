"""`python -m app.serving ROLE --host H --port P [--workers N] [--threads N] [--print]`.

Replaces itself with Granian (exec), so systemd and container runtimes see, signal and stop
Granian itself; --print shows the command instead.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from app.serving import ROLES, ServingError, granian_command


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m app.serving", description="Start Granian as QuickScale serves."
    )
    parser.add_argument("role", choices=sorted(ROLES), help="web (WSGI), web-asgi, dev")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int, help="worker processes (the role's default)")
    parser.add_argument("--threads", type=int, help="blocking threads per worker (web only)")
    parser.add_argument("--print", action="store_true", help="print the command, do not run it")
    return parser.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse(argv)
    try:
        command = granian_command(
            args.role, host=args.host, port=args.port, workers=args.workers, threads=args.threads
        )
    except ServingError as exc:
        sys.exit(f"serving: {exc}")
    if args.print:
        print(shlex.join(command))
        return
    sys.stdout.flush()
    os.execv(command[0], command)  # noqa: S606  (our own argv, no shell)


if __name__ == "__main__":
    main(sys.argv[1:])
