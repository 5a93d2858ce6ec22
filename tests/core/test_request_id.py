import json
import logging

import pytest

from app.core.middleware import sane_request_id


def test_a_sane_incoming_request_id_is_echoed(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="abc-123-def-456")
    assert response["X-Request-ID"] == "abc-123-def-456"


@pytest.mark.parametrize(
    "bad", ["x", "has space in it", "a" * 300, "evil\r\nSet-Cookie:x", "<script>"]
)
def test_a_malformed_request_id_is_replaced_not_echoed(client, bad):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=bad)
    assert response["X-Request-ID"] != bad
    assert len(response["X-Request-ID"]) == 32


def test_every_response_gets_an_id_even_a_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert len(response["X-Request-ID"]) == 32


def test_sane_request_id_accepts_uuids():
    assert sane_request_id("0b6f3c0e-7f5e-4a0e-9d2b-1c2d3e4f5a6b").startswith("0b6f")


@pytest.mark.django_db
def test_log_lines_carry_request_id_and_actor(client, user, make_task, caplog):
    from app.core.logging import RequestContextFilter
    from app.settings.parts.logging import logging_config

    client.force_login(user)
    handler = logging.StreamHandler()
    handler.addFilter(RequestContextFilter())
    formatter_cfg = logging_config("INFO", json=True)["formatters"]["json"]
    from pythonjsonlogger.json import JsonFormatter

    handler.setFormatter(
        JsonFormatter(formatter_cfg["fmt"], rename_fields=formatter_cfg["rename_fields"])
    )
    lines: list[str] = []
    handler.emit = lambda record: lines.append(handler.format(record))  # type: ignore[method-assign]
    audit_logger = logging.getLogger("app.audit")
    audit_logger.addHandler(handler)
    try:
        client.post(
            "/tasks/new/",
            {"title": "Log me", "status": "todo", "priority": 2},
            HTTP_X_REQUEST_ID="req-0000-log-test",
        )
    finally:
        audit_logger.removeHandler(handler)
    record = json.loads(lines[-1])
    assert record["request_id"] == "req-0000-log-test"
    assert record["actor"] == f"user:{user.pk}"
    assert record["action"] == "create" and record["entity"] == "task"
    assert len(record["entity_id"]) == 36
