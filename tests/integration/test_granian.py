"""Granian (WSGI, as `just serve` runs it) serving real HTTP: health, static, a session login
and an API call in the envelope."""

import http.cookiejar
import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.conftest import make_user
from tests.integration.processes import start_granian_wsgi, stop

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def granian():
    proc, base = start_granian_wsgi(WHITENOISE_USE_FINDERS="true")
    yield base
    stop(proc)


def test_granian_serves_health_readiness_and_static(granian):
    with urllib.request.urlopen(f"{granian}/healthz") as response:  # noqa: S310
        assert json.load(response) == {"status": "ok"}
        assert len(response.headers["X-Request-ID"]) == 32
    with urllib.request.urlopen(f"{granian}/readyz") as response:  # noqa: S310
        checks = json.load(response)["checks"]
        assert all(c["ok"] for c in checks.values()), checks
    with urllib.request.urlopen(f"{granian}/static/admin/css/base.css") as response:  # noqa: S310
        assert response.status == 200 and b"body" in response.read()


def test_granian_session_login_then_api_in_the_envelope(granian, make_task):
    user = make_user("granian@example.com")
    make_task(user, title="Served by Granian")
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{granian}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode(
        {"login": user.email, "password": "correct horse battery", "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(  # noqa: S310
        f"{granian}/accounts/login/", data=form, headers={"Referer": f"{granian}/accounts/login/"}
    )
    opener.open(request)
    with opener.open(f"{granian}/api/v1/tasks/") as response:
        body = json.load(response)
    assert [t["title"] for t in body["data"]] == ["Served by Granian"]
    assert body["error"] is None and body["meta"]["pagination"]["count"] == 1


def test_granian_answers_unauthenticated_api_calls_with_an_error_envelope(granian):
    with pytest.raises(urllib.error.HTTPError) as exc:
        urllib.request.urlopen(f"{granian}/api/v1/tasks/")  # noqa: S310
    assert exc.value.code == 401
    assert json.load(exc.value)["error"]["code"] == "not_authenticated"
