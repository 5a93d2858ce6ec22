"""Request id and log context middleware."""

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from app.core import context, observability

REQUEST_ID_HEADER = "X-Request-ID"
# Accept only ids a log line and a header can carry safely: short, printable, no spaces.
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")


def sane_request_id(value: str | None) -> str:
    if value and _SANE_REQUEST_ID.match(value):
        return value
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Accept a sane incoming X-Request-ID, else make one; return it on every response."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        rid = sane_request_id(request.headers.get(REQUEST_ID_HEADER))
        request.request_id = rid  # type: ignore[attr-defined]
        rid_token = context.request_id.set(rid)
        actor_token = context.actor.set("anonymous")
        observability.annotate_request(rid)
        try:
            response = self.get_response(request)
        finally:
            context.actor.reset(actor_token)
            context.request_id.reset(rid_token)
        response[REQUEST_ID_HEADER] = rid
        return response


class ActorLogContextMiddleware:
    """After authentication: put the user's id in the log context."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            context.actor.set(f"user:{user.pk}")
        return self.get_response(request)
