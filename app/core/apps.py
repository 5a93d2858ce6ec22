from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "app.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from app.core.observability import init_observability

        init_observability()
