"""Inline create, edit and status changes answer frames with streams; plain posts redirect."""

import pytest

from app.tasks.models import Task

pytestmark = pytest.mark.django_db

STREAM = "text/vnd.turbo-stream.html"


def frame_post(client, url, data, frame):
    return client.post(url, data, HTTP_TURBO_FRAME=frame, HTTP_ACCEPT=f"{STREAM}, text/html")


def test_inline_create_answers_with_streams(logged_in, user):
    response = frame_post(
        logged_in, "/tasks/new/", {"title": "Inline", "priority": 2, "status": "todo"}, "new_task"
    )
    task = Task.objects.get(title="Inline")
    assert response.status_code == 200 and response["Content-Type"].startswith(STREAM)
    html = response.content.decode()
    assert '<turbo-stream action="prepend" target="task_rows">' in html
    assert f'id="task_item_{task.id}"' in html
    assert '<turbo-stream action="replace" target="new_task">' in html
    assert '<turbo-stream action="update" target="task_summary">' in html and "1 total" in html
    assert "Created “Inline”." in html


def test_inline_edit_with_errors_rerenders_the_frame_with_422(logged_in, user, make_task):
    task = make_task(user, title="Keep")
    response = frame_post(
        logged_in, f"/tasks/{task.id}/edit/", {"title": " ", "priority": 9}, f"task_{task.id}"
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert f'<turbo-frame id="task_{task.id}"' in html and 'class="errorlist' in html
    task.refresh_from_db()
    assert task.title == "Keep"


def test_inline_edit_replaces_the_row(logged_in, user, make_task):
    task = make_task(user, title="Old")
    data = {"title": "New", "priority": 3, "status": "in_progress"}
    html = frame_post(
        logged_in, f"/tasks/{task.id}/edit/", data, f"task_{task.id}"
    ).content.decode()
    assert f'<turbo-stream action="replace" target="task_{task.id}">' in html and "New" in html


def test_status_change_in_a_frame_replaces_the_row(logged_in, user, make_task):
    task = make_task(user)
    response = frame_post(
        logged_in, f"/tasks/{task.id}/status/", {"status": "done"}, f"task_{task.id}"
    )
    assert response["Content-Type"].startswith(STREAM)
    assert '<option value="done" selected>' in response.content.decode()


def test_without_a_frame_the_same_posts_redirect(logged_in, user, make_task):
    task = make_task(user)
    response = logged_in.post(f"/tasks/{task.id}/status/", {"status": "done"}, HTTP_ACCEPT=STREAM)
    assert response.status_code == 302


def test_pages_render_the_forms_without_javascript(logged_in, user, make_task):
    task = make_task(user, title="Plain")
    html = logged_in.get("/tasks/").content.decode()
    # Every control is a real form with a submit button and a label.
    assert f'action="/tasks/{task.id}/status/"' in html and ">Update</button>" in html
    assert f'<label for="status-{task.id}"' in html
    assert 'href="/tasks/new/"' in html and f'href="/tasks/{task.id}/edit/"' in html
