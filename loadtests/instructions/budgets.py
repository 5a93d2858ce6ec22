"""Read, validate and rewrite budgets.toml: every problem is a BudgetError naming it."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loadtests.instructions.hot_paths import HOT_PATHS

TOP_KEYS = {"tolerance", "requests", "warmup", "measured", "paths"}


class BudgetError(ValueError):
    pass


@dataclass(frozen=True)
class Budgets:
    tolerance: float  # a count may exceed its budget by this fraction (0.15: +15 %)
    requests: int  # N: requests counted per path (the count is total / N)
    warmup: int  # requests served per path before counting
    measured: str  # where and when the counts were measured
    counts: dict[str, int] = field(default_factory=dict)  # path -> instructions per request


def _int(value: Any, where: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise BudgetError(f"{where} must be a whole number >= {minimum}, got {value!r}")
    return value


def load(path: Path) -> Budgets:
    try:
        data = tomllib.loads(path.read_text())
    except FileNotFoundError:
        raise BudgetError(f"{path}: no such budgets file") from None
    except tomllib.TOMLDecodeError as exc:
        raise BudgetError(f"{path} is not valid TOML: {exc}") from None
    unknown = set(data) - TOP_KEYS
    if unknown:
        raise BudgetError(f"{path}: unknown keys {sorted(unknown)} (known: {sorted(TOP_KEYS)})")
    tolerance = data.get("tolerance")
    if isinstance(tolerance, bool) or not isinstance(tolerance, int | float):
        raise BudgetError(f"{path}: tolerance must be a number such as 0.15, got {tolerance!r}")
    if not 0 < tolerance <= 1:
        raise BudgetError(f"{path}: tolerance must be above 0 and at most 1, got {tolerance}")
    paths = data.get("paths", {})
    if not isinstance(paths, dict):
        raise BudgetError(f"{path}: [paths] must be a table of [paths.<name>] tables")
    counts = {}
    for name, budget in paths.items():
        if name not in HOT_PATHS:
            raise BudgetError(f"{path}: unknown path {name!r} (known: {', '.join(HOT_PATHS)})")
        if not isinstance(budget, dict) or set(budget) != {"instructions"}:
            raise BudgetError(f"{path}: [paths.{name}] must hold exactly: instructions = <count>")
        counts[name] = _int(budget["instructions"], f"{path}: paths.{name}.instructions", 1)
    return Budgets(
        tolerance=float(tolerance),
        requests=_int(data.get("requests"), f"{path}: requests", 1),
        warmup=_int(data.get("warmup", 0), f"{path}: warmup", 0),
        measured=str(data.get("measured", "")),
        counts=counts,
    )


HEADER = """\
# Instruction-count budgets: CPU instructions one request of each hot path costs in-process,
# counted by valgrind's callgrind (loadtests/instructions/README.md). A count repeats to within
# about 1 % on any machine, busy or quiet, so these budgets hold everywhere; the load test
# (loadtests/budgets.toml) checks the stack and concurrency, this checks the code.
#
# The gate fails (exit 1) when a path costs more than instructions x (1 + tolerance).
# Rewrite the counts after an intended change with one command:
#     just bench-instructions --update   (in the project venv: source .venv/bin/activate)
"""


def render(budgets: Budgets) -> str:
    lines = [
        HEADER,
        "# Where and when these counts were measured (--update writes it):",
        f"measured = {_quote(budgets.measured)}",
        "",
        f"tolerance = {budgets.tolerance}",
        "# Requests counted per path (instructions below are per request), after a warm-up.",
        f"requests = {budgets.requests}",
        f"warmup = {budgets.warmup}",
    ]
    for name, count in budgets.counts.items():
        lines += ["", f"# {HOT_PATHS[name].label}", f"[paths.{name}]", f"instructions = {count}"]
    return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
