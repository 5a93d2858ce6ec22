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


def envelope_items(collector: Collector) -> list[dict]:
    """The JSON objects (item headers and payloads) of every envelope Sentry sent."""
    items = []
    for path, body in collector.requests:
        if path.endswith("/envelope/"):
            for line in body.splitlines():
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                if isinstance(item, dict):
                    items.append(item)
    return items


def sentry_events(collector: Collector) -> list[dict]:
    return [item for item in envelope_items(collector) if "exception" in item]


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


# Sentry starts a web transaction in its WSGI handler wrapper, which the test client skips:
# these requests go through Django's WSGI application itself.
WSGI_REQUESTS = f"""
from django.core.wsgi import get_wsgi_application
from django.test.client import RequestFactory
wsgi = get_wsgi_application()
for headers in ({{"HTTP_X_REQUEST_ID": "{RID}"}}, {{}}):
    environ = RequestFactory()._base_environ(PATH_INFO="/healthz", **headers)
    b"".join(wsgi(environ, lambda status, headers, exc_info=None: None))
"""


def sentry_transactions(collector: Collector) -> list[dict]:
    # The payloads (an item's header says "transaction" too, with only a length).
    items = envelope_items(collector)
    return [i for i in items if i.get("type") == "transaction" and "contexts" in i]


def test_a_sentry_web_transaction_is_tagged_with_the_request_id(collector):
    """The transaction is sent after RequestIdMiddleware reset the id: before, it had no tag."""
    result = run_in_process(
        WSGI_REQUESTS,
        {
            "SENTRY_DSN": f"http://publickey@127.0.0.1:{collector.port}/42",
            "SENTRY_TRACES_SAMPLE_RATE": "1.0",
        },
    )
    assert result.returncode == 0, result.stderr
    rids = [t.get("tags", {}).get("request_id") for t in sentry_transactions(collector)]
    # One request gave its id; the other had none and was given its own.
    assert len(rids) == 2 and RID in rids and None not in rids and len(set(rids)) == 2, rids
