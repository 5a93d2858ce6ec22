"""LIVE_UPDATES=false: signed-in pages open no WebSocket and writes publish nothing."""

import asyncio

import pytest
from asgiref.sync import sync_to_async
from django.test import override_settings

from app.live.presence import has_listeners
from tests.frontend.test_live_socket import create_task, session_cookie, socket

SOCKET_MARKUP = 'data-controller="live"'


def test_signed_in_pages_open_the_socket_when_live_updates_are_on(client, user):
    client.force_login(user)
    with override_settings(LIVE_UPDATES=True):
        page = client.get("/tasks/")
    assert page.status_code == 200
    assert SOCKET_MARKUP in page.content.decode()


def test_signed_in_pages_open_no_socket_when_live_updates_are_off(client, user):
    client.force_login(user)
    with override_settings(LIVE_UPDATES=False):
        page = client.get("/tasks/")
    assert page.status_code == 200
    html = page.content.decode()
    assert SOCKET_MARKUP not in html and "/ws/live/" not in html


def test_signed_out_pages_open_no_socket(client, db):
    with override_settings(LIVE_UPDATES=True):
        page = client.get("/")
    assert SOCKET_MARKUP not in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_write_publishes_nothing_when_live_updates_are_off(django_user_model):
    from tests.conftest import make_user

    alice = make_user("quiet@example.com")
    cookie = session_cookie(alice)

    async def scenario():
        communicator = socket(cookie)
        assert await communicator.connect()  # a tab left open from before the switch
        with override_settings(LIVE_UPDATES=False):
            assert not await sync_to_async(has_listeners)(alice.pk)
            await sync_to_async(create_task)(alice, "Nobody is told")
            quiet = await communicator.receive_nothing(timeout=0.3)
        await communicator.disconnect()
        return quiet

    assert asyncio.run(scenario())
