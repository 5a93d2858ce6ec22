"""The anchor's one view: a small JSON document in the kit's envelope shape."""

from django.http import HttpRequest, JsonResponse
from django.urls import path

DOCUMENT = {
    "data": {"id": "00000000-0000-0000-0000-000000000000", "title": "anchor", "done": False},
    "error": None,
    "meta": {},
}


def anchor(request: HttpRequest) -> JsonResponse:
    return JsonResponse(DOCUMENT)


urlpatterns = [path("anchor", anchor), path("healthz", anchor)]
