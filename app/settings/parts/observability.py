"""Sentry and OpenTelemetry settings; each is on only when its own variables are set.
app.core.observability starts them once Django is ready."""

from typing import Any

import environ


def observability_settings(env: environ.Env) -> dict[str, Any]:
    return {
        "SENTRY_DSN": env.str("SENTRY_DSN", default=""),
        "SENTRY_ENVIRONMENT": env.str("SENTRY_ENVIRONMENT", default="production"),
        "SENTRY_TRACES_SAMPLE_RATE": env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
        "RELEASE_ID": env.str("RELEASE_ID", default=""),
        # The exporter reads OTEL_EXPORTER_OTLP_* itself; setting the endpoint switches it on.
        "OTEL_ENABLED": bool(env.str("OTEL_EXPORTER_OTLP_ENDPOINT", default="")),
        "OTEL_SERVICE_NAME": env.str("OTEL_SERVICE_NAME", default="quickscale"),
    }
