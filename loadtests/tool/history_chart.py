"""history.png: each profile's runs over time as ratios to their anchor, so a regression is
seen at a glance whatever machine each run was made on.

One line per ratio the runs recorded (p95 / the anchor's p95 per request, overall p99, server
CPU per request; capacity as the kit's req/s / the anchor's), one point per run, the load
average written under each point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loadtests.tool.history import runs


def read_runs(history: Path, profile: str) -> list[dict[str, Any]]:
    return [r for r in runs(history) if r.get("profile") == profile and r.get("ratios")]


def draw(history: Path, png: Path, profile: str, last: int = 30) -> Path | None:
    runs = read_runs(history, profile)[-last:]
    if not runs:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = sorted({name for run in runs for name in run["ratios"]})
    fig, ax = plt.subplots(figsize=(12, 6))
    xs = list(range(len(runs)))
    for name in names:
        points = [(x, run["ratios"].get(name)) for x, run in zip(xs, runs, strict=True)]
        points = [(x, y) for x, y in points if y is not None]
        if points:
            ax.plot(*zip(*points, strict=True), marker="o", linewidth=1, label=name)
    ax.set_xticks(xs)
    ax.set_xticklabels(
        [
            f"{run['time'][5:16]}\n{run.get('commit', '?')}\nload {run['loadavg']['mean']}"
            for run in runs
        ],
        fontsize=6,
        rotation=45,
        ha="right",
    )
    ax.set_ylabel("x the anchor (lower is better; capacity: higher)")
    ax.set_yscale("log")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=6, ncol=3, loc="upper left", bbox_to_anchor=(0, -0.25))
    ax.set_title(f"QuickScale load test — profile {profile}: ratios to the anchor, run by run")
    fig.tight_layout()
    fig.savefig(png, dpi=90)
    plt.close(fig)
    return png
