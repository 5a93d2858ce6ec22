"""The Celery app: RabbitMQ as broker, Valkey as result backend (settings under CELERY_*)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.dev")

app = Celery("app")
app.config_from_object("django.conf:settings", namespace="CELERY")
# Celery tasks live in each app's celery_tasks.py (tasks.py would clash with the "tasks" app).
app.autodiscover_tasks(related_name="celery_tasks")
