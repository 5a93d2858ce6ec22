"""Run manage.py in a fresh process, as start-up does, with JSON logs (the email tests read
the refusal and the log lines)."""

import subprocess
from collections.abc import Iterable

from tests.integration.processes import manage_process


def manage(
    *args: str, settings: str, env: dict[str, str], drop: Iterable[str] = ()
) -> subprocess.CompletedProcess[str]:
    """`drop`: variables of this environment the process must not inherit."""
    return manage_process(*args, settings=settings, env={"LOG_JSON": "true", **env}, drop=drop)
