"""The budget check and the regression flag, on numbers (no load)."""

from pathlib import Path

from loadtests.tool import budgets, gate, history, report

BUDGETS = Path(__file__).resolve().parents[2] / "loadtests" / "budgets.toml"


def measured(p95: float, p99: float, count: int = 100, failures: int = 0, rps: float = 200):
    return gate.Measured(count=count, failures=failures, p50=p95 / 2, p95=p95, p99=p99, rps=rps)


ANCHOR = measured(1.0, 2.0)  # a bare view's figures, for the checks that are not about it


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
    checks = gate.evaluate(profile, requests, measured(10, 20, rps=100), anchor=ANCHOR)
    p95 = next(c for c in checks if c.name == "api list" and c.metric == "p95")
    assert p95.status == "FAIL" and p95.margin == -15
    assert f"api list p95 {over:.0f} ms > {limit:.0f} ms" in report.table(checks)
    assert not gate.passed(checks)


def test_a_profile_override_replaces_the_shared_budget_for_that_profile_only(tmp_path):
    path = tmp_path / "b.toml"
    path.write_text(
        '[budgets."api list"]\np95 = 20\n[profiles.a]\nrun_time = 5\nsuites = { api = 1 }\n'
        "[profiles.b]\nrun_time = 5\nsuites = { api = 1 }\n"
        '[profiles.b.budgets."api list"]\np95 = 40\n'
    )
    assert budgets.load(path, "a").budgets["api list"].p95 == 20
    assert budgets.load(path, "b").budgets["api list"].p95 == 40


def test_skipped_suites_skip_and_silent_ones_fail():
    profile = budgets.load(BUDGETS, "smoke")
    checks = gate.evaluate(
        profile,
        {},
        measured(5, 9, rps=100),
        skipped={"search phrase": "skipped: no search"},
        anchor=ANCHOR,
    )
    by_name = {c.name: c for c in checks if c.metric == "requests"}
    assert by_name["search phrase"].status == "SKIP"
    assert by_name["api list"].status == "FAIL" and by_name["api list"].note


def test_failures_and_a_low_rate_break_the_overall_budgets():
    profile = budgets.load(BUDGETS, "smoke")
    checks = gate.evaluate(profile, {}, measured(5, 9, failures=1, rps=10), anchor=ANCHOR)
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


def test_the_server_cpu_budget_is_a_multiple_of_the_anchors_with_a_ceiling():
    profile = budgets.load(BUDGETS, "regression")
    assert profile.max_server_cpu_ms is not None and profile.server_cpu_x is not None
    anchor_ms = 0.5
    over = profile.server_cpu_x * anchor_ms * 1.2
    checks = {c.metric: c for c in gate.server_cpu_checks(profile, over, anchor_ms)}
    assert checks["cpu ms/req/anchor"].status == "FAIL"
    assert checks["cpu ms/req/anchor"].measured == round(over / anchor_ms, 2)
    # A target's processes are not this run's: both budgets are shown as SKIP, with the reason.
    skipped = gate.server_cpu_checks(profile, None, anchor_ms)
    assert {c.status for c in skipped} == {"SKIP"} and all(c.note for c in skipped)
    assert len(skipped) == 2 and gate.passed(skipped)


def test_the_same_code_on_a_machine_three_times_slower_holds_its_ratio_budgets():
    """What the anchor is for: a slower machine slows the kit and the anchor alike."""
    profile = budgets.load(BUDGETS, "smoke")
    anchor = measured(p95=1.0, p99=2.0)
    kit = {
        name: measured(p95=0.5 * limit.p95_x * anchor.p95, p99=0.5 * limit.p99_x * anchor.p99)
        for name, limit in profile.budgets.items()
        if limit.p95_x and limit.p99_x
    }
    assert kit, "the shipped smoke budgets are ratios"

    def slower(m: gate.Measured, k: float) -> gate.Measured:
        return measured(p95=m.p95 * k, p99=m.p99 * k)

    for factor in (1, 3):
        checks = gate.evaluate(
            profile,
            {n: slower(m, factor) for n, m in kit.items()},
            slower(measured(2, 4, rps=100), factor),
            anchor=slower(anchor, factor),
        )
        ratios = [c for c in checks if c.is_ratio]
        assert ratios and all(c.status == "PASS" for c in ratios), factor


def test_a_ratio_over_its_budget_names_both_sides():
    profile = budgets.load(BUDGETS, "smoke")
    limit = profile.budgets["api list"]
    assert limit.p95_x is not None
    anchor = measured(p95=2.0, p99=4.0)
    kit_p95 = (limit.p95_x + 1) * anchor.p95
    checks = gate.evaluate(
        profile,
        {"api list": measured(p95=kit_p95, p99=1)},
        measured(2, 4, rps=100),
        anchor=anchor,
    )
    ratio = next(c for c in checks if c.name == "api list" and c.metric == "p95/anchor")
    assert ratio.status == "FAIL" and ratio.kit == kit_p95 and ratio.anchor == 2.0
    assert "the anchor's 2.0 ms" in report.table(checks)


def test_percentiles_are_exact_not_bucketed():
    from loadtests.tool.listeners import percentile

    times = [0.4 + i / 1000 for i in range(1000)]
    assert percentile(times, 0.95) == times[949]
    assert percentile([], 0.95) == 0.0
    assert percentile([3.2], 0.99) == 3.2


def test_a_profiles_ratio_scale_multiplies_every_ratio_limit():
    smoke, regression = budgets.load(BUDGETS, "smoke"), budgets.load(BUDGETS, "regression")
    assert regression.ratio_scale > smoke.ratio_scale == 1.0
    limit = smoke.budgets["api list"]
    assert limit.p95_x is not None
    kit = {"api list": measured(p95=1.5 * limit.p95_x, p99=1)}  # 1.5x the limit, anchor 1 ms

    def verdict(profile: budgets.Profile) -> str:
        checks = gate.evaluate(profile, kit, measured(2, 4, rps=100), anchor=measured(1, 1))
        return next(c.status for c in checks if c.metric == "p95/anchor")

    assert verdict(smoke) == "FAIL" and verdict(regression) == "PASS"
