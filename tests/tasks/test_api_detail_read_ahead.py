"""A cached task read with a Bearer token reads the user and the task in one round trip to the
cache (app/users/api/authentication.py), and is still what the last committed write left."""

import pytest

from app.tasks import services
from tests.users.test_api_tokens import bearer, sign_in

pytestmark = pytest.mark.django_db


def test_a_cached_bearer_read_is_one_round_trip(user, make_task, cache_calls):
    task = make_task(user, title="Read ahead")
    client = bearer(sign_in()[0])
    url = f"/api/v1/tasks/{task.id}"
    assert client.get(url).json()["data"]["title"] == "Read ahead"  # caches it
    cache_calls.clear()
    assert client.get(url).json()["data"]["title"] == "Read ahead"
    assert cache_calls == ["get_many"]


def test_a_committed_write_shows_through_the_read_ahead(user, make_task, committed):
    task = committed(make_task, owner=user, title="Before")
    client = bearer(sign_in()[0])
    url = f"/api/v1/tasks/{task.id}"
    assert client.get(url).json()["data"]["title"] == "Before"
    response = client.patch(url, {"title": "After"}, format="json")
    assert response.status_code == 200
    committed(services.task_update, task=task, data={"title": "Again"})
    assert client.get(url).json()["data"]["title"] == "Again"


def test_another_users_task_and_a_deactivated_user_are_still_refused(user, other_user, make_task):
    mine, theirs = make_task(user), make_task(other_user)
    client = bearer(sign_in()[0])
    assert client.get(f"/api/v1/tasks/{mine.id}").status_code == 200
    assert client.get(f"/api/v1/tasks/{theirs.id}").status_code == 404
    user.is_active = False
    user.save()
    assert client.get(f"/api/v1/tasks/{mine.id}").status_code == 401
