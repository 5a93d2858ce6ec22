"""The anchor: a bare Django view (one middleware, a JsonResponse), as issue 13 measured it under
Granian. It lives only here: the app's URLs never serve it."""

from __future__ import annotations

from typing import Any

from django.core.handlers.wsgi import WSGIHandler
from django.http import HttpRequest, JsonResponse
from django.test.utils import override_settings
from django.urls import path


def hello(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"message": "hello"})


urlpatterns = [path("json", hello)]


class AnchorHandler(WSGIHandler):
    """Django's WSGI handler with one middleware and this module's URLconf, inside the same
    process and settings as the app (so logging, the database and the cache are the same)."""

    def __init__(self) -> None:
        with override_settings(MIDDLEWARE=["django.middleware.security.SecurityMiddleware"]):
            super().__init__()

    def resolve_request(self, request: HttpRequest) -> Any:
        request.urlconf = __name__  # type: ignore[attr-defined]
        return super().resolve_request(request)
