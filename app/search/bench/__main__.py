"""`just bench-search`: every available backend side by side, at each size.

    python -m app.search.bench --sizes 10000,100000,1000000

Runs `manage.py search_bench` once per engine, each in its own process and database:
PostgreSQL (exact BM25 + the ts_rank anchor) in BENCH_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/qs_bench, created if missing), SQLite FTS5 in
.var/bench/bench.sqlite3, and tantivy in-process. The result cache is off throughout
(no VALKEY_URL). Writes .var/bench/search-bench-<time>.{json,md} and prints the table.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from app.search.bench.report import write

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / ".var" / "bench"


def engines(pg_url: str) -> dict[str, dict[str, str]]:
    return {
        "postgres": {"DATABASE_URL": pg_url, "SEARCH_BACKEND": "postgres"},
        "sqlite": {
            "DATABASE_URL": f"sqlite:///{OUT / 'bench.sqlite3'}",
            "SEARCH_BACKEND": "sqlite",
        },
        "tantivy": {"DATABASE_URL": f"sqlite:///{OUT / 'tantivy-meta.sqlite3'}"},
    }


def ensure_pg_database(url: str) -> bool:
    import psycopg

    name = url.rsplit("/", 1)[1]
    try:
        with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
        return True
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL unavailable, skipping it: {exc}", file=sys.stderr)
        return False


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--engines", default="postgres,sqlite,tantivy")
    parser.add_argument(
        "--latency-only",
        action="store_true",
        help="reuse the loaded corpus and index; measure queries only",
    )
    parser.add_argument(
        "--merge-only",
        action="store_true",
        help="only write the table from the engines' last JSON results",
    )
    args = parser.parse_args()
    pg_url = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qs_bench")
    OUT.mkdir(parents=True, exist_ok=True)
    rows: list[dict] = []
    for name, env_extra in engines(pg_url).items():
        if name not in args.engines.split(","):
            continue
        out = OUT / f"{name}.json"
        if args.merge_only:
            rows += json.loads(out.read_text()) if out.exists() else []
            continue
        if name == "postgres" and not ensure_pg_database(pg_url):
            continue
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("VALKEY_URL", "CACHE_URL", "CELERY_BROKER_URL")
        }
        env.update(env_extra, LOG_LEVEL="WARNING")
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        subprocess.run(
            [
                *manage,
                "search_bench",
                "--engine",
                "tantivy" if name == "tantivy" else "db",
                "--sizes",
                args.sizes,
                "--queries",
                str(args.queries),
                "--out",
                str(out),
            ],
            env=env,
            check=True,
        )
        rows += json.loads(out.read_text())
    md = write(rows, OUT, args.queries)
    print(md.read_text())
    print(f"saved {md} and {md.with_suffix('.json')}")


if __name__ == "__main__":
    main()
