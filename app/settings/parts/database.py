"""DATABASES from DATABASE_URL; SQLite (WAL) in the embedded default."""

from pathlib import Path
from typing import Any

import environ


def database_settings(env: environ.Env, base_dir: Path) -> dict[str, Any]:
    url = env.str("DATABASE_URL", default="") or f"sqlite:///{base_dir / 'db.sqlite3'}"
    try:
        db = environ.Env.db_url_config(url)
    except Exception as exc:  # environ raises several types; the user needs the variable name.
        raise environ.ImproperlyConfigured(
            f"DATABASE_URL is not a valid database URL: {exc}"
        ) from exc
    if not db.get("ENGINE"):
        raise environ.ImproperlyConfigured(f"DATABASE_URL has an unsupported scheme: {url!r}")
    if db["ENGINE"] == "django.db.backends.sqlite3":
        db["OPTIONS"] = {
            # WAL lets readers run beside the one writer; IMMEDIATE avoids "database is locked"
            # upgrades from read to write inside a transaction.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA busy_timeout=5000;",
            "transaction_mode": "IMMEDIATE",
        }
    else:
        db["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
        db["CONN_HEALTH_CHECKS"] = True
        db.setdefault("OPTIONS", {})["connect_timeout"] = env.int("DB_CONNECT_TIMEOUT", default=5)
    return {"default": db}
