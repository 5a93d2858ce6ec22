"""ASGI entry point, for the web-asgi role (WebSockets); plain HTTP is served over WSGI."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.dev")

application = get_asgi_application()
