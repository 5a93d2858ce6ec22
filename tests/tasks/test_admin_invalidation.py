"""The admin writes tasks past the services; its writes still invalidate the owner's cached
pages (and the old owner's, when the task changes hands) once they commit."""

import pytest
from django.test import Client

from app.tasks.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(other_user) -> Client:
    other_user.is_staff = other_user.is_superuser = True
    other_user.save()
    client = Client()
    client.force_login(other_user)
    return client


def titles(api) -> list[str]:
    return [t["title"] for t in api.get("/api/v1/tasks/").json()["data"]]


def change(admin_client, task: Task, committed_callbacks, **fields):
    data = {
        "owner": task.owner_id,
        "title": task.title,
        "description": task.description,
        "status": task.status,
        "priority": task.priority,
        "due_date": "",
        **fields,
    }
    with committed_callbacks(execute=True):
        response = admin_client.post(f"/admin/tasks/task/{task.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_an_admin_edit_shows_on_the_owners_next_request(
    api, user, make_task, committed, admin_client, django_capture_on_commit_callbacks
):
    task = committed(make_task, owner=user, title="Before")
    assert titles(api) == ["Before"]
    assert api.get(f"/api/v1/tasks/{task.pk}").json()["data"]["title"] == "Before"
    change(admin_client, task, django_capture_on_commit_callbacks, title="After")
    assert titles(api) == ["After"]
    assert api.get(f"/api/v1/tasks/{task.pk}").json()["data"]["title"] == "After"


def test_moving_a_task_to_another_owner_leaves_the_old_owners_pages(
    api, user, other_user, make_task, committed, admin_client, django_capture_on_commit_callbacks
):
    task = committed(make_task, owner=user, title="Moving")
    assert titles(api) == ["Moving"]
    change(admin_client, task, django_capture_on_commit_callbacks, owner=other_user.pk)
    assert titles(api) == []


def test_an_admin_delete_shows_on_the_owners_next_request(
    api, user, make_task, committed, admin_client, django_capture_on_commit_callbacks
):
    task = committed(make_task, owner=user, title="Doomed")
    assert titles(api) == ["Doomed"]
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/tasks/task/{task.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert titles(api) == []


def test_the_bulk_delete_action_shows_on_the_owners_next_request(
    api, user, make_task, committed, admin_client, django_capture_on_commit_callbacks
):
    tasks = [committed(make_task, owner=user, title=f"Doomed {i}") for i in range(2)]
    committed(make_task, owner=user, title="Kept")
    assert len(titles(api)) == 3
    data = {
        "action": "delete_selected",
        "post": "yes",
        "_selected_action": [str(t.pk) for t in tasks],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post("/admin/tasks/task/", data)
    assert response.status_code == 302
    assert titles(api) == ["Kept"]
