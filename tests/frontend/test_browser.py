"""In a real browser (headless Chromium): sign up, log in, create and edit inline, change a
status, see a change from another browser arrive live, and use the pages with JS off."""

import re

import pytest
from playwright.sync_api import expect

from app.tasks.models import Task
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PASSWORD = "a long enough pass phrase 42"


def mark_page(page) -> None:
    """A flag that a full page load would wipe: checks that Turbo updated in place."""
    page.evaluate("window.__stillHere = true")


def still_same_page(page) -> bool:
    return page.evaluate("window.__stillHere === true")


def test_sign_up_confirm_email_and_log_in(new_page, asgi_server):
    page = new_page()
    page.goto("/accounts/signup/")
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again):").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page.get_by_role("heading", name="Verify Your Email Address")).to_be_visible()

    mail = "\n".join(asgi_server.mails())
    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+", mail)
    assert link, f"no confirmation link was mailed: {mail[-500:]}"
    page.goto(link.group(0))
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/tasks/$"))
    expect(page.get_by_role("heading", name="Your tasks")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Log in")).to_be_visible()
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("newcomer@example.com")
    page.get_by_label("Password").fill("wrong password entirely")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_text("not correct")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="Your tasks")).to_be_visible()
    expect(page.get_by_role("link", name="newcomer@example.com")).to_be_visible()


def test_create_edit_and_change_status_inline(new_page):
    user = make_user("inline@example.com")
    page = new_page(user)
    page.goto("/tasks/")
    mark_page(page)

    page.get_by_role("link", name="New task").click()
    form = page.locator("turbo-frame#new_task form")
    expect(form).to_be_visible()
    expect(form.get_by_label("Title")).to_be_focused()  # keyboard users land in the form
    form.get_by_role("button", name="Save").click()
    expect(form.locator(".errorlist")).to_contain_text("required")

    form.get_by_label("Title").fill("Buy oat milk")
    form.get_by_role("button", name="Save").click()
    row = page.locator("#task_rows li", has_text="Buy oat milk")
    expect(row).to_be_visible()
    expect(page.locator("#task_summary")).to_contain_text("1 total")
    expect(page.locator("#toasts")).to_contain_text("Created “Buy oat milk”.")
    expect(page.get_by_role("link", name="New task")).to_be_visible()
    assert still_same_page(page) and page.url.endswith("/tasks/")

    task = Task.objects.get(owner=user)
    frame = page.locator(f"turbo-frame#task_{task.id}")
    frame.get_by_role("link", name=re.compile("^Edit")).click()
    frame.get_by_label("Title").fill("Buy oat milk and bread")
    frame.get_by_role("button", name="Save").click()
    expect(frame.get_by_role("link", name="Buy oat milk and bread", exact=True)).to_be_visible()

    frame.get_by_label(re.compile("^Status of")).select_option("done")
    expect(page.locator("#task_summary")).to_contain_text("1 done")
    assert still_same_page(page)
    task.refresh_from_db()
    assert task.title == "Buy oat milk and bread" and task.status == "done"


def test_a_change_in_another_browser_arrives_live(new_page):
    user = make_user("live@example.com")
    task = Task.objects.create(owner=user, title="Before")
    watcher = new_page(user)
    watcher.goto("/tasks/")
    expect(watcher.locator("#live")).to_have_attribute("data-live-state", "open")
    mark_page(watcher)

    editor = new_page(user)  # a second context: its own cookies, its own session
    editor.goto(f"/tasks/{task.id}/edit/")
    editor.get_by_label("Title").fill("After, from elsewhere")
    editor.get_by_role("button", name="Save").click()
    expect(editor.get_by_role("heading", name="After, from elsewhere")).to_be_visible()

    row = watcher.locator(f"turbo-frame#task_{task.id}")
    expect(row).to_contain_text("After, from elsewhere")
    # The streamed row was rendered without a request (no CSRF field): its form still submits,
    # Turbo sending the token as a header.
    row.get_by_label(re.compile("^Status of")).select_option("done")
    expect(watcher.locator("#task_summary")).to_contain_text("1 done")
    editor.goto("/tasks/")
    editor.get_by_role("link", name="New task").click()
    editor.locator("turbo-frame#new_task").get_by_label("Title").fill("Born elsewhere")
    editor.locator("turbo-frame#new_task").get_by_role("button", name="Save").click()
    expect(watcher.locator("#task_rows")).to_contain_text("Born elsewhere")
    expect(watcher.locator("#task_summary")).to_contain_text("2 total")
    task.refresh_from_db()
    assert task.status == "done"
    assert still_same_page(watcher)


def test_pages_work_with_javascript_off(new_page):
    user = make_user("nojs@example.com")
    page = new_page(user, javascript=False)
    page.goto("/tasks/")
    page.get_by_role("link", name="New task").click()
    expect(page).to_have_url(re.compile(r"/tasks/new/$"))
    page.get_by_label("Title").fill("Plain HTML")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Plain HTML")).to_be_visible()
    page.get_by_label(re.compile("^Status of")).select_option("in_progress")
    page.get_by_role("button", name="Update").click()
    expect(page.get_by_text("In progress").first).to_be_visible()
    assert Task.objects.get(owner=user).status == "in_progress"
