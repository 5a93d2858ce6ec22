"""django-allauth: email accounts with verification, MFA (TOTP + recovery codes), OIDC SSO.

OIDC is configured only from the environment, so the app boots without any provider:
OIDC_PROVIDER_ID, OIDC_PROVIDER_NAME, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_SERVER_URL.
"""

import environ

_env = environ.Env()

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = _env.str("ACCOUNT_EMAIL_VERIFICATION", default="mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Rate limits are on (allauth's defaults use the cache); stated here so they are not lost.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = _env.str("MFA_TOTP_ISSUER", default="QuickScale")

SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS: dict[str, dict[str, object]] = {}
if _env.str("OIDC_CLIENT_ID", default=""):
    _server = _env.str("OIDC_SERVER_URL", default="")
    if not _server:
        raise environ.ImproperlyConfigured("OIDC_SERVER_URL must be set when OIDC_CLIENT_ID is set")
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": _env.str("OIDC_PROVIDER_ID", default="sso"),
                "name": _env.str("OIDC_PROVIDER_NAME", default="Single sign-on"),
                "client_id": _env.str("OIDC_CLIENT_ID"),
                "secret": _env.str("OIDC_CLIENT_SECRET", default=""),
                "settings": {"server_url": _server},
            }
        ],
    }
