"""Live updates: after a task write commits, its owner's open pages get <turbo-stream>s."""

from django.db import transaction
from django.template.loader import render_to_string

from app.live.groups import send_to_user
from app.live.presence import has_listeners
from app.tasks import selectors
from app.tasks.models import Task


def stream_context(task: Task, action: str) -> dict[str, object]:
    return {
        "task": task,
        "created": action in ("create", "restore"),
        "removed": action == "delete",
        "summary": selectors.task_summary(owner=task.owner),
        "appear": action in ("create", "restore"),
    }


def render_task_streams(task: Task, action: str) -> str:
    # Rendered without a request: the forms in it carry no CSRF field (Turbo's fetches send the
    # token in a header, see frontend/src/js/csrf.js).
    return render_to_string("tasks/streams/task_changed.html", stream_context(task, action))


def publish_task_change(task: Task, action: str) -> None:
    """Schedules the update for after the commit, so no page sees a change that rolled back."""

    def send() -> None:
        if has_listeners(task.owner_id):  # nobody watching: nothing to render (presence.py)
            send_to_user(task.owner_id, render_task_streams(task, action))

    transaction.on_commit(send)
