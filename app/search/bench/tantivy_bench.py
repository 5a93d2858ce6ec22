"""The physical-limit anchor: the same documents and queries in in-process tantivy (the engine
inside ParadeDB), no database, no network, no Python-side row fetching."""

import shutil
import tempfile
from pathlib import Path

import tantivy
from tqdm import tqdm

from app.search.bench.timing import Timer, latencies
from app.search.query import parse

K = 10


def run(corpus, sizes: list[int], queries: list[str]) -> list[dict]:
    rows = []
    for size in sizes:
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("title")
        builder.add_text_field("description")
        schema = builder.build()
        path = Path(tempfile.mkdtemp(prefix="bench-tantivy-"))
        try:
            index = tantivy.Index(schema, path=str(path))
            with Timer() as build:
                writer = index.writer(heap_size=256_000_000, num_threads=1)
                for title, description in tqdm(
                    corpus.documents(0, size), total=size, unit="doc", desc=f"tantivy {size}"
                ):
                    writer.add_document(tantivy.Document(title=title, description=description))
                writer.commit()
                writer.wait_merging_threads()
                index.reload()
            mb = round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20, 1)
            searcher = index.searcher()

            def search(q: str, index=index, searcher=searcher) -> list:
                query = index.parse_query(
                    " ".join(parse(q).terms), ["title", "description"], field_boosts={"title": 2.0}
                )
                return searcher.search(query, K).hits

            rows.append(
                {
                    "backend": "tantivy in-process (anchor)",
                    "docs": size,
                    "build_s": build.seconds,
                    "index_mb": mb,
                    **latencies(search, queries),
                }
            )
            print(rows[-1], flush=True)
        finally:
            shutil.rmtree(path, ignore_errors=True)
    return rows
