"""Search added to a database that already holds rows: migrate's install indexes them, so they
are found and deleting one keeps the statistics sound (no negative document count, no 500)."""

import pytest
from django.db import connection

from app.search.backends import get_backend
from app.search.backends.sqlite_schema import fts_table, map_table
from app.search.declaration import REGISTRY
from app.search.install import install_all
from app.tasks import services
from app.tasks.models import Task
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def forget_index(spec) -> None:
    """Put the index in the state of a fresh install over existing rows: it knows no documents."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DELETE FROM {fts_table(spec)}")  # noqa: S608 (table from model metadata)
            cursor.execute(f"DELETE FROM {map_table(spec)}")  # noqa: S608
        else:
            cursor.execute("DELETE FROM search_posting")
            cursor.execute("UPDATE search_term SET df = 0")
            cursor.execute("UPDATE search_stats SET n_docs = 0, total_len = 0")


def test_install_indexes_rows_that_predate_it():
    if get_backend().name == "paradedb":
        pytest.skip("ParadeDB's CREATE INDEX indexes existing rows itself")
    owner = make_user("early@example.com")
    old = services.task_create(owner=owner, title="Invoice from before search existed")
    spec = REGISTRY["tasks.task"]
    forget_index(spec)
    assert get_backend().index_is_empty(spec, connection)
    assert list(Task.search.bm25("invoice", owner=owner)[:5]) == []

    install_all()

    assert [t.id for t in Task.search.bm25("invoice", owner=owner)[:5]] == [old.id]
    services.task_delete(task=old)
    services.task_create(owner=owner, title="Invoice written later")
    titles = [t.title for t in Task.search.bm25("invoice", owner=owner)[:5]]
    assert titles == ["Invoice written later"]
