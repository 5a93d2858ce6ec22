"""`just bench-instructions [--update] [--paths a,b]`: count the instructions one request of
each hot path costs, compare them with budgets.toml and print a table.

Exit codes: 0 every path within its budget; 1 a path grew past its budget (named); 2 bad
input, found before counting (a malformed budgets file, an unknown path, valgrind missing);
3 the count itself failed (a path not answering 200, valgrind failing).
With --update the counts are measured and written to the budgets file instead (exit 0).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import importlib.metadata
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from loadtests.instructions import budgets as budgets_file
from loadtests.instructions import callgrind, gate
from loadtests.instructions.budgets import BudgetError, Budgets
from loadtests.instructions.hot_paths import HOT_PATHS

DEFAULT_BUDGETS = Path(__file__).with_name("budgets.toml")
# A new budgets file (--update with none there): 20 requests keep a 4-path run near a minute
# of CPU under callgrind and repeat to within 1 %.
NEW = Budgets(tolerance=0.15, requests=20, warmup=5, measured="")


class BadInput(ValueError):
    pass


def parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="just bench-instructions",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--budgets", type=Path, default=DEFAULT_BUDGETS)
    p.add_argument("--paths", help=f"comma-separated, of: {', '.join(HOT_PATHS)} (default: all)")
    p.add_argument("--requests", type=int, help="requests counted per path (default: the file's)")
    p.add_argument("--warmup", type=int, help="warm-up requests per path (default: the file's)")
    p.add_argument("--update", action="store_true", help="measure and rewrite the budgets")
    p.add_argument("--out", type=Path, help="keep the run's files here (callgrind dumps, logs)")
    return p.parse_args(argv)


def settle(args: argparse.Namespace) -> tuple[Budgets, list[str]]:
    """The budgets and paths of this run; BudgetError or BadInput when they make no sense."""
    fresh = args.update and not args.budgets.exists()
    budgets = NEW if fresh else budgets_file.load(args.budgets)
    budgets = dataclasses.replace(
        budgets,
        requests=budgets.requests if args.requests is None else args.requests,
        warmup=budgets.warmup if args.warmup is None else args.warmup,
    )
    if budgets.requests < 1 or budgets.warmup < 0:
        raise BadInput("--requests must be at least 1 and --warmup at least 0")
    if args.paths:
        paths = [name.strip() for name in args.paths.split(",") if name.strip()]
        unknown = [name for name in paths if name not in HOT_PATHS]
        if unknown or not paths:
            known = ", ".join(HOT_PATHS)
            raise BadInput(f"unknown path {unknown or args.paths!r} (known: {known})")
    else:
        paths = list(HOT_PATHS) if args.update else list(budgets.counts)
    missing = [name for name in paths if name not in budgets.counts]
    if missing and not args.update:
        raise BadInput(
            f"{args.budgets} has no budget for {', '.join(missing) or 'any path'}: "
            "measure them with --update"
        )
    return budgets, paths


def where_and_when(load: float) -> str:
    valgrind = subprocess.run(["valgrind", "--version"], capture_output=True, text=True).stdout
    commit = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=callgrind.ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    today = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{today} at commit {commit or 'unknown'}, {platform.machine()} {os.cpu_count()} cores "
        f"at load average {load:.2f}; "
        f"Python {platform.python_version()}, Django {importlib.metadata.version('django')}, "
        f"{valgrind.strip()}"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        budgets, paths = settle(args)
        callgrind.valgrind_command()
    except (BudgetError, BadInput, FileNotFoundError) as exc:
        print(f"instructions: {exc}", file=sys.stderr)
        return 2
    print(
        f"instructions: counting {budgets.requests} requests per path after {budgets.warmup} "
        f"warm-up, under callgrind, on the embedded backends ({', '.join(paths)})",
        flush=True,
    )
    started = time.monotonic()
    try:
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            for old in args.out.glob("callgrind.out*"):
                old.unlink()
            counted = callgrind.count(args.out, paths, budgets.requests, budgets.warmup)
        else:
            with tempfile.TemporaryDirectory(prefix="instructions-") as work:
                counted = callgrind.count(Path(work), paths, budgets.requests, budgets.warmup)
    except callgrind.RunError as exc:
        print(f"instructions: the count failed: {exc}", file=sys.stderr)
        return 3
    load = os.getloadavg()[0]
    took = f"counted in {time.monotonic() - started:.0f} s at load average {load:.2f}"
    if args.update:
        counts = {**budgets.counts, **counted.per_request}
        ordered = {name: counts[name] for name in HOT_PATHS if name in counts}
        new = dataclasses.replace(budgets, counts=ordered, measured=where_and_when(load))
        args.budgets.write_text(budgets_file.render(new))
        for name, n in counted.per_request.items():
            print(f"  {name:<18} {n:>14,} instructions per request")
        print(f"instructions: {took}; budgets rewritten: {args.budgets}")
        return 0
    rows = gate.compare(counted.per_request, budgets.counts, budgets.tolerance)
    print(gate.table(rows))
    print(f"instructions: {took}; budgets measured {budgets.measured}")
    code, line = gate.verdict(rows)
    print(line)
    return code


if __name__ == "__main__":
    sys.exit(main())
