"""`just serve`: the production settings on this machine, plain HTTP on 127.0.0.1 only.

    python -m app.serving.local [--role web|web-asgi] [--port P] [--workers N] [--threads N]

Production settings (app.settings.production) with the full stack's variables from the
environment or .env (DATABASE_URL, VALKEY_URL, CELERY_BROKER_URL, SECRET_KEY; ALLOWED_HOSTS
defaults to 127.0.0.1,localhost and EMAIL_URL to the local mail catcher). Production expects
TLS at a proxy; here there is none, so this runner, and only it, switches off what needs HTTPS
(LOOPBACK_HTTP) and binds to 127.0.0.1 — never another address. Static files are collected only
when a source changed.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from app.serving import ServingError, granian_command
from app.serving.static import static_is_current

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
SERVICE_URLS = ("DATABASE_URL", "VALKEY_URL", "CELERY_BROKER_URL")
# What production reads that plain HTTP needs off: HTTPS redirects, HTTPS-only cookies, HSTS.
LOOPBACK_HTTP = {
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "SECURE_HSTS_SECONDS": "0",
}


def loopback_env(role: str = "web") -> dict[str, str]:
    """The production environment for plain HTTP on loopback: .env read, DEBUG never on."""
    import environ

    # The Quick start's per-checkout SECRET_KEY lives in .env; real variables win.
    environ.Env.read_env(ROOT / ".env", overwrite=False)
    env = dict(os.environ)
    env.pop("DEBUG", None)
    env.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    # Mail goes to the local mail catcher (`manage.py mailcatcher`), as in development.
    env.setdefault("EMAIL_URL", "smtp://127.0.0.1:1025")
    env.setdefault("DEFAULT_FROM_EMAIL", "QuickScale <noreply@localhost>")
    # One WSGI server and no proxy routing /ws/: pages would open a socket nothing answers.
    # `--role web-asgi` serves live updates (and turns them on, unless LIVE_UPDATES says not).
    env.setdefault("LIVE_UPDATES", "false" if role == "web" else "true")
    env.setdefault("ASGI_SERVER_CONFIGURED", "false" if role == "web" else "true")
    env.update(LOOPBACK_HTTP, DJANGO_SETTINGS_MODULE="app.settings.production")
    return env


def refuse_early(env: dict[str, str]) -> None:
    """The production check, before any process starts: every problem named, no traceback."""
    from django.core.exceptions import ImproperlyConfigured

    from app.settings.parts.required import check_production_environment

    try:
        check_production_environment(env)
    except ImproperlyConfigured as exc:
        hints = []
        if any(f"{name} is not set" in str(exc) for name in SERVICE_URLS):
            hints.append(
                "The production-like server runs on the full stack: start it with `just "
                "services` and export the URLs it prints (README: The full stack)."
            )
        if "SECRET_KEY" in str(exc):
            hints.append(
                "SECRET_KEY: 50+ random characters, exported or in .env (the Quick start "
                "writes one there)."
            )
        sys.exit("\n".join([f"serve: {exc}.", *hints]))


def collect_static(env: dict[str, str]) -> None:
    if static_is_current(ROOT):
        print("serve: static files are current (not collected)", flush=True)
        return
    print("serve: collecting static files (a source changed)", flush=True)
    manage = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"]
    if subprocess.run(manage, cwd=ROOT, env=env).returncode != 0:  # noqa: S603
        sys.exit("serve: collectstatic failed (see above)")


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="just serve", description=__doc__.split("\n")[0])
    parser.add_argument("--role", choices=("web", "web-asgi"), default="web")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--workers", type=int)
    parser.add_argument("--threads", type=int)
    args = parser.parse_args(argv)
    try:
        command = granian_command(
            args.role, host=HOST, port=args.port, workers=args.workers, threads=args.threads
        )
    except ServingError as exc:
        sys.exit(f"serve: {exc}")
    env = loopback_env(args.role)
    refuse_early(env)
    collect_static(env)
    print(f"serve: http://{HOST}:{args.port}/ (production settings, plain HTTP)", flush=True)
    os.chdir(ROOT)
    os.execve(command[0], command, env)  # noqa: S606  (our own argv, no shell)


if __name__ == "__main__":
    main(sys.argv[1:])
