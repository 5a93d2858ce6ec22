"""Typed access to the signed-in user for views that already require authentication."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from rest_framework.request import Request

from app.users.models import User


def request_user(request: HttpRequest | Request) -> User:
    """The request's User; PermissionDenied if it is anonymous (a missing login guard)."""
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied("Authentication required.")
    return user
