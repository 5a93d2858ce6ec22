"""Settings of the anchor app: as little Django as serves a JSON view, on the kit's services.

DATABASE_URL and VALKEY_URL are read as the kit reads them, so the anchor's processes hold the
same connections configured (the view itself touches neither: it is the floor a request of the
kit stands on, not a copy of one).
"""

import environ

env = environ.Env()

SECRET_KEY = "loadtest-anchor-serves-no-secrets"  # noqa: S105  (signs nothing)
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "loadtests.anchor.urls"
WSGI_APPLICATION = "loadtests.anchor.wsgi.application"
INSTALLED_APPS: list[str] = []
# One middleware, as the bare view the issue measured (5,508 req/s on 2x2).
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
USE_TZ = True
DATABASES = {"default": env.db_url("DATABASE_URL", default="sqlite:///:memory:")}
REDIS_CACHE = "django.core.cache.backends.redis.RedisCache"
CACHES = {
    "default": (
        env.cache_url("VALKEY_URL", backend=REDIS_CACHE)
        if env.str("VALKEY_URL", default="")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
LOGGING_CONFIG = None
