"""LOGGING: one JSON object per line carrying request_id and actor (from the request context)
and, for domain events, action / entity / entity_id (see app.core.logging.audit)."""

from typing import Any


def logging_config(level: str, *, json: bool) -> dict[str, Any]:
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "app.core.logging.RequestContextFilter"}},
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "ts", "levelname": "level", "name": "logger"},
            },
            "plain": {
                "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["context"],
                "formatter": "json" if json else "plain",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django": {"level": level},
            # 4xx responses are answered in the envelope; their "Not Found"/"Bad Request" warnings
            # are noise at INFO.
            "django.request": {"level": "ERROR"},
            "celery": {"level": level},
        },
    }
