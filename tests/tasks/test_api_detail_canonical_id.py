"""The API's cached task is keyed by the canonical id: another spelling of the same id (upper
case, no hyphens) reads the same entry, which every write invalidates."""

import pytest

from app.tasks import services

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("spell", [str.upper, lambda s: s.replace("-", "")])
def test_a_write_shows_under_every_spelling_of_the_id(api, user, make_task, committed, spell):
    task = committed(make_task, owner=user, title="Before")
    url = f"/api/v1/tasks/{spell(str(task.id))}"
    assert api.get(url).json()["data"]["title"] == "Before"
    committed(services.task_update, task=task, data={"title": "After"})
    assert api.get(url).json()["data"]["title"] == "After"


def test_a_malformed_id_is_still_not_found(api):
    assert api.get("/api/v1/tasks/not-a-uuid").status_code == 404
