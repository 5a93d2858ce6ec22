"""Who receives what: one channel-layer group per user, so a stream reaches only its owner."""

import asyncio
import logging
import os
import threading
from collections.abc import Coroutine
from concurrent.futures import Future
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer

log = logging.getLogger(__name__)

MESSAGE_TYPE = "stream.html"


def user_group(user_id: object) -> str:
    return f"live.user.{user_id}"


class _BackgroundLoop:
    """One event loop in a daemon thread per process. A network layer (Valkey) then keeps its
    connections between sends, and a write does not wait for the send (async_to_sync would
    open a new loop and connection every time: ~7 ms per write, measured)."""

    def __init__(self) -> None:
        self._loop: asyncio.AbstractEventLoop | None = None
        self._one_at_a_time: asyncio.Semaphore | None = None
        self._lock = threading.Lock()
        os.register_at_fork(after_in_child=self._forget)

    def _forget(self) -> None:
        self._loop, self._one_at_a_time, self._lock = None, None, threading.Lock()

    def submit(self, coroutine: Coroutine[Any, Any, None]) -> Future[None]:
        with self._lock:
            if self._loop is None:
                loop = asyncio.new_event_loop()
                thread = threading.Thread(target=loop.run_forever, name="live-publish", daemon=True)
                thread.start()
                self._loop, self._one_at_a_time = loop, asyncio.Semaphore(1)
        return asyncio.run_coroutine_threadsafe(self._in_order(coroutine), self._loop)

    async def _in_order(self, coroutine: Coroutine[Any, Any, None]) -> None:
        # One send at a time, first come first served: a page sees a task's changes in the
        # order they were committed, and a burst of writes cannot exhaust the connection pool.
        assert self._one_at_a_time is not None
        async with self._one_at_a_time:
            await coroutine


_background = _BackgroundLoop()


def _log_failure(future: Future[None], user_id: object) -> None:
    if future.exception() is not None:
        log.warning("live update not sent", extra={"entity": "user", "entity_id": str(user_id)})


def send_to_user(user_id: object, html: str) -> Future[None] | None:
    """Sends <turbo-stream> HTML to every open page of one user. Never raises: a write must
    not fail because live updates are down; it is logged and the pages catch up on reload."""
    layer = get_channel_layer()
    if layer is None:
        return None
    message = {"type": MESSAGE_TYPE, "html": html}
    try:
        if isinstance(layer, InMemoryChannelLayer):
            # In-process queues belong to the server's own loop: send from there, synchronously.
            async_to_sync(layer.group_send)(user_group(user_id), message)
            return None
        future = _background.submit(layer.group_send(user_group(user_id), message))
    except Exception:
        log.warning("live update not sent", extra={"entity": "user", "entity_id": str(user_id)})
        return None
    future.add_done_callback(lambda f: _log_failure(f, user_id))
    return future
