"""API tokens: an app client signs in through allauth's headless flow and calls /api/v1 with a
Bearer access token; refresh tokens rotate and die with the session."""

import time

import jwt
import pytest
from allauth.headless.tokens.strategies.jwt import internal
from rest_framework.test import APIClient

from app.settings.parts.api_tokens import new_private_key, private_key_from_env, token_settings

LOGIN = "/_allauth/app/v1/auth/login"
REFRESH = "/_allauth/app/v1/tokens/refresh"
SESSION = "/_allauth/app/v1/auth/session"


def sign_in(email="alice@example.com", password="correct horse battery"):
    response = APIClient().post(LOGIN, {"email": email, "password": password}, format="json")
    assert response.status_code == 200, response.content
    meta = response.json()["meta"]
    return meta["access_token"], meta["refresh_token"], meta["session_token"]


def bearer(token: str) -> APIClient:
    client = APIClient(enforce_csrf_checks=True)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_an_access_token_reads_only_its_owners_tasks(user, other_user, make_task):
    mine = make_task(user, title="mine")
    theirs = make_task(other_user, title="theirs")
    access, _, _ = sign_in()
    client = bearer(access)
    listed = client.get("/api/v1/tasks/")
    assert listed.status_code == 200
    assert [t["title"] for t in listed.json()["data"]] == ["mine"]
    assert client.get(f"/api/v1/tasks/{mine.id}").json()["data"]["title"] == "mine"
    assert client.get(f"/api/v1/tasks/{theirs.id}").status_code == 404


def test_a_bearer_write_needs_no_csrf_token(user):
    access, _, _ = sign_in()
    response = bearer(access).post("/api/v1/tasks/", {"title": "from an app"}, format="json")
    assert response.status_code == 201, response.content
    assert user.tasks.get().title == "from an app"


def test_the_token_is_rs256_and_named_by_the_published_key(user, client):
    access, _, _ = sign_in()
    header = jwt.get_unverified_header(access)
    assert header["alg"] == "RS256"
    keys = client.get("/.well-known/jwks.json").json()["keys"]
    assert [k["kid"] for k in keys] == [header["kid"]]
    assert "d" not in keys[0]  # the public half only
    public = jwt.PyJWK(keys[0]).key
    claims = jwt.decode(access, public, algorithms=["RS256"])
    assert claims["sub"] == str(user.pk)
    assert claims["token_use"] == "access"
    assert claims["exp"] - claims["iat"] == 300


@pytest.mark.parametrize(
    "header",
    [
        "Bearer not-a-token",
        "Bearer " + jwt.encode({"sub": "x"}, "a guessed secret of 32 bytes or more", "HS256"),
        "Bearer two parts",
        "Bearer",
    ],
)
def test_a_bad_token_is_refused_with_a_message(db, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    response = client.get("/api/v1/tasks/")
    assert response.status_code == 401
    body = response.json()
    assert body["data"] is None
    assert body["error"]["message"]


def test_a_token_signed_by_another_key_is_refused(user, settings):
    access, _, _ = sign_in()
    for name, value in token_settings(new_private_key()).items():
        setattr(settings, name, value)
    internal._get_jwt_config_cached.cache_clear()
    try:
        response = bearer(access).get("/api/v1/tasks/")
    finally:
        internal._get_jwt_config_cached.cache_clear()
    assert response.status_code == 401
    assert "invalid or has expired" in response.json()["error"]["message"]


def test_an_expired_token_is_refused(user, settings):
    settings.HEADLESS_JWT_ACCESS_TOKEN_EXPIRES_IN = -1  # issued already expired
    access, _, _ = sign_in()
    response = bearer(access).get("/api/v1/tasks/")
    assert response.status_code == 401  # so a client refreshes, rather than reads "forbidden"
    assert response["WWW-Authenticate"] == "Bearer"
    assert "expired" in response.json()["error"]["message"]


def test_a_token_accepted_before_is_refused_once_it_expires(user, monkeypatch):
    """Each process remembers the tokens it verified; expiry is still checked every time."""
    from app.users.api import authentication

    access, _, _ = sign_in()
    assert bearer(access).get("/api/v1/tasks/").status_code == 200  # verified and remembered
    real_time = time.time
    monkeypatch.setattr(authentication.time, "time", lambda: real_time() + 301)
    response = bearer(access).get("/api/v1/tasks/")
    assert response.status_code == 401
    assert "expired" in response.json()["error"]["message"]


def test_a_refused_token_is_not_remembered(user):
    from app.users.api import authentication

    authentication._verified.cache_clear()
    assert bearer("junk").get("/api/v1/tasks/").status_code == 401
    access, _, _ = sign_in()
    assert bearer(access).get("/api/v1/tasks/").status_code == 200
    assert authentication._verified.cache_info().currsize == 1  # the good one only


def test_bearer_calls_log_the_user_as_actor(user, monkeypatch):
    """Log lines inside the view carry the token's user (the actor middleware ran too early)."""
    from app.core import context
    from app.tasks.api import views

    seen = []
    real = views.selectors.task_summary

    def summary(**kwargs):
        seen.append(context.actor.get())
        return real(**kwargs)

    monkeypatch.setattr(views.selectors, "task_summary", summary)
    access, _, _ = sign_in()
    assert bearer(access).get("/api/v1/tasks/summary").status_code == 200
    assert seen == [f"user:{user.pk}"]


def test_a_deactivated_account_is_refused_at_once(user):
    access, _, _ = sign_in()
    assert bearer(access).get("/api/v1/tasks/").status_code == 200
    user.is_active = False
    user.save()
    response = bearer(access).get("/api/v1/tasks/")
    assert response.status_code == 401
    assert "inactive" in response.json()["error"]["message"]


def test_a_refresh_token_is_used_once_and_gives_a_working_pair(user):
    _, refresh, _ = sign_in()
    client = APIClient()
    first = client.post(REFRESH, {"refresh_token": refresh}, format="json")
    assert first.status_code == 200, first.content
    data = first.json()["data"]
    assert bearer(data["access_token"]).get("/api/v1/tasks/").status_code == 200
    again = client.post(REFRESH, {"refresh_token": refresh}, format="json")
    assert again.status_code == 400  # rotated: the old one is spent
    chained = client.post(REFRESH, {"refresh_token": data["refresh_token"]}, format="json")
    assert chained.status_code == 200


def test_signing_out_revokes_the_refresh_token(user):
    _, refresh, session_token = sign_in()
    out = APIClient().delete(SESSION, HTTP_X_SESSION_TOKEN=session_token)
    assert out.status_code == 401  # allauth's answer to a signed-out session
    response = APIClient().post(REFRESH, {"refresh_token": refresh}, format="json")
    assert response.status_code == 400


def test_a_wrong_password_gets_no_token(user):
    response = APIClient().post(
        LOGIN, {"email": "alice@example.com", "password": "wrong"}, format="json"
    )
    assert response.status_code == 400
    assert "access_token" not in str(response.content)


def test_without_a_signing_key_a_bearer_token_is_refused_by_name(user, settings):
    access, _, _ = sign_in()
    settings.HEADLESS_JWT_PRIVATE_KEY = ""
    response = bearer(access).get("/api/v1/tasks/")
    assert response.status_code == 401
    assert "JWT_PRIVATE_KEY is not set" in response.json()["error"]["message"]


def test_a_browser_session_still_works_beside_tokens(api):
    assert api.get("/api/v1/tasks/").status_code == 200


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("not a key", "not an unencrypted PEM private key"),
        (
            "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----",
            "not an unencrypted PEM private key",
        ),
    ],
)
def test_a_malformed_signing_key_stops_the_settings_by_name(value, problem):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured, match=problem):
        private_key_from_env({"JWT_PRIVATE_KEY": value})


def test_a_small_or_non_rsa_key_is_refused():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    from django.core.exceptions import ImproperlyConfigured

    def pem(key):
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode()

    with pytest.raises(ImproperlyConfigured, match="1024 bits; use 2048"):
        weak = rsa.generate_private_key(65537, 1024)  # noqa: S505  (the point of the test)
        private_key_from_env({"JWT_PRIVATE_KEY": pem(weak)})
    with pytest.raises(ImproperlyConfigured, match="must be an RSA key"):
        private_key_from_env({"JWT_PRIVATE_KEY": pem(ec.generate_private_key(ec.SECP256R1()))})


def test_a_one_line_key_with_escaped_newlines_is_accepted():
    key = new_private_key()
    assert private_key_from_env({"JWT_PRIVATE_KEY": key.replace("\n", "\\n")}) == key.strip()
