"""SQLite FTS5: bm25() equals the FTS5 variant of the reference (idf floored at 1e-6 for
words in over half the documents), with the index kept in step with the table by triggers."""

from django.db import connection

from app.search.backends.base import Rebuild
from app.search.backends.sqlite import SQLiteFTS5, match_expression
from app.search.query import parse
from app.tasks import services
from app.tasks.models import Task
from tests.search import corpus
from tests.search.checks import assert_exact

QUERIES = corpus.queries(30)


def test_scores_equal_fts5_reference(fts5, owners):
    corpus.load(owners, 300)
    ref = corpus.reference("fts5")
    assert any(ref.df[w] > ref.n / 2 for w in corpus.vocabulary()[:3])  # the floor is exercised
    assert_exact(ref, owners, QUERIES)
    assert_exact(ref, owners[:1], QUERIES[:10], k=60, status="todo")


def test_writes_keep_the_index_in_step(fts5, owners, make_task):
    tasks = corpus.load(owners, 200)
    services.task_update(task=tasks[0], data={"title": "Kalo kalo mine", "description": "ru"})
    services.task_delete(task=tasks[1])
    services.task_delete(task=tasks[2])
    services.task_restore(task=Task.all_objects.get(pk=tasks[2].pk))
    tasks[3].hard_delete()
    Task.objects.filter(pk__in=[t.pk for t in tasks[4:20]]).delete()
    Task.objects.filter(pk__in=[t.pk for t in tasks[20:30]]).update(description="zizi kaka")
    make_task(owners[0], title="Kaka lolo", description="Kaka kaka ne")
    with connection.cursor() as cursor:
        cursor.execute("UPDATE tasks_task SET title = 'Vovo zi' WHERE id = %s", [tasks[40].pk.hex])
    assert_exact(corpus.reference("fts5"), owners, QUERIES)


def test_rebuild(fts5, owners):
    corpus.load(owners, 100)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_fts_tasks_task")
    assert SQLiteFTS5().rebuild(Task.search.spec, connection, Rebuild(batch=33)) == 100
    assert_exact(corpus.reference("fts5"), owners, QUERIES[:10])


def test_match_expression_quotes_everything():
    expr = match_expression(parse('and "or near" -not x'))
    assert expr == '"or near" AND ("and" OR "x" OR "or" OR "near") NOT "not"'
