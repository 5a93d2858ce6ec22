"""Run one count: prepare the data natively, run measure.py under callgrind, read the dumps.

The child processes get a pinned environment, whatever the caller's: the embedded default's
kind of backends (SQLite in a temporary file, local-memory cache, eager Celery, in-process
channel layer) with DEBUG off (app.settings.test), a fixed PYTHONHASHSEED, and every service
URL set empty so a developer's .env cannot fill it in. The count checks the code, not the stack.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from loadtests.instructions.measure import DUMP_MARKER, ZERO_MARKER

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "app.settings.test"
# Empty, not unset: app/settings/base.py reads .env without overwriting what the environment has.
EMPTIED = (
    "VALKEY_URL",
    "CACHE_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "CHANNELS_URL",
    "SENTRY_DSN",
    "OTEL_EXPORTER_OTLP_ENDPOINT",
)


class RunError(RuntimeError):
    """The count itself failed (exit 3): a path did not answer 200, valgrind failed, ..."""


@dataclass(frozen=True)
class Count:
    per_request: dict[str, int]  # hot path -> instructions per request, in run order
    requests: int


def valgrind_command() -> list[str]:
    valgrind = shutil.which("valgrind")
    if not valgrind or not shutil.which("callgrind_control"):
        raise FileNotFoundError(
            "valgrind is not installed (Debian: apt-get install valgrind); "
            "the instruction count needs its callgrind tool"
        )
    return [
        valgrind,
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--zero-before={ZERO_MARKER}",
        f"--dump-before={DUMP_MARKER}",
    ]


def child_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(dict.fromkeys(EMPTIED, ""))
    if not env.get("JWT_PRIVATE_KEY"):
        # Made here, natively: test settings would otherwise generate an RSA key at start-up
        # under valgrind (seconds). The counted paths sign nothing with it.
        from app.settings.parts.api_tokens import new_private_key

        env["JWT_PRIVATE_KEY"] = new_private_key()
    env.update(
        DJANGO_SETTINGS_MODULE=SETTINGS,
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        DEBUG="false",
        PYTHONHASHSEED="0",
        PYTHONDONTWRITEBYTECODE="1",
    )
    return env


def run(step: str, command: list[str], env: dict[str, str], log: Path) -> None:
    with log.open("w") as out:
        result = subprocess.run(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        tail = "\n".join(log.read_text().splitlines()[-15:])
        raise RunError(f"{step} failed (exit {result.returncode}); its output ends:\n{tail}")


def summary(dump: Path) -> int:
    match = re.search(r"^summary: (\d+)$", dump.read_text(), re.MULTILINE)
    if not match:
        raise RunError(f"{dump} has no summary line: not a callgrind dump?")
    return int(match.group(1))


def count(work: Path, paths: list[str], requests: int, warmup: int) -> Count:
    """Count paths in one process; work is an empty folder that keeps every file of the run."""
    valgrind = valgrind_command()
    env = child_env(work)
    fixture, report = work / "fixture.json", work / "report.json"
    run(
        "prepare (migrate, seed)",
        [sys.executable, "-m", "loadtests.instructions.prepare", str(fixture)],
        env,
        work / "prepare.log",
    )
    run(
        "measure (under callgrind)",
        [
            *valgrind,
            f"--callgrind-out-file={work / 'callgrind.out'}",
            sys.executable,
            "-m",
            "loadtests.instructions.measure",
            f"--fixture={fixture}",
            f"--report={report}",
            f"--paths={','.join(paths)}",
            f"--requests={requests}",
            f"--warmup={warmup}",
        ],
        env,
        work / "measure.log",
    )
    measured = json.loads(report.read_text())
    if "error" in measured:
        raise RunError(measured["error"])
    for name, statuses in measured["statuses"].items():
        if statuses != ["200 OK"]:
            raise RunError(f"{name}: the measured requests answered {statuses}, not only 200")
    # callgrind.out.1, .2, ...: one dump per path, in order (callgrind.out is the final one).
    dumps = sorted(work.glob("callgrind.out.*"), key=lambda p: int(p.suffix[1:]))
    if len(dumps) != len(paths):
        raise RunError(
            f"expected {len(paths)} callgrind dumps (one per path), found {len(dumps)}: "
            f"was {DUMP_MARKER}() called by something else?"
        )
    return Count(
        per_request={
            name: round(summary(dump) / requests) for name, dump in zip(paths, dumps, strict=True)
        },
        requests=requests,
    )
