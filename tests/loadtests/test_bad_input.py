"""Bad input stops the runner with a clear message (exit 2) before any load is sent."""

import os
import socket

import pytest

from loadtests.tool import budgets
from tests.loadtests.conftest import run_cli


def test_a_missing_budgets_file_is_named(tmp_path):
    result = run_cli("smoke", "--budgets", tmp_path / "nope.toml")
    assert result.returncode == 2
    assert "budgets file not found" in result.stderr and "nope.toml" in result.stderr


def test_a_malformed_budgets_file_is_named(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[profiles.smoke\nrun_time = ")
    result = run_cli("smoke", "--budgets", bad)
    assert result.returncode == 2 and "is not valid TOML" in result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[profiles.x]\nrun_time = "long"\nsuites = { api = 1 }', "run_time must be a number"),
        ("[profiles.x]\nrun_time = 5\nsuites = { nope = 1 }", "unknown suite 'nope'"),
        ("[budgets.a]\np95 = -1\n[profiles.x]\nrun_time = 5\nsuites = { api = 1 }", "p95 must"),
        ("[budgets.a]\np90 = 1\n[profiles.x]\nrun_time = 5\nsuites = { api = 1 }", "p90"),
    ],
)
def test_invalid_budget_values_are_named(tmp_path, text, message):
    path = tmp_path / "b.toml"
    path.write_text(text)
    with pytest.raises(budgets.BudgetError, match=message):
        budgets.load(path, "x")


def test_an_unknown_profile_lists_the_known_ones():
    result = run_cli("nightly")
    assert result.returncode == 2
    assert "unknown profile 'nightly'" in result.stderr and "regression" in result.stderr


def test_an_unreachable_target_is_refused(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, not listening: connections are refused
        result = run_cli("smoke", f"http://127.0.0.1:{port}", "--out", tmp_path / "run")
    assert result.returncode == 2
    assert "unreachable" in result.stderr and "no load was sent" in result.stderr
    assert not (tmp_path / "run").exists()


def test_a_target_that_is_not_a_url_is_refused():
    result = run_cli("smoke", "127.0.0.1:8000")
    assert result.returncode == 2 and "must be a URL" in result.stderr


@pytest.mark.parametrize(
    ("variable", "whose"),
    [("LOADTEST_PORT", ""), ("LOADTEST_ANCHOR_PORT", " (the anchor's)")],
)
def test_a_busy_port_stops_the_run_before_any_load(tmp_path, variable, whose):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = run_cli(
            "smoke", "--out", tmp_path / "run", env={**os.environ, variable: str(port)}
        )
    assert result.returncode == 2
    assert f"port {port} on 127.0.0.1{whose} is already in use" in result.stderr
    assert not (tmp_path / "run").exists()


def test_a_ratio_budget_with_no_anchor_measured_is_refused(tmp_path):
    path = tmp_path / "b.toml"
    path.write_text(
        '[budgets."api list"]\np95_x = 3\n[profiles.x]\nrun_time = 5\nsuites = { api = 1 }'
    )
    result = run_cli("x", "--budgets", path)
    assert result.returncode == 2
    assert "measures no anchor" in result.stderr and 'budgets."api list"' in result.stderr
