"""Search as you type, in a real browser: results arrive without submitting, highlighted."""

import pytest
from playwright.sync_api import expect

from app.tasks import services
from tests.conftest import make_user
from tests.frontend.test_browser import mark_page, still_same_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_search_as_you_type_highlights_the_match(new_page):
    user = make_user("searcher@example.com")
    services.task_create(owner=user, title="Renew the parking permit", description="city hall")
    services.task_create(owner=user, title="Water the plants")
    page = new_page(user)
    page.goto("/search/")
    mark_page(page)
    page.get_by_role("searchbox", name="Search").press_sequentially("parking", delay=40)
    results = page.locator("#search-results")
    expect(results.locator("mark")).to_have_text("parking")
    expect(results).to_contain_text("Renew the parking permit")
    expect(results).not_to_contain_text("Water the plants")
    expect(page.get_by_role("status")).to_have_text("1 result")
    assert still_same_page(page) and page.url.endswith("/search/?q=parking")
