"""Production installs the runtime dependencies only: no test bench in the image or a release.

The `uv sync` flags are read from the files that deploy (the Containerfile, the Ansible
release) and the Quick start's serving path, and `uv export` lists from uv.lock what exactly
those flags install, without installing anything.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import quickstart  # noqa: E402

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
# Flags of `uv sync` that choose what is installed (and take a value where listed).
SELECTING = {"--no-dev", "--no-default-groups", "--all-groups", "--all-extras", "--only-dev"}
SELECTING_WITH_VALUE = {"--group", "--no-group", "--only-group", "--extra"}
# Needed by no server: what the issue found shipped, and the tools the kit keeps for developers.
TEST_BENCH = {
    "locust", "matplotlib", "numpy", "pillow", "flask", "gevent", "pytest", "playwright",
    "tantivy", "ansible", "ansible-core", "molecule", "mypy", "ruff",
}  # fmt: skip


def name_of(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def group_members() -> set[str]:
    return {
        name_of(r)
        for members in PYPROJECT["dependency-groups"].values()
        for r in members
        if isinstance(r, str)
    }


def runtime_dependencies() -> set[str]:
    return {name_of(r) for r in PYPROJECT["project"]["dependencies"]}


def sync_flags(text: str, where: str) -> list[str]:
    """The selecting flags of the one `uv sync` command in a deployment file."""
    commands = re.findall(r"uv sync([^\n]*)", text)
    assert len(commands) == 1, f"{where}: expected one `uv sync`, found {commands}"
    return selecting(shlex.split(commands[0]))


def selecting(words: list[str]) -> list[str]:
    flags = []
    for i, word in enumerate(words):
        if word in SELECTING:
            flags.append(word)
        elif word in SELECTING_WITH_VALUE:
            flags += [word, words[i + 1]]
    return flags


def installed_by(flags: list[str]) -> set[str]:
    """What `uv sync --frozen <flags>` installs, from uv.lock (names, normalised)."""
    export = ["export", "--frozen", "--no-hashes", "--no-header", "--no-annotate"]
    out = subprocess.run(
        [quickstart.uv(), *export, "--no-emit-project", *flags],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {name_of(line) for line in out.splitlines() if line and not line.startswith(" ")}


DEPLOYMENTS = {
    "containers/Containerfile": "the image",
    "ansible/roles/app/tasks/release.yml": "the Ansible release",
}


@pytest.mark.parametrize("path", DEPLOYMENTS)
def test_production_installs_carry_no_test_bench_package(path: str) -> None:
    flags = sync_flags((ROOT / path).read_text(), path)
    installed = installed_by(flags)
    # Not vacuous: the runtime is all there.
    assert runtime_dependencies() <= installed, runtime_dependencies() - installed
    bench = (TEST_BENCH | group_members()) - runtime_dependencies()
    shipped = sorted(installed & bench)
    assert not shipped, f"{DEPLOYMENTS[path]} ({path}) installs {shipped}"


def test_the_quick_starts_serving_path_installs_no_test_bench() -> None:
    installed = installed_by(selecting(quickstart.SYNC_ARGS["up"]))
    assert runtime_dependencies() <= installed
    assert {"watchfiles", "aiosmtpd"} <= installed  # the dev server's reload and mail catcher
    assert not installed & TEST_BENCH, sorted(installed & TEST_BENCH)


def test_the_developers_sync_keeps_the_test_bench() -> None:
    # The counterpart: `python3 quickstart.py test` (plain `uv sync`) still installs the tools.
    assert {"pytest", "playwright", "locust", "tantivy", "mypy"} <= installed_by(
        selecting(quickstart.SYNC_ARGS["test"])
    )
