"""WSGI entry point of the web role, served by Granian as app/serving defines it.

Production settings unless DJANGO_SETTINGS_MODULE says otherwise: whatever serves this module
serves the public (the Quick start and `just dev` serve app.asgi with the dev settings).
"""

import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.production")

# Granian runs this app in a few blocking threads per worker, which share one GIL. At Python's
# default 5 ms switch interval a request that waits on Valkey or PostgreSQL waits up to 5 ms to
# run again each time, behind a thread rendering a page: the load test's static asset (0.2 ms
# of CPU) measured p95 27-37 ms that way. At 1 ms the same smoke run measured it within 15 ms.
sys.setswitchinterval(0.001)

application = get_wsgi_application()
