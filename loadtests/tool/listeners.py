"""Locust event listeners: reset the stats after the warmup; check budgets on quitting.

Locust's own --check-* flags (locust-plugins) check only averages; percentiles are checked here
and environment.process_exit_code is set only when a budget breaks (never to 0: that would hide
Locust's own failure exit)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import gevent

from loadtests.tool import gate, report
from loadtests.tool.budgets import Profile


def _measured(entry: Any) -> gate.Measured:
    return gate.Measured(
        count=entry.num_requests,
        failures=entry.num_failures,
        p50=entry.get_response_time_percentile(0.5) or 0,
        p95=entry.get_response_time_percentile(0.95) or 0,
        p99=entry.get_response_time_percentile(0.99) or 0,
        rps=entry.total_rps,
    )


def by_name(stats: Any) -> dict[str, gate.Measured]:
    """One Measured per request name (entries are keyed by name and method)."""
    merged: dict[str, Any] = {}
    for (name, _method), entry in stats.entries.items():
        if name in merged:
            merged[name].extend(entry)
        else:
            merged[name] = entry
    return {name: _measured(entry) for name, entry in merged.items()}


def install(events: Any, profile: Profile, skipped: dict[str, str], out: Path) -> None:
    state: dict[str, float] = {}

    @events.test_start.add_listener
    def _warmup(environment: Any, **_: Any) -> None:
        def reset_after_warmup() -> None:
            gevent.sleep(float(os.environ.get("LOADTEST_WARMUP", profile.warmup)))
            environment.stats.reset_all()
            state["measure_start"] = time.time()

        state["test_start"] = time.time()
        gevent.spawn(reset_after_warmup)

    @events.quitting.add_listener
    def _check(environment: Any, **_: Any) -> None:
        stats = environment.stats
        requests = by_name(stats)
        total = _measured(stats.total)
        checks = gate.evaluate(profile, requests, total, skipped)
        ok = gate.passed(checks)
        out.mkdir(parents=True, exist_ok=True)
        (out / "results.json").write_text(
            json.dumps(
                {
                    "profile": profile.name,
                    "host": environment.host,
                    "paced_rps": profile.rps,
                    "warmup_end": state.get("measure_start"),
                    "end": time.time(),
                    "requests": {n: m.__dict__ for n, m in sorted(requests.items())},
                    "total": total.__dict__,
                    "skipped": skipped,
                    "checks": [c.as_dict() for c in checks],
                    "passed": ok,
                },
                indent=2,
            )
        )
        print(
            "\n"
            + report.table(
                checks, f"Budgets — profile {profile.name}, paced {profile.rps:g} req/s"
            ),
            flush=True,
        )
        if not ok:
            environment.process_exit_code = 1
