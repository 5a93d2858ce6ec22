"""/api/v1/tasks/: the envelope, filters, validation, scoping and a flat query count."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from app.tasks.models import Task

pytestmark = pytest.mark.django_db


def test_create_returns_201_and_the_task(api, user):
    response = api.post("/api/v1/tasks/", {"title": "Ship it", "priority": 3}, format="json")
    assert response.status_code == 201
    data = response.json()["data"]
    assert data["title"] == "Ship it" and data["priority"] == 3 and data["status"] == "todo"
    assert data["owner"] == str(user.public_id)
    assert Task.objects.get(id=data["id"]).owner == user


def test_create_rejects_invalid_fields_by_name(api):
    response = api.post(
        "/api/v1/tasks/", {"title": "  ", "status": "nope", "due_date": "tomorrow"}, format="json"
    )
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert set(error["details"]) == {"title", "status", "due_date"}
    assert Task.objects.count() == 0


def test_list_is_paginated_with_meta(api, user, make_task):
    for _ in range(30):
        make_task(user)
    body = api.get("/api/v1/tasks/?page_size=10&page=2").json()
    assert len(body["data"]) == 10
    pagination = body["meta"]["pagination"]
    assert pagination["count"] == 30 and pagination["page"] == 2 and pagination["pages"] == 3


def test_list_filters_by_status_priority_and_due_date(api, user, make_task, today):
    import datetime

    make_task(user, title="done", status="done")
    make_task(user, title="urgent", priority=4, due_date=today - datetime.timedelta(days=1))
    make_task(user, title="later", due_date=today + datetime.timedelta(days=9))
    titles = lambda url: {t["title"] for t in api.get(url).json()["data"]}  # noqa: E731
    assert titles("/api/v1/tasks/?status=done") == {"done"}
    assert titles("/api/v1/tasks/?priority=4") == {"urgent"}
    assert titles(f"/api/v1/tasks/?due_before={today.isoformat()}") == {"urgent"}
    assert titles(f"/api/v1/tasks/?due_after={today.isoformat()}") == {"later"}
    assert titles("/api/v1/tasks/?q=URG") == {"urgent"}


def test_an_invalid_filter_is_a_400_naming_it(api):
    response = api.get("/api/v1/tasks/?status=bogus&due_before=notadate")
    assert response.status_code == 400
    assert set(response.json()["error"]["details"]) == {"status", "due_before"}


def test_another_users_task_is_404_for_every_verb(api, other_user, make_task):
    task = make_task(other_user, title="private")
    url = f"/api/v1/tasks/{task.id}"
    assert api.get(url).status_code == 404
    assert api.patch(url, {"title": "mine now"}, format="json").status_code == 404
    assert api.delete(url).status_code == 404
    task.refresh_from_db()
    assert task.title == "private" and task.deleted_at is None
    assert "private" not in api.get("/api/v1/tasks/").content.decode()


@pytest.mark.parametrize("bad_id", ["not-a-uuid", str(uuid.uuid4()), "1"])
def test_unknown_or_malformed_ids_are_404(api, bad_id):
    response = api.get(f"/api/v1/tasks/{bad_id}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_update_and_delete(api, user, make_task):
    task = make_task(user)
    url = f"/api/v1/tasks/{task.id}"
    response = api.patch(url, {"status": "done"}, format="json")
    assert response.status_code == 200
    assert response.json()["data"]["completed_at"] is not None
    assert api.delete(url).status_code == 204
    assert api.get(url).status_code == 404
    assert Task.all_objects.get(id=task.id).deleted_at is not None


def test_detail_is_served_from_cache_and_invalidated_by_a_write(
    api, user, make_task, django_capture_on_commit_callbacks
):
    task = make_task(user, title="v1")
    url = f"/api/v1/tasks/{task.id}"
    assert api.get(url).json()["data"]["title"] == "v1"
    with CaptureQueriesContext(connection) as cached:
        assert api.get(url).json()["data"]["title"] == "v1"
    assert not any('"tasks_task"' in q["sql"] for q in cached.captured_queries)
    with django_capture_on_commit_callbacks(execute=True):
        api.patch(url, {"title": "v2"}, format="json")
    assert api.get(url).json()["data"]["title"] == "v2"


def test_list_query_count_does_not_grow_with_page_size(api, user, make_task):
    for _ in range(40):
        make_task(user)

    def queries_for(page_size: int) -> int:
        with CaptureQueriesContext(connection) as ctx:
            response = api.get(f"/api/v1/tasks/?page_size={page_size}")
        assert len(response.json()["data"]) == page_size
        return len(ctx.captured_queries)

    queries_for(1)  # the first request also caches the signed-in user (app/users/backends.py)
    assert queries_for(2) == queries_for(40)
