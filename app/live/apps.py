from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "app.live"
    label = "live"
    verbose_name = "Live updates"
