"""GET /api/v1/search: envelope, scoping, cursor paging, the cache path and bad input."""

import pytest
from django.db import connection

from app.search.caching import index_version
from app.tasks import services
from app.tasks.models import Task

URL = "/api/v1/search"


@pytest.fixture
def invoices(user, other_user, make_task):
    make_task(user, title="Pay overdue invoice", description="ACME invoice is <b>overdue</b>")
    make_task(user, title="Groceries", description="milk, eggs; keep the invoice")
    make_task(user, title="Call Bob", description="about the quarterly report")
    make_task(other_user, title="Bob's invoice", description="someone else's overdue invoice")


def test_results_in_the_envelope(api, invoices):
    body = api.get(URL, {"q": "overdue invoice"}).json()
    assert body["error"] is None and body["meta"]["request_id"]
    titles = [hit["object"]["title"] for hit in body["data"]]
    assert titles == ["Pay overdue invoice", "Groceries"]  # only the user's own, best first
    first = body["data"][0]
    assert first["score"] > body["data"][1]["score"]
    assert "<mark>overdue</mark>" in first["snippet"] and "&lt;b&gt;" in first["snippet"]
    assert body["meta"]["search"]["backend"] in ("sqlite", "postgres", "paradedb")


def test_phrase_exclusion_and_filter(api, invoices):
    assert [
        h["object"]["title"] for h in api.get(URL, {"q": '"overdue invoice"'}).json()["data"]
    ] == ["Pay overdue invoice"]  # in that order, in one field
    assert api.get(URL, {"q": '"invoice overdue"'}).json()["data"] == []
    assert [h["object"]["title"] for h in api.get(URL, {"q": "invoice -acme"}).json()["data"]] == [
        "Groceries"
    ]
    assert api.get(URL, {"q": "invoice", "status": "done"}).json()["data"] == []


def test_cursor_pages_through_results(api, user, make_task):
    for i in range(5):
        make_task(user, title=f"Invoice {i}", description="invoice " * i)
    first = api.get(URL, {"q": "invoice", "limit": 2}).json()
    cursor = first["meta"]["search"]["next_cursor"]
    second = api.get(URL, {"q": "invoice", "limit": 2, "cursor": cursor}).json()
    ids = [h["id"] for h in first["data"] + second["data"]]
    assert len(set(ids)) == 4
    other = api.get(URL, {"q": "groceries", "limit": 2, "cursor": cursor})
    assert other.status_code == 400 and "cursor" in other.json()["error"]["details"]


def test_a_write_is_visible_to_the_next_search(api, user, invoices):
    assert len(api.get(URL, {"q": "invoice"}).json()["data"]) == 2
    before = index_version(Task.search.spec, user.pk)
    task = services.task_create(owner=user, title="Another invoice")
    assert len(api.get(URL, {"q": "invoice"}).json()["data"]) == 3
    services.task_delete(task=task)
    assert len(api.get(URL, {"q": "invoice"}).json()["data"]) == 2
    with connection.cursor() as cursor:  # raw SQL bumps the version too (a trigger does it)
        cursor.execute("UPDATE tasks_task SET status = 'done' WHERE owner_id = %s", [user.pk])
    assert index_version(Task.search.spec, user.pk) > before
    assert api.get(URL, {"q": "invoice", "status": "todo"}).json()["data"] == []


def test_repeated_search_is_served_from_cache(api, invoices, django_assert_max_num_queries):
    api.get(URL, {"q": "overdue invoice"})
    # The second time: session + user + the version lookup; no search, no object fetch.
    with django_assert_max_num_queries(3):
        api.get(URL, {"q": "overdue   INVOICE"})  # normalized to the same key


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "   \t "}, "q"),
        ({"q": "x" * 10_000}, "q"),
        ({"q": "bad\x00byte"}, "q"),
        ({"q": " ".join(f"w{i}" for i in range(40))}, "q"),
        ({"q": "a", "limit": "-1"}, "limit"),
        ({"q": "a", "limit": "100000"}, "limit"),
        ({"q": "a", "limit": "ten"}, "limit"),
        ({"q": "a", "cursor": "forged"}, "cursor"),
        ({"q": "a", "owner": "2"}, "owner"),
        ({"q": "a", "title": "x"}, "title"),
        ({"q": "a", "status": "nope"}, "status"),
        ({"q": "a", "index": "users.user"}, "index"),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter(api, params, field):
    response = api.get(URL, params)
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "validation_error" and field in error["details"]


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced quote',
        "-",
        '""',
        "- - -",
        '-"',
        "'; DROP TABLE tasks_task; --",
        "a OR b AND NOT c NEAR(d)",
        "%_\\",
        "ü ß 東京",
        "*",
        "title:x",
    ],
)
def test_odd_queries_are_safe(api, invoices, q):
    response = api.get(URL, {"q": q})
    assert response.status_code == 200, response.content
    assert isinstance(response.json()["data"], list)
    assert Task.objects.count() == 4  # nothing was dropped or changed


def test_anonymous_is_refused(client):
    assert client.get(URL, {"q": "x"}).status_code in (401, 403)


def test_a_backend_timeout_is_a_503_in_the_envelope(api, monkeypatch):
    from app.search import manager
    from app.search.backends import SearchTimeout

    class Slow:
        name = "slow"

        def search(self, req):
            raise SearchTimeout

    monkeypatch.setattr(manager, "get_backend", lambda using: Slow())
    response = api.get(URL, {"q": "anything"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_timeout"
