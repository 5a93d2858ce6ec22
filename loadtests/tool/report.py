"""The budget table: one row per request and figure, the kit beside the anchor, each limit with
its verdict and margin.

A figure budgeted both ways shows the ratio to the anchor (the budget) and the absolute
ceiling (the sanity net) on one row; the row fails when either does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from loadtests.tool.gate import RATIO, Check


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    if metric.endswith(RATIO):
        return f"{value:.1f}x"
    if metric == "fail ratio":
        return f"{value:.2%}"
    if metric == "rps":
        return f"{value:.1f}/s"
    if metric == "cpu ms/req":
        return f"{value:.2f} ms"
    if metric == "requests":
        return f"{value:.0f}"
    return f"{value:.1f} ms" if value < 10 else f"{value:.0f} ms"


def _broken(c: Check) -> str:
    if c.metric == "requests":
        return f"{c.name}: {c.note}"
    sign = "<" if c.metric == "rps" else ">"
    if c.is_ratio:
        base = c.metric.removesuffix(RATIO)
        return (
            f"{c.name} {base} {_fmt(base, c.kit)} is {_fmt(c.metric, c.measured)} the anchor's "
            f"{_fmt(base, c.anchor)} > {_fmt(c.metric, c.limit)}"
        )
    return f"{c.name} {c.metric} {_fmt(c.metric, c.measured)} {sign} {_fmt(c.metric, c.limit)}"


def _margin(c: Check) -> str:
    m = c.margin
    if m is None:
        return "-"
    return ("+" if m >= 0 else "") + _fmt(c.metric, m)


@dataclass
class Row:
    name: str
    metric: str
    checks: list[Check] = field(default_factory=list)

    def cells(self) -> tuple[str, ...]:
        ratio = next((c for c in self.checks if c.is_ratio), None)
        plain = next((c for c in self.checks if not c.is_ratio), None)
        kit = plain.measured if plain else ratio.kit if ratio else None
        statuses = [c.status for c in self.checks]
        status = "FAIL" if "FAIL" in statuses else statuses[0]
        notes = "; ".join(dict.fromkeys(c.note for c in self.checks if c.note))
        judged = next((c for c in self.checks if c.status == "FAIL"), ratio or plain)
        return (
            self.name,
            self.metric,
            _fmt(self.metric, kit),
            _fmt(self.metric, ratio.anchor) if ratio else "",
            _fmt(ratio.metric, ratio.measured) if ratio else "",
            _fmt(ratio.metric, ratio.limit) if ratio else "",
            _fmt(plain.metric, plain.limit) if plain else "",
            status + (f" ({notes})" if notes else ""),
            _margin(judged) if judged else "-",
        )


def rows(checks: Iterable[Check]) -> list[Row]:
    grouped: dict[tuple[str, str], Row] = {}
    for c in checks:
        metric = c.metric.removesuffix(RATIO)
        grouped.setdefault((c.name, metric), Row(c.name, metric)).checks.append(c)
    return list(grouped.values())


HEADER = ("request", "metric", "kit", "anchor", "ratio", "ratio limit", "ceiling", "result")


def table(checks: list[Check], title: str = "", summary: bool = True) -> str:
    body = [(*HEADER, "margin")] + [r.cells() for r in rows(checks)]
    widths = [max(len(r[i]) for r in body) for i in range(len(HEADER))]
    lines = [title] if title else []
    for i, row in enumerate(body):
        cells = [cell.ljust(widths[j]) for j, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths) + "  ------")
    if not summary:
        return "\n".join(lines)
    broken = [c for c in checks if c.status == "FAIL"]
    skipped = sum(c.status == "SKIP" for c in checks)
    lines.append(
        f"BUDGETS BROKEN ({len(broken)}): " + "; ".join(_broken(c) for c in broken)
        if broken
        else f"ALL {len(checks) - skipped} BUDGET CHECKS PASS"
        + (f" ({skipped} skipped: see why above)" if skipped else "")
    )
    return "\n".join(lines)


def markdown(checks: list[Check]) -> str:
    out = ["| " + " | ".join((*HEADER, "margin")) + " |", "|" + "---|" * (len(HEADER) + 1)]
    out += ["| " + " | ".join(r.cells()) + " |" for r in rows(checks)]
    return "\n".join(out)
