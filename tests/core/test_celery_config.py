"""Celery configuration: queues, routes and delivery guarantees the tasks rely on."""

from app import celery_app


def test_tasks_are_routed_to_their_queues():
    router = celery_app.amqp.router
    assert router.route({}, "app.tasks.celery_tasks.send_overdue_digest")["queue"].name == "reports"
    assert router.route({}, "app.core.celery_tasks.ping")["queue"].name == "interactive"
    assert router.route({}, "anything.else")["queue"].name == "default"


def test_three_queues_and_late_acks():
    conf = celery_app.conf
    assert {q.name for q in conf.task_queues} == {"default", "interactive", "reports"}
    assert conf.task_acks_late and conf.task_reject_on_worker_lost
    assert conf.worker_prefetch_multiplier == 1
