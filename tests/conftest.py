"""Shared fixtures. The same suite runs on the embedded default and on the full stack."""

import datetime
import itertools

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.cache import cache
from rest_framework.test import APIClient

from app.tasks import services
from app.users.models import User

FULL_STACK = settings.DATABASES["default"]["ENGINE"].endswith("postgresql") and bool(
    settings.VALKEY_URL
)
_counter = itertools.count()


def pytest_report_header(config):
    db = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    cache_backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    broker = settings.CELERY_BROKER_URL.split(":")[0]
    return f"quickscale backend: database={db} cache={cache_backend} broker={broker}"


def pytest_collection_modifyitems(config, items):
    if FULL_STACK:
        return
    skip = pytest.mark.skip(
        reason="needs the full stack: set DATABASE_URL (PostgreSQL), VALKEY_URL, CELERY_BROKER_URL"
    )
    for item in items:
        if "services" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def make_user(email: str | None = None, password: str = "correct horse battery") -> User:
    email = email or f"user{next(_counter)}@example.com"
    user = User.objects.create_user(username=email.split("@")[0], email=email, password=password)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def user(db) -> User:
    return make_user("alice@example.com")


@pytest.fixture
def other_user(db) -> User:
    return make_user("bob@example.com")


@pytest.fixture
def api(user) -> APIClient:
    client = APIClient()
    client.force_login(user)
    return client


@pytest.fixture
def logged_in(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def make_task():
    def _make(owner: User, **fields):
        fields.setdefault("title", f"Task {next(_counter)}")
        return services.task_create(owner=owner, **fields)

    return _make


@pytest.fixture
def today() -> datetime.date:
    from django.utils import timezone

    return timezone.localdate()
