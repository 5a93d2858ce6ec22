"""Load the search corpus (real Debian descriptions, then Zipf-like synthetic text) as tasks.

    python manage.py search_corpus --count 100000 --owner bench@example.com

Resumable and growable: the owner's existing tasks count as the first documents, so running it
again with a larger --count only adds the rest. Rows go in by bulk INSERTs of --batch rows;
memory stays flat (one batch at a time), the search triggers index each batch as it lands.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from tqdm import tqdm

from app.search.bench.corpus import Corpus
from app.search.bench.load import load_tasks


class Command(BaseCommand):
    help = "Load real (Debian) and synthetic text as searchable tasks."

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True)
        parser.add_argument("--owner", default="corpus@example.com")
        parser.add_argument("--batch", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=42)
        parser.add_argument(
            "--cache", default=str(Path(settings.BASE_DIR) / ".var/corpus/debian.json")
        )

    def handle(self, *args, **opts):
        corpus = Corpus(Path(opts["cache"]), seed=opts["seed"])
        with tqdm(total=opts["count"], unit="doc", desc="corpus") as bar:
            added = load_tasks(
                corpus,
                owner_email=opts["owner"],
                count=opts["count"],
                batch=opts["batch"],
                progress=bar.update,
            )
        self.stdout.write(
            f"added {added} tasks for {opts['owner']} "
            f"({len(corpus.real)} real descriptions available)"
        )
