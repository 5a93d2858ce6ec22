#!/usr/bin/env python3
"""Opens a WebSocket (through the proxy) and waits for a message containing --expect.

Runs on a molecule host with Debian's python3-websockets (10.x, asyncio API). Prints what it
sees; exits 0 when the expected text arrived on the socket it opened, 1 otherwise.
  --open-marker FILE   touched once the socket is open (a play can act while it waits)
  --trigger COMMAND    run once the socket is open (split like a shell), e.g. a task change
"""

import argparse
import asyncio
import pathlib
import shlex
import ssl
import sys

import websockets


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--expect", required=True)
    parser.add_argument("--cafile")
    parser.add_argument("--connect-to", help="address to connect to instead of the URL's host")
    parser.add_argument("--origin")
    parser.add_argument("--cookie")
    parser.add_argument("--open-marker")
    parser.add_argument("--trigger")
    parser.add_argument("--timeout", type=float, default=60)
    return parser.parse_args()


async def probe(args: argparse.Namespace) -> bool:
    tls = ssl.create_default_context(cafile=args.cafile) if args.url.startswith("wss:") else None
    headers = {"Cookie": args.cookie} if args.cookie else {}
    host = args.url.split("/")[2].split(":")[0]
    port = 443 if tls else 80
    extra = {"host": args.connect_to, "port": port} if args.connect_to else {}
    if tls and args.connect_to:
        extra["server_hostname"] = host
    async with websockets.connect(
        args.url, ssl=tls, origin=args.origin, extra_headers=headers, open_timeout=20, **extra
    ) as socket:
        print(f"open: {args.url}", flush=True)
        if args.open_marker:
            pathlib.Path(args.open_marker).touch()
        if args.trigger:
            # run beside the socket (not blocking its loop), as its own process
            trigger = await asyncio.create_subprocess_exec(*shlex.split(args.trigger))
            asyncio.get_running_loop().create_task(trigger.wait())
        loop = asyncio.get_running_loop()
        deadline = loop.time() + args.timeout
        while loop.time() < deadline:
            try:
                message = await asyncio.wait_for(socket.recv(), deadline - loop.time())
            except TimeoutError:
                break
            print(f"message: {message[:300]!r}", flush=True)
            if args.expect in message:
                return True
    print(f"no message containing {args.expect!r} within {args.timeout}s", flush=True)
    return False


if __name__ == "__main__":
    sys.exit(0 if asyncio.run(probe(parse())) else 1)
