#!/usr/bin/env python3
"""Stands in for the web-asgi unit behind the proxy (molecule): a WebSocket server on :8001.

Each connection: the request's headers are written to /srv/stub/ws-request.json (what the
proxy passed on), "hello" is sent, then "pushed" once /srv/stub/ws-push exists, so a play can
prove that a socket opened before an nginx reload still carries messages after it.
Debian's python3-websockets (10.x, asyncio API).
"""

import asyncio
import json
import pathlib
import sys

import websockets

FOLDER = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/srv/stub")


async def handler(socket, path):
    headers = {key.lower(): value for key, value in socket.request_headers.raw_items()}
    (FOLDER / "ws-request.json").write_text(json.dumps({"path": path, "headers": headers}))
    await socket.send("hello")
    while not (FOLDER / "ws-push").exists():
        await asyncio.sleep(0.2)
    await socket.send("pushed")
    await socket.wait_closed()


async def main():
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8001
    async with websockets.serve(handler, "127.0.0.1", port):
        await asyncio.Future()


asyncio.run(main())
