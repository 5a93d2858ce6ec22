"""Compare counted instructions with their budgets and print the verdict table."""

from __future__ import annotations

from dataclasses import dataclass

from loadtests.instructions.hot_paths import HOT_PATHS

# Below this ratio the budget is loose enough to hide a regression of its own size: say so.
TIGHTEN_BELOW = 0.85


@dataclass(frozen=True)
class Row:
    path: str
    counted: int
    budget: int
    tolerance: float

    @property
    def ratio(self) -> float:
        return self.counted / self.budget

    @property
    def passed(self) -> bool:
        return self.counted <= self.budget * (1 + self.tolerance)


def compare(counted: dict[str, int], budgets: dict[str, int], tolerance: float) -> list[Row]:
    return [Row(name, n, budgets[name], tolerance) for name, n in counted.items()]


def table(rows: list[Row]) -> str:
    head = ("path", "request", "counted", "budget", "ratio", "verdict")
    body = [
        (
            r.path,
            HOT_PATHS[r.path].label,
            f"{r.counted:,}",
            f"{r.budget:,}",
            f"{r.ratio:.3f}",
            "PASS" if r.passed else "FAIL",
        )
        for r in rows
    ]
    widths = [max(len(str(line[i])) for line in (head, *body)) for i in range(len(head))]
    right = {2, 3, 4}

    def fmt(line: tuple[str, ...]) -> str:
        cells = zip(line, widths, strict=True)
        aligned = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(cells)]
        return "  ".join(aligned).rstrip()

    return "\n".join([fmt(head), *(fmt(line) for line in body)])


def verdict(rows: list[Row]) -> tuple[int, str]:
    """(exit code, closing line): 1 naming every path past its budget, else 0."""
    broken = [r for r in rows if not r.passed]
    if broken:
        named = ", ".join(f"{r.path} ({r.ratio:.2f}x its budget)" for r in broken)
        limit = 1 + rows[0].tolerance
        return 1, f"INSTRUCTION BUDGETS BROKEN (limit {limit:.2f}x): {named}"
    loose = [r.path for r in rows if r.ratio < TIGHTEN_BELOW]
    note = f"; {', '.join(loose)} well under budget: --update to tighten" if loose else ""
    return 0, f"ALL {len(rows)} INSTRUCTION BUDGETS PASS{note}"
