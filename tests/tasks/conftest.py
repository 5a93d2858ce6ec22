"""Fixtures of the tasks tests."""

import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a write as it runs outside a test's transaction: its on-commit invalidation too."""

    def run(write, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return write(**kwargs)

    return run
