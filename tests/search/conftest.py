import pytest
from django.db import connection

from app.search.backends import backend_name, forget_choice
from tests.conftest import make_user


@pytest.fixture
def owners(db):
    return [make_user() for _ in range(3)]


def _require(backend: str) -> None:
    forget_choice()
    if backend in ("postgres", "paradedb") and connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: set DATABASE_URL (this run is on SQLite)")
    if backend == "sqlite" and connection.vendor != "sqlite":
        pytest.skip("FTS5 backend: runs on the embedded default (SQLite); this run is PostgreSQL")
    active = backend_name()
    if active != backend:
        pytest.skip(f"the active search backend is {active!r}, not {backend!r}")


@pytest.fixture
def pg_exact(db):
    _require("postgres")


@pytest.fixture
def fts5(db):
    _require("sqlite")
