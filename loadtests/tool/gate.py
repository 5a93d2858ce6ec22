"""The budget check: measured numbers against a profile's budgets, one Check per limit.

A ratio check ("p95/anchor") measures the kit's figure divided by the anchor's, measured in
the same run; an absolute check ("p95") is the sanity ceiling in milliseconds."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from loadtests.tool.budgets import Profile

RATIO = "/anchor"


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
    kit: float | None = None  # a ratio check's two sides, as measured
    anchor: float | None = None

    @property
    def is_ratio(self) -> bool:
        return self.metric.endswith(RATIO)

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


def _scaled(profile: Profile, ratio: float | None) -> float | None:
    return None if ratio is None else round(ratio * profile.ratio_scale, 2)


def ratio_check(
    name: str, metric: str, kit: float, anchor: float, limit: float | None
) -> Check | None:
    """kit / anchor against a limit (a multiple). The anchor's figure is floored at 0.1 (ms,
    or ms of CPU): a division by a rounding error is not a measurement."""
    if limit is None:
        return None
    ratio = round(kit / max(anchor, 0.1), 2)
    status = "PASS" if ratio <= limit else "FAIL"
    return Check(name, metric + RATIO, ratio, limit, status, kit=kit, anchor=anchor)


def evaluate(
    profile: Profile,
    requests: dict[str, Measured],
    total: Measured,
    skipped: dict[str, str] | None = None,
    anchor: Measured | None = None,
) -> list[Check]:
    """Every budgeted request name that ran is checked; one that did not run FAILs unless its
    suite was skipped on purpose (then SKIP with the reason). Then the whole-run limits.
    Ratio budgets are judged against `anchor` (the anchor's whole run)."""
    skipped = skipped or {}
    if anchor is None and profile.has_anchor:
        raise ValueError(f"profile {profile.name} has ratio budgets and no anchor was measured")
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
            anchor and ratio_check(name, "p95", m.p95, anchor.p95, _scaled(profile, limit.p95_x)),
            _ceiling(name, "p99", m.p99, limit.p99),
            anchor and ratio_check(name, "p99", m.p99, anchor.p99, _scaled(profile, limit.p99_x)),
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
    if anchor:
        p99_x = _scaled(profile, profile.overall_p99_x)
        check = ratio_check("overall", "p99", total.p99, anchor.p99, p99_x)
        if check:
            checks.append(check)
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


def server_cpu_checks(
    profile: Profile, cpu_ms: float | None, anchor_cpu_ms: float | None = None
) -> list[Check]:
    """The stack's CPU per request: as a multiple of the anchor's (the budget) and in ms (the
    sanity ceiling). A cost that a busy machine inflates far less than latency. Where a side
    was not measured (a target's processes are not this run's), the budget shows SKIP and why,
    never silently nothing."""
    checks = []
    if profile.max_server_cpu_ms is not None:
        if cpu_ms is None:
            why = "not measured: the target's processes are not this run's"
            checks.append(Check("server", "cpu ms/req", None, None, "SKIP", why))
        else:
            ok = cpu_ms <= profile.max_server_cpu_ms
            status = "PASS" if ok else "FAIL"
            checks.append(Check("server", "cpu ms/req", cpu_ms, profile.max_server_cpu_ms, status))
    if profile.server_cpu_x is not None:
        if cpu_ms is None or not anchor_cpu_ms:
            why = "not measured: the target's processes are not this run's"
            checks.append(Check("server", "cpu ms/req" + RATIO, None, None, "SKIP", why))
        else:
            check = ratio_check("server", "cpu ms/req", cpu_ms, anchor_cpu_ms, profile.server_cpu_x)
            checks.append(check)  # type: ignore[arg-type]
    return checks


def passed(checks: list[Check]) -> bool:
    return all(c.status != "FAIL" for c in checks)
