"""Plain PostgreSQL: search_topk always ends, and agrees with scoring every match.

Its loop lowers a cut until no unread document can beat the k-th score (theta). At the water
level that bound equals theta, and float rounding once left it a hair above, so the level stopped
moving: a 4-word query on the load-test corpus ran until the statement timeout (a 503 under load).
"""

import itertools
import random

from django.core.management import call_command
from django.db import connection

from app.tasks.management.commands.seed_loadtest import WORDS


def test_topk_ends_and_matches_every_match_scored(pg_exact):
    # The regression profile's corpus (the same every run), where the stall was found.
    call_command("seed_loadtest", users=41, tasks_per_user=250, password="x" * 12, verbosity=0)
    vocabulary = list(dict.fromkeys(WORDS))
    rng = random.Random(3)
    queries = [["import", "orchestra", "api", "permafrost"]]  # the query that stalled
    queries += [rng.sample(vocabulary[:40], rng.randint(2, 4)) for _ in range(5)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT DISTINCT scope FROM search_posting")
        scopes = [row[0] for row in cursor.fetchall()]
        cursor.execute("SET LOCAL statement_timeout = 2000")  # the API's limit
        for scope, words in itertools.product(scopes, queries):
            cursor.execute(
                "SELECT doc, score FROM search_topk('tasks.task', %s, %s, 11)",
                [words, scope],
            )
            topk = [round(score, 9) for _, score in cursor.fetchall()]
            cursor.execute(
                "SELECT score FROM search_all('tasks.task', %s, %s) ORDER BY score DESC LIMIT 11",
                [words, scope],
            )
            assert topk == [round(score, 9) for (score,) in cursor.fetchall()], (scope, words)
