"""Measure the anchor with the same generator at the profile's pace, just before the kit."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loadtests.tool import locust_run
from loadtests.tool.anchor_server import AnchorServer
from loadtests.tool.budgets import Profile
from loadtests.tool.gate import Measured
from loadtests.tool.stack import StackError


@dataclass(frozen=True)
class AnchorResult:
    measured: Measured
    cpu_ms_per_request: float | None  # None where the anchor is not a process of this run
    loadavg: dict[str, float]

    def as_dict(self) -> dict[str, Any]:
        return {
            **dataclasses.asdict(self.measured),
            "cpu_ms_per_request": self.cpu_ms_per_request,
            "loadavg": self.loadavg,
        }

    def line(self) -> str:
        m = self.measured
        cpu_ms = self.cpu_ms_per_request
        cpu = f", server CPU {cpu_ms:.3f} ms/req" if cpu_ms else ""
        return (
            f"Anchor (a bare Django JSON view, same Granian shape and generator): p50 {m.p50:.2f}"
            f" / p95 {m.p95:.2f} / p99 {m.p99:.2f} ms, {m.rps:.1f} req/s achieved{cpu}; load "
            f"average {self.loadavg['mean']}"
        )


def measure(
    profile: Profile, budgets: Path, server: AnchorServer | None, url: str, out: Path
) -> AnchorResult:
    """Load the anchor at url (served by `server` when this run started it) for the profile's
    anchor window, at the profile's pace from as many users; return what it measured."""
    window = dataclasses.replace(
        profile, warmup=profile.anchor_warmup, run_time=profile.anchor_run_time
    )
    rc, sampler = locust_run.run(
        window,
        budgets,
        url,
        out,
        accounts=0,
        password="",
        sessions=None,
        server_cpu=server.cpu_seconds if server else None,
        extra_env={"LOADTEST_ANCHOR": "1"},
        reports=False,  # the anchor's figures are in its results.json and every run's table
    )
    results_file = out / "results.json"
    if not results_file.exists():
        raise StackError(f"the anchor's Locust run exited {rc} without results")
    results = json.loads(results_file.read_text())
    measured = Measured(**results["total"])
    if measured.count == 0 or measured.failures:
        raise StackError(
            f"the anchor at {url} answered {measured.count} requests with {measured.failures} "
            f"failures; see {out}"
        )
    cpu = locust_run.cpu_per_request(sampler, results) if server else None
    result = AnchorResult(measured, cpu, sampler.summary())
    (out / "anchor.json").write_text(json.dumps(result.as_dict(), indent=2))
    return result
