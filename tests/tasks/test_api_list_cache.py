"""A page of /api/v1/tasks/ is kept whole in the cache while none of the owner's tasks changed;
filters, another owner and another host each get their own answer."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from app.tasks import services
from app.tasks.models import Task

pytestmark = pytest.mark.django_db


def titles(api, url="/api/v1/tasks/?page_size=50") -> list[str]:
    response = api.get(url)
    assert response.status_code == 200
    return [t["title"] for t in response.json()["data"]]


def test_a_page_comes_from_the_cache_reading_no_task(api, user, make_task):
    for i in range(3):
        make_task(user, title=f"Task {i}")
    first = api.get("/api/v1/tasks/?page_size=2&page=2", HTTP_X_REQUEST_ID="first-request-1")
    with CaptureQueriesContext(connection) as queries:
        second = api.get("/api/v1/tasks/?page_size=2&page=2", HTTP_X_REQUEST_ID="other-request-2")
    assert not [q for q in queries.captured_queries if "tasks_task" in q["sql"]]
    one, two = first.json(), second.json()
    assert two["meta"]["request_id"] == "other-request-2"  # the meta is this request's
    assert two["data"] == one["data"] and two["meta"]["pagination"] == one["meta"]["pagination"]
    assert two["meta"]["pagination"]["previous"] == "http://testserver/api/v1/tasks/?page_size=2"


def test_committed_writes_show_on_the_next_request(api, user, make_task, committed):
    task = committed(make_task, owner=user, title="Before")
    assert titles(api) == ["Before"]
    committed(services.task_update, task=task, data={"title": "After"})
    assert titles(api) == ["After"]
    committed(make_task, owner=user, title="Second")
    assert titles(api) == ["Second", "After"]
    committed(services.task_delete, task=task)
    assert titles(api) == ["Second"]


def test_a_filtered_list_is_made_for_its_request(api, user, make_task):
    task = make_task(user, title="Original", status="done")
    assert titles(api, "/api/v1/tasks/?status=done") == ["Original"]
    Task.objects.filter(pk=task.pk).update(status="todo")  # behind the services' back
    assert titles(api, "/api/v1/tasks/?status=done") == []


def test_another_owner_and_another_host_get_their_own_page(api, user, other_user, make_task):
    for i in range(3):
        make_task(user, title=f"Mine {i}")
    make_task(other_user, title="Theirs")
    url = "/api/v1/tasks/?page_size=1"
    assert api.get(url).json()["meta"]["pagination"]["next"].startswith("http://testserver/")
    other_host = api.get(url, HTTP_HOST="localhost").json()["meta"]["pagination"]["next"]
    assert other_host.startswith("http://localhost/")
    bob = APIClient()
    bob.force_login(other_user)
    assert titles(bob) == ["Theirs"]
