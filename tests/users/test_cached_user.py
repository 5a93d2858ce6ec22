"""The signed-in user is read from a shared cache, and never outlives a change to its row."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings

from app.users import backends
from tests.conftest import FULL_STACK


@pytest.fixture(autouse=True)
def shared_cache(settings, tmp_path):
    """A cache every process shares: Valkey on the full stack; on the embedded default a
    file-based cache stands in (local memory is per process, so the backends skip it)."""
    if not FULL_STACK:
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(tmp_path / "cache"),
            }
        }
    from django.core.cache import caches

    caches["default"].clear()
    yield
    caches["default"].clear()


def user_queries(client, path="/api/v1/tasks/summary"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return [q["sql"] for q in queries.captured_queries if '"users_user"' in q["sql"]]


def test_second_request_reads_the_user_from_the_cache(logged_in):
    assert user_queries(logged_in)  # the first request loads the row
    assert user_queries(logged_in) == []


def test_password_change_signs_other_sessions_out(logged_in, user):
    user_queries(logged_in)  # cached now
    user.set_password("a completely new password")
    user.save()
    response = logged_in.get("/api/v1/tasks/summary")
    assert response.status_code == 401


def test_deactivated_user_is_signed_out_at_once(logged_in, user):
    user_queries(logged_in)
    user.is_active = False
    user.save()
    assert logged_in.get("/api/v1/tasks/summary").status_code == 401


def test_deleted_user_is_signed_out(logged_in, user):
    user_queries(logged_in)
    user.delete()
    assert logged_in.get("/api/v1/tasks/summary").status_code == 401


def test_changed_user_is_seen_on_the_next_request(logged_in, user):
    user_queries(logged_in)
    user.email = "alice.renamed@example.com"
    user.save()
    assert "alice.renamed@example.com" in logged_in.get("/tasks/").content.decode()


def test_session_of_an_unknown_user_is_anonymous(client, user):
    session = client.session
    session[SESSION_KEY] = "999999"
    session["_auth_user_backend"] = "app.users.backends.CachedModelBackend"
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert client.get("/api/v1/tasks/summary").status_code == 401


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}})
def test_a_per_process_cache_is_not_used(logged_in):
    assert not backends.cache_is_shared()
    user_queries(logged_in)
    assert user_queries(logged_in), "a per-process cache cannot see other processes' changes"


def test_a_user_deleted_in_a_transaction_is_forgotten_after_the_commit(
    user, django_capture_on_commit_callbacks
):
    key = backends.SIGNED_IN_USER.key(user.pk)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        user_id = user.pk
        user.delete()
        # A concurrent request, which cannot see the uncommitted delete, re-caches the row.
        cache.set(backends.SIGNED_IN_USER.key(user_id), "the old row", 60)
    assert cache.get(key) is None
