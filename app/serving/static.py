"""Whether staticfiles/ is current, so `just serve` collects (~20 s of CPU) only after a change.

The load-test stack (loadtests/tool/stack.py) asks it too. The manifest
collectstatic writes last is newer than every static source and the lock file (the locked
packages bring admin's and allauth's static files).
"""

from __future__ import annotations

from pathlib import Path


def static_sources(root: Path) -> list[Path]:
    sources = [root / "uv.lock"]
    for folder in (root / "app", root / "frontend" / "dist"):
        if folder.exists():
            sources += [p for p in folder.rglob("*") if "static" in p.parts or "dist" in p.parts]
    return [p for p in sources if p.is_file()]


def static_is_current(root: Path) -> bool:
    """staticfiles/ was collected after every change to its sources: collecting changes nothing."""
    manifest = root / "staticfiles" / "staticfiles.json"
    if not manifest.exists():
        return False
    newest = max((p.stat().st_mtime for p in static_sources(root)), default=0.0)
    return manifest.stat().st_mtime > newest
