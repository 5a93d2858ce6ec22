"""Live updates in an Ansible deployment: a web-asgi unit beside every web unit, and a proxy
that routes /ws/ to it with the WebSocket upgrade, drained with its host during rolling deploys.

Renders the roles' real templates (tests/deploy/rendered.py). The proof that a socket opened
through the proxy receives a task change is the app role's molecule scenario (verify.yml).
"""

from __future__ import annotations

import re

import pytest

from tests.deploy.rendered import Rendered, render


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Rendered]:
    return render(tmp_path_factory.mktemp("rendered"))


@pytest.fixture
def rendered(variants: dict[str, Rendered]) -> Rendered:
    return variants["on"]


@pytest.fixture
def without_asgi(variants: dict[str, Rendered]) -> Rendered:
    return variants["off"]


def block(config: str, opening: str) -> str:
    """The body of the last `opening { ... }` (blocks without nested braces): the HTTPS
    server comes after the plain-HTTP one, which has its own `location /`."""
    found = re.findall(re.escape(opening) + r"\s*\{([^{}]*)\}", config)
    assert found, f"no block '{opening}' in:\n{config}"
    return found[-1]


def directives(body: str, name: str) -> list[str]:
    return [m.strip() for m in re.findall(rf"^\s*{name}\s+([^;]*);", body, flags=re.M)]


def env_file(text: str) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in text.splitlines() if "=" in line)
    return {key: value.strip('"') for key, value in pairs if not key.startswith("#")}


# ---- app role ----------------------------------------------------------------------------


def test_web_hosts_run_the_asgi_unit_beside_the_web_unit(rendered: Rendered) -> None:
    assert rendered.services("web1") == ["web", "web-asgi"]
    assert rendered.services("web2") == ["web", "web-asgi"]
    assert "web-asgi" not in rendered.services("worker1")


def test_the_asgi_unit_serves_the_asgi_app_on_its_own_port(rendered: Rendered) -> None:
    unit = rendered.text("web1/web-asgi.service")
    (exec_start,) = re.findall(r"^ExecStart=(.*)$", unit, flags=re.M)
    # app/serving's web-asgi role: Granian's ASGI interface with WebSockets (tests/serving)
    venv = "/srv/quickscale/current/.venv"
    assert exec_start.startswith(f"{venv}/bin/python -m app.serving web-asgi ")
    assert "--host 0.0.0.0 --port 8001" in exec_start
    assert "EnvironmentFile=/etc/quickscale/app.env" in unit
    assert re.search(r"^Restart=always$", unit, flags=re.M)


@pytest.mark.parametrize("unit", ["web", "web-asgi", "worker", "beat"])
def test_each_unit_directive_stays_on_its_own_line(rendered: Rendered, unit: str) -> None:
    host = "web1" if unit.startswith("web") else "worker1"
    lines = rendered.text(f"{host}/{unit}.service").splitlines()
    (exec_start,) = [line for line in lines if line.startswith("ExecStart=")]
    assert "Restart=" not in exec_start  # a template tag ending the line must not eat its \n
    assert "Restart=always" in lines


def test_the_deployment_declares_its_asgi_server(rendered: Rendered) -> None:
    for host in ("web1", "worker1"):
        env = env_file(rendered.text(f"{host}/app.env"))
        assert env["LIVE_UPDATES"] == "true"
        assert env["ASGI_SERVER_CONFIGURED"] == "true"


def test_without_asgi_no_unit_and_the_env_says_so(without_asgi: Rendered) -> None:
    assert without_asgi.services("web1") == ["web"]
    env = env_file(without_asgi.text("web1/app.env"))
    assert env["ASGI_SERVER_CONFIGURED"] == "false"


# ---- proxy role --------------------------------------------------------------------------


def test_ws_is_routed_to_the_asgi_upstream_with_the_upgrade(rendered: Rendered) -> None:
    ws = block(rendered.text("proxy/site.conf"), "location /ws/")
    assert directives(ws, "proxy_pass") == ["http://quickscale_asgi"]
    headers = directives(ws, "proxy_set_header")
    assert "Upgrade $http_upgrade" in headers
    assert 'Connection "upgrade"' in headers
    assert 'Connection ""' not in headers
    # proxy_set_header in a location replaces the server's: the forwarding headers are repeated
    for header in ("Host $host", "X-Forwarded-Proto $scheme", "X-Request-ID $request_id"):
        assert header in headers
    server = rendered.text("proxy/site.conf")
    assert "proxy_http_version 1.1" in ws or "proxy_http_version 1.1;" in server


def test_ws_sockets_may_stay_idle_for_an_hour(rendered: Rendered) -> None:
    ws = block(rendered.text("proxy/site.conf"), "location /ws/")
    for name in ("proxy_read_timeout", "proxy_send_timeout"):
        (value,) = directives(ws, name)
        seconds = int(value.rstrip("s")) * (3600 if value.endswith("h") else 1)
        assert seconds >= 3600, f"{name} {value}"


def test_asgi_upstream_lists_every_web_host_on_the_asgi_port(rendered: Rendered) -> None:
    upstream = block(rendered.text("proxy/upstreams.conf"), "upstream quickscale_asgi")
    servers = directives(upstream, "server")
    assert [s.split()[0] for s in servers] == ["10.0.0.11:8001", "10.0.0.12:8001"]
    assert not any("down" in s.split() for s in servers)


def test_a_drained_host_takes_its_asgi_server_out_too(rendered: Rendered) -> None:
    text = rendered.text("proxy/upstreams-web1-drained.conf")
    for name, port in (("quickscale_web", 8000), ("quickscale_asgi", 8001)):
        servers = directives(block(text, f"upstream {name}"), "server")
        by_host = {s.split()[0]: s.split()[1:] for s in servers}
        assert "down" in by_host[f"10.0.0.11:{port}"], name
        assert "down" not in by_host[f"10.0.0.12:{port}"], name


def test_without_asgi_the_proxy_has_no_ws_route(without_asgi: Rendered) -> None:
    assert "location /ws/" not in without_asgi.text("proxy/site.conf")
    assert "quickscale_asgi" not in without_asgi.text("proxy/upstreams.conf")


def test_pages_still_keep_upstream_connections_alive(rendered: Rendered) -> None:
    page = block(rendered.text("proxy/site.conf"), "location /")
    assert directives(page, "proxy_pass") == ["http://quickscale_web"]
    https_server = rendered.text("proxy/site.conf").split("listen 443", 1)[1]
    assert 'proxy_set_header Connection "";' in https_server.split("location", 1)[0]
