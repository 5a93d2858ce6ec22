"""Real English text available offline: Debian package descriptions.

`apt-cache dumpavail` gives every available package with its one-line description (the title).
Long descriptions live in apt's Translation-en lists when apt fetched them
(`apt-get update -o Acquire::Languages=en`); they are read with apt-helper when present, and
the corpus falls back to titles alone when not.
"""

import glob
import json
import subprocess
from pathlib import Path

APT_LISTS = "/var/lib/apt/lists"


def _records(text: str):
    """(field -> value) per stanza; continuation lines joined with newlines, " ." as blank."""
    for stanza in text.split("\n\n"):
        fields: dict[str, str] = {}
        key = None
        for line in stanza.splitlines():
            if line.startswith(" ") and key:
                fields[key] += "\n" + ("" if line.strip() == "." else line[1:])
            elif ":" in line:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        if fields:
            yield fields


def _long_descriptions() -> dict[str, str]:
    """Description-md5 -> long description body, from every Translation-en list apt has."""
    found: dict[str, str] = {}
    for path in sorted(glob.glob(f"{APT_LISTS}/*_i18n_Translation-en*")):
        out = subprocess.run(
            ["/usr/lib/apt/apt-helper", "cat-file", path],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        for rec in _records(out):
            text = rec.get("Description-en", "")
            if rec.get("Description-md5") and "\n" in text:
                found[rec["Description-md5"]] = text.split("\n", 1)[1].strip()
    return found


def descriptions() -> list[tuple[str, str]]:
    """(title, description) per package, sorted by package name: the same list every run."""
    dump = subprocess.run(
        ["apt-cache", "dumpavail"], capture_output=True, text=True, check=True
    ).stdout
    longs = _long_descriptions()
    docs: dict[str, tuple[str, str]] = {}
    for rec in _records(dump):
        name, short = rec.get("Package"), rec.get("Description", "").split("\n", 1)
        if name and short[0] and name not in docs:
            body = (
                short[1].strip()
                if len(short) > 1
                else longs.get(rec.get("Description-md5", ""), "")
            )
            docs[name] = (short[0][:200], body[:10_000])
    return [docs[name] for name in sorted(docs)]


def cached_descriptions(cache: Path) -> list[tuple[str, str]]:
    """The descriptions, read once and kept, so every backend of a benchmark sees the same text."""
    if cache.exists():
        return [(d[0], d[1]) for d in json.loads(cache.read_text())]
    docs = descriptions()
    if not docs:
        raise RuntimeError("apt-cache dumpavail listed no packages: run apt-get update first")
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps(docs))
    return docs
