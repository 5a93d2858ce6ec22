"""Per-request context (request id, actor) that log records and tasks read without a request.

The context travels with the Celery tasks a request enqueues: `task_headers()` is what a
published task carries (app/celery.py sets it on every message) and `enter_task()` restores it
in the worker around the task, so the worker's log lines, Sentry events and spans carry the id
of the request that caused them.
"""

from contextvars import ContextVar, Token

request_id: ContextVar[str] = ContextVar("request_id", default="-")
actor: ContextVar[str] = ContextVar("actor", default="-")

# Message header names (a Celery task's request exposes each header as an attribute).
REQUEST_ID_HEADER = "qs_request_id"
ACTOR_HEADER = "qs_actor"

_task_tokens: dict[str, tuple[Token[str], Token[str]]] = {}


def task_headers() -> dict[str, str]:
    """The headers a task published now should carry: the current request's id and actor."""
    rid = request_id.get()
    if rid == "-":
        return {}
    return {REQUEST_ID_HEADER: rid, ACTOR_HEADER: actor.get()}


def enter_task(task_id: str, headers: object) -> None:
    """Before a task runs: take on the id and actor it was published with, if any. A task run
    in-process (eager) has no such headers and keeps the context it runs in."""
    rid = getattr(headers, REQUEST_ID_HEADER, None)
    if not isinstance(rid, str) or not rid:
        return
    who = getattr(headers, ACTOR_HEADER, None)
    _task_tokens[task_id] = (
        request_id.set(rid),
        actor.set(who if isinstance(who, str) and who else "-"),
    )


def leave_task(task_id: str) -> None:
    """After a task: back to the context before it, so the next task starts clean."""
    tokens = _task_tokens.pop(task_id, None)
    if tokens is not None:
        actor.reset(tokens[1])
        request_id.reset(tokens[0])
