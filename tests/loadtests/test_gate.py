"""Proof the gate can fail: a deliberately slowed endpoint (LOADTEST_SLOW_MS, honoured only by
dev and test settings) breaks its budget and the run exits 1 naming it; a healthy run passes."""

import json

from tests.loadtests.conftest import run_cli


def test_a_slowed_endpoint_breaks_its_budget_and_fails_the_run(serve, gate_budgets, tmp_path):
    target = serve(LOADTEST_SLOW_MS="300", LOADTEST_SLOW_PATH="/healthz")
    result = run_cli(
        "gate",
        target,
        "--budgets",
        gate_budgets,
        "--out",
        tmp_path / "run",
        "--history",
        tmp_path / "history.jsonl",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "BUDGETS BROKEN" in output and "healthz p95" in output, output
    checks = json.loads((tmp_path / "run" / "results.json").read_text())["checks"]
    p95 = next(c for c in checks if c["name"] == "healthz" and c["metric"] == "p95")
    assert p95["status"] == "FAIL" and p95["measured"] >= 300 and p95["margin"] < 0


def test_a_healthy_run_passes_and_writes_its_report_chart_and_history(
    serve, loose_gate_budgets, tmp_path
):
    target = serve()
    result = run_cli(
        "gate",
        target,
        "--budgets",
        loose_gate_budgets,
        "--out",
        tmp_path / "run",
        "--history",
        tmp_path / "history.jsonl",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "ALL" in output and "BUDGET CHECKS PASS" in output, output
    for name in ("report.html", "latency.png", "stats_stats.csv", "results.json"):
        assert (tmp_path / "run" / name).stat().st_size > 0, name
    (record,) = [json.loads(line) for line in (tmp_path / "history.jsonl").open()]
    assert record["passed"] and record["loadavg"]["mean"] >= 0
