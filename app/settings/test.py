"""Tests: the same stack as dev (embedded default unless the service URLs are set), made fast."""

import os

from app.settings.base import *  # noqa: F403
from app.settings.base import HEADLESS_JWT_PRIVATE_KEY

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail lands in mail.outbox at once; the Celery queue in front of it (app/mail) has its own tests,
# and delivers to mail.outbox too unless EMAIL_URL names a server.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not os.environ.get("EMAIL_URL"):
    MAIL_DELIVERY_BACKEND = EMAIL_BACKEND
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests (and the Granian test's server) serve static files straight from the finders.
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=True)  # noqa: F405

if not HEADLESS_JWT_PRIVATE_KEY:
    # API tokens signed with a key of this process's own (app/settings/parts/api_tokens.py).
    from app.settings.parts.api_tokens import new_private_key, token_settings

    HEADLESS_JWT_PRIVATE_KEY = new_private_key()
    globals().update(token_settings(HEADLESS_JWT_PRIVATE_KEY))

# Rate limits are exercised by their own test, which re-enables them.
ACCOUNT_RATE_LIMITS: dict[str, str] | bool = False  # type: ignore[no-redef]

# Tasks run in-process; the real-worker test turns this off for its own calls.
CELERY_TASK_ALWAYS_EAGER = True

# On PostgreSQL each run gets its own test database, so concurrent runs on one server (CI beside
# a developer's run) never drop each other's.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"  # noqa: F405
    }

# On SQLite the test database is a file (not :memory:) so processes the tests start
# (Granian, a Celery worker) can open the same database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".var" / "test-db.sqlite3")}  # noqa: F405
    (BASE_DIR / ".var").mkdir(exist_ok=True)  # noqa: F405

from app.settings.parts.loadtest_slowdown import loadtest_slowdown_settings  # noqa: E402

globals().update(loadtest_slowdown_settings(env, MIDDLEWARE))  # noqa: F405
