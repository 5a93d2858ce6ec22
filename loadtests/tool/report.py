"""The budget table: every check with its measured value, limit, verdict and margin."""

from __future__ import annotations

from loadtests.tool.gate import Check


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return "-"
    if metric == "fail ratio":
        return f"{value:.2%}"
    if metric == "rps":
        return f"{value:.1f}/s"
    if metric == "cpu ms/req":
        return f"{value:.2f} ms"
    if metric == "requests":
        return f"{value:.0f}"
    return f"{value:.0f} ms"


def _broken(c: Check) -> str:
    if c.metric == "requests":
        return f"{c.name}: {c.note}"
    sign = "<" if c.metric == "rps" else ">"
    return f"{c.name} {c.metric} {_fmt(c.metric, c.measured)} {sign} {_fmt(c.metric, c.limit)}"


def table(checks: list[Check], title: str = "", summary: bool = True) -> str:
    rows = [("request", "metric", "measured", "limit", "result", "margin")]
    for c in checks:
        margin = c.margin
        shown = (
            "-"
            if margin is None
            else ("+" if margin >= 0 else "") + _fmt(c.metric, margin).replace("/s", "/s")
        )
        rows.append(
            (
                c.name,
                c.metric,
                _fmt(c.metric, c.measured),
                _fmt(c.metric, c.limit),
                c.status + (f" ({c.note})" if c.note else ""),
                shown,
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = [title] if title else []
    for i, row in enumerate(rows):
        lines.append(
            "  ".join(
                cell.ljust(widths[j]) if j < 5 else cell for j, cell in enumerate(row)
            ).rstrip()
        )
        if i == 0:
            lines.append("  ".join("-" * w for w in widths) + "  ------")
    if not summary:
        return "\n".join(lines)
    broken = [c for c in checks if c.status == "FAIL"]
    lines.append(
        f"BUDGETS BROKEN ({len(broken)}): " + "; ".join(_broken(c) for c in broken)
        if broken
        else f"ALL {len(checks)} BUDGET CHECKS PASS"
    )
    return "\n".join(lines)


def markdown(checks: list[Check]) -> str:
    out = ["| request | metric | measured | limit | result | margin |", "|---|---|---|---|---|---|"]
    for c in checks:
        m = c.margin
        out.append(
            f"| {c.name} | {c.metric} | {_fmt(c.metric, c.measured)} | "
            f"{_fmt(c.metric, c.limit)} | {c.status} | "
            f"{'-' if m is None else _fmt(c.metric, m)} |"
        )
    return "\n".join(out)
