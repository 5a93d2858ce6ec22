"""The run history (JSON lines) and the change against the previous run of the same profile.

Noise is measured, not assumed: the spread (standard deviation) of each request's p95 over the
run's rolling 10 s windows, after warmup. A change counts as a regression only when it exceeds
twice the combined noise of the two runs and Locust's 1 ms bucket, and 10 %."""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import Any

from loadtests.tool.chart import read_history


def window_noise(csv_path: Path, after: float | None) -> dict[str, float]:
    if not csv_path.exists():
        return {}
    noise = {}
    for name, points in read_history(csv_path).items():
        p95s = [p95 for t, p95, _ in points if after is None or t >= after + 10]
        if len(p95s) >= 3:
            noise[name] = statistics.pstdev(p95s)
    return noise


def runs(path: Path) -> list[dict[str, Any]]:
    """Every run recorded in the history file (a line that is not JSON is skipped)."""
    found = []
    for line in path.read_text().splitlines() if path.exists() else []:
        try:
            found.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return found


def append(path: Path, record: dict[str, Any]) -> dict[str, Any] | None:
    """Append the run; return the previous run of the same profile (and target), if any."""
    path.parent.mkdir(parents=True, exist_ok=True)
    previous = None
    for run in runs(path):
        if run.get("profile") == record["profile"] and run.get("target") == record["target"]:
            previous = run
    with path.open("a") as f:
        f.write(json.dumps(record) + "\n")
    return previous


def compare(current: dict[str, Any], previous: dict[str, Any]) -> tuple[list[str], bool]:
    """Lines describing the change per request p95; and whether any is a regression."""
    lines = [
        f"Change against the previous {current['profile']} run ({previous['time']}, "
        f"commit {previous.get('commit', '?')}, load avg {previous['loadavg']['mean']:.1f} "
        f"vs {current['loadavg']['mean']:.1f} now):"
    ]
    regressed = False
    for name, now in sorted(current["requests"].items()):
        before = previous["requests"].get(name)
        if not before:
            continue
        delta = now["p95"] - before["p95"]
        noise = math.hypot(current["noise"].get(name, 0), previous.get("noise", {}).get(name, 0))
        threshold = max(2 * noise, 1.0, 0.1 * before["p95"])
        flag = ""
        if delta > threshold:
            flag, regressed = "  REGRESSION", True
        elif delta < -threshold:
            flag = "  improved"
        lines.append(
            f"  {name:34} p95 {before['p95']:6.0f} -> {now['p95']:6.0f} ms "
            f"({delta:+.0f}, noise ±{threshold:.0f}){flag}"
        )
    rps_before, rps_now = previous["total"]["rps"], current["total"]["rps"]
    lines.append(f"  {'achieved rps':34}     {rps_before:6.1f} -> {rps_now:6.1f}")
    for name, now_x in sorted(current.get("ratios", {}).items()):
        before_x = previous.get("ratios", {}).get(name)
        if before_x and now_x and name.endswith(("p95/anchor", "cpu ms/req/anchor")):
            lines.append(f"  {name:44} {before_x:5.1f}x -> {now_x:5.1f}x the anchor")
    cpu_before = previous.get("server_cpu_ms_per_request")
    cpu_now = current.get("server_cpu_ms_per_request")
    if cpu_before and cpu_now:
        lines.append(f"  {'server CPU ms per request':34}     {cpu_before:6.2f} -> {cpu_now:6.2f}")
    lines.append(
        "  => regression beyond the measured noise"
        if regressed
        else "  => no change beyond the measured noise"
    )
    return lines, regressed
