"""The request kinds measured: each a cycle of requests as the load test's suites send them
(loadtests/suites/cache.py, api.py, search.py; tool/capacity.py for the Bearer read)."""

from __future__ import annotations

import itertools
import json
import re
import secrets
import string
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from loadtests.profiling.stack import Corpus
from loadtests.profiling.wsgi import Request, Response, WsgiApp, call

LOGIN = "/_allauth/app/v1/auth/login"
_WORD = re.compile(r"[a-z]{3,}")


@dataclass
class Path:
    name: str
    app: WsgiApp
    requests: Iterator[Request]
    check: Callable[[Response], str | None]

    def one(self) -> Response:
        return call(self.app, next(self.requests))


def ok(response: Response) -> str | None:
    return None if response.status == 200 else f"status {response.status}"


def api_ok(response: Response) -> str | None:
    if response.status != 200:
        return f"status {response.status}: {response.body[:200]!r}"
    body = json.loads(response.body)
    if set(body) != {"data", "error", "meta"} or body["data"] is None:
        return f"not the envelope: {response.body[:200]!r}"
    return None


def access_token(app: WsgiApp, corpus: Corpus) -> str:
    """Signs in as an API client does (allauth headless, app client)."""
    body = json.dumps({"email": corpus.email, "password": corpus.password}).encode()
    r = call(app, Request("POST", LOGIN, headers={"Content-Type": "application/json"}, body=body))
    if r.status != 200:
        raise SystemExit(f"token sign-in failed: {r.status} {r.body[:300]!r}")
    return json.loads(r.body)["meta"]["access_token"]


def session_headers(corpus: Corpus) -> dict[str, str]:
    """The load test's returning user: a seeded session and a client-made CSRF cookie."""
    csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    return {"Cookie": f"sessionid={corpus.sessions[0]}; csrftoken={csrf}"}


def queries(app: WsgiApp, headers: dict[str, str]) -> list[str]:
    """Rare and common words, a few words, a phrase: from the user's own tasks."""
    r = call(app, Request("GET", "/api/v1/tasks/", "page_size=100", headers))
    tasks = json.loads(r.body)["data"]
    docs = [f"{t['title']} {t['description']}".lower() for t in tasks]
    df = Counter(w for doc in docs for w in set(_WORD.findall(doc)))
    ranked = [w for w, _ in df.most_common()]
    rare = [w for w in ranked if df[w] <= 2] or ranked[-5:]
    phrase = _WORD.findall(tasks[0]["description"].lower())[:3]
    return [rare[0], ranked[0], rare[1], ranked[1], " ".join(ranked[2:5]), f'"{" ".join(phrase)}"']


def build(app: WsgiApp, anchor: WsgiApp, corpus: Corpus) -> list[Path]:
    from urllib.parse import urlencode

    bearer = {"Authorization": f"Bearer {access_token(app, corpus)}"}
    session = session_headers(corpus)
    r = call(app, Request("GET", "/api/v1/tasks/", "page_size=100", session))
    if r.status != 200:
        raise SystemExit(f"the seeded session is not signed in: {r.status} {r.body[:300]!r}")
    ids = [t["id"] for t in json.loads(r.body)["data"]]
    hot = ids[:10]  # the cache suite's hot set per user

    def each(make: Callable[[str], Request], values: list[str]) -> Iterator[Request]:
        return (make(v) for v in itertools.cycle(values))

    def get(path: str, headers: dict[str, str], query: str = "") -> Request:
        return Request("GET", path, query, headers)

    return [
        Path("anchor", anchor, itertools.repeat(get("/json", {})), ok),
        Path(
            "detail-bearer",
            app,
            each(lambda i: get(f"/api/v1/tasks/{i}", bearer), hot),
            api_ok,
        ),
        Path(
            "detail-session",
            app,
            each(lambda i: get(f"/api/v1/tasks/{i}", session), hot),
            api_ok,
        ),
        Path("summary", app, itertools.repeat(get("/api/v1/tasks/summary", session)), api_ok),
        Path(
            "api-list",
            app,
            each(lambda p: get("/api/v1/tasks/", session, f"page_size=25&page={p}"), list("1234")),
            api_ok,
        ),
        Path("tasks-page", app, itertools.repeat(get("/tasks/", session)), ok),
        Path("task-page", app, each(lambda i: get(f"/tasks/{i}/", session), ids), ok),
        Path(
            "search",
            app,
            each(
                lambda q: get("/api/v1/search", session, urlencode({"q": q, "limit": 10})),
                queries(app, session),
            ),
            api_ok,
        ),
    ]
