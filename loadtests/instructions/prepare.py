"""Step 1 of a count, run natively (not under valgrind, where migrating takes minutes): migrate
the fresh SQLite database the environment names and load deterministic data into it.

    python -m loadtests.instructions.prepare <fixture.json>

Data: seed_loadtest's seeded Zipf lists (2 users x 100 tasks; the other user's tasks make the
owner scoping real). Writes the fixture measure.py reads: a signed-in session of the first user,
one of their tasks and a two-word query that matches their tasks.
"""

from __future__ import annotations

import io
import json
import sys
import urllib.parse
from pathlib import Path

USERS = 2
TASKS_PER_USER = 100
PREFIX = "instructions"


def main(fixture_path: Path) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from app.tasks.models import Task

    sessions = fixture_path.with_name("sessions.json")
    call_command("migrate", verbosity=0, interactive=False)
    call_command(
        "seed_loadtest",
        users=USERS,
        tasks_per_user=TASKS_PER_USER,
        password="instruction-count",  # noqa: S106  (a throwaway database's own account)
        prefix=PREFIX,
        seed=4,
        sessions_out=f"1:{sessions}",
        stdout=io.StringIO(),
    )
    # The first by title, not by id: ids are random UUIDs, titles come from the seed.
    task = Task.objects.filter(owner__email=f"{PREFIX}-0@example.com").order_by("title").first()
    if task is None:
        sys.exit("prepare: seed_loadtest created no tasks")
    query = " ".join(task.title.lower().split()[:2])
    fixture = {
        "session": json.loads(sessions.read_text())[0],
        "task_id": str(task.pk),
        "query": urllib.parse.quote(query),
    }
    fixture_path.write_text(json.dumps(fixture))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
