"""Log in through allauth's form with urllib and return the Cookie header value."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.parse
import urllib.request


def login(host: str, email: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{host}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not token:
        raise RuntimeError(f"{host}/accounts/login/ has no login form")
    form = urllib.parse.urlencode(
        {"login": email, "password": password, "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    opener.open(
        urllib.request.Request(
            f"{host}/accounts/login/", data=form, headers={"Referer": f"{host}/accounts/login/"}
        )
    )
    cookies = {c.name: c.value for c in jar}
    if "sessionid" not in cookies:
        raise RuntimeError(f"login as {email} failed at {host}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())
