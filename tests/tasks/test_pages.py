"""Server-rendered task pages: behind login, scoped to the owner, field errors inline."""

import pytest

from app.tasks.models import Task

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/tasks/", "/tasks/new/"])
def test_pages_require_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_list_shows_own_tasks_and_summary_not_others(logged_in, user, other_user, make_task):
    make_task(user, title="Mine")
    make_task(other_user, title="Theirs")
    html = logged_in.get("/tasks/").content.decode()
    assert "Mine" in html and "Theirs" not in html
    assert "1 total" in html


def test_summary_fragment_is_cached_and_refreshed_after_a_write(
    logged_in, user, make_task, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_task(user)
    assert "1 total" in logged_in.get("/tasks/").content.decode()
    # Written behind the services' back: the cached fragment still shows the old count...
    Task.objects.create(owner=user, title="sneaky")
    assert "1 total" in logged_in.get("/tasks/").content.decode()
    # ...and a write through the services invalidates it.
    with django_capture_on_commit_callbacks(execute=True):
        make_task(user)
    assert "3 total" in logged_in.get("/tasks/").content.decode()


def test_create_edit_status_and_delete(logged_in, user):
    response = logged_in.post(
        "/tasks/new/", {"title": "Write docs", "status": "todo", "priority": 2}
    )
    task = Task.objects.get(title="Write docs")
    assert response.status_code == 302 and task.owner == user
    response = logged_in.post(
        f"/tasks/{task.id}/edit/",
        {"title": "Write more docs", "status": "in_progress", "priority": 3},
    )
    task.refresh_from_db()
    assert task.title == "Write more docs" and task.priority == 3
    logged_in.post(f"/tasks/{task.id}/status/", {"status": "done", "next": "https://evil.example/"})
    task.refresh_from_db()
    assert task.status == "done"
    logged_in.post(f"/tasks/{task.id}/delete/")
    assert not Task.objects.filter(pk=task.pk).exists()


def test_invalid_form_shows_field_errors_and_saves_nothing(logged_in):
    response = logged_in.post(
        "/tasks/new/", {"title": "", "status": "bogus", "priority": 9, "due_date": "x"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count('class="errorlist') >= 3
    assert Task.objects.count() == 0


def test_status_change_rejects_unknown_values(logged_in, user, make_task):
    task = make_task(user)
    logged_in.post(f"/tasks/{task.id}/status/", {"status": "nonsense"})
    task.refresh_from_db()
    assert task.status == "todo"


def test_open_redirect_is_refused(logged_in, user, make_task):
    task = make_task(user)
    response = logged_in.post(
        f"/tasks/{task.id}/status/", {"status": "done", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/tasks/"


@pytest.mark.parametrize("suffix", ["", "edit/", "delete/"])
def test_other_users_task_pages_are_404(logged_in, other_user, make_task, suffix):
    task = make_task(other_user)
    assert logged_in.get(f"/tasks/{task.id}/{suffix}").status_code == 404


def test_invalid_filter_values_show_an_error_not_a_500(logged_in):
    response = logged_in.get("/tasks/?status=bogus&due_before=nope")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_admin_lists_tasks(client, make_task):
    from app.users.models import User

    admin = User.objects.create_superuser("root", "root@example.com", "pw-long-enough-1")
    make_task(admin, title="Admin visible")
    client.force_login(admin)
    assert "Admin visible" in client.get("/admin/tasks/task/").content.decode()
