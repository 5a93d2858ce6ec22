"""After a SECRET_KEY rotation (the old key in SECRET_KEY_FALLBACKS) the CSRF placeholder
changes: a page cached by a process of the old key must not be served by one of the new, whose
placeholder is not the one in the page (its forms would carry no token: every POST refused)."""

import pytest
from django.conf import settings
from django.test import override_settings

from app.tasks.rows import csrf_placeholder

pytestmark = pytest.mark.django_db


@pytest.fixture
def fresh_placeholder():
    csrf_placeholder.cache_clear()
    yield
    csrf_placeholder.cache_clear()


def test_a_page_cached_before_a_key_rotation_is_not_served_after(
    logged_in, user, make_task, fresh_placeholder
):
    make_task(user, title="Water the plants")
    old_placeholder = csrf_placeholder()
    assert logged_in.get("/tasks/").status_code == 200  # cached with the old placeholder
    csrf_placeholder.cache_clear()  # a new process
    rotated = {"SECRET_KEY": "rotated-" + settings.SECRET_KEY}
    with override_settings(**rotated, SECRET_KEY_FALLBACKS=[settings.SECRET_KEY]):
        assert csrf_placeholder() != old_placeholder
        html = logged_in.get("/tasks/").content.decode()
    assert "Water the plants" in html
    assert old_placeholder not in html
