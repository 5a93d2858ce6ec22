"""Fixtures for the browser tests (marked `browser`): a Granian ASGI server, Chromium, pages."""

import os
import re

import pytest
from django.conf import settings
from django.test import Client

from tests.frontend.browser import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, AsgiServer, chromium_missing


def pytest_collection_modifyitems(config, items):
    reason = chromium_missing()
    if not reason:
        return
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture(scope="module")
def asgi_server(django_db_setup, django_db_blocker, tmp_path_factory):
    server = AsgiServer(tmp_path_factory.mktemp("mail"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread while it is open, so it
    # is opened per module and closed after it; the ORM calls the tests make between browser
    # steps are plain blocking ones, so Django's async guard is relaxed only meanwhile.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def new_page(request, chromium, asgi_server, transactional_db):
    """Opens pages in fresh browser contexts (each its own cookies); screenshots on failure."""
    contexts = []

    def _new(user=None, javascript: bool = True):
        context = chromium.new_context(base_url=asgi_server.url, java_script_enabled=javascript)
        context.set_default_timeout(10_000)
        if user is not None:
            client = Client()
            client.force_login(user)
            cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": asgi_server.url}]
            )
        contexts.append(context)
        return context.new_page()

    yield _new
    failed = getattr(request.node, "browser_failed", False)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name)
    for index, context in enumerate(contexts):
        for page_index, page in enumerate(context.pages):
            suffix = f"{name}-{index}-{page_index}"
            path = ARTIFACTS / (f"FAILED-{suffix}.png" if failed else f"{suffix}.png")
            try:
                page.screenshot(path=str(path), full_page=True)
                if failed:
                    print(f"\nbrowser screenshot of the failure: {path}")
            except Exception as exc:  # a failed screenshot must not hide the failure
                print(f"\nno screenshot for {suffix}: {exc}")
        context.close()
