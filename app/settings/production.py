"""Production: refuses to start on a missing or insecure value; HTTPS-only cookies and HSTS."""

import os

from app.settings.parts.required import check_production_environment

check_production_environment(os.environ)

from app.settings.base import *  # noqa: E402, F403
from app.settings.base import env  # noqa: E402

DEBUG = False
# Live updates need an ASGI server behind /ws/: the deployment says it runs one (base.py).
ASGI_SERVER_CONFIGURED = env.bool("ASGI_SERVER_CONFIGURED", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# Health probes come over plain HTTP from the proxy / orchestrator.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
