"""The /tasks/ page is kept whole in the cache while none of the owner's tasks changed, and is
what a fresh rendering would be: each request's own CSRF token, messages, the header's user."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from app.tasks import services

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value="|name="csrf-token" content=")([^"]+)')


def templates(response) -> list[str]:
    assert response.status_code == 200
    return [t.name for t in response.templates]


def without_tokens(html: str) -> str:
    return TOKEN.sub(r"\1TOKEN", html)


def test_the_page_comes_from_the_cache_and_reads_no_task(logged_in, user, make_task):
    make_task(user, title="Water the plants")
    first = logged_in.get("/tasks/")
    assert "tasks/task_list.html" in templates(first)
    with CaptureQueriesContext(connection) as queries:
        second = logged_in.get("/tasks/")
    assert templates(second) == []
    assert not [q for q in queries.captured_queries if "tasks_task" in q["sql"]]
    # The same page a rendering makes, but for the token (masked afresh for every response).
    assert without_tokens(second.content.decode()) == without_tokens(first.content.decode())
    assert second["Content-Type"] == first["Content-Type"]


def test_a_committed_write_shows_on_the_next_request(logged_in, user, make_task, committed):
    task = committed(make_task, owner=user, title="Before")
    assert "Before" in logged_in.get("/tasks/").content.decode()
    committed(services.task_update, task=task, data={"title": "After"})
    html = logged_in.get("/tasks/").content.decode()
    assert "After" in html and "Before" not in html
    committed(services.task_delete, task=task)
    assert "After" not in logged_in.get("/tasks/").content.decode()
    committed(make_task, owner=user, title="Created later")
    assert "Created later" in logged_in.get("/tasks/").content.decode()


def test_each_session_gets_its_own_working_token_from_the_cached_page(user, make_task):
    task = make_task(user)
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(user)
    second.force_login(user)
    templates(first.get("/tasks/"))
    response = second.get("/tasks/")
    assert templates(response) == []
    tokens = {m.group(2) for m in TOKEN.finditer(response.content.decode())}
    assert tokens and all(len(t) == 64 for t in tokens)
    response = second.post(
        f"/tasks/{task.id}/status/", {"status": "done", "csrfmiddlewaretoken": tokens.pop()}
    )
    assert response.status_code == 302, "the cached page's form was refused"


def test_another_owner_gets_their_own_page(logged_in, user, other_user, make_task):
    make_task(user, title="Task of Alice")
    make_task(other_user, title="Task of Bob")
    logged_in.get("/tasks/")
    bob = Client()
    bob.force_login(other_user)
    html = bob.get("/tasks/").content.decode()
    assert "Task of Bob" in html and "Task of Alice" not in html
    assert "bob@example.com" in html and "alice@example.com" not in html


def test_filtered_and_numbered_pages_are_their_own(logged_in, user, make_task):
    for i in range(30):
        make_task(user, title=f"Task number {i}", status="done" if i == 0 else "todo")
    logged_in.get("/tasks/")
    second_page = logged_in.get("/tasks/?page=2").content.decode()
    assert "Page 2 of 2" in second_page
    # A filter is never stored: rendered every time, showing its own values.
    assert "tasks/task_list.html" in templates(logged_in.get("/tasks/?status=done"))
    assert "tasks/task_list.html" in templates(logged_in.get("/tasks/?status=done"))


def test_a_waiting_message_is_shown_then_the_cached_page_again(logged_in, user, make_task):
    task = make_task(user)
    templates(logged_in.get("/tasks/"))
    logged_in.post(f"/tasks/{task.id}/status/", {"status": "nonsense"})  # adds an error
    html = logged_in.get("/tasks/").content.decode()
    assert "Unknown status" in html
    again = logged_in.get("/tasks/")
    assert templates(again) == [] and "Unknown status" not in again.content.decode()


def test_a_changed_email_shows_in_the_header(logged_in, user):
    logged_in.get("/tasks/")
    user.email = "alice.new@example.com"
    user.save()
    assert "alice.new@example.com" in logged_in.get("/tasks/").content.decode()
