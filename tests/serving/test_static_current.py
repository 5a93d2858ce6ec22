"""`just serve` collects static files only when a source changed (app/serving/static.py)."""

from __future__ import annotations

import os
from pathlib import Path

from app.serving.static import static_is_current


def tree(root: Path) -> Path:
    (root / "app" / "core" / "static").mkdir(parents=True)
    (root / "app" / "core" / "static" / "site.css").write_text("a {}")
    (root / "frontend" / "dist" / "assets").mkdir(parents=True)
    (root / "frontend" / "dist" / "assets" / "main-abc.js").write_text("1")
    (root / "uv.lock").write_text("lock")
    return root


def age(path: Path, at: float) -> None:
    os.utime(path, (at, at))


def collected_after_every_source(root: Path) -> None:
    for path in root.rglob("*"):
        if path.is_file():
            age(path, 1_000)
    manifest = root / "staticfiles" / "staticfiles.json"
    manifest.parent.mkdir(exist_ok=True)
    manifest.write_text("{}")
    age(manifest, 2_000)


def test_never_collected_is_not_current(tmp_path: Path) -> None:
    assert not static_is_current(tree(tmp_path))


def test_collected_after_every_source_is_current(tmp_path: Path) -> None:
    root = tree(tmp_path)
    collected_after_every_source(root)
    assert static_is_current(root)


def test_a_changed_source_a_new_build_or_new_packages_make_it_stale(tmp_path: Path) -> None:
    root = tree(tmp_path)
    for changed in ("app/core/static/site.css", "frontend/dist/assets/main-abc.js", "uv.lock"):
        collected_after_every_source(root)
        age(root / changed, 3_000)
        assert not static_is_current(root), changed


def test_other_code_changes_do_not_make_it_stale(tmp_path: Path) -> None:
    root = tree(tmp_path)
    collected_after_every_source(root)
    (root / "app" / "core" / "views.py").write_text("# newer, not static")
    assert static_is_current(root)
