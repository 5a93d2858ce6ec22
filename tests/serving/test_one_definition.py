"""Every place that starts Granian goes through app/serving; none spells its own flags.

Granian's flags had drifted across five copies (the entrypoint lacked --backpressure and
--no-ws). This scans every launcher — recipes, the entrypoint, the Ansible units, the Quick
start, the tests' process helpers and the load-test stack — for Granian's serving flags.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# Serving flags of Granian, and ways of starting it directly.
SPELLED = re.compile(
    r"--(interface|blocking-threads|backpressure|no-ws|ws|reload-paths|workers-lifetime)\b"
    r"|bin/granian\b|(exec|frozen|run) granian\b"
)
LAUNCHERS = [
    "justfile",
    "just/frontend.just",
    "containers/entrypoint",
    "ansible/roles/app/templates/web.service.j2",
    "quickstart.py",
    "tests/integration/processes.py",
    "loadtests/tool/stack.py",
]


def scanned_files() -> list[Path]:
    files = [ROOT / "justfile", ROOT / "quickstart.py", ROOT / "containers" / "entrypoint"]
    files += sorted((ROOT / "just").glob("*.just"))
    files += sorted((ROOT / "containers").glob("*.y*ml"))
    files += sorted((ROOT / "ansible").glob("roles/*/templates/*"))
    files += sorted((ROOT / "ansible").glob("roles/*/tasks/*.yml"))
    files += sorted((ROOT / "loadtests").glob("**/*.py"))
    files += [p for p in sorted((ROOT / "tests").glob("**/*.py")) if "serving" not in p.parts]
    return [p for p in files if p.is_file()]


def code_lines(path: Path) -> list[tuple[int, str]]:
    """What runs: Python's string literals other than docstrings, other files' non-comment lines."""
    if path.suffix != ".py":
        lines = enumerate(path.read_text().splitlines(), 1)
        return [(n, line) for n, line in lines if not line.lstrip().startswith("#")]
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_launcher_spells_granians_flags() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}: {text.strip()}"
        for path in scanned_files()
        for number, text in code_lines(path)
        if SPELLED.search(text)
    ]
    assert not found, "use app/serving (granian_command / python -m app.serving):\n" + "\n".join(
        found
    )


@pytest.mark.parametrize("launcher", LAUNCHERS)
def test_each_launcher_uses_the_serving_definition(launcher: str) -> None:
    assert "app.serving" in (ROOT / launcher).read_text(), f"{launcher} does not use app/serving"
