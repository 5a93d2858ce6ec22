"""SoftDeleteModel behaviour, proven on Task (core's models are abstract)."""

import pytest

from app.tasks.models import Task

pytestmark = pytest.mark.django_db


def test_delete_hides_the_row_from_the_default_manager(user, make_task):
    task = make_task(user)
    task.delete()
    assert not Task.objects.filter(pk=task.pk).exists()
    assert Task.all_objects.get(pk=task.pk).deleted_at is not None


def test_restore_brings_the_row_back(user, make_task):
    task = make_task(user)
    task.delete()
    Task.all_objects.get(pk=task.pk).restore()
    assert Task.objects.filter(pk=task.pk).exists()


def test_queryset_delete_is_soft_and_hard_delete_is_not(user, make_task):
    a, b = make_task(user), make_task(user)
    Task.objects.filter(pk=a.pk).delete()
    assert Task.all_objects.filter(pk=a.pk).exists()
    assert Task.objects.filter(pk=a.pk).count() == 0
    Task.all_objects.filter(pk=b.pk).hard_delete()
    assert not Task.all_objects.filter(pk=b.pk).exists()


def test_base_model_gives_uuid_ids_and_timestamps(user, make_task):
    task = make_task(user)
    assert len(str(task.id)) == 36
    assert task.created_at is not None and task.updated_at >= task.created_at
