"""API tokens: allauth's headless JWT strategy (RS256 access tokens, revocable refresh tokens).

An API client signs in at /_allauth/app/v1/auth/login (allauth's own flow, MFA included) and
gets a short-lived access token and a refresh token. The access token is checked by its
signature alone, with no session or database read, so an API call costs less than a browser's;
the refresh token lives in the server-side session, so signing out revokes it.

The signing key comes from JWT_PRIVATE_KEY (an RSA private key in PEM; `\\n` escapes allowed, as
env files hold one line). Without it, production serves no token endpoints and a Bearer token
is refused with a message saying so; development keeps one key in .var/ so tokens outlive a
restart, and the tests make one per process.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

MIN_BITS = 2048


def key_problem(pem: str) -> str | None:
    """Why this PEM cannot sign API tokens, or None when it can."""
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    try:
        key = load_pem_private_key(pem.encode(), password=None)
    except (ValueError, TypeError):
        return "JWT_PRIVATE_KEY is not an unencrypted PEM private key"
    if not isinstance(key, rsa.RSAPrivateKey):
        return "JWT_PRIVATE_KEY must be an RSA key (tokens are signed RS256)"
    if key.key_size < MIN_BITS:
        return f"JWT_PRIVATE_KEY is {key.key_size} bits; use {MIN_BITS} or more"
    return None


def private_key_from_env(environ: Mapping[str, str]) -> str:
    pem = environ.get("JWT_PRIVATE_KEY", "").replace("\\n", "\n").strip()
    if pem and (problem := key_problem(pem)):
        raise ImproperlyConfigured(problem)
    return pem


def new_private_key() -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=MIN_BITS)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def dev_private_key(path: Path) -> str:
    """The development key in `path`, made on first use. Several processes may start at once
    (Granian's workers): the key is written aside and linked into place, which only one wins,
    so every process signs with the same key."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        aside = path.with_name(f".{path.name}.{os.getpid()}")
        aside.write_text(new_private_key())
        aside.chmod(0o600)
        try:
            os.link(aside, path)
        except FileExistsError:
            pass
        finally:
            aside.unlink()
    return path.read_text()


def token_settings(private_key: str) -> dict[str, object]:
    return {
        "HEADLESS_ONLY": False,  # the server-rendered allauth pages stay
        # The app client only: browsers use the session cookie and the regular pages.
        "HEADLESS_CLIENTS": ("app",) if private_key else (),
        "HEADLESS_TOKEN_STRATEGY": "allauth.headless.tokens.strategies.jwt.JWTTokenStrategy",
        "HEADLESS_JWT_ALGORITHM": "RS256",
        "HEADLESS_JWT_PRIVATE_KEY": private_key,
        "HEADLESS_JWT_ACCESS_TOKEN_EXPIRES_IN": 300,
        "HEADLESS_JWT_REFRESH_TOKEN_EXPIRES_IN": 86400,
        "HEADLESS_JWT_ROTATE_REFRESH_TOKEN": True,
    }
