from django.urls import path

from app.live.consumers import UserStreamConsumer

websocket_urlpatterns = [
    path("ws/live/", UserStreamConsumer.as_asgi()),
]
