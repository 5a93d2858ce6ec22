from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "app.search"
    label = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from app.search.install import install_after_migrate

        # Triggers are generated from each model's declaration, so they are (re)installed after
        # every migrate: a changed declaration takes effect without a hand-written migration.
        post_migrate.connect(install_after_migrate, dispatch_uid="search-install-triggers")
