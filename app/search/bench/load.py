"""Insert corpus documents as tasks of one owner, batch by batch (the loader and the benchmark).

Raw model instances through bulk_create, not the tasks services: a million full_clean() calls
and audit lines would measure the wrong thing. The database triggers still see every row.
"""

from collections.abc import Callable
from itertools import islice

from django.contrib.auth import get_user_model
from django.db import transaction

from app.search.bench.corpus import Corpus
from app.search.declaration import REGISTRY


def bench_owner(email: str):
    user_model = get_user_model()
    user, _ = user_model.objects.get_or_create(
        email=email, defaults={"username": email.split("@")[0]}
    )
    return user


def load_tasks(
    corpus: Corpus,
    *,
    owner_email: str,
    count: int,
    batch: int = 5000,
    progress: Callable[[int], None] = lambda n: None,
) -> int:
    spec = REGISTRY["tasks.task"]
    model = spec.model
    owner = bench_owner(owner_email)
    have = model.all_objects.filter(owner=owner).count()
    progress(min(have, count))
    docs = corpus.documents(have, count)
    added = 0
    while chunk := list(islice(docs, batch)):
        with transaction.atomic():
            model.objects.bulk_create(
                [model(owner=owner, title=t or "untitled", description=d) for t, d in chunk]
            )
        added += len(chunk)
        progress(len(chunk))
    return added
