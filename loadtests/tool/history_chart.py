"""history.png: each profile's runs over time, each ratio to the anchor drawn as the share of
its budget it used (1 = at the limit), so a regression is seen at a glance whatever machine each
run was made on: a line climbing toward 1.

One line per p95 ratio, the overall p99 ratio and the server-CPU ratio (capacity: its budget
over the kit's share of the anchor's req/s), one point per run, the commit and load average
under each point."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loadtests.tool.history import runs


def read_runs(history: Path, profile: str) -> list[dict[str, Any]]:
    return [r for r in runs(history) if r.get("profile") == profile and r.get("budget_use")]


DRAWN = ("p95/anchor", "overall p99/anchor", "cpu ms/req/anchor", "capacity/anchor")


def draw(history: Path, png: Path, profile: str, last: int = 30) -> Path | None:
    runs = read_runs(history, profile)[-last:]
    if not runs:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = sorted({n for run in runs for n in run["budget_use"] if n.endswith(DRAWN)})
    fig, ax = plt.subplots(figsize=(12, 6))
    xs = list(range(len(runs)))
    for name in names:
        points = [(x, run["budget_use"].get(name)) for x, run in zip(xs, runs, strict=True)]
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
    ax.axhline(1.0, color="red", linestyle="--", linewidth=1.5, label="the budget")
    ax.set_ylabel("share of the ratio budget used (over 1: broken)")
    ax.set_ylim(0, max(1.2, *(v for run in runs for v in run["budget_use"].values())))
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=6, ncol=3, loc="upper left", bbox_to_anchor=(0, -0.25))
    ax.set_title(f"QuickScale load test — profile {profile}: ratio budgets used, run by run")
    fig.tight_layout()
    fig.savefig(png, dpi=90)
    plt.close(fig)
    return png
