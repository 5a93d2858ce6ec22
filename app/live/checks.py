"""live.W001: pages would open a WebSocket that nothing serves.

Live updates need an ASGI server behind /ws/ (the web-asgi role); the WSGI web role refuses
WebSockets. A deployment that runs one says so with ASGI_SERVER_CONFIGURED=true (compose.yaml
and the Ansible app role do). Without it every signed-in tab would retry its socket forever.
"""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Warning


def live_updates_need_an_asgi_server(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    if not settings.LIVE_UPDATES or settings.ASGI_SERVER_CONFIGURED:
        return []
    return [
        Warning(
            "Live updates are on but no ASGI server is configured: signed-in pages will open "
            "a WebSocket to /ws/live/ that nothing answers, and retry it forever.",
            hint="Run the web-asgi role and route /ws/ to it, then set "
            "ASGI_SERVER_CONFIGURED=true; or set LIVE_UPDATES=false so pages open no socket.",
            id="live.W001",
        )
    ]
