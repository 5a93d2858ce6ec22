"""Before any load: is the target up, and does it have the search API?"""

from __future__ import annotations

import urllib.error
import urllib.request


def unreachable(host: str, timeout: float = 5) -> str | None:
    """None when {host}/healthz answers 200, else why not."""
    try:
        with urllib.request.urlopen(f"{host}/healthz", timeout=timeout) as r:
            return None if r.status == 200 else f"{host}/healthz answered {r.status}"
    except urllib.error.HTTPError as exc:
        return f"{host}/healthz answered {exc.code}"
    except (OSError, ValueError) as exc:
        return f"{host} is unreachable ({exc})"


def search_missing(host: str) -> str | None:
    """None when the search API exists (401 without a login), else the reason to skip it."""
    try:
        urllib.request.urlopen(f"{host}/api/v1/search?q=probe", timeout=5)
    except urllib.error.HTTPError as exc:
        if exc.code == 404:
            return "skipped: this target has no /api/v1/search (search not merged yet)"
        return None
    except OSError as exc:
        return f"skipped: could not probe /api/v1/search ({exc})"
    return None
