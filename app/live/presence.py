"""Whether a user has a page open to update, asked before a write renders its streams.

Rendering a task's <turbo-stream>s (its row, the owner's summary counts) was 44% of the CPU of a
task write, measured with cProfile on the load test's writes, and most writes have nobody
watching: an API client, a Celery task, a user on another page. A group with no member is
skipped; one whose member went away without leaving still gets the (harmless) send.
"""

from typing import Any

import redis
from channels.layers import InMemoryChannelLayer, get_channel_layer
from channels_redis.core import RedisChannelLayer
from django.conf import settings
from redis.backoff import NoBackoff
from redis.retry import Retry

from app.live.groups import user_group

_clients: dict[tuple[int, int], redis.Redis] = {}


def _client(layer: RedisChannelLayer, index: int) -> redis.Redis:
    key = (id(layer), index)
    if key not in _clients:
        host: dict[str, Any] = dict(layer.hosts[index])
        # Asked on the write's own thread: a live-update Valkey that is down or slow must cost
        # a write a fraction of a second, never the layer's 30 s read timeout and 10 retries.
        host.update(socket_timeout=0.2, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
        _clients[key] = redis.Redis.from_url(host.pop("address"), **host)
    return _clients[key]


def has_listeners(user_id: object) -> bool:
    if not settings.LIVE_UPDATES:  # off: pages open no socket, so nothing is rendered or sent
        return False
    layer = get_channel_layer()
    if layer is None:
        return False
    group = user_group(user_id)
    if isinstance(layer, InMemoryChannelLayer):
        return bool(layer.groups.get(group))
    if isinstance(layer, RedisChannelLayer):
        try:
            # channels_redis keeps a group as a sorted set under this key (its own helper).
            members = _client(layer, layer.consistent_hash(group)).zcard(layer._group_key(group))
        except Exception:  # down, slow, or a host setting this cannot read: a write never fails
            return True  # the send then fails and is logged, as it would have without asking
        return bool(members)
    return True  # a layer we cannot ask: always send
