"""The benchmark table: every engine's rows side by side, as markdown and JSON."""

import json
import platform
from datetime import UTC, datetime
from pathlib import Path

COLUMNS = [
    ("backend", "backend"),
    ("docs", "docs"),
    ("build_s", "build s"),
    ("index_mb", "index MB"),
    ("p50_ms", "p50 ms"),
    ("p95_ms", "p95 ms"),
    ("p99_ms", "p99 ms"),
    ("max_ms", "max ms"),
    ("failures", "timeouts"),
    ("exact_topk_vs_exhaustive", "exact top-10"),
]


def markdown(rows: list[dict], meta: dict) -> str:
    lines = [
        f"# Search benchmark ({meta['when']})",
        "",
        f"{meta['machine']}; {meta['queries']} queries (1-4 words, common and rare), "
        "top-10, single client, result cache off, one owner holds every document.",
        "",
        "| " + " | ".join(title for _, title in COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for row in sorted(rows, key=lambda r: (r["docs"], r["backend"])):
        lines.append("| " + " | ".join(str(row.get(key, "")) for key, _ in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def write(rows: list[dict], out_dir: Path, queries: int) -> Path:
    meta = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "queries": queries,
        "machine": f"{platform.machine()}, {platform.system()}, "
        f"{len(__import__('os').sched_getaffinity(0))} cores",
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (out_dir / f"search-bench-{stamp}.json").write_text(
        json.dumps({"meta": meta, "rows": rows}, indent=2)
    )
    md = out_dir / f"search-bench-{stamp}.md"
    md.write_text(markdown(rows, meta))
    return md
