"""The Celery app: RabbitMQ as broker, Valkey as result backend (settings under CELERY_*)."""

import os
from typing import Any

from celery import Celery, signals

from app.core import context

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.dev")

app = Celery("app")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Celery tasks live in each app's celery_tasks.py (tasks.py would clash with the "tasks" app).
app.autodiscover_tasks(related_name="celery_tasks")


# One request id through a request's whole life: a task published while a request (or a task
# started by one) runs carries its id and actor in the message headers; the worker restores them
# for the task's run, so its log lines, Sentry events and spans name the request that caused it.
@signals.before_task_publish.connect
def _carry_request_context(headers: dict[str, Any] | None = None, **_: Any) -> None:
    if headers is not None:
        for name, value in context.task_headers().items():
            headers.setdefault(name, value)


@signals.task_prerun.connect
def _restore_request_context(task_id: str, task: Any, **_: Any) -> None:
    context.enter_task(task_id, task.request)


@signals.task_postrun.connect
def _clear_request_context(task_id: str, **_: Any) -> None:
    context.leave_task(task_id)


@signals.setup_logging.connect
def _django_logging(**_: Any) -> None:
    """Workers log as the web does (one JSON object a line with request_id and actor) instead of
    Celery replacing the root logger's handlers with its own plain format."""
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
