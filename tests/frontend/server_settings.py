"""Settings for the Granian (ASGI) process the browser tests start: the test settings, on the
database pytest created, static files straight from frontend/dist, mail written to files."""

import os

from app.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["BROWSER_TEST_DB_NAME"]  # noqa: F405
WHITENOISE_USE_FINDERS = True
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["BROWSER_TEST_MAIL_DIR"]
LOG_LEVEL = "WARNING"
LOGGING = logging_config("WARNING", json=True)  # noqa: F405
