"""Settings for the Granian (ASGI) process the browser tests start: the test settings (on the
test database, via DATABASE_URL), with mail written to files the tests read."""

import os

from app.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["BROWSER_TEST_MAIL_DIR"]
LOG_LEVEL = "WARNING"
LOGGING = logging_config("WARNING", json=True)  # noqa: F405
