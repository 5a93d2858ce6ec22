"""Settings for the Granian process of the caught-mail browser test: the test settings with
mail sent as development sends it: queued (eagerly), over SMTP to the mail catcher
(EMAIL_URL), whose inbox pages are installed and read MAILCATCHER_DIR."""

import os

from app.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "app.mailcatcher"]  # noqa: F405
MAILCATCHER_DIR = os.environ["MAILCATCHER_DIR"]
EMAIL_BACKEND = "app.mail.backend.QueuedEmailBackend"
LOGGING = logging_config("WARNING", json=True)  # noqa: F405
