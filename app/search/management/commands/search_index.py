"""Build or rebuild the search index of existing rows, with a progress bar.

python manage.py search_index rebuild [--model tasks.task] [--batch 5000]
python manage.py search_index install    # (re)create triggers / index; migrate does this too
python manage.py search_index status     # the active backend and each index's size
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from app.search.backends import backend_name, get_backend
from app.search.backends.base import Rebuild
from app.search.declaration import REGISTRY
from app.search.install import install_all


class Command(BaseCommand):
    help = "Build, rebuild or inspect the search index."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "install", "status"])
        parser.add_argument("--model", help="e.g. tasks.task (default: every searchable model)")
        parser.add_argument("--batch", type=int, default=5000)

    def handle(self, *args, **opts):
        if opts["model"] and opts["model"] not in REGISTRY:
            raise CommandError(f"not searchable: {opts['model']}; one of {sorted(REGISTRY)}")
        specs = [REGISTRY[opts["model"]]] if opts["model"] else list(REGISTRY.values())
        if opts["action"] == "install":
            self.stdout.write(f"installed: {', '.join(install_all())} ({backend_name()})")
            return
        backend = get_backend()
        for spec in specs:
            rows = spec.model._default_manager.count()
            if opts["action"] == "status":
                self.stdout.write(f"{spec.name}: {rows} live rows, backend {backend.name}")
                continue
            with tqdm(total=rows, unit="row", desc=spec.name) as bar:
                done = backend.rebuild(spec, connection, Rebuild(opts["batch"], bar.update))
            self.stdout.write(f"{spec.name}: indexed {done} rows ({backend.name})")
