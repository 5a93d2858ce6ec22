"""Every /api/v1 response is {"data", "error", "meta"}; errors never leak internals."""

import pytest
from rest_framework.test import APIClient


def test_unauthenticated_api_call_is_an_error_envelope(db):
    response = APIClient().get("/api/v1/tasks/", HTTP_X_REQUEST_ID="req-envelope-0001")
    body = response.json()
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"  # the scheme an API client can use
    assert body["data"] is None
    assert body["error"]["code"] == "not_authenticated"
    assert body["meta"]["request_id"] == "req-envelope-0001"


def test_unknown_api_url_is_a_404_envelope(api):
    response = api.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_success_wraps_data_and_carries_request_id(api):
    body = api.get("/api/v1/tasks/summary").json()
    assert body["error"] is None
    assert set(body) == {"data", "error", "meta"}
    assert body["meta"]["request_id"]


def test_malformed_json_is_a_400_envelope(api):
    response = api.post("/api/v1/tasks/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "parse_error"


@pytest.mark.django_db
def test_an_unexpected_exception_is_a_500_envelope_without_internals(api, monkeypatch):
    from app.tasks import selectors

    def boom(**kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(selectors, "task_summary", boom)
    api.raise_request_exception = False
    response = api.get("/api/v1/tasks/summary")
    assert response.status_code == 500
    body = response.json()
    assert body["error"] == {
        "code": "server_error",
        "message": "An internal error occurred.",
        "details": {},
    }
    assert "secret" not in response.content.decode()
