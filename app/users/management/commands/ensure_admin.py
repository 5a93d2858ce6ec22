"""Create the first admin once, with a generated password printed once and kept in a file.

The file (default .admin-credentials, git-ignored, mode 600) lets a later run remind the user
where the password is without printing it again.
"""

import os
import secrets
from pathlib import Path

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from app.users.models import User


class Command(BaseCommand):
    help = "Create an admin account with a generated password, once."

    def add_arguments(self, parser):
        parser.add_argument("--email", default="admin@example.com")
        parser.add_argument(
            "--credentials-file", default=str(Path(settings.BASE_DIR) / ".admin-credentials")
        )

    def handle(self, *args, email: str, credentials_file: str, **options):
        try:
            validate_email(email)
        except ValidationError as exc:
            raise CommandError(f"--email {email!r} is not a valid email address") from exc
        path = Path(credentials_file)
        if User.objects.filter(email__iexact=email).exists():
            where = f" (password in {path})" if path.exists() else ""
            self.stdout.write(f"Admin account: {email}{where}")
            return
        password = secrets.token_urlsafe(18)
        with transaction.atomic():
            user = User.objects.create_superuser(username="admin", email=email, password=password)
            # The admin's address counts as verified, so allauth lets them log in directly.
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
            # Write the file inside the transaction: if it cannot be written, no account exists
            # whose password nobody knows.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(f"email={email}\npassword={password}\n")
        self.stdout.write(self.style.SUCCESS("Created the admin account (shown once):"))
        self.stdout.write(f"  email:    {email}\n  password: {password}\n  (also kept in {path})")
