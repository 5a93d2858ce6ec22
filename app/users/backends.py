"""Authentication backends that read the signed-in user from the shared cache.

Django's AuthenticationMiddleware loads the user on every request: one PostgreSQL query on every
page and API call, the largest fixed cost of a cached read (loadtests/README.md). A user row
changes rarely, so these backends keep it in Valkey, keyed by id, and drop it whenever the row is
saved or deleted (app/users/signals.py). Everything Django checks still runs on the cached
copy: `is_active` (user_can_authenticate) and the session's password hash (a password change
signs other sessions out).

The cached copy is the whole row, password hash included, as the database holds it: Valkey must
be as private as PostgreSQL (the Ansible valkey role requires a password). Sessions made before
these backends name Django's and allauth's classes, which are no longer listed, so a deploy that
introduces them signs those sessions out once.

Only a cache that every process shares is used: a per-process cache (local memory, the embedded
default) cannot see another process's invalidation, so there the row is read every time.
"""

from collections.abc import Sequence
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from app.core.cache import CacheKind

# Short, as a bound on the one race invalidation cannot close: a request that read the row
# just before a write commits can store the old row after the write's delete.
SIGNED_IN_USER = CacheKind("signed-in-user", ttl=60, version=1)


def cache_is_shared() -> bool:
    backend = settings.CACHES["default"]["BACKEND"]
    return not backend.endswith(("LocMemCache", "DummyCache"))


def forget_user(user_id: object) -> None:
    SIGNED_IN_USER.invalidate(user_id)


class CachedUserMixin:
    def get_user(self, user_id: Any) -> Any:
        return self.get_user_and(user_id, ())[0]

    def get_user_and(self, user_id: Any, keys: Sequence[str]) -> tuple[Any, dict[Any, Any]]:
        """The user, and what the cache holds of `keys`, read in one round trip (a request that
        knows what it will read next saves one; core.cache READ_AHEAD)."""
        if not cache_is_shared():
            found = cache.get_many(keys) if keys else {}
            return super().get_user(user_id), found  # type: ignore[misc]
        key = SIGNED_IN_USER.key(user_id)
        if keys:
            found = cache.get_many([key, *keys])
            user = found.pop(key, None)
        else:
            found, user = {}, cache.get(key)
        if user is None:
            # The parent returns None for an unknown or inactive user: not cached, so a
            # reactivated user is seen at once.
            user = super().get_user(user_id)  # type: ignore[misc]
            if user is None:
                return None, found
            cache.set(key, user, timeout=SIGNED_IN_USER.ttl)
        return (user if self.user_can_authenticate(user) else None), found  # type: ignore[attr-defined]


class CachedModelBackend(CachedUserMixin, ModelBackend):
    """Django's username/password backend (admin, createsuperuser, seeded sessions)."""


class CachedAuthenticationBackend(CachedUserMixin, AuthenticationBackend):
    """allauth's backend (login by email, MFA, social accounts)."""
