"""Who receives what: one channel-layer group per user, so a stream reaches only its owner."""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

log = logging.getLogger(__name__)

MESSAGE_TYPE = "stream.html"


def user_group(user_id: object) -> str:
    return f"live.user.{user_id}"


def send_to_user(user_id: object, html: str) -> bool:
    """Sends <turbo-stream> HTML to every open page of one user. Never raises: a write must
    not fail because live updates are down; it is logged and the pages catch up on reload."""
    layer = get_channel_layer()
    if layer is None:
        return False
    try:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": MESSAGE_TYPE, "html": html})
    except Exception:
        log.warning("live update not sent", extra={"entity": "user", "entity_id": str(user_id)})
        return False
    return True
