"""Per-request context (request id, actor) that log records and tasks read without a request."""

from contextvars import ContextVar

request_id: ContextVar[str] = ContextVar("request_id", default="-")
actor: ContextVar[str] = ContextVar("actor", default="-")
