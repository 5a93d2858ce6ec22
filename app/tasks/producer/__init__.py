"""What the tasks app emits when a task changes."""

from app.tasks.producer.live import publish_task_change

__all__ = ["publish_task_change"]
