"""Install each searchable model's index and triggers after `migrate` (idempotent)."""

from typing import Any

from django.db import connections

from app.search.backends import forget_choice, get_backend
from app.search.declaration import REGISTRY


def install_all(using: str = "default") -> list[str]:
    forget_choice()
    backend = get_backend(using)
    for spec in REGISTRY.values():
        backend.install(spec, connections[using])
    return sorted(REGISTRY)


def install_after_migrate(sender: Any, using: str = "default", **kwargs: Any) -> None:
    # post_migrate is sent once per app; install once, when it is this app's turn.
    if getattr(sender, "label", None) == "search":
        install_all(using)
