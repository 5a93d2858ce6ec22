"""Sentry and OpenTelemetry, each switched on only by its own environment variables."""

import environ

_initialised = False


def init_observability(env: environ.Env) -> None:
    global _initialised
    if _initialised:
        return
    _initialised = True
    dsn = env.str("SENTRY_DSN", default="")
    if dsn:
        import sentry_sdk

        sentry_sdk.init(
            dsn=dsn,
            environment=env.str("SENTRY_ENVIRONMENT", default="production"),
            release=env.str("RELEASE_ID", default=None),
            traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
            send_default_pii=False,
        )
    if env.str("OTEL_EXPORTER_OTLP_ENDPOINT", default=""):
        from app.core.telemetry import init_tracing

        init_tracing(service_name=env.str("OTEL_SERVICE_NAME", default="quickscale"))
