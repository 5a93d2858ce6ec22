from django.apps import AppConfig
from django.core import checks


class LiveConfig(AppConfig):
    name = "app.live"
    label = "live"
    verbose_name = "Live updates"

    def ready(self) -> None:
        from app.live.checks import live_updates_need_an_asgi_server

        checks.register(live_updates_need_an_asgi_server)
