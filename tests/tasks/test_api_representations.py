"""The list API serializes a task once per version of it (app/tasks/api/representations.py)."""

import pytest

from app.tasks import services
from app.tasks.api.serializers import TaskOutputSerializer
from app.tasks.models import Task

pytestmark = pytest.mark.django_db


def listed(api) -> list[dict]:
    response = api.get("/api/v1/tasks/?page_size=50")
    assert response.status_code == 200
    return response.json()["data"]


def test_cached_representations_are_what_the_serializer_makes(api, user, make_task, today):
    make_task(user, title="Plain")
    make_task(user, title="Due", due_date=today, priority=4)
    make_task(user, title="Finished", status="done")
    listed(api)  # caches them
    fresh = TaskOutputSerializer(Task.objects.filter(owner=user), many=True).data
    assert listed(api) == [dict(row) for row in fresh]


def test_a_list_reuses_an_unchanged_tasks_representation(
    api, user, make_task, django_capture_on_commit_callbacks
):
    task = make_task(user, title="Original")
    listed(api)
    # Changed behind the services' back, keeping updated_at: the cached representation stays...
    Task.objects.filter(pk=task.pk).update(title="Sneaky")
    assert listed(api)[0]["title"] == "Original"
    # ...and a write through the services (which moves updated_at) is shown at once.
    with django_capture_on_commit_callbacks(execute=True):  # the write commits
        services.task_update(task=Task.objects.get(pk=task.pk), data={"title": "Renamed"})
    assert listed(api)[0]["title"] == "Renamed"
