import pytest
from django.test import override_settings

from tests.conftest import FULL_STACK


def test_healthz_answers_without_touching_dependencies(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_reports_each_dependency_by_name(client):
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 200, body
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())
    if FULL_STACK:
        assert body["checks"]["database"]["detail"] == "postgresql"
        assert body["checks"]["cache"]["detail"] == "ValkeyCache"


@pytest.mark.django_db
@override_settings(
    CELERY_TASK_ALWAYS_EAGER=False, CELERY_BROKER_URL="amqp://guest:guest@127.0.0.1:1//"
)
def test_readyz_is_503_and_names_the_broker_when_it_is_unreachable(client):
    response = client.get("/readyz")
    body = response.json()
    assert response.status_code == 503
    assert body["status"] == "not_ready"
    assert body["checks"]["broker"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


@pytest.mark.django_db
@override_settings(
    CACHES={
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
)
def test_readyz_is_503_and_names_the_cache_when_it_is_unreachable(client):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False
