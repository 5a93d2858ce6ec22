"""Only canonical page numbers and sizes are cached: any other spelling, or a value the
paginator clamps anyway, is answered for its request alone, so one user cannot fill the cache
with keys of their own making."""

import pytest
from django.test import RequestFactory
from rest_framework.request import Request

from app.core.api.pagination import EnvelopePageNumberPagination
from app.tasks.api.list_cache import cacheable
from app.tasks.cached_pages import page_number

MAX_SIZE = EnvelopePageNumberPagination.max_page_size


@pytest.mark.parametrize(("query", "expected"), [("", 1), ("page=1", 1), ("page=999", 999)])
def test_a_canonical_page_number_of_at_most_three_digits_is_cached(query, expected):
    assert page_number(RequestFactory().get(f"/tasks/?{query}")) == expected


@pytest.mark.parametrize("page", ["1000", "999999", "0", "01", "007", "+1", "", "1.0"])
def test_other_page_numbers_are_rendered_uncached(page):
    assert page_number(RequestFactory().get(f"/tasks/?page={page}")) is None


def api_request(query: str) -> Request:
    return Request(RequestFactory().get(f"/api/v1/tasks/?{query}"))


@pytest.mark.parametrize(
    "query",
    ["", "page=1", "page=999", "page_size=1", f"page_size={MAX_SIZE}", "page=2&page_size=5"],
)
def test_canonical_api_pages_are_cached(query):
    assert cacheable(api_request(query))


@pytest.mark.parametrize(
    "query",
    [
        "page=1000",
        "page=999999",
        "page=01",
        "page=0",
        f"page_size={MAX_SIZE + 1}",
        "page_size=999999",
        "page_size=0",
        "page_size=025",
        "page=1&page=1",
    ],
)
def test_other_api_pages_are_served_uncached(query):
    assert not cacheable(api_request(query))
