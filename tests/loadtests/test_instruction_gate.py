"""The instruction-count gate (loadtests/instructions/): it fails, naming the path, when a view
is made deliberately heavier (LOADTEST_BURN_LOOPS, honoured only by dev and test settings), a
normal run passes, and bad input stops it with a clear message (exit 2) before counting."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.integration.processes import ROOT

BUDGETS = """
measured = "by hand, for a test"
tolerance = 0.15
requests = 3
warmup = 2

[paths.search]
instructions = 5000000
"""


def run_gate(*args: str | Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "loadtests.instructions", *map(str, args)],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=600,
    )


def budgets_file(tmp_path: Path, text: str = BUDGETS) -> Path:
    path = tmp_path / "budgets.toml"
    path.write_text(text)
    return path


@pytest.mark.slow
@pytest.mark.timeout(900)  # three counts: 1-3 minutes, more when the machine is busy
@pytest.mark.skipif(not shutil.which("valgrind"), reason="valgrind is not installed (CI's is)")
@pytest.mark.skipif(
    not settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"),
    reason="the gate pins its own embedded backends, so the full-stack suite would only repeat "
    "the embedded suite's run of it (three counts under callgrind, about a minute)",
)
def test_a_heavier_view_breaks_its_budget_and_the_gate_names_it(tmp_path):
    budgets = tmp_path / "budgets.toml"
    small = ("--budgets", budgets, "--requests", "3", "--warmup", "2")
    paths = ("--paths", "api_detail_cached,search")

    # Budgets measured now, on this code: independent of the committed counts.
    measured = run_gate(*small, *paths, "--update", "--out", tmp_path / "update")
    assert measured.returncode == 0, measured.stdout + measured.stderr
    assert "[paths.search]" in budgets.read_text()

    normal = run_gate(*small, "--out", tmp_path / "normal")
    assert normal.returncode == 0, normal.stdout + normal.stderr
    assert "ALL 2 INSTRUCTION BUDGETS PASS" in normal.stdout, normal.stdout

    # The search view made heavier only: its path fails and is named, the other still passes.
    heavier = run_gate(
        *small,
        "--out",
        tmp_path / "heavier",
        LOADTEST_BURN_LOOPS="20000",
        LOADTEST_SLOW_PATH="/api/v1/search",
    )
    output = heavier.stdout + heavier.stderr
    assert heavier.returncode == 1, output
    rows = {line.split()[0]: line.split()[-1] for line in heavier.stdout.splitlines()[2:4]}
    assert rows == {"api_detail_cached": "PASS", "search": "FAIL"}, output
    assert "INSTRUCTION BUDGETS BROKEN" in output and "search (" in output, output
    assert "api_detail_cached (" not in output.split("BROKEN")[-1], output


def test_a_malformed_budgets_file_stops_with_exit_2_naming_it(tmp_path):
    result = run_gate("--budgets", budgets_file(tmp_path, "tolerance = = 0.15\n"))
    assert result.returncode == 2, result.stderr
    assert "budgets.toml is not valid TOML" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BUDGETS.replace("[paths.search]", "[paths.checkout]"), "unknown path 'checkout'"),
        (BUDGETS.replace("tolerance = 0.15", "tolerance = 15"), "tolerance must be above 0"),
        (BUDGETS.replace("requests = 3", "requests = 0"), "requests must be a whole number"),
        (BUDGETS.replace("5000000", '"many"'), "paths.search.instructions must be a whole"),
    ],
)
def test_a_budgets_file_with_a_bad_value_stops_with_exit_2_naming_it(tmp_path, text, message):
    result = run_gate("--budgets", budgets_file(tmp_path, text))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_an_unknown_path_stops_with_exit_2_listing_the_known_ones(tmp_path):
    result = run_gate("--budgets", budgets_file(tmp_path), "--paths", "search,chekout")
    assert result.returncode == 2, result.stderr
    assert "unknown path ['chekout']" in result.stderr and "api_detail_cached" in result.stderr


def test_a_path_without_a_budget_stops_with_exit_2_pointing_to_update(tmp_path):
    result = run_gate("--budgets", budgets_file(tmp_path), "--paths", "tasks_page")
    assert result.returncode == 2, result.stderr
    assert "no budget for tasks_page" in result.stderr and "--update" in result.stderr


def test_a_missing_valgrind_stops_with_exit_2_saying_how_to_install_it(tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run_gate("--budgets", budgets_file(tmp_path), PATH=str(empty))
    assert result.returncode == 2, result.stderr
    assert "valgrind is not installed (Debian: apt-get install valgrind)" in result.stderr


def test_a_missing_budgets_file_stops_with_exit_2_naming_it(tmp_path):
    result = run_gate("--budgets", tmp_path / "nowhere.toml")
    assert result.returncode == 2, result.stderr
    assert "nowhere.toml: no such budgets file" in result.stderr
