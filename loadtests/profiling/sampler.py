"""A sampling profiler on the process's CPU clock: SIGPROF every `interval` seconds of CPU, each
sample the running Python stack. Unlike cProfile (whose per-call hook costs more than many of the
calls it times, and charges time spent waiting for Valkey or PostgreSQL under a wall clock), it
sees where CPU goes at the cost it really has. A C function's time is its Python caller's."""

from __future__ import annotations

import signal
from collections import Counter
from types import FrameType


class Sampler:
    def __init__(self, interval: float = 0.0002) -> None:
        self.interval = interval
        self.samples = 0
        self.self_counts: Counter[tuple[str, int, str]] = Counter()
        self.total_counts: Counter[tuple[str, int, str]] = Counter()

    def _sample(self, signum: int, frame: FrameType | None) -> None:
        self.samples += 1
        seen = set()
        first = True
        while frame is not None:
            code = frame.f_code
            where = (code.co_filename, code.co_firstlineno, code.co_qualname)
            if first:
                self.self_counts[where] += 1
                first = False
            if where not in seen:  # recursion counts once per sample
                seen.add(where)
                self.total_counts[where] += 1
            frame = frame.f_back

    def __enter__(self) -> Sampler:
        self._previous = signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc: object) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, self._previous)
