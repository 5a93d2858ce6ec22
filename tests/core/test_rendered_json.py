"""Data a view already rendered (RenderedJSON) reaches the client exactly as the same data
rendered by the envelope would: the same bytes, indented when asked, errors unchanged."""

import datetime
import json
import uuid

import pytest
from django.urls import path
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView

from app.core.api.envelope import RenderedJSON, render_json

DATA = {
    "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "title": 'Caf\u00e9 \u2028 line separator, "quoted" and <b>',
    "when": datetime.date(2026, 12, 2),
    "items": [1, 2.5, None, True],
}


class Plain(APIView):
    permission_classes: list = []

    def get(self, request):
        response = Response(DATA)
        response.envelope_meta = {"pagination": {"page": 1}}
        return response


class Rendered(APIView):
    permission_classes: list = []

    def get(self, request):
        response = Response(RenderedJSON(render_json(DATA)))
        response.envelope_meta = {"pagination": {"page": 1}}
        return response


urlpatterns = [path("plain", Plain.as_view()), path("rendered", Rendered.as_view())]


@pytest.fixture
def client(settings):
    settings.ROOT_URLCONF = __name__
    return APIClient()


@pytest.mark.parametrize(
    "accept", [None, "*/*", "application/json", "application/json; indent=2", "*/*; indent=4"]
)
def test_rendered_data_is_byte_for_byte_the_envelope_of_the_data(client, accept):
    headers = {"HTTP_X_REQUEST_ID": "same-request-id-1"}
    if accept:
        headers["HTTP_ACCEPT"] = accept
    plain, rendered = client.get("/plain", **headers), client.get("/rendered", **headers)
    assert rendered.status_code == plain.status_code == 200
    assert rendered.content == plain.content
    assert rendered["Content-Type"] == plain["Content-Type"]
    body = json.loads(rendered.content)
    assert body["data"]["title"] == DATA["title"] and body["error"] is None
    assert body["meta"] == {"request_id": "same-request-id-1", "pagination": {"page": 1}}


def test_an_unacceptable_type_is_refused_for_both(client):
    headers = {"HTTP_ACCEPT": "text/html", "HTTP_X_REQUEST_ID": "same-request-id-2"}
    plain, rendered = client.get("/plain", **headers), client.get("/rendered", **headers)
    assert rendered.status_code == plain.status_code == 406
    assert rendered.content == plain.content
