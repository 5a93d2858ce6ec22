"""The README's shell commands, and a shell session that runs them one by one in a fresh clone.

The session carries the environment from command to command (so `source .venv/bin/activate`,
`eval "$(just services | grep ^export)"` and `. ./.admin-credentials` work as in a terminal);
servers are started in the background, probed, and stopped with their whole process group.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


def readme_commands(text: str) -> list[str]:
    """Every command of the README's ```sh blocks, continuation lines joined, in order."""
    commands: list[str] = []
    for block in re.findall(r"^```sh\n(.*?)^```", text, re.S | re.M):
        pending = ""
        for line in block.splitlines():
            if line.rstrip().endswith("\\"):
                pending += line.rstrip()[:-1].rstrip() + " "
                continue
            command = (pending + line.strip()).strip()
            pending = ""
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass
class Server:
    command: str
    proc: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@dataclass
class Session:
    cwd: Path
    env: dict[str, str]
    logs: Path
    servers: list[Server] = field(default_factory=list)
    ran: list[str] = field(default_factory=list)
    took: list[float] = field(default_factory=list)

    def run(self, command: str, timeout: float = 900) -> str:
        """Run to completion (exit 0 required); the environment it leaves carries on."""
        env_out = self.logs / "env"
        # allexport: a variable the command sets (`. ./.admin-credentials`) reaches the next
        # command, as in one terminal.
        script = f"set -ea\n{command}\nenv -0 > {env_out}\n"
        started = time.monotonic()
        proc = subprocess.run(
            ["bash", "-c", script],
            cwd=self.cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        self.ran.append(command)
        self.took.append(time.monotonic() - started)
        assert proc.returncode == 0, (
            f"`{command}` exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
        entries = env_out.read_bytes().decode().split("\0")
        self.env = dict(e.split("=", 1) for e in entries if "=" in e)
        return proc.stdout

    def start(self, command: str, ready: str, timeout: float = 600) -> Server:
        """Start a server; ready is an http:// URL answering 200 or a regex of its output."""
        log = self.logs / f"server-{len(self.servers)}.log"
        proc = subprocess.Popen(
            ["bash", "-c", command],
            cwd=self.cwd,
            env=self.env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        server = Server(command, proc, log)
        self.servers.append(server)
        self.ran.append(command)
        started = time.monotonic()
        deadline = started + timeout
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                tail = server.output()[-4000:]
                raise AssertionError(f"`{command}` exited {proc.returncode}:\n{tail}")
            if http_ok(ready) if ready.startswith("http") else re.search(ready, server.output()):
                self.took.append(time.monotonic() - started)
                return server
            time.sleep(1)
        server.stop()
        tail = server.output()[-4000:]
        raise AssertionError(f"`{command}` not ready ({ready}) in {timeout}s:\n{tail}")

    def stop_all(self) -> None:
        for server in reversed(self.servers):
            server.stop()
