"""The task list's rows are rendered once per version of a task, and carry this request's
CSRF token although they come from the cache."""

import re

import pytest
from django.test import Client

from app.tasks import services
from app.tasks.rows import csrf_placeholder

pytestmark = pytest.mark.django_db

ROW = "tasks/_item.html"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def rows_rendered(client) -> int:
    response = client.get("/tasks/")
    assert response.status_code == 200
    return [t.name for t in response.templates].count(ROW)


def test_rows_are_rendered_once_then_come_from_the_cache(logged_in, user, make_task):
    for _ in range(3):
        make_task(user)
    assert rows_rendered(logged_in) == 3
    assert rows_rendered(logged_in) == 0


def test_a_changed_task_is_rendered_again_and_shown(
    logged_in, user, make_task, django_capture_on_commit_callbacks
):
    tasks = [make_task(user, title=f"Row {i}") for i in range(3)]
    rows_rendered(logged_in)
    with django_capture_on_commit_callbacks(execute=True):  # the write commits
        services.task_update(task=tasks[1], data={"title": "Renamed row"})
    assert rows_rendered(logged_in) == 1
    html = logged_in.get("/tasks/").content.decode()
    assert "Renamed row" in html and "Row 1" not in html


def test_cached_rows_carry_each_sessions_own_token(user, make_task):
    task = make_task(user)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(user)
    second.force_login(user)
    assert rows_rendered(first) == 1
    response = second.get("/tasks/")
    assert [t.name for t in response.templates].count(ROW) == 0  # the first session's row
    html = response.content.decode()
    assert csrf_placeholder() not in html
    token = TOKEN.search(html[html.index(f'id="task_{task.id}"') :]).group(1)
    response = second.post(
        f"/tasks/{task.id}/status/", {"status": "done", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302, "the cached row's form was refused: a stale CSRF token"
    task.refresh_from_db()
    assert task.status == "done"


def test_unfiltered_filter_form_is_cached_and_a_filtered_one_shows_its_values(logged_in):
    assert "tasks/_filter_form.html" in [t.name for t in logged_in.get("/tasks/").templates]
    assert "tasks/_filter_form.html" not in [t.name for t in logged_in.get("/tasks/").templates]
    html = logged_in.get("/tasks/?priority=nonsense").content.decode()
    assert "Select a valid choice" in html
