import pytest
from django.conf import settings
from django.core.cache import cache

from app.core.cache import CacheKind, Generation


def test_get_or_set_computes_once_then_hits():
    kind = CacheKind("demo", ttl=60)
    calls = []
    compute = lambda: calls.append(1) or {"n": len(calls)}  # noqa: E731
    assert kind.get_or_set("a", compute=compute) == {"n": 1}
    assert kind.get_or_set("a", compute=compute) == {"n": 1}
    assert len(calls) == 1


def test_invalidate_forces_a_recompute():
    kind = CacheKind("demo", ttl=60)
    kind.get_or_set("a", compute=lambda: 1)
    kind.invalidate("a")
    assert kind.get_or_set("a", compute=lambda: 2) == 2


def test_a_new_kind_version_never_reads_the_old_value():
    CacheKind("shape", ttl=60, version=1).get_or_set("x", compute=lambda: "old shape")
    assert CacheKind("shape", ttl=60, version=2).get_or_set("x", compute=lambda: "new") == "new"


def test_keys_carry_the_schema_version_of_the_release():
    from django.conf import settings

    CacheKind("k", ttl=60).get_or_set("1", compute=lambda: "v")
    assert cache.get("k:v1:1", version=settings.CACHE_SCHEMA) == "v"
    assert cache.get("k:v1:1", version=settings.CACHE_SCHEMA + 1) is None


def test_generation_bump_changes_the_current_value():
    gen = Generation("g")
    first = gen.current("owner")
    gen.bump("owner")
    assert gen.current("owner") == first + 1
    gen.bump("fresh-scope")
    assert gen.current("fresh-scope") > 1


@pytest.mark.skipif(not settings.VALKEY_URL, reason="needs Valkey/Redis (VALKEY_URL)")
def test_valkey_backend_keeps_one_client_per_pool():
    backend = cache._cache  # type: ignore[attr-defined]
    assert backend.get_client() is backend.get_client()
    cache.set("client-reuse", {"a": 1}, 30)
    assert cache.get("client-reuse") == {"a": 1}
    assert cache.get_many(["client-reuse", "absent"]) == {"client-reuse": {"a": 1}}
