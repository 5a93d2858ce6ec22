"""Serve the anchor app (loadtests/anchor/) on 127.0.0.1 in the kit's Granian shape.

Started by the runner before each measured window, on the same database and cache URLs as the
stack it measures, and stopped with it. Its CPU is counted like the stack's (tool/proc_cpu.py),
so the kit's CPU per request is reported as a multiple of the anchor's.
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

from loadtests.tool.proc_cpu import CpuAccount, stack_cpu
from loadtests.tool.stack import ROOT, StackError, granian_command, wait_until_ready

PATH = "/anchor"


def anchor_port() -> int:
    value = os.environ.get("LOADTEST_ANCHOR_PORT", "8764")
    if not value.isdigit() or not 0 < int(value) < 65536:
        raise StackError(f"LOADTEST_ANCHOR_PORT must be a port number, not {value!r}")
    return int(value)


class AnchorServer:
    def __init__(self, log_dir: Path, database_url: str = "", valkey_url: str = "") -> None:
        self.port = anchor_port()
        self.log_dir = log_dir
        self.database_url = database_url
        self.valkey_url = valkey_url
        self.proc: subprocess.Popen | None = None
        self._cpu = CpuAccount()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def preflight(self) -> None:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                raise StackError(
                    f"port {self.port} on 127.0.0.1 (the anchor's) is already in use; stop "
                    f"what uses it or set LOADTEST_ANCHOR_PORT"
                )

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as the stack (tool/stack.py)
        env["DJANGO_SETTINGS_MODULE"] = "loadtests.anchor.settings"
        for var, value in (("DATABASE_URL", self.database_url), ("VALKEY_URL", self.valkey_url)):
            if value:
                env[var] = value
            else:
                env.pop(var, None)
        return env

    def start(self) -> None:
        self.preflight()
        self.log_dir.mkdir(parents=True, exist_ok=True)
        log = (self.log_dir / "anchor.log").open("w")
        self.proc = subprocess.Popen(
            granian_command("loadtests.anchor.wsgi:application", self.port),
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until_ready(self.url + PATH, [self.proc], f"{self.log_dir}/anchor.log")

    def cpu_seconds(self) -> float:
        """CPU the anchor's Granian (and its workers) has used so far."""
        pids = [self.proc.pid] if self.proc else []
        return self._cpu.add(stack_cpu(pids, database=""))

    def stop(self) -> None:
        if self.proc is None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc = None

    def __enter__(self) -> AnchorServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
