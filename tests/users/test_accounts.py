"""allauth flows end to end through the real views: signup with email verification, login,
logout and password reset."""

import re

import pytest
from django.core import mail

from app.users.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "a-Long-unusual-passphrase-42"


def link_in_last_mail(path_fragment: str) -> str:
    match = re.search(rf"https?://[^/\s]+({re.escape(path_fragment)}[^\s]*)", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(1)


def test_signup_requires_email_verification_then_logs_in(client):
    response = client.post(
        "/accounts/signup/",
        {"email": "new@example.com", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert User.objects.filter(email="new@example.com").exists()
    # Not verified yet: the task pages stay closed.
    assert client.get("/tasks/").status_code == 302

    confirm = link_in_last_mail("/accounts/confirm-email/")
    response = client.post(confirm)
    assert response.status_code == 302
    assert client.get("/tasks/").status_code == 200


def test_signup_rejects_bad_input_by_field(client):
    response = client.post(
        "/accounts/signup/", {"email": "not-an-email", "password1": "short", "password2": "other"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "email" in form.errors
    assert not User.objects.exists()


def test_login_and_logout(client, user):
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert client.get("/tasks/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/tasks/").status_code == 302


def test_wrong_password_is_refused(client, user):
    response = client.post("/accounts/login/", {"login": user.email, "password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get("/tasks/").status_code == 302


def test_password_reset_sets_a_new_password(client, user):
    client.post("/accounts/password/reset/", {"email": user.email})
    reset_url = link_in_last_mail("/accounts/password/reset/key/")
    response = client.get(reset_url)  # allauth swaps the key for a session token and redirects
    form_url = response["Location"] if response.status_code == 302 else reset_url
    response = client.post(form_url, {"password1": PASSWORD, "password2": PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_failed_logins_are_rate_limited(client, user, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "3/m/ip"}
    for _ in range(3):
        client.post("/accounts/login/", {"login": user.email, "password": "nope"})
    # Past the limit even the right password is refused, with a message saying why.
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "correct horse battery"}
    )
    assert response.status_code == 200
    assert "Too many failed login attempts" in str(response.context["form"].errors)
    assert client.get("/tasks/").status_code == 302


def test_custom_user_is_the_auth_user_model():
    from django.contrib.auth import get_user_model

    assert get_user_model() is User
    assert User._meta.db_table == "users_user"
