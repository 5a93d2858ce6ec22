"""ParadeDB: the SQL django-paradedb issues for our queries, checked without pg_search; live
tests only where the extension is installed (it is not installable on this machine)."""

import pytest
from django.conf import settings
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper
from django.db.backends.postgresql.schema import DatabaseSchemaEditor

from app.search.backends import has_pg_search
from app.search.backends.paradedb import ParadeDBBackend, index, queryset
from app.search.query import parse
from app.tasks.models import Task


@pytest.fixture(scope="module")
def pg() -> DatabaseWrapper:
    """A PostgreSQL connection object that never connects: it only compiles SQL."""
    config = {
        **settings.DATABASES["default"],
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "compile_only",
        "OPTIONS": {},
        "TEST": {},
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
    }
    return DatabaseWrapper(config, alias="paradedb_compile")


def compile_sql(pg, q: str, **filters) -> tuple[str, tuple]:
    qs = queryset(Task.search.spec, parse(q), scope=42, filters=filters, k=10)
    return qs.query.get_compiler(connection=pg).as_sql()


def test_query_sql(pg):
    sql, params = compile_sql(pg, 'overdue Invoice "pay now" -acme', status="todo")
    assert 'pdb.score("tasks_task"."id")' in sql
    # Words: match-any on each field, the title boosted by its declared weight.
    assert "\"title\" ||| 'overdue invoice pay now'::pdb.boost(2.0)" in sql
    assert "\"description\" ||| 'overdue invoice pay now'" in sql
    assert '"title" ### \'pay now\' OR "tasks_task"."description" ### \'pay now\'' in sql
    assert 'NOT ("tasks_task"."title" ||| \'acme\')' in sql
    assert '"deleted_at" IS NULL' in sql and '"owner_id" = %s' in sql
    assert sql.endswith("ORDER BY 2 DESC LIMIT 10") and params == (42, "todo")


def test_hostile_words_cannot_break_out_of_the_literal(pg):
    sql, _ = compile_sql(pg, "it's'; DROP TABLE x; --")
    assert "'it s drop table x'" in sql  # the tokenizer left letters and digits only


def test_index_ddl(pg):
    editor = DatabaseSchemaEditor(pg, collect_sql=True)
    ddl = str(index(Task.search.spec).create_sql(Task, editor))
    assert "USING paradedb" in ddl
    columns = ddl[ddl.index("(") + 1 :]
    assert columns.index('"id"') < columns.index('"title"')  # the key field comes first
    assert 'WHERE "deleted_at" IS NULL' in ddl


@pytest.mark.django_db
def test_live_paradedb():
    if connection.vendor != "postgresql":
        pytest.skip("live ParadeDB needs PostgreSQL with pg_search; this run is on SQLite")
    if not has_pg_search(connection):
        pytest.skip(
            "pg_search is not installed on this PostgreSQL (it ships only from GitHub "
            "releases or nixpkgs); the tantivy stand-in test covers its engine"
        )
    ParadeDBBackend().install(Task.search.spec, connection)
    assert Task.search.bm25("anything", owner=1)[:10] == []
