"""One engine's part of `just bench-search` (see app/search/bench/__main__.py, which runs
every engine and writes the table): --engine db benchmarks the database this process is
configured for, --engine tantivy the in-process anchor. Results go to --out as JSON."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from app.search.bench import db_bench, tantivy_bench
from app.search.bench.corpus import Corpus
from app.search.bench.queries import query_mix


class Command(BaseCommand):
    help = "Benchmark search at the given corpus sizes."

    def add_arguments(self, parser):
        parser.add_argument("--engine", choices=["db", "tantivy"], default="db")
        parser.add_argument("--sizes", default="10000,100000")
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument("--owner", default="bench@example.com")
        parser.add_argument("--out", required=True)
        parser.add_argument("--latency-only", action="store_true")
        parser.add_argument(
            "--cache", default=str(Path(settings.BASE_DIR) / ".var/corpus/debian.json")
        )

    def handle(self, *args, **opts):
        sizes = sorted(int(s) for s in opts["sizes"].split(","))
        corpus = Corpus(Path(opts["cache"]))
        queries = [q for _, q in query_mix(corpus.vocabulary, opts["queries"])]
        if opts["engine"] == "tantivy":
            rows = tantivy_bench.run(corpus, sizes, queries)
        else:
            rows = db_bench.run(
                corpus, sizes, queries, opts["owner"], latency_only=opts["latency_only"]
            )
        Path(opts["out"]).parent.mkdir(parents=True, exist_ok=True)
        Path(opts["out"]).write_text(json.dumps(rows, indent=2))
