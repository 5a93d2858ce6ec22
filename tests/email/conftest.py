import pytest

from tests.email.smtp_server import ScriptedSmtp

# The browser fixtures (Debian's Chromium through Playwright) and their skip-without-Chromium
# hook, for the caught-mail browser test.
from tests.frontend.conftest import (  # noqa: F401
    chromium,
    new_page,
    pytest_collection_modifyitems,
    pytest_runtest_makereport,
)


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
