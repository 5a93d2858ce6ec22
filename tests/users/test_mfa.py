"""MFA with allauth's mfa app: activate TOTP, then log in with a code or a recovery code."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

pytestmark = pytest.mark.django_db


def current_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


def activate_totp(client, user) -> str:
    client.post("/accounts/login/", {"login": user.email, "password": "correct horse battery"})
    # Changing security settings asks for the password again (allauth's reauthentication).
    assert client.get("/accounts/2fa/totp/activate/").status_code == 302
    client.post("/accounts/reauthenticate/", {"password": "correct horse battery"})
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post("/accounts/2fa/totp/activate/", {"code": current_code(secret)})
    assert response.status_code == 302, response.content
    return secret


def test_totp_activation_then_login_needs_a_code(client, user):
    secret = activate_totp(client, user)
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
    client.post("/accounts/logout/")

    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "correct horse battery"}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/tasks/").status_code == 302  # password alone is not enough

    wrong = client.post("/accounts/2fa/authenticate/", {"code": "000000"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    # A fresh code (the wrong attempt did not burn it).
    response = client.post("/accounts/2fa/authenticate/", {"code": current_code(secret)})
    assert response.status_code == 302
    assert client.get("/tasks/").status_code == 200


def test_a_recovery_code_logs_in_once(client, user):
    activate_totp(client, user)
    codes = (
        Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
        .wrap()
        .get_unused_codes()
    )
    assert len(codes) >= 8
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"login": user.email, "password": "correct horse battery"})
    assert client.post("/accounts/2fa/authenticate/", {"code": codes[0]}).status_code == 302
    client.post("/accounts/logout/")
    client.post("/accounts/login/", {"login": user.email, "password": "correct horse battery"})
    reused = client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert reused.status_code == 200 and reused.context["form"].errors
