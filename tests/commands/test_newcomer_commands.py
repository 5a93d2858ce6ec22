"""The first things a newcomer runs: `python3 quickstart.py --help` and `just --list`."""

from __future__ import annotations

import re
import subprocess
import sys

from tests.commands.shell import JUST, ROOT, newcomer_env

RECIPE = re.compile(r"^@?([a-z_][\w-]*)[^:]*:(?!=)")
NOT_RECIPES = ("set ", "export ", "import", "mod ", "alias ")


def test_quickstart_help_says_what_the_commands_are() -> None:
    proc = subprocess.run(
        [sys.executable, "quickstart.py", "--help"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    up = r"^\s+up\s+\(the default\) set up what is missing, then serve"
    assert re.search(up, proc.stdout, re.M)
    assert re.search(r"^\s+test\s+the whole test suite", proc.stdout, re.M)


def test_an_unknown_quickstart_command_is_named_with_the_way_to_help() -> None:
    proc = subprocess.run(
        [sys.executable, "quickstart.py", "serve"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode != 0
    assert "unknown command 'serve'" in proc.stderr and "--help" in proc.stderr
    assert "Traceback" not in proc.stderr


def recipe_comments() -> dict[str, list[str]]:
    """Each recipe of the justfile and just/*.just with the comment lines right above it."""
    found: dict[str, list[str]] = {}
    for path in [ROOT / "justfile", *sorted((ROOT / "just").glob("*.just"))]:
        comment: list[str] = []
        for line in path.read_text().splitlines():
            if line.startswith("#"):
                comment.append(line.lstrip("# ").rstrip())
            elif line.startswith("[") or not line.strip():
                comment = [] if not line.strip() else comment
            else:
                match = RECIPE.match(line)
                if match and not line.startswith(NOT_RECIPES) and ":=" not in line:
                    found[match.group(1)] = comment
                comment = []
    return found


def test_just_list_shows_every_recipes_whole_comment() -> None:
    # `just --list` shows only the comment line right above a recipe: a two-line comment
    # appeared as its second half-sentence.
    listing = subprocess.run(
        [str(JUST), "--list"], cwd=ROOT, capture_output=True, text=True, env=newcomer_env()
    ).stdout
    comments = recipe_comments()
    assert {"serve", "dev", "test", "up"} <= comments.keys()
    for recipe, comment in comments.items():
        if recipe.startswith("_"):
            continue
        assert len(comment) == 1, f"recipe {recipe}: its comment spans {len(comment)} lines"
        assert comment[0] in listing, f"recipe {recipe}: `just --list` lacks {comment[0]!r}"
