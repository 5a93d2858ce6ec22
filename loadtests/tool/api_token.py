"""Sign in as an API client (allauth headless, app client) and return an access token."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

LOGIN = "/_allauth/app/v1/auth/login"


def access_token(host: str, email: str, password: str) -> str | None:
    """A Bearer access token (valid 5 minutes), or None when the target serves no token login
    (JWT_PRIVATE_KEY unset there)."""
    request = urllib.request.Request(
        host + LOGIN,
        data=json.dumps({"email": email, "password": password}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["meta"]["access_token"]
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return None
        raise RuntimeError(f"token sign-in as {email} failed at {host}: HTTP {exc.code}") from exc
