"""Infrastructure tasks: `ping` proves a worker is consuming (used by readiness tests)."""

from celery import shared_task


@shared_task(name="app.core.celery_tasks.ping")
def ping() -> str:
    return "pong"
