"""Concurrent writers on plain PostgreSQL: every transaction commits (no deadlock between the
statistics rows) and the statistics stay exact."""

import random
import threading

import pytest
from django.db import connection, connections, transaction

from app.tasks import services
from app.tasks.models import Task
from tests.search import corpus
from tests.search.checks import assert_exact


def _writer(owner, seed: int, errors: list) -> None:
    rng = random.Random(seed)
    texts = corpus.texts(30, seed=seed)
    try:
        for i in range(10):
            with transaction.atomic():
                title, description = texts[i]
                task = services.task_create(owner=owner, title=title, description=description)
                mine = list(Task.all_objects.filter(owner=owner).order_by("?")[:3])
                if mine and rng.random() < 0.5:
                    services.task_update(task=mine[0], data={"title": texts[10 + i][0]})
                if len(mine) > 1 and rng.random() < 0.3:
                    services.task_delete(task=mine[1]) if not mine[1].is_deleted else (
                        services.task_restore(task=mine[1])
                    )
                if rng.random() < 0.2:
                    task.hard_delete()
    except Exception as exc:  # reported below, with the thread's seed
        errors.append(f"writer {seed}: {exc!r}")
    finally:
        connections.close_all()


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_statistics_exact(pg_exact, owners):
    with transaction.atomic():
        corpus.load(owners, 100)
    errors: list[str] = []
    threads = [threading.Thread(target=_writer, args=(owners[i % 3], i, errors)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    ref = corpus.reference("lucene")
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_docs, total_len FROM search_stats WHERE idx = 'tasks.task'")
        assert cursor.fetchone() == (ref.n, sum(ref.dl.values()))
    assert_exact(ref, owners, corpus.queries(20))
