"""Plain PostgreSQL: BM25 scores equal the Lucene-idf reference (relative error <= 1e-9),
before and after every kind of write, in the writing transaction and in later ones."""

import pytest
from django.db import connection, transaction

from app.tasks import services
from app.tasks.models import Task
from tests.search import corpus
from tests.search.checks import assert_exact

QUERIES = corpus.queries(30)


def stats():
    with connection.cursor() as cursor:
        cursor.execute("SELECT n_docs, total_len FROM search_stats WHERE idx = 'tasks.task'")
        return cursor.fetchone()


def test_scores_equal_reference(pg_exact, owners):
    corpus.load(owners, 300)
    assert assert_exact(corpus.reference("lucene"), owners, QUERIES) == 90


def test_deep_topk_and_filters_are_exact(pg_exact, owners):
    corpus.load(owners, 300)
    ref = corpus.reference("lucene")
    assert_exact(ref, owners[:1], QUERIES[:10], k=60)  # forces deeper lists and the fallback
    assert_exact(ref, owners[:1], QUERIES[:10], status="done")  # the filtered (join) path


def test_writes_in_the_same_transaction(pg_exact, owners, make_task):
    tasks = corpus.load(owners, 200)
    services.task_update(task=tasks[0], data={"title": "Kalo kalo mine", "description": "ru"})
    services.task_delete(task=tasks[1])  # soft delete: must stop counting at once
    services.task_delete(task=tasks[2])
    services.task_restore(task=Task.all_objects.get(pk=tasks[2].pk))
    tasks[3].hard_delete()
    Task.objects.filter(pk__in=[t.pk for t in tasks[4:20]]).delete()  # bulk soft delete
    Task.objects.filter(pk__in=[t.pk for t in tasks[20:30]]).update(description="zizi kaka")
    Task.objects.filter(pk__in=[t.pk for t in tasks[30:40]]).update(status="done")  # not indexed
    make_task(owners[0], title="Kaka lolo", description="Kaka kaka ne")
    with connection.cursor() as cursor:  # raw SQL is covered too: the triggers do the work
        cursor.execute("UPDATE tasks_task SET title = 'Vovo zi' WHERE id = %s", [tasks[40].pk])
    ref = corpus.reference("lucene")
    assert stats() == (ref.n, sum(ref.dl.values()))
    assert_exact(ref, owners, QUERIES)


@pytest.mark.django_db(transaction=True)
def test_writes_in_later_transactions_and_rollback(pg_exact, owners):
    with transaction.atomic():
        tasks = corpus.load(owners, 150)
    with transaction.atomic():
        services.task_delete(task=tasks[0])
        services.task_update(task=tasks[5], data={"description": "Ne ne ne ne"})
    try:
        with transaction.atomic():
            Task.objects.all().delete()  # soft-deletes everything, then rolls back
            raise RuntimeError
    except RuntimeError:
        pass
    with transaction.atomic():
        services.task_restore(task=Task.all_objects.get(pk=tasks[0].pk))
        tasks[6].hard_delete()
    ref = corpus.reference("lucene")
    assert stats() == (ref.n, sum(ref.dl.values()))
    assert_exact(ref, owners, QUERIES)


def test_truncate_resets_statistics(pg_exact, owners):
    corpus.load(owners, 50)
    with connection.cursor() as cursor:
        # Django's deferred FK checks from the insert would otherwise block TRUNCATE here.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE tasks_task")
        cursor.execute("SELECT count(*) FROM search_posting")
        assert cursor.fetchone()[0] == 0
    assert stats() == (0, 0)
    corpus.load(owners, 80, seed=9)
    assert_exact(corpus.reference("lucene"), owners, QUERIES[:10])


def test_rebuild_recomputes_from_the_table(pg_exact, owners):
    from app.search.backends.base import Rebuild
    from app.search.backends.postgres import PostgresBM25

    corpus.load(owners, 120)
    with connection.cursor() as cursor:  # corrupt the statistics behind the triggers' back
        cursor.execute("UPDATE search_term SET df = df + 7")
        cursor.execute("UPDATE search_stats SET n_docs = 1")
    assert PostgresBM25().rebuild(Task.search.spec, connection, Rebuild(batch=37)) == 120
    assert_exact(corpus.reference("lucene"), owners, QUERIES)


@pytest.mark.parametrize("k", [1, 10, 60])
def test_pruned_topk_is_exact(pg_exact, owners, k):
    """The threshold path, forced on (p_small=0): small corpora would otherwise just sum."""
    from app.search.query import parse
    from app.search.reference import check_topk

    corpus.load(owners, 300)
    ref = corpus.reference("lucene")
    problems = []
    with connection.cursor() as cursor:
        for owner in owners:
            pool = list(Task.objects.filter(owner=owner).values_list("pk", flat=True))
            for q in [*QUERIES, "kaka -lo", "ne ne"]:
                query = parse(q)
                cursor.execute(
                    "SELECT doc, score FROM search_topk('tasks.task', %s, %s, %s, %s, 0)",
                    [list(query.terms), owner.pk, k, list(query.excluded)],
                )
                hits = cursor.fetchall()
                expected = ref.search(
                    query.terms, keys=[p for p in pool if not set(query.excluded) & set(ref.tf[p])]
                )
                problems += check_topk(hits, expected, k)
                problems += [
                    f"{pk}: {s} != {ref.score(pk, query.terms)}"
                    for pk, s in hits
                    if abs(s - ref.score(pk, query.terms)) > 1e-9 * s
                ]
    assert not problems, problems[:10]
