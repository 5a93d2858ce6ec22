"""Read and validate budgets.toml: every problem is a BudgetError with a clear message."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUITES = ("search", "cache", "api", "static", "login", "probe")


class BudgetError(ValueError):
    pass


@dataclass(frozen=True)
class Limit:
    p95: float | None = None
    p99: float | None = None


@dataclass(frozen=True)
class Profile:
    name: str
    run_time: float
    warmup: float
    per_user_rps: float
    suites: dict[str, float]
    corpus_users: int
    tasks_per_user: int
    budgets: dict[str, Limit]
    overall_p99: float | None
    max_fail_ratio: float
    min_rps_ratio: float
    step_request: str = ""
    wrk_connections: list[int] = field(default_factory=list)
    min_capacity: float = 0.0
    max_server_cpu_ms: float | None = None

    @property
    def rps(self) -> float:
        return sum(self.suites.values())

    def users(self, suite: str) -> int:
        return max(1, math.ceil(self.suites[suite] / self.per_user_rps))

    @property
    def accounts(self) -> int:
        """Seeded accounts: at least one per simulated user, so no two users write the same
        tasks (a write-then-read that sees another's write would look like a stale cache)."""
        return max(self.corpus_users, sum(self.users(s) for s in self.suites))

    @property
    def min_rps(self) -> float:
        return self.rps * self.min_rps_ratio


def _number(where: str, value: Any, *, positive: bool = True) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BudgetError(f"{where} must be a number, not {value!r}")
    if value < 0 or (positive and value == 0):
        raise BudgetError(f"{where} must be {'> 0' if positive else '>= 0'}, not {value!r}")
    return float(value)


def _limit(where: str, raw: Any) -> Limit:
    if not isinstance(raw, dict) or not raw:
        raise BudgetError(f"{where} must be a table with p95 and/or p99")
    unknown = set(raw) - {"p95", "p99"}
    if unknown:
        raise BudgetError(f"{where} has unknown keys: {', '.join(sorted(unknown))}")
    return Limit(
        **{k: _number(f"{where}.{k}", v) for k, v in raw.items()}  # type: ignore[arg-type]
    )


def load(path: Path, profile: str) -> Profile:
    if not path.is_file():
        raise BudgetError(f"budgets file not found: {path}")
    try:
        data = tomllib.loads(path.read_text())
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BudgetError(f"budgets file {path} is not valid TOML: {exc}") from exc
    profiles = data.get("profiles")
    if not isinstance(profiles, dict) or not profiles:
        raise BudgetError(f"{path} defines no [profiles.<name>]")
    if profile not in profiles:
        raise BudgetError(
            f"unknown profile {profile!r}; {path} defines: {', '.join(sorted(profiles))}"
        )
    raw = profiles[profile]
    overall = data.get("overall", {})
    if not isinstance(overall, dict):
        raise BudgetError(f"{path}: [overall] must be a table")
    budgets = {
        name: _limit(f'budgets."{name}"', limit) for name, limit in data.get("budgets", {}).items()
    }
    for name, limit in raw.get("budgets", {}).items():
        budgets[name] = _limit(f'profiles.{profile}.budgets."{name}"', limit)
    suites = raw.get("suites")
    if not isinstance(suites, dict) or not suites:
        raise BudgetError(f"profiles.{profile}.suites must list suites with their rates (req/s)")
    for suite in suites:
        if suite not in SUITES:
            raise BudgetError(
                f"profiles.{profile}.suites: unknown suite {suite!r}; known: {', '.join(SUITES)}"
            )
    corpus = raw.get("corpus", {"users": 1, "tasks_per_user": 1})
    where = f"profiles.{profile}"
    try:
        return Profile(
            name=profile,
            run_time=_number(f"{where}.run_time", raw.get("run_time")),
            warmup=_number(f"{where}.warmup", raw.get("warmup", 0), positive=False),
            per_user_rps=_number(f"{where}.per_user_rps", raw.get("per_user_rps", 5)),
            suites={s: _number(f"{where}.suites.{s}", r) for s, r in suites.items()},
            corpus_users=int(_number(f"{where}.corpus.users", corpus.get("users"))),
            tasks_per_user=int(
                _number(f"{where}.corpus.tasks_per_user", corpus.get("tasks_per_user"))
            ),
            budgets=budgets,
            overall_p99=(_number("overall.p99", overall["p99"]) if "p99" in overall else None),
            max_fail_ratio=_number(
                "overall.max_fail_ratio", overall.get("max_fail_ratio", 0), positive=False
            ),
            min_rps_ratio=_number(
                "overall.min_rps_ratio", overall.get("min_rps_ratio", 0), positive=False
            ),
            step_request=str(raw.get("step_request", "")),
            wrk_connections=[
                int(_number(f"{where}.wrk_connections[]", c))
                for c in raw.get("wrk_connections", [])
            ],
            max_server_cpu_ms=(
                _number("overall.server_cpu_ms_per_request", overall["server_cpu_ms_per_request"])
                if "server_cpu_ms_per_request" in overall
                else None
            ),
            min_capacity=_number(
                f"{where}.min_capacity", raw.get("min_capacity", 0), positive=False
            ),
        )
    except AttributeError as exc:
        raise BudgetError(f"{where}.corpus must be a table with users and tasks_per_user") from exc
