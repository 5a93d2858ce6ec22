"""/.well-known/jwks.json: the public key API access tokens are signed with (RFC 7517), so
another service can verify a token without calling this one."""

from allauth.core.internal import jwkkit
from allauth.headless import app_settings as headless_settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(public=True, max_age=300)
def jwks(request: HttpRequest) -> JsonResponse:
    keys = []
    if headless_settings.JWT_PRIVATE_KEY:
        public, _private = jwkkit.load_jwk_from_pem(headless_settings.JWT_PRIVATE_KEY)
        keys.append({**public, "use": "sig", "alg": "RS256"})
    return JsonResponse({"keys": keys})
