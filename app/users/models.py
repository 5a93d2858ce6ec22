"""The custom user, AUTH_USER_MODEL from the first migration so it can grow without pain."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    # A stable public id for APIs and logs; the integer pk stays internal.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField("email address", unique=True)

    def __str__(self) -> str:
        return self.email or self.username
