"""The live-update WebSocket: session-authenticated, own-origin only, own tasks only."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from asgiref.testing import ApplicationCommunicator
from django.conf import settings
from django.test import Client

from app.asgi import application
from tests.conftest import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def session_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class Socket(ApplicationCommunicator):
    """The ASGI side of a WebSocket (channels.testing needs daphne, which this project skips)."""

    async def connect(self) -> bool:
        await self.send_input({"type": "websocket.connect"})
        answer = await self.receive_output(timeout=3)
        return answer["type"] == "websocket.accept"

    async def receive_from(self, timeout: float = 3) -> str:
        message = await self.receive_output(timeout=timeout)
        assert message["type"] == "websocket.send", message
        return message["text"]

    async def disconnect(self) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": 1000})
        await self.wait(timeout=3)


def socket(cookie: str | None = None, origin: str = "http://localhost") -> Socket:
    headers = [(b"origin", origin.encode()), (b"host", b"localhost")]
    if cookie:
        headers.append((b"cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}".encode()))
    scope = {"type": "websocket", "path": "/ws/live/", "headers": headers, "query_string": b""}
    scope |= {"subprotocols": [], "client": ("127.0.0.1", 50000), "server": ("localhost", 80)}
    return Socket(application, scope)


async def refused(communicator: Socket) -> bool:
    connected = await communicator.connect()
    await communicator.disconnect()
    return not connected


def create_task(owner, title):
    from app.tasks import services

    return services.task_create(owner=owner, title=title)


def test_no_session_is_refused():
    assert asyncio.run(refused(socket()))


def test_a_forged_session_is_refused():
    assert asyncio.run(refused(socket(cookie="not-a-session-key-of-this-site")))


def test_a_foreign_origin_is_refused_even_with_a_session():
    cookie = session_cookie(make_user("carol@example.com"))
    assert asyncio.run(refused(socket(cookie, origin="https://evil.example")))


def test_the_owner_gets_streams_for_own_tasks_only():
    alice = make_user("alice@example.com")
    bob = make_user("bob@example.com")
    cookie = session_cookie(alice)

    async def scenario():
        communicator = socket(cookie)
        assert await communicator.connect()
        await sync_to_async(create_task)(bob, "Bob's secret")
        assert await communicator.receive_nothing(timeout=0.3)
        task = await sync_to_async(create_task)(alice, "Alice's task")
        message = await communicator.receive_from(timeout=3)
        await communicator.disconnect()
        return task, message

    task, message = asyncio.run(scenario())
    assert '<turbo-stream action="prepend" target="task_rows">' in message
    assert f'id="task_{task.id}"' in message and "Alice&#x27;s task" in message
    assert "Bob" not in message


@pytest.mark.services
def test_a_socket_left_idle_past_the_layers_blocking_poll_still_receives():
    """channels_redis polls Valkey with a 5 s blocking pop: an idle socket must survive it."""
    alice = make_user("idle@example.com")
    cookie = session_cookie(alice)

    async def scenario():
        communicator = socket(cookie)
        assert await communicator.connect()
        await asyncio.sleep(6.5)
        await sync_to_async(create_task)(alice, "After a quiet spell")
        message = await communicator.receive_from(timeout=3)
        await communicator.disconnect()
        return message

    assert "After a quiet spell" in asyncio.run(scenario())
