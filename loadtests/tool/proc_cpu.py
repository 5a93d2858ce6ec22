"""CPU seconds a process tree has used (Linux /proc): the server's cost per request, a figure
that holds on a busy machine where latencies do not (they include waiting for a CPU)."""

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


def tree_cpu_seconds(root_pids: list[int]) -> float:
    """CPU seconds used so far by these processes and all their descendants."""
    if not Path("/proc/self/stat").exists():
        return 0.0
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (st := _stat(int(entry.name))):
            stats[int(entry.name)] = st
    wanted, total, frontier = set(root_pids), 0.0, list(root_pids)
    while frontier:
        pid = frontier.pop()
        total += stats.get(pid, (0, 0.0))[1]
        children = [p for p, (ppid, _) in stats.items() if ppid == pid and p not in wanted]
        wanted.update(children)
        frontier.extend(children)
    return total
