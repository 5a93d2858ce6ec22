"""Sentry and OpenTelemetry switch on from their environment variables and really send."""

import subprocess

from tests.observability.app_process import run_app as run_in_process

REQUESTS = 'client.get("/healthz")\nclient.get("/boom/")'


def run_app(env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_in_process(REQUESTS, env_extra)


def test_an_unhandled_error_reaches_sentry(collector):
    result = run_app({"SENTRY_DSN": f"http://publickey@127.0.0.1:{collector.port}/42"})
    assert result.returncode == 0, result.stderr
    envelopes = [body for path, body in collector.requests if path == "/api/42/envelope/"]
    assert envelopes, collector.paths()
    assert any(b"secret internal detail" in body for body in envelopes)


def test_requests_are_traced_over_otlp(collector):
    result = run_app(
        {
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{collector.port}",
            "OTEL_SERVICE_NAME": "quickscale-test",
        }
    )
    assert result.returncode == 0, result.stderr
    traces = [body for path, body in collector.requests if path == "/v1/traces"]
    assert traces, collector.paths()
    assert b"quickscale-test" in traces[0] and b"/healthz" in b"".join(traces)


def test_nothing_is_sent_without_the_variables(collector):
    result = run_app({})
    assert result.returncode == 0, result.stderr
    assert collector.requests == []
