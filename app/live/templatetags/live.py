"""{% live_socket %}: the element whose Stimulus controller opens the live-update WebSocket,
rendered only when live updates are on (LIVE_UPDATES), so pages with them off open none."""

from typing import Any

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("live/socket.html")
def live_socket() -> dict[str, Any]:
    return {"live_updates": settings.LIVE_UPDATES}
