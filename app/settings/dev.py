"""Development: DEBUG on, a fixed dev-only secret, readable logs."""

from app.settings.base import *  # noqa: F403
from app.settings.base import HEADLESS_JWT_PRIVATE_KEY, LOG_LEVEL, env
from app.settings.parts.api_tokens import dev_private_key, token_settings
from app.settings.parts.logging import logging_config

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405
LOGGING = logging_config(LOG_LEVEL, json=env.bool("LOG_JSON", default=False))

if not HEADLESS_JWT_PRIVATE_KEY:
    # One signing key for every dev process, kept across restarts (parts/api_tokens.py).
    HEADLESS_JWT_PRIVATE_KEY = dev_private_key(BASE_DIR / ".var" / "jwt-dev-private.pem")  # noqa: F405
    globals().update(token_settings(HEADLESS_JWT_PRIVATE_KEY))

# The local mail catcher (app/mailcatcher): `python3 quickstart.py` starts its SMTP server and
# points EMAIL_URL at it; its inbox is /_dev/mail/. Never in production (only DEBUG installs it).
if DEBUG:
    INSTALLED_APPS = [*INSTALLED_APPS, "app.mailcatcher"]  # noqa: F405
    MAILCATCHER_DIR = env.str("MAILCATCHER_DIR", default=str(BASE_DIR / ".var" / "mail"))  # noqa: F405

from app.settings.parts.loadtest_slowdown import loadtest_slowdown_settings  # noqa: E402

globals().update(loadtest_slowdown_settings(env, MIDDLEWARE))  # noqa: F405
