"""CPU per request over a warmed loop, and cProfile's top items."""

from __future__ import annotations

import io
import os
import sysconfig
import time
from collections import Counter
from pathlib import Path as FsPath

from loadtests.profiling.paths import Path
from loadtests.profiling.sampler import Sampler

ROOT = str(FsPath(__file__).resolve().parents[2]) + os.sep
SITE = sysconfig.get_paths()["purelib"] + os.sep
STDLIB = sysconfig.get_paths()["stdlib"] + os.sep


def run(path: Path, count: int, *, check: bool = False) -> None:
    """`count` requests; each must answer 200, and with `check` (the warm-up: checking costs
    CPU of its own) be what the path expects (the envelope, for the API)."""
    for _ in range(count):
        response = path.one()
        problem = path.check(response) if check else None
        if response.status != 200 or problem is not None:
            raise SystemExit(f"{path.name}: status {response.status}; {problem or ''}")


def cpu_ms(paths: list[Path], *, warmup: int, count: int, rounds: int) -> dict[str, list[float]]:
    """Per path and round, the process's CPU ms per request. The paths take turns within each
    round, so a round's ratio to the anchor compares requests measured under the same
    conditions (a busy neighbour slows a shared core's caches and clock for all of them)."""
    for path in paths:
        run(path, warmup, check=True)
    samples: dict[str, list[float]] = {path.name: [] for path in paths}
    for _ in range(rounds):
        for path in paths:
            started = time.process_time()
            run(path, count)
            samples[path.name].append((time.process_time() - started) * 1000 / count)
    return samples


def short(filename: str) -> str:
    for prefix, label in ((SITE, ""), (STDLIB, "stdlib/"), (ROOT, "")):
        if filename.startswith(prefix):
            return label + filename[len(prefix) :]
    return filename


def area(filename: str) -> str:
    """Who a function belongs to: the app's module, a package, the standard library."""
    name = short(filename)
    if name.startswith("app/"):
        return "/".join(name.split("/")[:2])
    if name.startswith("stdlib/"):
        return "stdlib/" + name.split("/")[1].removesuffix(".py")
    if name.startswith(("~", "<")):
        return "builtins"
    return name.split("/")[0]


def profile(path: Path, *, samples: int, top: int) -> str:
    """Where one request's CPU goes: sampled (sampler.py) until `samples` samples are taken,
    after a few requests to warm up; shares of the samples, scaled to the CPU ms per request
    measured meanwhile. (The kernel's CPU timers tick every few ms, whatever the interval
    asked: a few thousand samples take some seconds.)"""
    run(path, 20, check=True)
    started, count = time.process_time(), 0
    with Sampler() as sampler:
        while sampler.samples < samples:
            run(path, 20)
            count += 20
    per_request = (time.process_time() - started) * 1000 / count
    n = max(sampler.samples, 1)
    out = io.StringIO()
    out.write(
        f"--- {path.name}: {per_request:.3f} ms of CPU per request while sampled "
        f"({sampler.samples} samples, {count} requests)\n"
        "  by area (self)                ms/req      %\n"
    )
    areas: Counter[str] = Counter()
    for (filename, _, _), hits in sampler.self_counts.items():
        areas[area(filename)] += hits
    for name, hits in areas.most_common(top):
        out.write(f"  {name:<28} {per_request * hits / n:7.3f} {100 * hits / n:6.1f}\n")
    for title, counts in (("self", sampler.self_counts), ("cumulative", sampler.total_counts)):
        out.write(f"  top by {title}:\n   ms/req      %  function\n")
        shown = 0
        for (filename, lineno, func), hits in counts.most_common():
            name = short(filename)
            if title == "cumulative" and name.startswith(("stdlib/", "<", "loadtests/")):
                continue  # the driver's frames and stdlib wrappers say nothing here
            ms, share = per_request * hits / n, 100 * hits / n
            out.write(f"  {ms:7.3f} {share:6.1f}  {name}:{lineno}({func})\n")
            shown += 1
            if shown == top:
                break
    return out.getvalue()
