"""Latency percentiles (nearest-rank) and a timer."""

import math
import time
from collections.abc import Callable, Iterable
from typing import Any


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def latencies(run: Callable[[str], Any], queries: Iterable[str], warmup: int = 20) -> dict:
    queries = list(queries)
    for q in queries[:warmup]:
        run(q)
    times, failures = [], 0
    for q in queries:
        start = time.perf_counter()
        try:
            run(q)
        except Exception:  # a timeout counts at its full time, and is reported
            failures += 1
        times.append((time.perf_counter() - start) * 1000)
    return {
        "queries": len(times),
        "p50_ms": round(percentile(times, 50), 2),
        "p95_ms": round(percentile(times, 95), 2),
        "p99_ms": round(percentile(times, 99), 2),
        "max_ms": round(max(times), 2),
        "failures": failures,
    }


class Timer:
    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = round(time.perf_counter() - self.start, 2)
