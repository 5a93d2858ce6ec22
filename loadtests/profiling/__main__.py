"""`python -m loadtests.profiling [--profile NAME ...]`: see the package's docstring."""

from __future__ import annotations

import argparse
import os
import statistics
import sys

from loadtests.profiling.measure import cpu_ms, profile
from loadtests.profiling.stack import prepare

NAMES = (
    "anchor",
    "detail-bearer",
    "detail-session",
    "summary",
    "api-list",
    "tasks-page",
    "task-page",
    "search",
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m loadtests.profiling")
    parser.add_argument("--requests", type=int, default=200, help="per path and round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--only", nargs="+", choices=NAMES, help="measure only these paths")
    parser.add_argument(
        "--profile", nargs="*", choices=NAMES, help="also cProfile these paths (none: all)"
    )
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--samples", type=int, default=1500, help="per profiled path")
    parser.add_argument(
        "--no-setup",
        action="store_true",
        help="reuse the database and keys of the previous run (no migrate or seeding)",
    )
    args = parser.parse_args(argv)
    corpus = prepare(setup=not args.no_setup)

    from app.wsgi import application  # as Granian imports it (and its GIL switch interval)
    from loadtests.profiling.anchor import AnchorHandler
    from loadtests.profiling.paths import build

    paths = {p.name: p for p in build(application, AnchorHandler(), corpus)}
    wanted = ["anchor", *[n for n in (args.only or NAMES) if n != "anchor"]]
    load = os.getloadavg()
    print(
        f"In-process CPU per request: {args.rounds} rounds of {args.requests} requests per path, "
        f"after {args.warmup} to warm up; production settings, full stack.\n"
        f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
        flush=True,
    )
    samples = cpu_ms(
        [paths[n] for n in wanted], warmup=args.warmup, count=args.requests, rounds=args.rounds
    )
    print(f"{'path':<16}{'min ms':>9}{'median':>9}{'x anchor':>10}{'% of anchor':>13}")
    for name in wanted:
        # Per round, this path's cost over the anchor's in the same round; then the median.
        ratio = statistics.median(
            ms / anchor for ms, anchor in zip(samples[name], samples["anchor"], strict=True)
        )
        print(
            f"{name:<16}{min(samples[name]):9.3f}{statistics.median(samples[name]):9.3f}"
            f"{ratio:10.2f}{100 / ratio:12.1f}%"
        )
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    if args.profile is not None:
        for name in args.profile or NAMES:
            print(profile(paths[name], samples=args.samples, top=args.top), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
