"""The load generator's pacing: independent users at a known mean rate, never pulled into step."""

import itertools
import random
import statistics
import types

import pytest

from loadtests.suites import pacing


@pytest.fixture
def clock(monkeypatch):
    """perf_counter under the test's control, and a seeded draw."""
    now = types.SimpleNamespace(t=1000.0)
    monkeypatch.setattr(pacing, "perf_counter", lambda: now.t)
    monkeypatch.setattr(pacing, "_rng", random.Random(7))
    return now


def run_user(clock, wait_time, user, task_seconds):
    """One task of `task_seconds`, then the wait Locust would sleep; returns that wait."""
    clock.t += task_seconds
    wait = wait_time(user)
    clock.t += wait
    return wait


def test_mean_interval_between_task_starts_is_one_over_the_rate(clock):
    wait_time = pacing.poisson_throughput(5)
    user = types.SimpleNamespace()
    starts = []
    for _ in range(4000):
        starts.append(clock.t)
        run_user(clock, wait_time, user, task_seconds=0.01)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert statistics.mean(gaps) == pytest.approx(0.2, rel=0.05)
    # Exponential, not fixed: the spread is about the mean (a fixed period has none).
    assert statistics.stdev(gaps) == pytest.approx(0.2, rel=0.15)


def test_users_delayed_together_do_not_start_together_again(clock):
    """After a shared stall (all tasks ran 1 s, past any gap), the next starts are spread."""
    wait_time = pacing.poisson_throughput(5)
    users = [types.SimpleNamespace() for _ in range(40)]
    for user in users:
        user._poisson_task_started = clock.t - 1.0  # each started its task a second ago
    waits = [wait_time(user) for user in users]
    assert all(w == 0 for w in waits)  # late: the next task starts now...
    following = [wait_time(user) for user in users]  # ...and the one after draws a fresh gap
    assert len({round(w, 6) for w in following}) == len(users)
    assert max(following) - min(following) > 0.2


def test_a_late_task_does_not_catch_up_on_missed_starts(clock):
    wait_time = pacing.poisson_throughput(10)
    user = types.SimpleNamespace()
    run_user(clock, wait_time, user, task_seconds=0.0)
    assert run_user(clock, wait_time, user, task_seconds=5.0) == 0  # 50 gaps' worth late
    later = [run_user(clock, wait_time, user, task_seconds=0.0) for _ in range(200)]
    assert statistics.mean(later) == pytest.approx(0.1, rel=0.2)  # no burst of zero waits


@pytest.mark.parametrize("rate", [0, -1])
def test_a_pace_that_is_not_positive_is_refused(rate):
    with pytest.raises(ValueError, match="pace must be positive"):
        pacing.poisson_throughput(rate)
