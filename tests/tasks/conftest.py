"""Fixtures of the tasks tests."""

import pytest
from django.core.cache import cache


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as it runs outside a test's transaction: its on-commit invalidation too."""

    def run(write, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(**kwargs)

    return run


@pytest.fixture
def cache_calls(monkeypatch):
    """Every read the request makes of the cache, by method (not the gets a local-memory
    cache's get_many makes inside itself)."""
    calls: list[str] = []
    depth = [0]
    for name in ("get", "get_many"):
        method = getattr(cache, name)

        def counted(*args, _method=method, _name=name, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _method(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(cache, name, counted)
    return calls
