"""The request id reaches Sentry (a tag on the event) and OpenTelemetry (an attribute on the
request's span, on the spans under it and on the span of a task the request ran), as the real
SDKs send them to a local endpoint. Before, neither carried it."""

import json

from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from tests.observability.app_process import run_app as run_in_process
from tests.observability.collector import Collector

RID = "trace-me-0123456789"
REQUESTS = f"""
assert client.get("/run-task/", HTTP_X_REQUEST_ID="{RID}").content == b"pong"
client.get("/boom/", HTTP_X_REQUEST_ID="{RID}")
client.get("/healthz")  # no id given: its own
"""


def run_app(**env_extra: str) -> None:
    result = run_in_process(REQUESTS, env_extra)
    assert result.returncode == 0, result.stderr


def sentry_events(collector: Collector) -> list[dict]:
    events = []
    for path, body in collector.requests:
        if path.endswith("/envelope/"):
            for line in body.splitlines():
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                if isinstance(item, dict) and "exception" in item:
                    events.append(item)
    return events


def test_a_sentry_event_is_tagged_with_the_request_id(collector):
    run_app(SENTRY_DSN=f"http://publickey@127.0.0.1:{collector.port}/42")
    (event,) = sentry_events(collector)
    assert "secret internal detail" in json.dumps(event["exception"])
    assert event["tags"]["request_id"] == RID


def spans_by_name(collector: Collector) -> dict[str, list[dict[str, str]]]:
    spans: dict[str, list[dict[str, str]]] = {}
    for path, body in collector.requests:
        if path != "/v1/traces":
            continue
        export = ExportTraceServiceRequest.FromString(body)
        for resource_spans in export.resource_spans:
            for scope_spans in resource_spans.scope_spans:
                for span in scope_spans.spans:
                    attributes = {a.key: a.value.string_value for a in span.attributes}
                    spans.setdefault(span.name, []).append(attributes)
    return spans


def test_spans_carry_the_request_id_as_an_attribute(collector):
    run_app(OTEL_EXPORTER_OTLP_ENDPOINT=f"http://127.0.0.1:{collector.port}")
    spans = spans_by_name(collector)
    requests = [a for name, attrs in spans.items() if name.startswith("GET") for a in attrs]
    assert len(requests) == 3, spans.keys()
    tagged = [a for a in requests if a.get("request_id") == RID]
    assert len(tagged) == 2  # /run-task/ and /boom/; /healthz got an id of its own
    assert all(len(a["request_id"]) == 32 for a in requests if a not in tagged)
    task_spans = [a for name, attrs in spans.items() if "ping" in name for a in attrs]
    assert task_spans and all(a.get("request_id") == RID for a in task_spans), spans.keys()
