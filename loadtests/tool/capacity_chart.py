"""capacity.png: req/s and p99 per concurrency step, the kit and the anchor on one plot."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from loadtests.tool.budgets import Profile


def draw(
    steps: list[dict[str, Any]],
    anchor_steps: list[dict[str, Any]],
    png: Path,
    profile: Profile,
    p99_limit: float,
) -> Path | None:
    if not steps:
        return None
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (rps_ax, p99_ax) = plt.subplots(1, 2, figsize=(12, 4.5))
    for label, series, color in (("kit", steps, "tab:blue"), ("anchor", anchor_steps, "grey")):
        if not series:
            continue
        xs = [st["connections"] for st in series]
        rps_ax.plot(xs, [st["rps"] for st in series], marker="o", color=color, label=label)
        p99_ax.plot(xs, [st.get("p99", 0) for st in series], marker="o", color=color, label=label)
        broke = [st for st in series if not st["held"]]
        rps_ax.scatter(
            [st["connections"] for st in broke],
            [st["rps"] for st in broke],
            marker="x",
            color="red",
            zorder=3,
        )
    p99_ax.axhline(p99_limit, color="tab:red", linestyle="--", linewidth=1, label="p99 budget")
    connections = [st["connections"] for st in steps]
    for ax, title, unit in ((rps_ax, "throughput", "req/s"), (p99_ax, "p99 latency", "ms")):
        ax.set_xscale("log", base=2)
        ax.set_xticks(connections, [str(c) for c in connections])
        ax.set_xlabel("wrk connections")
        ax.set_ylabel(unit)
        ax.set_title(title)
        ax.grid(True, alpha=0.3)
        ax.legend(fontsize=8)
    fig.suptitle(f"QuickScale capacity — {profile.step_request} beside the anchor (x: step broke)")
    fig.tight_layout()
    fig.savefig(png, dpi=90)
    plt.close(fig)
    return png
