import pytest
from django.core.exceptions import ValidationError

from app.tasks import selectors, services
from app.tasks.models import Task

pytestmark = pytest.mark.django_db


def test_task_create_validates_and_writes_nothing_on_error(user):
    with pytest.raises(ValidationError) as exc:
        services.task_create(owner=user, title="x" * 201, status="weird")
    assert {"title", "status"} <= set(exc.value.message_dict)
    assert Task.all_objects.count() == 0


def test_completing_sets_and_reopening_clears_completed_at(user, make_task):
    task = make_task(user)
    services.task_update(task=task, data={"status": "done"})
    assert task.completed_at is not None
    services.task_update(task=task, data={"status": "todo"})
    assert task.completed_at is None


def test_update_rejects_fields_that_are_not_editable(user, make_task):
    task = make_task(user)
    with pytest.raises(ValueError, match="owner"):
        services.task_update(task=task, data={"owner": None})


def test_delete_then_restore(user, make_task):
    task = make_task(user)
    services.task_delete(task=task)
    assert not selectors.task_list(owner=user).exists()
    services.task_restore(task=Task.all_objects.get(pk=task.pk))
    assert selectors.task_list(owner=user).count() == 1


def test_summary_is_cached_and_invalidated_by_writes(
    user, make_task, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_task(user)
    assert selectors.task_summary(owner=user)["total"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        make_task(user, status="done")
    summary = selectors.task_summary(owner=user)
    assert summary["total"] == 2 and summary["done"] == 1


def test_a_cached_summary_is_one_round_trip(user, make_task, cache_calls):
    make_task(user)
    selectors.task_summary(owner=user)
    cache_calls.clear()
    assert selectors.task_summary(owner=user)["total"] == 1
    assert cache_calls == ["get_many"]  # the generation and the counts together
