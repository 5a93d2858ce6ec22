"""A PNG of latency percentiles over the run against the budgets, from Locust's history CSV."""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from pathlib import Path

from loadtests.tool.budgets import Profile


def read_history(csv_path: Path) -> dict[str, list[tuple[float, float, float]]]:
    """name -> [(timestamp, p95, p99)] from *_stats_history.csv (rolling ~10 s windows)."""
    series: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    with csv_path.open() as f:
        for row in csv.DictReader(f):
            try:
                p95, p99 = float(row["95%"]), float(row["99%"])
            except (KeyError, ValueError):
                continue  # "N/A" before the first response
            series[row["Name"]].append((float(row["Timestamp"]), p95, p99))
    return series


def draw(csv_path: Path, png: Path, profile: Profile, warmup_end: float | None) -> Path | None:
    if not csv_path.exists():
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = read_history(csv_path)
    names = [n for n in series if n == "Aggregated" or n in profile.budgets]
    if not names:
        return None
    cols = 3
    rows = math.ceil(len(names) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 3 * rows), squeeze=False)
    t0 = min(t for n in names for t, _, _ in series[n])
    for ax, name in zip(axes.flat, names, strict=False):
        points = series[name]
        ts = [t - t0 for t, _, _ in points]
        ax.plot(ts, [p for _, p, _ in points], label="p95", color="tab:blue")
        ax.plot(ts, [p for _, _, p in points], label="p99", color="tab:orange")
        limit = profile.budgets.get(name)
        p95_limit = limit.p95 if limit else None
        p99_limit = limit.p99 if limit else profile.overall_p99
        if p95_limit:
            ax.axhline(p95_limit, color="tab:blue", linestyle="--", linewidth=1, label="p95 budget")
        if p99_limit:
            ax.axhline(
                p99_limit, color="tab:orange", linestyle="--", linewidth=1, label="p99 budget"
            )
        if warmup_end:
            ax.axvspan(0, max(0, warmup_end - t0), color="grey", alpha=0.15, label="warmup")
        ax.set_title(name, fontsize=9)
        ax.set_xlabel("s", fontsize=8)
        ax.set_ylabel("ms", fontsize=8)
        ax.tick_params(labelsize=7)
    for ax in list(axes.flat)[len(names) :]:
        ax.axis("off")
    axes.flat[0].legend(fontsize=7)
    fig.suptitle(
        f"QuickScale load test — profile {profile.name}: latency percentiles "
        f"(10 s windows) vs budgets"
    )
    fig.tight_layout()
    fig.savefig(png, dpi=90)
    plt.close(fig)
    return png
