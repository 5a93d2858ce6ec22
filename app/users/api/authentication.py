"""`Authorization: Bearer <access token>` for /api/v1: allauth's headless JWT, checked here.

allauth verifies the token (RS256 signature, expiry, that it is an access token). A client
sends the same token for its five minutes, so each process remembers the tokens it verified
and only checks their expiry again: the same answer (the signature of a given string under
a given key does not change), without PyJWT's parsing and the RSA check on every call
(measured: 0.6 -> 0.4 ms of CPU for a cached read). The user is then read the way a session's
is, through the cached backend (app/users/backends.py): no database query on a cache hit, and a
deactivated user is refused at once rather than when the token expires. Only accepted tokens
are remembered: a refusal (junk, another key, an `iat` a little ahead of this host's clock) is
checked afresh next time and never pushes a good token out.

Failures are 401 with `WWW-Authenticate: Bearer` (this class comes first in DRF's list), so a
client knows to refresh its token rather than read it as forbidden.

A view that knows which cached values it will read for this user (`cache_keys_with_user`, e.g.
the task detail) has them read in the same round trip as the user, and finds them on the
request (core.cache READ_AHEAD): the cached read an API client makes costs one round trip to
Valkey, not two.
"""

from __future__ import annotations

import functools
import time
from typing import Any

from allauth.headless import app_settings as headless_settings
from allauth.headless.contrib.rest_framework.authentication import JWTTokenAuthentication
from allauth.headless.tokens.strategies.jwt.internal import decode_token
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from app.core import context
from app.core.cache import ASKED, READ_AHEAD
from app.users.backends import CachedModelBackend


class _Refused(Exception):
    """Not cached: lru_cache remembers returned values only."""


@functools.lru_cache(maxsize=4096)
def _verified(token: str, signing_key: str) -> dict[str, Any]:
    """The claims of a token allauth accepts; keyed by the signing key too, so a new key never
    meets an old verdict."""
    payload = decode_token(token, "access")
    if payload is None:
        raise _Refused
    return payload


class AccessTokenAuthentication(JWTTokenAuthentication):
    request: Request | None = None

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        self.request = request  # (DRF makes an instance per request)
        if not headless_settings.JWT_PRIVATE_KEY:
            if request.META.get("HTTP_AUTHORIZATION", "").lower().startswith("bearer "):
                raise AuthenticationFailed(
                    "API tokens are not enabled on this server (JWT_PRIVATE_KEY is not set)."
                )
            return None
        return super().authenticate(request)

    def authenticate_credentials(self, key: str) -> tuple[Any, dict[str, Any]]:
        try:
            payload = _verified(key, headless_settings.JWT_PRIVATE_KEY)
        except _Refused:
            payload = None
        if payload is None or payload["exp"] <= time.time():
            raise AuthenticationFailed(
                "The access token is invalid or has expired; sign in or refresh it."
            )
        keys = self._keys_with_user(payload["sub"])
        user, found = CachedModelBackend().get_user_and(payload["sub"], keys)
        if keys and self.request is not None:
            setattr(self.request._request, READ_AHEAD, {**found, ASKED: frozenset(keys)})
        if user is None:
            raise AuthenticationFailed("The access token's account is inactive or gone.")
        # ActorLogContextMiddleware ran before DRF authenticated the token.
        context.actor.set(f"user:{user.pk}")
        return user, payload

    def _keys_with_user(self, user_id: str) -> list[str]:
        context = getattr(self.request, "parser_context", None) or {}
        view = context.get("view")
        wanted = getattr(view, "cache_keys_with_user", None)
        return list(wanted(user_id, **context.get("kwargs", {}))) if wanted else []
