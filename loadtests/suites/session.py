"""A logged-in user of the product: signs in through allauth's form like a browser does."""

from __future__ import annotations

import http.cookiejar
import itertools
import json
import os
import random
import re
import secrets
import string
import urllib.parse

from locust import FastHttpUser

_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_STATIC = re.compile(r'(?:href|src)="(/static/[^"]+\.[0-9a-f]{12}\.(?:css|js))"')
_accounts = itertools.count()


def _sessions() -> list[str]:
    path = os.environ.get("LOADTEST_SESSIONS", "")
    return json.loads(open(path).read()) if path else []


SESSIONS = _sessions()


def cookie(host: str, name: str, value: str) -> http.cookiejar.Cookie:
    domain = urllib.parse.urlsplit(host).hostname or ""
    fields = dict(
        version=0,
        name=name,
        value=value,
        port=None,
        port_specified=False,
        domain=domain,
        domain_specified=False,
        domain_initial_dot=False,
        path="/",
        path_specified=True,
        secure=False,
        expires=None,
        discard=False,
        comment=None,
        comment_url=None,
        rest={},
    )
    return http.cookiejar.Cookie(**fields)  # type: ignore[arg-type]


def account(index: int) -> tuple[str, str]:
    """The index-th seeded account (manage.py seed_loadtest), round robin over them."""
    count = int(os.environ.get("LOADTEST_ACCOUNTS", "1"))
    prefix = os.environ.get("LOADTEST_ACCOUNT_PREFIX", "loadtest")
    return f"{prefix}-{index % count}@example.com", os.environ.get("LOADTEST_PASSWORD", "")


class LoggedInUser(FastHttpUser):
    abstract = True
    csrf = ""
    static_url = ""

    form_login = False  # the login suite signs in through the form every time
    ids_wanted = 0  # how many of the user's task ids to fetch on start

    def on_start(self) -> None:
        index = next(_accounts)
        self.email, self.password = account(index)
        self.rng = random.Random()
        if SESSIONS and not self.form_login:
            self.resume(SESSIONS[index % len(SESSIONS)])
        else:
            self.login()
        self.own_tasks = self.my_tasks(self.ids_wanted) if self.ids_wanted else []
        self.ids = [t["id"] for t in self.own_tasks]

    def send(self, method: str, url: str, name: str, expect: int = 200, **kwargs) -> dict | None:
        """One request; a failure unless the status is `expect`; the envelope's data."""
        if method != "GET":
            kwargs["headers"] = self.api_headers()
        with self.client.request(method, url, name=name, catch_response=True, **kwargs) as r:
            if r.status_code != expect:
                r.failure(f"status {r.status_code}")
                return None
            return r.json().get("data") if "json" in (r.headers.get("Content-Type") or "") else {}

    def resume(self, session_key: str) -> None:
        """Start signed in, as a returning user does (allauth rate-limits form logins per IP,
        and every simulated user comes from 127.0.0.1). The CSRF cookie is the client's own
        (Django accepts any well-formed secret that matches the header)."""
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.client.cookiejar.set_cookie(cookie(self.host, "sessionid", session_key))
        self.client.cookiejar.set_cookie(cookie(self.host, "csrftoken", self.csrf))
        with self.client.get("/", name="home", catch_response=True) as r:
            static = _STATIC.search(r.text or "")
            self.static_url = static.group(1) if static else ""

    def login(self) -> None:
        self.client.cookiejar.clear()
        with self.client.get("/accounts/login/", name="login page", catch_response=True) as r:
            found = _CSRF_INPUT.search(r.text or "")
            if r.status_code != 200 or not found:
                r.failure(f"no login form (status {r.status_code})")
                return
            static = _STATIC.search(r.text or "")
            self.static_url = static.group(1) if static else ""
        with self.client.post(
            "/accounts/login/",
            data={
                "login": self.email,
                "password": self.password,
                "csrfmiddlewaretoken": found.group(1),
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            location = r.headers.get("Location", "") if r.headers else ""
            if r.status_code != 302 or "/accounts/" in location:
                r.failure(f"login as {self.email} failed (status {r.status_code}, to {location!r})")
                return
        self.csrf = next((c.value for c in self.client.cookiejar if c.name == "csrftoken"), "")

    def api_headers(self) -> dict[str, str]:
        return {"X-CSRFToken": self.csrf or "", "Referer": f"{self.host}/"}

    def my_tasks(self, page_size: int = 100) -> list[dict]:
        """The first page of the user's own tasks (for ids and the vocabulary)."""
        with self.client.get(
            f"/api/v1/tasks/?page_size={page_size}", name="api list (setup)", catch_response=True
        ) as r:
            if r.status_code != 200:
                r.failure(f"status {r.status_code}")
                return []
            return r.json()["data"]
