"""`just serve` runs one WSGI server and no proxy: its pages open no live-updates socket that
nothing would answer; served as web-asgi, they do (the socket is answered by that server)."""

from app.serving.local import loopback_env


def test_the_wsgi_server_serves_pages_that_open_no_socket(monkeypatch):
    monkeypatch.delenv("LIVE_UPDATES", raising=False)
    env = loopback_env("web")
    assert env["LIVE_UPDATES"] == "false" and env["ASGI_SERVER_CONFIGURED"] == "false"


def test_the_asgi_server_serves_live_updates_itself(monkeypatch):
    monkeypatch.delenv("LIVE_UPDATES", raising=False)
    monkeypatch.delenv("ASGI_SERVER_CONFIGURED", raising=False)
    env = loopback_env("web-asgi")
    assert env["LIVE_UPDATES"] == "true" and env["ASGI_SERVER_CONFIGURED"] == "true"


def test_an_explicit_choice_wins(monkeypatch):
    monkeypatch.setenv("LIVE_UPDATES", "true")
    assert loopback_env("web")["LIVE_UPDATES"] == "true"
