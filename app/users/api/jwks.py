"""/.well-known/jwks.json: the public key API access tokens are signed with (RFC 7517), so
another service can verify a token without calling this one."""

import functools
from typing import Any

from allauth.core.internal import jwkkit
from allauth.headless import app_settings as headless_settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@functools.cache
def _public_jwk(pem: str) -> dict[str, Any]:
    """Parsing the private key checks it (the costly part): once per key and process."""
    public, _private = jwkkit.load_jwk_from_pem(pem)
    return {**public, "use": "sig", "alg": "RS256"}


@require_GET
@cache_control(public=True, max_age=300)
def jwks(request: HttpRequest) -> JsonResponse:
    pem = headless_settings.JWT_PRIVATE_KEY
    return JsonResponse({"keys": [_public_jwk(pem)] if pem else []})
