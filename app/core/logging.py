"""Structured logging helpers: the context filter and `audit()` for domain actions."""

import logging

from app.core import context

_audit_logger = logging.getLogger("app.audit")


class RequestContextFilter(logging.Filter):
    """Stamp every record with the current request id and actor."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = context.request_id.get()
        if not hasattr(record, "actor"):
            record.actor = context.actor.get()
        return True


def audit(action: str, *, entity: str, entity_id: object, **fields: object) -> None:
    """Log one domain action as a structured line: who (actor) did what to which entity."""
    _audit_logger.info(
        f"{entity}.{action}",
        extra={"action": action, "entity": entity, "entity_id": str(entity_id), **fields},
    )
