"""In a real browser (Debian's Chromium): sign up, open the caught mail in the development
inbox, follow its link and land signed in. The mail really travels: the queue, SMTP, and the
catcher `python3 quickstart.py` starts (quickstart.start_mail_catcher)."""

import re

import pytest
from playwright.sync_api import expect

import quickstart
from tests.frontend.browser import AsgiServer

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "a long enough pass phrase 42"


@pytest.fixture(scope="module")
def asgi_server(django_db_setup, django_db_blocker, tmp_path_factory):
    """The app with the mail catcher, as the Quick start serves it."""
    inbox = tmp_path_factory.mktemp("caught")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("MAILCATCHER_DIR", str(inbox))
    monkeypatch.delenv("EMAIL_URL", raising=False)
    catcher, mail_env = quickstart.start_mail_catcher()
    assert catcher is not None and mail_env["EMAIL_URL"].startswith("smtp://127.0.0.1:")
    server = AsgiServer(
        inbox,
        DJANGO_SETTINGS_MODULE="tests.email.browser_settings",
        MAILCATCHER_DIR=str(inbox),
        **mail_env,
    )
    yield server
    server.stop()
    catcher.terminate()
    catcher.wait(10)
    monkeypatch.undo()


def test_sign_up_open_the_caught_mail_follow_the_link_and_land_signed_in(new_page):
    page = new_page()
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("caught@example.com")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again):").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()

    page.goto("/_dev/mail/")
    expect(page.get_by_role("heading", name="Caught mail")).to_be_visible()
    page.get_by_role("link", name=re.compile("Confirm Your Email Address")).first.click()
    expect(page.get_by_text("caught@example.com").first).to_be_visible()
    page.locator("[data-mail-text] a[href*='/accounts/confirm-email/']").click()
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/tasks/$"))
    expect(page.get_by_role("heading", name="Your tasks")).to_be_visible()
    expect(page.get_by_role("link", name="caught@example.com")).to_be_visible()
