"""Locust event listeners: reset the stats after the warmup; on quitting, write what was
measured (results.json) for the runner to judge against the budgets (tool/cli.py).

Percentiles are computed from every response time as measured (exact), not from Locust's
buckets (1 ms below 100 ms): a ratio to the anchor, whose p95 is about a millisecond, would
otherwise move in steps of 50 % or more."""

from __future__ import annotations

import json
import math
import os
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import gevent

from loadtests.tool import gate


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (0 when empty)."""
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


class Timings:
    """Every response time (ms) per request name, and all together, since the last reset."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[float]] = defaultdict(list)

    def add(self, name: str, ms: float) -> None:
        self.by_name[name].append(ms)

    def reset(self) -> None:
        self.by_name.clear()

    def measured(self, times: list[float], entry: Any) -> gate.Measured:
        ordered = sorted(times)
        return gate.Measured(
            count=entry.num_requests,
            failures=entry.num_failures,
            p50=round(percentile(ordered, 0.50), 2),
            p95=round(percentile(ordered, 0.95), 2),
            p99=round(percentile(ordered, 0.99), 2),
            rps=entry.total_rps,
        )


def by_name(stats: Any, timings: Timings) -> dict[str, gate.Measured]:
    """One Measured per request name (Locust's entries are keyed by name and method)."""
    merged: dict[str, Any] = {}
    for (name, _method), entry in stats.entries.items():
        if name in merged:
            merged[name].extend(entry)
        else:
            merged[name] = entry
    return {name: timings.measured(timings.by_name[name], e) for name, e in merged.items()}


def install(events: Any, profile_name: str, paced_rps: float, skipped: dict[str, str], out: Path):
    state: dict[str, float] = {}
    timings = Timings()

    @events.request.add_listener
    def _time(name: str, response_time: float, **_: Any) -> None:
        timings.add(name, response_time)

    @events.test_start.add_listener
    def _warmup(environment: Any, **_: Any) -> None:
        def reset_after_warmup() -> None:
            gevent.sleep(float(os.environ.get("LOADTEST_WARMUP", "0")))
            environment.stats.reset_all()
            timings.reset()
            state["measure_start"] = time.time()

        state["test_start"] = time.time()
        gevent.spawn(reset_after_warmup)

    @events.quitting.add_listener
    def _write(environment: Any, **_: Any) -> None:
        stats = environment.stats
        requests = by_name(stats, timings)
        every = [t for times in timings.by_name.values() for t in times]
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(
            json.dumps(
                {
                    "profile": profile_name,
                    "host": environment.host,
                    "paced_rps": paced_rps,
                    "warmup_end": state.get("measure_start"),
                    "end": time.time(),
                    "requests": {n: m.__dict__ for n, m in sorted(requests.items())},
                    "total": timings.measured(every, stats.total).__dict__,
                    "skipped": skipped,
                },
                indent=2,
            )
        )
