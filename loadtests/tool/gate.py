"""The budget check: measured numbers against a profile's budgets, one Check per limit."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from loadtests.tool.budgets import Profile


@dataclass(frozen=True)
class Measured:
    count: int
    failures: int
    p50: float
    p95: float
    p99: float
    rps: float


@dataclass(frozen=True)
class Check:
    name: str  # a request name, or "overall"
    metric: str  # p95, p99, rps, fail ratio, requests
    measured: float | None
    limit: float | None
    status: str  # PASS, FAIL, SKIP
    note: str = ""

    @property
    def margin(self) -> float | None:
        """Headroom: positive when within the limit, negative when over it."""
        if self.measured is None or self.limit is None:
            return None
        if self.metric == "rps":
            return self.measured - self.limit
        return self.limit - self.measured

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "margin": self.margin}


def _ceiling(name: str, metric: str, measured: float, limit: float | None) -> Check | None:
    if limit is None:
        return None
    return Check(name, metric, measured, limit, "PASS" if measured <= limit else "FAIL")


def evaluate(
    profile: Profile,
    requests: dict[str, Measured],
    total: Measured,
    skipped: dict[str, str] | None = None,
) -> list[Check]:
    """Every budgeted request name that ran is checked; one that did not run FAILs unless its
    suite was skipped on purpose (then SKIP with the reason). Then the whole-run limits."""
    skipped = skipped or {}
    checks: list[Check] = []
    for name, limit in profile.budgets.items():
        if name in skipped:
            checks.append(Check(name, "requests", None, None, "SKIP", skipped[name]))
            continue
        m = requests.get(name)
        if m is None or m.count == 0:
            if name in expected_names(profile):
                checks.append(Check(name, "requests", 0, None, "FAIL", "no requests measured"))
            continue
        for check in (
            _ceiling(name, "p95", m.p95, limit.p95),
            _ceiling(name, "p99", m.p99, limit.p99),
        ):
            if check:
                checks.append(check)
    if total.count == 0:
        return [*checks, Check("overall", "requests", 0, None, "FAIL", "no requests measured")]
    if profile.overall_p99 is not None:
        checks.append(
            Check(
                "overall",
                "p99",
                total.p99,
                profile.overall_p99,
                "PASS" if total.p99 <= profile.overall_p99 else "FAIL",
            )
        )
    ratio = total.failures / total.count
    checks.append(
        Check(
            "overall",
            "fail ratio",
            ratio,
            profile.max_fail_ratio,
            "PASS" if ratio <= profile.max_fail_ratio else "FAIL",
        )
    )
    if profile.min_rps > 0:
        checks.append(
            Check(
                "overall",
                "rps",
                total.rps,
                round(profile.min_rps, 1),
                "PASS" if total.rps >= profile.min_rps else "FAIL",
            )
        )
    return checks


def expected_names(profile: Profile) -> set[str]:
    """Request names the profile's suites send (so a budget that saw nothing is a FAIL)."""
    from loadtests.suites.names import NAMES_BY_SUITE

    return {n for suite in profile.suites for n in NAMES_BY_SUITE.get(suite, ())}


def server_cpu_check(profile: Profile, cpu_ms: float | None) -> Check | None:
    """The server's CPU per request against its budget: a cost that a busy machine inflates
    far less than latency, so it gates even where the latency budgets cannot be judged."""
    if profile.max_server_cpu_ms is None or cpu_ms is None:
        return None
    ok = cpu_ms <= profile.max_server_cpu_ms
    return Check(
        "server", "cpu ms/req", cpu_ms, profile.max_server_cpu_ms, "PASS" if ok else "FAIL"
    )


def passed(checks: list[Check]) -> bool:
    return all(c.status != "FAIL" for c in checks)
