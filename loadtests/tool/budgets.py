"""Read and validate budgets.toml: every problem is a BudgetError with a clear message.

Budgets are ratios to the anchor (loadtests/anchor/: a bare Django view on the same Granian
shape, measured with the same generator at the same pace in the same run), with absolute
ceilings kept as a sanity net: machines of this kind differ 2-3x in speed, so an absolute
millisecond either fails honest work on a slow machine or catches nothing on a fast one."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SUITES = ("search", "cache", "api", "static", "login", "probe")


class BudgetError(ValueError):
    pass


RATIOS = ("p95_x", "p99_x")  # x the anchor's p95 / p99


@dataclass(frozen=True)
class Limit:
    p95: float | None = None  # ms: an absolute ceiling (the sanity net)
    p99: float | None = None
    p95_x: float | None = None  # x the anchor's p95 (the budget that travels between machines)
    p99_x: float | None = None

    @property
    def has_ratio(self) -> bool:
        return self.p95_x is not None or self.p99_x is not None


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
    # The anchor: seconds of load on it before the kit's (0: no anchor, no ratio budgets).
    anchor_run_time: float = 0.0
    anchor_warmup: float = 0.0
    overall_p99_x: float | None = None
    server_cpu_x: float | None = None  # the stack's CPU per request / the anchor's
    min_capacity_x: float = 0.0  # the kit's capacity / the anchor's
    # Multiplies every p95_x / p99_x: a profile paced so fast that the kit queues (on a slow
    # machine) where the anchor does not says how much that queueing was measured to add.
    ratio_scale: float = 1.0

    @property
    def has_anchor(self) -> bool:
        return self.anchor_run_time > 0

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
        raise BudgetError(f"{where} must be a table with p95, p99, p95_x and/or p99_x")
    unknown = set(raw) - {"p95", "p99", *RATIOS}
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
    anchor = raw.get("anchor", {})
    if not isinstance(anchor, dict):
        raise BudgetError(f"{where}.anchor must be a table with run_time (and warmup)")
    try:
        built = Profile(
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
            anchor_run_time=_number(
                f"{where}.anchor.run_time", anchor.get("run_time", 0), positive=False
            ),
            anchor_warmup=_number(
                f"{where}.anchor.warmup", anchor.get("warmup", 0), positive=False
            ),
            overall_p99_x=_optional(overall, "p99_x", "overall"),
            server_cpu_x=_optional(overall, "server_cpu_x", "overall"),
            min_capacity_x=_number(
                f"{where}.min_capacity_x", raw.get("min_capacity_x", 0), positive=False
            ),
            ratio_scale=_number(f"{where}.ratio_scale", raw.get("ratio_scale", 1)),
        )
    except AttributeError as exc:
        raise BudgetError(f"{where}.corpus must be a table with users and tasks_per_user") from exc
    _ratios_need_an_anchor(built, where)
    return built


def _optional(table: dict[str, Any], key: str, where: str) -> float | None:
    return _number(f"{where}.{key}", table[key]) if key in table else None


def _ratios_need_an_anchor(profile: Profile, where: str) -> None:
    """A ratio budget with no anchor measured could never be judged: refuse it up front."""
    if profile.has_anchor:
        return
    ratios = [f'budgets."{n}"' for n, limit in profile.budgets.items() if limit.has_ratio]
    if profile.overall_p99_x is not None:
        ratios.append("overall.p99_x")
    if profile.server_cpu_x is not None:
        ratios.append("overall.server_cpu_x")
    if profile.min_capacity_x:
        ratios.append(f"{where}.min_capacity_x")
    if ratios:
        raise BudgetError(
            f"{where} measures no anchor ({where}.anchor.run_time is 0 or missing), so its "
            f"ratio budgets cannot be judged: {', '.join(ratios)}"
        )
