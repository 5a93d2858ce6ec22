"""Start-up checks for production: a missing or insecure value stops the process, named."""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

from app.settings.parts.api_tokens import private_key_from_env
from app.settings.parts.email import production_email_problems

REQUIRED = ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "VALKEY_URL", "CELERY_BROKER_URL")


def check_production_environment(environ: Mapping[str, str]) -> None:
    """Raise ImproperlyConfigured naming every missing or insecure variable at once."""
    problems: list[str] = [f"{name} is not set" for name in REQUIRED if not environ.get(name)]
    secret = environ.get("SECRET_KEY", "")
    if secret and (
        len(secret) < 50 or len(set(secret)) < 5 or secret.startswith("django-insecure")
    ):
        problems.append("SECRET_KEY is insecure (use 50+ random characters)")
    hosts = [h.strip() for h in environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
    if "*" in hosts:
        problems.append("ALLOWED_HOSTS must list host names, not '*'")
    if environ.get("DATABASE_URL", "").startswith("sqlite"):
        problems.append("DATABASE_URL must point at PostgreSQL in production, not SQLite")
    if environ.get("DEBUG", "").lower() in ("1", "true", "yes", "on"):
        problems.append("DEBUG must be off in production")
    try:
        private_key_from_env(environ)
    except ImproperlyConfigured as exc:
        problems.append(str(exc))
    problems += production_email_problems(environ)
    if problems:
        raise ImproperlyConfigured("Production settings refused: " + "; ".join(problems))
