#!/usr/bin/env python3
"""QuickScale's Quick start: needs only Python >= 3.11, Node >= 20 and git.

usage: python3 quickstart.py [up | test [pytest args...] | --help]

commands:
  up      (the default) set up what is missing, then serve http://127.0.0.1:8000/ (PORT=... to
          change the port) on the embedded default: SQLite, no services needed
  test    the whole test suite: ruff, mypy, the frontend's Vitest tests, pytest (arguments go to
          pytest); on the full stack when DATABASE_URL, VALKEY_URL, CELERY_BROKER_URL are set

First run: installs a pinned uv into .tools/ (.tools/uv/uv, which the justfile's recipes use),
the locked Python packages into .venv/ (`up` only what serving needs; `test` adds the test
bench), the frontend's locked npm packages and build (when frontend/ exists), migrates SQLite,
creates the admin account (password printed once, kept in .admin-credentials) and demo data.
Later runs skip whatever is already done, so they start in seconds. Afterwards `.venv/bin/just`
runs the recipes (`source .venv/bin/activate` to type `just ...`).
"""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".tools"
UV_VERSION = "0.13.9"
HOST, PORT = "127.0.0.1", int(os.environ.get("PORT", "8000"))


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def fail(message: str) -> None:
    sys.exit(f"quickstart: {message}")


def run(*cmd: str | Path, env: dict[str, str] | None = None, cwd: Path = ROOT) -> None:
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env)
    if result.returncode != 0:
        fail(f"`{' '.join(str(c) for c in cmd)}` failed with exit code {result.returncode}")


def uv() -> str:
    """A private, pinned uv in .tools/, installed with pip from PyPI on first use.

    Pinned rather than taken from PATH so every machine reads uv.lock with the same uv. It is
    linked alone into .tools/uv/, the folder the justfile puts first on its recipes' PATH
    (the venv's bin/ would also bring its python and pip).
    """
    bindir = TOOLS / ("Scripts" if os.name == "nt" else "bin")
    local = bindir / "uv"
    if not local.exists():
        say(f"Installing uv {UV_VERSION} into .tools/ (once)")
        venv.create(TOOLS, with_pip=True)
        run(bindir / "python", "-m", "pip", "install", "--quiet", f"uv=={UV_VERSION}")
    link = TOOLS / "uv" / "uv"
    if not link.exists():
        link.parent.mkdir(exist_ok=True)
        link.unlink(missing_ok=True)  # a dangling link from a moved checkout
        link.symlink_to(Path("..") / bindir.name / "uv")
    return str(local)


def python_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("VIRTUAL_ENV", None)
    env["UV_PROJECT_ENVIRONMENT"] = str(ROOT / ".venv")
    return env


# `up` installs what serving needs (the runtime and the dev server's group) and leaves anything
# else installed alone; `test` installs the default groups too (tests, linters, load-test tools).
SYNC_ARGS = {
    "up": ["--no-default-groups", "--group", "devserver", "--inexact"],
    "test": [],
}


def sync_python(purpose: str) -> None:
    uv_bin = uv()
    say(f"Python dependencies (uv sync --frozen {' '.join(SYNC_ARGS[purpose])})".rstrip())
    run(uv_bin, "sync", "--frozen", "--quiet", *SYNC_ARGS[purpose], env=python_env())


def _frontend_fingerprint(frontend: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted([frontend / "package-lock.json", *frontend.glob("src/**/*")]):
        if path.is_file():
            digest.update(path.relative_to(frontend).as_posix().encode())
            digest.update(path.read_bytes())
    # Tailwind reads the templates for class names: a template change can change the CSS.
    extra = [*frontend.glob("*.config.*"), *sorted(ROOT.glob("app/**/templates/**/*.html"))]
    for path in sorted(extra):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_frontend() -> None:
    frontend = ROOT / "frontend"
    if not (frontend / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        fail("npm was not found: install Node.js 20 or newer")
    if not (frontend / "node_modules").exists():
        say("Frontend dependencies (npm ci)")
        run(npm, "ci", "--no-audit", "--no-fund", cwd=frontend)
    stamp = frontend / "dist" / ".quickstart-fingerprint"
    fingerprint = _frontend_fingerprint(frontend)
    if stamp.exists() and stamp.read_text() == fingerprint:
        return
    say("Frontend build (vite build)")
    run(npm, "run", "build", cwd=frontend)
    stamp.write_text(fingerprint)


def ensure_dotenv() -> None:
    """A per-checkout secret key, so even the embedded default never runs on a shared one."""
    dotenv = ROOT / ".env"
    if not dotenv.exists():
        dotenv.write_text(f"SECRET_KEY={secrets.token_urlsafe(50)}\n")
        dotenv.chmod(0o600)


def manage(*args: str) -> None:
    # The venv's own python: `uv run` would sync the default groups (the test bench) first.
    run(ROOT / ".venv" / "bin" / "python", "manage.py", *args, env=python_env())


def port_free(host: str, port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex((host, port)) != 0


def up() -> None:
    if not port_free(HOST, PORT):
        fail(f"port {PORT} on {HOST} is already in use; stop what uses it or set PORT=...")
    sync_python("up")
    build_frontend()
    ensure_dotenv()
    say("Database (migrations), admin account, demo data")
    manage("setup_embedded")
    catcher, mail_env = start_mail_catcher()
    say(f"Serving http://{HOST}:{PORT}/  (Ctrl-C stops)")
    # Granian's dev role (app/serving): ASGI serves pages and the live-update WebSockets in one
    # process (the embedded default's channel layer is in memory), reloading on code changes.
    try:
        run(
            ROOT / ".venv" / "bin" / "python",
            *("-m", "app.serving", "dev", "--host", HOST, "--port", str(PORT)),
            env={**python_env(), "DJANGO_SETTINGS_MODULE": "app.settings.dev", **mail_env},
        )
    finally:
        if catcher is not None:
            catcher.terminate()


def start_mail_catcher() -> tuple[subprocess.Popen[bytes] | None, dict[str, str]]:
    """The development mail catcher (app/mailcatcher) on a free port, and the EMAIL_URL that
    points the app at it; none when EMAIL_URL is set (mail goes where it says)."""
    if os.environ.get("EMAIL_URL"):
        return None, {}
    port = 1025  # the catcher's usual port (`just serve` sends there too), else any free one
    if not port_free(HOST, port):
        with socket.socket() as sock:
            sock.bind((HOST, 0))
            port = sock.getsockname()[1]
    command = [ROOT / ".venv" / "bin" / "python", "manage.py", "mailcatcher", "--port", str(port)]
    env = {**python_env(), "DJANGO_SETTINGS_MODULE": "app.settings.dev"}
    catcher = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    for _ in range(300):
        if catcher.poll() is not None:
            say("The mail catcher did not start: mail goes to the console")
            return None, {}
        if not port_free(HOST, port):
            say(f"Mail catcher: the app's mail is readable at http://{HOST}:{PORT}/_dev/mail/")
            return catcher, {"EMAIL_URL": f"smtp://{HOST}:{port}"}
        time.sleep(0.1)
    catcher.terminate()
    say("The mail catcher did not start in 30 s: mail goes to the console")
    return None, {}


def test(extra: list[str]) -> None:
    sync_python("test")
    build_frontend()
    env = python_env()
    say("Lint (ruff) and types (mypy)")
    run(uv(), "run", "--frozen", "ruff", "check", ".", env=env)
    run(uv(), "run", "--frozen", "mypy", "app", env=env)
    if (ROOT / "frontend" / "package.json").exists():
        say("Frontend unit tests (Vitest)")
        run(shutil.which("npm") or "npm", "test", cwd=ROOT / "frontend")
    backend = "full stack" if os.environ.get("DATABASE_URL") else "embedded default (SQLite)"
    say(f"pytest on the {backend}")
    run(uv(), "run", "--frozen", "pytest", *extra, env=env)


def main(argv: list[str]) -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (this file runs before anything is installed)
        fail(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}")
    command, rest = (argv[0], argv[1:]) if argv else ("up", [])
    if command in ("-h", "--help", "help"):
        print(__doc__.strip().split("\n", 1)[1].strip())
    elif command == "up":
        up()
    elif command == "test":
        test(rest)
    else:
        fail(f"unknown command {command!r}; use `up` (the default) or `test` (see --help)")


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except KeyboardInterrupt:
        print()
