"""The WebSocket that carries <turbo-stream> updates to a signed-in user's open pages."""

from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer

from app.live.groups import user_group

# Close code sent when the handshake is refused (no session, or one that is not valid here).
UNAUTHORIZED = 4401


class UserStreamConsumer(AsyncWebsocketConsumer):
    group: str | None = None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=UNAUTHORIZED)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """The socket is one-way: whatever a client sends is ignored."""

    async def stream_html(self, event: dict[str, Any]) -> None:
        await self.send(text_data=event["html"])
