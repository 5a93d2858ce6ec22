"""A task's page is kept whole in the cache while none of its owner's tasks changed; another
user still gets a 404, and a committed write shows at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from app.tasks import services

pytestmark = pytest.mark.django_db


def test_the_page_comes_from_the_cache_and_reads_no_task(logged_in, user, make_task):
    task = make_task(user, title="Cached page")
    first = logged_in.get(f"/tasks/{task.id}/")
    assert "tasks/task_detail.html" in [t.name for t in first.templates]
    with CaptureQueriesContext(connection) as queries:
        second = logged_in.get(f"/tasks/{task.id}/")
    assert second.status_code == 200 and list(second.templates) == []
    assert not [q for q in queries.captured_queries if "tasks_task" in q["sql"]]
    assert "Cached page" in second.content.decode()


def test_a_committed_write_shows_at_once(logged_in, user, make_task, committed):
    task = committed(make_task, owner=user, title="Before")
    assert "Before" in logged_in.get(f"/tasks/{task.id}/").content.decode()
    committed(services.task_update, task=task, data={"title": "After", "status": "done"})
    html = logged_in.get(f"/tasks/{task.id}/").content.decode()
    assert "After" in html and "Before" not in html
    committed(services.task_delete, task=task)
    assert logged_in.get(f"/tasks/{task.id}/").status_code == 404


def test_another_user_gets_a_404_for_a_cached_page(logged_in, user, other_user, make_task):
    task = make_task(user)
    assert logged_in.get(f"/tasks/{task.id}/").status_code == 200
    bob = Client()
    bob.force_login(other_user)
    assert bob.get(f"/tasks/{task.id}/").status_code == 404


def test_another_spelling_of_the_id_is_rendered_and_not_stored(logged_in, user, make_task):
    task = make_task(user, title="Spelled")
    upper = f"/tasks/{str(task.id).upper()}/"
    assert "tasks/task_detail.html" in [t.name for t in logged_in.get(upper).templates]
    again = logged_in.get(upper)
    assert "tasks/task_detail.html" in [t.name for t in again.templates]
    assert "Spelled" in again.content.decode()
