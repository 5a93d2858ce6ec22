from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "app.users"
    label = "users"
    verbose_name = "Users"

    def ready(self) -> None:
        from app.users import signals  # noqa: F401  (connects the receivers)
