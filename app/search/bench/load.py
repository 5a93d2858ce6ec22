"""Insert corpus documents as tasks of one owner, batch by batch (the loader and the benchmark).

Raw rows, not the tasks services: a million full_clean() calls and audit lines would measure
the wrong thing. PostgreSQL gets COPY (several times faster than a 5,000-row INSERT built by the
ORM), SQLite bulk INSERTs. The database triggers still see every row, COPY included.
"""

import uuid
from collections.abc import Callable
from itertools import islice

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from app.search.bench.corpus import Corpus
from app.search.declaration import REGISTRY

COLUMNS = "id, created_at, updated_at, owner_id, title, description, status, priority"


def bench_owner(email: str):
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        email=email, defaults={"username": email.split("@")[0]}
    )
    return user


def copy_rows(model, owner, chunk: list[tuple[str, str]]) -> None:
    now = timezone.now()
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {model._meta.db_table} ({COLUMNS}) FROM STDIN") as copy,
    ):
        for title, description in chunk:
            copy.write_row(
                (
                    uuid.uuid4(),
                    now,
                    now,
                    owner.pk,
                    (title or "untitled")[:200],
                    description,
                    "todo",
                    2,
                )
            )


def load_tasks(
    corpus: Corpus,
    *,
    owner_email: str,
    count: int,
    batch: int = 5000,
    progress: Callable[[int], None] = lambda n: None,
) -> int:
    model = REGISTRY["tasks.task"].model
    owner = bench_owner(owner_email)
    have = model.all_objects.filter(owner=owner).count()
    progress(min(have, count))
    docs = corpus.documents(have, count)
    added = 0
    while chunk := list(islice(docs, batch)):
        with transaction.atomic():
            if connection.vendor == "postgresql":
                copy_rows(model, owner, chunk)
            else:
                model.objects.bulk_create(
                    [model(owner=owner, title=t or "untitled", description=d) for t, d in chunk]
                )
        added += len(chunk)
        progress(len(chunk))
    return added
