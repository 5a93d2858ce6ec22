"""Production settings on the full stack, in this process, with the load test's corpus.

The environment is the load-test stack's own (loadtests/tool/stack.py: `Stack.env()`), pointed
at a database and a cache db of this tool's, so a profile never touches a load test's data."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from loadtests.tool.stack import PASSWORD, Stack

DATABASE_URL = os.environ.get(
    "PROFILE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/qs_profile"
)
VALKEY_URL = os.environ.get("PROFILE_VALKEY_URL", "redis://127.0.0.1:6379/12")
USERS, TASKS_PER_USER = 41, 250  # the regression profile's corpus
# The keys the corpus was signed with (sessions are signed with SECRET_KEY), kept so that a run
# with --no-setup can reuse the previous run's database.
STATE = Path(tempfile.gettempdir()) / "qs-profile-state.json"


@dataclass
class Corpus:
    email: str
    password: str
    sessions: list[str]


def prepare(*, setup: bool) -> Corpus:
    """Create and migrate the database, load the corpus, then set up Django in this process."""
    stack = Stack(database_url=DATABASE_URL, valkey_url=VALKEY_URL)
    env = stack.env()
    if setup or not STATE.exists():
        sessions = STATE.with_suffix(".sessions")
        stack._create_database()
        stack._flush_cache()
        stack.manage("migrate", "--noinput", "-v", "0")
        stack.manage(
            "seed_loadtest",
            "--users",
            str(USERS),
            "--tasks-per-user",
            str(TASKS_PER_USER),
            "--password",
            PASSWORD,
            "--sessions-out",
            f"4:{sessions}",
        )
        stack.manage("search_index", "rebuild")
        state = {
            "SECRET_KEY": env["SECRET_KEY"],
            "JWT_PRIVATE_KEY": env["JWT_PRIVATE_KEY"],
            "sessions": json.loads(sessions.read_text()),
        }
        STATE.write_text(json.dumps(state))
        STATE.chmod(0o600)
    state = json.loads(STATE.read_text())
    env.update(SECRET_KEY=state["SECRET_KEY"], JWT_PRIVATE_KEY=state["JWT_PRIVATE_KEY"])
    os.environ.update(env)
    import django

    django.setup()
    return Corpus(email="loadtest-0@example.com", password=PASSWORD, sessions=state["sessions"])
