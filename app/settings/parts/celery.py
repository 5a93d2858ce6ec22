"""Celery: RabbitMQ broker, Valkey results, three queues, late acks; eager when no broker is set."""

from typing import Any

import environ
from kombu import Queue

QUEUES = ("default", "interactive", "reports")


def celery_settings(env: environ.Env, valkey_url: str) -> dict[str, Any]:
    broker = env.str("CELERY_BROKER_URL", default="")
    eager = not broker
    return {
        "CELERY_BROKER_URL": broker or "memory://",
        "CELERY_RESULT_BACKEND": env.str("CELERY_RESULT_BACKEND", default="")
        or (valkey_url or "cache+memory://"),
        # The embedded default has no broker: run tasks in-process so the app still works.
        "CELERY_TASK_ALWAYS_EAGER": eager,
        "CELERY_TASK_EAGER_PROPAGATES": True,
        "CELERY_TASK_DEFAULT_QUEUE": "default",
        "CELERY_TASK_QUEUES": [Queue(name, routing_key=name) for name in QUEUES],
        # Quick, user-facing work goes to "interactive"; long reports never block it.
        "CELERY_TASK_ROUTES": {
            "app.core.celery_tasks.*": {"queue": "interactive"},
            "app.mail.celery_tasks.*": {"queue": "interactive"},
            "app.tasks.celery_tasks.*": {"queue": "reports"},
        },
        # Late acks + reject on lost worker: a task is redelivered if its worker dies mid-run,
        # which is why every task must be idempotent. Prefetch 1 keeps long reports from
        # hoarding messages.
        "CELERY_TASK_ACKS_LATE": True,
        "CELERY_TASK_REJECT_ON_WORKER_LOST": True,
        "CELERY_WORKER_PREFETCH_MULTIPLIER": 1,
        "CELERY_TASK_SERIALIZER": "json",
        "CELERY_RESULT_SERIALIZER": "json",
        "CELERY_ACCEPT_CONTENT": ["json"],
        "CELERY_RESULT_EXPIRES": 3600,
        "CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP": True,
        "CELERY_BROKER_CONNECTION_TIMEOUT": 5,
        "CELERY_BEAT_SCHEDULE": {
            "overdue-digest-daily": {
                "task": "app.tasks.celery_tasks.send_overdue_digests",
                "schedule": 24 * 60 * 60,
            },
        },
    }
