"""What a newcomer's shell has: PATH without uv and just (the README promises neither)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import quickstart  # noqa: E402

JUST = Path(sys.executable).parent / "just"  # rust-just, installed with the project


def path_without(*programs: str) -> str:
    """PATH with every folder that holds one of the programs left out."""
    folders = os.environ.get("PATH", "").split(os.pathsep)
    kept = [f for f in folders if f and not any((Path(f) / p).exists() for p in programs)]
    for program in programs:
        assert shutil.which(program, path=os.pathsep.join(kept)) is None
    return os.pathsep.join(kept)


def newcomer_env(**extra: str) -> dict[str, str]:
    """The test's environment minus uv, just and any active venv, plus extra."""
    quickstart.uv()  # the Quick start's pinned uv (.tools/uv/uv) is there, as after its first run
    venv = ("VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT")
    env = {k: v for k, v in os.environ.items() if k not in venv}
    env["PATH"] = path_without("uv", "just")
    env.update(extra)
    return env
