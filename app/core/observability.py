"""Start Sentry and OpenTelemetry tracing (Django, Celery, psycopg, redis) from settings.

Called from CoreConfig.ready(): the instrumentors need configured settings, and every process
(web, worker, beat, management commands) passes through ready().

Both carry the request id (app.core.context): Sentry events as the tag `request_id`, spans as
the attribute `request_id`, in the web process and in the Celery tasks a request enqueued.
"""

from typing import Any

from django.conf import settings

from app.core import context

_started = False
_tracing = False
REQUEST_ID_ATTRIBUTE = "request_id"


def init_observability() -> None:
    global _started
    if _started:
        return
    _started = True
    if settings.SENTRY_DSN:
        import sentry_sdk

        sentry_sdk.init(
            dsn=settings.SENTRY_DSN,
            environment=settings.SENTRY_ENVIRONMENT,
            release=settings.RELEASE_ID or None,
            traces_sample_rate=settings.SENTRY_TRACES_SAMPLE_RATE,
            send_default_pii=False,
            before_send=_tag_request_id,
            before_send_transaction=_tag_request_id,
        )
    if settings.OTEL_ENABLED:
        _init_tracing(service_name=settings.OTEL_SERVICE_NAME)


def _tag_request_id(event: Any, hint: Any) -> Any:
    rid = context.request_id.get()
    if rid != "-":
        event.setdefault("tags", {})[REQUEST_ID_ATTRIBUTE] = rid
    return event


def annotate_request(rid: str) -> None:
    """Put the request id on the span already open for this request (the Django instrumentor
    starts it before RequestIdMiddleware knows the id), and on Sentry's scope for the request:
    its transaction is sent after RequestIdMiddleware has reset the id, so before_send_transaction
    alone would find none. Sentry's WSGI and ASGI wrappers give each request its own scope."""
    if settings.SENTRY_DSN:
        import sentry_sdk

        sentry_sdk.get_isolation_scope().set_tag(REQUEST_ID_ATTRIBUTE, rid)
    if _tracing:
        from opentelemetry import trace

        trace.get_current_span().set_attribute(REQUEST_ID_ATTRIBUTE, rid)


def _init_tracing(*, service_name: str) -> None:
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.instrumentation.celery import CeleryInstrumentor
    from opentelemetry.instrumentation.django import DjangoInstrumentor
    from opentelemetry.instrumentation.psycopg import PsycopgInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import SpanProcessor, TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    class RequestIdSpanProcessor(SpanProcessor):
        """Every span started while a request id is in context carries it (database and cache
        calls, a task's run in the worker)."""

        def on_start(self, span: Any, parent_context: Any = None) -> None:
            rid = context.request_id.get()
            if rid != "-":
                span.set_attribute(REQUEST_ID_ATTRIBUTE, rid)

    global _tracing
    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(RequestIdSpanProcessor())
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    _tracing = True
    trace.set_tracer_provider(provider)
    DjangoInstrumentor().instrument()
    CeleryInstrumentor().instrument()
    PsycopgInstrumentor().instrument()
    RedisInstrumentor().instrument()
