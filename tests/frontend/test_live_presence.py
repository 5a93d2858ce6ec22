"""A write renders its live streams only when its owner has a page open (app/live/presence.py):
asked of the channel layer itself, in-process on the embedded default, Valkey on the full stack."""

import asyncio

import pytest
from channels.layers import get_channel_layer
from django.test.signals import template_rendered

from app.live.groups import user_group
from app.live.presence import has_listeners
from app.tasks import services

STREAM = "tasks/streams/task_changed.html"


def rendered_during(action) -> list[str]:
    names: list[str] = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        action()
    finally:
        template_rendered.disconnect(record)
    return names


def test_a_group_has_listeners_only_while_a_page_is_in_it():
    layer = get_channel_layer()

    async def scenario() -> list[bool]:
        seen = [await asyncio.to_thread(has_listeners, 777)]
        channel = await layer.new_channel()
        await layer.group_add(user_group(777), channel)
        seen.append(await asyncio.to_thread(has_listeners, 777))
        seen.append(await asyncio.to_thread(has_listeners, 778))  # another user's group
        await layer.group_discard(user_group(777), channel)
        seen.append(await asyncio.to_thread(has_listeners, 777))
        return seen

    assert asyncio.run(scenario()) == [False, True, False, False]


@pytest.mark.django_db
def test_a_write_nobody_watches_renders_no_stream(user, django_capture_on_commit_callbacks):
    def write():
        with django_capture_on_commit_callbacks(execute=True):
            services.task_create(owner=user, title="Unwatched")

    assert STREAM not in rendered_during(write)


# The write runs in another thread (the layer's loop runs in this one): it needs committed rows.
@pytest.mark.django_db(transaction=True)
def test_a_write_its_owner_watches_is_rendered_and_sent(user, django_capture_on_commit_callbacks):
    layer = get_channel_layer()

    async def scenario() -> tuple[list[str], str]:
        channel = await layer.new_channel()
        await layer.group_add(user_group(user.pk), channel)

        def write():
            with django_capture_on_commit_callbacks(execute=True):
                services.task_create(owner=user, title="Watched")

        names = await asyncio.to_thread(rendered_during, write)
        message = await asyncio.wait_for(layer.receive(channel), 5)
        await layer.group_discard(user_group(user.pk), channel)
        return names, message["html"]

    names, html = asyncio.run(scenario())
    assert STREAM in names and "Watched" in html


def test_an_unreachable_live_valkey_counts_as_listening_and_never_raises(monkeypatch):
    from channels_redis.core import RedisChannelLayer

    # A real layer on a port nothing listens on: the write then sends (and logs the failure).
    down = RedisChannelLayer(hosts=[{"address": "redis://127.0.0.1:9", "socket_timeout": 30}])
    monkeypatch.setattr("app.live.presence.get_channel_layer", lambda: down)
    assert has_listeners(4242) is True
