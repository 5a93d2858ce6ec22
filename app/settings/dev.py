"""Development: DEBUG on, a fixed dev-only secret, readable logs."""

from app.settings.base import *  # noqa: F403
from app.settings.base import LOG_LEVEL, env
from app.settings.parts.logging import logging_config

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405
LOGGING = logging_config(LOG_LEVEL, json=env.bool("LOG_JSON", default=False))
