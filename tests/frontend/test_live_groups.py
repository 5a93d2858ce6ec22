"""Publishing to a user's group from synchronous code (views, services, Celery tasks)."""

import asyncio
import time

import pytest
from channels.layers import get_channel_layer

from app.live.groups import send_to_user, user_group


def receive_all(count: int, user_id: int, send) -> list[str]:
    async def scenario() -> list[str]:
        layer = get_channel_layer()
        channel = await layer.new_channel()
        await layer.group_add(user_group(user_id), channel)
        await asyncio.to_thread(send)
        messages = [await asyncio.wait_for(layer.receive(channel), 5) for _ in range(count)]
        await layer.group_discard(user_group(user_id), channel)
        return [m["html"] for m in messages]

    return asyncio.run(scenario())


@pytest.mark.services
def test_a_burst_of_sends_arrives_complete_and_in_order():
    def burst():
        futures = [send_to_user(4242, f"<turbo-stream>{i}</turbo-stream>") for i in range(40)]
        for future in futures:
            future.result(10)

    expected = [f"<turbo-stream>{i}</turbo-stream>" for i in range(40)]
    assert receive_all(40, 4242, burst) == expected


def test_a_send_never_raises_when_the_layer_fails(monkeypatch, caplog):
    class Broken:
        async def group_send(self, group, message):
            raise ConnectionError("layer down")

    monkeypatch.setattr("app.live.groups.get_channel_layer", lambda: Broken())
    future = send_to_user(1, "<turbo-stream></turbo-stream>")
    with pytest.raises(ConnectionError):
        future.result(5)
    # The failure is logged by the future's callback, in the publisher's thread.
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline and not logged(caplog):
        time.sleep(0.05)
    assert logged(caplog)


def logged(caplog) -> bool:
    return any("live update not sent" in r.getMessage() for r in caplog.records)
