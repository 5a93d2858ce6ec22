"""CPU seconds the stack has used (Linux /proc): the server's cost per request, a figure that
holds on a busy machine where latencies do not (they include waiting for a CPU).

Counted: the processes the runner started (Granian and its workers, the Celery worker) and the
PostgreSQL backends serving the load test's own database. Not counted: Valkey/Redis and
RabbitMQ (shared servers whose work cannot be told apart by process)."""

from __future__ import annotations

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of one process, or None when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def stack_cpu(root_pids: list[int], database: str) -> dict[int, float]:
    """pid -> CPU seconds for the root processes, their descendants, and PostgreSQL backends
    connected to `database` (none when it is empty)."""
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (st := _stat(int(entry.name))):
            stats[int(entry.name)] = st
    wanted, frontier = set(root_pids), list(root_pids)
    while frontier:
        pid = frontier.pop()
        children = [p for p, (ppid, _) in stats.items() if ppid == pid and p not in wanted]
        wanted.update(children)
        frontier.extend(children)
    marker = f" {database} "
    for pid in stats if database else ():
        if pid not in wanted and (cmd := _cmdline(pid)).startswith("postgres:") and marker in cmd:
            wanted.add(pid)
    return {pid: stats[pid][1] for pid in wanted if pid in stats}


class CpuAccount:
    """Total CPU seconds over every process ever seen: a process that exits (a recycled
    database connection) keeps what it had used at its last sample."""

    def __init__(self) -> None:
        self.seen: dict[int, float] = {}

    def add(self, sample: dict[int, float]) -> float:
        for pid, cpu in sample.items():
            self.seen[pid] = max(cpu, self.seen.get(pid, 0.0))
        return sum(self.seen.values())
