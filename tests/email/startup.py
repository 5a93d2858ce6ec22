"""Run manage.py in a fresh process, as start-up does, with a chosen settings module and env."""

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(
    *args: str, settings: str, env: dict[str, str], drop: Iterable[str] = ()
) -> subprocess.CompletedProcess[str]:
    """`drop`: variables of this environment the process must not inherit."""
    dropped = set(drop)
    base = {k: v for k, v in os.environ.items() if k not in dropped and not k.startswith("EMAIL_")}
    base.update(DJANGO_SETTINGS_MODULE=settings, LOG_JSON="true")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
