"""Settings shared by every environment. Everything that varies is read from the environment.

The embedded default (no variables set) runs on SQLite, a local-memory cache and eager Celery;
setting DATABASE_URL, VALKEY_URL (or CACHE_URL) and CELERY_BROKER_URL switches to the full stack.
"""

import os
from pathlib import Path

import environ

from app.settings.parts.celery import celery_settings
from app.settings.parts.database import database_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
# A local .env (git-ignored) is read when present; real environment variables win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS: list[str] = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_vite",
    "channels",
    "rest_framework",
    "django_filters",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.headless",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "app.core",
    "app.users",
    "app.tasks",
    "app.search",
    "app.live",
    "app.mail",
]

MIDDLEWARE = [
    # First, so every later log line and every response (errors included) carries the id.
    "app.core.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "app.core.middleware.ActorLogContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "app.urls"
WSGI_APPLICATION = "app.wsgi.application"
ASGI_APPLICATION = "app.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "app" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = database_settings(env, BASE_DIR)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Valkey through Django's Redis backend on the full stack, local memory otherwise.
# CACHE_SCHEMA is part of every key: bump it when a cached value's shape changes, so a deploy
# never reads a value written by an incompatible release (kinds also carry their own version).
CACHE_SCHEMA = 1
VALKEY_URL = env.str("VALKEY_URL", default="") or env.str("CACHE_URL", default="")
if VALKEY_URL:
    CACHES = {
        "default": {
            "BACKEND": "app.core.redis_cache.ValkeyCache",
            "LOCATION": VALKEY_URL,
            "KEY_PREFIX": "qs",
            "VERSION": CACHE_SCHEMA,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "quickscale",
            "KEY_PREFIX": "qs",
            "VERSION": CACHE_SCHEMA,
        }
    }

# Sessions read from the cache, written through to the database (survive a cache flush).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

globals().update(celery_settings(env, VALKEY_URL))

# Channels (live updates over WebSockets): Valkey on the full stack, in-process otherwise
# (in-process only reaches sockets served by the same process). CHANNELS_URL may name another
# Valkey database: clearing the cache (FLUSHDB) on a shared one also drops every live
# subscription, and open pages then stop updating until they reconnect.
CHANNELS_URL = env.str("CHANNELS_URL", default="") or VALKEY_URL
if CHANNELS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # The socket timeout must outlast channels_redis's 5 s blocking pop (redis-py 8
                # otherwise times the idle read out and the socket's consumer dies).
                "hosts": [
                    {"address": CHANNELS_URL, "socket_timeout": 30, "socket_connect_timeout": 2}
                ],
                "prefix": "qs-live",
            },
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Live updates on: signed-in pages open the WebSocket (/ws/live/) and task writes are pushed to
# it; off: no socket is opened and nothing is published. ASGI_SERVER_CONFIGURED declares that
# /ws/ reaches an ASGI server (the web-asgi role): development and the tests serve under ASGI
# themselves; production defaults to false until a deployment says so (compose.yaml and the
# Ansible app role do), and the check live.W001 warns when live updates are on without one.
LIVE_UPDATES = env.bool("LIVE_UPDATES", default=True)
ASGI_SERVER_CONFIGURED = env.bool("ASGI_SERVER_CONFIGURED", default=True)

AUTH_USER_MODEL = "users.User"
# Django's and allauth's backends, reading the signed-in user from the shared cache instead of
# the database on every request (app/users/backends.py).
AUTHENTICATION_BACKENDS = [
    "app.users.backends.CachedModelBackend",
    "app.users.backends.CachedAuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "tasks:list"
LOGOUT_REDIRECT_URL = "home"

from app.settings.parts.api_tokens import private_key_from_env, token_settings  # noqa: E402
from app.settings.parts.auth import *  # noqa: E402,F403  (allauth, MFA and OIDC settings)

# API tokens (JWT, allauth headless): on when JWT_PRIVATE_KEY is set (dev and test make one).
HEADLESS_JWT_PRIVATE_KEY = private_key_from_env(os.environ)
globals().update(token_settings(HEADLESS_JWT_PRIVATE_KEY))

LANGUAGE_CODE = "en-us"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Vite's build output (hashed assets + .vite/manifest.json) is served as static files, so
# collectstatic picks it up and WhiteNoise serves it; hashed names are cached forever.
FRONTEND_DIST = BASE_DIR / "frontend" / "dist"
STATICFILES_DIRS = [FRONTEND_DIST]
WHITENOISE_IMMUTABLE_FILE_TEST = r"(/assets/.+-[\w-]{8}\.\w+$|\.[0-9a-f]{12}\.\w+$)"
DJANGO_VITE = {
    "default": {
        # On only while `just dev-frontend` runs Vite's dev server (hot reload).
        "dev_mode": env.bool("VITE_DEV_MODE", default=False),
        "dev_server_host": "127.0.0.1",
        "dev_server_port": 5173,
        "manifest_path": FRONTEND_DIST / ".vite" / "manifest.json",
    }
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Mail is queued to Celery after the commit (app/mail) and sent by the backend EMAIL_URL names
# (app/settings/parts/email.py: SMTP or a provider; console output when it is not set).
from app.settings.parts.email import email_settings  # noqa: E402

globals().update(email_settings(os.environ))
EMAIL_BACKEND = "app.mail.backend.QueuedEmailBackend"
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="QuickScale <noreply@localhost>")
# A failed send is retried MAIL_MAX_RETRIES times, waiting MAIL_RETRY_BACKOFF s, then twice that...
MAIL_MAX_RETRIES = env.int("MAIL_MAX_RETRIES", default=6)
MAIL_RETRY_BACKOFF = env.float("MAIL_RETRY_BACKOFF", default=30.0)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Authorization: Bearer <access token> (app/users/api/authentication.py). First, so
        # an unauthenticated call is a 401 naming the Bearer scheme.
        "app.users.api.authentication.AccessTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["app.core.api.envelope.EnvelopeJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "app.core.api.pagination.EnvelopePageNumberPagination",
    "PAGE_SIZE": 25,
    "EXCEPTION_HANDLER": "app.core.api.exceptions.envelope_exception_handler",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "UNAUTHENTICATED_USER": None,
}

from app.settings.parts.logging import logging_config  # noqa: E402

LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = logging_config(LOG_LEVEL, json=env.bool("LOG_JSON", default=True))

# Sentry and OpenTelemetry are on only when their variables are set (app.core.observability).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production")
SENTRY_TRACES_SAMPLE_RATE = env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0)
RELEASE_ID = env.str("RELEASE_ID", default="")
# The OTLP exporter reads OTEL_EXPORTER_OTLP_* itself; setting the endpoint switches tracing on.
OTEL_ENABLED = bool(env.str("OTEL_EXPORTER_OTLP_ENDPOINT", default=""))
OTEL_SERVICE_NAME = env.str("OTEL_SERVICE_NAME", default="quickscale")
