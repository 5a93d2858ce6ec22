"""The README lists every environment variable the production settings read, and no other.

Which modules production loads is asked of Python (production imported in a subprocess), and
each module's reads (env.str("X"), environ.get("X"), ...) are found in its source, so a new
settings part is covered without editing this test.
"""

from __future__ import annotations

import json
import re
import secrets
import subprocess
import sys
from pathlib import Path

from tests.commands.shell import ROOT

READS = re.compile(
    r"""(?:\benv|_env)\.\w+\(\s*["']([A-Z][A-Z0-9_]+)["']"""
    r"""|environ(?:\.get)?[\[(]\s*["']([A-Z][A-Z0-9_]+)["']"""
    r"""|getenv\(\s*["']([A-Z][A-Z0-9_]+)["']"""
)
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "app.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "example.test",
    "DATABASE_URL": "postgres://db.invalid/app",
    "VALKEY_URL": "redis://valkey.invalid:6379/0",
    "CELERY_BROKER_URL": "amqp://rabbit.invalid//",
    "EMAIL_URL": "smtp://mail.invalid:25",
    "DEFAULT_FROM_EMAIL": "noreply@example.test",
}
LIST_MODULES = (
    "import json, sys, django; django.setup(); "
    "print(json.dumps([m.__file__ for n, m in sys.modules.items() "
    "if n.startswith('app.settings') and getattr(m, '__file__', None)]))"
)


def production_settings_files() -> list[Path]:
    out = subprocess.run(
        [sys.executable, "-c", LIST_MODULES],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [Path(f) for f in json.loads(out.strip().splitlines()[-1])]


def variables_read() -> set[str]:
    names: set[str] = set()
    for path in production_settings_files():
        for match in READS.finditer(path.read_text()):
            names.add(next(g for g in match.groups() if g))
    return names


def readme_production_table() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    assert "### Production variables" in readme, "README.md has no Production variables section"
    section = readme.split("### Production variables", 1)[1].split("\n#", 1)[0]
    rows = [line.split("|")[1] for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row)}


def test_the_readme_lists_every_variable_production_reads() -> None:
    read = variables_read()
    assert {"SECRET_KEY", "DATABASE_URL", "SECURE_HSTS_SECONDS", "JWT_PRIVATE_KEY"} <= read
    missing = read - readme_production_table()
    assert not missing, f"README.md's Production variables table lacks {sorted(missing)}"


def test_the_readme_lists_no_variable_production_ignores() -> None:
    stale = readme_production_table() - variables_read()
    assert not stale, f"README.md lists variables production does not read: {sorted(stale)}"
