"""The budget check and the regression flag, on numbers (no load)."""

from pathlib import Path

from loadtests.tool import budgets, gate, history, report

BUDGETS = Path(__file__).resolve().parents[2] / "loadtests" / "budgets.toml"


def measured(p95: float, p99: float, count: int = 100, failures: int = 0, rps: float = 200):
    return gate.Measured(count=count, failures=failures, p50=p95 / 2, p95=p95, p99=p99, rps=rps)


def test_the_shipped_budgets_load_for_every_profile():
    for name in ("smoke", "regression", "capacity"):
        profile = budgets.load(BUDGETS, name)
        assert profile.run_time > 0 and profile.rps > 0
    assert budgets.load(BUDGETS, "regression").rps >= 200


def test_a_request_over_its_p95_fails_with_a_negative_margin_and_is_named():
    profile = budgets.load(BUDGETS, "smoke")
    limit = profile.budgets["api list"].p95
    assert limit is not None
    over = limit + 15
    requests = {"api list": measured(p95=over, p99=over + 1)}
    checks = gate.evaluate(profile, requests, measured(10, 20, rps=100), skipped={})
    p95 = next(c for c in checks if c.name == "api list" and c.metric == "p95")
    assert p95.status == "FAIL" and p95.margin == -15
    assert f"api list p95 {over:.0f} ms > {limit:.0f} ms" in report.table(checks)
    assert not gate.passed(checks)


def test_a_profile_override_replaces_the_shared_budget_for_that_profile_only():
    smoke, regression = budgets.load(BUDGETS, "smoke"), budgets.load(BUDGETS, "regression")
    page = "page /tasks/ (cached summary)"  # smoke's one override (budgets.toml)
    assert smoke.budgets[page] != regression.budgets[page]
    hit = "api detail (hit after write)"  # holds its shared budget at smoke's pace
    assert smoke.budgets[hit] == regression.budgets[hit]


def test_skipped_suites_skip_and_silent_ones_fail():
    profile = budgets.load(BUDGETS, "smoke")
    checks = gate.evaluate(
        profile, {}, measured(5, 9, rps=100), skipped={"search phrase": "skipped: no search"}
    )
    by_name = {c.name: c for c in checks if c.metric == "requests"}
    assert by_name["search phrase"].status == "SKIP"
    assert by_name["api list"].status == "FAIL" and by_name["api list"].note


def test_failures_and_a_low_rate_break_the_overall_budgets():
    profile = budgets.load(BUDGETS, "smoke")
    checks = gate.evaluate(profile, {}, measured(5, 9, failures=1, rps=10))
    overall = {c.metric: c.status for c in checks if c.name == "overall"}
    assert overall["fail ratio"] == "FAIL" and overall["rps"] == "FAIL"


def run(p95: float, noise: float, load: float = 1.0) -> dict:
    return {
        "time": "t",
        "profile": "smoke",
        "target": "x",
        "loadavg": {"mean": load},
        "requests": {"api list": {"p95": p95}},
        "noise": {"api list": noise},
        "total": {"rps": 100.0},
    }


def test_a_change_within_the_measured_noise_is_not_a_regression():
    lines, regressed = history.compare(run(24, noise=3), run(20, noise=3))
    assert not regressed and "no change beyond" in lines[-1]


def test_a_change_beyond_the_measured_noise_is_flagged():
    lines, regressed = history.compare(run(40, noise=2), run(20, noise=2))
    assert regressed and any("REGRESSION" in line for line in lines)


def test_history_returns_the_previous_run_of_the_same_profile(tmp_path):
    path = tmp_path / "h.jsonl"
    assert history.append(path, run(20, 1)) is None
    history.append(path, {**run(30, 1), "profile": "regression"})
    previous = history.append(path, run(22, 1))
    assert previous is not None and previous["requests"]["api list"]["p95"] == 20


def test_the_server_cpu_budget_is_checked_when_measured():
    profile = budgets.load(BUDGETS, "regression")
    assert profile.max_server_cpu_ms is not None
    over = gate.server_cpu_check(profile, profile.max_server_cpu_ms + 1)
    assert over is not None and over.status == "FAIL" and over.margin == -1
    assert gate.server_cpu_check(profile, None) is None  # a target: not measured, not judged
