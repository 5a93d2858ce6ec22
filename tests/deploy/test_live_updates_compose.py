"""Live updates under compose: a web-asgi service, and a proxy in front that sends /ws/ to it.

Read from containers/compose.yaml and containers/proxy.conf (there is no registry here to pull
nginx from; the Ansible proxy role's molecule scenarios prove the same routing with real nginx).
containers/image-test.sh runs the web-asgi role's image and its compose health check.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

CONTAINERS = Path(__file__).resolve().parents[2] / "containers"


@pytest.fixture(scope="module")
def services() -> dict[str, Any]:
    return yaml.safe_load((CONTAINERS / "compose.yaml").read_text())["services"]


def by_role(services: dict[str, Any], role: str) -> dict[str, Any]:
    found = [s for s in services.values() if s.get("environment", {}).get("ROLE") == role]
    assert len(found) == 1, f"services with ROLE={role}: {len(found)}"
    return found[0]


def name_of(services: dict[str, Any], role: str) -> str:
    return next(n for n, s in services.items() if s.get("environment", {}).get("ROLE") == role)


def location(config: str, path: str) -> str:
    match = re.search(rf"location {re.escape(path)}\s*\{{([^{{}}]*)\}}", config)
    assert match, f"no location {path} in containers/proxy.conf"
    return match.group(1)


def test_a_service_runs_the_images_web_asgi_role(services: dict[str, Any]) -> None:
    asgi = by_role(services, "web-asgi")
    assert asgi["image"] == by_role(services, "web")["image"]
    assert asgi["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    assert "127.0.0.1:8000/healthz" in " ".join(asgi["healthcheck"]["test"])


def test_every_app_service_knows_an_asgi_server_is_configured(services: dict[str, Any]) -> None:
    for role in ("web", "web-asgi", "worker", "beat", "migrate"):
        assert by_role(services, role)["environment"]["ASGI_SERVER_CONFIGURED"] == "true", role


def test_the_proxy_is_the_front_door_and_waits_for_both_servers(services: dict[str, Any]) -> None:
    proxy = services["proxy"]
    assert proxy["ports"] == ["127.0.0.1:${WEB_PORT:-8000}:8080"]
    assert "./proxy.conf:/etc/nginx/conf.d/default.conf:ro" in proxy["volumes"]
    for role in ("web", "web-asgi"):
        assert proxy["depends_on"][name_of(services, role)]["condition"] == "service_healthy"
    assert "ports" not in by_role(services, "web")  # only through the proxy


def test_the_proxy_sends_ws_to_web_asgi_with_the_upgrade(services: dict[str, Any]) -> None:
    config = (CONTAINERS / "proxy.conf").read_text()
    ws = location(config, "/ws/")
    assert f"proxy_pass http://{name_of(services, 'web-asgi')}:8000;" in ws
    assert "proxy_http_version 1.1;" in ws
    assert "proxy_set_header Upgrade $http_upgrade;" in ws
    assert 'proxy_set_header Connection "upgrade";' in ws
    assert 'Connection ""' not in ws
    (timeout,) = re.findall(r"proxy_read_timeout (\d+)s;", ws)
    assert int(timeout) >= 3600
    assert f"proxy_pass http://{name_of(services, 'web')}:8000;" in location(config, "/")
