"""The first Quick start command's setup: an admin created once (password shown once, kept in a
private file), demo data loaded once."""

import stat
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from app.tasks.models import Task
from app.users.models import User

pytestmark = pytest.mark.django_db


def ensure_admin(tmp_path) -> str:
    out = StringIO()
    call_command("ensure_admin", credentials_file=str(tmp_path / "creds"), stdout=out)
    return out.getvalue()


def test_admin_password_is_printed_once_and_kept_privately(tmp_path):
    first = ensure_admin(tmp_path)
    creds = (tmp_path / "creds").read_text()
    password = creds.split("password=")[1].strip()
    assert password in first
    assert stat.S_IMODE((tmp_path / "creds").stat().st_mode) == 0o600
    admin = User.objects.get(email="admin@example.com")
    assert admin.is_superuser and admin.check_password(password)

    second = ensure_admin(tmp_path)
    assert password not in second and str(tmp_path / "creds") in second
    assert User.objects.filter(is_superuser=True).count() == 1


def test_ensure_admin_rejects_a_bad_email(tmp_path):
    with pytest.raises(CommandError, match="not a valid email"):
        call_command("ensure_admin", email="nope", credentials_file=str(tmp_path / "c"))
    assert not (tmp_path / "c").exists()


def test_setup_embedded_loads_demo_data_once(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    call_command("setup_embedded", stdout=StringIO())
    count = Task.objects.count()
    assert count >= 5
    call_command("setup_embedded", stdout=StringIO())
    assert Task.objects.count() == count


def test_seed_demo_needs_an_existing_user():
    with pytest.raises(CommandError, match="run ensure_admin first"):
        call_command("seed_demo", email="ghost@example.com")
