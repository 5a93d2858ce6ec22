import pytest

from tests.email.smtp_server import ScriptedSmtp


@pytest.fixture
def smtp():
    """Start a scripted SMTP server: smtp(["451 4.3.0 busy"]) refuses once, then accepts."""
    servers: list[ScriptedSmtp] = []

    def _start(replies: list[str] | None = None) -> ScriptedSmtp:
        servers.append(ScriptedSmtp(replies))
        return servers[-1]

    yield _start
    for server in servers:
        server.stop()
