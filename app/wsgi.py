"""WSGI entry point: `granian --interface wsgi app.wsgi:application` (see justfile `serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.dev")

application = get_wsgi_application()
