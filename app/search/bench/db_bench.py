"""Benchmark the active database backend (exact PostgreSQL or SQLite FTS5) at growing sizes,
plus PostgreSQL's own ts_rank full-text search as an anchor on the same rows."""

from contextlib import contextmanager

from django.db import connection
from tqdm import tqdm

from app.search.backends import get_backend
from app.search.backends.base import Rebuild, SearchRequest
from app.search.bench.load import bench_owner, load_tasks
from app.search.bench.timing import Timer, latencies
from app.search.declaration import REGISTRY
from app.search.query import parse

K = 10


@contextmanager
def triggers_off(spec):
    """Bulk loads skip the per-statement triggers; the timed rebuild then indexes every row."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"ALTER TABLE {spec.table} DISABLE TRIGGER search_ins")
        else:
            cursor.execute(f"DROP TRIGGER IF EXISTS search_{spec.slug}_ai")
    yield
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ALTER TABLE {spec.table} ENABLE TRIGGER search_ins")


def build_index(spec, backend, corpus, owner_email: str, size: int) -> float:
    """Load the corpus up to `size` (untimed), then rebuild the index: the seconds it took."""
    with triggers_off(spec), tqdm(total=size, unit="doc", desc=f"load {size}") as bar:
        load_tasks(corpus, owner_email=owner_email, count=size, progress=bar.update)
    with Timer() as build, tqdm(total=size, unit="doc", desc=f"index {size}") as bar:
        backend.rebuild(spec, connection, Rebuild(batch=5000, progress=bar.update))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE search_posting, search_term")
    return build.seconds


def start_fresh(spec, owner, smallest: int) -> None:
    """Sizes grow within one run; a table left larger by an earlier run is emptied first."""
    if spec.model.all_objects.filter(owner=owner).count() > smallest:
        with connection.cursor() as cursor:
            cursor.execute(
                f"TRUNCATE {spec.table}"
                if connection.vendor == "postgresql"
                else f"DELETE FROM {spec.table}"
            )


def index_mb() -> float:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT pg_total_relation_size('search_posting') "
                "+ pg_total_relation_size('search_term')"
            )
        else:
            cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'")
        return round(cursor.fetchone()[0] / 2**20, 1)


def exact_sample(spec, owner, queries) -> str:
    """Pruned top-k vs summing every posting: the same scores, rank by rank."""
    equal = 0
    with connection.cursor() as cursor:
        for q in queries:
            terms = list(parse(q).terms)
            cursor.execute(
                "SELECT score FROM search_topk(%s, %s, %s, %s)", [spec.name, terms, owner.pk, K]
            )
            fast = [r[0] for r in cursor.fetchall()]
            cursor.execute(
                "SELECT score FROM search_all(%s, %s, %s) ORDER BY score DESC LIMIT %s",
                [spec.name, terms, owner.pk, K],
            )
            full = [r[0] for r in cursor.fetchall()]
            equal += len(fast) == len(full) and all(
                abs(a - b) <= 1e-9 * abs(b) for a, b in zip(fast, full, strict=True)
            )
    return f"{equal}/{len(queries)}"


def ts_rank_anchor(spec, owner, queries, size: int) -> dict:
    with Timer() as build, connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_tsv")
        cursor.execute(
            f"CREATE TABLE bench_tsv AS SELECT id, owner_id, "
            f"setweight(to_tsvector('simple', title), 'A') || "
            f"setweight(to_tsvector('simple', description), 'B') AS v "
            f"FROM {spec.table} WHERE deleted_at IS NULL"
        )
        cursor.execute("CREATE INDEX bench_tsv_v ON bench_tsv USING gin (v)")
        cursor.execute("VACUUM ANALYZE bench_tsv")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_total_relation_size('bench_tsv')")
        mb = round(cursor.fetchone()[0] / 2**20, 1)
        cursor.execute("SET statement_timeout = 30000")

        def run(q: str) -> list:
            cursor.execute(
                "SELECT id, ts_rank(v, q) AS r FROM bench_tsv, to_tsquery('simple', %s) q "
                "WHERE owner_id = %s AND v @@ q ORDER BY r DESC LIMIT %s",
                [" | ".join(parse(q).terms), owner.pk, K],
            )
            return cursor.fetchall()

        stats = latencies(run, queries)
        cursor.execute("SET statement_timeout = 0")
    return {
        "backend": "ts_rank (PostgreSQL FTS, anchor)",
        "docs": size,
        "build_s": build.seconds,
        "index_mb": mb,
        **stats,
    }


def run(
    corpus, sizes: list[int], queries: list[str], owner_email: str, *, latency_only: bool = False
) -> list[dict]:
    spec = REGISTRY["tasks.task"]
    backend = get_backend()
    owner = bench_owner(owner_email)
    if not latency_only:
        start_fresh(spec, owner, sizes[0])
    rows = []
    for size in sizes:
        built = None if latency_only else build_index(spec, backend, corpus, owner_email, size)
        name = {"postgres": "exact BM25 (plain PostgreSQL)", "sqlite": "SQLite FTS5 bm25()"}

        def search(q: str) -> list:
            req = SearchRequest(spec, parse(q), owner.pk, {}, K, connection)
            return backend.search(req)

        row = {
            "backend": name.get(backend.name, backend.name),
            "docs": size,
            "build_s": built,
            "index_mb": index_mb(),
            **latencies(search, queries),
        }
        if backend.name == "postgres":
            row["exact_topk_vs_exhaustive"] = exact_sample(spec, owner, queries[:30])
        rows.append(row)
        print(row, flush=True)
        if connection.vendor == "postgresql":
            rows.append(ts_rank_anchor(spec, owner, queries, size))
            print(rows[-1], flush=True)
    return rows
